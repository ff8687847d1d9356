"""At district scale ``nastavnik match`` scores and explains only what it must, with the numbers of the full
computation: the proposal, the candidates and their reasons do not change with the speed-up.

The graph sums each block's weighted parts as it makes them (``Scorer.block_total``) and the reasons take the
parts of the pairs a person reads (``Scorer.pairs``). Both must give, to the last bit, what ``Scorer.block``
gives for every mentee × every mentor — a score one unit off would move a pair in the proposal.
"""

from __future__ import annotations

import numpy as np
import pytest

from nastavnik.match import core, match_book, match_frames
from nastavnik.match.candidates import build_pool
from nastavnik.match.frames import table
from nastavnik.match.reasons import pair_reasons
from nastavnik.match.scoring import PARTS, UNIT, Scorer, wait_cap, weights_from_org
from nastavnik.match.solver import solve_dense
from nastavnik.match.synthetic import synth_banks
from nastavnik.workbook import orgtypes
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.demos import write_demo

from .conftest import TODAY
from .test_match_solver import SCHOOL, _group_banks, brute_force_groups, with_levels


def rich_banks(n_mentees: int, n_mentors: int, seed: int):
    """Synthetic banks with every part in play: levels, mentors who name mentees, group seekers, reverse
    mentoring, waits of up to a year (the generator gives the last three)."""
    mentors, mentees, pairs = synth_banks(n_mentees, n_mentors, seed)
    mentors, mentees = with_levels(mentors, seed), with_levels(mentees, seed + 100)
    rng = np.random.default_rng(seed)
    codes = list(mentees["code"])
    mentors["preferred_mentees"] = [tuple(rng.choice(codes, 2, replace=False)) if rng.random() < 0.3 else ()
                                    for _ in range(len(mentors))]
    return mentors, mentees, pairs


def scorer(mentors, mentees, pairs, org=None) -> Scorer:
    pool = build_pool(mentors, mentees, pairs)
    return Scorer(pool.mentees, pool.mentors, weights_from_org(org), today=TODAY, wait_cap=wait_cap(org),
                  org_type=orgtypes.of(org or {}))


@pytest.fixture(scope="module", params=["extra", "school", "synthetic"])
def case(request, tmp_path_factory):
    """(mentors, mentees, pairs, org) of a demonstration book read from its file, or of rich synthetic banks."""
    if request.param == "synthetic":
        return (*rich_banks(120, 50, 3), SCHOOL)
    path = write_demo(tmp_path_factory.mktemp("demo") / "книга.xlsx", request.param, today=TODAY)
    book = read_workbook(path, today=TODAY)
    t = book.tables
    return t["mentors"], t["mentees"], t["pairs"], book.org


def test_the_cases_exercise_every_part(case):
    sc = scorer(*case)
    parts = sc.block(np.arange(sc.n))
    live = {k for k in PARTS if parts[k].any()}
    assert {"coverage", "subject", "experience", "format", "load"} <= live
    if case[3] is SCHOOL:
        assert {"level", "preference", "reverse", "wait"} <= live and sc.named_set and (sc.group_key >= 0).any()


def test_the_parts_of_chosen_pairs_equal_the_block_of_every_mentor(case):
    sc = scorer(*case)
    full = sc.block(np.arange(sc.n))
    ii, jj = np.divmod(np.arange(sc.n * sc.m), sc.m)
    lazy = sc.pairs(ii, jj)
    for k in PARTS:
        assert np.array_equal(lazy[k], full[k][ii, jj]), k


def _former_graph(sc: Scorer):
    """The graph as it was built before: every part of a block, then ``total`` and ``feasible_block``."""
    bonus = round(sc.weights.get("group", 0.0) * UNIT)
    rows = np.arange(sc.n)
    parts = sc.block(rows)
    total = sc.total(parts)
    ok = sc.feasible_block(rows, parts, total)
    units = np.rint(total * UNIT).astype(np.int64) + sc.group_mode(rows) * bonus
    r, c = np.nonzero(ok)
    return np.concatenate([[0], np.cumsum(np.bincount(r, minlength=sc.n))]), c, units[r, c]


def test_the_graph_holds_the_scores_of_the_full_computation_to_the_unit(case):
    sc = scorer(*case)
    full = sc.total(sc.block(np.arange(sc.n)))
    assert np.array_equal(sc.block_total(np.arange(sc.n))[0], full)
    for got, former in zip(sc.graph(), _former_graph(sc)):
        assert np.array_equal(got, former)


