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
