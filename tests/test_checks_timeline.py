"""Dates against the order of events."""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING

from .checks_util import added, assert_only


def test_actual_end_in_the_future(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][6]["actual_end"] = dt.date(2027, 1, 10)  # ПР-007, finished

    book = make_book(change)
    p = assert_only(book, demo_book, "actual_end_in_future", ERROR, "pairs", 8, "actual_end")
    assert "10.01.2027" in p.message


def test_order_dated_after_the_start(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["order_date"] = tables["pairs"][0]["start"] + dt.timedelta(days=3)

    book = make_book(change)
    assert_only(book, demo_book, "order_after_start", WARNING, "pairs", 2, "order_date")


def test_draft_pair_with_a_mentee_without_consent(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][7]["consent_pd"] = False  # П-008, in the draft pair ПР-006

    book = make_book(change)
    found = [p for p in added(book, demo_book) if p.code == "draft_without_consent"]
    # ПР-006 is row 9: the group ПР-003 takes rows 4–6
    assert [(p.severity, p.row, p.value) for p in found] == [(WARNING, 9, "П-008")]


def test_the_demo_breaks_none_of_them(demo_book):
    from nastavnik.checks import check_book

    from .conftest import TODAY

    codes = {p.code for p in check_book(demo_book, TODAY).problems}
    assert not codes & {"actual_end_in_future", "order_after_start", "draft_without_consent"}
