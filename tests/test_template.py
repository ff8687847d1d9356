"""The committed template is exactly what the schema generates, and it is usable in Excel/Calc."""

from __future__ import annotations

import openpyxl
import pytest

from nastavnik import schema as s
from nastavnik.reader import read_workbook
from nastavnik.template import header_title
from scripts.make_template import TEMPLATE, build

from .conftest import TODAY


def test_committed_template_is_what_the_script_generates(tmp_path):
    fresh = build(tmp_path / "t.xlsx")
    assert fresh.read_bytes() == TEMPLATE.read_bytes(), "run: python3 scripts/make_template.py"


@pytest.fixture(scope="module")
def template_wb():
    return openpyxl.load_workbook(TEMPLATE)


def test_sheets_in_order(template_wb):
    expected = [s.INSTRUCTION_TITLE, s.ORG_TITLE, *(sh.title for sh in s.SHEETS), s.LISTS_TITLE]
    assert template_wb.sheetnames == expected


@pytest.mark.parametrize("sheet", s.SHEETS, ids=lambda sh: sh.key)
def test_headers_hints_and_frozen_row(template_wb, sheet):
    ws = template_wb[sheet.title]
    assert [c.value for c in ws[1]] == [header_title(c) for c in sheet.columns]
    assert ws.freeze_panes in ("A2", "B2")
    for cell, col in zip(ws[1], sheet.columns):
        if col.hint:
            assert cell.comment is not None and col.hint in cell.comment.text


@pytest.mark.parametrize("sheet", s.SHEETS, ids=lambda sh: sh.key)
def test_every_list_column_has_a_dropdown_on_a_named_range(template_wb, sheet):
    ws = template_wb[sheet.title]
    by_formula = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            for rng in dv.sqref.ranges:
                by_formula[rng.min_col] = (dv.formula1, rng.max_row)
    for j, col in enumerate(sheet.columns, start=1):
        if col.choices and col.kind != s.MULTI:
            formula, last_row = by_formula[j]
            assert formula == f"list_{col.choices}"
            assert last_row >= 2000  # generous: tables do not grow by themselves


def test_named_ranges_hold_the_lists(template_wb):
    ws = template_wb[s.LISTS_TITLE]
    for key, (_title, values) in s.LISTS.items():
        dn = template_wb.defined_names[f"list_{key}"]
        (sheet_title, ref), = dn.destinations
        assert sheet_title == s.LISTS_TITLE
        assert [c.value for row in ws[ref.replace("$", "")] for c in row] == values


def test_dates_are_shown_day_month_year(demo_path):
    wb = openpyxl.load_workbook(demo_path)
    ws = wb[s.PAIRS.title]
    col = [c.value for c in ws[1]].index(header_title(s.PAIRS.col("start"))) + 1
    assert ws.cell(2, col).number_format == "DD.MM.YYYY"


def test_blank_template_reads_back_without_problems():
    book = read_workbook(TEMPLATE, today=TODAY)
    assert book.problems == []
    assert book.version == s.TEMPLATE_VERSION
    assert len(book.tables["roadmap"]) == 8  # the seven stages, pre-filled
    assert set(book.tables["roadmap"]["stage"]) == set(range(1, 8))
