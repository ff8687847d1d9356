"""Present a Report to a person (text) or to a program (JSON)."""

from __future__ import annotations

import json
from collections import defaultdict

from ..problems import ERROR, Report


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count_words(report: Report) -> str:
    e, w = len(report.errors), len(report.warnings)
    return (f"{e} {_plural(e, 'ошибка', 'ошибки', 'ошибок')}, "
            f"{w} {_plural(w, 'предупреждение', 'предупреждения', 'предупреждений')}")


def verdict(report: Report) -> str:
    if report.valid:
        if report.warnings:
            return f"Книга пригодна для работы ({count_words(report)}): предупреждения стоит просмотреть."
        return "Книга в порядке: ошибок и предупреждений нет."
    return f"В книге {count_words(report)}. Исправьте ошибки в указанных ячейках и запустите проверку снова."


def render_text(report: Report, source: str = "") -> str:
    by_sheet: dict[str, list] = defaultdict(list)
    for p in report.problems:
        by_sheet[p.sheet or "Книга"].append(p)
    lines = [f"Проверка книги «{source}»" if source else "Проверка книги", ""]
    for sheet, problems in by_sheet.items():
        problems.sort(key=lambda p: (p.severity != ERROR, p.row or 0, p.letter or ""))
        errors = sum(p.severity == ERROR for p in problems)
        lines.append(f"Лист «{sheet}»: ошибок {errors}, предупреждений {len(problems) - errors}")
        for p in problems:
            place = p.cell or (f"строка {p.row}" if p.row else "")
            column = f" [{p.column}]" if p.column else ""
            mark = "ОШИБКА" if p.severity == ERROR else "внимание"
            lines.append(f"  {mark:<8} {place:<8}{column} {p.message}")
        lines.append("")
    lines.append(verdict(report))
    return "\n".join(lines)


def report_dict(report: Report, source: str = "") -> dict:
    return {
        "file": source,
        "valid": report.valid,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "problems": [p.to_dict() for p in report.problems],
    }


def render_json(report: Report, source: str = "") -> str:
    return json.dumps(report_dict(report, source), ensure_ascii=False, indent=2)
