"""``nastavnik remind`` writes to the head of the organisation too (issue 31, point 2: «to the curator and the
head»): the mentees waiting for a pair (how many, since when, codes only as the curator's letter has them), the
requests no mentor of the bank covers, and the orders waiting for her signature.

The centre's demo as it stands has each case: П-013 waits since 11.09.2026 (longer than 30 days), her request
«здоровьесбережение» is nobody's competence, the organisation's programme has no order number, and ПР-006 is a
«проект» without its order. Letters are parsed back with Python's ``email`` package.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from email import policy
from email.parser import BytesParser

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.forms.remind import HEAD, remind, whom
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY


def _contacts(org, tables):
    for n, person in enumerate(tables["mentors"], start=1):
        person["contact"] = f"+7 900 000-{n:02d}-00, mentor{n}@centre.example"
    for n, person in enumerate(tables["mentees"], start=1):
        person["contact"] = f"mentee{n}@centre.example"


def _build(path, demo_parts, *changes):
    org, tables = copy.deepcopy(demo_parts)
    for change in (_contacts, *changes):
        change(org, tables)
    write_workbook(path, org, tables)
    return read_workbook(path, today=TODAY)


@pytest.fixture(scope="module")
def book(tmp_path_factory, demo_parts):
    return _build(tmp_path_factory.mktemp("head") / "книга.xlsx", demo_parts)


@pytest.fixture(scope="module")
def result(book, tmp_path_factory):
    return remind(book, tmp_path_factory.mktemp("out"), TODAY)


def parse(path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def head_of(result):
    (letter,) = [x for x in result.letters if x.role == HEAD]
    return letter


def test_one_letter_to_the_head_with_what_waits_for_her(book, result):
    letter = head_of(result)
    eml, docx = result.folder / "Директору.eml", result.folder / "Директору.docx"
    assert eml.exists() and docx.exists()
    msg = parse(eml)
    body = msg.get_body().get_content()
    assert body.startswith("Уважаемая Елена Викторовна!")  # «ФИО руководителя»: Соколова Елена Викторовна, «ж»
    assert msg["Subject"] == letter.subject == "Наставничество: 4 вопроса к вашему решению"
    assert "Наставляемых, ожидающих пару: 4, дольше всех — с 11.09.2026 (75 дн.)" in body
    assert "Срок ожидания дольше допустимого (30 дн.): П-013." in body
    assert "«здоровьесбережение» (у 1 наставляемого)" in body
    assert "методические" not in body  # П-012, П-014 and П-015 ask for methods: mentors of the bank cover them
    assert "Приказ об утверждении программы наставничества: не подписан" in body
    assert "Приказ о закреплении наставнических пар (групп) ПР-006: не подписан" in body
    assert "об утверждении Положения" not in body and "о назначении куратора" not in body  # signed: 112-о, 113-о
    assert "итогового мероприятия" not in body  # the final event is on 20.05.2027: its order is not due yet
    # the curator sends it and signs it, as every other letter
    assert msg["From"].addresses[0].addr_spec == book.org["curator_email"]
    assert book.org["curator_fio"] in body and msg["X-Unsent"] == "1"
    assert list(msg.iter_attachments()) == []


def test_the_head_has_no_address_in_the_book_and_remind_says_so(book, result, tmp_path):
    msg = parse(result.folder / "Директору.eml")
    assert msg["To"] is None  # «Организация» has no e-mail of hers; she is in no bank
    (note,) = [n for n in result.notes if "руководителя" in n]
    assert note.startswith("Адреса электронной почты руководителя в книге нет: черновик письма директору")
    ws = openpyxl.load_workbook(result.table).active
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[5] == "Директору.eml"]
    assert [(r[0], r[1], r[2]) for r in rows] == [("Соколова Елена Викторовна", None, "Уважаемая Елена Викторовна!")]
    res = CliRunner().invoke(main, ["--today", "25.11.2026", "remind", str(book.path), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "директору — 1" in res.output and res.output.count("Адреса электронной почты руководителя") == 1
    assert "Соколова" not in res.output  # no personal data on the screen


def test_the_head_names_no_mentee_beyond_the_curators_letter_and_no_person(book, result):
    head = parse(result.folder / "Директору.eml").get_body().get_content()
    curator = parse(result.folder / "Куратору.eml").get_body().get_content()
    codes = set(re.findall(r"П-\d{3}", head))
    assert codes == {"П-013"} and codes <= set(re.findall(r"П-\d{3}", curator))
    people = [(r["fio"], r["contact"]) for key in ("mentors", "mentees") for _, r in book.tables[key].iterrows()]
    for fio, contact in people:
        assert not re.search(rf"\b{re.escape(fio.split()[0])}\b", head), fio
        for piece in str(contact).split(", "):
            assert piece not in head


def test_the_head_in_a_bank_gets_the_draft_to_her_address(demo_parts, tmp_path):
    def head_is_a_mentor(org, tables):
        (mentor,) = [m for m in tables["mentors"] if m["code"] == "Н-003"]
        org.update(director_fio=mentor["fio"], director_sex=None)  # «Пол руководителя» empty: the bank's is used

    book = _build(tmp_path / "книга.xlsx", demo_parts, head_is_a_mentor)
    result = remind(book, tmp_path / "out", TODAY)
    msg = parse(result.folder / "Директору.eml")
    assert msg["To"].addresses[0].addr_spec == "mentor3@centre.example"
    assert msg["To"].addresses[0].display_name == "Васильев Игорь Петрович"
    assert msg.get_body().get_content().startswith("Уважаемый Игорь Петрович!")
    assert not [n for n in result.notes if "руководителя" in n]


def test_the_heads_position_names_the_letter(demo_parts, tmp_path):
    def kindergarten(org, tables):
        org.update(director_position="Заведующий", final_event_date=dt.date(2026, 12, 10))

    book = _build(tmp_path / "сад.xlsx", demo_parts, kindergarten)
    result = remind(book, tmp_path / "out", TODAY)
    assert (result.folder / "Заведующему.eml").exists() and not (result.folder / "Директору.eml").exists()
    assert "заведующему — 1" in whom(result.letters)
    assert head_of(result).address == f"Заведующему {book.org['short_name']}"
    body = parse(result.folder / "Заведующему.eml").get_body().get_content()
    assert "Приказ о проведении итогового мероприятия: не подписан" in body  # the event is within a month


def test_nothing_for_the_head_writes_no_letter_to_her(demo_parts, tmp_path):
    def settled(org, tables):
        org.update(order_programme_no="140-о", order_programme_date=dt.date(2026, 9, 10))
        tables["pairs"][:] = [p for p in tables["pairs"] if p["status"] != "проект"]
        tables["mentees"][:] = [m for m in tables["mentees"] if m["code"] != "П-013"]

    result = remind(_build(tmp_path / "книга.xlsx", demo_parts, settled), tmp_path / "out", TODAY)
    assert [x for x in result.letters if x.role == HEAD] == []
    assert not list(result.folder.glob("Директору.*"))
