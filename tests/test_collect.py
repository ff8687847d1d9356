"""``nastavnik collect``: questionnaires and online-form exports merged into a copy of the workbook.

Forms are made for the demo by the library, filled in code as a person would
fill them in Excel (openpyxl writes the answer cells), exports are built from
the question list as Яндекс Формы / Google Forms write them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.checks import check_book
from nastavnik.cli import main
from nastavnik.forms import collect, make_forms
from nastavnik.forms.lines import ADDED, CONFLICT, CONSENT, DUPLICATE, NOTE, REJECTED, UPDATED
from nastavnik.forms.people import row_values
from nastavnik.forms.questions import online_questions
from nastavnik.forms.xlsx_form import FORM_SHEET, KEY_COL, SERVICE_SHEET
from nastavnik.workbook.reader import read_workbook

from .conftest import TODAY


# ---- helpers: a person filling a form, a form service exporting answers ---------------------------------------
def fill(path: Path, answers: dict, target: Path | None = None) -> Path:
    """Type answers into an .xlsx form by the key of each row (column D), as a person does in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    seen = set()
    for row in ws.iter_rows(min_row=1):
        key = row[KEY_COL].value
        if key in answers:
            row[1].value = answers[key]
            seen.add(key)
    assert seen == set(answers), f"no rows for {set(answers) - seen}"
    target = target or path
    wb.save(target)
    return target


def set_service(path: Path, title: str, value) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[SERVICE_SHEET]
    for row in ws.iter_rows():
        if row[0].value == title:
            row[1].value = value
    wb.save(path)


def export_rows(kind: str, people: list[dict], extra: bool = True) -> tuple[list[str], list[list]]:
    """Header and rows of an online form's export: timestamp first, questions in reverse order, one extra column."""
    qs = list(reversed(online_questions(kind)))
    header = ["Отметка времени", *[q.text for q in qs]] + (["Как вы узнали об анкете?"] if extra else [])
    rows = []
    for n, person in enumerate(people):
        stamp = person.get("_when", f"0{n + 1}.11.2026 10:0{n}:00")
        rows.append([stamp, *[person.get(q.key, "") for q in qs]] + (["от коллег"] if extra else []))
    return header, rows


def write_csv(path: Path, header, rows, encoding="utf-8", delimiter=",") -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx_export(path: Path, header, rows) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ответы на форму (1)"
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


NEWCOMER = {  # an online answer of a teacher not yet in the bank, typed as people type
    "fio": "  Семёнова   Ольга Игоревна ",
    "sex": "Ж",
    "birth_date": "5 марта 1995 г.",
    "position": "педагог дополнительного образования",
    "ped_experience": "2",
    "category": "Молодой специалист",
    "focus": "техническая",
    "req_*": "ИКТ-компетенции, методические",
    "request_text": "Хочу научиться вести занятия по робототехнике.",
    "format": "очно",
    "consent": "Да",
}


def mentees(book) -> dict:
    frame = book.tables["mentees"]
    return {r["code"]: r for r in (row_values(frame, i) for i in frame.index)}


def run_collect(book, sources, out, update=False):
    return collect(book, [Path(p) for p in sources], out, TODAY, update=update)


def statuses(result, status):
    return [line for line in result.lines if line.status == status]


@pytest.fixture
def forms_dir(tmp_path, demo_book):
    return make_forms(demo_book, "запрос", tmp_path / "анкеты", TODAY).folder


def personal(folder: Path, code: str) -> Path:
    return next(folder.glob(f"{code} *.xlsx"))


