"""Properties that hold for any cell values (hypothesis): a report, never a traceback."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nastavnik.base.problems import NastavnikError
from nastavnik.base.safeio import atomic_path, safe_filename, write_text
from nastavnik.checks import check_book
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.schema import MENTORS, PAIRS
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

cell = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(min_value=-10**9, max_value=10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["=1+1", "+7 900", "-", "@SUM(A1)", "{{ x }}", "{% if %}", "<b>", "&amp;", "ё Ё", "\u00a0"]),
)


def row_of(sheet):
    return st.fixed_dictionaries({c.key: cell for c in sheet.columns})


# Each example writes, reads and checks a whole demo book (with its question bank and answers since 1.7, about
# 1.2 s): 25 examples keep the suite within CI's 15 minutes (it took 180 s of one worker at 150, 36 s at 40).
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mentors=st.lists(row_of(MENTORS), max_size=4), pairs=st.lists(row_of(PAIRS), max_size=4))
def test_any_cell_values_end_in_a_report(tmp_path_factory, demo_parts, mentors, pairs):
    org, tables = demo_parts
    path = tmp_path_factory.mktemp("prop") / "случайная.xlsx"
    write_workbook(path, org, {**tables, "mentors": tables["mentors"][:3] + mentors, "pairs": pairs})
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    first = check_book(read_workbook(path, today=TODAY), TODAY)
    second = check_book(read_workbook(path, today=TODAY), TODAY)
    assert first.problems == second.problems  # checking twice gives the same result
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest  # the input never changes


@given(st.text(max_size=200))
def test_safe_filename_never_leaves_its_folder(name):
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and ".." not in safe
    assert safe not in (".", "..") and len(safe) <= 120
    assert safe.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


def test_reserved_and_traversal_names():
    assert safe_filename("../../etc/passwd") == "___etc_passwd"
    assert safe_filename("CON") == "_CON"
    assert safe_filename("Иванов & Петров: программа?") == "Иванов & Петров_ программа_"


def test_output_is_complete_or_absent_when_writing_fails(tmp_path):
    target = tmp_path / "отчёт.txt"
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("половина")
        raise RuntimeError("сбой посреди записи")
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_full_disk_gives_a_message_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "программа.docx"

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(NastavnikError, match="на диске не хватает места") as info:
        write_text(target, "текст")
    assert info.value.exit_code == 4  # the computer refused, not an error in the workbook
    assert list(tmp_path.iterdir()) == []


def test_read_only_output_folder_gives_a_message(tmp_path, monkeypatch):
    import tempfile

    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(NastavnikError, match="нет прав доступа") as info:
        write_text(tmp_path / "x.txt", "текст")
    assert info.value.exit_code == 4


def test_text_starting_with_formula_signs_stays_text_in_written_xlsx(tmp_path, demo_parts):
    import openpyxl

    org, tables = demo_parts
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+79001234567", "-1+2", "@SUM(A1:A2)"]
    mentors = [dict(tables["mentors"][i], note=h) for i, h in enumerate(hostile)]
    path = tmp_path / "опасная.xlsx"
    write_workbook(path, org, {**tables, "mentors": mentors})
    ws = openpyxl.load_workbook(path)["Наставники"]
    col = [c.value for c in ws[1]].index("Примечание") + 1
    for i, h in enumerate(hostile, start=2):
        assert ws.cell(i, col).data_type == "s" and ws.cell(i, col).value == h


SHAPES = ("as_in_demo", "empty", "one_row", "blank_column")


def _shaped(rows: list[dict], shape: str, sheet, column: int) -> list[dict]:
    """The demo's rows of one sheet cut to a shape a real workbook has at some point of its year."""
    if shape == "empty":
        return []
    if shape == "one_row":
        return [dict(rows[0])] if rows else []
    if shape == "blank_column":
        key = sheet.columns[column % len(sheet.columns)].key
        return [{**r, key: None} for r in rows]
    return [dict(r) for r in rows]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # a failing workbook is shown as it is: shrinking
@given(shapes=st.lists(st.sampled_from(SHAPES), min_size=9, max_size=9),
       columns=st.lists(st.integers(0, 40), min_size=9, max_size=9))
def test_empty_sheets_single_rows_and_blank_columns_end_in_a_report(tmp_path_factory, demo_parts, shapes, columns):
    """Every library step on a workbook whose sheets are empty, one row long or have an all-blank column."""
    from nastavnik.docs.render import plan_documents
    from nastavnik.match import match_book
    from nastavnik.report import report_for_book
    from nastavnik.site.content import site_content
    from nastavnik.workbook.schema import SHEETS

    org, tables = demo_parts
    shaped = {sheet.key: _shaped(tables.get(sheet.key) or [], shape, sheet, col)
              for sheet, shape, col in zip(SHEETS, shapes, columns)}
    folder = tmp_path_factory.mktemp("shape")
    path = folder / "книга.xlsx"
    write_workbook(path, org, shaped)
    book = read_workbook(path, today=TODAY)
    report = check_book(book, TODAY)
    assert report.valid == (not report.errors)
    match_book(book, TODAY)
    report_for_book(book, TODAY)
    plan_documents(book, folder / "Документы", TODAY)
    site_content(book, TODAY)
