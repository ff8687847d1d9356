"""The early fit check: what the participants of each running pair answered after the first weeks.

A mentoring platform offers to re-pair when a pair does not work; the regulation's way is a mentor's
replacement by an order (п. 5.1: the mentee may ask for it; «Изменение (п. 7.2)» = «замена наставника»).
This module only reads the book: for every pair «реализуется», the latest answer of each of its
participants to a fit question of the round «первые недели» about its programme. A fit question is any
question of the bank whose variants include «не подходит» — the curator may reword the bundled Ф01 or add her
own under another code. «Не подходит» from either side counts the same: the mentor's answer puts every mentee
of the pair back into the matching, a mentee's answer puts back that mentee. «Пока не ясно» is only noted.

Three layers read it, each in its own way, which is why it sits here under them: ``checks`` warns at the
answer's cell, ``match`` puts the mentee back into the pool without the old mentor, and the documents
prepare the replacement order. An answer dated before a replacement already ordered (``change_order_date``
of a pair with «замена наставника») is about the former mentor and no longer counts.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from nastavnik.base import morph
from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import vocab as v
from nastavnik.workbook.rows import records

REPLACED = "замена наставника"  # the value of «Изменение (п. 7.2)» that records a replacement


@dataclass(frozen=True)
class FitAnswer:
    """One participant's latest answer to the fit question; ``row`` is its row on «Ответы анкет»."""

    respondent: str
    role: str
    answer: str
    date: dt.date | None
    row: int | None
    question: str

    @property
    def bad(self) -> bool:
        return self.answer.casefold() == qb.FIT_BAD.casefold()

    @property
    def unsure(self) -> bool:
        return self.answer.casefold() == qb.FIT_UNSURE.casefold()


@dataclass
class PairFit:
    """A running pair (or group) and its participants' latest fit answers."""

    pair: str
    mentor: str | None
    mentees: tuple[str, ...]
    programme: str
    row: int | None  # the pair's first row on «Пары и группы»
    answers: list[FitAnswer] = field(default_factory=list)
    # participant's code → (role, sex): her words («наставляемой НС-004», genitive, by sex) are made only for a
    # message — the morphology's dictionaries take a tenth of a second to load, and most books have no «не подходит»
    roles: dict = field(default_factory=dict)

    @property
    def bad(self) -> list[FitAnswer]:
        return [a for a in self.answers if a.bad]

    @property
    def unsure(self) -> list[FitAnswer]:
        return [a for a in self.answers if a.unsure]

    @property
    def back(self) -> tuple[str, ...]:
        """The mentees who go back to the matching: all of them when the mentor said «не подходит»."""
        if any(a.role == v.ROLE_MENTOR for a in self.bad):
            return self.mentees
        said = {a.respondent for a in self.bad}
        return tuple(m for m in self.mentees if m in said)

    def who(self, answer: FitAnswer) -> str:
        """«наставника Н-003» / «наставляемой НС-004»: who gave the answer, in the genitive."""
        return self._word(answer.respondent)

    def of(self, mentees) -> str:
        """«наставляемой НС-004» / «наставляемых НС-004, НС-005»: mentees in the genitive, after «для»."""
        mentees = list(mentees)
        if len(mentees) == 1:
            return self._word(mentees[0])
        return "наставляемых " + ", ".join(mentees)

    def _word(self, code: str) -> str:
        if code not in self.roles:
            return code
        return f"{_role_gen(*self.roles[code])} {code}"

    def why(self) -> str:
        """«в анкете первых недель «не подходит» (ответ наставляемой НС-004 от 12.10.2026)»."""
        said = "; ".join(f"ответ {self.who(a)}" + (f" от {a.date:%d.%m.%Y}" if a.date else "") for a in self.bad)
        return f"в анкете первых недель «{qb.FIT_BAD}» ({said})"


def fit_questions(book) -> set[str]:
    """Codes of the bank's questions whose variants include «не подходит» (hidden ones too: answers stay)."""
    bad = qb.FIT_BAD.casefold()
    return {q.code for q in qb.bank(book) if any(o.casefold() == bad for o in q.options)}


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _date(value) -> dt.date | None:
    if qb.blank(value):
        return None
    try:
        import pandas as pd

        if value is pd.NaT:
            return None
        if isinstance(value, pd.Timestamp):
            return value.date()
    except ImportError:  # pragma: no cover
        pass
    return value if isinstance(value, dt.date) else None


