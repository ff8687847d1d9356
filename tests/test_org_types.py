"""Any educational organisation: the type on «Организация» selects the lists and the words, and the
organisation's own lists on «Справочники» take the curator's additions."""

from __future__ import annotations

import copy

import openpyxl
import pytest

from nastavnik.checks import check_book
from nastavnik.forms.questions import questions
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import header_title, write_workbook

from .conftest import TODAY

SUBJECTS = ["математика", "физика", "русский язык", "начальные классы", "информатика", "история"]


def _as_school(org, tables, extra_subject: str | None = None):
    """The demo's people as a school's teachers: subjects and ФГОС levels instead of направленности."""
    org["org_type"] = ot.SCHOOL.title
    for bank in ("mentors", "mentees"):
        for n, row in enumerate(tables[bank]):
            row["focus"] = SUBJECTS[n % len(SUBJECTS)]
            row["level"] = ("основное общее", "среднее общее") if n % 2 else ("начальное общее",)
            row["position"] = "учитель"
            row["subject"] = "5–9 классы"
    if extra_subject:
        tables["mentees"][0]["focus"] = extra_subject


def _school(tmp_path, demo_parts, extra_subject=None, lists=None, name="школа.xlsx"):
    org, tables = copy.deepcopy(demo_parts)
    _as_school(org, tables, extra_subject)
    path = tmp_path / name
    write_workbook(path, org, tables, lists=lists)
    return path


def _type_in_lists_sheet(path, list_key: str, value: str):
    """Type a value into the first empty cell under a list on «Справочники», as a curator does in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb[s.LISTS_TITLE]
    title = s.lists_for(ot.find(wb[s.ORG_TITLE]["B2"].value))[list_key][0]
    col = next(c for c in range(1, ws.max_column + 1) if ws.cell(1, c).value == title)
    row = next(r for r in range(3, 1000) if ws.cell(r, col).value is None)
    ws.cell(row, col).value = value
    wb.save(path)
    return row, col


def test_school_book_with_subjects_and_levels_checks_clean(tmp_path, demo_parts):
    book = read_workbook(_school(tmp_path, demo_parts), today=TODAY)
    assert book.org_type is ot.SCHOOL
    report = check_book(book, TODAY)
    assert report.errors == []
    assert set(book.tables["mentors"]["focus"]) <= set(SUBJECTS)
    assert ("основное общее", "среднее общее") in set(book.tables["mentors"]["level"])


def test_school_headers_are_the_schools(tmp_path, demo_parts):
    wb = openpyxl.load_workbook(_school(tmp_path, demo_parts))
    headers = [c.value for c in wb[s.MENTORS.title][1]]
    assert "Учебный предмет *" in headers and "Уровень общего образования" in headers
    assert not any("Направленность" in h for h in headers)


def test_value_missing_from_the_list_is_an_error_that_points_to_the_lists_sheet(tmp_path, demo_parts):
    book = read_workbook(_school(tmp_path, demo_parts, extra_subject="астрономия"), today=TODAY)
    bad = [p for p in check_book(book, TODAY).errors if p.code == "not_in_list"]
    assert len(bad) == 1 and bad[0].column == "Учебный предмет *"
    assert "«Справочники»" in bad[0].message and "«Учебный предмет»" in bad[0].message


def test_value_the_curator_typed_under_the_list_is_accepted(tmp_path, demo_parts):
    path = _school(tmp_path, demo_parts, extra_subject="астрономия")
    _type_in_lists_sheet(path, "focus", "Астрономия")
    book = read_workbook(path, today=TODAY)
    assert "Астрономия" in book.lists["focus"]
    assert check_book(book, TODAY).errors == []
    assert book.tables["mentees"]["focus"].iloc[0] == "Астрономия"  # the list's spelling


def test_additions_carried_by_write_workbook_appear_in_the_dropdown_range(tmp_path, demo_parts):
    path = _school(tmp_path, demo_parts, extra_subject="астрономия",
                   lists={"focus": [*ot.SCHOOL.profiles, "астрономия"]})
    wb = openpyxl.load_workbook(path)
    (title, ref), = wb.defined_names["list_focus"].destinations
    cells = [c.value for row in wb[title][ref.replace("$", "")] for c in row]
    assert "астрономия" in cells
    assert check_book(read_workbook(path, today=TODAY), TODAY).errors == []


def test_a_fixed_list_does_not_take_additions(tmp_path, demo_parts):
    path = _school(tmp_path, demo_parts)
    row, _col = _type_in_lists_sheet(path, "pair_status", "на паузе")
    book = read_workbook(path, today=TODAY)
    assert "на паузе" not in book.lists["pair_status"]
    warned = [p for p in book.problems if p.code == "fixed_list_changed"]
    assert len(warned) == 1 and warned[0].sheet == s.LISTS_TITLE and warned[0].row == row
    assert "постоянный" in warned[0].message


def test_a_school_header_in_a_centre_book_still_reads(tmp_path, demo_parts):
    """A curator who copies a column from another type's template does not lose it."""
    org, tables = copy.deepcopy(demo_parts)
    path = tmp_path / "центр.xlsx"
    write_workbook(path, org, tables)
    wb = openpyxl.load_workbook(path)
    ws = wb[s.MENTORS.title]
    col = [c.value for c in ws[1]].index(header_title(s.MENTORS.col("level"))) + 1
    ws.cell(1, col).value = "Уровень общего образования"
    wb.save(path)
    book = read_workbook(path, today=TODAY)
    assert "level" in book.columns["mentors"]
    assert not [p for p in book.problems if p.code in ("unknown_column", "missing_column")]


