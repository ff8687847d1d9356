"""The questions the window asks a person: files and folders, the type of a new book, the kind of
questionnaire, and whether to collect the previewed answers.

They come through ``Dialogs`` so that tests (under Xvfb) can answer them without a person; the dialogs of
our own (``ChoiceDialog``, ``PreviewDialog``) are plain Toplevels that a test can also build, look at and
press.
"""

from __future__ import annotations

import tkinter as tk
from pathlib import Path
from tkinter import ttk

from .words import in_window

TITLE = "Наставничество"
BOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
ANSWER_SUFFIXES = (".xlsx", ".csv")
UPDATE_OPTION = ("Обновлять сведения о людях, которые уже есть в книге",
                 ("Ответ анкеты заменит значение, которое вы уже внесли в книгу. "
                  "Без отметки такие ответы показываются как конфликт, а ваше значение остаётся."))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class ChoiceDialog(tk.Toplevel):
    """One choice among a few, each with a line saying what it means; optionally a line of text to fill.

    Nothing is chosen at first and «OK» waits until something is: a default type of organisation would give
    a school a centre's lists without anybody noticing. ``result`` is (value, text) after «OK», else None.
    """

    def __init__(self, master, title: str, question: str, choices: list[tuple[str, str, str]], ok: str,
                 field: str | None = None):
        super().__init__(master)
        self.title(title)
        self.transient(master)
        self.resizable(False, False)
        self.result: tuple[str, str] | None = None
        self.choice = tk.StringVar(self, value="")
        self.text = tk.StringVar(self, value="")
        body = ttk.Frame(self, padding=14)
        body.pack(fill="both", expand=True)
        ttk.Label(body, text=question, wraplength=560, justify="left").pack(anchor="w", pady=(0, 8))
        self.options: dict[str, ttk.Radiobutton] = {}
        for value, label, note in choices:
            button = ttk.Radiobutton(body, text=label, value=value, variable=self.choice, command=self._changed)
            button.pack(anchor="w", pady=(4, 0))
            ttk.Label(body, text=note, foreground="#555", wraplength=540, justify="left").pack(anchor="w",
                                                                                             padx=(24, 0))
            self.options[value] = button
        self.entry = None
        if field:
            ttk.Label(body, text=field, wraplength=560, justify="left").pack(anchor="w", pady=(12, 2))
            self.entry = ttk.Entry(body, textvariable=self.text, width=70)
            self.entry.pack(fill="x")
        buttons = ttk.Frame(body)
        buttons.pack(fill="x", pady=(14, 0))
        self.cancel = ttk.Button(buttons, text="Отмена", command=self.destroy)
        self.cancel.pack(side="right")
        self.ok = ttk.Button(buttons, text=ok, command=self._ok, state="disabled")
        self.ok.pack(side="right", padx=(0, 6))
        self.hint = ttk.Label(buttons, text="Выберите один из вариантов.", foreground="#8a5a00")
        self.hint.pack(side="left")
        self.bind("<Escape>", lambda event: self.destroy())

    def _changed(self) -> None:
        chosen = bool(self.choice.get())
        self.ok.configure(state="normal" if chosen else "disabled")
        self.hint.configure(text="" if chosen else "Выберите один из вариантов.")

    def _ok(self) -> None:
        if self.choice.get():
            self.result = (self.choice.get(), self.text.get().strip())
            self.destroy()

    def ask(self) -> tuple[str, str] | None:
        """Wait for the person (modal) and return the answer."""
        self.grab_set()
        self.wait_window(self)
        return self.result


def org_type_dialog(master) -> ChoiceDialog:
    """«Новая книга»: which kind of educational organisation the book is for, and its full name."""
    from nastavnik.workbook import orgtypes

    choices = [(t.key, _capital(t.title),
                f"В книге: {t.profile.lower()}, {t.level.lower()}; должности — {', '.join(t.positions[:3])} и другие.")
               for t in orgtypes.TYPES]
    return ChoiceDialog(master, "Новая рабочая книга",
                        "Для какой организации книга? От типа зависят списки банков (предметы, образовательные "
                        "области, циклы дисциплин или направленности), должности и слова подсказок. Свои значения "
                        "списков потом можно добавить на листе «Справочники».",
                        choices, ok="Далее…", field="Полное наименование организации, как в уставе (можно вписать "
                                                  "потом на листе «Организация»):")


