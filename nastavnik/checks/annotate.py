"""A copy of the workbook with every problem marked at its cell, for the curator to look at.

The curator works in Excel, not in a terminal: in the copy each problem cell is
filled (red for an error, yellow for a warning) and carries a comment with the
message, and a first sheet «Проверка» lists every problem with a link to its
cell. The original file is only read; the copy is written whole or not at all.

openpyxl keeps the dropdowns xlsxwriter writes, but drops those Excel stores in
its extension format (a list pointing at another sheet, as Excel itself saves
them): any list or number rule of the schema missing from a column is put
back, pointing at the same named ranges as the template.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from nastavnik.base.problems import ERROR, NastavnikError, Problem, Report
from nastavnik.base.safeio import atomic_path
from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import Book
from nastavnik.workbook.template import SPARE_ROWS

CHECK_TITLE = s.CHECK_TITLE
ERROR_FILL = "FFC7CE"
WARNING_FILL = "FFEB9C"
AUTHOR = "nastavnik check"
# The curator's sheet: no internal problem codes (English words such as «not_in_list»); they are in
# `check --format json` and docs/problem_codes.md for whoever needs them.
_HEAD = ("№", "Важность", "Лист", "Ячейка", "Столбец", "Что не так", "Найдено", "Ожидалось")
_WIDTHS = (6, 16, 22, 10, 28, 100, 26, 26)


def annotated_name(book: Book) -> str:
    from nastavnik.base.safeio import safe_filename

    stem = book.path.stem if book.path else "книга"
    return safe_filename(f"{stem} — проверка.xlsx")


def annotate(book: Book, report: Report, out_path: str | os.PathLike, words=None) -> Path:
    """Write the marked-up copy of ``book``'s file to ``out_path`` and return that path.

    ``words`` rewrites each message for the interface the copy is made from: the window names its buttons
    where the command line names commands (``ui.window.words.in_window``).
    """
    import dataclasses

    import openpyxl

    if words is not None:
        report = Report([dataclasses.replace(p, message=words(p.message)) for p in report.problems])
    if book.path is None or book.path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise NastavnikError(
            "Копию с пометками можно сделать только из файла .xlsx. Сохраните книгу в формате .xlsx "
            "(«Файл → Сохранить как → Книга Excel») и повторите проверку.")
    out_path = Path(out_path)
    if out_path.resolve() == book.path.resolve():
        raise NastavnikError("Копию с пометками нельзя записать на место исходной книги: укажите другую папку.")
    wb = openpyxl.load_workbook(book.path)
    if CHECK_TITLE in wb.sheetnames:
        del wb[CHECK_TITLE]
    _restore_validations(wb, book)
    _mark_cells(wb, report.problems)
    _problem_sheet(wb, report)
    _print_setup(wb)
    with atomic_path(out_path) as tmp:
        wb.save(tmp)
    return out_path


def _target(wb, p: Problem) -> tuple[object, str] | None:
    """The worksheet and cell a problem is shown at: its cell, or column A of its row."""
    if not p.sheet or p.sheet not in wb.sheetnames or not p.row:
        return None
    return wb[p.sheet], f"{p.letter or 'A'}{p.row}"


def _mark_cells(wb, problems: list[Problem]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    by_cell: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for p in problems:
        target = _target(wb, p)
        if target:
            by_cell[(target[0].title, target[1])].append(p)
    fills = {ERROR: PatternFill("solid", fgColor=ERROR_FILL), "": PatternFill("solid", fgColor=WARNING_FILL)}
    for (title, coord), found in by_cell.items():
        cell = wb[title][coord]
        worst = ERROR if any(p.severity == ERROR for p in found) else ""
        cell.fill = fills[worst]
        lines = [f"{'ОШИБКА' if p.severity == ERROR else 'Предупреждение'}: {p.message}" for p in found]
        if cell.comment is not None and cell.comment.text:
            lines.append("— Подсказка шаблона: " + cell.comment.text)
        text = "\n".join(lines)
        comment = Comment(text, AUTHOR)
        comment.width = 360
        comment.height = min(600, 40 + 16 * (len(text) // 50 + len(lines)))
        cell.comment = comment


def _put(ws, row: int, col: int, value) -> object:
    """Write a value as text, never as a formula: messages quote what people typed (formula injection)."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        cell.data_type = "s"
    return cell


