"""``nastavnik remind`` (issue 31 points 2–3): one letter per person with an alert, and the plan as calendars.

The demo is changed so that each kind of alert occurs once: ПР-001 is stalled with an overdue activity, ПР-004
ends within a month with no survey, П-013 waits for a pair. Letters are parsed back with Python's email parser,
calendars with ``icalendar``.
"""

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.forms.calendar import event_day
from nastavnik.forms.remind import remind

from .conftest import TODAY


def _met_recently(tables, *programmes):
    """The programmes' done activities were held on 20.11.2026: their pairs are not stalled on 25.11."""
    for row in tables["plan"]:
        if row["programme"] in programmes and row["status"] == "выполнено":
            row["actual_date"] = dt.date(2026, 11, 20)


def _alerts(org, tables):
    for n, person in enumerate(tables["mentors"], start=1):
        person["contact"] = f"+7 900 000-{n:02d}-00, mentor{n}@school.example"
    for n, person in enumerate(tables["mentees"], start=1):
        person["contact"] = f"mentee{n}@school.example"
    first = tables["plan"][0]
    assert first["programme"] == "ПП-001"
    first.update(planned_date=dt.date(2026, 11, 10), status="запланировано", actual_date=None, result=None)
    _met_recently(tables, "ПП-002")  # only ПР-001 is stalled
    for pair in tables["pairs"]:
        if pair["code"] == "ПР-004":
            pair.update(planned_end=dt.date(2026, 12, 15), agreement_until=dt.date(2026, 12, 15))
    for prog in tables["programmes"]:
        if prog["code"] == "ПП-004":
            prog["end"] = dt.date(2026, 12, 15)
    tables["surveys"][:] = [s for s in tables["surveys"] if s["programme"] != "ПП-004"]


@pytest.fixture
def book(make_book):
    return make_book(_alerts)


def parse(path: Path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def test_one_letter_per_person_with_only_their_data(book, tmp_path):
    result = remind(book, tmp_path, TODAY)
    # Н-005 and П-007: ПР-005's entry survey; П-006: ПР-004's final one; П-014: her consent (tests/test_remind_mentees);
    # Н-009 and П-011: ПП-009's midway survey; the head: orders to sign (tests/test_remind_midway, test_remind_head)
    assert [letter.code for letter in result.letters] == ["Н-001", "Н-005", "Н-009", "Н-010", "П-006", "П-007",
                                                          "П-011", "П-014", "куратор", "руководитель"]
    emls = sorted(p for p in result.folder.glob("*.eml") if p.stem.startswith(("Н-001", "Н-010", "Куратору")))
    assert len(emls) == 3
    mentors = book.tables["mentors"].set_index("code")
    mentees = book.tables["mentees"].set_index("code")
    everyone = {c: (r["fio"], r["contact"]) for frame in (mentors, mentees) for c, r in frame.iterrows()}
    expect = {"Н-001": ["ПП-001", "больше 30 дн.", "10.11.2026"],
              "Н-010": ["ПП-004", "заканчивается 15.12.2026", "анкетирование"],
              "куратор": ["П-013", "ждёт пару", "этап 4 (октябрь, срок прошёл", "этап 5 (октябрь"]}
    for path in emls:
        msg = parse(path)
        body = msg.get_body().get_content()
        code = "куратор" if path.stem == "Куратору" else path.stem.split()[0]
        for words in expect[code]:
            assert words in body, (code, words)
        assert msg["X-Unsent"] == "1" and msg.get_body().get_content_charset() == "utf-8"
        if code != "куратор":
            fio, contact = everyone[code]
            assert msg["To"].addresses[0].addr_spec == contact.split(", ")[1]
            assert msg["To"].addresses[0].display_name == fio
            assert fio.split()[1] in body  # «Уважаемый Андрей Викторович!»
        else:
            assert msg["To"].addresses[0].addr_spec == book.org["curator_email"]  # her own, from «Организация»
        others = [(f, c) for c2, (f, c) in everyone.items() if c2 != code]
        for fio, contact in others:
            assert fio not in body and fio.split()[0] not in body, (code, fio)
            for part in str(contact).split(", "):
                assert part not in body and part not in str(msg["To"]), (code, part)
        assert "ПП-002" not in body and "ПР-002" not in body  # no other pair's business
        attached = [part.get_filename() for part in msg.iter_attachments()]
        programme = {"Н-001": "ПП-001", "Н-010": "ПП-004"}.get(code)
        assert attached[:1] == ([f"Дневник {programme} {'ПР-' + programme[3:]} {everyone[code][0]}.xlsx"]
                                if programme else [])
        assert attached[1:] == ([f"ПП-004 Н-010 {everyone[code][0]}.xlsx"] if code == "Н-010" else [])  # the final form
    assert "Уважаемый Андрей Викторович!" in parse(result.folder / "Н-001 Кузнецов Андрей Викторович.eml") \
        .get_body().get_content()

    ws = openpyxl.load_workbook(result.table).active
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[5]) for r in rows if r[5].startswith(("Н-001", "Н-010", "Куратору"))] == [
        ("mentor1@school.example", "Н-001 Кузнецов Андрей Викторович.eml"),
        ("mentor10@school.example", "Н-010 Павлов Никита Олегович.eml"),
        (book.org["curator_email"], "Куратору.eml")]
    assert len(list(result.folder.glob("*.docx"))) == 10


