"""``match_book``: from the typed banks to a proposal the council can read and check.

Order of work: select candidates (hard constraints), score every pair in
numpy blocks and keep only the feasible ones (a sparse graph), solve the
assignment exactly, gather the group members of the optimum into groups,
then put words only on what a person will read — the top candidates of
each mentee and the proposal.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from dataclasses import dataclass, field

from nastavnik.workbook import orgtypes

from .candidates import Pool, build_pool, same_person_pairs
from .exact import solve_groups
from .groups import form_groups
from .reasons import pair_reasons, unmatched_reasons
from .scoring import CHUNK, PARTS, UNIT, Scorer, wait_cap, weights_from_org
from .solver import solve, total_units

DEFAULT_TOP = 3
# The sheets ``match_book`` reads (``read_workbook(..., sheets=SHEETS)``): the banks, this year's and past pairs,
# and what the early fit check (``workbook.fit.refits``) reads — programmes, the answers and the question bank.
SHEETS = frozenset({"mentors", "mentees", "pairs", "archive_pairs", "programmes", "answers", "questions"})
# Parts are shares such as ⅓ (one of three levels, of three subject words): kept to 12 digits in the JSON, so
# Σ weight × part rounded to 4 digits gives the score back; rounded to 4 digits, 5 × 0,3333 lost a unit.
PART_DIGITS = 12


@dataclass
class MatchResult:
    """Everything ``nastavnik match`` shows; ``to_dict`` is exactly what ``--format json`` prints."""

    today: dt.date
    workbook: str
    weights: dict
    top: int
    proposal: list[dict] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)
    excluded: list[dict] = field(default_factory=list)
    capacity: dict = field(default_factory=dict)  # mentor code → free places
    people: dict = field(default_factory=dict)  # code → ФИО (only people with consent)
    mentee_kinds: dict = field(default_factory=dict)  # mentee code → preferred kind
    waiting: int = 0
    pool_mentees: int = 0  # mentees actually matched against (consent, no live pair)
    total_score: float = 0.0
    wait_cap_months: int = 6
    timings: dict = field(default_factory=dict)
    org_type: orgtypes.OrgType = orgtypes.DEFAULT  # whose words the proposal's headers speak

    def to_dict(self) -> dict:
        return {
            "workbook": self.workbook,
            "date": self.today.isoformat(),
            "org_type": self.org_type.title,
            "weights": self.weights,
            "wait_cap_months": self.wait_cap_months,
            "top": self.top,
            "waiting": self.waiting,
            "pool_mentees": self.pool_mentees,
            "total_score": self.total_score,
            "capacity": self.capacity,
            "people": self.people,
            "proposal": self.proposal,
            "candidates": self.candidates,
            "groups": self.groups,
            "unmatched": self.unmatched,
            "excluded": self.excluded,
        }


def _pair_record(sc: Scorer, i: int, j: int, units: int, parts: dict) -> dict:
    return {
        "mentee": sc.me_codes[i],
        "mentor": sc.mr_codes[j],
        "score": round(units / UNIT, 4),
        "parts": {k: round(float(parts[k]), PART_DIGITS) for k in PARTS},
        "reasons": pair_reasons(sc, i, j, parts),
    }


def _row(indptr, i):
    return slice(int(indptr[i]), int(indptr[i + 1]))


def _history_reasons(pool: Pool, mentee: str, mentor: str | None) -> list[str]:
    """Why a proposal differs from a past pair of this mentee (or that repeating it was allowed)."""
    out = []
    for past, why, allowed in pool.history.get(mentee, ()):
        if past == mentor and allowed:
            out.append(f"повтор прежней пары разрешён куратором ({why.replace(' с ним', '')})")
        elif past != mentor:
            state = "повтор разрешён" if allowed else "повтор не предлагается"
            out.append(f"прежний наставник {past}: {why.replace(' с ним', '')}; {state}")
    return out


def match_frames(mentors, mentees, pairs=None, org=None, today: dt.date | None = None, top: int = DEFAULT_TOP,
                 workbook: str = "", archive=None, solver=None, refit: dict | None = None) -> MatchResult:
    """Match from the tables and the organisation's weights (no Book needed).

    ``archive`` is the archive of past years' pairs (the pairs sheet's columns plus ``year``), if any;
    ``refit`` maps a mentee of a running pair to (pair, old mentor, why) after «не подходит» in the early fit
    check (``workbook.fit.refits``): she is matched again without the old mentor, and her proposal says which
    pair it replaces (``replaces``);
    ``solver`` replaces ``solver.solve`` (the benchmark and the tests pass the other exact solvers).
    """
    import numpy as np

    clock = {"start": time.perf_counter()}
    today = today or dt.date.today()
    pool: Pool = build_pool(mentors, mentees, pairs, archive, refit)
    sc = Scorer(pool.mentees, pool.mentors, weights_from_org(org), today=today, wait_cap=wait_cap(org),
                org_type=orgtypes.of(org or {}))
    clock["features"] = time.perf_counter()
    blocked: dict[tuple[int, int], str] = {}
    for i, j in same_person_pairs(pool.mentees, pool.mentors):
        blocked[(i, j)] = "это тот же человек"
    index_me = {c: i for i, c in enumerate(pool.mentees["code"])}
    index_mr = {c: j for j, c in enumerate(pool.mentors["code"])}
    for (me, mr), why in sorted(pool.forbidden.items()):
        if me in index_me and mr in index_mr:
            blocked.setdefault((index_me[me], index_mr[mr]), why)
    indptr, cols, cost = sc.graph(set(blocked))
    # The graph's cost holds the group bonus wherever a group is possible; the exact solver counts it only for
    # real groups of two or more (``exact``), on the base score.
    # Arc-sized arrays are 32-bit and made once: at 10,000 × 4,000 the graph has ten million arcs.
    bonus = round(sc.weights.get("group", 0.0) * UNIT)
    small = len(sc.group_key) == 0 or sc.group_key.max() < np.iinfo(np.int16).max  # sets of requests: a few hundred
    key_of_arc = np.repeat(sc.group_key.astype(np.int16 if small else np.int32), np.diff(indptr))
    ready_of_arc = sc.group_ready[cols]
    # The base score is the graph's cost with the bonus taken off in place, and the cost of an arc is its base
    # plus the bonus where a group is possible: one arc-sized array, not two (a quarter of a gigabyte at 4 × L).
    grouping = (key_of_arc >= 0) & ready_of_arc if bonus > 0 else np.zeros(len(cols), dtype=bool)
    base = cost
    del cost
    np.subtract(base, bonus, out=base, where=grouping)
    clock["scores"] = time.perf_counter()
    assignment, grouped_arcs = solve_groups(indptr, cols, base, sc.spare.astype(int), key_of_arc, ready_of_arc,
                                            bonus, solver or solve)
    del key_of_arc, ready_of_arc
    grouped = {int(np.searchsorted(indptr, a, side="right") - 1) for a in grouped_arcs}
    clock["solve"] = time.perf_counter()

    result = MatchResult(today=today, workbook=workbook, weights=sc.weights, top=top,
                         waiting=pool.waiting, excluded=pool.excluded, pool_mentees=sc.n, org_type=sc.org_type)
    result.wait_cap_months = sc.wait_cap
    result.total_score = round((total_units(indptr, cols, base, assignment) + bonus * len(grouped)) / UNIT, 4)
    result.capacity = {c: int(x) for c, x in zip(pool.mentors["code"], sc.spare)}
    result.people = {c: f for frame in (pool.mentees, pool.mentors) for c, f in zip(frame["code"], frame["fio"])
                     if isinstance(f, str)}
    result.mentee_kinds = {c: k for c, k in zip(pool.mentees["code"], pool.mentees["kind"]) if isinstance(k, str)}

    # Candidates: the best ``top`` feasible mentors per mentee (all feasible ones when top == 0).
    chosen = dict(assignment)
    wanted: dict[int, list[int]] = {}
    for i in range(sc.n):
        span = _row(indptr, i)
        js, units = cols[span], base[span] + bonus * grouping[span]
        if top > 0 and len(js) > top:  # only the arcs scored at least the top-th best can be among the top
            kth = np.partition(units, len(units) - top)[len(units) - top]
            near = np.flatnonzero(units >= kth)
            js, units = js[near], units[near]
        if len(js):
            order = np.lexsort((js, -units))
            wanted[i] = [int(js[o]) for o in (order if top <= 0 else order[:top])]

    def arc(i, j):
        """(units, in a group): the proposal's pairs as placed; a candidate's as it would be in the better mode."""
        span = _row(indptr, i)
        pos = span.start + int(np.searchsorted(cols[span], j))
        if chosen.get(i) == j:
            return int(base[pos]) + (bonus if i in grouped else 0), i in grouped
        return int(base[pos]) + (bonus if grouping[pos] else 0), sc.in_group(i, j)

    # Only the pairs a person reads get their parts and words: the proposal and each mentee's top candidates.
    shown = sorted({(i, j) for i, js in wanted.items() for j in js} | set(chosen.items()))
    details: dict[tuple[int, int], dict] = {}
    for start in range(0, len(shown), CHUNK * CHUNK):
        some = shown[start:start + CHUNK * CHUNK]
        parts = sc.pairs([i for i, _ in some], [j for _, j in some])
        for r, (i, j) in enumerate(some):
            units, in_group = arc(i, j)
            values = {k: float(parts[k][r]) for k in PARTS}
            values["group"] = 1.0 if in_group else 0.0
            details[(i, j)] = _pair_record(sc, i, j, units, values)
    for i, js in sorted(wanted.items()):
        for rank, j in enumerate(js, start=1):
            rec = dict(details[(i, j)], rank=rank, in_proposal=chosen.get(i) == j)
            result.candidates.append(rec)
    for i, j in assignment:
        rec = dict(details[(i, j)])
        rec["reasons"] = rec["reasons"] + _history_reasons(pool, rec["mentee"], rec["mentor"])
        if rec["mentee"] in pool.refit:
            pair, old, why = pool.refit[rec["mentee"]]
            rec["replaces"] = {"pair": pair, "mentor": old, "why": why}
            rec["reasons"] = [f"замена наставника в паре {pair} (п. 5.1 Положения): {why}"] + [
                r for r in rec["reasons"] if not r.startswith(f"прежний наставник {old}:")]
        rec["kind"] = result.mentee_kinds.get(rec["mentee"])
        rec["group"] = None
        result.proposal.append(rec)
    result.groups = form_groups(sc, result.proposal, assignment)
    clock["reasons"] = time.perf_counter()

    for i in range(sc.n):
        if i in chosen:
            continue
        row = np.zeros(sc.m, dtype=bool)
        row[cols[_row(indptr, i)]] = True
        causes, advice = unmatched_reasons(sc, pool, i, row, blocked)
        causes = causes + _history_reasons(pool, sc.me_codes[i], None)
        record = {"mentee": sc.me_codes[i], "reasons": causes, "advice": advice}
        if sc.me_codes[i] in pool.refit:
            pair, old, why = pool.refit[sc.me_codes[i]]
            record["replaces"] = {"pair": pair, "mentor": old, "why": why}
            keep = f"пока замены нет, пара {pair} продолжает работу; обсудите её с наставником и наставляемым"
            record["advice"] = [*advice, keep]
        result.unmatched.append(record)
    clock["end"] = time.perf_counter()
    steps = list(clock)
    result.timings = {b: round(clock[b] - clock[a], 3) for a, b in itertools.pairwise(steps)}
    result.timings["total"] = round(clock["end"] - clock["start"], 3)
    return result


def match_book(book, today: dt.date | None = None, top: int = DEFAULT_TOP) -> MatchResult:
    """The library entry point behind ``nastavnik match`` and ``nastavnik run``."""
    from nastavnik.workbook.fit import refits

    t = book.tables
    return match_frames(t["mentors"], t["mentees"], t.get("pairs"), book.org, today, top, workbook=book.name,
                        archive=t.get("archive_pairs"), refit=refits(book))
