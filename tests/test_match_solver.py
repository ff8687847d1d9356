"""The proposal is the true optimum (brute force, two other exact solvers), keeps every hard constraint,
and does not depend on row order; groups are part of that optimum."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from nastavnik.match import match_frames
from nastavnik.match.candidates import build_pool
from nastavnik.match.frames import mentee, mentor, table
from nastavnik.match.scoring import UNIT, Scorer, weights_from_org
from nastavnik.match.solver import solve, solve_dense, solve_matching, total_units
from nastavnik.match.synthetic import synth_banks
from nastavnik.workbook import orgtypes

from .conftest import TODAY

SOLVERS = [solve, solve_matching, solve_dense]


def graph_of(score, feasible):
    """A dense (score, feasible) pair as the scorer's sparse graph (scores in units of 0.0001)."""
    indptr = np.concatenate([[0], np.cumsum(feasible.sum(1))])
    rows, cols = np.nonzero(feasible)
    return indptr, cols.astype(np.int32), np.rint(score[rows, cols] * UNIT).astype(np.int32)


def brute_force(score, feasible, capacity) -> float:
    """Try every choice of mentor (or none) for every mentee."""
    n, m = score.shape
    best = 0.0
    for choice in itertools.product(range(-1, m), repeat=n):
        used = np.zeros(m, dtype=int)
        total = 0.0
        for i, j in enumerate(choice):
            if j < 0:
                continue
            if not feasible[i, j]:
                break
            used[j] += 1
            total += score[i, j]
        else:
            if (used <= capacity).all():
                best = max(best, total)
    return best


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("solver", SOLVERS, ids=lambda f: f.__name__)
def test_random_matrix_total_equals_brute_force(seed, solver):
    rng = np.random.default_rng(seed)
    score = np.round(rng.integers(0, 5, size=(6, 4)) * 12.5 + rng.integers(0, 2, size=(6, 4)) * 5, 4)
    feasible = (rng.random((6, 4)) < 0.7) & (score > 0)
    capacity = rng.integers(1, 3, size=4)
    pairs = solver(*graph_of(score, feasible), capacity)
    assert sum(score[i, j] for i, j in pairs) == pytest.approx(brute_force(score, feasible, capacity))


@pytest.mark.parametrize("seed", range(10))
def test_synthetic_banks_total_equals_brute_force_and_respects_capacity(seed):
    mentors, mentees, pairs = synth_banks(6, 4, seed)
    pool = build_pool(mentors, mentees, pairs)
    sc = Scorer(pool.mentees, pool.mentors, weights_from_org(None), today=TODAY)
    score, feasible = sc.matrix()
    cap = sc.spare.astype(int)
    chosen = solve(*sc.graph()[:3], cap)
    assert all(feasible[i, j] for i, j in chosen)
    assert (np.bincount([j for _, j in chosen], minlength=sc.m) <= cap).all()
    assert len({i for i, _ in chosen}) == len(chosen)
    assert sum(score[i, j] for i, j in chosen) == pytest.approx(brute_force(score, feasible, cap))


LEVELS = orgtypes.SCHOOL.levels
SCHOOL = {"org_type": orgtypes.SCHOOL.title}


def with_levels(frame, seed: int):
    """The frame with random levels of a school (the level part), one to three per person or none."""
    rng = np.random.default_rng(seed)
    frame = frame.copy()
    frame["level"] = [tuple(x for x in LEVELS if rng.random() < 0.5) for _ in range(len(frame))]
    return frame


def level_share(mine, theirs) -> float:
    """The level part re-derived with Python sets: the share of the mentee's levels the mentor has."""
    mine, theirs = set(mine or ()), set(theirs or ())
    return len(mine & theirs) / len(mine) if mine else 0.0


