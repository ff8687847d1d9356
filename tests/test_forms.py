"""``nastavnik forms``: questionnaires derived from the schema, personal and blank, .xlsx, .docx and online."""

from __future__ import annotations

import subprocess

import openpyxl
from click.testing import CliRunner
from docx import Document

from nastavnik.cli import main
from nastavnik.forms import collect, make_forms
from nastavnik.forms.lines import DUPLICATE
from nastavnik.forms.online import question_list
from nastavnik.forms.questions import online_questions, questions
from nastavnik.forms.xlsx_form import FORM_SHEET, KEY_COL, SERVICE_SHEET
from nastavnik.workbook import schema as s

from .conftest import TODAY
from .lo import convert, needs_soffice


def _answer_rows(ws):
    return [row for row in ws.iter_rows(min_row=1) if row[KEY_COL].value]


def test_one_personal_form_per_person_in_the_bank_and_a_blank_one(tmp_path, demo_book):
    result = make_forms(demo_book, "наставник", tmp_path, TODAY)
    mentors = demo_book.tables["mentors"]
    active = mentors[mentors["status"] != "выбыл"]
    assert len(list(result.folder.glob("Н-*.xlsx"))) == len(active)
    assert len(list(result.folder.glob("Н-*.docx"))) == len(active)
    assert {p.name for p in result.blank} == {"Пустая анкета — наставник.xlsx", "Пустая анкета — наставник.docx"}
    assert result.online.name == "Вопросы для онлайн-формы — наставник.txt"


def test_survey_forms_go_to_each_participant_of_a_programme_under_way(tmp_path, demo_book):
    result = make_forms(demo_book, "анкета", tmp_path, TODAY)
    pairs = demo_book.tables["pairs"]
    live = pairs[(pairs["status"] != "проект") & pairs["code"].isin(demo_book.tables["programmes"]["pair"])]
    people = {(p, c) for p, c in zip(live["code"], live["mentor"])} | {(p, c) for p, c in zip(live["code"],
                                                                                              live["mentee"])}
    assert len(list(result.folder.glob("ПП-*.xlsx"))) == len(people)
    assert not result.blank


def test_only_the_answer_cells_are_unlocked_and_the_sheet_is_protected(tmp_path, demo_book):
    folder = make_forms(demo_book, "запрос", tmp_path, TODAY).folder
    ws = openpyxl.load_workbook(next(folder.glob("П-001 *.xlsx")))[FORM_SHEET]
    assert ws.protection.sheet
    unlocked = {c.coordinate for row in ws.iter_rows() for c in row if c.protection.locked is False}
    answers = {row[1].coordinate for row in _answer_rows(ws)}
    assert unlocked == answers


def test_list_questions_have_dropdowns_pointing_at_the_lists(tmp_path, demo_book):
    folder = make_forms(demo_book, "запрос", tmp_path, TODAY).folder
    wb = openpyxl.load_workbook(folder / "Пустая анкета — запрос.xlsx")
    ws = wb[FORM_SHEET]
    by_key = {row[KEY_COL].value: row[1].coordinate for row in _answer_rows(ws)}
    lists = {}
    for dv in ws.data_validations.dataValidation:
        for cell in str(dv.sqref).split():
            lists[cell] = dv.formula1
    assert lists[by_key["category"]] == "form_mentee_category"
    assert lists[by_key["req_ict"]] == "form_yes_no"
    assert lists[by_key["consent"]] == "form_yes_no"
    assert "form_mentee_category" in wb.defined_names
    assert wb[SERVICE_SHEET].sheet_state == "hidden"


def test_a_personal_form_is_prefilled_with_what_the_workbook_knows(tmp_path, demo_book):
    folder = make_forms(demo_book, "запрос", tmp_path, TODAY).folder
    ws = openpyxl.load_workbook(next(folder.glob("П-003 *.xlsx")))[FORM_SHEET]
    values = {row[KEY_COL].value: row[1].value for row in _answer_rows(ws)}
    mentees = demo_book.tables["mentees"]
    rec = mentees[mentees["code"] == "П-003"].iloc[0]
    assert values["fio"] == rec["fio"] and values["focus"] == rec["focus"]
    assert values["ped_experience"] == rec["ped_experience"]
    assert values["req_ict"] == ("да" if rec["req_ict"] else "нет")
    assert values["consent"] is None  # consent is stated by the person, never pre-ticked


