"""«Средняя нагрузка наставника» says what it counts: a mentee with two mentors in the year is in each one's load.

The demo's П-001 is moved mid-year from Н-001 (ПР-001, stopped) to Н-006 (a new pair ПР-010): two mentors
lead one mentee. The load is the mentees per mentor, so П-001 counts for both — and the formula shown beside
the value in the report must say so rather than promise «разных наставляемых».
"""

from __future__ import annotations

import datetime as dt

from nastavnik.report import compute_indicators
from nastavnik.workbook import vocab as v

from .conftest import TODAY


def test_a_mentee_with_two_mentors_counts_in_each_load_and_the_formula_says_so(make_book, demo_parts):
    def change(org, tables):
        first = tables["pairs"][0]  # ПР-001: Н-001 / П-001
        first.update(status=v.PAIR_STOPPED, actual_end=dt.date(2026, 10, 20), end_reason="по обоюдному решению")
        tables["pairs"].append({**first, "code": "ПР-010", "mentor": "Н-006", "status": v.PAIR_RUNNING,
                                "start": dt.date(2026, 10, 21), "actual_end": None, "end_reason": None})

    book = make_book(change)
    org = demo_parts[0]
    (load,) = [i for i in compute_indicators(book, org["period_start"], org["period_end"], TODAY)
               if i.spec.code == "mentor_load_mean"]
    pairs = book.tables["pairs"]
    pairs = pairs[pairs["status"] != v.PAIR_DRAFT]  # every other pair of the demo works within the period
    links = pairs.drop_duplicates(["mentor", "mentee"])
    assert (load.numerator, load.denominator) == (len(links), pairs["mentor"].nunique())
    assert load.numerator > pairs["mentee"].nunique()  # П-001 is counted for Н-001 and for Н-006
    assert not load.spec.formula.startswith("Число разных наставляемых")
    assert "входит в нагрузку каждого" in load.spec.formula