def forms_kind_dialog(master) -> ChoiceDialog:
    """«Анкеты»: which questionnaires to make."""
    from .questionnaires import KINDS

    return ChoiceDialog(master, "Анкеты", "Какие анкеты подготовить? Каждая — файл .xlsx для заполнения и .docx "
                                          "для печати; к ним — вопросы для онлайн-формы.",
                        [(kind, label, note) for kind, label, note in KINDS], ok="Сделать анкеты")


PREVIEW_COLUMNS = (("status", "Итог", 165), ("code", "Код", 65), ("where", "Откуда", 240),
                   ("what", "Подробно (выберите строку, чтобы прочитать целиком)", 500))


class PreviewDialog(tk.Toplevel):
    """What collecting the answers would do, line by line, before anything is written; ``result`` is True
    when the curator says «Собрать в копию книги»."""

    def __init__(self, master, lines: list, summary: str):
        super().__init__(master)
        self.title("Собрать анкеты")
        self.transient(master)
        self.geometry("980x520")
        self.result = False
        body = ttk.Frame(self, padding=12)
        body.pack(fill="both", expand=True)
        ttk.Label(body, text=in_window(summary), wraplength=940, justify="left").pack(anchor="w")
        from .questionnaires import accepts

        something = accepts(lines)
        note = ("Ваша книга не изменится: ответы будут записаны в её новую копию в папке результатов, вместе с "
                "отчётом о сборе." if something else
                "Принимать нечего: копия книги не будет создана. Можно сохранить отчёт о сборе, чтобы видеть, "
                "какие анкеты и почему не приняты.")
        self.note = ttk.Label(body, text=note, foreground="#555" if something else "#8a5a00", wraplength=940,
                              justify="left")
        self.note.pack(anchor="w", pady=(4, 8))
        table = ttk.Frame(body)
        table.pack(fill="both", expand=True)
        self.tree = ttk.Treeview(table, columns=[c[0] for c in PREVIEW_COLUMNS], show="headings", height=14)
        for key, title, width in PREVIEW_COLUMNS:
            self.tree.heading(key, text=title, anchor="w")
            self.tree.column(key, width=width, stretch=key == "what", anchor="w")
        bar = ttk.Scrollbar(table, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=bar.set)
        self.tree.pack(side="left", fill="both", expand=True)
        bar.pack(side="left", fill="y")
        for tag, colour in (("отклонён", "#f8d7da"), ("конфликт", "#fff3cd"), ("добавлен", "#e2f0d9"),
                            ("обновлён", "#ddebf7")):
            self.tree.tag_configure(tag, background=colour)
        for line in lines:
            what = line.reason
            if line.field and line.old is not None:
                what = f"{line.field}: {line.old} → {line.new}. {line.reason}"
            self.tree.insert("", "end", values=(line.status, line.code or "", line.where(), in_window(what)),
                             tags=(line.status,))
        self.detail = ttk.Label(body, text="", wraplength=940, justify="left")
        self.detail.pack(fill="x", pady=(6, 0))
        self.tree.bind("<<TreeviewSelect>>", lambda event: self._describe())
        buttons = ttk.Frame(body)
        buttons.pack(fill="x", pady=(10, 0))
        self.cancel = ttk.Button(buttons, text="Отмена", command=self.destroy)
        self.cancel.pack(side="right")
        self.ok = ttk.Button(buttons, text="Собрать в копию книги" if something else "Сохранить только отчёт",
                             command=self._ok)
        self.ok.pack(side="right", padx=(0, 6))
        self.bind("<Escape>", lambda event: self.destroy())

    def _describe(self) -> None:
        """The whole line of the chosen answer: the column is too narrow for the long reasons."""
        chosen = self.tree.selection()
        status, code, where, what = self.tree.item(chosen[0], "values") if chosen else ("", "", "", "")
        self.detail.configure(text=f"{status.capitalize()}{f' ({code})' if code else ''}, {where}: {what}"
                              if chosen else "")

    def _ok(self) -> None:
        self.result = True
        self.destroy()

    def rows(self) -> list[tuple]:
        return [tuple(self.tree.item(i, "values")) for i in self.tree.get_children()]

    def ask(self) -> bool:
        self.grab_set()
        self.wait_window(self)
        return self.result


