"""What each button of the window does: the library calls of the CLI commands, with no Tk in sight.

A task gets a ``Job`` (workbook, results folder, date, and three callbacks: a
line of text, progress, and the cancel check) and returns an ``Outcome``. Each
task writes into a new dated folder, as ``nastavnik run`` does, so a second
press never overwrites the first. Cancellation is cooperative: the task calls
``job.checkpoint()`` between steps and after each document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class Cancelled(Exception):
    """The curator pressed «Отменить»."""


def refused(message: str):
    """A failure of the computer, not of the workbook: exit code 4, as the command line will give it."""
    from ..problems import NastavnikError

    error = NastavnikError(message)
    error.exit_code = 4
    return error


@dataclass
class Job:
    workbook: Path | None
    out: Path
    today: dt.date
    say: Callable[[str], None] = print
    progress: Callable[[int, int], None] = lambda done, total: None
    cancelled: Callable[[], bool] = lambda: False

    def checkpoint(self) -> None:
        if self.cancelled():
            raise Cancelled


@dataclass
class Outcome:
    exit_code: int
    summary: str
    folder: Path | None = None
    problems: list = field(default_factory=list)
    marked: Path | None = None  # the workbook's copy with the problem cells highlighted


def _folder(job: Job) -> Path:
    from ..pipeline import new_run_folder

    try:
        job.out.mkdir(parents=True, exist_ok=True)
        return new_run_folder(job.out)
    except OSError as exc:
        raise refused(f"Компьютер не дал создать папку результатов «{job.out}»: {exc.strerror}. Положите книгу "
                      "в папку, где можно записывать (например, в «Документы»).") from exc


def _latest(job: Job, folder: Path) -> None:
    from ..pipeline import LATEST
    from ..safeio import write_text

    write_text(job.out / LATEST, str(folder.resolve()) + "\n")


def _read(job: Job, folder: Path):
    """Read the workbook once (the demo written into the folder when none is chosen)."""
    from ..reader import read_workbook

    job.progress(0, 1)
    path = job.workbook
    if path is None:
        from ..demo import demo_data
        from ..template import write_workbook

        path = folder / "демо-книга.xlsx"
        write_workbook(path, *demo_data(job.today))
        job.say(f"Книга не выбрана — работаю на демонстрационной книге: {path.name}")
    job.say(f"Читаю книгу «{path.name}»…")
    book = read_workbook(path, today=job.today)
    job.checkpoint()
    return book


def _check(job: Job, book, folder: Path, always_mark: bool = True):
    from ..checks import check_book
    from ..checks.annotate import annotate, annotated_name
    from ..checks.render import render_text, sorted_problems
    from ..safeio import write_text

    job.say("Проверяю книгу…")
    report = check_book(book, job.today)
    write_text(folder / "проверка.txt", render_text(report, book.name) + "\n")
    marked = None
    if report.errors or (always_mark and report.problems):
        marked = annotate(book, report, folder / annotated_name(book))
    job.checkpoint()
    return report, sorted_problems(report.problems), marked


def check(job: Job) -> Outcome:
    from ..checks.render import verdict

    folder = _folder(job)
    book = _read(job, folder)
    report, problems, marked = _check(job, book, folder)
    _latest(job, folder)
    return Outcome(0 if report.valid else 1, verdict(report), folder, problems, marked)


def match(job: Job) -> Outcome:
    from ..match import match_book, write_match_xlsx
    from ..problems import ERROR

    folder = _folder(job)
    book = _read(job, folder)
    errors = sum(1 for p in book.problems if p.severity == ERROR)
    if errors:
        job.say(f"Внимание: в книге есть ошибки чтения ({errors}); подбор сделан по тем данным, что удалось прочитать.")
    job.say("Подбираю наставников…")
    result = match_book(book, job.today)
    job.checkpoint()
    if not result.waiting:
        _latest(job, folder)
        return Outcome(0, "Ожидающих пару наставляемых нет.", folder)
    path = write_match_xlsx(result, folder / "Предложения пар.xlsx")
    _latest(job, folder)
    summary = f"Предложение пар: {len(result.proposal)}; файл «{path.name}»."
    if result.unmatched:
        summary += f" Без подходящего наставника: {len(result.unmatched)} — причины в файле."
    return Outcome(0, summary, folder)


def documents(job: Job) -> Outcome:
    from ..docs.render import plan_documents, render_jobs

    folder = _folder(job)
    book = _read(job, folder)
    jobs = plan_documents(book, folder / "Документы", job.today)
    done = 0

    def tick(n: int = 1) -> None:
        nonlocal done
        done += n
        job.progress(done, len(jobs))
        job.checkpoint()

    job.say(f"Готовлю документы: {len(jobs)}…")
    paths = render_jobs(jobs, progress=tick)
    _latest(job, folder)
    return Outcome(0, f"Готово документов: {len(paths)} — в папке «Документы».", folder)


def monitoring(job: Job) -> Outcome:
    from ..report import report_for_book, report_meta, write_report_xlsx

    folder = _folder(job)
    book = _read(job, folder)
    job.say("Считаю показатели мониторинга…")
    period, indicators, statform = report_for_book(book, job.today)
    path = write_report_xlsx(indicators, statform, folder / "Мониторинг.xlsx", report_meta(book, period, job.today))
    _latest(job, folder)
    return Outcome(0, f"Отчёт мониторинга за {period.label}: «{path.name}».", folder)


def site(job: Job) -> Outcome:
    from ..checks.render import count_words
    from ..site import build_site

    folder = _folder(job)
    book = _read(job, folder)
    report, problems, marked = _check(job, book, folder, always_mark=False)
    if not report.valid:
        _latest(job, folder)
        return Outcome(1, f"Сайт не сделан: в книге {count_words(report)}. Исправьте ошибки.", folder, problems,
                       marked)
    job.say("Делаю раздел сайта…")
    built = build_site(book, folder / "сайт", job.today)
    _latest(job, folder)
    pages = sum(1 for _ in built.rglob("*.html"))
    return Outcome(0, f"Раздел сайта готов: страниц {pages}; начальная — сайт/index.html.", folder, problems)


_STEP = re.compile(r"^\[(\d+)/(\d+)\]")


def everything(job: Job) -> Outcome:
    """``nastavnik run``'s own chain (pipeline.run_all); its text lines drive the progress and the cancel check."""
    from ..pipeline import run_all

    def echo(text: str = "", **_) -> None:
        step = _STEP.match(text)
        if step:
            job.progress(int(step.group(1)) - 1, int(step.group(2)))
        job.checkpoint()
        if text:
            job.say(text.strip())

    class Bar:
        """The ``click.progressbar`` interface run_all expects, reporting to the window."""

        def __init__(self, length: int, label: str = ""):
            self.length, self.done = length, 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def update(self, n: int = 1) -> None:
            self.done += n
            job.progress(self.done, self.length)
            job.checkpoint()

    result = run_all(job.workbook, job.out, job.today, echo=echo, progress_bar=Bar)
    marked = next((path for what, path in result.made if "пометками" in what), None)
    if result.exit_code == 0:
        summary = "Готово: проверка, подбор пар, документы, отчёт мониторинга и раздел сайта."
        if result.attention:
            summary += " На что обратить внимание — в журнале ниже."
        return Outcome(0, summary, result.folder)
    # run_all prints the problems but does not return them; read them again to list them with their cells.
    from ..checks import check_book
    from ..checks.render import count_words, sorted_problems
    from ..reader import read_workbook

    report = check_book(read_workbook(job.workbook or next(result.folder.glob("демо-книга.xlsx")),
                                      today=job.today), job.today)
    return Outcome(result.exit_code, f"В книге {count_words(report)}: документы, отчёт и сайт не сделаны.",
                   result.folder, sorted_problems(report.problems), marked)


