"""The whole yearly chain behind ``nastavnik run``: read once, check, then every output.

Each run writes into a new dated folder, so an earlier result is never
overwritten, and «последний запуск.txt» in the output folder names the newest.
The workbook is read exactly once; the typed ``Book`` is handed to every step.
When the check finds errors the chain stops before any document is made: a
document built from a wrong workbook would be signed and filed.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.safeio import write_text

LATEST = "последний запуск.txt"
PDF_CACHE = ".служебное"  # beside the runs: PDFs of the signed orders by content (site.documents), safe to delete
CHART_CACHE = "диаграммы"  # in it: the analytic report's charts by what they show (docs.chartcache)
REUSE_LIST = "документы.json"  # and the last run's documents with their keys (docs.reuse)
PROPOSAL_LIST = "предложения.json"  # and its proposal for the council, keyed by what it shows (docs.reuse)
PROPOSAL = "Предложения пар.xlsx"


@dataclass
class RunResult:
    folder: Path
    exit_code: int = 0
    made: list[tuple[str, Path]] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)  # «Что сделать в этом месяце» (forms.month), a heading of its own
    timings: dict[str, float] = field(default_factory=dict)
    problems: list = field(default_factory=list)  # the check's problems in the report's order (the window lists them)
    marked: Path | None = None  # the workbook's copy with the error cells highlighted, when the check failed


@dataclass(frozen=True)
class Stage:
    """Where the run is, for a progress bar: step ``number`` of ``steps`` («Документы»), and within a step that
    makes many files, ``done`` of ``total`` of them (0 of 0 when the step is one piece of work)."""

    title: str
    number: int
    steps: int
    done: int = 0
    total: int = 0

    @property
    def fraction(self) -> float:
        """How much of the whole run is behind, from 0 to 1: finished steps plus the part of this one."""
        part = self.done / self.total if self.total else 0.0
        return min(1.0, (self.number - 1 + part) / self.steps)


class RunCancelled(Exception):
    """The caller's ``cancelled()`` said stop (the window's «Отменить»); the run ends as an interrupted one."""

    def __init__(self, folder: Path | None):
        super().__init__("работа отменена")
        self.folder = folder  # the folder marked «НЕ ЗАВЕРШЁН.txt», or None when nothing had been made yet


INCOMPLETE = "_не завершён"
INCOMPLETE_NOTE = "НЕ ЗАВЕРШЁН.txt"


def new_run_folder(out: Path, now: dt.datetime | None = None) -> Path:
    """A fresh folder named by the date and time and marked as incomplete until ``finish_folder``."""
    now = now or dt.datetime.now()
    base = out / (now.strftime("%Y-%m-%d_%H-%M-%S") + INCOMPLETE)
    folder, n = base, 1
    while True:
        try:
            folder.mkdir(parents=True)
            return folder
        except FileExistsError:
            n += 1
            folder = base.with_name(f"{base.name[: -len(INCOMPLETE)]}_{n}{INCOMPLETE}")


def last_complete(out: Path) -> Path | None:
    """The folder of the last complete run in ``out`` (named in «последний запуск.txt»), if it is still there."""
    try:
        folder = Path((out / LATEST).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None
    return folder if folder.is_dir() and not folder.name.endswith(INCOMPLETE) else None


def finish_folder(folder: Path) -> Path:
    """Give a complete run its final name (the date and time; «_2» if a run of the same second took it)."""
    stem = folder.name.removesuffix(INCOMPLETE)
    final, n = folder.with_name(stem), 1
    while final.exists():
        n += 1
        final = folder.with_name(f"{stem}_{n}")
    os.replace(folder, final)
    return final


def _refusal(exc: BaseException) -> str:
    """Why the run stopped, in the curator's words: the computer's refusal, or an error of the program —
    never a Python class name (it stays in the --debug traceback)."""
    from nastavnik.base.oserrors import as_os_error, os_message

    refused = as_os_error(exc)
    if refused is not None:
        return os_message(refused)
    return "внутренняя ошибка программы (подробности — с параметром --debug)."


def mark_incomplete(folder: Path, step: str, why: str) -> None:
    """Leave a note that says this folder is not a result, so nobody files half a run."""
    note = (f"Этот запуск не завершён: {why}\n"
            f"Остановлен на шаге «{step}» {dt.datetime.now():%d.%m.%Y в %H:%M:%S}.\n"
            "Файлы в этой папке — только то, что успело появиться до остановки; документы и отчёт могут быть "
            "неполными. Не используйте их: запустите nastavnik run (в окне — «Всё сразу») ещё раз, результат появится в новой папке.\n")
    try:
        write_text(folder / INCOMPLETE_NOTE, note)
    except Exception:  # noqa: BLE001, S110 - a full disk must not hide the interruption itself
        pass


STEPS = 6


def run_all(workbook: Path | None, out: Path, today: dt.date, echo: Callable[..., None] = print,
            progress_bar: Callable | None = None, progress: Callable[[Stage], None] | None = None,
            cancelled: Callable[[], bool] | None = None, demo: str | None = None,
            words: Callable[[str], str] | None = None) -> RunResult:
    """Run every step; return what was made and what needs the curator's attention.

    ``progress`` (the window) gets a ``Stage`` at the start of each step and after each document;
    ``cancelled`` is asked at the same moments and, when it says yes, the run stops as an interrupted one does
    (``RunCancelled``; the folder keeps what was made and is marked «НЕ ЗАВЕРШЁН.txt»). ``demo`` names the
    demonstration book (an organisation type's key, ``samples.demos``) used when no workbook is given (the
    centre's demo by default). The command line
    passes none of them and behaves as before.
    """
    from nastavnik.base.oserrors import os_message
    from nastavnik.base.problems import EnvironmentProblem, NastavnikError

    try:
        out.mkdir(parents=True, exist_ok=True)
        folder = new_run_folder(out)
    except OSError as exc:
        raise EnvironmentProblem(os_message(exc, out, "создать папку результатов"), other_folder=True) from exc
    result = RunResult(folder)
    current = {"step": "подготовка", "number": 0}

    def stop_if_asked() -> None:
        if cancelled is not None and cancelled():
            raise RunCancelled(folder)

    def stage(done: int = 0, total: int = 0, silent: bool = False) -> None:
        """Tell the caller where the run is and stop here if it asked to (between steps, between documents);
        ``silent``: only hear a cancel (a document finished before the step knows how many there are)."""
        if progress is not None and not silent:
            progress(Stage(current["step"], current["number"], STEPS, done, total))
        stop_if_asked()

    @contextmanager
    def step(n: int, title: str):
        current.update(step=title, number=n)
        stage()
        echo(f"[{n}/{STEPS}] {title}…")
        start = time.perf_counter()
        yield
        result.timings[title] = time.perf_counter() - start

    try:
        _steps(result, workbook, today, echo, progress_bar, step, stage, demo, words)
        stop_if_asked()  # a cancel pressed during the last step still stops before the folder is final
    except BaseException as exc:
        why = ("работа отменена кнопкой «Отменить»." if isinstance(exc, RunCancelled)
               else "работа прервана (Ctrl+C, закрытие окна или сигнал остановки)." if isinstance(exc, KeyboardInterrupt)
               else f"произошла ошибка: {exc}" if isinstance(exc, NastavnikError)
               else _refusal(exc))
        if not any(folder.iterdir()):  # nothing made yet (the workbook could not be read): no folder to mistake
            folder.rmdir()
            if isinstance(exc, RunCancelled):
                exc.folder = None
            raise
        mark_incomplete(folder, current["step"], why)
        echo("")
        echo(f"Запуск не завершён (шаг «{current['step']}»). То, что успело появиться, лежит в папке "
             f"«{folder}» с пометкой «{INCOMPLETE_NOTE}»; пользоваться этими файлами нельзя. "
             f"Последним полным запуском остаётся тот, что назван в «{LATEST}».")
        raise
    final = finish_folder(folder)
    def moved(path: Path) -> Path:
        return final / path.relative_to(folder) if path.is_relative_to(folder) else path

    result.made = [(what, moved(p)) for what, p in result.made]
    result.marked = moved(result.marked) if result.marked else None
    result.folder = final
    _finish(result, out, echo)
    return result


def _steps(result: RunResult, workbook: Path | None, today: dt.date, echo, progress_bar, step, stage,
           demo, words=None) -> None:
    """The six steps; on errors in the workbook it stops after the check (result.exit_code = 1)."""
    from nastavnik.checks import check_book
    from nastavnik.checks.annotate import annotate, annotated_name
    from nastavnik.checks.render import count_words, render_text
    from nastavnik.workbook.reader import read_workbook

    folder = result.folder

    with step(1, "Чтение книги"):
        if workbook is None:
            from nastavnik.workbook.samples.demos import DEFAULT, write_demo

            workbook = write_demo(folder / "демо-книга.xlsx", demo or DEFAULT, today)
            echo(f"      книга не указана — работаю на демонстрационной книге: {workbook}")
            result.made.append(("Демонстрационная книга", workbook))
        book = read_workbook(workbook, today=today)

    from .ahead import matched_ahead

    # The pairs are matched in a process of their own meanwhile (``ui.ahead``): a district's check and matching
    # each keep a core busy.
    with matched_ahead(book, today) as ahead:
        with step(2, "Проверка"):
            report = check_book(book, today)
            write_text(folder / "проверка.txt", (words or str)(render_text(report, book.name)) + "\n")
            result.made.append(("Результат проверки", folder / "проверка.txt"))
        from nastavnik.checks.render import sorted_problems

        result.problems = sorted_problems(report.problems)
        if not report.valid:
            echo(render_text(report, book.name))
            copy = annotate(book, report, folder / annotated_name(book), words=words)
            result.marked = copy
            result.made.append(("Копия книги с пометками", copy))
            result.exit_code = 1
            echo("")
            echo(f"В книге {count_words(report)}: документы, отчёт и сайт не сделаны, пока ошибки не исправлены.")
            echo(f"Ячейки с ошибками подсвечены в копии книги «{copy.name}» (папка названа ниже).")
            return
        if report.warnings:
            result.attention.append(f"Предупреждений проверки: {len(report.warnings)} — см. «проверка.txt».")
        overdue = [p for p in report.warnings if p.code == "activity_overdue"]
        if overdue:
            result.attention.append(f"Просрочено мероприятий плана: {len(overdue)}.")
        from nastavnik.checks import fit

        # the early fit check: «не подходит» asks the curator to decide on a replacement; «пока не ясно» is noted
        result.attention.extend(fit.decisions(book) + fit.notes(book))
        from nastavnik.checks.stalled import alerts

        stalled = [a.text for a in alerts(book, today)]
        result.attention.extend(stalled[:10])
        if len(stalled) > 10:
            result.attention.append(f"…и ещё {len(stalled) - 10} — см. лист «Сводка» в «Мониторинг.xlsx».")
        from nastavnik.forms.remind import month_todo

        result.todo = month_todo(book, today)  # the roadmap's stages, the signatures, consents and surveys due

        from nastavnik.docs.context import shared
        from nastavnik.report.indicators import computed_once

        # The documents, their readiness and the site's orders read the same rows and pair groups, and every output
        # shows the same period's figures: each built once.
        with shared(book), computed_once(book):
            _outputs(result, book, folder, today, echo, progress_bar, step, stage, ahead)


def _proposal(matched, folder: Path, org: str | None, earlier: Path | None, write) -> Path:
    """«Предложения пар.xlsx»: copied from the last complete run when it would come out the same (the same
    proposal, candidates and reasons, the same program) and that file is untouched — at four times a district
    its 800,000 cells took about seven seconds to write again on every run — else written (``docs.reuse``)."""
    from nastavnik.docs import reuse

    target = folder / PROPOSAL
    manifest = folder.parent / PDF_CACHE / PROPOSAL_LIST
    again = reuse.prepare(manifest, earlier, folder, {})
    key = reuse.key(again, "proposal", (matched.to_dict(), org))
    if not reuse.copied(again, PROPOSAL, key, target):
        write(matched, target, org)
    reuse.save(manifest, again, {PROPOSAL: key})
    return target


def _outputs(result: RunResult, book, folder: Path, today: dt.date, echo, progress_bar, step, stage,
             ahead=lambda: None) -> None:
    """Steps 3–6: the pairs proposed, the documents, the monitoring report and the site section."""
    with step(3, "Подбор пар"):
        from nastavnik.match import match_book, write_match_xlsx
        from nastavnik.match.output import org_title

        matched = ahead() or match_book(book, today)
        earlier = last_complete(folder.parent)
        if matched.waiting:
            path = _proposal(matched, folder, org_title(book.org), earlier, write_match_xlsx)
            result.made.append(("Предложения пар для методического совета", path))
            if matched.unmatched:
                names = ", ".join(u.get("mentee", "") for u in matched.unmatched)
                result.attention.append(f"Наставляемые без подходящего наставника: {names} — см. «Предложения "
                                        "пар.xlsx» (причины и что рекомендует Положение).")
        else:
            echo("      ожидающих пару наставляемых нет")

    with step(4, "Документы"):
        from nastavnik.docs.applies import not_ready
        from nastavnik.docs.kinds import KINDS
        from nastavnik.docs.overlap import make_documents
        from nastavnik.ui.actions import replacements

        docs_dir = folder / "Документы"
        for key, kind in KINDS.items():
            why = not_ready(book, key)
            if why:
                result.attention.append(f"Не сделан документ «{kind.title}»: {why}.")
        count = {"done": 0, "total": 0}
        bar: dict = {}

        def each(n: int = 1) -> None:
            count["done"] += n
            if bar.get("tick"):
                bar["tick"](n)
            if count["total"]:
                stage(count["done"], count["total"])
            else:  # finished while the plan is being made: counted when its size is known, a cancel heard now
                stage(silent=True)

        # Planned and rendered at once (docs.overlap); the bar appears once the plan's size is known.
        with ExitStack() as stack:
            def planned(total: int) -> None:
                count["total"] = total
                bar["tick"] = stack.enter_context(_bar(progress_bar, total, "      документы"))
                if bar["tick"] and count["done"]:  # the documents finished while the plan was being made
                    bar["tick"](count["done"])
                stage(count["done"], total)

            # the charts kept beside the runs, as the signed orders' PDFs: a repeated run does not draw them again
            # and a document that comes out as in the last complete run is copied from it (docs.reuse)
            jobs, paths = make_documents(book, docs_dir, today, replacements(book, today, matched),
                                         progress=each, planned=planned,
                                         chart_cache=folder.parent / PDF_CACHE / CHART_CACHE,
                                         reuse_list=folder.parent / PDF_CACHE / REUSE_LIST,
                                         earlier=earlier / docs_dir.name if earlier else None)
        from collections import Counter

        by_folder = Counter(p.parent.name for p in paths)
        parts = ", ".join(f"{name} — {n}" for name, n in sorted(by_folder.items()))
        result.made.append((f"Документы .docx: {len(paths)} ({parts})", docs_dir))

    with step(5, "Мониторинг"):
        from nastavnik.report import report_for_book, report_meta, write_report_xlsx

        period, indicators, statform = report_for_book(book, today)
        path = write_report_xlsx(indicators, statform, folder / "Мониторинг.xlsx", report_meta(book, period, today))
        result.made.append((f"Отчёт мониторинга за {period.label}", path))

    with step(6, "Раздел сайта"):
        from nastavnik.site import SiteDocument, build_site

        signed = [SiteDocument(job.kind, job.path) for job in jobs]  # the site publishes the signed orders
        # The signed orders' PDFs are kept beside the runs: LibreOffice converts an order again only when it changed.
        site = build_site(book, folder / "сайт", today, documents=signed, pdf_cache=folder.parent / PDF_CACHE)
        result.made.append(("Раздел сайта (откройте index.html)", site))


@contextmanager
def _bar(progress_bar, length: int, label: str):
    """A progress bar when the caller gives one (a terminal), a no-op otherwise."""
    if progress_bar is None or length == 0:
        yield None
        return
    with progress_bar(length=length, label=label) as bar:
        def tick(n: int = 1):
            bar.update(n)

        yield tick


def _both(first, second):
    """One ``progress(n)`` callback that calls both (the terminal's bar, the caller's progress and cancel check)."""
    if first is None:
        return second

    def tick(n: int = 1) -> None:
        first(n)
        second(n)

    return tick


def _finish(result: RunResult, out: Path, echo) -> None:
    write_text(out / LATEST, str(result.folder.resolve()) + "\n")
    echo("")
    if result.exit_code:
        echo(f"Работа остановлена на проверке: в книге есть ошибки. Результаты проверки в папке: {result.folder}")
    else:
        echo(f"Готово. Результаты в папке: {result.folder}")
    for what, path in result.made:
        echo(f"  • {what}: {path.name}")
    if result.attention:
        echo("Обратите внимание:")
        for line in result.attention:
            echo(f"  • {line}")
    if result.todo:
        echo("Что сделать в этом месяце:")
        for line in result.todo:
            line = line.removeprefix("Что сделать в этом месяце: ")
            echo(f"  • {line[:1].upper()}{line[1:]}")