# ---- round trips ------------------------------------------------------------------------------------------
def test_personal_and_blank_forms_round_trip_into_a_copy_that_checks_clean(tmp_path, demo_book, forms_dir):
    inbox = tmp_path / "ответы"
    inbox.mkdir()
    fill(personal(forms_dir, "П-001"), {"ped_experience": 2, "req_ict": "да", "request_text": "Новые затруднения.",
                                        "consent": "да"}, inbox / "П-001.xlsx")
    fill(forms_dir / "Пустая анкета — запрос.xlsx",
         {"fio": "Орлова Нина Сергеевна", "sex": "ж", "birth_date": dt.datetime(1996, 4, 2),
          "position": "педагог дополнительного образования", "ped_experience": 1,
          "category": "молодой специалист", "focus": "техническая", "req_method": "да", "consent": "да"},
         inbox / "новая.xlsx")
    result = run_collect(demo_book, [inbox], tmp_path / "out")
    copy = read_workbook(result.copy, today=TODAY)
    assert check_book(copy, TODAY).valid
    before, after = mentees(demo_book), mentees(copy)
    assert after["П-001"]["ped_experience"] == 2 and after["П-001"]["req_ict"] is True
    assert after["П-001"]["request_text"] == "Новые затруднения."
    new = after["П-016"]
    assert (new["fio"], new["birth_date"], new["status"]) == ("Орлова Нина Сергеевна", dt.date(1996, 4, 2),
                                                              "ожидает пару")
    changed = {("П-001", "ped_experience"), ("П-001", "req_ict"), ("П-001", "request_text")}
    for code, row in before.items():  # exactly the answers: nothing else moved
        for key, value in row.items():
            if (code, key) not in changed:
                assert after[code][key] == value or (value is None and after[code][key] is None), (code, key)
    assert len(after) == len(before) + 1
    assert {line.status for line in result.lines} >= {UPDATED, ADDED}


