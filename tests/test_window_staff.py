"""«Штатный список» in the window (issue 30, point 3): the HR export previewed row by row, nothing written on
«Отмена», the register filled in a copy of the book on «Записать в копию книги», and the copy offered as the book
to work in — the curator never types ``nastavnik import-staff``."""

# ruff: noqa: F811 - the fixtures of test_window are imported by name and taken as arguments

from __future__ import annotations

import pytest

tk = pytest.importorskip("tkinter")

from nastavnik.workbook.reader import read_workbook

from .test_staff_import import KEPT, blank_book, digest, write_csv, write_xlsx
from .test_window import TODAY, display, tk_root, window  # noqa: F401 - fixtures
from .window_util import screenshot, settle


def _results(book):
    folder = book.parent / "Результаты"
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.exists() else []


def test_the_staff_list_is_previewed_and_nothing_is_written_on_cancel(window, tmp_path):
    book = blank_book(tmp_path, "школа")
    before = digest(book)
    app, answers = window(book)
    answers.next_staff = write_csv(tmp_path / "список.csv", "cp1251")
    answers.confirm_staff_list = False
    app.buttons["staff"].invoke()
    settle(app)
    (pending, summary), = answers.staff_previewed
    assert summary == "Что будет сделано со штатным списком: добавить — 3, не принять — 5."
    assert app.failure is None and "отменена: ничего не записано" in app.status.cget("text")
    assert digest(book) == before and _results(book) == []
    assert not list(book.parent.glob("* — с педагогическим составом.xlsx"))

    from nastavnik.ui.window.dialogs import StaffPreviewDialog

    master = tk.Toplevel(app.root)
    dialog = StaffPreviewDialog(master, pending.plan, summary)
    dialog.update()
    rows = dialog.rows()
    assert [r[0] for r in rows].count("добавлен") == 3 and [r[0] for r in rows].count("не принят") == 5
    assert ("не принят", "3", "должность «завхоз» не педагогическая") in rows
    assert "«Ф.И.О.» → «ФИО»" in dialog.head.cget("text") and "«Таб. №»" in dialog.head.cget("text")
    assert dialog.ok.cget("text") == "Записать в копию книги" and dialog.cancel.cget("text") == "Отмена"
    assert all("Иванова" not in " ".join(r) for r in rows)  # row numbers, never a person's name (152-ФЗ)
    dialog.tree.selection_set(dialog.tree.get_children()[2])
    dialog.update()
    assert dialog.detail.cget("text").startswith("Строка 4 списка: не принят — не читается дата")
    screenshot(dialog, "window_staff_1_preview", tmp_path)
    dialog.destroy()
    master.destroy()
    del dialog, master
    import gc

    gc.collect()  # the dialog's Tk objects are freed in Tk's thread, not by a later task's thread


def test_yes_writes_the_register_into_a_copy_and_offers_to_work_in_it(window, tmp_path):
    book = blank_book(tmp_path, "детский сад")
    before = digest(book)
    app, answers = window(book)
    answers.next_staff = write_xlsx(tmp_path / "список.xlsx")
    answers.switch = "switch"
    app.buttons["staff"].invoke()
    settle(app)
    settle(app)  # the preview, then the writing of the copy after «да»
    assert len(answers.staff_previewed) == 1 and app.failure is None, app.failure
    copy = next(app.last.folder.glob("* — с педагогическим составом.xlsx"))
    assert app.last.folder.parent == book.parent / "Результаты"
    staff = read_workbook(copy, today=TODAY).tables["staff"]
    assert set(staff["position"]) == KEPT
    assert digest(book) == before
    assert "Штатный список записан в копию книги" in app.status.cget("text")
    (offer,) = answers.switch_offers
    assert offer[0] == copy and app.workbook == copy and copy.name in app.book_label.cget("text")
    screenshot(app, "window_staff_2_written", tmp_path)


def test_without_a_chosen_book_the_window_asks_for_one(window, tmp_path):
    app, answers = window()
    answers.next_staff = write_csv(tmp_path / "список.csv", "utf-8-sig", ",")
    app.buttons["staff"].invoke()
    settle(app)
    assert answers.staff_previewed == [] and "«Выбрать…»" in app.status.cget("text")


def test_a_file_that_is_not_a_staff_list_is_a_russian_sentence(window, tmp_path):
    book = blank_book(tmp_path, "школа")
    bad = tmp_path / "другое.csv"
    bad.write_text("Колонка;Другая\n1;2\n", encoding="utf-8")
    app, answers = window(book)
    answers.next_staff = bad
    app.buttons["staff"].invoke()
    settle(app)
    assert app.failure is not None and app.failure[0] == 2 and "«другое.csv»" in app.status.cget("text")
    assert answers.staff_previewed == [] and _results(book) == []