def _former_records(sc: Scorer, result):
    """Each shown pair's parts and reasons from ``block`` of its mentee against every mentor."""
    full = sc.block(np.arange(sc.n))
    me, mr = {c: i for i, c in enumerate(sc.me_codes)}, {c: j for j, c in enumerate(sc.mr_codes)}
    out = {}
    for rec in result.candidates:
        i, j = me[rec["mentee"]], mr[rec["mentor"]]
        values = {k: float(full[k][i, j]) for k in PARTS}
        values["group"] = rec["parts"]["group"]
        out[(i, j)] = ({k: round(values[k], core.PART_DIGITS) for k in PARTS}, pair_reasons(sc, i, j, values))
    return out


def test_the_reasons_shown_are_those_of_the_full_computation(case):
    mentors, mentees, pairs, org = case
    result = match_frames(mentors, mentees, pairs, org, TODAY, top=0)
    sc = scorer(*case)
    former = _former_records(sc, result)
    assert len(former) == len(result.candidates) > 0
    me, mr = {c: i for i, c in enumerate(sc.me_codes)}, {c: j for j, c in enumerate(sc.mr_codes)}
    for rec in result.candidates:
        parts, reasons = former[(me[rec["mentee"]], mr[rec["mentor"]])]
        assert rec["parts"] == parts and rec["reasons"] == reasons
    for rec in result.proposal:  # its group part is the group it is placed in; its reasons say more
        parts, _reasons = former[(me[rec["mentee"]], mr[rec["mentor"]])]
        assert {k: x for k, x in rec["parts"].items() if k != "group"} == {k: x for k, x in parts.items()
                                                                           if k != "group"}


def test_the_proposal_is_the_one_of_the_full_computation(monkeypatch):
    """Rich banks of 400 × 150: the whole result (JSON) with the former graph and reasons equals today's."""
    mentors, mentees, pairs = rich_banks(400, 150, 7)
    now = match_frames(mentors, mentees, pairs, SCHOOL, TODAY).to_dict()
    monkeypatch.setattr(Scorer, "graph", lambda self, blocked=frozenset(): _blocked(self, blocked))
    monkeypatch.setattr(Scorer, "pairs", _pairs_from_block)
    before = match_frames(mentors, mentees, pairs, SCHOOL, TODAY).to_dict()
    assert now["groups"] and now["proposal"]
    assert now == before


def _blocked(sc: Scorer, blocked):
    indptr, cols, cost = _former_graph(sc)
    keep = np.array([(i, int(j)) not in blocked for i, j in zip(np.repeat(np.arange(sc.n), np.diff(indptr)), cols)],
                    dtype=bool)
    rows = np.repeat(np.arange(sc.n), np.diff(indptr))[keep]
    return (np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=sc.n))]), cols[keep].astype(np.int32),
            cost[keep].astype(np.int32))


def _pairs_from_block(sc: Scorer, ii, jj):
    full = sc.block(np.arange(sc.n))
    return {k: full[k][np.asarray(ii), np.asarray(jj)] for k in PARTS}


@pytest.mark.parametrize("seed", range(6))
def test_the_proposal_with_groups_is_the_brute_force_optimum(seed):
    mentors, mentees = (table(k, rows) for k, rows in zip(("mentors", "mentees"), _group_banks(seed)))
    org = {"w_group": 7}
    result = match_frames(mentors, mentees, table("pairs", []), org, TODAY, 0)
    assert result.total_score == pytest.approx(brute_force_groups(result, mentees, 7))
    assert result.total_score == round(sum(p["score"] for p in result.proposal), 4)
    other = match_frames(mentors, mentees, table("pairs", []), org, TODAY, 0, solver=solve_dense)
    assert other.total_score == result.total_score



def _match_cli(path, *args):
    from click.testing import CliRunner

    from nastavnik.cli import main

    result = CliRunner().invoke(main, ["--today", f"{TODAY:%d.%m.%Y}", "match", str(path), *args])
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return result


