"""Present a Report to a person (text) or to a program (JSON).

Text is for the curator: problems grouped by sheet in the workbook's order,
errors before warnings, each with its cell and column, then a one-line
verdict. JSON is the library's report as it is, so that other tools (and the
tests) see exactly what the library found.
"""

from __future__ import annotations

import json
from collections import defaultdict

from nastavnik.base.problems import ERROR, Problem, Report
from nastavnik.workbook import schema as s

BOOK = "Книга в целом"
_SHEET_ORDER = {t: i for i, t in enumerate((s.INSTRUCTION_TITLE, s.ORG_TITLE, *(x.title for x in s.SHEETS),
                                            s.LISTS_TITLE))}


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def errors_word(n: int) -> str:
    return f"{n} {_plural(n, 'ошибка', 'ошибки', 'ошибок')}"


def warnings_word(n: int) -> str:
    return f"{n} {_plural(n, 'предупреждение', 'предупреждения', 'предупреждений')}"


def count_words(report: Report) -> str:
    return f"{errors_word(len(report.errors))}, {warnings_word(len(report.warnings))}"


def verdict(report: Report) -> str:
    if report.valid:
        if report.warnings:
            return f"Книга пригодна для работы ({count_words(report)}): предупреждения стоит просмотреть."
        return "Книга в порядке: ошибок и предупреждений нет."
    return f"В книге {count_words(report)}. Исправьте ошибки в указанных ячейках и запустите проверку снова."


def _sheet_rank(sheet: str | None) -> tuple[int, str]:
    if not sheet or sheet == BOOK:
        return (-1, "")
    return (_SHEET_ORDER.get(sheet, len(_SHEET_ORDER)), sheet)


def _letter_rank(letter: str | None) -> tuple[int, str]:
    return (len(letter or ""), letter or "")


def problem_order(p: Problem) -> tuple:
    """Sheet in workbook order, errors first, then row and column."""
    return (_sheet_rank(p.sheet), p.severity != ERROR, p.row or 0, _letter_rank(p.letter), p.code)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=problem_order)


def render_text(report: Report, source: str = "") -> str:
    by_sheet: dict[str, list[Problem]] = defaultdict(list)
    for p in sorted_problems(report.problems):
        by_sheet[p.sheet or BOOK].append(p)
    title = f"Проверка книги «{source}»" if source else "Проверка книги"
    lines = [f"{title}: {count_words(report)}", ""]
    for sheet, problems in by_sheet.items():
        errors = sum(p.severity == ERROR for p in problems)
        head = f"Лист «{sheet}»" if sheet != BOOK else BOOK
        lines.append(f"{head}: {errors_word(errors)}, {warnings_word(len(problems) - errors)}")
        for p in problems:
            place = p.cell or (f"стр. {p.row}" if p.row else "")
            column = f"«{p.column}»: " if p.column else ""
            mark = "ОШИБКА" if p.severity == ERROR else "внимание"
            lines.append(f"  {mark:<8} {place:<9} {column}{p.message}")
        lines.append("")
    lines.append(verdict(report))
    return "\n".join(lines)


def report_dict(report: Report, source: str = "") -> dict:
    """The report for other programs: every record with sheet, row, column, letter, cell, code, severity."""
    return {
        "file": source,
        "valid": report.valid,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "problems": [p.to_dict() for p in report.problems],
    }


def render_json(report: Report, source: str = "") -> str:
    return json.dumps(report_dict(report, source), ensure_ascii=False, indent=2)
