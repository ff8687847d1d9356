"""The window through the year without a terminal (issue 27, points 6–9): «Новый учебный год», collecting with
updates and switching to the collected copy, the window's own words, a folder chooser that shows files, a
fresh screen after «Выбрать…», no empty «…_не завершён» folder after a failure."""

# ruff: noqa: F811 - the fixtures of test_window are imported by name and taken as arguments

from __future__ import annotations

import re

import pytest

tk = pytest.importorskip("tkinter")

from nastavnik.forms.lines import CONFLICT, UPDATED
from nastavnik.workbook.reader import read_workbook

from .test_collect import export_rows, write_csv
from .test_window import TODAY, demo_book, display, tk_root, window  # noqa: F401 - fixtures
from .window_util import screenshot, settle

COMMAND = re.compile(r"nastavnik [a-z]|--[a-z]")


def shown(app) -> str:
    """Everything the window shows in words: the status line, the log, the problem table and its detail line."""
    rows = " ".join(" ".join(r) for r in app.problems.rows())
    return " ".join((app.status.cget("text"), app.log.get("1.0", "end"), rows, app.problems.detail.cget("text")))


def test_the_new_year_button_makes_next_years_book_and_offers_to_work_in_it(window, tmp_path):
    book = demo_book(tmp_path / "книги")
    app, answers = window(book)
    answers.switch = "open"
    app.buttons["newyear"].invoke()
    settle(app)
    assert app.failure is None and app.last.exit_code == 0
    (made,) = [p for p in book.parent.glob("*.xlsx") if p != book]
    assert read_workbook(made, today=TODAY).org["period_start"].year == 2027
    (offer,) = answers.switch_offers
    assert offer[0] == made and "Теперь ваша рабочая книга" in offer[1]
    assert app.workbook == made and made.name in app.book_label.cget("text") and answers.opened == [made]
    screenshot(app, "window_year_1_new_year", tmp_path)


def _known_answer(folder):
    """An online answer for П-009 whose subject differs from what the curator entered."""
    from nastavnik.workbook.samples.demo import demo_data

    known = next(m for m in demo_data(TODAY)[1]["mentees"] if m["code"] == "П-009")
    header, rows = export_rows("запрос", [{"fio": known["fio"], "birth_date": f"{known['birth_date']:%d.%m.%Y}",
                                            "subject": "робототехника; программирование"}])
    folder.mkdir()
    write_csv(folder / "форма.csv", header, rows)
    return folder


@pytest.mark.parametrize("update", [False, True])
def test_collecting_can_update_people_already_in_the_book(window, tmp_path, update):
    book = demo_book(tmp_path / "книга")
    app, answers = window(book)
    answers.next_answers, answers.next_update = _known_answer(tmp_path / "ответы"), update
    answers.switch = "switch"
    app.buttons["collect"].invoke()
    settle(app)
    (lines, _summary), = answers.previewed
    line = next(x for x in lines if x.code == "П-009")
    assert line.status == (UPDATED if update else CONFLICT)
    if update:
        settle(app)
        copy = next(app.last.folder.glob("* — с ответами анкет.xlsx"))
        subjects = read_workbook(copy, today=TODAY).tables["mentees"].set_index("code")["subject"]
        assert subjects["П-009"] == "робототехника; программирование"
        assert "Теперь рабочая книга — эта копия" in app.status.cget("text")
        assert answers.switch_offers[0][0] == copy and app.workbook == copy
        assert copy.name in app.book_label.cget("text")
        screenshot(app, "window_year_2_collected_switched", tmp_path)


def test_the_window_names_its_buttons_where_the_library_names_commands(window, tmp_path):
    from nastavnik.checks.codes import CODES
    from nastavnik.ui.window.words import in_window

    for spec in CODES.values():
        assert not COMMAND.search(in_window(spec.title + " " + spec.action)), spec.action
    app, _ = window(demo_book(tmp_path))
    app.buttons["check"].invoke()
    settle(app)
    tree = app.problems.tree
    waiting = next(i for i in tree.get_children() if "ждёт пару" in tree.item(i, "values")[4])
    tree.selection_set(waiting)
    app.root.update()
    assert "«Подобрать пары»" in app.problems.detail.cget("text")
    assert not COMMAND.search(shown(app))
    screenshot(app, "window_year_3_button_words", tmp_path)