def _frame(book, key: str):
    frame = (getattr(book, "tables", {}) or {}).get(key)
    return None if frame is None or len(frame) == 0 else frame


def _sexes(book) -> dict[str, str]:
    out = {}
    for key in ("mentors", "mentees"):
        frame = _frame(book, key)
        if frame is not None and "sex" in frame:
            out.update({c: s for c, s in zip(frame["code"], frame["sex"]) if isinstance(c, str) and s in v.SEX})
    return out


@functools.cache
def _role_gen(role: str, sex: str | None) -> str:
    word = "наставника" if role == v.ROLE_MENTOR else "наставляемого"
    return morph.by_sex(word, "ж") if sex == "ж" and role != v.ROLE_MENTOR else word


def pair_fits(book) -> list[PairFit]:
    """Every running pair with at least one fit answer of its participants, in the order of «Пары и группы»."""
    pairs, programmes, answers = (_frame(book, k) for k in ("pairs", "programmes", "answers"))
    if pairs is None or programmes is None or answers is None:
        return []
    questions = fit_questions(book)
    if not questions or not {"programme", "round", "question", "answer"} <= set(answers.columns):
        return []
    programme_of: dict[str, str] = {}
    for code, pair in zip(programmes["code"], programmes["pair"]):
        if isinstance(code, str) and isinstance(pair, str):
            programme_of.setdefault(pair, code)
    running: dict[str, PairFit] = {}
    since: dict[str, dt.date] = {}
    for r in records(pairs.sort_values("_row", kind="stable")):
        code = _text(r.get("code"))
        if not code or r.get("status") != v.PAIR_RUNNING or code not in programme_of:
            continue
        fit = running.setdefault(code, PairFit(code, _text(r.get("mentor")), (), programme_of[code], r.get("_row")))
        mentee = _text(r.get("mentee"))
        if mentee and mentee not in fit.mentees:
            fit.mentees += (mentee,)
        changed = _date(r.get("change_order_date"))
        if r.get("change") == REPLACED and changed:
            since[code] = changed
    by_programme = {f.programme: f for f in running.values()}
    latest: dict[tuple[str, str], FitAnswer] = {}
    for r in records(answers.sort_values("_row", kind="stable")):
        fit = by_programme.get(_text(r.get("programme")) or "")
        question, answer = _text(r.get("question")), _text(r.get("answer"))
        if fit is None or r.get("round") != qb.ROUND_FIT or question not in questions or not answer:
            continue
        role, respondent, date = r.get("role"), _text(r.get("respondent")), _date(r.get("date"))
        if role == v.ROLE_MENTOR:
            respondent = respondent or fit.mentor
            if respondent != fit.mentor:
                continue  # the former mentor's answer: he is no longer in the pair
        elif role == v.ROLE_MENTEE:
            if respondent is None and len(fit.mentees) == 1:
                respondent = fit.mentees[0]
            if respondent not in fit.mentees:
                continue
        else:
            continue
        if fit.pair in since and (date is None or date < since[fit.pair]):
            continue  # given before the replacement: about the former mentor
        key = (fit.pair, respondent)
        old = latest.get(key)
        if old is None or (date or dt.date.min) >= (old.date or dt.date.min):
            latest[key] = FitAnswer(respondent, role, answer, date, r.get("_row"), question)
    sexes = _sexes(book)
    out = []
    for fit in running.values():
        fit.answers = [a for (pair, _who), a in latest.items() if pair == fit.pair]
        fit.roles = {code: (role, sexes.get(code)) for code, role in
                     [(fit.mentor, v.ROLE_MENTOR)] + [(m, v.ROLE_MENTEE) for m in fit.mentees] if code}
        if fit.answers:
            out.append(fit)
    return out


def refits(book) -> dict[str, tuple[str, str, str]]:
    """Mentee code → (pair code, old mentor code, why in words): the mentees the matching takes back."""
    out = {}
    for fit in pair_fits(book):
        if fit.mentor:
            for mentee in fit.back:
                out.setdefault(mentee, (fit.pair, fit.mentor, fit.why()))
    return out