@pytest.mark.parametrize("seed", range(10))
def test_with_levels_the_level_part_is_the_share_and_the_total_equals_brute_force(seed):
    mentors, mentees, pairs = synth_banks(6, 4, seed)
    mentors, mentees = with_levels(mentors, seed), with_levels(mentees, seed + 100)
    pool = build_pool(mentors, mentees, pairs)
    sc = Scorer(pool.mentees, pool.mentors, weights_from_org(SCHOOL), today=TODAY)
    parts = sc.block(np.arange(sc.n))
    for i, levels in enumerate(pool.mentees["level"]):
        for j, theirs in enumerate(pool.mentors["level"]):
            assert parts["level"][i, j] == pytest.approx(level_share(levels, theirs))
    assert parts["level"].any(), "the instance exercises the level part"
    score, feasible = sc.matrix()
    cap = sc.spare.astype(int)
    chosen = solve(*sc.graph()[:3], cap)
    assert sum(score[i, j] for i, j in chosen) == pytest.approx(brute_force(score, feasible, cap))


@pytest.mark.parametrize("seed", range(2))
def test_with_levels_the_sparse_solver_reaches_the_other_solvers_optimum_on_a_larger_bank(seed):
    mentors, mentees, pairs = synth_banks(400, 150, seed)
    mentors, mentees = with_levels(mentors, seed), with_levels(mentees, seed + 100)
    pool = build_pool(mentors, mentees, pairs)
    sc = Scorer(pool.mentees, pool.mentors, weights_from_org(SCHOOL), today=TODAY)
    graph = sc.graph()[:3]
    cap = sc.spare.astype(int)
    totals = [total_units(*graph, f(*graph, cap)) for f in (solve, solve_matching, solve_dense)]
    assert totals[0] == totals[1] == totals[2]
    assert sc.block(np.arange(50))["level"].any(), "the instance exercises the level part"


@pytest.mark.parametrize("seed", range(3))
def test_sparse_solver_reaches_the_dense_and_the_matching_solvers_optimum_on_a_larger_bank(seed):
    """Hundreds of mentees: several rounds of the dual check, the same total as two independent solvers."""
    mentors, mentees, pairs = synth_banks(400, 150, seed)
    pool = build_pool(mentors, mentees, pairs)
    sc = Scorer(pool.mentees, pool.mentors, weights_from_org(None), today=TODAY)
    graph = sc.graph()[:3]
    cap = sc.spare.astype(int)
    stats: dict = {}
    totals = [total_units(*graph, solve(*graph, cap, k_start=2, stats=stats))]
    totals += [total_units(*graph, f(*graph, cap)) for f in (solve_matching, solve_dense)]
    assert stats["rounds"] > 1 and stats["kept"] < stats["arcs"]
    assert totals[0] == totals[1] == totals[2]


def _group_banks(seed):
    """Mentees of whom some chose «в группе», mentors of whom some are ready for groups: random, small."""
    rng = np.random.default_rng(seed)
    mentors = []
    for k in range(3):
        ready = ["в группе"] if rng.random() < 0.6 else []
        mentors.append(mentor(f"Н-00{k}", max_mentees=int(rng.integers(1, 4)), kinds=ready,
                              comp_ict=bool(rng.random() < 0.7), ped_experience=int(rng.integers(5, 30))))
    mentees = []
    for k in range(6):
        kind = "в группе" if rng.random() < 0.6 else None
        mentees.append(mentee(f"П-00{k}", kind=kind, req_ict=bool(rng.random() < 0.5),
                              date_added=dt.date(2026, int(rng.integers(1, 11)), 1)))
    return mentors, mentees


