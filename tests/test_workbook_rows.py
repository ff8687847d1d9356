"""``workbook.rows``: a table's rows as plain values, the same as the documents' cell-by-cell cleaning gave."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from nastavnik.docs.context import clean
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.rows import plain_records
from nastavnik.workbook.samples.demos import write_demo

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return read_workbook(write_demo(tmp_path_factory.mktemp("rows") / "школа.xlsx", "school", TODAY), today=TODAY)


def _slow(frame):
    return [{k: clean(x) for k, x in row.items()} for row in frame.to_dict("records")]


def test_every_sheet_of_the_demo_gives_what_cell_by_cell_cleaning_gave(book):
    for key, frame in book.tables.items():
        fast, slow = plain_records(frame), _slow(frame)
        assert fast == slow, key
        for a, b in zip(fast, slow):
            assert [type(x) for x in a.values()] == [type(x) for x in b.values()], key


def test_missing_values_of_each_kind_of_column_are_none():
    frame = pd.DataFrame({
        "date": pd.array([pd.Timestamp("2026-09-01"), pd.NaT], dtype="datetime64[s]"),
        "count": pd.array([3, None], dtype="Int64"),
        "flag": pd.array([True, None], dtype="boolean"),
        "money": pd.array([2500.0, float("nan")], dtype="float64"),
        "text": pd.Series(["Иванова", float("nan")], dtype=object),
        "_row": pd.array([2, 3], dtype="int64"),
    })
    assert plain_records(frame) == [
        {"date": dt.date(2026, 9, 1), "count": 3, "flag": True, "money": 2500.0, "text": "Иванова", "_row": 2},
        {"date": None, "count": None, "flag": None, "money": None, "text": None, "_row": 3},
    ]
    assert type(plain_records(frame)[0]["date"]) is dt.date


def test_an_empty_or_absent_table_has_no_rows():
    assert plain_records(None) == []
    assert plain_records(pd.DataFrame({"a": []})) == []


def test_records_are_what_to_dict_gives_value_for_value_and_type_for_type(book):
    from nastavnik.workbook.rows import records

    for key, frame in book.tables.items():
        for part in (frame, frame.iloc[::2], frame.iloc[:0]):
            fast, slow = records(part), part.to_dict("records")
            assert len(fast) == len(slow), key
            for a, b in zip(fast, slow):
                assert list(a) == list(b), key
                for col in a:
                    x, y = a[col], b[col]
                    assert type(x) is type(y), (key, col, x, y)
                    assert x is y or x == y or (x != x and y != y), (key, col, x, y)  # NaN is NaN


def test_records_box_numpy_scalars_and_na_as_pandas_does():
    import numpy as np

    from nastavnik.workbook.rows import records

    frame = pd.DataFrame({"o": pd.Series([np.datetime64("2026-01-01"), np.timedelta64(3, "D"), np.float64(2.5),
                                          np.int64(3), np.bool_(True), pd.NA, None, "x"], dtype=object),
                          "n": pd.array([1, None, 3, 4, 5, 6, 7, 8], dtype="Int64")})
    assert records(frame) == frame.to_dict("records")
    assert [type(r["o"]) for r in records(frame)] == [type(r["o"]) for r in frame.to_dict("records")]
