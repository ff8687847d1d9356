"""`nastavnik new-year` writes the new book and its summary as one unit (issue 25, point 5).

A full disk (or a kill) between the book and its summary used to leave the book alone; the rerun then refused
with «уже есть» and nothing said the transition had been interrupted. Now either both files are there or
neither, a rerun after the failure simply works, and a book left by an interrupted run is recognised.
"""

from __future__ import annotations

import errno
import os

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook.template import write_workbook

NOTE = " — переход на новый учебный год.txt"


def cli(*args):
    return CliRunner().invoke(main, ["--today", "25.08.2027", *map(str, args)])


@pytest.fixture
def year1(tmp_path, demo_parts):
    old = tmp_path / "наставничество 2026-2027.xlsx"
    write_workbook(old, *demo_parts)
    return old


def outputs(folder):
    return sorted(p.name for p in folder.iterdir() if "2027-2028" in p.name)


def test_no_room_for_the_summary_leaves_neither_file_and_the_rerun_works(year1, monkeypatch):
    real_replace = os.replace

    def full_disk_for_text(src, dst, *a, **k):
        if str(dst).endswith(".txt"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", full_disk_for_text)
    result = cli("new-year", year1)
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert outputs(year1.parent) == []  # neither the book nor its summary, nor a temporary file
    assert not [p for p in year1.parent.iterdir() if p.name.startswith(".")]

    monkeypatch.setattr(os, "replace", real_replace)
    again = cli("new-year", year1)
    assert again.exit_code == 0, again.output
    assert outputs(year1.parent) == sorted(["наставничество 2027-2028.xlsx", f"наставничество 2027-2028{NOTE}"])


def test_interrupted_while_writing_the_summary_leaves_nothing(year1, monkeypatch):
    import nastavnik.base.safeio as safeio

    real = safeio.write_bytes

    def interrupted(target, data):
        if str(target).endswith(".txt"):
            raise KeyboardInterrupt
        return real(target, data)

    monkeypatch.setattr(safeio, "write_bytes", interrupted)
    result = cli("new-year", year1)
    assert result.exit_code == 130
    assert outputs(year1.parent) == []


def test_a_book_left_without_its_summary_is_recognised_and_completed(year1):
    assert cli("new-year", year1).exit_code == 0
    new = year1.with_name("наставничество 2027-2028.xlsx")
    note = year1.with_name(f"наставничество 2027-2028{NOTE}")
    made = new.read_bytes()
    note.unlink()  # what an interrupted run of the earlier version left
    result = cli("new-year", year1)
    assert result.exit_code == 0, result.output
    assert "был прерван" in result.output
    assert note.exists() and new.read_bytes() == made


def test_another_file_under_the_new_name_is_never_written_over(year1):
    new = year1.with_name("наставничество 2027-2028.xlsx")
    new.write_bytes(b"not a workbook of this transition")
    result = cli("new-year", year1)
    assert result.exit_code == 2
    assert "уже есть" in result.output + result.stderr
    assert "Итогов перехода" in result.output + result.stderr  # and it says the summary is missing
    assert new.read_bytes() == b"not a workbook of this transition"
    assert not year1.with_name(f"наставничество 2027-2028{NOTE}").exists()