def new_book(path: Path, org_name: str | None, today: dt.date) -> Path:
    """A blank workbook from the template, as ``nastavnik init`` makes it."""
    from ..commands.init import academic_year
    from ..problems import NastavnikError
    from ..schema import ORG_FIELDS
    from ..template import write_workbook

    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    if path.exists():
        raise NastavnikError(f"Файл «{path.name}» уже есть и не будет перезаписан: выберите другое имя.")
    year, start, end = academic_year(today)
    org = {**{f.key: f.default for f in ORG_FIELDS}, "academic_year": year, "period_start": start, "period_end": end}
    if org_name:
        org["full_name"] = org_name
    write_workbook(path, org)
    return path


def district(job: Job, folder_in: Path) -> Outcome:
    """«Свод по району»: every workbook in a folder, one roll-up table."""
    from ..problems import NastavnikError
    from ..report.consolidate import UNREADABLE, collect_paths, consolidate, write_rollup_xlsx

    paths = collect_paths([folder_in])
    if not paths:
        raise NastavnikError(f"В папке «{folder_in}» нет рабочих книг (.xlsx, .xlsm, .xls, .ods).")
    folder = _folder(job)
    job.say(f"Свожу книги: {len(paths)}…")
    rollup = consolidate(paths, job.today, workers=2)
    job.checkpoint()
    path = write_rollup_xlsx(rollup, folder / f"свод_{job.today:%Y-%m-%d}.xlsx", job.today)
    _latest(job, folder)
    for f in rollup.files:
        if f["status"] != "в порядке":
            job.say(f"  {f['file']}: {f['status']} — {f['problem']}")
    read = len(rollup.files) - len(rollup.unreadable)
    code = 1 if any(f["status"] == UNREADABLE for f in rollup.files) else 0
    return Outcome(code, f"Свод «{path.name}»: прочитано книг {read} из {len(rollup.files)}.", folder)
