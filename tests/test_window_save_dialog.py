"""«Новая книга» asks where to save in the window's own Russian chooser (issue 27, point 8): Tk's own save dialog
says «File name», «Save», «Cancel» on Linux. The folder is chosen in the list, the name typed below it; a taken
name is refused with a Russian line, a name without «.xlsx» gets it."""

# ruff: noqa: F811 - the fixtures of test_window are imported by name and taken as arguments

from __future__ import annotations

import gc
import re

import pytest

tk = pytest.importorskip("tkinter")

from nastavnik.workbook import orgtypes

from .test_window import display, tk_root, window  # noqa: F401 - fixtures
from .window_util import screenshot

LATIN = re.compile(r"[A-Za-z]{2,}")


def texts(widget) -> list[str]:
    """Every word the dialog shows: its title, its labels and buttons, the headings of its list."""
    found = []
    for child in widget.winfo_children():
        if child.winfo_class() in ("TLabel", "TButton", "TCheckbutton", "TRadiobutton"):
            found.append(str(child.cget("text")))
        if child.winfo_class() == "Treeview":
            found += [child.heading(c, "text") for c in ("#0", *child.cget("columns"))]
        found += texts(child)
    return found


@pytest.fixture
def master(tk_root):
    window_ = tk.Toplevel(tk_root)
    yield window_
    window_.destroy()
    del window_
    gc.collect()  # the dialog's Tk variables are freed in Tk's thread, not by a later task's thread


def test_the_save_chooser_speaks_russian_and_offers_the_types_name(master, tmp_path):
    from nastavnik.ui.window.dialogs import save_book_dialog

    (tmp_path / "Документы").mkdir()
    (tmp_path / "наставничество_колледж.xlsx").write_bytes(b"x")
    dialog = save_book_dialog(master, orgtypes.COLLEGE, tmp_path)
    dialog.update()
    words = [dialog.title(), *texts(dialog)]
    assert "Имя файла:" in words and dialog.ok.cget("text") == "Сохранить" and dialog.cancel.cget("text") == "Отмена"
    assert not [w for w in words if LATIN.search(w)], words
    assert dialog.name.get() == "наставничество_колледж.xlsx"
    assert dialog.entries() == [("Документы", "папка"), ("наставничество_колледж.xlsx", "подходит")]
    dialog._ok()  # the offered name is taken in this folder: refused, in Russian
    assert dialog.winfo_exists() and dialog.result is None
    assert "уже есть и не будет перезаписан" in dialog.warning.cget("text")
    screenshot(dialog, "window_save_1_taken_name", tmp_path)
    dialog.name.set("книга 2027")
    dialog._ok()
    assert dialog.result == (tmp_path / "книга 2027.xlsx", False)


def test_new_book_asks_where_in_the_russian_chooser(window, monkeypatch, tmp_path):
    from nastavnik.ui.window import dialogs

    class Chosen:
        def ask(self):
            return ("kindergarten", "")

    monkeypatch.setattr(dialogs, "org_type_dialog", lambda master: Chosen())
    app, _ = window()
    seen = []

    def answer():
        (chooser,) = [w for w in app.root.winfo_children() if isinstance(w, dialogs.BrowseDialog)]
        seen.append(chooser.title())
        chooser.go(tmp_path)
        chooser.name.set("сад")
        chooser.ok.invoke()

    app.root.after(300, answer)
    path, org_type, _name = dialogs.Dialogs(app.root).new_workbook(tmp_path / "старая.xlsx")
    assert seen == ["Где сохранить новую рабочую книгу"]
    assert path == tmp_path / "сад.xlsx" and org_type is orgtypes.KINDERGARTEN
