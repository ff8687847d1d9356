"""The list of problems: one row per problem with its sheet, cell and column, errors first.

A double-click opens the workbook's marked-up copy, where the same cells are
highlighted and commented: the list says where, the copy shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from tkinter import ttk

from nastavnik.base.problems import ERROR

from .words import in_window

COLUMNS = (("severity", "Важность", 150), ("sheet", "Лист", 150), ("cell", "Ячейка", 70),
           ("column", "Столбец", 170), ("message", "Что не так", 500))


class ProblemList(ttk.Frame):
    def __init__(self, master, on_open: Callable[[], None]):
        super().__init__(master)
        self.tree = ttk.Treeview(self, columns=[c[0] for c in COLUMNS], show="headings", height=10)
        for key, title, width in COLUMNS:
            self.tree.heading(key, text=title, anchor="w")
            self.tree.column(key, width=width, stretch=key == "message", anchor="w")
        self.tree.tag_configure("ошибка", background="#f8d7da")
        self.tree.tag_configure("предупреждение", background="#fff3cd")
        bar = ttk.Scrollbar(self, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=bar.set)
        self.detail = ttk.Label(self, text="", anchor="w", justify="left", wraplength=940)
        self.tree.grid(row=0, column=0, sticky="nsew")
        bar.grid(row=0, column=1, sticky="ns")
        self.detail.grid(row=1, column=0, columnspan=2, sticky="ew", pady=(4, 0))
        self.rowconfigure(0, weight=1)
        self.columnconfigure(0, weight=1)
        self.tree.bind("<Double-1>", lambda event: on_open())
        self.tree.bind("<Return>", lambda event: on_open())
        self.tree.bind("<<TreeviewSelect>>", lambda event: self._describe())

    def _describe(self) -> None:
        """The whole message of the selected row: the column is too narrow for long ones."""
        chosen = self.tree.selection()
        if not chosen:
            self.detail.configure(text="")
            return
        severity, sheet, place, column, message = self.tree.item(chosen[0], "values")
        where = ", ".join(x for x in (f"лист «{sheet}»", place and f"ячейка {place}", column and f"столбец «{column}»")
                          if x)
        self.detail.configure(text=f"{severity.capitalize()} ({where}): {message}")

    def show(self, problems: list) -> None:
        self.clear()
        for p in sorted(problems, key=lambda p: p.severity != ERROR):  # errors first, then the given order
            place = p.cell or (f"стр. {p.row}" if p.row else "")
            self.tree.insert("", "end", values=(p.severity, p.sheet or "книга в целом", place, p.column or "",
                                                in_window(p.message)), tags=(p.severity,))

    def clear(self) -> None:
        self.tree.delete(*self.tree.get_children())
        self.detail.configure(text="")

    def rows(self) -> list[tuple]:
        """What the curator sees, row by row (for tests and for copying)."""
        return [tuple(self.tree.item(i, "values")) for i in self.tree.get_children()]
