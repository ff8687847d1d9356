"""The rules' shared helpers give what plain pandas gave: the rows a rule reports, and the frames it starts from."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from nastavnik.checks.common import by_code, coded, pair_heads, records, records_where
from nastavnik.workbook.book import Book


@pytest.fixture
def frame():
    return pd.DataFrame({
        "code": ["ПР-1", "ПР-2", None, "ПР-1"],
        "done": pd.array([True, None, False, True], dtype="boolean"),
        "start": pd.to_datetime(["2026-09-01", None, "2026-10-01", "2026-09-15"]),
        "_row": [2, 3, 4, 5],
    })


@pytest.mark.parametrize("mask", [
    np.array([False, False, False, False]),
    np.array([True, True, True, True]),
    np.array([False, True, False, True]),
])
def test_rows_picked_by_a_mask_are_those_pandas_picks(frame, mask):
    assert records_where(frame, mask) == records(frame[mask])


def test_a_mask_with_empty_cells_picks_only_the_true_ones(frame):
    assert [r["_row"] for r in records_where(frame, frame["done"])] == [2, 5]


@pytest.mark.filterwarnings("ignore:Boolean Series key will be reindexed")
def test_a_mask_on_another_order_is_aligned_by_its_index(frame):
    mask = pd.Series([True, False, False, False], index=[3, 2, 1, 0])
    assert [r["_row"] for r in records_where(frame, mask)] == [5]


def _book(pairs):
    return Book(path=None, org={}, tables={"pairs": pairs})


def test_a_pairs_first_row_is_its_first_in_the_sheet_even_when_typed_below():
    pairs = pd.DataFrame({"code": ["ГР-1", "ГР-1", "ПР-2", None], "mentee": ["М-3", "М-1", "М-2", "М-4"],
                          "_row": [7, 3, 5, 9]})
    book = _book(pairs)
    assert pair_heads(book).set_index("code")["_row"].to_dict() == {"ГР-1": 3, "ПР-2": 5}
    assert by_code(book, "pairs").loc["ГР-1", "mentee"] == "М-1"
    assert list(coded(book, "pairs")["_row"]) == [3, 5, 7]


def test_shared_frames_follow_a_replaced_table():
    book = _book(pd.DataFrame({"code": ["ПР-1"], "_row": [2]}))
    assert list(pair_heads(book)["code"]) == ["ПР-1"]
    book.tables["pairs"] = pd.DataFrame({"code": ["ПР-7"], "start": [dt.date(2026, 9, 1)], "_row": [2]})
    assert list(pair_heads(book)["code"]) == ["ПР-7"]
