"""``nastavnik remind`` writes to mentees too (issue 31, point 2): her survey round due, with her own form, and
what she still has to sign; the curator's e-mail is the drafts' sender and is in their signature.

The demo is changed so that each case occurs: ПР-002 started four weeks ago (the «первые недели» check is due to
both sides), ПР-004 ends within a month with no survey (the final round), ПР-005 is approved with no entry answers
(the entry round), the group's programme ПП-003 is not signed by its three mentees, and П-014 (waiting) has not
signed the consent to process her data. Letters are parsed back with Python's ``email`` package.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from email import policy
from email.parser import BytesParser

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.forms.remind import remind
from nastavnik.forms.surveys_due import surveys_due
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

STARTED = dt.date(2026, 10, 28)  # four weeks before TODAY


def _changes(org, tables):
    for n, person in enumerate(tables["mentors"], start=1):
        person["contact"] = f"+7 900 000-{n:02d}-00, mentor{n}@school.example"
    for n, person in enumerate(tables["mentees"], start=1):
        person["contact"] = f"mentee{n}@school.example"
    for pair in tables["pairs"]:
        if pair["code"] == "ПР-002":
            pair["start"] = STARTED
        if pair["code"] == "ПР-004":
            pair.update(planned_end=dt.date(2026, 12, 15), agreement_until=dt.date(2026, 12, 15))
    for prog in tables["programmes"]:
        if prog["code"] == "ПП-002":
            prog["start"] = STARTED
        if prog["code"] == "ПП-004":
            prog["end"] = dt.date(2026, 12, 15)
        if prog["code"] == "ПП-003":
            prog["acquainted_date"] = None
    tables["surveys"][:] = [s for s in tables["surveys"] if s["programme"] != "ПП-004"]


def _build(path, demo_parts, *changes):
    org, tables = copy.deepcopy(demo_parts)
    for change in changes:
        change(org, tables)
    write_workbook(path, org, tables)
    return read_workbook(path, today=TODAY)


@pytest.fixture(scope="module")
def book(tmp_path_factory, demo_parts):
    return _build(tmp_path_factory.mktemp("mentees") / "книга.xlsx", demo_parts, _changes)


@pytest.fixture(scope="module")
def result(book, tmp_path_factory):
    return remind(book, tmp_path_factory.mktemp("out"), TODAY)


def parse(path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def letter_of(result, code):
    (path,) = [p for p in result.folder.glob("*.eml") if p.stem.split()[0] == code]
    return parse(path)


def people(book):
    frames = (book.tables["mentors"], book.tables["mentees"])
    return {r["code"]: (r["fio"], r["contact"]) for frame in frames for _, r in frame.iterrows()}


def test_one_letter_per_person_and_each_mentee_with_an_item_gets_hers(book, result):
    codes = [letter.code for letter in result.letters]
    assert len(codes) == len(set(codes))
    mentees = [c for c in codes if c.startswith("П-")]
    assert mentees == ["П-002", "П-003", "П-004", "П-005", "П-006", "П-007", "П-011", "П-014"]  # П-011: midway
    assert len(list(result.folder.glob("*.eml"))) == len(codes) == len(list(result.folder.glob("*.docx")))
    everyone = people(book)
    for code in mentees:
        msg = letter_of(result, code)
        assert msg["To"].addresses[0].addr_spec == everyone[code][1]
        assert msg["To"].addresses[0].display_name == everyone[code][0]
        assert everyone[code][0].split()[1] in msg.get_body().get_content()  # «Уважаемая Алина Дмитриевна!»


@pytest.mark.parametrize("code,round_,folder,form", [
    ("П-007", "входная", "Анкеты — анкета, входная", "ПП-005 П-007 Ткаченко Роман Олегович.xlsx"),
    ("П-002", "первые недели", "Анкеты — анкета, первые недели", "ПП-002 П-002 Петров Кирилл Андреевич.xlsx"),
    ("П-006", "итоговая", "Анкеты — анкета", "ПП-004 П-006 Волкова Галина Степановна.xlsx"),
])
def test_the_mentees_letter_names_her_round_and_carries_her_form(result, code, round_, folder, form):
    msg = letter_of(result, code)
    body = msg.get_body().get_content()
    assert f"этап «{round_}»" in body and "анкета приложена к письму" in body
    (part,) = list(msg.iter_attachments())
    assert part.get_filename() == form
    data = part.get_content()
    assert data == (result.folder.parent / folder / form).read_bytes()  # the very form ``forms`` makes
    wb = openpyxl.load_workbook(io.BytesIO(data))
    text = " ".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    assert code in text


def test_what_she_has_to_sign(result):
    for code, word in (("П-003", "ознакомлена"), ("П-004", "ознакомлен»")):
        body = letter_of(result, code).get_body().get_content()
        assert "Программа ПП-003: ознакомьтесь" in body and f"«С программой {word}" in body
        assert "согласие на обработку" not in body
    consent = letter_of(result, "П-014")
    body = consent.get_body().get_content()
    assert "Подпишите согласие на обработку персональных данных" in body
    assert "Программа" not in body and list(consent.iter_attachments()) == []


def test_the_mentor_is_reminded_of_the_same_rounds(result):
    body = letter_of(result, "Н-005").get_body().get_content()
    assert "Программа ПП-005: заполните входную анкету (этап «входная»" in body
    assert "этап «первые недели»" in letter_of(result, "Н-002").get_body().get_content()
    names = [p.get_filename() for p in letter_of(result, "Н-005").iter_attachments()]
    assert names == ["ПП-005 Н-005 Цой Виктор Алексеевич.xlsx"]


def test_a_letter_names_no_other_person(book, result):
    everyone = people(book)
    curator = {book.org["curator_email"], book.org["curator_phone"]}
    for path in result.folder.glob("*.eml"):
        msg = parse(path)
        code = "куратор" if path.stem == "Куратору" else path.stem.split()[0]
        text = [msg.get_body().get_content(), str(msg["To"] or ""), str(msg["Subject"])]
        for part in msg.iter_attachments():
            text.append(part.get_filename())
            wb = openpyxl.load_workbook(io.BytesIO(part.get_content()))
            text += [str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c]
        text = "\n".join(text)
        for other, (fio, contact) in everyone.items():
            if other == code:
                continue
            assert not re.search(rf"\b{re.escape(fio.split()[0])}\b", text), (code, other)
            for piece in str(contact).split(", "):
                assert piece not in curator and piece not in text, (code, other)


def test_the_curator_sends_and_signs(book, result):
    address = book.org["curator_email"]
    for path in result.folder.glob("*.eml"):
        msg = parse(path)
        assert msg["From"].addresses[0].addr_spec == address and msg["Reply-To"].addresses[0].addr_spec == address
        assert msg["From"].addresses[0].display_name == book.org["curator_fio"]
        if path.stem != "Куратору":
            body = msg.get_body().get_content()
            assert f"эл. почта: {address}; тел.: {book.org['curator_phone']}" in body
            assert book.org["curator_fio"] in body
    # the one note is the head's missing address (tests/test_remind_head), not the curator's
    assert not [n for n in result.notes if "куратора" in n]


def test_no_curator_email_is_said_once(tmp_path, demo_parts):
    def no_email(org, tables):
        org["curator_email"] = None

    path = tmp_path / "без почты.xlsx"
    book = _build(path, demo_parts, _changes, no_email)
    res = CliRunner().invoke(main, ["--today", "25.11.2026", "remind", str(path), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert res.output.count("не указана электронная почта куратора") == 1
    assert "наставляемым — 8" in res.output
    folder = tmp_path / "out" / "Напоминания"
    for eml in folder.glob("*.eml"):
        msg = parse(eml)
        assert msg["From"] is None and msg["Reply-To"] is None
        body = msg.get_body().get_content()
        assert "эл. почта" not in body and "не указана" not in body  # not told in each letter
    assert f"тел.: {book.org['curator_phone']}" in parse(next(folder.glob("П-007 *.eml"))).get_body().get_content()


def test_the_rounds_follow_the_answers_and_the_weeks(book, demo_parts, tmp_path):
    fit = {(d.code, d.round) for d in surveys_due(book, TODAY) if d.programme == "ПП-002"}
    assert fit == {("Н-002", "первые недели"), ("П-002", "первые недели")}
    for day in (STARTED + dt.timedelta(days=20), STARTED + dt.timedelta(days=43)):
        assert not [d for d in surveys_due(book, day) if d.round == "первые недели"], day

    def answered(org, tables):  # П-007's entry answers are in: her entry survey is no longer due, his still is
        tables["answers"].append({"respondent": "П-007", "role": "наставляемый", "programme": "ПП-005",
                                  "round": "входная", "date": dt.date(2026, 11, 20), "question": "Н01", "answer": "3"})

    later = _build(tmp_path / "позже.xlsx", demo_parts, _changes, answered)
    due = {(d.code, d.round) for d in surveys_due(later, TODAY) if d.programme == "ПП-005"}
    assert due == {("Н-005", "входная")}
    assert "П-007" not in [letter.code for letter in remind(later, tmp_path / "out", TODAY).letters]


def test_a_book_without_the_answers_sheet_is_not_asked_every_entry_survey(demo_path, tmp_path):
    """Before template 1.7 a book cannot record the entry and fit rounds: only the final survey is reminded of."""
    wb = openpyxl.load_workbook(demo_path)
    del wb["Ответы анкет"], wb["Вопросы анкет"]
    wb.save(tmp_path / "старая.xlsx")
    old = read_workbook(tmp_path / "старая.xlsx", today=TODAY)
    assert surveys_due(old, TODAY) == []
