"""The window's questionnaire buttons and its own dialogs: «Анкеты», «Собрать анкеты» with its preview,
the type of a new book (nothing chosen until the curator chooses), the kind of questionnaire."""

# ruff: noqa: F811 - the fixtures of test_window are imported by name and taken as arguments

from __future__ import annotations

import datetime as dt

import pytest

tk = pytest.importorskip("tkinter")

from nastavnik.forms.lines import ADDED, UPDATED
from nastavnik.workbook import orgtypes
from nastavnik.workbook.reader import read_workbook

from .test_collect import fill, personal
from .test_window import TODAY, demo_book, display, tk_root, window  # noqa: F401 - fixtures
from .window_util import screenshot, settle


def make_forms_in(app, answers, kind="запрос"):
    answers.next_kind = kind
    app.buttons["forms"].invoke()
    settle(app)
    return app.last


def test_forms_button_makes_the_questionnaires_of_the_chosen_kind_into_the_results(window, tmp_path):
    book = demo_book(tmp_path)
    app, answers = window(book)
    outcome = make_forms_in(app, answers)
    screenshot(app, "window_5_forms", tmp_path)
    folder = outcome.folder / "Анкеты — запрос"
    assert outcome.exit_code == 0 and outcome.folder.parent == book.parent / "Результаты"
    assert (folder / "Пустая анкета — запрос.xlsx").is_file() and (folder / "Пустая анкета — запрос.docx").is_file()
    people = len(list(folder.glob("П-* *.xlsx")))
    assert people and len(list(folder.glob("П-* *.docx"))) == people
    assert list(folder.glob("Вопросы для онлайн-формы*.txt"))
    assert f"В папке «Анкеты — запрос»: {people} личных анкет" in app.status.cget("text")
    assert "«Собрать анкеты»" in app.status.cget("text")


def test_forms_button_asks_first_and_does_nothing_when_the_curator_changes_her_mind(window, tmp_path):
    book = demo_book(tmp_path)
    app, answers = window(book)
    answers.next_kind = None
    app.buttons["forms"].invoke()
    settle(app)
    assert app.last is None and not (book.parent / "Результаты").exists()


@pytest.fixture
def filled(window, tmp_path):
    """A chosen workbook, its questionnaires made by the window, one known and one new teacher's answers."""
    book = demo_book(tmp_path / "книга")
    app, answers = window(book)
    forms = make_forms_in(app, answers).folder / "Анкеты — запрос"
    inbox = tmp_path / "ответы"
    inbox.mkdir()
    fill(personal(forms, "П-001"), {"ped_experience": 2, "req_ict": "да", "consent": "да"}, inbox / "П-001.xlsx")
    fill(forms / "Пустая анкета — запрос.xlsx",
         {"fio": "Орлова Нина Сергеевна", "sex": "ж", "birth_date": dt.datetime(1996, 4, 2),
          "position": "педагог дополнительного образования", "ped_experience": 1,
          "category": "молодой специалист", "focus": "техническая", "req_method": "да", "consent": "да"},
         inbox / "новая.xlsx")
    answers.next_answers = inbox
    return app, answers, book


def test_collect_shows_who_is_added_and_who_is_updated_before_writing_the_copy(filled):
    app, answers, book = filled
    before = book.read_bytes()
    app.buttons["collect"].invoke()
    settle(app)
    (lines, summary), = answers.previewed
    statuses = {line.status for line in lines}
    assert {ADDED, UPDATED} <= statuses
    assert any(line.status == UPDATED and line.code == "П-001" for line in lines)
    assert summary.startswith("Что будет сделано с ответами: добавлен — 1, обновлён — ")
    from nastavnik.ui.window.dialogs import PreviewDialog

    shown = PreviewDialog(app.root, lines, summary)  # what the curator would see, to look at
    consent = next(i for i, line in enumerate(lines) if line.status == "согласие из анкеты")
    shown.tree.selection_set(shown.tree.get_children()[consent])
    shown.update()
    assert shown.detail.cget("text").startswith("Согласие из анкеты (П-016), «новая.xlsx»: ")
    screenshot(shown, "window_6_collect_preview", book.parent)
    assert len(shown.rows()) == len(lines)
    shown.destroy()
    settle(app)  # the curator said yes: the copy is being written
    copy = next(app.last.folder.glob("* — с ответами анкет.xlsx"))
    assert (app.last.folder / "Отчёт о сборе анкет.xlsx").is_file()
    fios = set(read_workbook(copy, today=TODAY).tables["mentees"]["fio"])
    assert "Орлова Нина Сергеевна" in fios
    assert "прежняя книга не изменена" in app.status.cget("text") and "Проверка копии" in app.status.cget("text")
    assert book.read_bytes() == before


