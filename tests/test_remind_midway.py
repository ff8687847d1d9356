"""``nastavnik remind`` and the midway round of the questionnaires («промежуточная», issue 31 point 2: «the survey
due»): once a running programme is past its middle — its own «Срок промежуточных результатов», or halfway through
its term when that is empty — each participant without a midway answer gets a letter naming the round, with her
own form for it attached (the one ``forms --kind анкета --round промежуточная`` makes).

The centre's demo is changed so that each case occurs on 25.11.2026: ПП-001's intermediate date is 20.11.2026
(due), ПП-002 has none and runs 01.06.2026–31.03.2027 (halfway is past), ПП-003's is in February (not yet), and
ПП-004 passed its intermediate date but ends within a month without a survey (the final round takes over).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from email import policy
from email.parser import BytesParser

import openpyxl
import pytest

from nastavnik.forms.remind import remind
from nastavnik.forms.surveys_due import surveys_due
from nastavnik.workbook import questionbank as qb
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

MID = qb.ROUND_MID
FOLDER = "Анкеты — анкета, промежуточная"


def _changes(org, tables):
    for n, person in enumerate(tables["mentors"], start=1):
        person["contact"] = f"mentor{n}@centre.example"
    for n, person in enumerate(tables["mentees"], start=1):
        person["contact"] = f"mentee{n}@centre.example"
    for prog in tables["programmes"]:
        if prog["code"] == "ПП-001":
            prog["intermediate_date"] = dt.date(2026, 11, 20)
        if prog["code"] == "ПП-002":
            prog.update(intermediate_date=None, start=dt.date(2026, 6, 1), end=dt.date(2027, 3, 31))
        if prog["code"] == "ПП-004":
            prog.update(intermediate_date=dt.date(2026, 10, 1), end=dt.date(2026, 12, 15))
    for pair in tables["pairs"]:
        if pair["code"] == "ПР-002":
            pair.update(start=dt.date(2026, 6, 1), planned_end=dt.date(2027, 3, 31))
        if pair["code"] == "ПР-004":
            pair.update(planned_end=dt.date(2026, 12, 15), agreement_until=dt.date(2026, 12, 15))
    tables["surveys"][:] = [s for s in tables["surveys"] if s["programme"] != "ПП-004"]


def _build(path, demo_parts, *changes):
    org, tables = copy.deepcopy(demo_parts)
    for change in changes:
        change(org, tables)
    write_workbook(path, org, tables)
    return read_workbook(path, today=TODAY)


@pytest.fixture(scope="module")
def book(tmp_path_factory, demo_parts):
    return _build(tmp_path_factory.mktemp("midway") / "книга.xlsx", demo_parts, _changes)


@pytest.fixture(scope="module")
def result(book, tmp_path_factory):
    return remind(book, tmp_path_factory.mktemp("out"), TODAY)


def letter_of(result, code):
    (path,) = [p for p in result.folder.glob("*.eml") if p.stem.split()[0] == code]
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def fio(book, code):
    frame = book.tables["mentors" if code.startswith("Н") else "mentees"]
    return frame.loc[frame["code"] == code, "fio"].iloc[0]


@pytest.mark.parametrize("code,programme", [("Н-001", "ПП-001"), ("П-001", "ПП-001"), ("Н-002", "ПП-002"),
                                            ("П-002", "ПП-002")])
def test_past_the_middle_the_letter_names_the_round_and_carries_her_form(book, result, code, programme):
    msg = letter_of(result, code)
    body = msg.get_body().get_content()
    assert f"Программа {programme}: {'наступил срок промежуточных результатов' if programme == 'ПП-001' else 'позади половина срока'} (" in body
    assert "заполните промежуточную анкету (этап «промежуточная»)" in body and "анкета приложена к письму" in body
    form = f"{programme} {code} {fio(book, code)}.xlsx"
    names = [p.get_filename() for p in msg.iter_attachments()]
    assert form in names
    (part,) = [p for p in msg.iter_attachments() if p.get_filename() == form]
    assert part.get_content() == (result.folder.parent / FOLDER / form).read_bytes()  # the very form ``forms`` makes
    wb = openpyxl.load_workbook(io.BytesIO(part.get_content()))
    text = " ".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    role = "наставник" if code.startswith("Н") else "наставляемый"
    midway = [q.text for q in qb.asked(book, role, MID)]
    final_only = [q.text for q in qb.bank(book) if role in q.roles and q.rounds == (qb.ROUND_FINAL,)]
    assert midway and all(t in text for t in midway) and not any(t in text for t in final_only)


def test_the_middle_is_the_programmes_own_date_or_halfway(result):
    own = letter_of(result, "Н-001").get_body().get_content()
    assert "наступил срок промежуточных результатов (20.11.2026)" in own  # the programme's own date
    half = letter_of(result, "Н-002").get_body().get_content()
    assert "позади половина срока (30.10.2026)" in half  # 01.06.2026 + (31.03.2027 − 01.06.2026) / 2


def test_before_the_middle_or_near_the_end_no_midway_round(book):
    due = {(d.programme, d.round) for d in surveys_due(book, TODAY)}
    assert ("ПП-003", MID) not in due  # its intermediate date is 09.02.2027
    assert ("ПП-004", MID) not in due and ("ПП-004", qb.ROUND_FINAL) in due  # ends 15.12.2026: the final round


def test_a_midway_answer_ends_her_reminder(book, demo_parts, tmp_path):
    def answered(org, tables):
        tables["answers"].append({"respondent": "Н-001", "role": "наставник", "programme": "ПП-001", "round": MID,
                                  "date": dt.date(2026, 11, 23), "question": "С03", "answer": "4"})

    later = _build(tmp_path / "книга.xlsx", demo_parts, _changes, answered)
    due = {(d.code, d.programme) for d in surveys_due(later, TODAY) if d.round == MID}
    assert ("Н-001", "ПП-001") not in due and ("П-001", "ПП-001") in due  # the mentee has not answered yet
    assert ("Н-001", "ПП-001") in {(d.code, d.programme) for d in surveys_due(book, TODAY) if d.round == MID}


def test_a_bank_without_midway_questions_for_mentees_reminds_only_mentors(book, demo_parts, tmp_path):
    def hidden(org, tables):
        tables["questions"] = [dict(zip(qb.QUESTIONS.keys, row)) for row in qb.QUESTIONS.prefill]
        for q in tables["questions"]:
            if "наставляемый" in q["roles"] and MID in q["rounds"]:
                q["show"] = False

    quiet = _build(tmp_path / "книга.xlsx", demo_parts, _changes, hidden)
    roles = {d.role for d in surveys_due(quiet, TODAY) if d.round == MID}
    assert roles == {"наставник"}
