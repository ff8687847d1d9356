"""«Что сделать в этом месяце» (issue 31, point 4) and the last gaps of the head's letter.

The curator's month lists, besides the roadmap's stages, what the book's state leaves to do — the orders still
unsigned (the same definition as the head's letter), the people without a consent to processing (152-ФЗ), the
surveys due, the mentees waiting for a pair — by counts and codes, naming nobody; on a book where all is done it
says that nothing waits. The head's letter lists the mentors' additional agreements (ТК РФ ст. 351.8) without a
number or date; a head who is a mentor too gets two letters that greet her alike; an entry survey is not asked
once the programme is past its middle.

Everything is judged on the school's demo of 25.11.2026, as a curator of a school would see it.
"""

from __future__ import annotations

import copy
import datetime as dt
from email import policy
from email.parser import BytesParser

import openpyxl
import pytest

from nastavnik.forms.month import MONTH_NOTHING, month_todo
from nastavnik.forms.remind import HEAD, letters, remind
from nastavnik.forms.surveys_due import surveys_due
from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY


@pytest.fixture(scope="module")
def school_parts():
    return school_demo_data(TODAY)


def build(path, parts, *changes):
    org, tables = copy.deepcopy(parts)
    for change in changes:
        change(org, tables)
    write_workbook(path, org, tables, LISTS)
    return read_workbook(path, today=TODAY)


@pytest.fixture(scope="module")
def school(tmp_path_factory, school_parts):
    return build(tmp_path_factory.mktemp("school") / "школа.xlsx", school_parts)


def names(book) -> list[str]:
    return [fio for key in ("mentors", "mentees") for fio in book.tables[key]["fio"].dropna()]


def test_the_month_lists_the_books_state_after_the_roadmap(school):
    items = month_todo(school, TODAY)
    assert [x.split(" (")[0] for x in items[:2]] == ["Дорожная карта, этап 4", "Дорожная карта, этап 5"]
    assert items[2:] == [
        ("На подписи у директора — 2 приказа: об утверждении программы наставничества; о закреплении "
         "наставнических пар (групп) ПР-007."),
        "Нет согласия на обработку персональных данных (152-ФЗ) — 1 наставляемый: П-022.",
        "Анкетирование — 4 анкеты к заполнению: этап «входная» — 2 (ПП-006), этап «промежуточная» — 2 (ПП-011).",
        "В ожидании пары — 6 наставляемых: П-017, П-018, П-019, П-020, П-021, П-022.",
    ]
    text = " ".join(items)
    for fio in names(school):
        assert fio.split()[0] not in text, fio  # counts and codes only


def test_the_month_counts_agree_with_their_nouns(tmp_path, school_parts):
    def more(org, tables):
        org["director_position"] = "Заведующий"  # the head in her own title, as a kindergarten has it
        for m in tables["mentors"][:2]:
            m.update(consent_pd=False, consent_pd_date=None)
        tables["mentees"][:] = [m for m in tables["mentees"] if m["code"] not in ("П-018", "П-019", "П-020",
                                                                                   "П-021", "П-022")]

    items = month_todo(build(tmp_path / "книга.xlsx", school_parts, more), TODAY)
    assert "Нет согласия на обработку персональных данных (152-ФЗ) — 2 наставника: Н-001, Н-002." in items
    assert "В ожидании пары — 1 наставляемый: П-017." in items
    assert [x for x in items if x.startswith("На подписи у заведующего — 2 приказа: ")]


def _all_done(org, tables):
    for row in tables["roadmap"]:
        row["status"] = "выполнен"
    tables["mentees"][:] = [m for m in tables["mentees"] if m["status"] != v.MENTEE_WAITING]
    for m in tables["mentors"] + tables["mentees"]:
        m.update(consent_pd=True, consent_pd_date=m.get("consent_pd_date") or dt.date(2026, 9, 1))
    org.update(order_programme_no="140-о", order_programme_date=dt.date(2026, 9, 10))
    tables["pairs"][:] = [p for p in tables["pairs"] if p["status"] != v.PAIR_DRAFT]
    for who, role, question, prog, round_ in (
            ("Н-005", v.ROLE_MENTOR, "С01", "ПП-006", qb.ROUND_ENTRY),
            ("П-008", v.ROLE_MENTEE, "Н01", "ПП-006", qb.ROUND_ENTRY),
            ("Н-015", v.ROLE_MENTOR, "С03", "ПП-011", qb.ROUND_MID),
            ("П-013", v.ROLE_MENTEE, "Н12", "ПП-011", qb.ROUND_MID)):
        tables["answers"].append({"respondent": who, "role": role, "programme": prog, "round": round_,
                                  "date": dt.date(2026, 11, 20), "question": question, "answer": "3"})


def test_a_book_with_everything_done_says_nothing_waits(tmp_path, school_parts):
    book = build(tmp_path / "книга.xlsx", school_parts, _all_done)
    assert surveys_due(book, TODAY) == []
    assert month_todo(book, TODAY) == [MONTH_NOTHING]
    assert MONTH_NOTHING.startswith("Что сделать в этом месяце: ничего не ждёт")
    assert not [x for x in letters(book, TODAY) if x.role in ("куратор", HEAD)]  # nothing for curator or head