def test_collect_writes_nothing_when_the_curator_says_no_to_the_preview(filled):
    app, answers, book = filled
    answers.confirm = False
    runs = set((book.parent / "Результаты").iterdir())
    app.buttons["collect"].invoke()
    settle(app)
    assert answers.previewed and set((book.parent / "Результаты").iterdir()) == runs
    assert "ничего не записано" in app.status.cget("text")


def test_collect_without_a_chosen_workbook_says_why_in_russian(window, tmp_path):
    app, answers = window()
    answers.next_answers = tmp_path
    app.buttons["collect"].invoke()
    settle(app)
    code, text = app.failure
    assert code == 2 and "сначала выберите рабочую книгу" in text and not answers.previewed


# ---- the dialogs themselves ---------------------------------------------------------------------------------
def test_the_new_book_dialog_lists_the_five_types_and_waits_until_one_is_chosen(window, tmp_path):
    from nastavnik.ui.window.dialogs import org_type_dialog

    app, _ = window()  # a dialog shows over the window, as it does for the curator
    dialog = org_type_dialog(app.root)
    dialog.update()
    try:
        labels = [b.cget("text") for b in dialog.options.values()]
        assert labels == [t.title[:1].upper() + t.title[1:] for t in orgtypes.TYPES]
        assert dialog.choice.get() == "" and str(dialog.ok.cget("state")) == "disabled"
        dialog.options["school"].invoke()
        dialog.text.set("  МБОУ СОШ № 1 ")
        assert str(dialog.ok.cget("state")) == "normal"
        screenshot(dialog, "dialog_1_new_book_type", tmp_path)
        dialog.ok.invoke()
        assert dialog.result == ("school", "МБОУ СОШ № 1")
    finally:
        if dialog.winfo_exists():
            dialog.destroy()


def test_forms_button_makes_the_entry_round_of_the_bank(window, tmp_path):
    book = demo_book(tmp_path)
    app, answers = window(book)
    outcome = make_forms_in(app, answers, "анкета:входная")
    folder = outcome.folder / "Анкеты — анкета, входная"
    assert outcome.exit_code == 0, app.status.cget("text")
    forms = list(folder.glob("* П-* *.xlsx"))
    assert forms and list(folder.glob("Вопросы для онлайн-формы — анкета, входная.txt"))
    import openpyxl

    from nastavnik.forms.xlsx_form import FORM_SHEET

    title = openpyxl.load_workbook(forms[0])[FORM_SHEET]["A1"].value
    assert title == "Входная анкета наставляемого"


def test_the_forms_dialog_offers_each_questionnaire_and_each_round(window, tmp_path):
    from nastavnik.ui.window.dialogs import forms_kind_dialog

    app, _ = window()  # a dialog shows over the window, as it does for the curator
    dialog = forms_kind_dialog(app.root)
    dialog.update()
    try:
        assert list(dialog.options) == ["запрос", "наставник", "анкета:входная", "анкета:первые недели",
                                        "анкета:промежуточная", "анкета:итоговая", "дневник"]
        assert str(dialog.ok.cget("state")) == "disabled"
        dialog.options["наставник"].invoke()
        screenshot(dialog, "dialog_2_forms_kind", tmp_path)
        dialog.ok.invoke()
        assert dialog.result == ("наставник", "")
    finally:
        if dialog.winfo_exists():
            dialog.destroy()