STAFF_COLUMNS = (("status", "Итог", 130), ("row", "Строка списка", 130),
                 ("what", "Почему (выберите строку, чтобы прочитать целиком)", 660))
STAFF_SUFFIXES = (".xlsx", ".csv")


class StaffPreviewDialog(tk.Toplevel):
    """«Штатный список»: what importing the HR export would do, row by row of the list, before anything is
    written; ``result`` is True when the curator says «Записать в копию книги»."""

    def __init__(self, master, plan, summary: str):
        from nastavnik.workbook.schema import STAFF

        from .staff_list import header_lines, rows

        super().__init__(master)
        self.title("Штатный список")
        self.transient(master)
        self.geometry("980x540")
        self.result = False
        body = ttk.Frame(self, padding=12)
        body.pack(fill="both", expand=True)
        ttk.Label(body, text=summary, wraplength=940, justify="left").pack(anchor="w")
        self.head = ttk.Label(body, text="\n".join(header_lines(plan)), foreground="#555", wraplength=940,
                              justify="left")
        self.head.pack(anchor="w", pady=(4, 0))
        something = bool(plan.changes)
        note = (f"Ваша книга не изменится: список будет записан в лист «{STAFF.title}» её новой копии в "
                "папке результатов." if something else
                "Записывать нечего: все, кого список принимает, уже есть в книге с теми же сведениями.")
        self.note = ttk.Label(body, text=note, foreground="#555" if something else "#8a5a00", wraplength=940,
                              justify="left")
        self.note.pack(anchor="w", pady=(4, 8))
        table = ttk.Frame(body)
        table.pack(fill="both", expand=True)
        self.tree = ttk.Treeview(table, columns=[c[0] for c in STAFF_COLUMNS], show="headings", height=12)
        for key, title, width in STAFF_COLUMNS:
            self.tree.heading(key, text=title, anchor="w")
            self.tree.column(key, width=width, stretch=key == "what", anchor="w")
        bar = ttk.Scrollbar(table, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=bar.set)
        self.tree.pack(side="left", fill="both", expand=True)
        bar.pack(side="left", fill="y")
        for tag, colour in (("не принят", "#f8d7da"), ("добавлен", "#e2f0d9"), ("обновлён", "#ddebf7")):
            self.tree.tag_configure(tag, background=colour)
        for status, row, why in rows(plan):
            self.tree.insert("", "end", values=(status, row, why), tags=(status,))
        self.detail = ttk.Label(body, text="", wraplength=940, justify="left")
        self.detail.pack(fill="x", pady=(6, 0))
        self.tree.bind("<<TreeviewSelect>>", lambda event: self._describe())
        buttons = ttk.Frame(body)
        buttons.pack(fill="x", pady=(10, 0))
        self.cancel = ttk.Button(buttons, text="Отмена", command=self.destroy)
        self.cancel.pack(side="right")
        self.ok = ttk.Button(buttons, text="Записать в копию книги", command=self._ok,
                             state="normal" if something else "disabled")
        self.ok.pack(side="right", padx=(0, 6))
        self.bind("<Escape>", lambda event: self.destroy())

    def _describe(self) -> None:
        chosen = self.tree.selection()
        status, row, why = self.tree.item(chosen[0], "values") if chosen else ("", "", "")
        self.detail.configure(text=f"Строка {row} списка: {status}{f' — {why}' if why else ''}" if chosen else "")

    def _ok(self) -> None:
        self.result = True
        self.destroy()

    def rows(self) -> list[tuple]:
        return [tuple(self.tree.item(i, "values")) for i in self.tree.get_children()]

    def ask(self) -> bool:
        self.grab_set()
        self.wait_window(self)
        return self.result


def _asked(dialog):
    """The dialog's answer; the dialog is freed here, in Tk's thread: a Tk variable collected later by a task's
    thread raises «main thread is not in main loop»."""
    import gc

    answer = dialog.ask()
    del dialog
    gc.collect()
    return answer


