"""Who gets a personal questionnaire, and what the workbook already knows about them.

Values come out of the reader's typed tables as plain Python (date, int, bool,
tuple, str or None), so that a pre-filled answer, a collected answer and the
workbook's cell compare as equals when they mean the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nastavnik.workbook import parse as P
from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v

from .questions import questionnaire


def plain(value):
    """A pandas cell as plain Python: NA → None, Timestamp → date, numpy scalars → Python scalars."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return tuple(value)
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
            return None
        if isinstance(value, pd.Timestamp):
            return value.date()
    except (TypeError, ValueError):
        pass
    if isinstance(value, dt.datetime):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def table_rows(frame) -> list[dict]:
    """Every row of ``frame`` as ``row_values`` gives one, built column by column (``workbook.rows``): a district's
    reminders walked ten thousand rows one ``.loc`` at a time, eight seconds of every run."""
    from nastavnik.workbook.rows import plain_column

    if frame is None or frame.empty:
        return []
    columns = list(frame.columns)
    values = []
    for c in columns:
        column = plain_column(frame[c])
        values.append([_settled(x) for x in column])
    return [dict(zip(columns, row)) for row in zip(*values)]


def _settled(value):
    """What ``plain`` makes of an already plain value: a whole float is an int, a list a tuple."""
    kind = type(value)
    if kind is float:
        return int(value) if value.is_integer() else value
    if kind is list:
        return tuple(value)
    return value


def row_values(frame, index) -> dict:
    rec = frame.loc[index]
    return {k: plain(rec[k]) for k in frame.columns}


@dataclass
class Target:
    code: str
    fio: str | None
    sex: str | None
    values: dict = field(default_factory=dict)  # column key -> what the workbook holds
    programme: str | None = None  # for the survey
    programme_title: str | None = None
    role: str | None = None
    person: dict = field(default_factory=dict)  # the bank row of a survey's respondent (her requests)


def _bank_targets(book, sheet_key: str, gone: str) -> list[Target]:
    frame = book.tables.get(sheet_key)
    if frame is None or frame.empty:
        return []
    out = []
    for index in frame.index:
        rec = row_values(frame, index)
        if not rec.get("code") or rec.get("status") == gone:
            continue
        out.append(Target(rec["code"], rec.get("fio"), rec.get("sex"), rec))
    return out


# Whose pairs a round's survey goes to: the final round also to finished pairs (their survey may be late); the
# entry, fit and midway rounds to pairs under way (an approved pair starts with its entry survey).
ROUND_STATUSES = {
    qb.ROUND_ENTRY: (v.PAIR_APPROVED, v.PAIR_RUNNING),
    qb.ROUND_FIT: (v.PAIR_RUNNING,),
    qb.ROUND_MID: (v.PAIR_RUNNING,),
}


def _participants(book, round_: str | None = None) -> list[Target]:
    """Each participant of each programme whose pair is under way or finished: one survey apiece."""
    progs, pairs = book.tables.get("programmes"), book.tables.get("pairs")
    if progs is None or pairs is None or progs.empty or pairs.empty:
        return []
    people = {}
    for bank in ("mentors", "mentees"):
        frame = book.tables.get(bank)
        if frame is not None:
            for index in frame.index:
                rec = row_values(frame, index)
                if rec.get("code"):
                    people[rec["code"]] = rec
    out, seen = [], set()
    for pi in progs.index:
        prog = row_values(progs, pi)
        rows = pairs[pairs["code"] == prog.get("pair")]
        for ri in rows.index:
            pair = row_values(pairs, ri)
            if pair.get("status") == v.PAIR_DRAFT:
                continue
            if round_ in ROUND_STATUSES and pair.get("status") not in ROUND_STATUSES[round_]:
                continue
            for role, code in ((v.ROLE_MENTOR, pair.get("mentor")), (v.ROLE_MENTEE, pair.get("mentee"))):
                if not code or (prog["code"], code) in seen:
                    continue
                seen.add((prog["code"], code))
                person = people.get(code, {})
                out.append(Target(code, person.get("fio"), person.get("sex"), {}, prog["code"], prog.get("title"),
                                  role, person))
    return out


STAFF_KEYS = ("fio", "position", "birth_date", "hire_date", "ped_experience", "qual_category")


def staff_targets(book) -> list[Target]:
    """Everyone on «Педагогический состав» who is not in a bank yet and still works: the roadmap's stage 2 asks the
    professional requests of all teachers. Their form comes pre-filled from the register, without a code: a
    returned one joins the bank as a newcomer does (by name and birth date, with the consent it states)."""
    staff = book.tables.get("staff")
    if staff is None or staff.empty:
        return []
    known = set()
    for bank in ("mentors", "mentees"):
        frame = book.tables.get(bank)
        if frame is not None and not frame.empty:
            known |= {P.fold(f) for f in frame["fio"].dropna()}
    out = []
    for index in staff.index:
        rec = row_values(staff, index)
        fio = rec.get("fio")
        if not fio or P.fold(fio) in known or rec.get("left_date") is not None:
            continue
        known.add(P.fold(fio))
        out.append(Target(None, fio, None, {k: rec.get(k) for k in STAFF_KEYS if rec.get(k) is not None}))
    return out


def curator(book) -> Target:
    """The curator as a survey's respondent: no code (she is not in the banks), her name from «Организация»."""
    org = getattr(book, "org", {}) or {}
    return Target(None, org.get("curator_fio"), org.get("curator_sex"), {}, None, None, qb.Q_CURATOR)


def targets(book, kind: str, round_: str | None = None) -> list[Target]:
    """Who gets a personal form: the bank for its questionnaire; for a survey, every participant whose role has
    questions in the round (and the curator when the bank asks her in it)."""
    q = questionnaire(kind)
    if q.sheet == "mentors":
        return _bank_targets(book, "mentors", v.MENTOR_STATUS_LEFT)
    if q.sheet == "mentees":
        return _bank_targets(book, "mentees", v.MENTEE_LEFT) + staff_targets(book)
    if round_ is None:
        return _participants(book)
    final = round_ == qb.ROUND_FINAL
    out = [t for t in _participants(book, round_) if final or qb.asked(book, t.role, round_)]
    if qb.asked(book, qb.Q_CURATOR, round_):
        out.append(curator(book))
    return out


def bank_of(kind: str) -> str:
    return questionnaire(kind).sheet


def sheet_of(kind: str) -> s.Sheet:
    return s.SHEET_BY_KEY[bank_of(kind)]


def same_value(a, b) -> bool:
    """Do a workbook's value and an answer mean the same (case, ё and order of a list's values ignored)?"""
    a, b = plain(a), plain(b)
    if a in (None, ()) and b in (None, ()):
        return True
    if isinstance(a, str) and isinstance(b, str):
        return P.fold(a) == P.fold(b)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return sorted(map(P.fold, a)) == sorted(map(P.fold, b))
    return a == b
