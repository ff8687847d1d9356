"""The merge report: counts and one line per event, as .xlsx for the curator and as text on screen.

Personal values never appear (the lines already hide them); a line locates its
answer by file, row and question, and the workbook cell by sheet, code and
column.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from nastavnik.base.safeio import atomic_path

from .lines import CONSENT, STATUSES, Line

REPORT_NAME = "Отчёт о сборе анкет.xlsx"  # of questionnaires; ``report_name`` for diaries too
COLUMNS = (("status", "Итог", 14), ("source", "Файл", 22), ("row", "Строка файла", 8),
           ("column", "Вопрос (столбец)", 26), ("sheet", "Лист книги", 14), ("code", "Код", 8),
           ("field", "Поле книги", 22), ("old", "Было", 14), ("new", "Стало", 14),
           ("reason", "Что сделано и почему", 60))


def counts(lines: list[Line]) -> Counter:
    return Counter(line.status for line in lines)


def _kinds(lines: list[Line]) -> tuple[bool, bool]:
    """(questionnaires, diaries) among the lines; nothing at all reads as questionnaires."""
    diaries = any(line.diary for line in lines)
    return (not diaries or any(not line.diary for line in lines)), diaries


def collected(lines: list[Line]) -> str:
    """What was collected, in the genitive: «анкет», «дневников» or «анкет и дневников»."""
    forms, diaries = _kinds(lines)
    return " и ".join(w for w, on in (("анкет", forms), ("дневников", diaries)) if on)


def contents(lines: list[Line]) -> str:
    """What the copy of the book holds: «ответами анкет», «отметками дневников» or both."""
    forms, diaries = _kinds(lines)
    return " и ".join(w for w, on in (("ответами анкет", forms), ("отметками дневников", diaries)) if on)


def gathered(lines: list[Line]) -> str:
    """The same, as a sentence's subject: «Ответы анкет», «Отметки дневников» or «Ответы анкет и отметки дневников»."""
    forms, diaries = _kinds(lines)
    text = " и ".join(w for w, on in (("ответы анкет", forms), ("отметки дневников", diaries)) if on)
    return text[0].upper() + text[1:]


def shown_statuses(lines: list[Line]) -> tuple[str, ...]:
    """The report's statuses: a consent stated in a form cannot come from a diary, so diaries alone leave it out."""
    return STATUSES if _kinds(lines)[0] else tuple(x for x in STATUSES if x != CONSENT)


def report_name(lines: list[Line]) -> str:
    return f"Отчёт о сборе {collected(lines)}.xlsx"


def write_report(lines: list[Line], path: str | os.PathLike, copy_path: Path | None = None) -> Path:
    import xlsxwriter

    path = Path(path)
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
        # Columns wide enough to read at a glance; printing fits them to the width of an A4 landscape page.
        wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        summary = wb.add_worksheet("Итоги")
        summary.set_column(0, 0, 34)
        summary.set_column(1, 1, 12)
        summary.write_string(0, 0, "Итог", head)
        summary.write_string(0, 1, "Строк", head)
        c = counts(lines)
        statuses = shown_statuses(lines)
        for i, status in enumerate(statuses, start=1):
            summary.write_string(i, 0, status)
            summary.write_number(i, 1, c.get(status, 0))
        if copy_path is not None:
            summary.write_string(len(statuses) + 2, 0, f"Копия книги с {contents(lines)}: {copy_path.name}")
        summary.write_string(len(statuses) + 3, 0, "Исходная книга не изменена.")
        ws = wb.add_worksheet("Подробно")
        for j, (_key, title, width) in enumerate(COLUMNS):
            ws.write_string(0, j, title, head)
            ws.set_column(j, j, width, wrap)
        for i, line in enumerate(lines, start=1):
            needed = 1
            for j, (key, _title, width) in enumerate(COLUMNS):
                value = getattr(line, key)
                if value is None:
                    continue
                needed = max(needed, -(-len(str(value)) // max(width - 2, 1)))
                if isinstance(value, int):
                    ws.write_number(i, j, value)
                else:
                    ws.write_string(i, j, str(value))
            ws.set_row(i, 15 * needed + 2)  # Calc and Excel do not grow a wrapped row by themselves
        ws.set_row(0, 32)
        ws.freeze_panes(1, 0)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.autofilter(0, 0, max(len(lines), 1), len(COLUMNS) - 1)
        wb.close()
    return path


def render_text(lines: list[Line]) -> str:
    c = counts(lines)
    out = [f"Сбор {collected(lines)}: " + ", ".join(f"{status} — {c.get(status, 0)}"
                                                     for status in shown_statuses(lines)) + "."]
    for line in lines:
        what = line.reason
        if line.field and line.old is not None:
            what = f"{line.field}: {line.old} → {line.new}. {line.reason}"
        who = f" {line.code}" if line.code else ""
        out.append(f"[{line.status}]{who} {line.where()}: {what}")
    return "\n".join(out) + "\n"
