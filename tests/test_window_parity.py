"""The window does what the command does: each button and its command, on the same book, write the same files.

The same file names, and for .xlsx the same values in every cell of every sheet, for .docx the same text,
for .json and .txt the same bytes. The book is the school's demo as ``nastavnik demo --type школа`` writes
it (the window once built it without the school's list values: 14 errors where the command had 0). The
window's only additions: «проверка.txt» (the list it shows in its table) and «последний запуск.txt».
"""

# ruff: noqa: F811 - the fixtures of test_window are imported by name and taken as arguments

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

tk = pytest.importorskip("tkinter")

from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook import orgtypes

from .test_collect import fill
from .test_window import TODAY, display, tk_root, window  # noqa: F401 - fixtures
from .window_util import settle

WINDOW_ONLY = {"проверка.txt", "последний запуск.txt"}


def cli(*args) -> None:
    result = CliRunner().invoke(main, ["--today", TODAY.strftime("%d.%m.%Y"), *map(str, args)])
    assert result.exit_code in (0, 1), result.output + repr(result.exception)


def files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in WINDOW_ONLY}


def content(path: Path):
    """What a person reads in the file: cell values, the document's text, the bytes of a text file."""
    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path)
        return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}
    if path.suffix == ".docx":
        import docx

        d = docx.Document(path)
        return ([p.text for p in d.paragraphs]
                + [c.text for t in d.tables for row in t.rows for c in row.cells])
    if path.suffix in (".json", ".txt", ".csv"):
        return path.read_bytes()
    return path.stat().st_size > 0  # pages, pictures: there and not empty


