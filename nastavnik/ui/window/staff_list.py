"""The window's «Штатный список» (``nastavnik import-staff``): the HR export read into a COPY of the book.

Library calls only (``nastavnik.workbook.staff``), no Tk, as in ``tasks``. Two tasks with the curator's yes
between them, as «Собрать анкеты» has: the first reads the book and the list and says what importing it would
do (who is added, updated, left out and why); only after she agrees does the second write the new copy into the
results folder and check it. Her own book is never modified.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .tasks import Job, Outcome, _check, _finish, _folder


@dataclass
class StaffPending:
    """What «Штатный список» found: the book read once, the list's file, and the import's plan."""

    book: object
    source: Path
    plan: object  # nastavnik.workbook.staff.Plan

    @property
    def changes(self) -> bool:
        return bool(self.plan.changes)


def preview(job: Job, source: Path) -> Outcome:
    """Read the workbook and the staff list; say what importing it would do, write nothing."""
    from nastavnik.base.problems import NastavnikError
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.staff import plan_import

    if job.workbook is None:
        raise NastavnikError("Штатный список записывается в копию вашей книги: сначала выберите рабочую книгу "
                             "кнопкой «Выбрать…».")
    job.progress(0, 1)
    job.say(f"Читаю книгу «{job.workbook.name}»…")
    book = read_workbook(job.workbook, today=job.today)
    job.checkpoint()
    job.say(f"Читаю штатный список «{source.name}»…")
    plan = plan_import(book, source)
    job.checkpoint()
    return Outcome(0, summary(plan), pending=StaffPending(book, source, plan))


def summary(plan) -> str:
    """One line of counts, in the preview's own words."""
    from nastavnik.workbook.staff import ADDED, LEFT_OUT, SAME, UPDATED

    parts = [f"{word} — {plan.count(status)}" for status, word in
             ((ADDED, "добавить"), (UPDATED, "обновить"), (SAME, "без изменений"), (LEFT_OUT, "не принять"))
             if plan.count(status)]
    return "Что будет сделано со штатным списком: " + (", ".join(parts) if parts else "строк с людьми нет") + "."


def header_lines(plan) -> list[str]:
    """The preview's head (the file, its header row, which column became which; the people on the register the
    list lacks), as ``import-staff`` prints it; the counts are ``summary`` and the rows the dialog's table."""
    from nastavnik.workbook.staff import describe

    return [line for line in describe(plan) if not line.startswith(("  строка ", "Просмотр:"))]


def rows(plan) -> list[tuple[str, str, str]]:
    """(status, the list's row number, why) for every row of the list, in the list's order; no names (152-ФЗ)."""
    return [(line.status, str(line.row), line.reason) for line in plan.lines]


def write(job: Job, pending: StaffPending) -> Outcome:
    """The previewed list into a new copy of the book in a results folder; the copy is checked, as collecting's is."""
    from nastavnik.checks.render import verdict
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.schema import STAFF
    from nastavnik.workbook.staff import write_copy

    folder = _folder(job)
    job.say("Записываю педагогический состав в копию книги…")
    copy = write_copy(pending.book, pending.plan, folder)
    job.checkpoint()
    job.say(f"Проверяю копию «{copy.name}»…")
    book = read_workbook(copy, today=job.today)
    report, problems, marked = _check(job, book, folder, always_mark=False)
    said = verdict(report)
    text = (f"Штатный список записан в копию книги «{copy.name}» (лист «{STAFF.title}»); ваша прежняя книга "
            f"не изменена. Теперь рабочая книга — эта копия: работайте в ней. Проверка копии: "
            f"{said[0].lower()}{said[1:]}")
    outcome = _finish(job, Outcome(0 if report.valid else 1, text, folder, problems, marked))
    outcome.switch_to = outcome.folder / copy.relative_to(folder)
    return outcome
