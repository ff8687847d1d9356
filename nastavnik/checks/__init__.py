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
- ``plausibility`` — a person as a whole (experience against age, hired before sixteen, a junior mentor);
- ``consent``    — consent to be in a bank at all, and its date (152-ФЗ);
- ``status``     — a pair's dates and status agree; a term change (п. 7.2); a programme's plan;
- ``labour``     — ТК РФ ст. 351.8: the additional agreement and the mentor's consent;
- ``publication`` — results published only after completion (п. 8.2);
- ``dates``      — dates that must be past in some rows only (an event with a result, a done activity);
- ``org``        — «Организация» against itself and the banks; order numbers and dates.
- ``participants`` — the form against its participants (п. 2.3), a mentor's pedagogical position (№ 225),
  consent before processing (152-ФЗ ст. 9), the curator's name against the banks.
- ``stalled``    — alerts: a running pair without activity, a survey due before the end.
- ``carried``    — a pair carried into a new year although its term had ended last year.
- ``recognition`` — proposals to reward mentors rest on programmes completed in full (п. 7.1).
- ``staff``      — the banks against the staff register: a name not on it, a person it shows as dismissed.
- ``questionnaires`` — the question bank's choice questions have variants; each answer fits its question.
- ``fit``        — the early fit check: a running pair with «не подходит» needs the curator's decision.

``annotate`` (in ``checks.annotate``) writes a marked-up copy of the workbook.

Layer: analysis. May import ``nastavnik.workbook`` and ``nastavnik.base``; nothing else of the package.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, Problem, Report
from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import Book

from . import (
    carried,
    cells,
    consent,
    dates,
    fit,
    labour,
    lists,
    org,
    pairs,
    participants,
    people,
    plausibility,
    programmes,
    publication,
    questionnaires,
    recognition,
    refs,
    staff,
    stalled,
    status,
    timeline,
)
from .common import UNREADABLE


def org_rules(book: Book, today: dt.date):
    """Required parameters of «Организация» that are empty."""
    for f in s.ORG_FIELDS:
        if f.required and book.org.get(f.key) in (None, ""):
            yield book.problem("required_missing", ERROR, f"Не заполнен параметр «{f.title}».", "org", col_key=f.key)


RULES = [org_rules, *org.RULES, *cells.RULES, *plausibility.RULES, *consent.RULES, *refs.RULES, *pairs.RULES,
         *participants.RULES,
         *status.RULES, *labour.RULES, *programmes.RULES, *publication.RULES, *people.RULES, *timeline.RULES,
         *dates.RULES, *stalled.RULES, *lists.RULES, *carried.RULES,
         *recognition.RULES, *questionnaires.RULES, *fit.RULES, *staff.RULES]


def check_book(book: Book, today: dt.date | None = None) -> Report:
    today = today or dt.date.today()
    problems: list[Problem] = list(book.problems)
    # A cell the reader could not understand has one message, the reader's: a rule sees it as empty, and its
    # «не заполнено» there would contradict «не читается» (issue 34, п. 7).
    unread = {(p.sheet, p.row, p.letter) for p in book.problems if p.code in UNREADABLE and p.letter}
    for rule in RULES:
        problems.extend(p for p in rule(book, today) if not unread or (p.sheet, p.row, p.letter) not in unread)
    # An end before its start is one typo: said once, there; what other rules conclude from it is dropped.
    backwards = {(p.sheet, p.row, p.letter) for p in problems if p.code == "end_before_start"}
    if backwards:
        problems = [p for p in problems if p.code == "end_before_start" or (p.sheet, p.row, p.letter) not in backwards]
    return Report(problems)


def annotate(book: Book, report: Report, out_path, words=None):
    """Write a copy of the workbook with every problem marked; see ``checks.annotate``."""
    from .annotate import annotate as _annotate

    return _annotate(book, report, out_path, words)