def test_an_untouched_personal_form_changes_nothing(tmp_path, demo_book):
    folder = make_forms(demo_book, "наставник", tmp_path, TODAY).folder
    result = collect(demo_book, [next(folder.glob("Н-001 *.xlsx"))], tmp_path / "out", TODAY)
    assert result.copy is None
    assert [line.status for line in result.lines] == [DUPLICATE]


def test_every_question_comes_from_the_schema():
    asked = {q.key for q in questions("запрос")}
    assert "req_*" in asked and "code" not in asked and "status" not in asked
    group = next(q for q in questions("запрос") if q.key == "req_*")
    assert [key for key, _ in group.group] == [c.key for c in s.MENTEES.columns if c.key.startswith("req_")]
    survey = [q.text for q in questions("анкета") if q.key in s.SURVEY_QUESTIONS]
    assert survey == list(s.SURVEY_QUESTIONS.values())


def test_the_online_list_has_each_question_and_option_in_exact_words():
    text = question_list("запрос")
    for q in online_questions("запрос"):
        assert q.text in text
        for option in q.options:
            assert option in text
    survey = question_list("анкета")
    lo, hi = s.SURVEY_SCALE
    assert f"шкала от {lo} до {hi}" in survey and "Ваша роль в программе" in survey


def test_the_printable_form_holds_every_question_and_the_consent_note(tmp_path, demo_book):
    folder = make_forms(demo_book, "запрос", tmp_path, TODAY).folder
    doc = Document(next(folder.glob("П-001 *.docx")))
    text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    body = "\n".join(p.text for p in doc.paragraphs)
    for q in questions("запрос"):
        if q.key != "consent":
            assert q.text in text
    assert "☒ ж" in text  # what the workbook knows is ticked
    assert "Я согласна на обработку" in body and s.CONSENT_NOTE in body


def test_the_command_makes_forms_for_the_demo(tmp_path):
    res = CliRunner().invoke(main, ["--today", "25.11.2026", "forms", "--kind", "запрос", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "личных анкет: 14" in res.output and (tmp_path / "Анкеты — запрос").is_dir()


def test_an_unknown_kind_is_refused_in_russian():
    res = CliRunner().invoke(main, ["forms", "--kind", "опрос"])
    assert res.exit_code == 2 and "опрос" in res.output


@needs_soffice
def test_forms_open_in_libreoffice_with_their_dropdowns_and_print(tmp_path, demo_book):
    folder = make_forms(demo_book, "наставник", tmp_path / "f", TODAY).folder
    src = tmp_path / "src"
    src.mkdir()
    xlsx = src / "форма.xlsx"
    xlsx.write_bytes(next(folder.glob("Н-002 *.xlsx")).read_bytes())
    docx = src / "печать.docx"
    docx.write_bytes(next(folder.glob("Н-002 *.docx")).read_bytes())
    (back,) = convert([xlsx], "xlsx:Calc MS Excel 2007 XML", tmp_path / "back", tmp_path / "lo")
    ws = openpyxl.load_workbook(back)[FORM_SHEET]
    assert any(dv.type == "list" for dv in ws.data_validations.dataValidation)
    assert ws.protection.sheet
    pdfs = convert([xlsx, docx], "pdf", tmp_path / "pdf", tmp_path / "lo")
    for pdf in pdfs:
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert "Pages:" in info
    # A form saved by LibreOffice is still read back as the same person's questionnaire.
    result = collect(demo_book, [back], tmp_path / "out", TODAY)
    assert [line.status for line in result.lines] == [DUPLICATE] and result.lines[0].code == "Н-002"