def _agreements(org, tables):
    for pair in tables["pairs"]:
        if pair["code"] == "ПР-002":
            pair["agreement_no"] = None  # running, no number: the head signs it
        if pair["code"] == "ПР-004":
            pair["agreement_date"] = None  # running, no date
        if pair["code"] == "ПР-014":
            pair["payment"] = None  # number and date are there: only the curator's fields are missing
        if pair["code"] == "ПР-013":  # a mentor from outside works under a cooperation agreement: none to sign
            pair.update(form=v.FORM_OUTSIDE, agreement_no=None, agreement_date=None)


def test_the_head_is_asked_to_sign_the_missing_agreements(tmp_path, school_parts):
    book = build(tmp_path / "книга.xlsx", school_parts, _agreements)
    result = remind(book, tmp_path / "out", TODAY)
    (head,) = [x for x in result.letters if x.role == HEAD]
    (line,) = [x for x in head.items if "ст. 351.8" in x]
    assert line.startswith("Дополнительные соглашения к трудовым договорам наставников (ТК РФ ст. 351.8): в книге "
                           "нет номера и даты соглашения у 2 пар (групп) — ПР-002, ПР-004.")
    assert head.subject == "Наставничество: 3 вопроса к вашему решению"
    body = BytesParser(policy=policy.default).parsebytes((result.folder / "Директору.eml").read_bytes()) \
        .get_body().get_content()
    assert "ПР-002, ПР-004" in body and "ПР-013" not in body and "ПР-014" not in body
    assert ("Дополнительные соглашения с наставниками (ТК РФ ст. 351.8) без номера и даты — у 2 пар (групп): "
            "ПР-002, ПР-004.") in month_todo(book, TODAY)


def _head_is_a_mentor(org, tables):
    for n, m in enumerate(tables["mentors"], start=1):
        m["contact"] = f"mentor{n}@school.example"
        if m["code"] == "Н-002":  # Кох Людмила Фёдоровна, «Пол» left empty in the bank
            m["sex"] = None
    org.update(director_fio="Кох Людмила Федоровна", director_sex="ж")  # «е» for «ё», as typed on «Организация»


def test_a_head_who_is_a_mentor_gets_two_letters_that_agree(tmp_path, school_parts):
    book = build(tmp_path / "книга.xlsx", school_parts, _head_is_a_mentor)
    result = remind(book, tmp_path / "out", TODAY)
    mine = [x for x in result.letters if x.code in ("Н-002", HEAD)]
    assert [x.role for x in mine] == [v.ROLE_MENTOR, HEAD]
    mentor, head = mine
    assert mentor.greeting == head.greeting == "Уважаемая Людмила Фёдоровна!"
    assert mentor.email == head.email == "mentor2@school.example"
    assert "Напоминания по программам, которые вы ведёте как наставник, — в отдельном письме." in head.body()
    assert mentor.subject != head.subject
    ws = openpyxl.load_workbook(result.table).active
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "Кох Людмила Фёдоровна"]
    assert sorted(r[5] for r in rows) == ["Директору.eml", "Н-002 Кох Людмила Фёдоровна.eml"]  # a row a letter
    assert {r[2] for r in rows} == {"Уважаемая Людмила Фёдоровна!"}


def _entry_unanswered(org, tables):
    tables["answers"][:] = [a for a in tables["answers"]
                            if not (a["programme"] == "ПП-011" and a["round"] == qb.ROUND_ENTRY)]


def test_no_entry_survey_once_the_midway_round_is_due(tmp_path, school_parts):
    book = build(tmp_path / "книга.xlsx", school_parts, _entry_unanswered)
    due = {(d.code, d.programme, d.round) for d in surveys_due(book, TODAY)}
    # ПП-011 runs since April: past its middle, its participants fill the midway form, not the late entry one
    assert ("Н-015", "ПП-011", qb.ROUND_MID) in due and ("П-013", "ПП-011", qb.ROUND_MID) in due
    assert not [d for d in due if d[1] == "ПП-011" and d[2] == qb.ROUND_ENTRY]
    # ПП-006 starts in December: its entry round is still asked
    assert {("Н-005", "ПП-006", qb.ROUND_ENTRY), ("П-008", "ПП-006", qb.ROUND_ENTRY)} <= due


def test_a_head_is_not_asked_to_sign_her_own_agreement_as_employer(tmp_path, school_parts):
    book = build(tmp_path / "книга.xlsx", school_parts, _agreements, _head_is_a_mentor)  # ПР-002 is Н-002's, hers
    (head,) = [x for x in letters(book, TODAY) if x.role == HEAD]
    (line,) = [x for x in head.items if "ст. 351.8" in x]
    assert line.endswith("ПР-002 — ваша собственная пара (группа): соглашение к вашему трудовому договору "
                         "подписывает учредитель (ТК РФ ст. 275).")
