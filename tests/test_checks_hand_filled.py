"""No rule cries wolf: a workbook typed by hand the usual Excel way, without mistakes, checks with 0 errors.

The book is the demo retyped as people do it: every date as text («1.9.2026»), every number as text
(«3000,00», «58»), «Да»/«НЕТ» in any case, spaces around values, a column of the curator's own on
every sheet, and the mentors' written consents dated before the orders (a column the demo leaves
empty). What remains are the demo's two deliberate warnings and one notice per extra column.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import openpyxl

from nastavnik.checks import check_book
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

OWN_COLUMN = "Заметки куратора"


def _as_typed(value, n: int):
    """A cell as a person types it: text dates without leading zeros, numbers with a decimal comma."""
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.day}.{value.month}.{value.year}" if n % 2 else f"{value:%d.%m.%Y}"
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, int):
        return f" {value} " if n % 3 == 0 else str(value)
    if isinstance(value, str) and value in ("да", "нет"):
        return value.capitalize() if n % 2 else value.upper()
    return value


def _retype(path, out):
    wb = openpyxl.load_workbook(path)
    skip = {s.INSTRUCTION_TITLE, s.LISTS_TITLE}
    for ws in wb.worksheets:
        if ws.title in skip:
            continue
        n = 0
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.value is None or (ws.title == s.ORG_TITLE and cell.column != 2):
                    continue
                n += 1
                cell.value = _as_typed(cell.value, n)
        if ws.title != s.ORG_TITLE:
            col = ws.max_column + 1
            ws.cell(1, col).value = OWN_COLUMN
            for r in range(2, ws.max_row + 1):
                ws.cell(r, col).value = "сверено"
    wb.save(out)


def test_a_clean_book_typed_by_hand_has_no_error(tmp_path, demo_parts):
    import copy

    org, tables = copy.deepcopy(demo_parts)
    for pair in tables["pairs"]:
        if pair.get("order_date") and pair["order_date"] <= TODAY:
            pair["mentor_consent_date"] = pair["order_date"] - dt.timedelta(days=3)
    path = tmp_path / "из шаблона.xlsx"
    write_workbook(path, org, tables)
    typed = tmp_path / "вручную.xlsx"
    _retype(path, typed)

    book = read_workbook(typed, today=TODAY)
    assert isinstance(book.tables["pairs"]["mentor_consent_date"].dropna().iloc[0], dt.date)  # text read as a date
    report = check_book(book, TODAY)
    assert [f"{p.where()}: {p.message}" for p in report.errors] == []
    sheets_with_rows = len(s.SHEETS)  # every data sheet, the empty archive ones too
    assert Counter(p.code for p in report.warnings) == {
        "unknown_column": sheets_with_rows,  # the curator's own column, one notice per sheet
        "bank_without_consent": 1,  # П-014, the demo's student whose consent is not yet signed
        "mentee_waiting": 1,  # П-013, the demo's mentee waiting longer than allowed
        "pair_stalled": 2,  # ПР-001 and ПР-002: nothing done since 25.10.2026, 31 days
    }
    assert v.PAIR_RUNNING in set(book.tables["pairs"]["status"])
