"""The curator's window: it opens, its buttons run the library in the background, problems show with their cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

tk = pytest.importorskip("tkinter")
from tkinter import ttk

from nastavnik.workbook.samples.demo import demo_data
from nastavnik.workbook.schema import ORG_FIELDS
from nastavnik.workbook.template import write_workbook

from .window_util import Answers, double_click, screenshot, settle, shared_root, start_display

TODAY = dt.date(2026, 11, 25)
LABELS = ["Проверить книгу", "Подобрать пары", "Сделать документы", "Отчёт мониторинга", "Раздел сайта",
          "Всё сразу", "Анкеты", "Собрать анкеты", "Штатный список",
          "Новая книга", "Новый учебный год", "Напоминания", "Свод по району"]


@pytest.fixture(scope="module")
def display():
    """A screen for the windows: the one there is, or a virtual one kept for the rest of the test process."""
    start_display()


@pytest.fixture(scope="module")
def tk_root(display):
    """The process's one Tk interpreter, as the real program has one: each test opens its window as a Toplevel."""
    return shared_root()


@pytest.fixture
def window(tmp_path, monkeypatch, tk_root):
    from nastavnik.ui.window.app import App

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    made = []

    def build(workbook: Path | None = None):
        answers = Answers()
        app = App(tk.Toplevel(tk_root), workbook, dialogs=answers, today=TODAY)
        app.root.update()
        made.append(app)
        return app, answers

    yield build
    for app in made:
        app.close()


def demo_book(folder: Path, change=None, name: str = "наставничество.xlsx") -> Path:
    org, tables = demo_data(TODAY)
    if change:
        change(org, tables)
    folder.mkdir(parents=True, exist_ok=True)
    write_workbook(folder / name, org, tables)
    return folder / name


def broken(org, tables):
    tables["pairs"][0]["mentor"] = "Н-999"  # a mentor who is not in the bank


def test_window_opens_with_a_button_for_each_task_of_the_year(window, tmp_path):
    app, _ = window()
    assert [b.cget("text") for b in app.buttons.values()] == LABELS
    assert "демонстрационная книга" in app.book_label.cget("text")
    assert str(app.open_button.cget("state")) == "disabled"
    screenshot(app, "window_0_opened", tmp_path)


def test_check_on_the_demo_says_the_workbook_is_usable_and_opens_the_results(window, tmp_path):
    book = demo_book(tmp_path / "папка с книгой")
    app, answers = window(book)
    app.buttons["check"].invoke()
    settle(app)
    screenshot(app, "window_1_check_demo", tmp_path)
    assert app.last.exit_code == 0 and "пригодна для работы" in app.status.cget("text")
    assert app.problems.rows() and all(row[0] == "предупреждение" for row in app.problems.rows())
    app.open_button.invoke()
    assert answers.opened == [app.last.folder]
    assert app.last.folder.parent == book.parent / "Результаты"
    assert (app.last.folder / "проверка.txt").is_file()


def test_a_broken_workbook_lists_its_errors_with_cells_and_opens_the_marked_copy(window, tmp_path):
    book = demo_book(tmp_path, broken)
    before = book.read_bytes()
    app, answers = window(book)
    app.buttons["check"].invoke()
    settle(app)
    screenshot(app, "window_2_broken", tmp_path)
    errors = [row for row in app.problems.rows() if row[0] == "ошибка"]
    assert errors and errors[0][1] == "Пары и группы" and errors[0][2][0].isalpha() and errors[0][2][1:].isdigit()
    assert any("Н-999" in row[4] for row in errors)
    assert app.last.exit_code == 1 and "ошибк" in app.status.cget("text")
    double_click(app.problems.tree, app.problems.tree.get_children()[0])
    screenshot(app, "window_2b_broken_row_chosen", tmp_path)
    assert "Н-999" in app.problems.detail.cget("text")
    assert answers.opened == [app.marked] and app.marked.is_file() and app.marked.name.endswith("проверка.xlsx")
    assert book.read_bytes() == before


