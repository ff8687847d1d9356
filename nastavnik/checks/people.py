"""Rules about the banks as the curator keeps them over the year.

A mentee's status is typed by hand and drifts from the pairs sheet; a mentee
left waiting too long is the thing the roadmap (этап 5) asks the curator to
notice. Both are warnings: nothing is unlawful, but the monitoring figures and
the site would be wrong.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import WARNING
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import active_pairs, fmt_date, has, records_where, table


def _paired(book: Book) -> set:
    if not has(book, "pairs", "mentee", "status"):
        return set()
    return set(active_pairs(book)["mentee"].dropna())


def waiting_too_long(book: Book, today: dt.date):
    """A mentee waiting for a pair longer than «Допустимое ожидание пары» of «Организация»."""
    import pandas as pd

    if not has(book, "mentees", "code", "status", "date_added"):
        return
    days = book.org.get("max_wait_days") or s.ORG_BY_KEY["max_wait_days"].default
    mentees = table(book, "mentees")
    waited = (pd.Timestamp(today) - mentees["date_added"]).dt.days
    long = (mentees["status"] == v.MENTEE_WAITING) & (waited > days).fillna(False) & ~mentees["code"].isin(
        _paired(book))
    for rec, n in zip(records_where(mentees, long.to_numpy()), waited[long]):
        yield book.problem(
            "mentee_waiting", WARNING,
            f"Наставляемый {rec['code']} ждёт пару {int(n)} дн. (с {fmt_date(rec['date_added'])}), дольше "
            f"допустимых {int(days)} дн. Подберите наставника (nastavnik match) или организуйте поддержку "
            "без пары (этап 5 дорожной карты).",
            "mentees", rec["_row"], "date_added", fmt_date(rec["date_added"]), expected=f"не дольше {int(days)} дн.")


def _drafts_only(book: Book) -> dict:
    """Mentees whose only pair in force or in preparation is a «проект»: code of mentee → code of the draft."""
    act = active_pairs(book).dropna(subset=["mentee"])
    if act.empty:
        return {}
    firm = set(act.loc[(act["status"] != v.PAIR_DRAFT).to_numpy(), "mentee"])
    drafts = act[(act["status"] == v.PAIR_DRAFT).to_numpy() & ~act["mentee"].isin(firm).to_numpy()]
    return dict(zip(drafts["mentee"], drafts["code"]))


def mentee_status(book: Book, today: dt.date):
    """«ожидает пару» while in a pair in force or a draft, or «в паре» without either.

    A «проект» is not yet a pair in force (no order has approved it): the warning says so in those words.
    """
    if not (has(book, "mentees", "code", "status") and has(book, "pairs", "mentee", "status")):
        return
    mentees = table(book, "mentees")
    paired = mentees["code"].isin(_paired(book))
    drafts = _drafts_only(book) if has(book, "pairs", "code") else {}
    for rec in records_where(mentees, ((mentees["status"] == v.MENTEE_WAITING) & paired).to_numpy()):
        draft = drafts.get(rec["code"])
        if draft is not None:
            message = (f"У наставляемого {rec['code']} статус «{v.MENTEE_WAITING}», а он уже в проекте пары "
                       f"(группы) {draft}. Проект — ещё не действующая пара: приказа о закреплении нет. Когда приказ "
                       f"будет подписан, поставьте статус «{v.MENTEE_IN_PAIR}»; если подбор отменён, удалите проект.")
        else:
            message = (f"У наставляемого {rec['code']} статус «{v.MENTEE_WAITING}», но он уже в действующей паре "
                       f"(группе). Поставьте статус «{v.MENTEE_IN_PAIR}».")
        yield book.problem("status_waiting_but_paired", WARNING, message, "mentees", rec["_row"], "status",
                           rec["status"], expected=v.MENTEE_IN_PAIR)
    for rec in records_where(mentees, ((mentees["status"] == v.MENTEE_IN_PAIR) & ~paired).to_numpy()):
        yield book.problem(
            "status_paired_without_pair", WARNING,
            f"У наставляемого {rec['code']} статус «{v.MENTEE_IN_PAIR}», но ни в одной паре (группе) — ни в "
            "действующей, ни в проекте — его нет. Добавьте пару или исправьте статус.",
            "mentees", rec["_row"], "status", rec["status"])


RULES = [waiting_too_long, mentee_status]