def test_a_foreign_workbook_is_told_to_use_the_new_book_button(window, tmp_path):
    import openpyxl

    foreign = tmp_path / "чужая.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Показатель", "Значение"])
    wb.save(foreign)
    app, _ = window(foreign)
    app.buttons["check"].invoke()
    settle(app)
    assert app.failure is not None and "«Новая книга»" in app.status.cget("text")
    assert not COMMAND.search(shown(app))


def test_the_folder_chooser_shows_the_files_in_russian_without_hidden_ones(tk_root, tmp_path):
    from nastavnik.ui.window.dialogs import BrowseDialog, answers_dialog

    folder = tmp_path / "район"
    (folder / ".config").mkdir(parents=True)
    (folder / "архив").mkdir()
    for name in ("школа 1.xlsx", "центр.xlsx", "~$школа 1.xlsx", "заметки.txt"):
        (folder / name).write_bytes(b"x")
    master = tk.Toplevel(tk_root)  # the window the dialog belongs to (a withdrawn one would hide it)
    dialog = BrowseDialog(master, "Папка с книгами организаций района", folder, suffixes=(".xlsx",),
                          what="рабочих книг")
    dialog.update()
    assert dialog.entries() == [("архив", "папка"), ("заметки.txt", "файл"), ("центр.xlsx", "подходит"),
                                ("школа 1.xlsx", "подходит")]
    assert dialog.count.cget("text") == "В этой папке: 1 папка, 3 файла, из них рабочих книг: 2."
    assert dialog.ok.cget("text") == "Выбрать эту папку" and dialog.cancel.cget("text") == "Отмена"
    screenshot(dialog, "window_year_4_folder_chooser", tmp_path)
    dialog._ok()
    assert dialog.result == (folder, False)
    collect = answers_dialog(master, folder)
    collect.update()
    screenshot(collect, "window_year_5_answers_chooser", tmp_path)
    collect.destroy()
    from nastavnik.ui.window.dialogs import SwitchDialog

    switch = SwitchDialog(master, folder / "школа 1.xlsx", "Теперь ваша рабочая книга — «школа 1.xlsx»: дальше "
                                                           "работайте в ней, прежнюю оставьте как есть. Перейти на "
                                                           "новую книгу?")
    switch.update()
    screenshot(switch, "window_year_7_switch", tmp_path)
    switch.destroy()
    master.destroy()
    del dialog, collect, switch, master
    import gc

    gc.collect()  # the dialogs' Tk variables are freed in Tk's thread, not by a later task's thread


def test_choosing_another_book_clears_the_previous_books_result(window, tmp_path):
    first = demo_book(tmp_path / "первая")
    second = demo_book(tmp_path / "вторая")
    app, answers = window(first)
    app.buttons["check"].invoke()
    settle(app)
    assert app.problems.rows() and "пригодна" in app.status.cget("text")
    answers.next_workbook = second
    app.choose.invoke()
    app.root.update()
    assert app.problems.rows() == [] and "пригодна" not in app.status.cget("text")
    assert "«наставничество.xlsx»" in app.status.cget("text") and str(app.open_button.cget("state")) == "disabled"
    screenshot(app, "window_year_6_chosen_cleared", tmp_path)


def test_a_check_that_cannot_read_the_book_leaves_no_folder_behind(window, tmp_path):
    fake = tmp_path / "битый.xlsx"
    fake.write_bytes(b"not a book")
    app, _ = window(fake)
    app.buttons["check"].invoke()
    settle(app)
    assert app.failure is not None and app.failure[0] == 2
    assert not (tmp_path / "Результаты").exists()
