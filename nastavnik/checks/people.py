"""Rules about the banks as the curator keeps them over the year.

A mentee's status is typed by hand and drifts from the pairs sheet; a mentee
left waiting too long is the thing the roadmap (этап 5) asks the curator to
notice. Both are warnings: nothing is unlawful, but the monitoring figures and
the site would be wrong.
"""

from __future__ import annotations

import datetime as dt

from .. import schema as s
from .. import vocab as v
from ..problems import WARNING
from ..reader import Book
from .common import active_pairs, fmt_date, has, records, table


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
    for rec, n in zip(records(mentees[long.to_numpy()]), waited[long]):
        yield book.problem(
            "mentee_waiting", WARNING,
            f"Наставляемый {rec['code']} ждёт пару {int(n)} дн. (с {fmt_date(rec['date_added'])}), дольше "
            f"допустимых {int(days)} дн. Подберите наставника (nastavnik match) или организуйте поддержку "
            "без пары (этап 5 дорожной карты).",
            "mentees", rec["_row"], "date_added", fmt_date(rec["date_added"]), expected=f"не дольше {int(days)} дн.")


def mentee_status(book: Book, today: dt.date):
    """«ожидает пару» while in a pair in force, or «в паре» without one."""
    if not (has(book, "mentees", "code", "status") and has(book, "pairs", "mentee", "status")):
        return
    mentees = table(book, "mentees")
    paired = mentees["code"].isin(_paired(book))
    for rec in records(mentees[((mentees["status"] == v.MENTEE_WAITING) & paired).to_numpy()]):
        yield book.problem(
            "status_waiting_but_paired", WARNING,
            f"У наставляемого {rec['code']} статус «{v.MENTEE_WAITING}», но он уже в действующей паре (группе). "
            f"Поставьте статус «{v.MENTEE_IN_PAIR}».",
            "mentees", rec["_row"], "status", rec["status"], expected=v.MENTEE_IN_PAIR)
    for rec in records(mentees[((mentees["status"] == v.MENTEE_IN_PAIR) & ~paired).to_numpy()]):
        yield book.problem(
            "status_paired_without_pair", WARNING,
            f"У наставляемого {rec['code']} статус «{v.MENTEE_IN_PAIR}», но ни в одной действующей паре (группе) "
            "его нет. Добавьте пару или исправьте статус.",
            "mentees", rec["_row"], "status", rec["status"])


RULES = [waiting_too_long, mentee_status]