def test_everything_at_once_makes_every_output_on_the_demo(window, tmp_path):
    book = demo_book(tmp_path)
    app, answers = window(book)
    app.buttons["all"].invoke()
    assert str(app.buttons["check"].cget("state")) == "disabled"  # one task at a time, the window still answers
    assert str(app.cancel_button.cget("state")) == "normal"
    seen: list[str] = []  # every status line the window wrote (a fast step may pass between two looks)
    real_configure = app.status.configure

    bar_at: dict[str, float] = {}  # and where the bar stood when it was written

    def configure(**options):
        if "text" in options:
            seen.append(options["text"])
            bar_at[options["text"]] = float(app.bar.cget("value")) / float(app.bar.cget("maximum"))
        return real_configure(**options)

    app.status.configure = configure
    while app.runner.busy and not any(" из " in text.partition("документы")[2] for text in seen):
        app.root.update()  # wait for step 4 to count its documents, to show the working state
    screenshot(app, "window_3a_working", tmp_path)
    counting = [text for text in seen if text.startswith("Шаг 4 из 6: документы — ")]
    assert counting and all(3 / 6 <= bar_at[text] <= 4 / 6 + 0.001 for text in counting)
    settle(app)
    screenshot(app, "window_3_everything", tmp_path)
    folder = app.last.folder
    assert app.last.exit_code == 0, app.failure
    assert list((folder / "Документы").rglob("*.docx")) and (folder / "Мониторинг.xlsx").is_file()
    assert (folder / "сайт" / "index.html").is_file() and (folder / "Предложения пар.xlsx").is_file()
    assert str(app.open_button.cget("state")) == "normal"
    app.open_button.invoke()
    assert answers.opened == [folder]


def test_everything_at_once_on_a_broken_workbook_stops_and_lists_the_errors(window, tmp_path):
    app, _ = window(demo_book(tmp_path, broken))
    app.buttons["all"].invoke()
    settle(app)
    assert app.last.exit_code == 1
    assert any(row[0] == "ошибка" and row[1] == "Пары и группы" for row in app.problems.rows())
    assert not (app.last.folder / "Документы").exists() and app.marked.is_file()


def test_cancel_stops_the_work_and_leaves_no_half_made_folder(window, tmp_path):
    book = demo_book(tmp_path)
    app, _ = window(book)
    app.buttons["all"].invoke()
    app.cancel_button.invoke()
    settle(app)
    screenshot(app, "window_4_cancelled", tmp_path)
    assert app.last is None and "Отменено" in app.status.cget("text")
    results = book.parent / "Результаты"
    assert not [p for p in results.iterdir() if p.is_dir() and not p.name.startswith(".")] \
        if results.exists() else True
    assert str(app.buttons["all"].cget("state")) == "normal"


