"""The window: the workbook chooser, one button per yearly task, progress, problems, results.

Every button runs a task from ``tasks`` through the ``Runner`` (a background
thread), so the window keeps answering and «Отменить» works while a thousand
documents are made. Dialogs come through ``Dialogs`` so that tests (under Xvfb)
can answer them without a person.
"""

from __future__ import annotations

import datetime as dt
import tkinter as tk
from pathlib import Path
from tkinter import ttk

from . import questionnaires, settings, staff_list, tasks
from .dialogs import TITLE, Dialogs
from .problem_list import ProblemList
from .runner import Runner
from .words import in_window

POLL_MS = 100
BAR_STEPS = 1000  # the bar of «Всё сразу» counts thousandths of the whole run


def short_path(path: Path, limit: int = 70) -> str:
    """The path as the label can hold it: the file name always, the folders from the end."""
    text = str(path)
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


BUTTONS = (  # key, label, task
    ("check", "Проверить книгу", tasks.check),
    ("match", "Подобрать пары", tasks.match),
    ("docs", "Сделать документы", tasks.documents),
    ("report", "Отчёт мониторинга", tasks.monitoring),
    ("site", "Раздел сайта", tasks.site),
    ("all", "Всё сразу", tasks.everything),
    ("forms", "Анкеты", None),
    ("collect", "Собрать анкеты", None),
    ("staff", "Штатный список", None),
    ("new", "Новая книга", None),
    ("newyear", "Новый учебный год", tasks.new_year),
    ("remind", "Напоминания", tasks.reminders),
    ("district", "Свод по району", None),
)
COLUMNS = 7


