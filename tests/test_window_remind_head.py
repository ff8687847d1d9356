"""The window's «Напоминания» writes the head's letter as ``nastavnik remind`` does, and its summary says so:
the count names the head by her position and the missing address is said once (issue 31, point 2)."""

# ruff: noqa: F811 - the fixtures of test_window are imported by name and taken as arguments

from __future__ import annotations

import pytest

tk = pytest.importorskip("tkinter")

from .test_window import demo_book, display, tk_root, window  # noqa: F401 - fixtures
from .window_util import settle


def test_the_reminders_button_writes_the_heads_letter(window, tmp_path):
    app, _ = window(demo_book(tmp_path / "книга"))
    app.buttons["remind"].invoke()
    settle(app)
    assert app.failure is None, app.failure
    outcome = app.last
    folder = outcome.folder / "Напоминания"
    assert (folder / "Директору.eml").exists() and (folder / "Директору.docx").exists()
    assert "директору — 1" in outcome.summary
    assert outcome.summary.count("Адреса электронной почты руководителя в книге нет") == 1
