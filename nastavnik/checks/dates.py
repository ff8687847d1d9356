"""Dates that must be in the past only under a condition.

A column that always records a fact (a survey's date, a consent's date, an
activity's actual date) is declared ``past_only`` in the schema and the reader
judges each cell. Some dates are facts only in some rows: an event is announced
in advance, but one whose result is already recorded has taken place; an
activity is planned ahead, but one marked «выполнено» with no actual date has
its planned date as the only date of the fact. Those rows are judged here, with
the reader's code ``future_date``.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import fmt_date, has, records_where, table


def event_with_result_in_future(book: Book, today: dt.date):
    """An event with a result (участник, призёр, победитель) has already happened."""
    import pandas as pd

    if not has(book, "events", "date", "result"):
        return
    events = table(book, "events")
    late = (events["result"].notna() & events["date"].notna() & (events["date"] > pd.Timestamp(today))).to_numpy()
    for rec in records_where(events, late):
        yield book.problem(
            "future_date", ERROR,
            f"Мероприятие датировано {fmt_date(rec['date'])}, ещё не наступившим днём, а результат участия уже указан "
            f"(«{rec['result']}»). Исправьте дату или внесите результат после мероприятия.",
            "events", rec["_row"], "date", fmt_date(rec["date"]), expected=f"не позже {today:%d.%m.%Y}")


def done_activity_in_future(book: Book, today: dt.date):
    """An activity marked done, without an actual date, whose planned date has not come."""
    import pandas as pd

    if not has(book, "plan", "status", "planned_date", "actual_date"):
        return
    plan = table(book, "plan")
    late = ((plan["status"] == v.ACT_DONE) & plan["actual_date"].isna() & plan["planned_date"].notna()
            & (plan["planned_date"] > pd.Timestamp(today))).to_numpy()
    for rec in records_where(plan, late):
        yield book.problem(
            "future_date", ERROR,
            f"Мероприятие программы {rec['programme']} отмечено «{v.ACT_DONE}», а его плановый срок "
            f"{fmt_date(rec['planned_date'])} ещё не наступил и фактическая дата не указана. Если оно проведено "
            "раньше срока, впишите фактическую дату; если нет — исправьте статус.",
            "plan", rec["_row"], "planned_date", fmt_date(rec["planned_date"]), expected=f"не позже {today:%d.%m.%Y}")


RULES = [event_with_result_in_future, done_activity_in_future]
