"""The proposal is the true optimum, keeps every hard constraint, and does not depend on row order."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from nastavnik.match import match_frames
from nastavnik.match.candidates import build_pool
from nastavnik.match.frames import mentee, mentor, table
from nastavnik.match.scoring import Scorer, weights_from_org
from nastavnik.match.solver import solve
from nastavnik.match.synthetic import synth_banks

from .conftest import TODAY


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
def test_random_matrix_total_equals_brute_force(seed):
    rng = np.random.default_rng(seed)
    score = np.round(rng.integers(0, 5, size=(6, 4)) * 12.5 + rng.integers(0, 2, size=(6, 4)) * 5, 4)
    feasible = (rng.random((6, 4)) < 0.7) & (score > 0)
    capacity = rng.integers(1, 3, size=4)
    pairs = solve(score, feasible, capacity)
    assert sum(score[i, j] for i, j in pairs) == pytest.approx(brute_force(score, feasible, capacity))


@pytest.mark.parametrize("seed", range(10))
def test_synthetic_banks_total_equals_brute_force_and_respects_capacity(seed):
    mentors, mentees, pairs = synth_banks(6, 4, seed)
    pool = build_pool(mentors, mentees, pairs)
    sc = Scorer(pool.mentees, pool.mentors, weights_from_org(None))
    score, feasible = sc.matrix()
    cap = sc.spare.astype(int)
    chosen = solve(score, feasible, cap)
    assert all(feasible[i, j] for i, j in chosen)
    assert (np.bincount([j for _, j in chosen], minlength=sc.m) <= cap).all()
    assert len({i for i, _ in chosen}) == len(chosen)
    assert sum(score[i, j] for i, j in chosen) == pytest.approx(brute_force(score, feasible, cap))


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


def _result(mentors, mentees, pairs, top=3):
    return match_frames(table("mentors", mentors), table("mentees", mentees), table("pairs", pairs), None, TODAY,
                        top)


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
    assert "Н-001 — пара с ним уже прекращалась досрочно" in result.unmatched[0]["reasons"][0]
