"""``run`` matches the pairs in a process of its own while it checks the book (``ui.ahead``).

What the curator would notice if that went wrong: other pairs proposed than ``match`` proposes, a run that fails
because the child did, or a process left behind when the check stops the run.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os

import openpyxl
import pytest

import nastavnik.match as match_package
from nastavnik.ui import ahead
from nastavnik.ui.pipeline import run_all

TODAY = dt.date(2026, 11, 25)
pytestmark = pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="no fork: matched in the step")


def _proposal_sheets(folder) -> dict:
    path = next(folder.rglob("Предложения пар.xlsx"))
    wb = openpyxl.load_workbook(path, read_only=True)
    return {name: [tuple(r) for r in wb[name].iter_rows(values_only=True)] for name in wb.sheetnames[:4]}


def _run(book, out):
    result = run_all(book, out, TODAY, echo=lambda *a, **k: None)
    assert result.exit_code == 0
    return result.folder


@pytest.fixture(scope="module")
def matched_in_the_step(demo_path, tmp_path_factory):
    """The proposal of a run that matches in its own process, as before ``ui.ahead``."""
    with pytest.MonkeyPatch.context() as mp_:
        @ahead.contextmanager
        def nothing_ahead(book, today):
            yield lambda: None

        mp_.setattr(ahead, "matched_ahead", nothing_ahead)
        sheets = _proposal_sheets(_run(demo_path, tmp_path_factory.mktemp("step")))
    assert sheets["Предложение"][1:], "the demo has mentees waiting: a proposal to compare"
    return sheets


def test_the_child_proposes_what_the_step_proposes_and_the_run_does_not_match_again(
        demo_path, tmp_path, monkeypatch, matched_in_the_step):
    main, real = os.getpid(), match_package.match_book

    def only_in_a_child(book, today):
        if os.getpid() == main:
            raise AssertionError("matched again in the run's own process")
        return real(book, today)

    monkeypatch.setattr(match_package, "match_book", only_in_a_child)
    assert _proposal_sheets(_run(demo_path, tmp_path)) == matched_in_the_step


def test_a_child_that_fails_leaves_the_matching_to_the_run(demo_path, tmp_path, monkeypatch, matched_in_the_step):
    main, real = os.getpid(), match_package.match_book

    def fails_in_a_child(book, today):
        if os.getpid() != main:
            raise MemoryError
        return real(book, today)

    monkeypatch.setattr(match_package, "match_book", fails_in_a_child)
    assert _proposal_sheets(_run(demo_path, tmp_path)) == matched_in_the_step


def test_a_book_with_errors_stops_the_run_and_its_matching(make_book, tmp_path):
    def break_it(org, tables):
        tables["pairs"][0]["mentor"] = "Н-999"

    book = make_book(break_it)
    result = run_all(book.path, tmp_path / "out", TODAY, echo=lambda *a, **k: None)
    assert result.exit_code == 1
    assert mp.active_children() == []