def test_nobody_to_remind_writes_no_letter(make_book, tmp_path):
    def calm(org, tables):
        tables["mentees"][:] = [m for m in tables["mentees"] if m["status"] != "ожидает пару"]
        for row in tables["roadmap"]:
            row["status"] = "выполнен"
        _met_recently(tables, *{row["programme"] for row in tables["plan"]})
        for who, role, question, prog, round_ in (
                ("Н-005", "наставник", "С01", "ПП-005", "входная"), ("П-007", "наставляемый", "Н01", "ПП-005", "входная"),
                ("Н-009", "наставник", "С03", "ПП-009", "промежуточная"),
                ("П-011", "наставляемый", "Н12", "ПП-009", "промежуточная")):
            tables["answers"].append({"respondent": who, "role": role, "programme": prog, "round": round_,
                                      "date": dt.date(2026, 11, 20), "question": question, "answer": "3"})
        org.update(order_programme_no="140-о", order_programme_date=dt.date(2026, 9, 10))  # nothing for the head
        tables["pairs"][:] = [p for p in tables["pairs"] if p["status"] != "проект"]

    result = remind(make_book(calm), tmp_path, TODAY)
    assert result.letters == [] and result.table is None
    assert not (tmp_path / "Напоминания").exists()


def test_a_second_run_leaves_no_letter_of_the_first(book, make_book, tmp_path):
    remind(book, tmp_path, TODAY)
    assert len(list((tmp_path / "Напоминания").glob("*.eml"))) == 10

    def caught_up(org, tables):
        _alerts(org, tables)
        tables["plan"][0].update(status="выполнено", actual_date=dt.date(2026, 11, 10))

    again = remind(make_book(caught_up, name="позже.xlsx"), tmp_path, TODAY)
    assert [letter.code for letter in again.letters] == ["Н-005", "Н-009", "Н-010", "П-006", "П-007", "П-011",
                                                         "П-014", "куратор", "руководитель"]
    assert "Н-001 Кузнецов Андрей Викторович" not in {p.stem for p in (tmp_path / "Напоминания").glob("*.eml")}
    assert len(list((tmp_path / "Напоминания").glob("*.docx"))) == 9


def test_the_curators_month_from_the_roadmap(book):
    from nastavnik.forms.remind import month_todo

    items = month_todo(book, TODAY)  # 25 November: stages due in September–November and not «выполнен»
    roadmap = [item.split(" (")[0] for item in items if item.startswith("Дорожная карта")]
    assert roadmap == ["Дорожная карта, этап 4", "Дорожная карта, этап 5"]
    assert items[:2] == [x for x in items if x.startswith("Дорожная карта")]  # the roadmap first, then the book's state
    may = [x for x in month_todo(book, dt.date(2027, 5, 10)) if x.startswith("Дорожная карта")]
    assert may[-1].startswith("Дорожная карта, этап 6 (май, срок — этот месяц")


def test_calendars_parse_back_with_the_plans_dates(book, tmp_path):
    from icalendar import Calendar

    result = remind(book, tmp_path, TODAY)
    names = sorted(p.name for p in result.calendars)
    assert "Пара ПР-003.ics" in names and "Наставник Н-001 Кузнецов Андрей Викторович.ics" in names
    plan = book.tables["plan"]

    def expected(programmes):
        rows = plan[plan["programme"].isin(programmes)]
        return sorted((f"{r['activity']} ({r['programme']})", event_day(dict(r))) for _, r in rows.iterrows())

    def events(path):
        cal = Calendar.from_ical(path.read_bytes())
        return sorted((str(e["summary"]), e.decoded("dtstart")) for e in cal.walk("VEVENT"))

    folder = tmp_path / "Календари"
    assert events(folder / "Наставник Н-001 Кузнецов Андрей Викторович.ics") == expected(["ПП-001"])
    group = events(folder / "Пара ПР-003.ics")
    assert group == expected(["ПП-003"]) and len(group) == 6
    uids = [str(e["uid"]) for e in Calendar.from_ical((folder / "Пара ПР-003.ics").read_bytes()).walk("VEVENT")]
    assert len(set(uids)) == 6 and all(u.isascii() for u in uids)  # phone calendars want plain ids
    remind(book, tmp_path / "снова", TODAY)
    assert (tmp_path / "снова" / "Календари" / "Пара ПР-003.ics").read_bytes() == (folder / "Пара ПР-003.ics") \
        .read_bytes()  # a re-import updates the same events instead of doubling them
    text = (folder / "Пара ПР-003.ics").read_bytes().decode("utf-8")
    for fio in book.tables["mentees"]["fio"].tolist() + book.tables["mentors"]["fio"].tolist():
        assert fio.split()[0] not in text  # a pair's calendar goes to several people: no names


def test_cli_remind(book, tmp_path):
    res = CliRunner().invoke(main, ["--today", "25.11.2026", "remind", str(book.path), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "10 писем (наставникам — 4, наставляемым — 4, куратору — 1, директору — 1)" in res.output
    assert "Ничего не отправлено" in res.output
    assert "Кузнецов" not in res.output + res.stderr  # no personal data on the screen
