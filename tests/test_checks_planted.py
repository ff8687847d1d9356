"""A workbook filled by someone else: typed by hand in Excel, with problems planted among valid rows.

The demo is opened with openpyxl and edited cell by cell the way a person
types (text dates, capital letters, stray spaces); every planted problem must
be reported at its cell and nothing else may be called an error.
"""

from __future__ import annotations

import shutil

from nastavnik.checks import check_book
from nastavnik.workbook.reader import read_workbook

from .checks_util import letter
from .conftest import TODAY

# (sheet key, sheet title, row, column key, typed value, expected code or None for a valid edit)
EDITS = [
    ("mentors", "Наставники", 3, "ped_experience", "70", "out_of_range"),
    ("mentors", "Наставники", 4, "fio", "Васильев И. П. 2", "bad_fio"),
    ("mentees", "Наставляемые", 13, "date_added", "31.02.2026", "bad_type"),
    ("mentees", "Наставляемые", 14, "code", "П-012", "duplicate_code"),
    ("pairs", "Пары и группы", 2, "mentor", "Н-099", "unknown_ref"),
    ("pairs", "Пары и группы", 9, "kind", "  В ГРУППЕ ", "group_too_small"),
    ("pairs", "Пары и группы", 3, "order_no", None, "no_order"),
    ("programmes", "Программы", 3, "end", "20.05.2028", "period_too_long"),
    ("surveys", "Анкетирование", 4, "q_satisfaction", 11, "out_of_range"),
    ("plan", "План мероприятий", 38, "planned_date", "01.01.2025", "activity_outside_period"),
    # valid rows typed differently: none of these is an error
    ("mentors", "Наставники", 5, "consent_pd", "Да", None),
    ("mentees", "Наставляемые", 2, "format", " ОЧНО ", None),
    ("mentees", "Наставляемые", 3, "hire_date", "1 сентября 2020 г.", None),
    ("pairs", "Пары и группы", 4, "status", "Реализуется", None),
    ("plan", "План мероприятий", 2, "status", "выполнено ", None),
    ("mentees", "Наставляемые", 5, "category", "Студент / стажер", None),
]


def test_every_planted_problem_is_found_at_its_cell_and_nothing_else(demo_path, tmp_path):
    import openpyxl

    path = tmp_path / "чужая книга.xlsx"
    shutil.copy(demo_path, path)
    wb = openpyxl.load_workbook(path)
    for key, title, row, col, value, _ in EDITS:
        wb[title][f"{letter(key, col)}{row}"].value = value
    wb.save(path)

    report = check_book(read_workbook(path, today=TODAY), TODAY)

    planted = {(code, title, f"{letter(key, col)}{row}") for key, title, row, col, _, code in EDITS if code}
    assert {(p.code, p.sheet, p.cell) for p in report.errors} == planted