def brute_force_groups(result, mentees, w_group: float) -> float:
    """Every choice of mentor for every mentee, from the JSON's candidates (top 0): a pair's base score is its
    candidate score less the group bonus; the bonus counts only for real groups — two or more mentees who chose
    «в группе» with the same requests at one mentor ready for groups. The proposal's total must be the best."""
    requests = {r["code"]: tuple(bool(r[c]) for c in mentees.columns if c.startswith("req_"))
                for r in mentees.to_dict("records")}
    cands: dict[str, dict[str, tuple[float, bool]]] = {}
    for c in result.candidates:
        eligible = bool(c["parts"]["group"])
        cands.setdefault(c["mentee"], {})[c["mentor"]] = (c["score"] - (w_group if eligible else 0), eligible)
    codes = sorted(cands)
    best = 0.0
    options = [[None, *sorted(cands[c])] for c in codes]
    for choice in itertools.product(*options):
        used: dict[str, int] = {}
        for j in choice:
            if j:
                used[j] = used.get(j, 0) + 1
        if not all(used[j] <= result.capacity[j] for j in used):
            continue
        groups: dict[tuple, int] = {}
        for c, j in zip(codes, choice):
            if j and cands[c][j][1]:
                groups[(j, requests[c])] = groups.get((j, requests[c]), 0) + 1
        bonus = w_group * sum(k for k in groups.values() if k >= 2)
        best = max(best, sum(cands[c][j][0] for c, j in zip(codes, choice) if j) + bonus)
    return round(best, 4)


@pytest.mark.parametrize("levels", [False, True], ids=["no_levels", "levels"])
@pytest.mark.parametrize("seed", range(12))
def test_groups_are_inside_the_optimum_brute_force_and_second_solver(seed, levels):
    mentors, mentees = _group_banks(seed)
    mentors, mentees = table("mentors", mentors), table("mentees", mentees)
    org = {"w_group": 7}
    if levels:  # the level part (a school) inside the same exact optimum
        mentors, mentees, org = with_levels(mentors, seed), with_levels(mentees, seed + 100), {**org, **SCHOOL}
    result = match_frames(mentors, mentees, table("pairs", []), org, TODAY, 0)
    assert result.total_score == pytest.approx(brute_force_groups(result, mentees, 7))
    assert not levels or any(c["parts"]["level"] for c in result.candidates)
    other = match_frames(mentors, mentees, table("pairs", []), org, TODAY, 0, solver=solve_dense)
    assert other.total_score == result.total_score
    for g in result.groups:  # a group: one mentor, same requests, at least two members
        members = [p for p in result.proposal if p.get("group") == g["number"]]
        assert len(members) >= 2 and {p["mentor"] for p in members} == {g["mentor"]}


def test_mentees_who_chose_a_group_are_proposed_as_one_group_of_a_ready_mentor():
    mentors = [mentor("Н-001", max_mentees=3, kinds=["в группе"], comp_ict=True),
               mentor("Н-002", max_mentees=3, comp_ict=True, ped_experience=30)]
    mentees = [mentee(f"П-00{k}", kind="в группе", req_method=False, req_ict=True) for k in range(1, 4)]
    result = match_frames(table("mentors", mentors), table("mentees", mentees), table("pairs", []), None, TODAY)
    assert [(g["mentor"], g["mentees"]) for g in result.groups] == [("Н-001", ["П-001", "П-002", "П-003"])]
    assert all(p["kind"] == "в группе" and p["group"] == 1 for p in result.proposal)
    assert any("вместе с П-002, П-003" in r for r in result.proposal[0]["reasons"])


def _banks():
    mentors = [mentor("Н-001", max_mentees=2, comp_ict=True), mentor("Н-002"), mentor("Н-003", comp_ict=True),
               mentor("Н-004", consent_pd=False, comp_ict=True, ped_experience=40),
               mentor("Н-005", status="выбыл", comp_ict=True, ped_experience=40),
               mentor("Н-006", fio="Двойников Олег Олегович", birth_date=dt.date(1990, 5, 5), ped_experience=40,
                      comp_ict=True)]
    mentees = [mentee(f"П-00{k}", req_ict=True) for k in range(1, 6)]
    mentees.append(mentee("П-006", fio="Двойников Олег Олегович", birth_date=dt.date(1990, 5, 5)))
    mentees.append(mentee("П-007", consent_pd=False))
    pairs = [{"code": "ПР-001", "mentor": "Н-001", "mentee": "П-900", "status": "утверждена"},
             {"code": "ПР-002", "mentor": "Н-003", "mentee": "П-001", "status": "прекращена досрочно"}]
    return mentors, mentees, pairs


