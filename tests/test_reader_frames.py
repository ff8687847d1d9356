"""The reader's typed tables as every later stage expects them: built fast, but holding the same values and types
that pandas' own inference gave (``workbook.reader._frame``, ``workbook.values._dates``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import _frame
from nastavnik.workbook.values import _dates


def _mentors(**data):
    rows = list(range(2, 2 + max(len(v) for v in data.values())))
    return _frame(s.SHEET_BY_KEY["mentors"], data, rows)


def test_a_list_of_codes_stays_one_cell_per_row():
    # Two rows of two codes each: built as a plain numpy array, they would become a 2 × 2 matrix.
    frame = _mentors(code=["Н-001", "Н-002"], preferred_mentees=[("М-001", "М-002"), ("М-003", "М-004")])
    assert frame["preferred_mentees"].tolist() == [("М-001", "М-002"), ("М-003", "М-004")]
    assert frame["code"].tolist() == ["Н-001", "Н-002"]


def test_text_stays_python_objects_not_pandas_strings():
    # pandas 3 infers its «str» dtype from an object array; the rules and the documents compare with None.
    frame = _mentors(code=["Н-001", None], fio=["Иванова Анна Петровна", None])
    assert frame["fio"].dtype == object
    assert frame["fio"].tolist() == ["Иванова Анна Петровна", None]


def test_a_table_is_consolidated_into_blocks_by_dtype():
    frame = _mentors(code=["Н-001"], fio=["Иванова Анна Петровна"])
    assert frame._mgr.is_consolidated()


def test_empty_sheet_has_every_column_typed():
    frame = _frame(s.SHEET_BY_KEY["pairs"], {}, [])
    assert list(frame.columns) == [c.key for c in s.SHEET_BY_KEY["pairs"].columns] + ["_row"]
    assert str(frame["start"].dtype) == "datetime64[s]"
    assert str(frame["_row"].dtype) == "int64"


def test_dates_made_directly_equal_pandas_inference():
    values = [dt.date(2026, 9, 1), None, dt.date(1975, 2, 28), dt.date(2026, 9, 1)]
    expected = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce")
    pd.testing.assert_series_equal(_dates(values), expected)


def test_repeated_dates_are_placed_at_their_rows():
    values = [dt.date(2026, 9, 1), dt.date(2026, 10, 1)] * 50 + [None]
    got = _dates(values)
    assert got.iloc[0] == pd.Timestamp("2026-09-01") and got.iloc[99] == pd.Timestamp("2026-10-01")
    assert pd.isna(got.iloc[100]) and len(got) == 101
    pd.testing.assert_series_equal(got, pd.to_datetime(pd.Series(values, dtype=object), errors="coerce"))


def test_dates_of_another_kind_still_go_through_pandas():
    values = [dt.datetime(2026, 9, 1, 10, 30), None]
    assert _dates(values).iloc[0] == pd.Timestamp("2026-09-01 10:30")
