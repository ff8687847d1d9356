"""Loose ends of issue 34 (points 5, 7–10) and the rule families of issue 26 «Checks».

Each test plants what a curator types or a mistake she makes into the demo and asserts what she would see:
one message, at the cell that is wrong, with the law or the regulation's point it rests on.
Demo rows used: pairs ПР-001 (row 2, running, 3 000 руб.), ПР-007 (row 10, completed in full), ПР-008 (row 11,
stopped early); programme ПП-001 (row 2); mentee П-001 (row 2); mentor Н-001 (row 2).
"""

from __future__ import annotations

import datetime as dt

import pytest

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.checks import check_book
from nastavnik.workbook import parse as P

from .checks_util import added, assert_only
from .conftest import TODAY


def only(book, demo_book, code, severity, sheet_key, row, col_key):
    """Exactly one new problem, of any severity: no warning beside the error either."""
    p = assert_only(book, demo_book, code, severity, sheet_key, row, col_key)
    assert len(added(book, demo_book)) == 1, added(book, demo_book)
    return p


# --- issue 34 п. 7: money, numbers and dates as people type them; one cell, one message -----------------------

@pytest.mark.parametrize("typed", ["3 000 руб.", "3\u00a0000 р.", "3 000 ₽", "3000 рублей", "3 000,00",
                                   "3 000 руб./мес.", "3\u202f000,00 ₽"])
def test_a_payment_typed_with_roubles_is_read(make_book, demo_book, typed):
    def change(org, tables):
        tables["pairs"][0]["payment"] = typed  # ПР-001: 3 000 in the demo

    book = make_book(change)
    assert added(book, demo_book) == []  # neither «не читается» nor «не заполнена доплата»
    assert book.tables["pairs"].loc[0, "payment"] == 3000


def test_kopecks_and_decimal_commas_are_read():
    assert P.parse_number("2 875 руб. 50 коп.") == (2875.5, None)
    assert P.parse_number("2 875,50 р.") == (2875.5, None)
    assert P.parse_number("три тысячи")[0] is None


