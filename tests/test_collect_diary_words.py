"""``collect`` calls a mentor's diary a diary (issue 31): its report, its messages and the window's summary said
«анкеты» of diaries («Сбор анкет», «Служебные данные анкеты», «Печатные анкеты .docx пропущены»)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.forms import collect, make_forms
from nastavnik.forms.diary import C_ACTUAL, C_MARK
from nastavnik.forms.lines import CONFLICT
from nastavnik.forms.report import render_text
from nastavnik.forms.xlsx_form import SERVICE_SHEET
from nastavnik.ui.window.questionnaires import summary

from .conftest import TODAY
from .test_diary import fill

ACTIVITY = "Составление плана занятия и дополнительной общеразвивающей программы"


@pytest.fixture(scope="module")
def made(demo_book, tmp_path_factory):
    result = make_forms(demo_book, "дневник", tmp_path_factory.mktemp("diaries"), TODAY)
    return result.folder, {p.name.split()[1]: p for p in result.personal}


def test_a_diary_collect_speaks_of_diaries(demo_book, demo_path, made, tmp_path):
    folder, paths = made
    fill(paths["ПП-001"], {ACTIVITY: {C_MARK: "выполнено", C_ACTUAL: dt.datetime(2026, 11, 24)}})
    result = collect(demo_book, [folder], tmp_path / "copy", TODAY)
    text = render_text(result.lines)
    assert text.startswith("Сбор дневников: ")
    assert "Печатные дневники .docx (5) пропущены" in text and "анкет" not in text
    assert result.report.name == "Отчёт о сборе дневников.xlsx"
    assert result.copy.name == "книга — с отметками дневников.xlsx".replace("книга", demo_path.stem)
    sheet = openpyxl.load_workbook(result.report)["Итоги"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert f"Копия книги с отметками дневников: {result.copy.name}" in cells
    assert summary(result.lines).startswith("Что будет сделано с отметками дневников: ")

    res = CliRunner().invoke(main, ["--today", "25.11.2026", "collect", str(demo_path), str(folder), "--out",
                                    str(tmp_path / "cli")])
    assert res.exit_code == 0, res.output
    assert "Сбор дневников:" in res.output and "Копия книги с отметками дневников:" in res.output
    assert "анкет" not in res.output


def test_a_diary_claiming_another_pair_is_a_diarys_conflict(demo_book, tmp_path):
    result = make_forms(demo_book, "дневник", tmp_path / "out", TODAY)
    path = next(p for p in result.personal if p.name.split()[1] == "ПП-001")
    wb = openpyxl.load_workbook(path)
    for row in wb[SERVICE_SHEET].iter_rows():
        if row[0].value == "Код":
            row[1].value = "ПР-002"
        if row[0].value == "Программа":
            row[1].value = "ПП-002"
    wb.save(path)
    lines = collect(demo_book, [path], tmp_path / "copy", TODAY).lines
    assert [line.status for line in lines] == [CONFLICT]
    reason = lines[0].reason
    assert reason.startswith("Служебные данные дневника ") and "Дневник мог быть выдан" in reason
    assert "новый дневник (nastavnik forms --kind дневник)" in reason and "анкет" not in reason


def test_questionnaires_keep_their_words(demo_book):
    assert summary([]).startswith("Что будет сделано с ответами: ")
    assert render_text([]).startswith("Сбор анкет: ")
