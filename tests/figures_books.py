"""Books for comparing figures across outputs: the demos of both types, and a second year made by new-year.

The second year is filled as a curator would fill it (tests/test_newyear.py does the same for one pair): pairs
completed and stopped, people leaving, a new mentee with a mentor who mentored in year one, new survey forms.
"""

from __future__ import annotations

import copy
import datetime as dt

from nastavnik.workbook import vocab as v
from nastavnik.workbook.newyear import next_year
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

D = dt.date
NEW_YEAR_DAY = D(2027, 8, 25)


def _close(tables, code, status, end, reason):
    progs = {p["code"] for p in tables["programmes"] if p["pair"] == code}
    for r in tables["pairs"]:
        if r["code"] == code:
            r.update(status=status, actual_end=end, end_reason=reason)
    if status == v.PAIR_DONE:
        for r in tables["plan"]:
            if r["programme"] in progs:
                r.update(status=v.ACT_DONE, actual_date=min(r["planned_date"], end))
    members = {r["mentee"] for r in tables["pairs"] if r["code"] == code}
    for r in tables["mentees"]:
        if r["code"] in members:
            r["status"] = v.MENTEE_DONE if status == v.PAIR_DONE else r["status"]


def _leave(tables, code, day):
    for r in tables["mentees"]:
        if r["code"] == code:
            r["left_date"] = day


def second_year(year_one_book, path):
    """Year 2 (2027/2028) of a year-one book, made by new-year on 25.08.2027 and filled until spring 2028."""
    org, tables, _ = next_year(year_one_book, NEW_YEAR_DAY)
    tables = copy.deepcopy(tables)
    carried = [r["code"] for r in tables["pairs"]]
    first, second = carried[0], carried[1]
    _close(tables, first, v.PAIR_DONE, D(2027, 10, 20), v.REASON_FULL)
    stopped_mentees = {r["mentee"] for r in tables["pairs"] if r["code"] == second}
    _close(tables, second, v.PAIR_STOPPED, D(2027, 11, 15), "по инициативе наставляемого")
    for m in stopped_mentees:
        _leave(tables, m, D(2027, 11, 15))
    # A new mentee and a new pair with a mentor who mentored in year one.
    mentor = next(r["mentor"] for r in year_one_book.tables["pairs"].to_dict("records")
                  if r["status"] == v.PAIR_DONE)
    proto = copy.deepcopy(tables["mentees"][-1])
    proto.update(code="П-099", status=v.MENTEE_IN_PAIR, date_added=D(2027, 9, 5), left_date=None)
    tables["mentees"].append(proto)
    pair = copy.deepcopy(next(r for r in tables["pairs"] if r["code"] not in (first, second)))
    pair.update(code="ПР-099", mentor=mentor, mentee="П-099", status=v.PAIR_RUNNING, start=D(2027, 9, 20),
                planned_end=D(2028, 5, 20), actual_end=None, end_reason=None, change=None, new_end=None,
                order_date=D(2027, 9, 15), order_no="99-о", kind=v.KIND_ONE_TO_ONE)
    tables["pairs"].append(pair)
    prog = copy.deepcopy(tables["programmes"][0])
    prog.update(code="ПП-099", pair="ПР-099", start=D(2027, 9, 20), end=D(2028, 5, 20), best_practice=False)
    tables["programmes"].append(prog)
    survey = copy.deepcopy(tables["surveys"][0]) if tables["surveys"] else None
    if survey:
        for n, day in enumerate((D(2027, 10, 18), D(2027, 10, 19))):
            row = copy.deepcopy(survey)
            row.update(programme=prog["code"], date=day)
            for k, q in enumerate(v.SURVEY_QUESTIONS):
                row[q] = 6 + (k + n) % 4
            tables["surveys"].append(row)
    write_workbook(path, org, tables)
    return read_workbook(path, today=D(2028, 6, 1))
