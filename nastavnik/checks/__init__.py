"""All checks of a workbook, collected into one Report.

``check_book`` is the single entry point: the reader's cell problems first,
then every rule module's problems. Rules take the typed ``Book`` and ``today``
and yield ``Problem`` records with a stable code; none of them raises on bad
data. The rule modules, by subject:

- ``cells``      — duplicate codes, one person twice in a bank, age 18–80;
- ``refs``       — codes that name nothing, participants who have left, survey respondents;
- ``pairs``      — the regulation on pairs and groups (sizes, load, order, consents, ending);
- ``programmes`` — programme terms, the plan, publication of best practices;
- ``people``     — mentee statuses and waiting time;
- ``timeline``   — dates against the order of events (an end in the future, an order after the start);
- ``stalled``    — alerts: a running pair without activity, a survey due before the end.

``annotate`` (in ``checks.annotate``) writes a marked-up copy of the workbook.
"""

from __future__ import annotations

import datetime as dt

from .. import schema as s
from ..problems import ERROR, Problem, Report
from ..reader import Book
from . import cells, pairs, people, programmes, refs, stalled, timeline


def org_rules(book: Book, today: dt.date):
    """Required parameters of «Организация» that are empty."""
    for f in s.ORG_FIELDS:
        if f.required and book.org.get(f.key) in (None, ""):
            yield book.problem("required_missing", ERROR, f"Не заполнен параметр «{f.title}».", "org", col_key=f.key)


RULES = [org_rules, *cells.RULES, *refs.RULES, *pairs.RULES, *programmes.RULES, *people.RULES,
         *timeline.RULES, *stalled.RULES]


def check_book(book: Book, today: dt.date | None = None) -> Report:
    today = today or dt.date.today()
    problems: list[Problem] = list(book.problems)
    for rule in RULES:
        problems.extend(rule(book, today))
    return Report(problems)


def annotate(book: Book, report: Report, out_path):
    """Write a copy of the workbook with every problem marked; see ``checks.annotate``."""
    from .annotate import annotate as _annotate

    return _annotate(book, report, out_path)