def _problem_sheet(wb, report: Report) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from .render import sorted_problems, verdict

    ws = wb.create_sheet(CHECK_TITLE, 0)
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    wb.active = 0
    ws.sheet_view.tabSelected = True
    _put(ws, 1, 1, verdict(report)).font = Font(bold=True, size=12)
    _put(ws, 2, 1, "Щёлкните по ячейке в столбце «Ячейка», чтобы перейти к месту проблемы. Исправляйте исходную "
                   "книгу: эта копия создана только для просмотра.")
    head_row = 4
    for j, (title, width) in enumerate(zip(_HEAD, _WIDTHS), start=1):
        cell = _put(ws, head_row, j, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[cell.column_letter].width = width
    fills = {ERROR: PatternFill("solid", fgColor=ERROR_FILL), "": PatternFill("solid", fgColor=WARNING_FILL)}
    wrap = Alignment(wrap_text=True, vertical="top")
    r = head_row
    for n, p in enumerate(sorted_problems(report.problems), start=1):
        r += 1
        target = _target(wb, p)
        values = (n, "ошибка" if p.severity == ERROR else "предупреждение", p.sheet or "", target[1] if target else "",
                  p.column or "", p.message, p.value or "", p.expected or "")
        for j, value in enumerate(values, start=1):
            cell = _put(ws, r, j, value)
            cell.alignment = wrap
        ws.cell(row=r, column=2).fill = fills[ERROR if p.severity == ERROR else ""]
        link_sheet = target[0].title if target else (p.sheet if p.sheet in wb.sheetnames else None)
        if link_sheet:
            link = ws.cell(row=r, column=4)
            quoted = link_sheet.replace("'", "''")
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{target[1] if target else 'A1'}")
            if not target:
                link.value = "лист"
            link.style = "Hyperlink"
            link.alignment = wrap
        # LibreOffice does not grow a wrapped row by itself: the row gets the height its longest text needs.
        tall = max(-(-len(str(v)) // max(1, int(w * 1.1))) for v, w in zip(values, _WIDTHS) if v not in ("", None))
        ws.row_dimensions[r].height = 15 * max(1, tall) + 2
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    ws.auto_filter.ref = f"A{head_row}:{ws.cell(row=head_row, column=len(_HEAD)).column_letter}{max(r, head_row + 1)}"


def _restore_validations(wb, book: Book) -> None:
    """Put back the schema's dropdowns and number rules that the copy would otherwise lose."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    names = set(wb.defined_names.keys())
    for sheet in (book.sheet(sh.key) for sh in s.SHEETS):
        title = book.sheet_titles.get(sheet.key)
        positions = book.columns.get(sheet.key, {})
        if not title or title not in wb.sheetnames:
            continue
        ws = wb[title]
        existing = list(ws.data_validations.dataValidation)
        last = max(ws.max_row, 1) + SPARE_ROWS
        for col in sheet.columns:
            if col.key not in positions:
                continue
            letter = get_column_letter(positions[col.key][0])
            probe = f"{letter}{_first_data_row(book, sheet.key)}"
            if any(probe in dv.sqref for dv in existing):
                continue
            rng = f"{letter}{_first_data_row(book, sheet.key)}:{letter}{last}"
            if col.choices and col.kind != s.MULTI and f"list_{col.choices}" in names:
                free = col.kind == s.TEXT  # a position or a department: the list is offered, never enforced
                dv = DataValidation(type="list", formula1=f"list_{col.choices}", allow_blank=True,
                                    errorStyle="information" if free else "warning", showErrorMessage=True,
                                    errorTitle="Значение не из списка",
                                    error=f"Выберите значение из списка «{book.list_title(col.choices)}» "
                                          f"(лист «{s.LISTS_TITLE}»)"
                                          + (" или допишите своё в этот список." if col.choices in s.EXTENDABLE
                                             else "."))
            elif col.kind == s.INT and col.min is not None and col.max is not None:
                dv = DataValidation(type="whole", operator="between", formula1=str(int(col.min)),
                                    formula2=str(int(col.max)), allow_blank=True, errorStyle="warning",
                                    showErrorMessage=True, errorTitle="Нужно целое число",
                                    error=f"«{col.title}»: целое число от {int(col.min)} до {int(col.max)}.")
            else:
                continue
            dv.add(rng)
            ws.add_data_validation(dv)


def _first_data_row(book: Book, sheet_key: str) -> int:
    """The row after the header, wherever the header was found."""
    frame = book.tables.get(sheet_key)
    if frame is not None and len(frame):
        return int(frame["_row"].min())
    return 2


def _print_setup(wb) -> None:
    """Every sheet of the copy prints on A4, one page wide, with its header row on every page."""
    from nastavnik.base import xlsxprint

    for ws in wb.worksheets:
        if ws.title == CHECK_TITLE:  # printed for a meeting: the header row of the list repeats
            xlsxprint.setup_openpyxl(ws, title_rows="4:4", header_right="Проверка книги")
        else:
            instruction = ws.title == s.INSTRUCTION_TITLE
            xlsxprint.setup_openpyxl(ws, landscape=not instruction, title_rows=None if instruction else "1:1",
                                     header_right=ws.title)
