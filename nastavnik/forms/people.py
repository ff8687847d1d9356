"""Who gets a personal questionnaire, and what the workbook already knows about them.

Values come out of the reader's typed tables as plain Python (date, int, bool,
tuple, str or None), so that a pre-filled answer, a collected answer and the
workbook's cell compare as equals when they mean the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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


def _participants(book) -> list[Target]:
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
            for role, code in ((v.ROLE_MENTOR, pair.get("mentor")), (v.ROLE_MENTEE, pair.get("mentee"))):
                if not code or (prog["code"], code) in seen:
                    continue
                seen.add((prog["code"], code))
                person = people.get(code, {})
                out.append(Target(code, person.get("fio"), person.get("sex"), {}, prog["code"], prog.get("title"),
                                  role))
    return out


def targets(book, kind: str) -> list[Target]:
    q = questionnaire(kind)
    if q.sheet == "mentors":
        return _bank_targets(book, "mentors", v.MENTOR_STATUS_LEFT)
    if q.sheet == "mentees":
        return _bank_targets(book, "mentees", v.MENTEE_LEFT)
    return _participants(book)


def bank_of(kind: str) -> str:
    return questionnaire(kind).sheet


def sheet_of(kind: str) -> s.Sheet:
    return s.SHEET_BY_KEY[bank_of(kind)]
