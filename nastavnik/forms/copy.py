"""Write a merge plan into a COPY of the workbook, as ``match --apply`` does.

The curator's file is never modified: openpyxl loads it, the plan's cells are
written (dates as dates, numbers as numbers, lists joined by «; » as the
template writes them, text always as text so «=…» never becomes a formula),
new rows go below the last row the reader saw, and the copy is saved
atomically into the output folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nastavnik.base.problems import NastavnikError
from nastavnik.base.safeio import atomic_path, safe_filename
from nastavnik.workbook import schema as s
from nastavnik.workbook.parse import header_key
from nastavnik.workbook.template import _cell_text


def _put(cell, value, kind: str) -> None:
    if value is None or value == ():
        cell.value = None
        return
    if kind == s.DATE and isinstance(value, dt.date):
        cell.value = dt.datetime(value.year, value.month, value.day)
        cell.number_format = "DD.MM.YYYY"
    elif kind in (s.INT, s.NUMBER) and isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
    else:
        cell.value = _cell_text(value)
        cell.data_type = "s"


def _last_row(book, ws, sheet: str) -> int:
    rows = list(book.tables[sheet]["_row"])
    if rows:
        return max(rows)
    index, title = next(iter(book.columns[sheet].values()))
    for r in range(1, 11):
        if header_key(ws.cell(r, index).value) == header_key(title):
            return r
    return 1


def copy_name(book, contents: str = "ответами анкет") -> str:
    """«Книга — с ответами анкет.xlsx»; ``contents`` is ``report.contents`` (diaries bring «отметками дневников»)."""
    return safe_filename(f"{book.path.stem} — с {contents}{book.path.suffix}")


def write_copy(book, plan, out_dir, contents: str = "ответами анкет") -> Path:
    import openpyxl

    if book.path is None or book.path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise NastavnikError("Ответы можно записать только в копию книги .xlsx. Сохраните книгу как .xlsx и "
                             "повторите.")
    target = Path(out_dir) / copy_name(book, contents)
    if target.resolve() == book.path.resolve():
        raise NastavnikError("Копия совпала бы с исходной книгой; укажите другую папку параметром --out.")
    wb = openpyxl.load_workbook(book.path, keep_vba=book.path.suffix.lower() == ".xlsm")
    for sheet, row, key, value in plan.writes:
        ws = wb[book.sheet_titles[sheet]]
        _put(ws.cell(row, book.columns[sheet][key][0]), value, s.SHEET_BY_KEY[sheet].col(key).kind)
    for sheet, rows in plan.appends.items():
        if sheet not in book.sheet_titles or not book.columns.get(sheet):
            continue
        ws = wb[book.sheet_titles[sheet]]
        last = _last_row(book, ws, sheet)
        spec = s.SHEET_BY_KEY[sheet]
        for n, row in enumerate(rows, start=1):
            for key, value in row.items():
                if key in book.columns[sheet]:
                    _put(ws.cell(last + n, book.columns[sheet][key][0]), value, spec.col(key).kind)
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target