def _result(mentors, mentees, pairs, top=3, **kw):
    return match_frames(table("mentors", mentors), table("mentees", mentees), table("pairs", pairs), None, TODAY,
                        top, **kw)


def test_hard_constraints_hold_in_the_proposal():
    result = _result(*_banks(), top=0)
    proposed = {(p["mentee"], p["mentor"]) for p in result.proposal}
    mentors_used = [p["mentor"] for p in result.proposal]
    assert mentors_used.count("Н-001") <= 1  # two places, one taken by an approved pair
    assert not {m for m in mentors_used} & {"Н-004", "Н-005"}  # no consent; left
    assert ("П-006", "Н-006") not in proposed  # the same person in both banks
    assert ("П-001", "Н-003") not in proposed  # stopped early before
    assert "П-007" not in {p["mentee"] for p in result.proposal}
    listed = {(c["mentee"], c["mentor"]) for c in result.candidates}
    assert not listed & {("П-006", "Н-006"), ("П-001", "Н-003")}


def test_mentee_without_consent_is_reported_not_matched():
    result = _result(*_banks())
    assert [e["code"] for e in result.excluded] == ["П-007"]
    assert "согласия" in result.excluded[0]["reason"]


def test_full_mentors_explain_the_unmatched():
    result = _result(*_banks())
    left = {u["mentee"]: u for u in result.unmatched}
    assert left, "five mentees asking for ИКТ share three places"
    assert any("заняты" in r for u in left.values() for r in u["reasons"])


def test_row_order_does_not_change_the_proposal():
    mentors, mentees, pairs = _banks()
    first = _result(mentors, mentees, pairs).to_dict()
    again = _result(mentors[::-1], mentees[::-1], pairs[::-1]).to_dict()
    assert first == again


def test_random_instance_is_deterministic():
    a = _result_from_random(3)
    b = _result_from_random(3)
    assert a["proposal"] == b["proposal"] and a["total_score"] == b["total_score"]


def _result_from_random(seed):
    mentors, mentees, pairs = synth_banks(60, 25, seed)
    return match_frames(mentors, mentees, pairs, None, TODAY).to_dict()


def test_unmatched_reason_names_who_could_cover_but_not_a_person_without_consent():
    mentors = [mentor("Н-001"), mentor("Н-002", fio="Орлов Михаил Юрьевич", status="выбыл", comp_health=True),
               mentor("Н-003", fio="Тайнов Тимур Тимурович", status="выбыл", consent_pd=False, comp_health=True)]
    mentees = [mentee("П-001", req_method=False, req_health=True)]
    reason = " ".join(_result(mentors, mentees, []).unmatched[0]["reasons"])
    assert "не закрывает запрос «здоровьесбережение»" in reason
    assert "Н-002 Орлов Михаил Юрьевич — выбыл" in reason
    assert "Н-003" in reason and "Тайнов" not in reason


def test_unmatched_reason_names_a_pair_stopped_early():
    mentors = [mentor("Н-001", comp_method=False, comp_health=True)]
    mentees = [mentee("П-001", req_method=False, req_health=True)]
    pairs = [{"code": "ПР-001", "mentor": "Н-001", "mentee": "П-001", "status": "прекращена досрочно"}]
    result = _result(mentors, mentees, pairs)
    assert result.proposal == []
    assert "Н-001 — пара ПР-001 с ним уже прекращалась досрочно" in result.unmatched[0]["reasons"][0]


