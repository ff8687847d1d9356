"""Cell and reference rules: each test breaks one rule of the demo and finds it at its cell."""

from __future__ import annotations

import datetime as dt

import pytest

from nastavnik.base.problems import ERROR
from nastavnik.checks import check_book

from .checks_util import added, assert_only
from .conftest import TODAY


def test_demo_has_no_error_and_only_the_deliberate_warning(demo_book):
    report = check_book(demo_book, TODAY)
    assert report.errors == []
    # П-013 waits too long; П-014 (a student on practice) is in the bank before his consent is signed;
    # ПР-001 and ПР-002 have done nothing since 25.10.2026 (31 days; their next meeting is on 28.11)
    assert sorted((p.code, p.sheet, p.cell) for p in report.warnings) == [
        ("bank_without_consent", "Наставляемые", "AB15"), ("mentee_waiting", "Наставляемые", "AF14"),
        ("pair_stalled", "Пары и группы", "I2"), ("pair_stalled", "Пары и группы", "I3")]


def test_required_organisation_parameter(make_book, demo_book):
    def change(org, tables):
        org["short_name"] = None

    book = make_book(change)
    (p,) = added(book, demo_book, ERROR)
    assert (p.code, p.sheet, p.cell, p.column) == ("required_missing", "Организация", "B4", "Сокращённое наименование")


def test_duplicate_mentor_code_ignores_case(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][14]["code"] = "н-014"

    p = assert_only(make_book(change), demo_book, "duplicate_code", ERROR, "mentors", 16, "code")
    assert "строке 15" in p.message


def test_duplicate_programme_code(make_book, demo_book):
    def change(org, tables):
        tables["programmes"].append({**tables["programmes"][0], "pair": "ПР-006"})

    assert_only(make_book(change), demo_book, "duplicate_code", ERROR, "programmes", 11, "code")


def test_group_row_repeated_with_same_mentee(make_book, demo_book):
    def change(org, tables):
        tables["pairs"].append(dict(tables["pairs"][3]))  # ПР-003, П-004 again

    assert_only(make_book(change), demo_book, "duplicate_member", ERROR, "pairs", 13, "mentee")


def test_group_rows_with_one_code_are_not_duplicates(demo_book):
    assert not [p for p in check_book(demo_book, TODAY).problems if p.code.startswith("duplicate")]


def test_same_person_twice_in_a_bank_under_two_codes(make_book, demo_book):
    def change(org, tables):
        tables["mentors"].append({**tables["mentors"][13], "code": "Н-016", "fio": "зайцева  людмила андреевна"})

    p = assert_only(make_book(change), demo_book, "duplicate_person", ERROR, "mentors", 17, "fio")
    assert "Н-014" in p.message and "строке 15" in p.message
    assert "1966" not in p.message  # no birth date in messages (152-ФЗ)


def test_namesakes_with_different_birth_dates_are_two_people(make_book, demo_book):
    def change(org, tables):
        tables["mentors"].append({**tables["mentors"][13], "code": "Н-016", "birth_date": dt.date(1990, 5, 5),
                                  "ped_experience": 12, "org_experience": 5})

    assert added(make_book(change), demo_book, ERROR) == []


@pytest.mark.parametrize("bank,index,born", [("mentees", 11, dt.date(2010, 1, 1)),
                                             ("mentors", 13, dt.date(1940, 1, 1))])
def test_age_outside_18_to_80(make_book, demo_book, bank, index, born):
    def change(org, tables):
        tables[bank][index]["birth_date"] = born

    p = assert_only(make_book(change), demo_book, "age_out_of_range", ERROR, bank, index + 2, "birth_date")
    assert born.strftime("%d.%m.%Y") not in p.message + (p.value or "")


def test_age_is_counted_to_the_birthday(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][11]["birth_date"] = dt.date(TODAY.year - 18, TODAY.month, TODAY.day)  # 18 today

    assert added(make_book(change), demo_book, ERROR) == []


@pytest.mark.parametrize("sheet,index,col,code", [
    ("pairs", 0, "mentor", "Н-099"),
    ("plan", 0, "programme", "ПП-099"),
    ("surveys", 0, "programme", "ПП-099"),
    ("surveys", 0, "respondent", "Н-099"),
    ("events", 0, "person", "П-099"),
    ("mentees", 0, "preferred_mentor", "Н-099"),
])
def test_unknown_code(make_book, demo_book, sheet, index, col, code):
    def change(org, tables):
        tables[sheet][index][col] = code

    p = assert_only(make_book(change), demo_book, "unknown_ref", ERROR, sheet, index + 2, col)
    assert code in p.message


def test_unknown_mentee_of_a_pair(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["mentee"] = "П-099"

    assert_only_errors = added(make_book(change), demo_book, ERROR)
    assert [(p.code, p.cell) for p in assert_only_errors] == [("unknown_ref", "C2")]


def test_programme_of_an_unknown_pair(make_book, demo_book):
    def change(org, tables):
        tables["programmes"].append({**tables["programmes"][5], "code": "ПП-099", "pair": "ПР-099"})

    assert_only(make_book(change), demo_book, "unknown_ref", ERROR, "programmes", 11, "pair")


def test_near_miss_code_is_suggested(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["mentor"] = "н–001"

    p = assert_only(make_book(change), demo_book, "unknown_ref", ERROR, "pairs", 2, "mentor")
    assert "Возможно, имелся в виду код «Н-001»" in p.message


@pytest.mark.parametrize("bank,index,col,left", [
    ("mentors", 0, "mentor", {"status": "выбыл"}),
    ("mentees", 0, "mentee", {"left_date": dt.date(2026, 11, 1)}),
])
def test_pair_in_force_with_someone_who_left(make_book, demo_book, bank, index, col, left):
    def change(org, tables):
        tables[bank][index].update(left)

    assert_only(make_book(change), demo_book, "left_participant", ERROR, "pairs", 2, col)


def test_finished_pair_may_name_someone_who_left(demo_book):
    # ПР-008 was stopped and its mentee П-010 has left: no problem.
    assert not [p for p in check_book(demo_book, TODAY).problems if p.code == "left_participant"]


@pytest.mark.parametrize("respondent,role", [("Н-002", "наставник"), ("П-001", "наставник")])
def test_survey_respondent_not_in_the_programmes_pair(make_book, demo_book, respondent, role):
    def change(org, tables):
        tables["surveys"][0].update(respondent=respondent, role=role)

    assert_only(make_book(change), demo_book, "respondent_not_participant", ERROR, "surveys", 2, "respondent")


def test_group_members_answer_the_group_programme(demo_book):
    assert not [p for p in check_book(demo_book, TODAY).problems if p.sheet == "Анкетирование"]
