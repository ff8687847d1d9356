"""What each button of the window does: the library calls of the CLI commands, with no Tk in sight.

A task gets a ``Job`` (workbook, results folder, date, and three callbacks: a
line of text, progress, and the cancel check) and returns an ``Outcome``. Each
task writes into a new dated folder, as ``nastavnik run`` does, so a second
press never overwrites the first. Cancellation is cooperative: the task calls
``job.checkpoint()`` between steps and after each document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class Cancelled(Exception):
    """The curator pressed «Отменить».

    ``kept`` is a folder the task leaves on purpose (the «Всё сразу» run, marked «НЕ ЗАВЕРШЁН.txt» as an
    interrupted ``nastavnik run`` is); every other folder the task started is removed by the runner.
    """

    def __init__(self, kept: Path | None = None):
        super().__init__("отменено")
        self.kept = kept


def demos() -> list[tuple[str, str]]:
    """The demos, as (key, label); the centre's first, as the demo of the command line (``samples.demos``)."""
    from nastavnik.workbook.samples.demos import DEMOS

    return [(d.key, d.label) for d in DEMOS]


def refused(message: str):
    """A failure of the computer, not of the workbook: exit code 4, as the command line will give it."""
    from nastavnik.base.problems import NastavnikError

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
    stage: Callable[[object], None] = lambda stage: None  # a pipeline.Stage of «Всё сразу»
    demo: str = "extra"  # which demonstration book to use when no workbook is chosen (a DEMOS key)

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
    pending: object = None  # answers read and previewed, waiting for the curator's yes (``Pending``)
    switch_to: Path | None = None  # a new book to work in from now on (the collected copy, next year's book)


@dataclass
class Pending:
    """What «Собрать анкеты» found: the book read once, the answer files, and what merging them would do."""

    book: object
    sources: list[Path]
    lines: list
    update: bool = False  # ``collect --update``: an answer replaces what the curator had entered


def _folder(job: Job) -> Path:
    from nastavnik.ui.pipeline import new_run_folder

    try:
        job.out.mkdir(parents=True, exist_ok=True)
        return new_run_folder(job.out)
    except OSError as exc:
        from nastavnik.base.oserrors import describe

        what, _todo = describe(exc)
        raise refused(f"Компьютер не дал создать папку результатов «{job.out}»: {what}. Положите книгу "
                      "в папку, где можно записывать (например, в «Документы»).") from exc


def _finish(job: Job, outcome: Outcome) -> Outcome:
    """Give the task's folder its final name (no «_не завершён») and name it in «последний запуск.txt».

    The paths in the outcome follow the folder to its new name.
    """
    from nastavnik.base.safeio import write_text
    from nastavnik.ui.pipeline import LATEST, finish_folder

    folder = outcome.folder
    final = finish_folder(folder)

    def moved(path: Path | None) -> Path | None:
        return final / path.relative_to(folder) if path is not None and path.is_relative_to(folder) else path

    outcome.folder, outcome.marked = final, moved(outcome.marked)
    write_text(job.out / LATEST, str(final.resolve()) + "\n")
    return outcome


def _read(job: Job, folder: Path):
    """Read the workbook once (the demo written into the folder when none is chosen)."""
    from nastavnik.workbook.reader import read_workbook

    job.progress(0, 1)
    path = job.workbook
    if path is None:  # the demo ``nastavnik demo --type`` writes, with its own list values
        from nastavnik.workbook.samples.demos import write_demo

        path = write_demo(folder / "демо-книга.xlsx", job.demo, job.today)
        job.say(f"Книга не выбрана — работаю на демонстрационной книге: {path.name}")
    job.say(f"Читаю книгу «{path.name}»…")
    book = read_workbook(path, today=job.today)
    job.checkpoint()
    return book


def _check(job: Job, book, folder: Path, always_mark: bool = True):
    from nastavnik.base.safeio import write_text
    from nastavnik.checks import check_book
    from nastavnik.checks.annotate import annotate, annotated_name
    from nastavnik.checks.render import render_text, sorted_problems

    from .words import in_window

    job.say("Проверяю книгу…")
    report = check_book(book, job.today)
    write_text(folder / "проверка.txt", in_window(render_text(report, book.name)) + "\n")
    marked = None
    if report.errors or (always_mark and report.problems):
        marked = annotate(book, report, folder / annotated_name(book), words=in_window)
    job.checkpoint()
    return report, sorted_problems(report.problems), marked


