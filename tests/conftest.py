"""Shared fixtures: workbooks are generated from the schema, never hand-made.

``TODAY`` pins the date every rule is judged on; the demo is consistent as of it.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.demo import demo_data
from nastavnik.workbook.template import write_workbook

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="session")
def demo_parts():
    """(org, tables) of the demo as plain dicts; copy before changing."""
    return demo_data(TODAY)


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory, demo_parts) -> Path:
    path = tmp_path_factory.mktemp("demo") / "демо.xlsx"
    org, tables = demo_parts
    write_workbook(path, org, tables)
    return path


@pytest.fixture(scope="session")
def demo_book(demo_path):
    return read_workbook(demo_path, today=TODAY)


@pytest.fixture
def make_book(tmp_path, demo_parts):
    """Build a workbook from the demo with changes, write it, read it back.

    ``make_book(lambda org, tables: ...)`` gets deep copies to mutate; returns the Book.
    """

    def build(change=None, name: str = "книга.xlsx"):
        org, tables = copy.deepcopy(demo_parts)
        if change is not None:
            change(org, tables)
        path = tmp_path / name
        write_workbook(path, org, tables)
        return read_workbook(path, today=TODAY)

    return build