def _brute_exact(n, m, arcs, cap, key, ready, bonus) -> int:
    """Every choice of mentor (or none) for every mentee; the bonus only for groups of two or more."""
    best = 0
    for choice in itertools.product(*[[None] + [j for j in range(m) if (i, j) in arcs] for i in range(n)]):
        used = np.bincount([j for j in choice if j is not None], minlength=m)
        if (used > cap).any():
            continue
        groups: dict[tuple[int, int], int] = {}
        for i, j in enumerate(choice):
            if j is not None and key[i] >= 0 and ready[j]:
                groups[(j, key[i])] = groups.get((j, key[i]), 0) + 1
        total = sum(arcs[(i, j)] for i, j in enumerate(choice) if j is not None)
        best = max(best, total + bonus * sum(k for k in groups.values() if k >= 2))
    return best


@pytest.mark.parametrize("seed", range(8))
def test_group_optimum_equals_brute_force_on_many_small_random_books(seed):
    """50 random books per seed (400 in all): up to 6 mentees, 3 mentors, two sets of requests, a bonus of 1–5; the
    first sub-graph holds one arc per mentee, so the proof by duality has to add the rest."""
    from nastavnik.match.exact import solve_groups

    rng = np.random.default_rng(seed)
    for _ in range(50):
        n, m = int(rng.integers(1, 7)), int(rng.integers(1, 4))
        feasible = rng.random((n, m)) < 0.7
        score = rng.integers(1, 12, size=(n, m))
        cap = rng.integers(1, 4, size=m)
        key = np.where(rng.random(n) < 0.6, rng.integers(0, 2, size=n), -1)
        ready = rng.random(m) < 0.7
        bonus = int(rng.integers(1, 6))
        rows, cols = np.nonzero(feasible)
        indptr = np.concatenate([[0], np.cumsum(feasible.sum(1))])
        pairs, grouped = solve_groups(indptr, cols, score[rows, cols], cap, key[rows], ready[cols], bonus, solve, k=1)
        arcs = {(int(i), int(j)): int(score[i, j]) for i, j in zip(rows, cols)}
        assert len({i for i, _ in pairs}) == len(pairs)
        assert (np.bincount([j for _, j in pairs], minlength=m) <= cap).all()
        groups: dict[tuple[int, int], int] = {}
        for i, j in pairs:
            if key[i] >= 0 and ready[j]:
                groups[(j, key[i])] = groups.get((j, key[i]), 0) + 1
        real = sum(k for k in groups.values() if k >= 2)
        assert len(grouped) == real  # the solver's groups are the real ones
        got = sum(arcs[p] for p in pairs) + bonus * real
        assert got == _brute_exact(n, m, arcs, cap, key, ready, bonus)


def test_a_lone_group_seeker_gets_no_phantom_bonus_and_loses_the_place_to_a_better_pair():
    """73 over 72: alone in his «group» a seeker's 70 + 3 must not beat another mentee's 72."""
    from nastavnik.match.exact import solve_groups

    indptr, cols = np.array([0, 1, 2]), np.array([0, 0])
    base = np.array([700_000, 720_000])  # units: 70 and 72
    pairs, grouped = solve_groups(indptr, cols, base, np.array([1]), np.array([0, -1]), np.array([True, True]),
                                  30_000, solve)
    assert pairs == [(1, 0)] and grouped == set()


def test_the_reported_total_counts_only_real_groups():
    """One seeker alone with a mentor ready for groups: the proposal is one-to-one, scored without the bonus,
    and the total is the sum of the proposal's scores."""
    mentors = [mentor("Н-001", max_mentees=2, kinds=["в группе"], comp_ict=True)]
    mentees = [mentee("П-001", kind="в группе", req_method=False, req_ict=True),
               mentee("П-002", req_method=False, req_ict=True)]
    result = match_frames(table("mentors", mentors), table("mentees", mentees), table("pairs", []), {"w_group": 3},
                          TODAY)
    assert len(result.proposal) == 2 and result.groups == []
    assert all(p["parts"]["group"] == 0 and p["group"] is None for p in result.proposal)
    assert result.total_score == pytest.approx(sum(p["score"] for p in result.proposal))
