"""What an action writes, in one place for its command and its window button.

The window must make the same files as the command line on the same book; where a command did the work
inline (the report's file name, the district summary's two files, the new year's check before writing),
the work is here and both call it. The rest — ``check_book``, ``match_book``, ``plan_documents`` and
``render_jobs``, ``build_site``, ``make_forms``, ``collect``, ``write_demo``, ``pipeline.run_all`` — both
already call directly. tests/test_window_parity.py runs each button and its command on one book and
compares the files.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path


def monitoring(book, out: Path, today: dt.date, period: str | None = None, year: str | None = None,
               region_form: str | None = None):
    """«Отчёт мониторинга» / ``nastavnik report``: the xlsx report named by its period; (path, period, indicators)."""
    from nastavnik.report import report_for_book, report_meta, write_report_xlsx

    p, indicators, statform = report_for_book(book, today, period, year)
    path = write_report_xlsx(indicators, statform, out / f"{monitoring_stem(p)}.xlsx", report_meta(book, p, today, region_form))
    return path, p, indicators


def monitoring_stem(period) -> str:
    return f"мониторинг_{period.start:%Y-%m-%d}_{period.end:%Y-%m-%d}"


def district(paths: list[Path], out: Path, today: dt.date, period: str | None = None, year: str | None = None,
             workers: int = 2, region_form: str | None = None):
    """«Свод по району» / ``nastavnik consolidate``: the summary as .xlsx and .json; (rollup, xlsx, json)."""
    from nastavnik.base.safeio import write_text
    from nastavnik.report.consolidate import consolidate, write_rollup_xlsx

    rollup = consolidate(paths, today, period, year, workers=workers, region_form=region_form)
    stem = f"свод_{today:%Y-%m-%d}"
    xlsx = write_rollup_xlsx(rollup, out / f"{stem}.xlsx", today)
    data = write_text(out / f"{stem}.json", json.dumps(rollup.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return rollup, xlsx, data


def replacements(book, today: dt.date, matched=None) -> list[dict]:
    """The early fit check's replacements of a mentor, for the documents: one per (pair, proposed mentor).

    The documents layer cannot ask the matcher, so the commands and the window hand it the proposal as plain
    dicts (``docs.kinds.draft_groups``). ``matched`` is a ``MatchResult`` already made (``run``); without it the
    matching runs only when some running pair has «не подходит» — most books have none, and then no cost.
    """
    from nastavnik.workbook.fit import refits

    if matched is None:
        if not refits(book):
            return []
        from nastavnik.match import match_book

        matched = match_book(book, today)
    out: dict[tuple[str, str], dict] = {}
    for rec in matched.proposal:
        r = rec.get("replaces")
        if r:
            entry = out.setdefault((r["pair"], rec["mentor"]), {"pair": r["pair"], "mentor": rec["mentor"],
                                                                "old_mentor": r["mentor"], "why": r["why"],
                                                                "mentees": []})
            entry["mentees"].append(rec["mentee"])
    return list(out.values())


class BookHasErrors(Exception):
    """The new year is not made from a book with errors; ``report`` is its check."""

    def __init__(self, book, report):
        super().__init__("в книге есть ошибки")
        self.book, self.report = book, report


@dataclass
class NewYear:
    path: Path  # the new year's workbook
    note: Path  # «Итоги перехода»
    summary: object  # newyear.Summary
    completed: bool = False  # an interrupted run's book was found whole: only its summary was written now


def new_year(workbook: Path, today: dt.date, year: str | None = None, out: Path | None = None,
             taken: str = "Укажите другое имя параметром --out.") -> NewYear:
    """«Новый учебный год» / ``nastavnik new-year``: check the book, then write next year's book beside it.

    Raises ``BookHasErrors`` when the check finds errors (nothing is written) and ``UnusableInput`` when the
    target file exists (``taken`` says what to do, in the words of the interface that asks).
    """
    from nastavnik.checks import check_book
    from nastavnik.workbook.newyear import default_out, next_year, write_next_year, year_label, year_of
    from nastavnik.workbook.reader import read_workbook

    book = read_workbook(workbook, today=today)
    report = check_book(book, today)
    if not report.valid:
        raise BookHasErrors(book, report)
    org, tables, summary = next_year(book, today, year)
    target = out or default_out(workbook, year_label(year_of(book, today)), summary.new_year)
    path, note, completed = write_next_year(book, target, org, tables, summary, taken)
    return NewYear(path, note, summary, completed)
