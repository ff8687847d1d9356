"""What is derived once per book (``Book.derived``) follows the book: a table replaced, a day or a setting
changed gives the new answer, never the first one remembered."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from nastavnik.checks.stalled import stalled
from nastavnik.forms.head import waiting_mentees

TODAY = dt.date(2026, 11, 25)


def _stalled_codes(book, today=TODAY) -> list[str]:
    return [a.subject for a in stalled(book, today)]


def test_a_stalled_pair_is_no_longer_stalled_once_its_plan_shows_work_done(demo_book):
    before = _stalled_codes(demo_book)
    assert "ПР-001" in before
    plan = demo_book.tables["plan"].copy()
    progs = demo_book.tables["programmes"]
    mine = set(progs.loc[progs["pair"] == "ПР-001", "code"])
    rows = plan["programme"].isin(mine)
    plan.loc[rows, "status"] = "выполнено"
    plan.loc[rows, "actual_date"] = pd.Timestamp(TODAY - dt.timedelta(days=3))
    demo_book.tables["plan"] = plan
    assert "ПР-001" not in _stalled_codes(demo_book)


def test_another_day_and_another_period_are_answered_anew(demo_book):
    now = _stalled_codes(demo_book)
    later = _stalled_codes(demo_book, dt.date(2027, 1, 20))
    assert len(later) > len(now)
    demo_book.org["stall_days"] = 400
    assert _stalled_codes(demo_book, dt.date(2027, 1, 20)) == []
    assert _stalled_codes(demo_book) == []


def test_a_mentee_paired_after_the_first_question_no_longer_waits(demo_book):
    waiting = [m["code"] for m in waiting_mentees(demo_book)]
    assert waiting
    first = waiting[0]
    pairs = demo_book.tables["pairs"]
    extra = pairs.iloc[[0]].copy()
    extra["code"], extra["mentee"], extra["status"] = "ПР-999", first, "реализуется"
    demo_book.tables["pairs"] = pd.concat([pairs, extra], ignore_index=True)
    assert first not in [m["code"] for m in waiting_mentees(demo_book)]
