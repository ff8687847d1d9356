"""Run one task in a background thread; the window reads its messages from a queue.

Why a thread and a queue: Tk may be touched only from the thread that made it,
and a long task (a thousand documents) must not freeze the window. The worker
puts ``(kind, payload)`` tuples on the queue; the window polls it. On
cancellation the folders the task had started are removed, so no half-made
result is left for the curator to mistake for a real one — except the folder of
«Всё сразу», which ends as an interrupted ``nastavnik run`` does: kept, and
marked «НЕ ЗАВЕРШЁН.txt».
"""

from __future__ import annotations

import queue
import shutil
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from .tasks import Cancelled, Job, Outcome

REFUSED = 4  # the computer refused: disk full, no rights, a path it cannot use
INTERNAL = 3


def classify(exc: BaseException) -> tuple[int, str]:
    """An exit code and a Russian sentence for a failure, as the command line gives them."""
    from nastavnik.base.problems import NastavnikError

    if isinstance(exc, NastavnikError):
        return exc.exit_code, str(exc)
    from nastavnik.base.oserrors import as_os_error, os_message

    refusal = as_os_error(exc)  # also a writer's own wrapper (xlsxwriter's FileCreateError) around the refusal
    if refusal is not None:  # told by its errno, as the command line does: never the system's English
        return REFUSED, os_message(refusal)
    # The exception's class is for the developers: it is in the log's traceback below, not in her sentence.
    return INTERNAL, ("Внутренняя ошибка программы: задача остановилась не из-за вашей книги, а из-за недосмотра в "
                      "самой программе. Ваша рабочая книга не изменена. Передайте разработчикам текст из журнала "
                      "ниже.")


class Runner:
    """At most one task at a time; ``poll()`` hands its messages to the window."""

    def __init__(self) -> None:
        self.messages: queue.Queue = queue.Queue()
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def cancel(self) -> None:
        self._cancel.set()

    def start(self, task: Callable[..., Outcome], job: Job, *args) -> None:
        if self.busy:
            raise RuntimeError("a task is already running")
        self._cancel.clear()
        post = self.messages.put
        job.say = lambda text: post(("say", text))
        job.progress = lambda done, total: post(("progress", (done, total)))
        job.cancelled = self._cancel.is_set
        job.stage = lambda stage: post(("stage", stage))
        self._thread = threading.Thread(target=self._work, args=(task, job, args), daemon=True,
                                        name="nastavnik-task")
        self._thread.start()

    def _work(self, task, job: Job, args) -> None:
        existed = job.out.is_dir()
        before = _children(job.out)
        try:
            outcome = task(job, *args)
        except Cancelled as exc:
            for path in _children(job.out) - before - {exc.kept}:
                shutil.rmtree(path, ignore_errors=True)
            self.messages.put(("cancelled", exc.kept))
        except BaseException as exc:  # noqa: BLE001 - every failure becomes a message in the window
            _remove_unfinished(job.out, before, existed)
            code, text = classify(exc)
            detail = traceback.format_exc() if code == INTERNAL else ""
            self.messages.put(("failed", (code, text, detail)))
        else:
            self.messages.put(("done", outcome))

    def join(self, timeout: float | None = None) -> None:
        if self._thread:
            self._thread.join(timeout)

    def drain(self) -> list[tuple[str, object]]:
        items = []
        while True:
            try:
                items.append(self.messages.get_nowait())
            except queue.Empty:
                return items


def _children(folder: Path) -> set[Path]:
    try:
        return {p for p in folder.iterdir() if p.is_dir()}
    except OSError:
        return set()


def _remove_unfinished(out: Path, before: set[Path], existed: bool) -> None:
    """After a failure (a book that cannot be read): the task's «…_не завершён» folders go, and the results
    folder itself when the task made it and it is empty — nothing is left to look like a result."""
    from nastavnik.ui.pipeline import INCOMPLETE, INCOMPLETE_NOTE

    for path in _children(out) - before:  # a «Всё сразу» stopped midway keeps its folder, marked as unfinished
        if path.name.endswith(INCOMPLETE) and not (path / INCOMPLETE_NOTE).exists():
            shutil.rmtree(path, ignore_errors=True)
    if not existed:
        try:
            out.rmdir()  # only when empty
        except OSError:
            pass
