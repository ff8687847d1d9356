"""The global proposal: the assignment with the highest total score, solved exactly.

Capacities are handled by giving each mentor one column per free place and
solving a rectangular assignment problem with
``scipy.optimize.linear_sum_assignment`` (the shortest-augmenting-path method
of Crouse, 2016) — an exact method, not a greedy loop. Leaving a mentee
unmatched is allowed: infeasible pairs weigh (almost) 0 and feasible pairs
are strictly positive, so the best full rectangular assignment, with its
infeasible pairs dropped, is the best partial one. Inputs are sorted by code, and the
solver is deterministic, so the same workbook always gives the same proposal.

Two reductions keep the matrix small without changing the optimum: mentees
and mentors with no feasible pair are left out, and a mentor gets at most as
many columns as there are mentees he could take.
"""

from __future__ import annotations

# Weight of an infeasible cell. Not 0: a sea of equal zeros makes the augmenting-path search
# wander (twice slower on near-square instances). Scores are multiples of 0.0001, so any better
# proposal is better by at least 0.0001, while the penalties of a whole assignment sum to at most
# 10,000 × 1e-9 = 0.00001: the optimum on scores is unchanged.
TIE = 1e-9


def solve(score, feasible, capacity) -> list[tuple[int, int]]:
    """Maximum-total assignment of rows (mentees) to columns (mentors) under ``capacity``.

    Returns (mentee index, mentor index) pairs sorted by mentee; only feasible pairs appear.
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    capacity = np.asarray(capacity, dtype=np.int64)
    feasible = feasible & (capacity[None, :] > 0) & (score > 0)
    rows = np.flatnonzero(feasible.any(1))
    if not len(rows):
        return []
    sub = feasible[rows]
    slots = np.minimum(capacity, sub.sum(0))
    cols = np.flatnonzero(slots > 0)
    slot_mentor = np.repeat(cols, slots[cols])
    grid = np.ix_(rows, slot_mentor)
    weight = np.where(feasible[grid], score[grid], -TIE)
    r, c = linear_sum_assignment(weight, maximize=True)
    keep = weight[r, c] > 0
    pairs = sorted(zip(rows[r[keep]].tolist(), slot_mentor[c[keep]].tolist()))
    return pairs


def total_of(score, pairs) -> float:
    return float(round(sum(score[i, j] for i, j in pairs), 4))