def test_a_ticked_consent_is_noted_as_stated_in_the_questionnaire_not_as_the_signed_document(tmp_path, demo_book,
                                                                                             forms_dir):
    form = fill(forms_dir / "Пустая анкета — запрос.xlsx",
                {"fio": "Орлова Нина Сергеевна", "sex": "ж", "birth_date": "02.04.1996", "position": "педагог",
                 "ped_experience": 1, "category": "молодой специалист", "focus": "техническая", "consent": "да"},
                tmp_path / "новая.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    new = mentees(read_workbook(result.copy, today=TODAY))["П-016"]
    assert new["consent_pd"] is None
    assert "заявлено в анкете" in new["note"] and "подписанное согласие не получено" in new["note"]
    assert statuses(result, CONSENT)


def test_a_newcomer_without_consent_is_not_added(tmp_path, demo_book, forms_dir):
    form = fill(forms_dir / "Пустая анкета — запрос.xlsx",
                {"fio": "Орлова Нина Сергеевна", "sex": "ж", "birth_date": "02.04.1996", "position": "педагог",
                 "ped_experience": 1, "category": "молодой специалист", "focus": "техническая"},
                tmp_path / "новая.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    assert result.copy is None
    assert "согласие" in statuses(result, REJECTED)[0].reason


def test_mentor_forms_round_trip_with_many_choice_answers(tmp_path, demo_book):
    folder = make_forms(demo_book, "наставник", tmp_path / "анкеты", TODAY).folder
    form = fill(personal(folder, "Н-002"), {"max_mentees": 3, "forms=педагог вуза/колледжа – молодой педагог": "да",
                                            "kinds=виртуальное": "да"}, tmp_path / "Н-002.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    copy = read_workbook(result.copy, today=TODAY)
    assert check_book(copy, TODAY).valid
    frame = copy.tables["mentors"]
    row = row_values(frame, frame.index[frame["code"] == "Н-002"][0])
    assert row["max_mentees"] == 3
    assert "педагог вуза/колледжа – молодой педагог" in row["forms"] and "виртуальное" in row["kinds"]


def test_survey_forms_round_trip_append_a_row_per_answer(tmp_path, demo_book):
    folder = make_forms(demo_book, "анкета", tmp_path / "анкеты", TODAY).folder
    form = max(folder.glob("*.xlsx"))
    scores = {q: 8 for q in ("q_satisfaction", "q_expectations", "q_meetings", "q_relationship", "q_usefulness",
                             "q_growth", "q_continue")}
    fill(form, {**scores, "date": "20.11.2026", "comment": "Спасибо наставнику & коллегам"})
    result = run_collect(demo_book, [form], tmp_path / "out")
    copy = read_workbook(result.copy, today=TODAY)
    assert check_book(copy, TODAY).valid
    assert len(copy.tables["surveys"]) == len(demo_book.tables["surveys"]) + 1
    last = row_values(copy.tables["surveys"], copy.tables["surveys"].index[-1])
    assert last["date"] == dt.date(2026, 11, 20) and last["q_growth"] == 8
    assert last["comment"] == "Спасибо наставнику & коллегам"
    assert statuses(result, ADDED)


@pytest.mark.parametrize("encoding,delimiter", [("utf-8", ","), ("cp1251", ";"), ("utf-8-sig", ";")])
def test_an_online_csv_export_in_either_encoding_and_separator_adds_the_newcomer(tmp_path, demo_book, encoding,
                                                                                  delimiter):
    header, rows = export_rows("запрос", [NEWCOMER])
    source = write_csv(tmp_path / "выгрузка.csv", header, rows, encoding, delimiter)
    result = run_collect(demo_book, [source], tmp_path / "out")
    copy = read_workbook(result.copy, today=TODAY)
    assert check_book(copy, TODAY).valid
    new = mentees(copy)["П-016"]
    assert new["fio"] == "Семёнова Ольга Игоревна" and new["sex"] == "ж"
    assert new["birth_date"] == dt.date(1995, 3, 5) and new["category"] == "молодой специалист"
    assert new["req_ict"] is True and new["req_method"] is True and new["req_legal"] is False
    assert new["date_added"] == dt.date(2026, 11, 1)
    added = statuses(result, ADDED)
    assert added and added[0].source == "выгрузка.csv" and added[0].row == 2
    assert any(line.status == NOTE and "Как вы узнали" in (line.column or "") for line in result.lines)


def test_an_online_xlsx_export_with_semicolon_joined_choices_is_read(tmp_path, demo_book):
    person = {**NEWCOMER, "req_*": "ИКТ-компетенции; методические", "birth_date": "1995-03-05"}
    header, rows = export_rows("запрос", [person])
    result = run_collect(demo_book, [write_xlsx_export(tmp_path / "выгрузка.xlsx", header, rows)], tmp_path / "o")
    new = mentees(read_workbook(result.copy, today=TODAY))["П-016"]
    assert new["req_ict"] is True and new["birth_date"] == dt.date(1995, 3, 5)


def test_an_online_answer_for_a_known_person_is_matched_by_fio_and_birth_date(tmp_path, demo_book):
    known = mentees(demo_book)["П-009"]
    assert "ё" in known["fio"]  # typed with «е» and in capitals online
    person = {"fio": known["fio"].replace("ё", "е").upper(), "birth_date": f"{known['birth_date']:%d.%m.%Y}",
              "subject": "робототехника; программирование"}
    header, rows = export_rows("запрос", [person])
    source = write_csv(tmp_path / "в.csv", header, rows)
    assert known["subject"]  # the curator's own entry: the answer conflicts with it
    result = run_collect(demo_book, [source], tmp_path / "out")
    assert [(line.code, line.field) for line in statuses(result, CONFLICT)] == [
        ("П-009", "Предметная область / объединения")]
    assert not statuses(result, ADDED)
    taken = run_collect(demo_book, [source], tmp_path / "out2", update=True)
    after = mentees(read_workbook(taken.copy, today=TODAY))
    assert len(after) == len(mentees(demo_book))
    assert after["П-009"]["subject"] == "робототехника; программирование"


def test_an_answer_outside_the_list_is_reported_at_its_cell_and_never_guessed(tmp_path, demo_book):
    person = {**NEWCOMER, "format": "по переписке"}
    header, rows = export_rows("запрос", [person])
    result = run_collect(demo_book, [write_csv(tmp_path / "в.csv", header, rows)], tmp_path / "out")
    bad = [line for line in statuses(result, REJECTED) if "Предпочитаемый формат" in (line.column or "")]
    assert bad and bad[0].row == 2 and bad[0].source == "в.csv"
    assert mentees(read_workbook(result.copy, today=TODAY))["П-016"]["format"] is None


# ---- each case of the issue gets its line ------------------------------------------------------------------
def test_a_form_of_another_template_version_gets_a_line(tmp_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-002"), {"ped_experience": 4}, tmp_path / "П-002.xlsx")
    set_service(form, "Версия шаблона", "0.9")
    result = run_collect(demo_book, [form], tmp_path / "out")
    assert any(line.status == NOTE and "версии 0.9" in line.reason for line in result.lines)
    assert mentees(read_workbook(result.copy, today=TODAY))["П-002"]["ped_experience"] == 4


def test_a_form_for_a_person_not_in_the_workbook_is_rejected_with_its_code(tmp_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-002"), {"ped_experience": 4}, tmp_path / "чужая.xlsx")
    set_service(form, "Код", "П-099")
    result = run_collect(demo_book, [form], tmp_path / "out")
    rejected = statuses(result, REJECTED)
    assert rejected and "П-099" in rejected[0].reason and rejected[0].source == "чужая.xlsx"
    assert result.copy is None


def test_two_answers_from_one_person_take_the_later_and_report_the_earlier(tmp_path, demo_book):
    first = {**NEWCOMER, "_when": "01.11.2026 09:00:00", "ped_experience": "1"}
    second = {**NEWCOMER, "_when": "03.11.2026 18:30:00", "ped_experience": "3"}
    header, rows = export_rows("запрос", [second, first])
    result = run_collect(demo_book, [write_csv(tmp_path / "в.csv", header, rows)], tmp_path / "out")
    after = mentees(read_workbook(result.copy, today=TODAY))
    assert after["П-016"]["ped_experience"] == 3 and "П-017" not in after
    dup = statuses(result, DUPLICATE)
    assert dup and dup[0].row == 3 and "более поздняя" in dup[0].reason


def test_a_broken_file_gets_a_line_and_the_rest_is_collected(tmp_path, demo_book, forms_dir):
    broken = tmp_path / "обрезанная.xlsx"
    broken.write_bytes(personal(forms_dir, "П-004").read_bytes()[:900])
    good = fill(personal(forms_dir, "П-005"), {"ped_experience": 9}, tmp_path / "П-005.xlsx")
    result = run_collect(demo_book, [broken, good], tmp_path / "out")
    rejected = statuses(result, REJECTED)
    assert [line.source for line in rejected] == ["обрезанная.xlsx"]
    assert mentees(read_workbook(result.copy, today=TODAY))["П-005"]["ped_experience"] == 9


def test_a_semicolon_csv_gets_its_line(tmp_path, demo_book):
    header, rows = export_rows("запрос", [NEWCOMER])
    source = write_csv(tmp_path / "точка с запятой.csv", header, rows, "cp1251", ";")
    result = run_collect(demo_book, [source], tmp_path / "out")
    assert [line.source for line in statuses(result, ADDED)] == ["точка с запятой.csv"]


def test_a_curators_later_edit_is_a_conflict_kept_unless_update(tmp_path, make_book, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-006"), {"ped_experience": 7}, tmp_path / "П-006.xlsx")

    def curator_edits(org, tables):
        next(r for r in tables["mentees"] if r["code"] == "П-006")["ped_experience"] = 5

    edited = make_book(curator_edits)
    kept = run_collect(edited, [form], tmp_path / "out1")
    assert statuses(kept, CONFLICT)[0].old == "5" and statuses(kept, CONFLICT)[0].new == "7"
    assert kept.copy is None
    taken = run_collect(edited, [form], tmp_path / "out2", update=True)
    assert mentees(read_workbook(taken.copy, today=TODAY))["П-006"]["ped_experience"] == 7


def test_an_online_survey_finds_the_respondent_and_programme_by_fio_and_role(tmp_path, demo_book):
    frame = demo_book.tables["surveys"]
    answered = {(r, p) for r, p in zip(frame["respondent"], frame["programme"])}
    pairs = demo_book.tables["pairs"]
    running = pairs[pairs["status"] == "реализуется"]
    code = next(c for c in running["mentee"] if list(pairs["mentee"]).count(c) == 1)
    fio = mentees(demo_book)[code]["fio"]
    person = {"fio": fio, "role": "наставляемый", **{q: "9" for q in (
        "q_satisfaction", "q_expectations", "q_meetings", "q_relationship", "q_usefulness", "q_growth",
        "q_continue")}}
    header, rows = export_rows("анкета", [person])
    result = run_collect(demo_book, [write_csv(tmp_path / "опрос.csv", header, rows, "cp1251", ";")], tmp_path / "o")
    copy = read_workbook(result.copy, today=TODAY)
    assert check_book(copy, TODAY).valid
    last = row_values(copy.tables["surveys"], copy.tables["surveys"].index[-1])
    assert last["respondent"] == code and last["q_continue"] == 9 and last["date"] == dt.date(2026, 11, 1)
    assert answered  # the demo already has surveys; the new one is appended, not merged into them


# ---- the workbook and personal data ------------------------------------------------------------------------
def test_the_workbook_is_never_modified(tmp_path, demo_path, demo_book, forms_dir):
    book_path = tmp_path / "книга.xlsx"
    shutil.copy2(demo_path, book_path)
    before = (book_path.read_bytes(), os.stat(book_path).st_mtime_ns)
    form = fill(personal(forms_dir, "П-001"), {"ped_experience": 2}, tmp_path / "П-001.xlsx")
    runner = CliRunner()
    res = runner.invoke(main, ["--today", "25.11.2026", "collect", str(book_path), str(form), "--out",
                               str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert (book_path.read_bytes(), os.stat(book_path).st_mtime_ns) == before
    assert "Копия книги с ответами" in res.output and "Проверка копии: ошибок нет" in res.output
    assert (tmp_path / "out" / "Отчёт о сборе анкет.xlsx").exists()


def test_the_screen_and_report_never_show_birth_dates_or_contacts(tmp_path, demo_path):
    header, rows = export_rows("запрос", [{**NEWCOMER, "contact": "+7 911 555-12-34"}])
    source = write_csv(tmp_path / "в.csv", header, rows)
    known = {"fio": "Иванова Мария Петровна", "birth_date": "01.01.1990", "contact": "ivanova@example.ru"}
    header2, rows2 = export_rows("запрос", [known])
    source2 = write_csv(tmp_path / "в2.csv", header2, rows2)
    res = CliRunner().invoke(main, ["--today", "25.11.2026", "collect", str(demo_path), str(source), str(source2),
                                    "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    report = openpyxl.load_workbook(tmp_path / "out" / "Отчёт о сборе анкет.xlsx")
    cells = " ".join(str(c.value) for ws in report for row in ws.iter_rows() for c in row if c.value is not None)
    for secret in ("1995", "555-12-34", "01.01.1990", "ivanova@example.ru"):
        assert secret not in res.output and secret not in cells


def test_a_form_issued_by_another_organisations_workbook_is_rejected(tmp_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-002"), {"ped_experience": 4}, tmp_path / "из другой школы.xlsx")
    set_service(form, "Организация", "ГБОУ СОШ № 1")
    result = run_collect(demo_book, [form], tmp_path / "out")
    assert "другой организации" in statuses(result, REJECTED)[0].reason and result.copy is None


def test_the_online_route_changes_nothing_but_the_answers(tmp_path, demo_book):
    header, rows = export_rows("запрос", [NEWCOMER])
    result = run_collect(demo_book, [write_csv(tmp_path / "в.csv", header, rows, "cp1251", ";")], tmp_path / "out")
    copy = read_workbook(result.copy, today=TODAY)
    for sheet, frame in demo_book.tables.items():
        after = copy.tables[sheet]
        if sheet == "mentees":
            after = after[after["code"] != "П-016"]
        assert frame.drop(columns="_row").equals(after.drop(columns="_row").reset_index(drop=True)), sheet
    assert copy.org == demo_book.org


def test_preview_tells_what_collect_would_do_without_writing(tmp_path, demo_book):
    from nastavnik.forms import preview

    header, rows = export_rows("запрос", [NEWCOMER])
    out = tmp_path / "out"
    lines = preview(demo_book, [write_csv(tmp_path / "в.csv", header, rows)], TODAY)
    assert [line.status for line in lines if line.status == ADDED] == [ADDED]
    assert not out.exists()