class App:
    def __init__(self, root: tk.Tk, workbook: Path | None = None, dialogs: Dialogs | None = None,
                 today: dt.date | None = None):
        self.root, self.dialogs = root, dialogs or Dialogs(root)
        self.today = today or dt.date.today()
        self.runner = Runner()
        self.workbook = workbook or settings.last_workbook()
        self.demos = tasks.demos()
        self.demo_key = self.demos[0][0]
        self.results: Path | None = None
        self.marked: Path | None = None
        self.last: tasks.Outcome | None = None
        self.failure: tuple[int, str] | None = None
        self.staged = False  # the running task reports pipeline stages
        root.title(TITLE)
        root.geometry("1000x660")
        root.minsize(760, 480)
        self._layout()
        self._show_workbook()
        root.protocol("WM_DELETE_WINDOW", self.close)
        self._after = root.after(POLL_MS, self._poll)

    # layout ------------------------------------------------------------------------------------------------
    def _layout(self) -> None:
        pad = {"padx": 8, "pady": 4}
        top = ttk.Frame(self.root)
        top.pack(fill="x", **pad)
        ttk.Label(top, text="Рабочая книга:").pack(side="left")
        self.book_label = ttk.Label(top, text="", foreground="#1a4d8f", wraplength=560)
        self.choose = ttk.Button(top, text="Выбрать…", command=self.choose_workbook)
        self.demo = ttk.Menubutton(top, text="Демонстрационная")  # the centre's or the school's: she chooses
        self.demo_menu = tk.Menu(self.demo, tearoff=False)
        for key, label in self.demos:
            self.demo_menu.add_command(label=label, command=lambda k=key: self.use_demo(k))
        self.demo["menu"] = self.demo_menu
        # The buttons keep their width; the path takes what is left (a long path is shortened from the left).
        self.demo.pack(side="right", padx=(6, 0))
        self.choose.pack(side="right")
        self.book_label.pack(side="left", fill="x", expand=True, padx=6)

        grid = ttk.Frame(self.root)
        grid.pack(fill="x", **pad)
        self.buttons: dict[str, ttk.Button] = {}
        for i, (key, label, task) in enumerate(BUTTONS):
            command = {"new": self.new_workbook, "district": self.district, "forms": self.make_forms,
                       "collect": self.collect, "staff": self.import_staff}.get(key) or (lambda t=task: self.start(t))
            button = ttk.Button(grid, text=label, command=command)
            button.grid(row=i // COLUMNS, column=i % COLUMNS, sticky="ew", padx=3, pady=3, ipady=4)
            grid.columnconfigure(i % COLUMNS, weight=1)
            self.buttons[key] = button

        status = ttk.Frame(self.root)
        status.pack(fill="x", **pad)
        self.bar = ttk.Progressbar(status, mode="determinate", maximum=1)
        self.bar.pack(side="left", fill="x", expand=True)
        self.cancel_button = ttk.Button(status, text="Отменить", command=self.cancel, state="disabled")
        self.cancel_button.pack(side="left", padx=(6, 0))
        self.status = ttk.Label(self.root, text="Выберите книгу и нажмите кнопку.", anchor="w", justify="left",
                                wraplength=960)
        self.status.pack(fill="x", **pad)

        panes = ttk.PanedWindow(self.root, orient="vertical")
        panes.pack(fill="both", expand=True, **pad)
        self.problems = ProblemList(panes, on_open=self.open_marked)
        self.log = tk.Text(panes, height=7, wrap="word", state="disabled", relief="flat", background="#f7f7f7")
        panes.add(self.problems, weight=3)
        panes.add(self.log, weight=1)

        bottom = ttk.Frame(self.root)
        bottom.pack(fill="x", **pad)
        ttk.Label(bottom, text="Двойной щелчок по строке открывает копию книги с подсвеченными ячейками.",
                  foreground="#555").pack(side="left")
        self.open_button = ttk.Button(bottom, text="Открыть папку результатов", command=self.open_results,
                                      state="disabled")
        self.open_button.pack(side="right")

    # actions ------------------------------------------------------------------------------------------------
    def _show_workbook(self) -> None:
        if self.workbook:
            text = short_path(self.workbook)
        else:
            from nastavnik.base.morph import inflect_phrase

            label = dict(self.demos)[self.demo_key]
            text = f"не выбрана — демонстрационная книга {inflect_phrase(label[:1].lower() + label[1:], 'gen')}"
        self.book_label.configure(text=text)

    def choose_workbook(self) -> None:
        path = self.dialogs.workbook(self.workbook)
        if path:
            self._switch(path)

    def _switch(self, path: Path | None, said: str | None = None) -> None:
        """Work with another book from now on: the previous book's result leaves the screen with it."""
        self.workbook = path
        if path:
            settings.remember_workbook(path)
        self._show_workbook()
        self._clear_result(said or (f"Выбрана книга «{path.name}». Нажмите кнопку нужного дела." if path else
                                    "Выбрана демонстрационная книга. Нажмите кнопку нужного дела."))

    def _clear_result(self, text: str) -> None:
        self.problems.clear()
        self.results, self.marked, self.last, self.failure = None, None, None, None
        self._stop_bar(0)
        self.status.configure(text=text, foreground="")
        self._write_log("", clear=True)
        self.open_button.configure(state="disabled")

    def use_demo(self, key: str | None = None) -> None:
        self.demo_key = key or self.demo_key
        self._switch(None)

    def out_folder(self) -> Path:
        return self.workbook.parent / "Результаты" if self.workbook else settings.default_results()

    def start(self, task, *args, out: Path | None = None) -> None:
        if self.runner.busy:
            return
        self.problems.clear()
        self.marked, self.last, self.failure = None, None, None
        self.staged = False
        self._write_log("", clear=True)
        self._busy(True)
        self.status.configure(text="Работаю…", foreground="")
        self.bar.configure(mode="indeterminate")
        self.bar.start(80)
        job = tasks.Job(self.workbook, out or self.out_folder(), self.today, demo=self.demo_key)
        self.runner.start(task, job, *args)

    def new_workbook(self) -> None:
        answer = self.dialogs.new_workbook(self.workbook)
        if not answer:
            return
        path, org_type, org_name = answer
        try:
            path = tasks.new_book(path, org_type, org_name or None, self.today)
        except Exception as exc:  # noqa: BLE001 - shown to the curator
            from .runner import classify

            self._fail(*classify(exc), "")
            return
        self._switch(path, f"Создана чистая книга «{path.name}» ({org_type.title}). Заполните лист "
                           "«Организация» и банки.")
        self.dialogs.open(path)

    def district(self) -> None:
        folder = self.dialogs.folder(self.workbook)
        if folder:
            self.start(tasks.district, folder, out=folder / "Результаты")

    def make_forms(self) -> None:
        kind = self.dialogs.forms_kind()
        if kind:
            self.start(questionnaires.make, kind)

    def collect(self) -> None:
        """Read the answers and show what collecting them would do; the copy is written only after «да»."""
        answer = self.dialogs.answers_folder(self.workbook)
        if answer:
            folder, update = answer
            self.start(questionnaires.preview, folder, update)

    def import_staff(self) -> None:
        """Read the HR export and show what importing it would do; the copy is written only after «да»."""
        source = self.dialogs.staff_list(self.workbook)
        if source:
            self.start(staff_list.preview, source)

    def _confirm_staff(self, pending: staff_list.StaffPending, summary: str) -> None:
        if self.dialogs.confirm_staff(pending, summary):
            self.start(staff_list.write, pending)
        else:
            text = "Загрузка штатного списка отменена: ничего не записано."
            self.status.configure(text=text, foreground="")
            self._write_log(text)

    def _confirm_collect(self, pending: tasks.Pending, summary: str) -> None:
        if self.dialogs.confirm_collect(pending.lines, summary):
            self.start(questionnaires.write, pending)
        else:
            text = "Сбор анкет отменён: ничего не записано."
            self.status.configure(text=text, foreground="")
            self._write_log(text)

    def cancel(self) -> None:
        self.runner.cancel()
        self.status.configure(text="Отменяю: работа остановится после текущего шага или документа…")

    def open_results(self) -> None:
        if self.results:
            self.dialogs.open(self.results)

    def open_marked(self) -> None:
        if self.marked and self.marked.is_file():
            self.dialogs.open(self.marked)

    def close(self) -> None:
        self.runner.cancel()
        self.runner.join(5)
        self.root.after_cancel(self._after)
        self.root.destroy()

    # messages from the worker ------------------------------------------------------------------------------
    def _poll(self) -> None:
        for kind, payload in self.runner.drain():
            if kind == "say":
                self._write_log(payload)
                if not self.staged:  # «Всё сразу» says where it is with its stages; its lines go to the log
                    self.status.configure(text=in_window(payload))
            elif kind == "progress":
                done, total = payload
                self.bar.stop()
                self.bar.configure(mode="determinate", maximum=max(total, 1), value=done)
            elif kind == "stage":
                self._stage(payload)
            elif kind == "done":
                self._done(payload)
            elif kind == "failed":
                self._fail(*payload)
            elif kind == "cancelled":
                self._busy(False)
                self._stop_bar(0)
                text = "Отменено. Незаконченные результаты удалены; книга не изменена."
                if payload:
                    from nastavnik.ui.pipeline import INCOMPLETE_NOTE

                    self.results = payload
                    self.open_button.configure(state="normal")
                    text = (f"Отменено. То, что успело появиться, лежит в папке «{payload.name}» с пометкой "
                            f"«{INCOMPLETE_NOTE}»: пользоваться этими файлами нельзя. Книга не изменена.")
                self.status.configure(text=text, foreground="#8a5a00")
                self._write_log(text)
        try:
            self._after = self.root.after(POLL_MS, self._poll)
        except tk.TclError:  # the window is closed
            pass

    def _stage(self, stage) -> None:
        """«Всё сразу»: the bar shows the whole run, the status line the step and, in a long step, the count."""
        self.staged = True
        self.bar.stop()
        self.bar.configure(mode="determinate", maximum=BAR_STEPS, value=round(stage.fraction * BAR_STEPS))
        text = f"Шаг {stage.number} из {stage.steps}: {stage.title.lower()}"
        if stage.total:
            text += f" — {stage.done} из {stage.total}"
        self.status.configure(text=text + "…", foreground="")

    def _done(self, outcome: tasks.Outcome) -> None:
        self.last = outcome
        if outcome.pending is not None:  # the answers are read: the curator decides before anything is written
            self._busy(False)
            self._stop_bar(0)
            self.status.configure(text=outcome.summary, foreground="")
            self._write_log(outcome.summary)
            if isinstance(outcome.pending, staff_list.StaffPending):
                self._confirm_staff(outcome.pending, outcome.summary)
            else:
                self._confirm_collect(outcome.pending, outcome.summary)
            return
        self._busy(False)
        self._stop_bar(1)
        self.results, self.marked = outcome.folder, outcome.marked
        self.problems.show(outcome.problems)
        colour = "#1e6b2a" if outcome.exit_code == 0 else "#a4161a"
        self.status.configure(text=in_window(outcome.summary), foreground=colour)
        self._write_log(outcome.summary)
        if outcome.folder:
            self._write_log(f"Папка результатов: {outcome.folder}")
        self.open_button.configure(state="normal" if self.results else "disabled")
        if outcome.switch_to is not None:
            self._offer_switch(outcome)

    def _offer_switch(self, outcome: tasks.Outcome) -> None:
        """The collected copy or next year's book is the book to use now: say so and offer to switch to it."""
        path = outcome.switch_to
        answer = self.dialogs.switch_book(path, f"Теперь ваша рабочая книга — «{path.name}»: дальше работайте в "
                                                "ней, прежнюю оставьте как есть. Перейти на новую книгу?")
        if not answer:
            self._write_log(f"Окно по-прежнему работает с книгой «{self.workbook.name if self.workbook else ''}»; "
                            f"новая книга: {path}")
            return
        results, marked = self.results, self.marked
        self.workbook = path
        settings.remember_workbook(path)
        self._show_workbook()
        self.results, self.marked = results, marked  # the result just made stays: it is the new book's
        self.open_button.configure(state="normal" if self.results else "disabled")
        self._write_log(f"Рабочая книга теперь — «{path.name}».")
        if answer == "open":
            self.dialogs.open(path)

    def _fail(self, code: int, text: str, detail: str) -> None:
        self.failure = (code, text)
        self._busy(False)
        self._stop_bar(0)
        self.status.configure(text=in_window(text), foreground="#a4161a")
        self._write_log(text)
        if detail:
            self._write_log(detail)

    def _busy(self, busy: bool) -> None:
        for button in (*self.buttons.values(), self.choose, self.demo):
            button.configure(state="disabled" if busy else "normal")
        self.cancel_button.configure(state="normal" if busy else "disabled")
        if busy:
            self.open_button.configure(state="disabled")

    def _stop_bar(self, value: float) -> None:
        self.bar.stop()
        self.bar.configure(mode="determinate", maximum=1, value=value)

    def _write_log(self, text: str, clear: bool = False) -> None:
        self.log.configure(state="normal")
        if clear:
            self.log.delete("1.0", "end")
        if text:
            self.log.insert("end", in_window(text) + "\n")
            self.log.see("end")
        self.log.configure(state="disabled")


def open_window(workbook: Path | None = None) -> None:
    root = tk.Tk()
    App(root, workbook)
    root.mainloop()