class Dialogs:
    """The questions the window asks a person; tests replace them."""

    def __init__(self, root: tk.Misc):
        self.root = root

    def workbook(self, start: Path | None) -> Path | None:
        answer = _asked(BrowseDialog(self.root, "Рабочая книга наставничества", start, mode="file",
                                     suffixes=BOOK_SUFFIXES, what="рабочих книг"))
        return answer[0] if answer else None

    def new_workbook(self, start: Path | None = None):
        """(path, org type, full name) of a new book, or None when the curator changed her mind; the folder
        chooser opens beside ``start`` (the current book)."""
        from nastavnik.workbook import orgtypes

        answer = org_type_dialog(self.root).ask()
        if not answer:
            return None
        org_type = orgtypes.BY_KEY[answer[0]]
        where = _asked(save_book_dialog(self.root, org_type, start))
        return (where[0], org_type, answer[1]) if where else None

    def folder(self, start: Path | None = None) -> Path | None:
        answer = _asked(BrowseDialog(self.root, "Папка с книгами организаций района", start,
                                     suffixes=BOOK_SUFFIXES, what="рабочих книг"))
        return answer[0] if answer else None

    def forms_kind(self) -> str | None:
        answer = forms_kind_dialog(self.root).ask()
        return answer[0] if answer else None

    def answers_folder(self, start: Path | None = None) -> tuple[Path, bool] | None:
        """(folder, update) — ``update`` is ``collect --update``: answers replace what the book already says."""
        return _asked(answers_dialog(self.root, start))

    def staff_list(self, start: Path | None = None) -> Path | None:
        """«Штатный список»: the HR program's export of the staff (.xlsx or .csv)."""
        answer = _asked(BrowseDialog(self.root, "Штатный список из кадровой программы (.xlsx или .csv)", start,
                                     mode="file", suffixes=STAFF_SUFFIXES, what="таблиц .xlsx и .csv"))
        return answer[0] if answer else None

    def confirm_staff(self, pending, summary: str) -> bool:
        return _asked(StaffPreviewDialog(self.root, pending.plan, summary))

    def switch_book(self, path: Path, text: str) -> str | None:
        return _asked(SwitchDialog(self.root, path, text))

    def confirm_collect(self, lines: list, summary: str) -> bool:
        return PreviewDialog(self.root, lines, summary).ask()

    def open(self, path: Path) -> None:
        from .system import open_path

        open_path(path)


def _visible(folder: Path) -> tuple[list[Path], list[Path]]:
    """The folder's subfolders and files, hidden ones («.config», «~$книга.xlsx») left out, sorted by name."""
    folders, files = [], []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name.lower())
    except OSError:
        return [], []
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        try:
            (folders if entry.is_dir() else files).append(entry)
        except OSError:
            continue
    return folders, files


