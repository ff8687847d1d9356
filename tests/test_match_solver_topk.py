"""The first sub-graph of the solver: each mentee's best arcs, found row by row, are those one sort finds."""

from __future__ import annotations

import numpy as np
import pytest

from nastavnik.match.solver import _best_of_rows, _best_per_row


@pytest.mark.parametrize("seed", range(6))
def test_the_best_arcs_row_by_row_are_the_first_of_the_sort_ties_to_the_smaller_mentor(seed):
    rng = np.random.default_rng(seed)
    degrees = rng.integers(0, 30, size=40)
    indptr = np.concatenate([[0], np.cumsum(degrees)]).astype(np.int64)
    cost = rng.integers(1, 6, size=int(indptr[-1])).astype(np.int32)  # few values: many ties
    rows = np.repeat(np.arange(40), degrees)
    for k in (1, 3, 8, 40):
        expected = np.sort(_best_per_row(indptr, 0, rows, cost, np.arange(len(cost)), k))
        assert _best_of_rows(indptr, np.arange(40), cost, k).tolist() == expected.tolist()
        some = np.array([0, 5, 17, 39])
        mine = np.isin(rows, some)
        assert _best_of_rows(indptr, some, cost, k).tolist() == expected[mine[expected]].tolist()
