"""`nastavnik init` writes the academic year a curator is preparing: from 1 August, the one that starts on 1 September.

Issue 24, point 5: on 25.08 a new book used to be for the year that was ending. The curator can still choose with
``--year``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook.reader import read_workbook


def init(path, today, *more):
    return CliRunner().invoke(main, ["--today", today, "init", str(path), *more])


@pytest.mark.parametrize(("today", "year", "start"), [
    ("25.08.2026", "2026/2027", dt.date(2026, 9, 1)),
    ("01.08.2026", "2026/2027", dt.date(2026, 9, 1)),
    ("31.07.2026", "2025/2026", dt.date(2025, 9, 1)),
    ("15.05.2027", "2026/2027", dt.date(2026, 9, 1)),
    ("25.11.2026", "2026/2027", dt.date(2026, 9, 1)),
])
def test_a_new_book_is_for_the_year_being_prepared(tmp_path, today, year, start):
    path = tmp_path / "книга.xlsx"
    result = init(path, today)
    assert result.exit_code == 0, result.output
    assert f"Учебный год: {year}" in result.output
    org = read_workbook(path, today=dt.datetime.strptime(today, "%d.%m.%Y").date()).org
    assert (org["academic_year"], org["period_start"], org["period_end"]) == (
        year, start, dt.date(start.year + 1, 8, 31))


def test_in_august_the_curator_can_still_choose_the_year_that_ends(tmp_path):
    path = tmp_path / "книга.xlsx"
    told = init(path, "25.08.2026")
    assert "--year 2025/2026" in told.output  # she is told how
    chosen = tmp_path / "прошлый.xlsx"
    result = init(chosen, "25.08.2026", "--year", "2025/2026")
    assert result.exit_code == 0, result.output
    assert read_workbook(chosen, today=dt.date(2026, 8, 25)).org["academic_year"] == "2025/2026"


def test_a_year_that_is_not_a_school_year_is_refused_and_nothing_written(tmp_path):
    path = tmp_path / "книга.xlsx"
    result = init(path, "25.08.2026", "--year", "2026")
    assert result.exit_code == 2
    assert "ГГГГ/ГГГГ" in result.output + result.stderr and "Traceback" not in result.output
    assert not path.exists()