def test_the_preview_dialog_shows_each_answer_and_agrees_only_on_its_button(window, tmp_path):
    from nastavnik.forms.lines import REJECTED, Line
    from nastavnik.ui.window.dialogs import PreviewDialog

    lines = [Line(ADDED, "новая.xlsx", "Новый человек в банке наставляемых.", code="П-016"),
             Line(UPDATED, "П-001.xlsx", "Ответ принят.", row=12, code="П-001", field="Педстаж, лет", old="1",
                  new="2"),
             Line(REJECTED, "список.docx", "Формат не поддерживается.")]
    app, _ = window()
    dialog = PreviewDialog(app.root, lines, "Что будет сделано с ответами: добавлен — 1, обновлён — 1, отклонён — 1.")
    dialog.update()
    try:
        rows = dialog.rows()
        assert [r[0] for r in rows] == [ADDED, UPDATED, REJECTED] and dialog.ok.cget("text") == "Собрать в копию книги"
        assert rows[1][1] == "П-001" and rows[1][3].startswith("Педстаж, лет: 1 → 2.")
        screenshot(dialog, "dialog_3_collect_preview", tmp_path)
        dialog.cancel.invoke()
        assert dialog.result is False
    finally:
        if dialog.winfo_exists():
            dialog.destroy()


def test_the_new_book_question_asks_the_type_first_then_where_to_save_under_the_types_name(window, monkeypatch,
                                                                                             tmp_path):
    from nastavnik.ui.window import dialogs

    asked = {}

    class Chosen:
        def ask(self):
            return ("college", "ГБПОУ «Строительный колледж»")

    class Saved:  # the window's own save chooser (its Russian words: tests/test_window_save_dialog.py)
        def __init__(self, master, org_type, start=None):
            asked["name"] = f"наставничество_{org_type.word}.xlsx"

        def ask(self):
            return (tmp_path / asked["name"], False)

    monkeypatch.setattr(dialogs, "org_type_dialog", lambda master: Chosen())
    monkeypatch.setattr(dialogs, "save_book_dialog", Saved)
    app, _ = window()
    path, org_type, name = dialogs.Dialogs(app.root).new_workbook()
    assert org_type is orgtypes.COLLEGE and name == "ГБПОУ «Строительный колледж»"
    assert asked["name"] == "наставничество_колледж.xlsx" and path == tmp_path / "наставничество_колледж.xlsx"


def test_the_new_book_question_ends_when_no_type_is_chosen(window, monkeypatch):
    from nastavnik.ui.window import dialogs

    class Closed:
        def ask(self):
            return None

    monkeypatch.setattr(dialogs, "org_type_dialog", lambda master: Closed())
    monkeypatch.setattr(dialogs, "save_book_dialog", lambda *a, **kw: pytest.fail("asked where to save"))
    app, _ = window()
    assert dialogs.Dialogs(app.root).new_workbook() is None


def test_the_preview_says_when_there_is_nothing_to_accept(window, tmp_path):
    from nastavnik.forms.lines import DUPLICATE, NOTE, Line
    from nastavnik.ui.window.dialogs import PreviewDialog

    lines = [Line(DUPLICATE, "Н-001.xlsx", "Все ответы совпадают с книгой: ничего не изменено.", code="Н-001"),
             Line(NOTE, "Пустая анкета — наставник.xlsx", "Анкета не заполнена: пропущена.")]
    app, _ = window()
    dialog = PreviewDialog(app.root, lines, "Что будет сделано с ответами: дубликат — 1, замечание — 1.")
    dialog.update()
    try:
        assert dialog.ok.cget("text") == "Сохранить только отчёт"
        assert dialog.note.cget("text").startswith("Принимать нечего: копия книги не будет создана.")
        screenshot(dialog, "dialog_4_nothing_to_collect", tmp_path)
    finally:
        dialog.destroy()
