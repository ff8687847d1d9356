"""All checks of a workbook, collected into one Report.

``check_book`` is the single entry point: the reader's cell problems first,
then every rule module's problems. Rules take the typed ``Book`` and yield
``Problem`` records; none of them raises on bad data.
"""

from __future__ import annotations

import datetime as dt

from ..problems import ERROR, Problem, Report
from ..reader import Book
from .. import schema as s


def org_rules(book: Book, today: dt.date):
    """Required parameters of «Организация» that are empty."""
    for f in s.ORG_FIELDS:
        if f.required and book.org.get(f.key) in (None, ""):
            yield book.problem("required_missing", ERROR, f"Не заполнен параметр «{f.title}».", "org", col_key=f.key)


RULES = [org_rules]


def check_book(book: Book, today: dt.date | None = None) -> Report:
    today = today or dt.date.today()
    problems: list[Problem] = list(book.problems)
    for rule in RULES:
        problems.extend(rule(book, today))
    return Report(problems)
