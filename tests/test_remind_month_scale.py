"""«Что сделать в этом месяце» of a large book: short lines, quickly.

On a district's book (10 000 people) the month's list took eight seconds of every run (each row read through
``.loc``; each programme's pairs found by comparing the whole column) and printed a line of twenty thousand
characters with every programme's code. A line names a few codes and says how many more.
"""

from __future__ import annotations

import re

import pytest

from nastavnik.forms.month import state_todo
from nastavnik.forms.surveys_due import surveys_due
from nastavnik.workbook.reader import read_workbook

from .conftest import TODAY


@pytest.fixture(scope="module")
def big_book(tmp_path_factory):
    from nastavnik.workbook.samples.synth import write_synth

    path = tmp_path_factory.mktemp("synth") / "M.xlsx"
    write_synth(path, "M", 1, TODAY)
    return read_workbook(path, today=TODAY)


def test_each_line_names_at_most_eight_codes_of_a_kind_and_counts_the_rest(big_book):
    lines = state_todo(big_book, TODAY)
    assert lines
    for line in lines:
        for run in re.findall(r"(?:[А-ЯЁ]{1,3}-\d+(?:, )?)+", line):
            assert len(re.findall(r"[А-ЯЁ]{1,3}-\d+", run)) <= 8, line[:200]
        assert len(line) < 600, line[:200]
    assert any(re.search(r"и ещё \d+", line) for line in lines)


def test_surveys_due_pair_every_programme_with_its_own_pair_rows(big_book):
    dues = surveys_due(big_book, TODAY)
    pairs = big_book.tables["pairs"]
    progs = big_book.tables["programmes"].set_index("code")["pair"]
    members = {(c, m) for c, m in zip(pairs["code"], pairs["mentor"])} | {(c, m) for c, m in zip(pairs["code"], pairs["mentee"])}
    assert dues
    for due in dues:
        assert progs[due.programme] == due.pair and (due.pair, due.code) in members