def test_match_reads_only_its_sheets_and_proposes_what_the_whole_book_gives(make_book, tmp_path):
    """An error on a sheet the matching never reads (an event without a date) is not the curator's warning here,
    and the proposal is that of the book read whole."""
    import json

    from nastavnik.base.problems import ERROR

    def broken_event(org, tables):
        tables["events"][0]["date"] = "в мае"

    book = make_book(broken_event)
    assert any(p.severity == ERROR and p.sheet == book.sheet_titles["events"] for p in book.problems)
    result = _match_cli(book.path, "--format", "json", "--out", tmp_path)
    assert "ошибки" not in result.stderr
    assert json.loads(result.stdout) == json.loads(json.dumps(match_book(book, TODAY).to_dict(), default=str))


def test_an_error_on_a_sheet_the_matching_reads_is_still_said(make_book, tmp_path):
    def broken_mentor(org, tables):
        tables["mentors"][0]["birth_date"] = "давно"

    book = make_book(broken_mentor)
    result = _match_cli(book.path, "--out", tmp_path)
    assert "в листах книги" in result.stderr and "нужных для подбора, есть ошибки (1)" in result.stderr


def test_a_second_flow_sorting_only_the_changed_mentees_keeps_the_same_arcs_and_pairs():
    """A flow after another on the same graph (the repair's): costs changed on some mentees' arcs; sorting only
    those rows for their best arcs gives the sub-graphs and the pairs of sorting every row."""
    from nastavnik.match.solver import solve

    sc = scorer(*rich_banks(400, 150, 5)[:3])
    indptr, cols, cost = sc.graph()
    cap = sc.spare.astype(int)
    first: dict = {}
    solve(indptr, cols, cost, cap, k_start=2, stats=first)
    rows = np.repeat(np.arange(sc.n), np.diff(indptr))
    changed = (rows % 7 == 0) & (cols % 2 == 0)
    other_cost = cost.copy()
    other_cost[changed] += 30000  # arcs the first flow never kept become the best of their mentee
    fresh = np.zeros(sc.n, dtype=bool)
    fresh[rows[changed]] = True
    whole, part = {}, {}
    pairs_whole = solve(indptr, cols, other_cost, cap, k_start=2, stats=whole, start=first["kept_mask"])
    pairs_part = solve(indptr, cols, other_cost, cap, k_start=2, stats=part, start=first["kept_mask"], fresh=fresh)
    assert pairs_part == pairs_whole and np.array_equal(part["kept_mask"], whole["kept_mask"])
    assert (whole["kept_mask"] & ~first["kept_mask"]).any()


@pytest.mark.parametrize("seed", range(3))
def test_the_council_s_rows_are_as_tall_as_textwrap_makes_them(seed):
    """«Предложения пар.xlsx» sizes each row by its wrapped lines: counted without textwrap, the same count —
    words and spaces, runs of blanks, line breaks, tabs, no-break spaces, words longer than the column."""
    import random
    import textwrap

    from nastavnik.match.output import wrapped_lines

    rng = random.Random(seed)
    pieces = ["закрывает", "2", "из", "3", "запросов:", "«ИКТ»", " ", " ", "  ", "\n", "\t", "\xa0", "\u2003", "-",
              "Н-0001", "x" * 33, ";"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        width = rng.randint(1, 60)
        assert wrapped_lines(text, width) == max(1, len(textwrap.wrap(text, width, break_on_hyphens=False))), (
            text, width)


@pytest.mark.parametrize("seed", range(5))
def test_the_duals_shortest_paths_are_those_of_plain_bellman_ford(seed):
    """The solver's proof of optimality rests on shortest distances in the residual graph (negative edges, no
    negative cycle, parallel edges): relaxing only the edges out of the nodes that moved finds the same ones."""
    from nastavnik.match.solver import shortest

    rng = np.random.default_rng(seed)
    n, e = 40, 160
    src, dst = rng.integers(0, n, e), rng.integers(0, n, e)
    height = rng.integers(-50, 50, n)
    w = (rng.integers(0, 20, e) + height[src] - height[dst]).astype(np.float64)  # no negative cycle
    root = n
    src = np.concatenate([src, np.full(n, root)])
    dst = np.concatenate([dst, np.arange(n)])
    w = np.concatenate([w, np.zeros(n)])
    expected = [np.inf] * n + [0.0]
    for _ in range(n + 1):
        for a, b, x in zip(src.tolist(), dst.tolist(), w.tolist()):
            expected[b] = min(expected[b], expected[a] + x)
    assert shortest(src, dst, w, n + 1, root).tolist() == expected