def test_an_unreadable_payment_gets_one_message_not_also_missing(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["payment"] = "три тысячи руб."

    found = added(make_book(change), demo_book)
    assert [(p.code, p.severity) for p in found] == [("bad_type", ERROR)], found
    assert "три тысячи" in found[0].message


def test_experience_and_dates_as_typed(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][0]["ped_experience"] = "28 лет"  # Н-001
        tables["mentees"][0]["ped_experience"] = "1,5 года"  # П-001: one full year
        tables["mentees"][6]["hire_date"] = "01,09,2019 г."  # П-007: the keypad's comma and «г.»

    book = make_book(change)
    assert added(book, demo_book) == []
    assert book.tables["mentors"].loc[0, "ped_experience"] == 28
    assert book.tables["mentees"].loc[0, "ped_experience"] == 1
    assert book.tables["mentees"].loc[6, "hire_date"] == dt.datetime(2019, 9, 1)


# --- issue 34 п. 5: one typo of an end date, one message at the wrong cell --------------------------------------

def test_an_end_before_the_start_is_said_once_at_the_end(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["planned_end"] = dt.date(2025, 5, 20)  # ПР-001 runs from 21.09.2026: 2027 mistyped

    p = only(make_book(change), demo_book, "end_before_start", ERROR, "pairs", 2, "planned_end")
    assert "20.05.2025" in p.message  # and no «срок пары истёк» beside it


def test_a_mistyped_start_is_reported_at_the_start(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["start"] = dt.date(2027, 9, 21)  # the programme ПП-001 says 21.09.2026

    p = only(make_book(change), demo_book, "end_before_start", ERROR, "pairs", 2, "start")
    assert "21.09.2026" in p.message and "Исправьте дату начала" in p.message


def test_a_programme_ending_before_it_starts_does_not_move_every_activity(make_book, demo_book):
    def change(org, tables):
        tables["programmes"][0]["end"] = dt.date(2025, 5, 20)  # ПП-001, six activities in its plan

    only(make_book(change), demo_book, "end_before_start", ERROR, "programmes", 2, "end")


# --- issue 34 п. 8: an outside mentor has no labour contract, so no ТК ст. 351.8 agreement -----------------------

def test_an_outside_mentor_gets_no_labour_agreement_warning(make_book, demo_book):
    def change(org, tables):
        # ПР-001's mentor is a university lecturer: no additional agreement, no consent under ст. 351.8
        tables["pairs"][0].update(form="педагог вуза/колледжа – молодой педагог", agreement_no=None,
                                  agreement_date=None, agreement_until=None, payment=None, mentor_consent=None,
                                  mentor_consent_date=None)

    assert added(make_book(change), demo_book) == []


def test_an_own_teacher_without_the_agreement_still_gets_it(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0].update(agreement_no=None, agreement_date=None, agreement_until=None, payment=None)

    p = only(make_book(change), demo_book, "agreement_incomplete", WARNING, "pairs", 2, "agreement_no")
    assert "351.8" in p.message


# --- issue 34 п. 9: statuses that contradict their reason (п. 7.1) ---------------------------------------------

def test_stopped_early_with_the_plan_done_in_full(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][9]["end_reason"] = "план выполнен в полном объёме"  # ПР-008, «прекращена досрочно»

    p = only(make_book(change), demo_book, "status_contradicts_reason", ERROR, "pairs", 11, "end_reason")
    assert "п. 7.1" in p.message and "ПР-008" in p.message


def test_completed_for_a_reason_of_early_termination(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][9]["status"] = "завершена"  # ПР-008, reason «по инициативе наставляемого»

    p = only(make_book(change), demo_book, "status_contradicts_reason", ERROR, "pairs", 11, "status")
    assert "прекращена досрочно" in p.message


def test_a_mentee_completed_while_her_pair_runs(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][0]["status"] = "завершил"  # П-001 in ПР-001, «реализуется»

    p = only(make_book(change), demo_book, "mentee_done_pair_running", ERROR, "mentees", 2, "status")
    assert "ПР-001" in p.message and "реализуется" in p.message


def test_the_family_is_named_in_the_problem_codes_doc():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "problem_codes.md").read_text(encoding="utf-8")
    section = text.split("## Статусы, противоречащие своей причине (п. 7.1 Положения)")[1].split("## ")[0]
    assert "`status_contradicts_reason`" in section and "`mentee_done_pair_running`" in section


# --- issue 26 «Checks»: the rule families ----------------------------------------------------------------------

def test_head_and_teacher_form_without_the_head(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["form"] = "руководитель ОО – педагог"  # ПР-001: mentor Н-001, not the director

    p = only(make_book(change), demo_book, "form_mismatch", ERROR, "pairs", 2, "form")
    assert "п. 2.3" in p.message and "Н-001" in p.message


def test_employer_and_student_form_for_a_teacher(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["form"] = "работодатель – студент"  # ПР-001: П-001 is a young specialist

    p = only(make_book(change), demo_book, "form_mismatch", ERROR, "pairs", 2, "form")
    assert "п. 2.3" in p.message and "молодой специалист" in p.message


def test_the_heads_own_pair_as_teacher_and_teacher(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][0]["position"] = "директор"  # Н-001 leads ПР-001, written «педагог – педагог»

    p = only(make_book(change), demo_book, "form_mismatch", WARNING, "pairs", 2, "form")
    assert "руководитель ОО – педагог" in p.message


def test_a_student_alone_in_a_teachers_form(tmp_path):
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
    from nastavnik.workbook.template import write_workbook

    org, tables = school_demo_data(TODAY)
    path = write_workbook(tmp_path / "школа.xlsx", org, tables, LISTS)
    before = {(p.code, p.row) for p in check_book(read_workbook(path, today=TODAY), TODAY).problems}
    tables["pairs"][6]["form"] = "педагог – педагог"  # ПР-005: П-007 is a student, «работодатель – студент»
    path = write_workbook(tmp_path / "школа2.xlsx", org, tables, LISTS)
    new = [p for p in check_book(read_workbook(path, today=TODAY), TODAY).problems if (p.code, p.row) not in before]
    assert [(p.code, p.severity, p.row) for p in new] == [("form_mismatch", WARNING, 8)], new
    assert "работодатель – студент" in new[0].message


@pytest.mark.parametrize("position", ["секретарь", "лаборант", "помощник воспитателя", "младший воспитатель"])
def test_a_mentor_in_a_non_pedagogical_position(make_book, demo_book, position):
    def change(org, tables):
        tables["mentors"][1]["position"] = position  # Н-002

    p = only(make_book(change), demo_book, "mentor_not_pedagogical", ERROR, "mentors", 3, "position")
    assert "№ 225" in p.message and "351.8" in p.message


def test_a_senior_educator_is_pedagogical(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][1]["position"] = "старший воспитатель"

    assert added(make_book(change), demo_book) == []


def test_consent_signed_after_entering_the_bank(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][2]["consent_pd_date"] = dt.date(2026, 9, 20)  # П-003 entered the bank 07.09.2026

    p = only(make_book(change), demo_book, "consent_after_processing", ERROR, "mentees", 4, "consent_pd_date")
    assert "20.09.2026" in p.message and "07.09.2026" in p.message and "152-ФЗ, ст. 9" in p.message


def test_consent_signed_after_the_pairs_order(make_book, demo_book):
    def change(org, tables):
        order = tables["pairs"][0]["order_date"]  # ПР-001's order of this year
        tables["mentees"][0]["date_added"] = dt.date(2026, 5, 12)  # П-001 has been in the bank since last year
        tables["mentees"][0]["consent_pd_date"] = order + dt.timedelta(days=2)

    p = only(make_book(change), demo_book, "consent_after_processing", ERROR, "mentees", 2, "consent_pd_date")
    assert "приказ о закреплении пары (группы) ПР-001" in p.message


def test_the_curators_name_one_letter_from_a_person_in_the_bank(make_book, demo_book):
    def change(org, tables):
        fio = tables["mentors"][2]["fio"]  # Н-003
        org["curator_fio"] = fio[:-1] + ("а" if fio[-1] != "а" else "я")

    book = make_book(change)
    found = added(book, demo_book)
    assert [(p.code, p.severity, p.column) for p in found] == [("curator_name_typo", WARNING, "ФИО куратора")]
    assert "Н-003" in found[0].message
    assert book.org["curator_fio"] not in found[0].message  # no name in a message


def test_two_subjects_where_one_main_subject_is_wanted(tmp_path):
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
    from nastavnik.workbook.template import write_workbook

    org, tables = school_demo_data(TODAY)
    tables["mentees"][1]["focus"] = "русский язык; литература"  # П-002
    book = read_workbook(write_workbook(tmp_path / "школа.xlsx", org, tables, LISTS), today=TODAY)
    at = [p for p in check_book(book, TODAY).problems if p.sheet == "Наставляемые" and p.row == 3]
    assert [p.code for p in at] == ["one_value_wanted"], at
    assert "одно основное" in at[0].message and "нет в списке" not in at[0].message
    assert "Классы, курсы" in at[0].message


def test_every_types_own_positions_are_pedagogical():
    from nastavnik.workbook import orgtypes as ot

    for t in ot.TYPES:
        assert [p for p in t.positions if ot.non_pedagogical(p, t)] == [], t.key
    assert ot.non_pedagogical("помощник воспитателя", ot.KINDERGARTEN) == "помощник воспитателя"
    assert ot.non_pedagogical("старший воспитатель", ot.KINDERGARTEN) is None


NEW_CODES = {"form_mismatch", "mentor_not_pedagogical", "consent_after_processing", "curator_name_typo",
             "one_value_wanted", "status_contradicts_reason", "mentee_done_pair_running"}


def _book_of(tmp_path, name, org, tables, lists=None):
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.template import write_workbook

    path = write_workbook(tmp_path / f"{name}.xlsx", org, tables, *([lists] if lists else []))
    return read_workbook(path, today=TODAY)


def test_no_new_rule_fires_on_the_demos_and_the_synthetic_books_of_every_type(tmp_path, demo_book):
    from nastavnik.workbook import orgtypes as ot
    from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
    from nastavnik.workbook.samples.synth import synth_data

    books = {"центр": demo_book, "школа": _book_of(tmp_path, "школа", *school_demo_data(TODAY), LISTS)}
    for t in ot.TYPES:
        books[t.word] = _book_of(tmp_path, t.key, *synth_data("S", 1, TODAY, org_type=t))
    fired = {name: [(p.code, p.sheet, p.row) for p in check_book(book, TODAY).problems if p.code in NEW_CODES]
             for name, book in books.items()}
    assert fired == {name: [] for name in books}


def test_match_apply_writes_the_form_the_participants_make(make_book, tmp_path):
    """`match --apply`: the head's own pair is «руководитель ОО – педагог», a student's «работодатель – студент»."""
    from types import SimpleNamespace

    from nastavnik.match.apply import apply_proposal
    from nastavnik.workbook.reader import read_workbook

    def change(org, tables):
        tables["mentors"][0]["position"] = "директор"  # Н-001 is the head and mentors П-012
        tables["mentees"][13]["consent_pd"] = True  # П-014, a student, waits for a pair

    book = make_book(change)
    result = SimpleNamespace(proposal=[{"mentor": "Н-001", "mentee": "П-012", "score": 9.0},
                                       {"mentor": "Н-002", "mentee": "П-014", "score": 8.0},
                                       {"mentor": "Н-003", "mentee": "П-013", "score": 7.0}])
    copy = read_workbook(apply_proposal(book, result, tmp_path / "out", TODAY), today=TODAY)
    pairs = copy.tables["pairs"].set_index("mentee")
    assert pairs.loc["П-012", "form"] == "руководитель ОО – педагог"
    assert pairs.loc["П-014", "form"] == "работодатель – студент"
    assert pairs.loc["П-013", "form"] == "педагог – педагог"


# --- issue 34 п. 10: a college's closeness of professions, and its ground -------------------------------------

def _college_pair(mine: str, theirs: str):
    from nastavnik.match.scoring import subject_ground
    from nastavnik.workbook import orgtypes as ot

    return subject_ground(ot.COLLEGE, mine, theirs)


def test_two_masters_of_different_trades_are_not_close_in_a_college():
    from .test_match_orgtype import subject_part

    college = {"org_type": "профессиональная образовательная организация (СПО)"}
    assert subject_part("Мастер отделочных строительных работ", "Мастер по ремонту и обслуживанию автомобилей",
                        college) == 0
    assert _college_pair("Мастер отделочных строительных работ", "Мастер по ремонту и обслуживанию автомобилей") is None


def test_a_college_says_on_what_ground_two_professions_are_close():
    from .test_match_orgtype import subject_part

    college = {"org_type": "профессиональная образовательная организация (СПО)"}
    # 08.01.08 (отделочные работы) and 08.02.01 (строительство зданий): one enlarged group 08.00.00
    assert subject_part("08.01.08 Мастер отделочных строительных работ", "08.02.01 Строительство зданий",
                        college) > 0
    assert _college_pair("08.01.08 Мастер отделочных строительных работ", "08.02.01 Строительство зданий") == \
        "одна укрупнённая группа специальностей: 08.00.00; общие слова: «строительных»"
    assert _college_pair("МДК.01.01 Технология штукатурных работ", "мдк.01.01") == \
        "одна специальность или дисциплина: мдк.01.01"
    assert "«автомобилей»" in _college_pair("ремонт автомобилей", "диагностика автомобилей")