class BrowseDialog(tk.Toplevel):
    """Choose a folder (or a file) in Russian, seeing the files: Tk's own folder chooser shows no files and an
    English «Selection:».

    Folders first, then the files; the files that fit (``suffixes``) in black, the others grey. A
    double-click on a folder goes into it, «Вверх» goes up. In ``folder`` mode «Выбрать эту папку» takes the
    folder shown; in ``file`` mode a double-click on a fitting file (or «Открыть») takes it; in ``save`` mode
    (Tk's own save dialog speaks English on Linux) a field «Имя файла» under the list, filled with ``name``,
    and «Сохранить» take the folder shown and that name (``suffixes[0]`` added when the name has no fitting
    ending; a file already there is refused with a line saying so). ``option`` is an optional tick box under
    the list ((label, note)); ``result`` is (path, ticked) or None.
    """

    def __init__(self, master, title: str, start: Path | None, mode: str = "folder",
                 suffixes: tuple[str, ...] = (), what: str = "файлов", option: tuple[str, str] | None = None,
                 name: str = ""):
        super().__init__(master)
        self.title(title)
        self.transient(master)
        self.geometry("760x520")
        self.mode, self.suffixes, self.what = mode, tuple(s.lower() for s in suffixes), what
        self.result: tuple[Path, bool] | None = None
        self.here = _start_folder(start)
        body = ttk.Frame(self, padding=12)
        body.pack(fill="both", expand=True)
        top = ttk.Frame(body)
        top.pack(fill="x")
        ttk.Label(top, text="Папка:").pack(side="left")
        self.path = tk.StringVar(self, value=str(self.here))
        self.entry = ttk.Entry(top, textvariable=self.path)
        self.entry.pack(side="left", fill="x", expand=True, padx=6)
        self.entry.bind("<Return>", lambda event: self.go(Path(self.path.get()).expanduser()))
        self.up = ttk.Button(top, text="Вверх", command=lambda: self.go(self.here.parent))
        self.up.pack(side="left")
        ttk.Button(top, text="Домой", command=lambda: self.go(Path.home())).pack(side="left", padx=(6, 0))
        table = ttk.Frame(body)
        table.pack(fill="both", expand=True, pady=(8, 0))
        self.tree = ttk.Treeview(table, columns=("kind",), show="tree headings", height=14, selectmode="browse")
        self.tree.heading("#0", text="Имя", anchor="w")
        self.tree.heading("kind", text="Что это", anchor="w")
        self.tree.column("#0", width=520, stretch=True)
        self.tree.column("kind", width=160, stretch=False)
        self.tree.tag_configure("other", foreground="#888")
        self.tree.tag_configure("fits", foreground="#000")
        bar = ttk.Scrollbar(table, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=bar.set)
        self.tree.pack(side="left", fill="both", expand=True)
        bar.pack(side="left", fill="y")
        self.tree.bind("<Double-1>", lambda event: self._enter())
        self.tree.bind("<Return>", lambda event: self._enter())
        self.count = ttk.Label(body, text="", foreground="#555")
        self.count.pack(anchor="w", pady=(6, 0))
        self.name = tk.StringVar(self, value=name)
        self.name_entry = None
        if mode == "save":
            line = ttk.Frame(body)
            line.pack(fill="x", pady=(8, 0))
            ttk.Label(line, text="Имя файла:").pack(side="left")
            self.name_entry = ttk.Entry(line, textvariable=self.name)
            self.name_entry.pack(side="left", fill="x", expand=True, padx=(6, 0))
            self.name_entry.bind("<Return>", lambda event: self._ok())
        self.warning = ttk.Label(body, text="", foreground="#a4161a", wraplength=700, justify="left")
        self.warning.pack(anchor="w")
        self.ticked = tk.BooleanVar(self, value=False)
        if option:
            ttk.Checkbutton(body, text=option[0], variable=self.ticked).pack(anchor="w", pady=(6, 0))
            ttk.Label(body, text=option[1], foreground="#555", wraplength=700, justify="left").pack(
                anchor="w", padx=(24, 0))
        buttons = ttk.Frame(body)
        buttons.pack(fill="x", pady=(10, 0))
        self.cancel = ttk.Button(buttons, text="Отмена", command=self.destroy)
        self.cancel.pack(side="right")
        self.ok = ttk.Button(buttons, text={"folder": "Выбрать эту папку", "save": "Сохранить"}.get(mode, "Открыть"),
                             command=self._ok)
        self.ok.pack(side="right", padx=(0, 6))
        self.bind("<Escape>", lambda event: self.destroy())
        self.go(self.here)

    def _fits(self, path: Path) -> bool:
        return not self.suffixes or path.suffix.lower() in self.suffixes

    def go(self, folder: Path) -> None:
        if not folder.is_dir():
            self.path.set(str(self.here))
            return
        self.here = folder
        self.path.set(str(folder))
        self.tree.delete(*self.tree.get_children())
        folders, files = _visible(folder)
        for sub in folders:
            self.tree.insert("", "end", iid=str(sub), text=sub.name, values=("папка",))
        fitting = 0
        for f in files:
            fits = self._fits(f)
            fitting += fits
            self.tree.insert("", "end", iid=str(f), text=f.name, values=("подходит" if fits else "файл",),
                             tags=("fits" if fits else "other",))
        from nastavnik.base.morph import agree

        self.count.configure(text=f"В этой папке: {agree(len(folders), 'папка')}, {agree(len(files), 'файл')}"
                                  + (f", из них {self.what}: {fitting}" if self.suffixes else "") + ".")

    def entries(self) -> list[tuple[str, str]]:
        """What the list shows, (name, kind) row by row (for tests)."""
        return [(self.tree.item(i, "text"), self.tree.set(i, "kind")) for i in self.tree.get_children()]

    def _chosen(self) -> Path | None:
        chosen = self.tree.selection()
        return Path(chosen[0]) if chosen else None

    def _enter(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        if chosen.is_dir():
            self.go(chosen)
        elif self.mode == "file" and self._fits(chosen):
            self._take(chosen)
        elif self.mode == "save" and self._fits(chosen):
            self.name.set(chosen.name)

    def _ok(self) -> None:
        chosen = self._chosen()
        if self.mode == "save":
            self._save()
        elif self.mode == "folder":
            self._take(self.here)
        elif chosen is not None and chosen.is_file() and self._fits(chosen):
            self._take(chosen)
        elif chosen is not None and chosen.is_dir():
            self.go(chosen)

    def _save(self) -> None:
        """«Сохранить»: the folder shown and the name typed; a missing ending is added, a taken name refused."""
        name = self.name.get().strip()
        if not name or name in (".", "..") or "/" in name or "\\" in name:
            self.warning.configure(text="Впишите имя файла (без папки): папку выберите в списке выше.")
            return
        if self.suffixes and Path(name).suffix.lower() not in self.suffixes:
            name += self.suffixes[0]
        path = self.here / name
        if path.exists():
            self.warning.configure(text=f"Файл «{name}» в этой папке уже есть и не будет перезаписан: впишите "
                                        "другое имя.")
            return
        self._take(path)

    def _take(self, path: Path) -> None:
        self.result = (path, self.ticked.get())
        self.destroy()

    def ask(self) -> tuple[Path, bool] | None:
        self.grab_set()
        self.wait_window(self)
        return self.result


def _start_folder(start: Path | None) -> Path:
    for candidate in (start, Path.home()):
        if candidate is not None:
            folder = candidate if candidate.is_dir() else candidate.parent
            if folder.is_dir():
                return folder
    return Path.cwd()


class SwitchDialog(tk.Toplevel):
    """After «Собрать анкеты» or «Новый учебный год»: the new book is the one to work in; switch to it, and
    open it if she wants. ``result`` is "switch", "open" or None (stay with the old book)."""

    def __init__(self, master, path: Path, text: str):
        super().__init__(master)
        self.title("Новая рабочая книга")
        self.transient(master)
        self.resizable(False, False)
        self.result: str | None = None
        body = ttk.Frame(self, padding=14)
        body.pack(fill="both", expand=True)
        ttk.Label(body, text=text, wraplength=560, justify="left").pack(anchor="w")
        ttk.Label(body, text=f"Файл: {path}", foreground="#1a4d8f", wraplength=560, justify="left").pack(
            anchor="w", pady=(8, 0))
        buttons = ttk.Frame(body)
        buttons.pack(fill="x", pady=(14, 0))
        self.stay = ttk.Button(buttons, text="Оставить прежнюю", command=self.destroy)
        self.stay.pack(side="right")
        self.open = ttk.Button(buttons, text="Работать с ней и открыть", command=lambda: self._answer("open"))
        self.open.pack(side="right", padx=(0, 6))
        self.switch = ttk.Button(buttons, text="Работать с ней", command=lambda: self._answer("switch"))
        self.switch.pack(side="right", padx=(0, 6))
        self.bind("<Escape>", lambda event: self.destroy())

    def _answer(self, what: str) -> None:
        self.result = what
        self.destroy()

    def ask(self) -> str | None:
        self.grab_set()
        self.wait_window(self)
        return self.result


def save_book_dialog(master, org_type, start: Path | None = None) -> BrowseDialog:
    """«Новая книга»: the folder and the file name of the blank book, in Russian."""
    return BrowseDialog(master, "Где сохранить новую рабочую книгу", start, mode="save", suffixes=(".xlsx",),
                        what="рабочих книг", name=f"наставничество_{org_type.word}.xlsx")


def answers_dialog(master, start: Path | None = None) -> BrowseDialog:
    """«Собрать анкеты»: the folder of filled questionnaires and form exports, and whether to update people."""
    return BrowseDialog(master, "Папка с заполненными анкетами и выгрузками форм", start,
                        suffixes=ANSWER_SUFFIXES, what="анкет и выгрузок", option=UPDATE_OPTION)
