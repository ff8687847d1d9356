"""Dates that contradict the order of events: an end that has not happened, an order after the work began,
a draft order about to name someone who has not consented."""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import by_code, fmt_date, has, is_true, records, records_where, table


def actual_end_in_future(book: Book, today: dt.date):
    """A pair cannot have actually ended on a day that has not come yet."""
    import pandas as pd

    if not has(book, "pairs", "actual_end"):
        return
    pairs = table(book, "pairs")
    late = pairs["actual_end"].notna() & (pairs["actual_end"] > pd.Timestamp(today))
    for rec in records_where(pairs, late.to_numpy()):
        yield book.problem(
            "actual_end_in_future", ERROR,
            f"Фактическая дата окончания {fmt_date(rec['actual_end'])} ещё не наступила. Для пары, которая "
            "продолжает работу, укажите плановую дату, а фактическую — когда работа закончится.",
            "pairs", rec["_row"], "actual_end", fmt_date(rec["actual_end"]), expected=f"не позже {today:%d.%m.%Y}")


def order_after_start(book: Book, today: dt.date):
    """Pairs are approved by an order (п. 6.2) before they start; a later order is worth a second look."""
    if not has(book, "pairs", "order_date", "start"):
        return
    pairs = table(book, "pairs")
    late = pairs["order_date"].notna() & pairs["start"].notna() & (pairs["order_date"] > pairs["start"])
    seen: set = set()
    for rec in records_where(pairs, late.to_numpy()):
        if rec["code"] in seen:
            continue
        seen.add(rec["code"])
        yield book.problem(
            "order_after_start", WARNING,
            f"Приказ о закреплении пары (группы) {rec['code']} датирован {fmt_date(rec['order_date'])}, позже "
            f"начала работы {fmt_date(rec['start'])}. Пара утверждается приказом до начала (п. 6.2): проверьте даты.",
            "pairs", rec["_row"], "order_date", fmt_date(rec["order_date"]))


def draft_without_consent(book: Book, today: dt.date):
    """A draft pair goes into the draft order; its people should consent before the director signs."""
    if not has(book, "pairs", "status", "mentor", "mentee"):
        return
    pairs = table(book, "pairs")
    drafts = pairs[(pairs["status"] == v.PAIR_DRAFT).to_numpy()]
    if drafts.empty:
        return
    for col, bank, who in (("mentor", "mentors", "наставника"), ("mentee", "mentees", "наставляемого")):
        if not has(book, bank, "code", "consent_pd"):
            continue
        people = by_code(book, bank)
        consented = set(people.index[is_true(people["consent_pd"]).to_numpy()])
        known = set(people.index)
        for rec in records(drafts):
            code = rec[col]
            if code in known and code not in consented:
                yield book.problem(
                    "draft_without_consent", WARNING,
                    f"В проекте пары (группы) {rec['code']} — {who} {code} без согласия на обработку персональных "
                    "данных. Проект приказа о закреплении уже называет его: получите согласие до подписания.",
                    "pairs", rec["_row"], col, code, expected="согласие «да»")


RULES = [actual_end_in_future, order_after_start, draft_without_consent]
