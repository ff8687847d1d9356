"""``collect``: a returned form is bound to the person, the year and the book it was issued for; every answer
gets one verdict at the cell the teacher filled; hostile or odd answer files are read, or named with a reason.

Each test here is a case a reviewer tried by hand (../shared/reviews/s3/faults.md, verify.md), written as the
curator would notice it: which person's row changed, which line the report shows, at which row of which file.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.forms import make_forms
from nastavnik.forms.lines import ADDED, CONFLICT, DUPLICATE, NOTE, REJECTED, UPDATED
from nastavnik.forms.xlsx_form import FORM_SHEET, KEY_COL
from nastavnik.workbook.reader import read_workbook

from .conftest import TODAY
from .test_collect import NEWCOMER, export_rows, fill, mentees, personal, run_collect, set_service, statuses, write_csv

SCORES = ("q_satisfaction", "q_expectations", "q_meetings", "q_relationship", "q_usefulness", "q_growth",
          "q_continue")


@pytest.fixture
def forms_dir(tmp_path, demo_book):
    return make_forms(demo_book, "запрос", tmp_path / "анкеты", TODAY).folder


def row_of(path: Path, key: str) -> int:
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    return next(r[0].row for r in ws.iter_rows() if r[KEY_COL].value == key)


def verdicts(result, source: str) -> list:
    return [line for line in result.lines if line.source == source]


# ---- point 1: a form is bound to the person it was issued to ----------------------------------------------------
@pytest.mark.parametrize("update", [False, True])
def test_a_form_whose_hidden_code_was_edited_changes_nobody_even_with_update(tmp_path, demo_book, forms_dir, update):
    form = fill(personal(forms_dir, "П-013"), {"ped_experience": 6}, tmp_path / "П-013.xlsx")
    set_service(form, "Код", "П-014")
    result = run_collect(demo_book, [form], tmp_path / "out", update=update)
    assert result.copy is None  # П-014's name, birth date and contact stay his
    assert not statuses(result, UPDATED)
    [line] = verdicts(result, "П-013.xlsx")
    assert line.status == CONFLICT and "П-014" in line.reason and "изменены после выдачи" in line.reason


def test_the_cli_with_update_leaves_the_other_person_alone_and_says_why(tmp_path, demo_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-013"), {"ped_experience": 6}, tmp_path / "П-013.xlsx")
    set_service(form, "Код", "П-014")
    res = CliRunner().invoke(main, ["--today", "25.11.2026", "collect", str(demo_path), str(form), "--update",
                                    "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "[конфликт]" in res.output and "Копия книги с ответами" not in res.output
    assert mentees(demo_book)["П-014"]["fio"] not in res.output  # no personal data on screen


def test_a_survey_form_moved_to_another_programme_is_a_conflict(tmp_path, demo_book):
    folder = make_forms(demo_book, "анкета", tmp_path / "анкеты", TODAY).folder
    form = max(folder.glob("*.xlsx"))
    fill(form, {**{q: 8 for q in SCORES}, "date": "20.11.2026"})
    wb = openpyxl.load_workbook(form)
    service = {r[0].value: r[1].value for r in wb["Служебное"].iter_rows()}
    code, programme = service["Код"], service["Программа"]
    other = next(p for p in demo_book.tables["programmes"]["code"] if p != programme)
    set_service(form, "Программа", other)
    result = run_collect(demo_book, [form], tmp_path / "out", update=True)
    assert result.copy is None
    [line] = verdicts(result, form.name)
    assert line.status == CONFLICT and other in line.reason and code


def test_an_untouched_service_sheet_still_updates(tmp_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-013"), {"ped_experience": 6}, tmp_path / "П-013.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    assert mentees(read_workbook(result.copy, today=TODAY))["П-013"]["ped_experience"] == 6


# ---- point 3: the form's academic year ------------------------------------------------------------------------
def test_a_form_issued_two_years_ago_is_a_conflict_naming_both_years(tmp_path, make_book, demo_book):
    def two_years_ago(org, tables):
        org.update(academic_year="2024/2025", period_start=dt.date(2024, 9, 1), period_end=dt.date(2025, 8, 31))

    old_book = make_book(two_years_ago, name="старая.xlsx")
    folder = make_forms(old_book, "запрос", tmp_path / "старые", dt.date(2024, 9, 2)).folder
    form = fill(personal(folder, "П-002"), {"ped_experience": 4}, tmp_path / "П-002.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out", update=True)
    assert result.copy is None
    [line] = verdicts(result, "П-002.xlsx")
    assert line.status == CONFLICT and "2024/2025" in line.reason and "2026/2027" in line.reason


# ---- point 2: the cell the teacher filled, and an emptied answer -----------------------------------------------
def test_a_many_choice_answer_is_located_at_the_option_row_the_teacher_ticked(tmp_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-012"), {"level=базовый": "да"}, tmp_path / "П-012.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    [line] = statuses(result, UPDATED)
    assert line.row == row_of(form, "level=базовый")
    assert "базовый" in line.column and "стартовый" not in line.column


def test_a_mentors_added_kind_is_located_at_its_own_row(tmp_path, demo_book):
    folder = make_forms(demo_book, "наставник", tmp_path / "анкеты", TODAY).folder
    form = fill(personal(folder, "Н-001"), {"kinds=реверсивное": "да"}, tmp_path / "Н-001.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    [line] = [x for x in statuses(result, UPDATED) if x.field and "вид" in x.field.lower()]
    assert line.row == row_of(form, "kinds=реверсивное") and "реверсивное" in line.column


def test_an_emptied_answer_gets_a_line_saying_the_books_value_is_kept(tmp_path, demo_book, forms_dir):
    before = mentees(demo_book)["П-012"]["subject"]
    assert before
    form = fill(personal(forms_dir, "П-012"), {"subject": None}, tmp_path / "П-012.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out", update=True)
    [line] = verdicts(result, "П-012.xlsx")
    assert line.status == CONFLICT and line.row == row_of(form, "subject")
    assert line.field == "Предметная область / объединения" and "оставлено значение книги" in line.reason
    assert result.copy is None  # nothing cleared: the book's value stays
    assert "Все ответы совпадают" not in line.reason


def test_an_emptied_many_choice_answer_gets_its_line(tmp_path, demo_book):
    folder = make_forms(demo_book, "наставник", tmp_path / "анкеты", TODAY).folder
    erased = [f"kinds={k}" for k in ("традиционное «один-на-один»", "в группе", "виртуальное", "ситуационное")]
    form = fill(personal(folder, "Н-002"), dict.fromkeys(erased), tmp_path / "Н-002.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    [line] = verdicts(result, "Н-002.xlsx")
    assert line.status == CONFLICT and "оставлено значение книги" in line.reason
    assert line.row == min(row_of(form, key) for key in erased) and result.copy is None
    assert all(f"B{row_of(form, key)}" in line.column for key in erased)


# ---- point 3: hardening ---------------------------------------------------------------------------------------
def test_one_huge_answer_in_a_csv_is_rejected_alone_and_the_rest_is_read(tmp_path, demo_book):
    huge = {**NEWCOMER, "request_text": "очень длинный запрос " * 10_000}  # 210 000 characters
    other = {**NEWCOMER, "fio": "Петрова Анна Олеговна", "birth_date": "01.02.1990"}
    header, rows = export_rows("запрос", [huge, other])
    result = run_collect(demo_book, [write_csv(tmp_path / "большой.csv", header, rows)], tmp_path / "out")
    assert len(statuses(result, ADDED)) == 2
    [bad] = statuses(result, REJECTED)
    assert bad.row == 2 and re.search(r"32\s767", bad.reason) and "Error" not in bad.reason
    after = mentees(read_workbook(result.copy, today=TODAY))
    assert after["П-016"]["request_text"] is None and after["П-017"]["request_text"]


def test_a_huge_answer_in_a_form_is_rejected_not_cut(tmp_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-001"), {"request_text": "я" * 40_000, "ped_experience": 3},
                tmp_path / "П-001.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    [bad] = statuses(result, REJECTED)
    assert bad.row == row_of(form, "request_text") and re.search(r"32\s767", bad.reason)
    after = mentees(read_workbook(result.copy, today=TODAY))["П-001"]
    assert after["ped_experience"] == 3 and after["request_text"] == mentees(demo_book)["П-001"]["request_text"]


def test_excels_unicode_text_export_utf16_with_tabs_is_read(tmp_path, demo_book):
    header, rows = export_rows("запрос", [NEWCOMER])
    source = write_csv(tmp_path / "юникод.csv", header, rows, "utf-16", "\t")
    result = run_collect(demo_book, [source], tmp_path / "out")
    assert [line.source for line in statuses(result, ADDED)] == ["юникод.csv"]
    assert mentees(read_workbook(result.copy, today=TODAY))["П-016"]["fio"] == "Семёнова Ольга Игоревна"


def test_an_unreadable_encoding_names_the_encodings_tried(tmp_path, demo_book):
    source = tmp_path / "странный.csv"
    source.write_bytes(b"\x98\x98\x98;\xff\xfe\x00")  # neither UTF-8, UTF-16 nor Windows-1251
    result = run_collect(demo_book, [source], tmp_path / "out")
    [bad] = statuses(result, REJECTED)
    assert bad.source == "странный.csv" and all(e in bad.reason for e in ("UTF-8", "UTF-16", "Windows-1251"))


@pytest.mark.parametrize("in_folder", [True, False])
def test_a_filled_xlsx_renamed_docx_is_named_and_said_what_it_is(tmp_path, demo_book, forms_dir, in_folder):
    inbox = tmp_path / "ответы"
    inbox.mkdir()
    fill(personal(forms_dir, "П-001"), {"ped_experience": 2}, inbox / "П-001 Иванова.docx")
    result = run_collect(demo_book, [inbox if in_folder else inbox / "П-001 Иванова.docx"], tmp_path / "out")
    [line] = verdicts(result, "П-001 Иванова.docx")
    assert line.status == REJECTED and "книга Excel" in line.reason and ".xlsx" in line.reason
    assert not any(".docx (1)" in x.reason for x in result.lines)  # not counted as a printed form


def test_control_characters_get_one_verdict(tmp_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-001"), {"request_text": "Запрос_x0007_ с звонком"}, tmp_path / "П-001.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    [line] = [x for x in result.lines if x.row == row_of(form, "request_text")]
    assert line.status == REJECTED and "не принят" in line.reason
    assert "попадёт" not in line.reason  # it does not also promise the text will be used


def test_nothing_is_said_twice_about_one_answer(tmp_path, demo_book, forms_dir):
    form = fill(personal(forms_dir, "П-012"), {"level=базовый": "да", "subject": None, "ped_experience": 1},
                tmp_path / "П-012.xlsx")
    result = run_collect(demo_book, [form], tmp_path / "out")
    located = [(x.row, x.column) for x in verdicts(result, "П-012.xlsx") if x.row]
    assert len(located) == len(set(located)) == 3
    assert not statuses(result, DUPLICATE) and not [x for x in result.lines if x.status == NOTE]


def test_a_form_with_a_broken_sheet_is_named_without_a_python_class_name(tmp_path, demo_book, forms_dir):
    broken = tmp_path / "сломанная.xlsx"
    with zipfile.ZipFile(personal(forms_dir, "П-004")) as z, zipfile.ZipFile(broken, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            out.writestr(name, data[: len(data) // 2] if name == "xl/worksheets/sheet1.xml" else data)
    good = fill(personal(forms_dir, "П-005"), {"ped_experience": 9}, tmp_path / "П-005.xlsx")
    result = run_collect(demo_book, [broken, good], tmp_path / "out")
    [line] = statuses(result, REJECTED)
    assert "«сломанная.xlsx»" in line.reason
    assert not re.search(r"[A-Za-z]{4,}", re.sub(r"Excel|LibreOffice Calc|\.xlsx", "", line.reason))
    assert statuses(result, UPDATED)
