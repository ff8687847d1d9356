"""References between sheets: every code must name a record that exists (and a person still here).

The sheets are linked only by codes the curator types, so a typo silently
detaches a pair from its mentor or a plan line from its programme. The columns
that point elsewhere are declared in the schema (``Col.ref``); the two that may
point at either bank (a survey respondent, an event participant) are handled
by hand. A near miss (another case or dash) is named in the message.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.parse import fold
from nastavnik.workbook.reader import Book

from .common import active_pairs, has, present, records_where, table, where

_TARGET = {"mentors": "наставника", "mentees": "наставляемого", "pairs": "пары (группы)",
           "programmes": "программы"}
_PERSON = "участника"


def _codes(book: Book, sheet_key: str) -> set:
    frame = table(book, sheet_key)
    key = s.SHEET_BY_KEY[sheet_key].key_col
    return {c for c in frame[key] if isinstance(c, str)}


def _near(known: set) -> dict:
    return {fold(k): k for k in known}


def _hint(code: str, near: dict) -> str:
    found = near.get(fold(code))
    return f" Возможно, имелся в виду код «{found}»." if found else ""


def references(book: Book, today: dt.date):
    """Every schema column with ``ref``: the code must exist on the target sheet."""
    for sheet in s.SHEETS:
        for col in sheet.columns:
            if not col.ref or not has(book, sheet.key, col.key) or not has(book, col.ref, "code"):
                continue
            frame = table(book, sheet.key)
            if frame.empty:
                continue
            known = _codes(book, col.ref)
            values = frame[col.key]
            if col.kind == s.CODES:
                bad = values.map(lambda t, known=known: any(c not in known for c in t) if isinstance(t, tuple) else False)
            else:
                bad = values.notna() & ~values.isin(known)
            if not bad.any():
                continue
            near = _near(known)
            target = book.sheet_titles.get(col.ref, s.SHEET_BY_KEY[col.ref].title)
            for rec in records_where(frame, bad.to_numpy()):
                missing = [c for c in rec[col.key] if c not in known] if col.kind == s.CODES else [rec[col.key]]
                for code in missing:
                    yield book.problem(
                        "unknown_ref", ERROR,
                        f"Код {_TARGET.get(col.ref, '')} «{code}» не найден на листе «{target}»." + _hint(code, near),
                        sheet.key, rec["_row"], col.key, code, expected=f"код с листа «{target}»")


def person_references(book: Book, today: dt.date):
    """A survey respondent or an event participant is a mentor or a mentee: the code must be in a bank."""
    if not (has(book, "mentors", "code") and has(book, "mentees", "code")):
        return
    known = _codes(book, "mentors") | _codes(book, "mentees")
    banks = (f"листах «{book.sheet_titles.get('mentors', s.MENTORS.title)}» и "
             f"«{book.sheet_titles.get('mentees', s.MENTEES.title)}»")
    for sheet_key, col_key in (("surveys", "respondent"), ("events", "person")):
        if not has(book, sheet_key, col_key):
            continue
        frame = table(book, sheet_key)
        values = frame[col_key]
        bad = values.notna() & ~values.isin(known)
        near = _near(known) if bad.any() else {}
        for rec in records_where(frame, bad.to_numpy()):
            code = rec[col_key]
            yield book.problem(
                "unknown_ref", ERROR, f"Код {_PERSON} «{code}» не найден на {banks}." + _hint(code, near),
                sheet_key, rec["_row"], col_key, code, expected="код наставника или наставляемого")


def left_participants(book: Book, today: dt.date):
    """A pair in force (проект, утверждена, реализуется) cannot rest on someone who has left."""
    import pandas as pd

    if not has(book, "pairs", "status", "mentor", "mentee"):
        return
    pairs = active_pairs(book)
    if pairs.empty:
        return
    mentors = table(book, "mentors")
    gone_mentors = (mentors["status"] == v.MENTOR_STATUS_LEFT).to_numpy()
    mentees = table(book, "mentees")
    left_by_date = mentees["left_date"].notna() & (mentees["left_date"] <= pd.Timestamp(today))
    gone_mentees = ((mentees["status"] == v.MENTEE_LEFT) | left_by_date).to_numpy()
    for col_key, bank, frame, gone, who in (("mentor", "mentors", mentors, gone_mentors, "Наставник"),
                                            ("mentee", "mentees", mentees, gone_mentees, "Наставляемый")):
        if not gone.any():
            continue
        rows: dict = {}  # a code that has left: its first row in the bank
        for code, row in zip(frame["code"][gone].tolist(), frame["_row"][gone].tolist()):
            if present(code):
                rows.setdefault(code, row)
        hit = records_where(pairs, pairs[col_key].isin(list(rows)).to_numpy())
        for rec in hit:
            code = rec[col_key]
            yield book.problem(
                "left_participant", ERROR,
                f"{who} {code} выбыл ({where(book, bank, rows[code])}), а пара (группа) {rec['code']} "
                f"в статусе «{rec['status']}». Завершите пару с причиной по п. 7.1 или замените участника.",
                "pairs", rec["_row"], col_key, code)


def survey_respondents(book: Book, today: dt.date):
    """A survey answer is given by a participant of that programme's pair, in the role he had there.

    Written over the columns' values rather than as merges: a school's book has a few dozen rows, and two merges
    and a melt of frames cost more than the rest of the rule.
    """
    if not (has(book, "surveys", "respondent", "role", "programme") and has(book, "programmes", "code", "pair")
            and has(book, "pairs", "code", "mentor", "mentee")):
        return
    surveys = table(book, "surveys")
    if surveys.empty:
        return
    progs = table(book, "programmes")
    pair_of: dict = {}  # a programme's pair: its first row with both codes
    for code, pair in zip(progs["code"].tolist(), progs["pair"].tolist()):
        if present(code) and present(pair) and code not in pair_of:
            pair_of[code] = pair
    pairs = table(book, "pairs")
    people_of: dict = {}  # a pair's (role, person) of each of its rows
    for code, mentor, mentee in zip(pairs["code"].tolist(), pairs["mentor"].tolist(), pairs["mentee"].tolist()):
        for role, person in ((v.ROLE_MENTOR, mentor), (v.ROLE_MENTEE, mentee)):
            if present(person):
                people_of.setdefault(code, set()).add((role, person))
    known_people = {c for bank in ("mentors", "mentees") for c in table(book, bank)["code"].tolist() if present(c)}
    members, unsure = set(), set()
    for programme, pair in pair_of.items():
        for role, person in people_of.get(pair, ()):
            members.add((programme, role, person))
            if person not in known_people:  # a pair naming an unknown person is reported there
                unsure.add((programme, role))
    columns = (surveys[c].tolist() for c in ("programme", "role", "respondent", "_row"))
    for programme, role, respondent, row in zip(*columns):
        if (programme not in pair_of or respondent not in known_people or not present(role)
                or (programme, role) in unsure or (programme, role, respondent) in members):
            continue
        what = "наставником" if role == v.ROLE_MENTOR else "наставляемым"
        yield book.problem(
            "respondent_not_participant", ERROR,
            f"Респондент {respondent} не является {what} в паре (группе) {pair_of[programme]}, "
            f"к которой относится программа {programme}. Проверьте код респондента, роль или код программы.",
            "surveys", row, "respondent", respondent)


RULES = [references, person_references, left_participants, survey_respondents]