def test_cancel_during_the_documents_keeps_the_folder_marked_as_not_finished(window, tmp_path, monkeypatch):
    import time

    from nastavnik.docs import overlap
    from nastavnik.ui.pipeline import INCOMPLETE_NOTE

    real = overlap.make_documents

    def a_big_books_pace(*args, progress=None, **kwargs):  # the demo's documents take a district's time
        def slowly(n: int = 1) -> None:
            time.sleep(0.2)
            progress(n)

        return real(*args, progress=slowly, **kwargs)

    monkeypatch.setattr(overlap, "make_documents", a_big_books_pace)
    book = demo_book(tmp_path)
    app, answers = window(book)
    app.buttons["all"].invoke()
    while app.runner.busy and "документы — " not in app.status.cget("text"):
        app.root.update()
    assert app.runner.busy
    app.cancel_button.invoke()
    settle(app)
    screenshot(app, "window_4b_cancelled_in_documents", tmp_path)
    # the runs' folders; the service folder beside them («.служебное», the charts kept) is not a run
    folders = [p for p in (book.parent / "Результаты").iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert len(folders) == 1 and (folders[0] / INCOMPLETE_NOTE).is_file()
    assert "Отменено" in app.status.cget("text") and INCOMPLETE_NOTE in app.status.cget("text")
    app.open_button.invoke()
    assert answers.opened == folders


def test_a_tasks_folder_gets_its_final_name_when_the_task_is_done(window, tmp_path):
    from nastavnik.ui.pipeline import INCOMPLETE, LATEST

    book = demo_book(tmp_path)
    app, _ = window(book)
    app.buttons["report"].invoke()
    settle(app)
    folder = app.last.folder
    assert folder.is_dir() and not folder.name.endswith(INCOMPLETE) and len(list(folder.glob("мониторинг_*.xlsx"))) == 1
    assert (folder.parent / LATEST).read_text(encoding="utf-8").strip() == str(folder.resolve())


def test_the_school_demo_is_offered_beside_the_centres(window, tmp_path):
    app, _ = window()
    assert isinstance(app.demo, ttk.Menubutton)
    menu = [app.demo_menu.entrycget(i, "label") for i in range(app.demo_menu.index("end") + 1)]
    assert menu == ["Центр технического творчества", "Общеобразовательная школа"]
    app.demo_menu.invoke(1)
    screenshot(app, "window_7_school_demo_chosen", tmp_path)
    assert app.book_label.cget("text") == "не выбрана — демонстрационная книга общеобразовательной школы"
    app.demo_menu.invoke(0)
    assert app.book_label.cget("text") == "не выбрана — демонстрационная книга центра технического творчества"
    app.demo_menu.invoke(1)
    app.buttons["check"].invoke()
    settle(app)
    from nastavnik.workbook.reader import read_workbook

    demo = read_workbook(app.last.folder / "демо-книга.xlsx", today=TODAY)
    assert demo.org_type.key == "school" and "общеобразовательная школа" in demo.org["full_name"]


def test_the_window_remembers_the_last_workbook(window, tmp_path):
    book = demo_book(tmp_path)
    app, answers = window()
    answers.next_workbook = book
    app.choose.invoke()
    assert app.book_label.cget("text").endswith("наставничество.xlsx")
    again, _ = window()
    assert again.workbook == book and again.book_label.cget("text") == app.book_label.cget("text")


def test_a_file_that_is_not_a_workbook_gets_a_russian_sentence(window, tmp_path):
    fake = tmp_path / "отчёт.xlsx"
    fake.write_text("это не книга", encoding="utf-8")
    app, _ = window(fake)
    app.buttons["report"].invoke()
    settle(app)
    code, text = app.failure
    assert code == 2 and "отчёт.xlsx" in text and "Traceback" not in text
    assert text in app.status.cget("text")


def test_new_book_writes_a_blank_workbook_of_the_chosen_type_and_makes_it_current(window, tmp_path):
    from nastavnik.workbook import orgtypes
    from nastavnik.workbook.reader import read_workbook

    app, answers = window()
    answers.next_new = (tmp_path / "новая", orgtypes.KINDERGARTEN, "МБДОУ детский сад № 7")
    app.buttons["new"].invoke()
    path = tmp_path / "новая.xlsx"
    assert path.is_file() and app.workbook == path and answers.opened == [path]
    org = read_workbook(path, today=TODAY).org
    assert org["full_name"] == "МБДОУ детский сад № 7" and org["director_position"] == "Заведующий"
    assert "дошкольная образовательная организация" in app.status.cget("text")


@pytest.mark.skipif(not any(f.key == "org_type" for f in ORG_FIELDS),
                    reason="«Тип организации» на листе «Организация» ещё не в схеме")
def test_new_book_of_a_school_reads_back_as_a_school(window, tmp_path):
    from nastavnik.workbook import orgtypes
    from nastavnik.workbook.reader import read_workbook

    app, answers = window()
    answers.next_new = (tmp_path / "школа.xlsx", orgtypes.SCHOOL, "")
    app.buttons["new"].invoke()
    book = read_workbook(tmp_path / "школа.xlsx", today=TODAY)
    assert orgtypes.of(book.org) is orgtypes.SCHOOL
    assert book.org["full_name"] == orgtypes.SCHOOL.full_name


def test_district_rollup_reads_every_workbook_in_a_folder(window, tmp_path):
    district = tmp_path / "район"
    demo_book(district, name="школа 1.xlsx")
    demo_book(district, name="школа 2.xlsx")
    (district / "испорченная.xlsx").write_bytes(b"PK\x03\x04 broken")
    app, _ = window()
    answers = app.dialogs
    answers.next_folder = district
    app.buttons["district"].invoke()
    settle(app)
    assert "прочитано книг 2 из 3" in app.last.summary
    assert list(app.last.folder.glob("свод_*.xlsx"))
