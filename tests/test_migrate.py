"""Template versions: an older workbook is read as the current template, says so, and new-year migrates it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook import migrate
from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY


def old_book(path, parts, version="1.0", drop_sheets=(), drop_columns=()):
    """A workbook as an older template wrote it: without the given sheets and columns, with its version mark."""
    import openpyxl

    write_workbook(path, *parts)
    wb = openpyxl.load_workbook(path)
    for key in drop_sheets:
        del wb[s.SHEET_BY_KEY[key].title]
    for sheet_key, col_key in drop_columns:
        ws = wb[s.SHEET_BY_KEY[sheet_key].title]
        ws.delete_cols(s.SHEET_BY_KEY[sheet_key].keys.index(col_key) + 1)
    ws = wb[s.INSTRUCTION_TITLE]
    for row in ws.iter_rows(max_row=5):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("Версия шаблона:"):
                cell.value = f"Версия шаблона: {version}"
    wb.save(path)
    return path


ARCHIVES = tuple(sh.key for sh in s.ARCHIVE_SHEETS)


@pytest.fixture
def v10(tmp_path, demo_parts):
    return old_book(tmp_path / "книга 1.0.xlsx", demo_parts, drop_sheets=ARCHIVES)


def test_every_template_version_says_what_it_added():
    assert s.TEMPLATE_VERSION in migrate.CHANGES
    assert migrate.describe("1.0") and migrate.describe(s.TEMPLATE_VERSION) == []


def test_an_older_book_reads_without_alarms_for_what_it_could_not_have(v10):
    book = read_workbook(v10, today=TODAY)
    assert book.version == "1.0"
    assert not [p for p in book.problems if p.code == "missing_sheet"]
    assert set(book.tables) >= set(ARCHIVES) and book.tables["archive_pairs"].empty


def test_the_reader_says_which_version_it_read_and_what_was_added(v10):
    book = read_workbook(v10, today=TODAY)
    [note] = [p for p in book.problems if p.code == "old_template"]
    assert "версии 1.0" in note.message and f"версии {s.TEMPLATE_VERSION}" in note.message
    assert "«Архив пар»" in note.message and "nastavnik new-year" in note.message
    assert book.migration


def test_an_older_book_checks_clean(v10):
    result = CliRunner().invoke(main, ["--today", f"{TODAY:%d.%m.%Y}", "check", str(v10)])
    assert result.exit_code == 0, result.output
    assert "версии 1.0" in result.output


def test_new_year_on_an_older_book_migrates_and_says_so(v10, tmp_path):
    out = tmp_path / "новая.xlsx"
    result = CliRunner().invoke(main, ["--today", f"{TODAY:%d.%m.%Y}", "new-year", str(v10), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Прочитана книга шаблона версии 1.0" in result.output and "Перенос на новый шаблон" in result.output
    book = read_workbook(out, today=TODAY)
    assert book.version == s.TEMPLATE_VERSION and not book.migration
    assert not [p for p in book.problems if p.code == "old_template"]
    assert set(book.tables["archive_pairs"]["code"]) == {"ПР-007", "ПР-008"}


def test_a_column_added_by_a_later_version_takes_its_default(tmp_path, demo_parts, monkeypatch):
    monkeypatch.setattr(s, "TEMPLATE_VERSION", "1.2")
    monkeypatch.setitem(migrate.CHANGES, "1.2", migrate.Change(columns={"pairs": ("payment",)},
                                                               defaults={("pairs", "payment"): 0.0}))
    path = old_book(tmp_path / "книга 1.1.xlsx", demo_parts, version="1.1", drop_columns=[("pairs", "payment")])
    book = read_workbook(path, today=TODAY)
    assert not [p for p in book.problems if p.code == "missing_column"]
    assert set(book.tables["pairs"]["payment"]) == {0.0}
    [note] = [p for p in book.problems if p.code == "old_template"]
    assert "«Доплата за наставничество, руб./мес.»" in note.message


def test_a_missing_column_of_the_books_own_version_is_still_reported(tmp_path, demo_parts):
    path = old_book(tmp_path / "без столбца.xlsx", demo_parts, version=s.TEMPLATE_VERSION,
                    drop_columns=[("pairs", "payment")])
    book = read_workbook(path, today=TODAY)
    assert [p.column for p in book.problems if p.code == "missing_column"] == [s.PAIRS.col("payment").title]
