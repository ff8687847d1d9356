"""Issue 20, point 3: a student or trainee from outside is a participant, not one of the pedagogical staff.

The small book of ``test_report_indicators`` with two students: П-4 («студент / стажёр») in a running pair
ПР-4, and П-8 («молодой специалист») whose completed pair ПР-6 has the form «работодатель – студент».
And the mechanism of indicators that do not apply to a type (``report.bytype``), proved with a type set here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from nastavnik.report import build_statform, bytype, compute_indicators, write_report_xlsx
from nastavnik.report.statform import STAFF_ROW, STUDENTS_DONE_ROW, STUDENTS_ROW
from nastavnik.workbook import orgtypes
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .test_report_indicators import END, START, small_parts

D = dt.date


def students_parts():
    org, tables = small_parts()
    for p in tables["pairs"]:
        if p["code"] == "ПР-4":  # П-4, «студент / стажёр», now in a running pair
            p.update(status=v.PAIR_RUNNING, start=D(2026, 10, 5), order_no="12-о", order_date=D(2026, 10, 1))
        if p["code"] == "ПР-6":  # П-8 completed in full within the period, as a student on practice
            p["form"] = v.FORM_STUDENT
    return org, tables


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("students") / "студенты.xlsx"
    org, tables = students_parts()
    write_workbook(path, org, tables)
    return read_workbook(path, today=TODAY)


@pytest.fixture(scope="module")
def ind(book):
    return {i.code: i for i in compute_indicators(book, START, END, TODAY)}


def test_share_of_staff_as_mentees_leaves_students_out(ind):
    assert ind["mentees_active"].value == 5  # П-1, П-2, П-3, П-4, П-8
    share = ind["staff_share_mentees"]
    assert (share.numerator, share.denominator, share.value) == (3, 20, 15.0)  # П-1, П-2, П-3 of 20
    assert "Студенты и стажёры не учтены: 2" in share.note
    assert "без студентов и стажёров" in share.name


def test_students_are_counted_apart_mentored_and_completed(ind):
    assert ind["students_active"].value == 2  # П-4 by category, П-8 by the form of ПР-6
    assert ind["students_completed"].value == 1  # П-8: ПР-6 ended 31.10.2026, plan fulfilled
    assert ind["students_active"].spec.key  # on «Сводка» and in the district roll-up


def test_federal_indicator_counts_only_teachers(ind):
    fed = ind["federal_under35_first3"]
    # Under 35 with стаж < 3, students left out: Н-3, П-1, П-5; in pairs: П-1.
    assert (fed.numerator, fed.denominator) == (1, 3)
    assert ind["young_bank"].value == 3  # П-1, П-2, П-5


def test_statform_shows_students_in_their_own_rows(book):
    sf = build_statform(book, START, END, TODAY)
    rows = dict(sf.rows)
    col = {c: k for k, c in enumerate(sf.columns)}
    assert rows[STAFF_ROW][col["Всего"]] == 3
    assert rows[STUDENTS_ROW][col["Всего"]] == 2
    assert rows[STUDENTS_ROW][col[v.FORM_STUDENT]] == 1
    assert rows[STUDENTS_DONE_ROW][col["Всего"]] == 1
    assert rows[STAFF_ROW][0] + rows[STUDENTS_ROW][0] == rows["Наставляемые — всего"][0]
    assert any("не педагогические работники" in n for n in sf.notes)


def test_analytic_report_says_students_are_not_staff(book):
    from nastavnik.docs.analytic import build_analytic

    ctx = build_analytic(book, TODAY)[0][1]
    text = ctx["participants"]["text"]
    assert "Студентов и стажёров среди наставляемых — 2" in text
    assert "не педагогические работники организации" in text
    assert "завершили программу в полном объёме — 1" in text
    labels = [c["label"] for c in ctx["participants"]["categories"]]
    assert STUDENTS_ROW in labels and STUDENTS_DONE_ROW in labels


def test_staff_count_check_leaves_students_of_the_student_form_out(tmp_path):
    """Working people: Н-1, Н-2, Н-3 and П-1, П-2, П-3, П-5, П-7 — eight; П-4 and П-8 are students."""
    from nastavnik.checks.org import staff_count

    org, tables = students_parts()
    surnames = ["Белова", "Волкова", "Голубева", "Дёмина", "Жукова", "Зайцева", "Ильина", "Карпова", "Лебедева",
                "Морозова", "Никитина", "Орлова"]
    for surname, person in zip(surnames, tables["mentors"] + tables["mentees"]):
        person["fio"] = f"{surname} Анна Ивановна"
    org["staff_count"] = 8
    write_workbook(tmp_path / "к.xlsx", org, tables)
    book = read_workbook(tmp_path / "к.xlsx", today=TODAY)
    assert list(staff_count(book, TODAY)) == []
    book.org["staff_count"] = 7
    assert [p.code for p in staff_count(book, TODAY)] == ["staff_below_bank"]


# --- indicators that do not apply to a type ---------------------------------------------------------------
OFF = frozenset({"students_active", "students_completed", "units_by_form", "staff_share_mentees"})


@pytest.fixture
def school_without(book, monkeypatch):
    """The same book as a school's, for which (in this test only) four indicators do not apply."""
    monkeypatch.setattr(book, "org_type", dataclasses.replace(orgtypes.SCHOOL, indicators_off=OFF))
    return book


def test_an_indicator_off_for_the_type_is_left_out_of_the_indicators(school_without):
    codes = {i.code for i in compute_indicators(school_without, START, END, TODAY)}
    assert not codes & OFF
    assert "mentees_active" in codes


def test_an_indicator_off_for_the_type_is_left_out_of_the_xlsx_and_statform(school_without, tmp_path):
    import openpyxl

    from nastavnik.report.registry import SPEC_BY_CODE

    indicators = compute_indicators(school_without, START, END, TODAY)
    sf = build_statform(school_without, START, END, TODAY)
    assert STUDENTS_ROW not in dict(sf.rows) and STUDENTS_DONE_ROW not in dict(sf.rows)
    wb = openpyxl.load_workbook(write_report_xlsx(indicators, sf, tmp_path / "м.xlsx"))
    cells = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for code in OFF:
        assert SPEC_BY_CODE[code].name not in cells, code
    assert "Пары и группы по формам наставничества" not in cells  # its chart's table is gone too
    assert SPEC_BY_CODE["mentees_active"].name in cells


def test_an_indicator_off_for_the_type_is_left_out_of_the_analytic_report(school_without):
    from nastavnik.docs.analytic import build_analytic
    from nastavnik.report.registry import SPEC_BY_CODE

    ctx = build_analytic(school_without, TODAY)[0][1]
    labels = [r["label"] for r in ctx["participants"]["rows"]]
    assert SPEC_BY_CODE["staff_share_mentees"].name not in labels
    assert SPEC_BY_CODE["students_active"].name not in labels
    assert "Студентов и стажёров" not in ctx["participants"]["text"]
    assert STUDENTS_ROW not in [c["label"] for c in ctx["participants"]["categories"]]


def test_every_type_has_all_indicators_for_now():
    """The decision of issue 20: the federal model is one for every type, so nothing is off (see bytype)."""
    from types import SimpleNamespace

    assert all(not bytype.off_codes(SimpleNamespace(org_type=t, org={})) for t in orgtypes.TYPES)