def test_book_of_an_older_template_is_a_centres_without_false_alarms(tmp_path, demo_parts):
    org, tables = copy.deepcopy(demo_parts)
    path = tmp_path / "старая.xlsx"
    write_workbook(path, org, tables)
    wb = openpyxl.load_workbook(path)
    ws = wb[s.ORG_TITLE]
    ws.delete_rows(next(r for r in range(1, 80) if str(ws.cell(r, 1).value).startswith("Тип организации")))
    for sheet in (s.MENTORS, s.MENTEES):
        wsb = wb[sheet.title]
        wsb.delete_cols([c.value for c in wsb[1]].index(header_title(sheet.col("level"))) + 1)
    ins = wb[s.INSTRUCTION_TITLE]
    for row in ins.iter_rows(max_row=10):
        for c in row:
            if c.value and "Версия шаблона" in str(c.value):
                c.value = "Версия шаблона: 1.1"
    wb.save(path)
    book = read_workbook(path, today=TODAY)
    assert book.org_type is ot.EXTRA
    codes = {p.code for p in book.problems}
    assert not codes & {"missing_parameter", "missing_column"}
    assert "Тип организации" in book.migration[0]
    assert check_book(book, TODAY).errors == []


@pytest.mark.parametrize("org_type", ot.TYPES, ids=lambda t: t.key)
def test_questionnaires_ask_the_types_profile_from_the_books_list(tmp_path, demo_parts, org_type):
    org, tables = copy.deepcopy(demo_parts)
    org["org_type"] = org_type.title
    path = tmp_path / "к.xlsx"
    write_workbook(path, org, tables, lists={"focus": [*org_type.profiles, "своё значение"]})
    book = read_workbook(path, today=TODAY)
    asked = {q.key: q for q in questions("запрос", book)}
    assert asked["focus"].text == org_type.profile
    assert asked["focus"].options[-1] == "своё значение"
    assert asked["level"].text == org_type.level
    assert asked["position"].options == ()  # a position stays free text in a form


def test_new_year_keeps_the_additions(tmp_path, demo_parts):
    

    path = _school(tmp_path, demo_parts, extra_subject="астрономия",
                   lists={"focus": [*ot.SCHOOL.profiles, "астрономия"]})
    from click.testing import CliRunner

    from nastavnik.cli import main

    out = tmp_path / "следующий.xlsx"
    result = CliRunner().invoke(main, ["--today", "30.08.2027", "new-year", str(path), "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    nxt = read_workbook(out, today=TODAY)
    assert nxt.org_type is ot.SCHOOL and "астрономия" in nxt.lists["focus"]


def test_a_department_written_otherwise_than_in_the_list_is_pointed_out(tmp_path, demo_parts):
    org, tables = copy.deepcopy(demo_parts)
    _as_school(org, tables)
    for bank in ("mentors", "mentees"):
        for n, row in enumerate(tables[bank]):
            row["department"] = "МО учителей математики" if n or bank == "mentees" else "МО математики"
    path = tmp_path / "школа.xlsx"
    write_workbook(path, org, tables, lists={"department": ["МО учителей математики"]})
    book = read_workbook(path, today=TODAY)
    warned = [p for p in check_book(book, TODAY).warnings if p.code == "department_not_in_list"]
    assert [(p.sheet, p.row) for p in warned] == [(s.MENTORS.title, 2)]
    assert "«МО математики»" in warned[0].message


def test_no_department_list_no_department_warning(make_book):
    book = make_book()
    assert not [p for p in check_book(book, TODAY).warnings if p.code == "department_not_in_list"]
