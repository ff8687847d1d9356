"""The annotated copy and «проверка.txt» speak the interface they are made from (issue 27, п. 7 and 10): made
by the window they name its buttons, made by the command line its commands."""

from __future__ import annotations

import copy
import re

import openpyxl

from nastavnik.checks import annotate, check_book
from nastavnik.ui.window.words import in_window
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

COMMAND = re.compile(r"nastavnik [a-z]|--only|--annotate")


def _book_without_consent(tmp_path, demo_parts):
    org, tables = copy.deepcopy(demo_parts)
    tables["mentees"][0]["consent_pd"] = None  # the advice names the consent form's command
    path = tmp_path / "книга.xlsx"
    write_workbook(path, org, tables)
    return read_workbook(path, today=TODAY)


def _messages(path) -> list[str]:
    ws = openpyxl.load_workbook(path)["Проверка"]
    return [str(c.value) for row in ws.iter_rows(min_row=5) for c in row if isinstance(c.value, str)]


def test_the_windows_copy_names_buttons_and_the_command_lines_names_commands(tmp_path, demo_parts):
    book = _book_without_consent(tmp_path, demo_parts)
    report = check_book(book, TODAY)
    assert any(COMMAND.search(p.message) for p in report.problems), "the advice names a command"
    window = _messages(annotate(book, report, tmp_path / "окно.xlsx", words=in_window))
    terminal = _messages(annotate(book, report, tmp_path / "терминал.xlsx"))
    assert not [m for m in window if COMMAND.search(m)]
    assert any("кнопка «Сделать документы»" in m for m in window)
    assert any(COMMAND.search(m) for m in terminal)