def check(job: Job) -> Outcome:
    from nastavnik.checks.render import verdict

    folder = _folder(job)
    book = _read(job, folder)
    report, problems, marked = _check(job, book, folder)
    return _finish(job, Outcome(0 if report.valid else 1, verdict(report), folder, problems, marked))


def match(job: Job) -> Outcome:
    from nastavnik.base.problems import ERROR
    from nastavnik.match import match_book, write_match_xlsx
    from nastavnik.match.output import org_title

    folder = _folder(job)
    book = _read(job, folder)
    errors = sum(1 for p in book.problems if p.severity == ERROR)
    if errors:
        job.say(f"Внимание: в книге есть ошибки чтения ({errors}); подбор сделан по тем данным, что удалось прочитать.")
    job.say("Подбираю наставников…")
    result = match_book(book, job.today)
    job.checkpoint()
    if not result.waiting:
        return _finish(job, Outcome(0, "Ожидающих пару наставляемых нет.", folder))
    path = write_match_xlsx(result, folder / "Предложения пар.xlsx", org_title(book.org))
    summary = f"Предложение пар: {len(result.proposal)}; файл «{path.name}»."
    if result.unmatched:
        summary += f" Без подходящего наставника: {len(result.unmatched)} — причины в файле."
    return _finish(job, Outcome(0, summary, folder))


def documents(job: Job) -> Outcome:
    from nastavnik.docs.render import plan_documents, render_jobs

    folder = _folder(job)
    book = _read(job, folder)
    from nastavnik.ui.actions import replacements

    jobs = plan_documents(book, folder / "Документы", job.today, replacements=replacements(book, job.today))
    done = 0

    def tick(n: int = 1) -> None:
        nonlocal done
        done += n
        job.progress(done, len(jobs))
        job.checkpoint()

    job.say(f"Готовлю документы: {len(jobs)}…")
    paths = render_jobs(jobs, progress=tick)
    return _finish(job, Outcome(0, f"Готово документов: {len(paths)} — в папке «Документы».", folder))


def monitoring(job: Job) -> Outcome:
    from nastavnik.ui.actions import monitoring as write_monitoring

    folder = _folder(job)
    book = _read(job, folder)
    job.say("Считаю показатели мониторинга…")
    path, period, _indicators = write_monitoring(book, folder, job.today)  # as ``nastavnik report``
    return _finish(job, Outcome(0, f"Отчёт мониторинга за {period.label}: «{path.name}».", folder))


def site(job: Job) -> Outcome:
    from nastavnik.checks.render import count_words
    from nastavnik.site import build_site

    folder = _folder(job)
    book = _read(job, folder)
    report, problems, marked = _check(job, book, folder, always_mark=False)
    if not report.valid:
        return _finish(job, Outcome(1, f"Сайт не сделан: в книге {count_words(report)}. Исправьте ошибки.", folder,
                                    problems, marked))
    job.say("Делаю раздел сайта…")
    built = build_site(book, folder / "сайт", job.today)
    pages = sum(1 for _ in built.rglob("*.html"))
    return _finish(job, Outcome(0, f"Раздел сайта готов: страниц {pages}; начальная — сайт/index.html.", folder,
                                problems))


def reminders(job: Job) -> Outcome:
    """«Напоминания»: the same library function as ``nastavnik remind`` — letters (.eml, .docx), the mail-merge
    table and the calendars, nothing sent."""
    from nastavnik.base.morph import agree
    from nastavnik.forms.remind import NOTHING, whom
    from nastavnik.forms.remind import remind as make_reminders

    folder = _folder(job)
    book = _read(job, folder)
    job.say("Готовлю напоминания и календари…")
    result = make_reminders(book, folder, job.today)
    if result.letters:
        summary = (f"Напоминания готовы: {agree(len(result.letters), 'письмо')} ({whom(result.letters)}) — "
                   "черновики для почты, .docx и таблица для рассылки. Программа ничего не отправляет.")
        summary += "".join(f" {note}" for note in result.notes)
    else:
        summary = f"Напоминать не о чем: {NOTHING}."
    if result.calendars:
        summary += f" Календари мероприятий: {agree(len(result.calendars), 'файл')} .ics."
    return _finish(job, Outcome(0, summary, folder))


