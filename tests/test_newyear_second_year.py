"""A curator's second year end to end: every command on the book new-year wrote, after a year of typing into it.

Year 1 is the centre demo; `new-year` on 25.08.2027 writes year 2; ``second_year.fill_second_year`` types a year
into it with openpyxl (pairs closed, people leaving, new mentees, a mentor paired again). Then every command runs
on it on 25.05.2028 — none may stop with an internal error (exit 3) — and new-year moves it on to year 3 losing
nothing.
"""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import read_workbook

from .second_year import TODAY, fill_second_year
from .test_newyear_lossless import lost_list_values, lost_org, lost_rows


def cli(today, *args):
    return CliRunner().invoke(main, ["--today", f"{today:%d.%m.%Y}", *map(str, args)])


@pytest.fixture(scope="module")
def year2(tmp_path_factory):
    folder = tmp_path_factory.mktemp("second")
    first = folder / "наставничество 2026-2027.xlsx"
    assert cli(TODAY.replace(year=2026, month=11, day=25), "demo", first).exit_code == 0
    moved = CliRunner().invoke(main, ["--today", "25.08.2027", "new-year", str(first)])
    assert moved.exit_code == 0, moved.output
    second = folder / "наставничество 2027-2028.xlsx"
    fill_second_year(second)
    return second


def test_the_filled_second_year_checks_without_errors(year2):
    result = cli(TODAY, "check", year2)
    assert result.exit_code == 0, result.output
    assert "0 ошибок" in result.output


@pytest.mark.parametrize("args", [
    ("match",), ("match", "--format", "xlsx"), ("docs",), ("report",), ("site",), ("run",),
    ("forms", "--kind", "запрос"), ("forms", "--kind", "наставник"), ("forms", "--kind", "анкета"),
], ids=lambda a: " ".join(a))
def test_every_command_works_on_the_second_year(year2, tmp_path, args):
    out = tmp_path / "out"
    result = cli(TODAY, args[0], year2, *args[1:], "--out", out)
    assert result.exit_code == 0, result.output
    assert "Внутренняя ошибка" not in result.output


def test_match_apply_on_the_second_year_writes_a_copy_that_checks(year2, tmp_path):
    book = tmp_path / year2.name
    shutil.copy(year2, book)
    result = cli(TODAY, "match", book, "--apply", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    [copy] = list((tmp_path / "out").rglob("*.xlsx"))
    checked = cli(TODAY, "check", copy)
    assert checked.exit_code == 0, checked.output


def test_collect_reads_the_second_years_forms_back(year2, tmp_path):
    forms = tmp_path / "forms"
    assert cli(TODAY, "forms", year2, "--kind", "анкета", "--out", forms).exit_code == 0
    answers = [p for p in forms.rglob("*.xlsx")]
    assert answers
    result = cli(TODAY, "collect", year2, *answers[:4], "--out", tmp_path / "out")
    assert result.exit_code in (0, 1), result.output


def test_the_second_year_moves_on_to_the_third_losing_nothing(year2, tmp_path):
    third = tmp_path / "наставничество 2028-2029.xlsx"
    result = CliRunner().invoke(main, ["--today", "25.08.2028", "new-year", str(year2), "--out", str(third)])
    assert result.exit_code == 0, result.output
    # ПР-010 was planned to end on 31.05.2028 and was left running: the curator is asked
    assert "ПР-010 — срок истёк 31.05.2028" in result.output
    old, new = read_workbook(year2, today=TODAY), read_workbook(third, today=TODAY)
    assert {k: lost_rows(old, new, k) for k in s.SHEET_BY_KEY} == {k: [] for k in s.SHEET_BY_KEY}
    assert lost_org(old, new) == [] and lost_list_values(old, new) == []
    archived = new.tables["archive_pairs"]
    assert {"ПР-001", "ПР-002", "ПР-007"} <= set(archived["code"])
