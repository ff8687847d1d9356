"""Helpers for the checks tests: what a mutation added to the demo's report, and where."""

from __future__ import annotations

from nastavnik.base.problems import ERROR, WARNING, col_letter
from nastavnik.checks import check_book
from nastavnik.workbook import schema as s

from .conftest import TODAY


def letter(sheet_key: str, col_key: str) -> str:
    """The column letter the template gives this column."""
    return col_letter(s.SHEET_BY_KEY[sheet_key].keys.index(col_key) + 1)


def _key(p):
    return (p.code, p.sheet, p.row, p.letter)


def added(book, demo_book, severity: str | None = None) -> list:
    """Problems of ``book`` that the demo does not have (optionally of one severity)."""
    base = {_key(p) for p in check_book(demo_book, TODAY).problems}
    return [p for p in check_book(book, TODAY).problems
            if _key(p) not in base and (severity is None or p.severity == severity)]


def assert_only(book, demo_book, code: str, severity: str, sheet_key: str, row: int, col_key: str):
    """The mutation added exactly one problem of this severity, with this code, at this cell."""
    found = added(book, demo_book, severity)
    assert [(p.code, p.sheet, p.row, p.letter) for p in found] == [
        (code, s.SHEET_BY_KEY[sheet_key].title, row, letter(sheet_key, col_key))], found
    if severity == WARNING:
        assert added(book, demo_book, ERROR) == []
    return found[0]