def everything(job: Job) -> Outcome:
    """``nastavnik run``'s own chain (pipeline.run_all) with its progress and cancel callbacks.

    A cancelled run ends as an interrupted ``nastavnik run`` does: its folder stays, marked «НЕ ЗАВЕРШЁН.txt».
    """
    from nastavnik.base.problems import ERROR
    from nastavnik.checks.render import errors_word, warnings_word
    from nastavnik.ui.pipeline import RunCancelled, run_all

    from .words import in_window

    def echo(text: str = "", **_) -> None:
        if text.strip():
            job.say(text.strip())

    try:
        result = run_all(job.workbook, job.out, job.today, echo=echo, progress=job.stage, cancelled=job.cancelled,
                         demo=job.demo, words=in_window)
    except RunCancelled as exc:
        raise Cancelled(kept=exc.folder) from None
    if result.exit_code == 0:
        summary = "Готово: проверка, подбор пар, документы, отчёт мониторинга и раздел сайта."
        from nastavnik.forms.month import MONTH_NOTHING

        pending = [t for t in result.todo if t != MONTH_NOTHING]
        if result.attention or pending:
            summary += (" На что обратить внимание и что сделать в этом месяце — в журнале ниже." if pending
                        else " На что обратить внимание — в журнале ниже.")
        return Outcome(0, summary, result.folder, result.problems)
    errors = sum(1 for p in result.problems if p.severity == ERROR)
    words = f"{errors_word(errors)}, {warnings_word(len(result.problems) - errors)}"
    return Outcome(result.exit_code, f"В книге {words}: документы, отчёт и сайт не сделаны.", result.folder,
                   result.problems, result.marked)


def new_book(path: Path, org_type, org_name: str | None, today: dt.date) -> Path:
    """A blank workbook of the organisation's type (``orgtypes.OrgType``), as ``nastavnik init --type`` makes it."""
    from nastavnik.base.problems import NastavnikError
    from nastavnik.workbook.template import blank_org, write_workbook

    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    if path.exists():
        raise NastavnikError(f"Файл «{path.name}» уже есть и не будет перезаписан: выберите другое имя.")
    write_workbook(path, blank_org(today, org_type, full_name=org_name or None))
    return path


def district(job: Job, folder_in: Path) -> Outcome:
    """«Свод по району»: every workbook in a folder, one roll-up table."""
    from nastavnik.base.problems import NastavnikError
    from nastavnik.report.consolidate import UNREADABLE, collect_paths
    from nastavnik.ui.actions import district as write_district

    paths = collect_paths([folder_in])
    if not paths:
        raise NastavnikError(f"В папке «{folder_in}» нет рабочих книг (.xlsx, .xlsm, .xls, .ods).")
    folder = _folder(job)
    job.say(f"Свожу книги: {len(paths)}…")
    rollup, path, _json = write_district(paths, folder, job.today, workers=2)  # as ``nastavnik consolidate``
    job.checkpoint()
    for f in rollup.files:
        if f["status"] != "в порядке":
            job.say(f"  {f['file']}: {f['status']} — {f['problem']}")
    read = len(rollup.files) - len(rollup.unreadable)
    code = 1 if any(f["status"] == UNREADABLE for f in rollup.files) else 0
    return _finish(job, Outcome(code, f"Свод «{path.name}»: прочитано книг {read} из {len(rollup.files)}.", folder))


def new_year(job: Job) -> Outcome:
    """«Новый учебный год»: next year's book beside this one, as ``nastavnik new-year`` writes it.

    A book with errors gives no new book: its check is shown, as «Проверить книгу» shows it.
    """
    from nastavnik.base.problems import NastavnikError
    from nastavnik.checks.render import count_words
    from nastavnik.ui.actions import BookHasErrors
    from nastavnik.ui.actions import new_year as make_new_year

    if job.workbook is None:
        raise NastavnikError("Новый учебный год делается из вашей книги: сначала выберите её кнопкой «Выбрать…».")
    job.progress(0, 1)
    job.say(f"Читаю и проверяю книгу «{job.workbook.name}»…")
    try:
        made = make_new_year(job.workbook, job.today, taken="Переименуйте или перенесите этот файл и нажмите "
                                                            "«Новый учебный год» снова.")
    except BookHasErrors as exc:
        folder = _folder(job)
        report, problems, marked = _check(job, exc.book, folder, always_mark=False)
        return _finish(job, Outcome(1, f"В книге {count_words(report)}: книга нового учебного года не создана, "
                                       "пока ошибки не исправлены.", folder, problems, marked))
    for line in made.summary.lines():
        job.say(line)
    return Outcome(0, f"Книга {made.summary.new_year} учебного года: «{made.path.name}» (рядом с прежней); итоги "
                      f"перехода — «{made.note.name}». Прежняя книга не изменена.", made.path.parent,
                   switch_to=made.path)
