"""The committed template is exactly what the schema generates, and it is usable in Excel/Calc."""

from __future__ import annotations

import openpyxl
import pytest

from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import header_title
from scripts.make_template import TEMPLATE, TEMPLATES, build

from .conftest import TODAY


@pytest.mark.parametrize("org_type", ot.TYPES, ids=lambda t: t.key)
def test_committed_template_is_what_the_script_generates(tmp_path, org_type):
    fresh = build(tmp_path / "t.xlsx", org_type)
    assert fresh.read_bytes() == TEMPLATES[org_type.key].read_bytes(), "run: python3 scripts/make_template.py"


@pytest.mark.parametrize("org_type", ot.TYPES, ids=lambda t: t.key)
def test_each_type_template_reads_back_as_its_type_without_problems(org_type):
    book = read_workbook(TEMPLATES[org_type.key], today=TODAY)
    assert book.problems == []
    assert book.org_type is org_type
    assert book.lists["focus"] == list(org_type.profiles)
    wb = openpyxl.load_workbook(TEMPLATES[org_type.key])
    headers = [c.value for c in wb[s.MENTEES.title][1]]
    assert header_title(s.sheet_for("mentees", org_type).col("focus")) in headers
    assert f"{org_type.profile} *" in headers


def test_school_template_speaks_of_subjects_not_of_supplementary_education():
    wb = openpyxl.load_workbook(TEMPLATES["school"])
    text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    comments = " ".join(c.comment.text for ws in wb for row in ws.iter_rows() for c in row if c.comment)
    for word in ("направленност", "общеразвивающ", "объединени"):
        # a school's «методическое объединение» and the adviser's «общественными объединениями» are a school's words
        found = (text + comments).lower().replace("методическое объединение", "").replace("общественными объед", "")
        assert word not in found, word
    assert "математика" in text and "основное общее" in text and "учитель начальных классов" in text


@pytest.fixture(scope="module")
def template_wb():
    return openpyxl.load_workbook(TEMPLATE)


def test_sheets_in_order(template_wb):
    expected = [s.INSTRUCTION_TITLE, s.ORG_TITLE, *(sh.title for sh in s.SHEETS), s.LISTS_TITLE]
    assert template_wb.sheetnames == expected


@pytest.mark.parametrize("sheet", s.SHEETS, ids=lambda sh: sh.key)
def test_headers_hints_and_frozen_row(template_wb, sheet):
    ws = template_wb[sheet.title]
    assert [c.value for c in ws[1]] == [header_title(c) for c in s.sheet_for(sheet.key, ot.DEFAULT).columns]
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
        cells = [c.value for row in ws[ref.replace("$", "")] for c in row]
        if key in s.EXTENDABLE:  # room below for the organisation's additions, inside the range
            assert cells[:len(values)] == values and len(cells) >= len(values) + 100
            assert set(cells[len(values):]) == {None}
        else:
            assert cells == values


def test_lists_sheet_says_which_lists_may_be_extended(template_wb):
    ws = template_wb[s.LISTS_TITLE]
    marks = {ws.cell(1, j).value: ws.cell(2, j).value for j in range(1, ws.max_column + 1)}
    assert marks["Тип мероприятия"] == s.LIST_OPEN_MARK
    assert marks["Статус пары (группы)"] == s.LIST_FIXED_MARK
    assert marks["Вид наставничества"] == s.LIST_FIXED_MARK


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