def as_window_says(value):
    """The command's text as the window says it: its advice names buttons, not commands (ui.window.words)."""
    from nastavnik.ui.window.words import in_window

    if isinstance(value, str):
        return in_window(value)
    if isinstance(value, bytes):
        return in_window(value.decode("utf-8")).encode("utf-8") if b"nastavnik" in value or b"--" in value else value
    if isinstance(value, dict):
        return {k: as_window_says(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_window_says(v) for v in value]
    return value


def assert_same(window_folder: Path, cli_folder: Path) -> None:
    mine, theirs = files(window_folder), files(cli_folder)
    assert sorted(mine) == sorted(theirs)
    assert mine, "nothing written"
    for name in mine:
        expected = content(theirs[name])
        # The check's messages speak the interface they are made from (the rest of a file is the same).
        if name.endswith("проверка.txt"):
            expected = as_window_says(expected)
        elif name.endswith("— проверка.xlsx"):
            expected = {**expected, "Проверка": as_window_says(expected["Проверка"])}
        assert content(mine[name]) == expected, name


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """The school demo, written by the command, in two folders: one for the window, one for the command."""
    root = tmp_path_factory.mktemp("parity")
    made = root / "демо.xlsx"
    cli("demo", made, "--type", "школа")
    out = {}
    for side in ("окно", "команда"):
        (root / side).mkdir()
        out[side] = shutil.copy(made, root / side / "книга школы.xlsx")
    return root, Path(out["окно"]), Path(out["команда"])


def press(app, key: str):
    app.buttons[key].invoke()
    settle(app)
    assert app.failure is None, app.failure
    return app.last


@pytest.mark.parametrize("key,args", [
    ("check", ["check", "--annotate"]),
    ("match", ["match", "--format", "xlsx"]),
    ("docs", ["docs"]),
    ("report", ["report"]),
    ("site", ["site"]),
    ("remind", ["remind"]),
])
def test_each_button_writes_what_its_command_writes(window, books, key, args):
    root, mine, theirs = books
    app, _ = window(mine)
    outcome = press(app, key)
    out = root / f"команда {key}"
    if key == "site":
        cli(args[0], theirs, "--out", out / "сайт")
    else:
        cli(args[0], theirs, *args[1:], "--out", out)
    assert outcome.exit_code == 0
    assert_same(outcome.folder, out)


def test_everything_at_once_writes_what_run_writes(window, books):
    root, mine, theirs = books
    app, _ = window(mine)
    outcome = press(app, "all")
    cli("run", theirs, "--out", root / "команда run")
    (theirs_run,) = [p for p in (root / "команда run").iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert outcome.exit_code == 0
    assert_same(outcome.folder, theirs_run)


def test_questionnaires_and_collecting_them_write_what_forms_and_collect_write(window, books, tmp_path):
    root, mine, theirs = books
    app, answers = window(mine)
    answers.next_kind = "запрос"
    made = press(app, "forms")
    cli("forms", theirs, "--kind", "запрос", "--out", root / "команда forms")
    assert_same(made.folder, root / "команда forms")

    inbox = tmp_path / "ответы"
    inbox.mkdir()
    blank = made.folder / "Анкеты — запрос" / "Пустая анкета — запрос.xlsx"
    fill(blank, {"fio": "Орлова Нина Сергеевна", "sex": "ж", "position": "учитель", "ped_experience": 1,
                 "req_method": "да", "consent": "да"}, inbox / "новая.xlsx")
    answers.next_answers = inbox
    press(app, "collect")
    collected = app.last
    cli("collect", theirs, inbox, "--out", root / "команда collect")
    assert_same(collected.folder, root / "команда collect")


@pytest.mark.parametrize("org_type", orgtypes.TYPES, ids=lambda t: t.key)
def test_a_new_book_is_the_book_init_writes(window, tmp_path, org_type):
    app, answers = window()
    answers.next_new = (tmp_path / "окно" / "новая.xlsx", org_type, "МБОУ «Тестовая»")
    (tmp_path / "окно").mkdir()
    app.buttons["new"].invoke()
    cli("init", tmp_path / "команда" / "новая.xlsx", "--type", org_type.word, "--org", "МБОУ «Тестовая»")
    assert content(tmp_path / "окно" / "новая.xlsx") == content(tmp_path / "команда" / "новая.xlsx")


@pytest.mark.parametrize("key,word", [("extra", "центр"), ("school", "школа")])
def test_the_windows_demo_is_the_demo_command_and_it_has_no_errors(window, tmp_path, key, word):
    app, _ = window()
    app.demo_menu.invoke([k for k, _label in app.demos].index(key))
    outcome = press(app, "check")
    cli("demo", tmp_path / "демо.xlsx", "--type", word)
    assert content(outcome.folder / "демо-книга.xlsx") == content(tmp_path / "демо.xlsx")
    assert outcome.exit_code == 0 and not [p for p in outcome.problems if p.severity == "ошибка"]


def test_the_district_summary_writes_what_consolidate_writes(window, books, tmp_path):
    _root, mine, _theirs = books
    district = tmp_path / "район"
    district.mkdir()
    shutil.copy(mine, district / "школа 1.xlsx")
    cli("demo", district / "центр.xlsx")
    app, answers = window(mine)
    answers.next_folder = district
    press(app, "district")
    cli("consolidate", district, "--out", tmp_path / "команда")
    assert_same(app.last.folder, tmp_path / "команда")


def test_the_new_year_button_writes_what_new_year_writes(window, books, tmp_path):
    _root, mine, theirs = books
    app, _answers = window(mine)
    press(app, "newyear")
    cli("new-year", theirs)
    made = sorted(p.name for p in mine.parent.glob("*.xlsx") if p != mine)
    assert made and made == sorted(p.name for p in theirs.parent.glob("*.xlsx") if p != theirs)
    for name in made:
        assert content(mine.parent / name) == content(theirs.parent / name)
    notes = sorted(p.name for p in mine.parent.glob("*.txt"))
    assert notes == sorted(p.name for p in theirs.parent.glob("*.txt"))
    for name in notes:
        assert (mine.parent / name).read_text() == (theirs.parent / name).read_text()
