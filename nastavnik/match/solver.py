"""The global proposal: the set of pairs with the highest total score under the mentors' free places, exactly.

The problem is a capacitated assignment (a b-matching): each mentee takes at
most one mentor, mentor ``j`` at most ``capacity[j]`` mentees, and only the
feasible pairs of the sparse graph (``Scorer.graph``) exist. Its linear
programme has a totally unimodular matrix, so an optimal basic solution is
integral and LP duality certifies optimality. ``solve`` uses this to keep
memory and time growing with the feasible pairs rather than with mentees × places:

1. keep, for each mentee, his ``K`` best pairs (ties: the smaller mentor index);
2. solve the kept sub-graph exactly with scipy's sparse LAPJVsp
   (``min_weight_full_bipartite_matching``, one column per free place);
3. compute node potentials (the LP duals) by Bellman–Ford on the residual graph
   of that solution (``potentials``); a dropped pair could improve the total only
   if its reduced cost is positive; if none is, the sub-graph's optimum is the
   optimum of the whole graph (LP duality); otherwise each mentee's best few
   violating pairs are added and step 2 repeats.

(HiGHS' dual simplex on the same LP gives the duals directly but was measured
twenty-five times slower at 5,000 × 2,000: 207 s against 8 s, measured one after the other.)

Two more solvers of the same problem are kept to check it and to measure it side
by side (``scripts/bench.py``): ``solve_matching`` — scipy's sparse
``min_weight_full_bipartite_matching`` (LAPJVsp) over one column per free place
and one «без пары» column per mentee — and ``solve_dense`` — the former dense
``linear_sum_assignment`` over mentees × places. Scores are integers (units of
0.0001), so the three totals are compared exactly. Inputs are sorted by code and
every step is deterministic, so the same workbook always gives the same proposal.
"""

from __future__ import annotations

import os
import time

K_START = 8  # pairs kept per mentee at first; more are added only where the duals ask for them
TIE = 1e-9  # weight of an infeasible cell in the dense solver (see solve_dense)


def _arcs(indptr, cols, cost, capacity):
    """Rows, cols and costs of the usable arcs: positive score, a mentor with a free place."""
    import numpy as np

    capacity = np.asarray(capacity, dtype=np.int64)
    rows = np.repeat(np.arange(len(indptr) - 1, dtype=np.int32), np.diff(indptr))
    cols, cost = np.asarray(cols, dtype=np.int32), np.asarray(cost, dtype=np.int32)
    ok = (cost > 0) & (capacity[cols] > 0)
    if ok.all():  # the scorer's graph holds only such arcs: no copy
        return rows, cols, cost, capacity
    return rows[ok], cols[ok], cost[ok], capacity


def shortest(src, dst, w, n_nodes, root):
    """Bellman–Ford distances from ``root``, vectorised: rounds of relaxation until nothing changes.

    Edges are grouped by tail once; each round relaxes only the edges out of the nodes whose distance fell in
    the round before (the rest cannot lower anything), with one ``minimum.at``. The rounds needed are the most
    edges on a shortest path (alternating paths here are short), at most ``n_nodes``; the distances are the
    unique shortest ones whichever edges a round looks at.
    """
    import numpy as np

    order = np.argsort(src, kind="stable")
    src, dst, w = src[order], dst[order], w[order]
    first = np.searchsorted(src, np.arange(n_nodes + 1))
    d = np.full(n_nodes, np.inf)
    d[root] = 0.0
    frontier = np.array([root])
    for _ in range(n_nodes + 1):
        counts = first[frontier + 1] - first[frontier]
        total = int(counts.sum())
        if not total:
            return d
        at = np.repeat(first[frontier] - np.cumsum(counts) + counts, counts) + np.arange(total)
        best = d.copy()
        np.minimum.at(best, dst[at], d[src[at]] + w[at])
        better = best < d - 1e-9
        if not better.any():
            return d
        d[better] = best[better]
        frontier = np.flatnonzero(better)
    raise RuntimeError("negative cycle: the sub-problem's solution is not optimal")  # pragma: no cover


def potentials(rows, cols, cost, n, capacity, pairs):
    """Node potentials certifying that ``pairs`` is optimal on the arcs given (shortest paths, residual graph).

    Nodes: mentees 0..n-1, mentors n..n+m-1, «без пары» T = n+m; costs are −score (units). The residual
    graph of an optimal flow has no negative cycle, so shortest distances ``d`` from a root joined to every
    node exist, and any arc (i, j) not among ``rows/cols`` could improve the total only if
    ``score > d[i] − d[n+j]`` (a positive reduced cost).
    """
    import numpy as np

    m = len(capacity)
    used = np.zeros(m, dtype=np.int64)
    mate = np.full(n, -1, dtype=np.int64)
    for i, j in pairs:
        used[j] += 1
        mate[i] = j
    rows, cols = rows.astype(np.int64), cols.astype(np.int64)
    on = mate[rows] == cols
    t_node, root = n + m, n + m + 1
    mentors, mentees = np.arange(m), np.arange(n)
    free, busy = used < capacity, used > 0
    src = [rows[~on], n + cols[on], n + mentors[free], np.full(busy.sum(), t_node), mentees[mate >= 0],
           np.full((mate < 0).sum(), t_node), np.full(root, root)]
    dst = [n + cols[~on], rows[on], np.full(free.sum(), t_node), n + mentors[busy], np.full((mate >= 0).sum(), t_node),
           mentees[mate < 0], np.arange(root)]
    w = [-cost[~on].astype(np.float64), cost[on].astype(np.float64)]
    w += [np.zeros(len(x)) for x in src[2:]]
    return shortest(np.concatenate(src), np.concatenate(dst), np.concatenate(w), root + 1, root)


SLICE = 1 << 20  # arcs per slice when scanning the whole graph: bounds the temporaries, not the graph


def _slices(indptr):
    """Row ranges [a, b) holding about ``SLICE`` arcs each (at least one row)."""
    import numpy as np

    n = len(indptr) - 1
    a = 0
    while a < n:
        b = int(np.searchsorted(indptr, indptr[a] + SLICE, side="right")) - 1
        b = min(max(b, a + 1), n)
        yield a, b
        a = b


def _best_per_row(indptr, lo, r, score, pick, k):
    """Positions (global) of the ``k`` highest-scored arcs of each row among ``pick`` (positions in the slice)."""
    import numpy as np

    if not len(pick):
        return pick
    # One stable sort of one integer key (row, then score descending; ties keep ``pick``'s order, i.e. the
    # smaller mentor) instead of a three-key lexsort: the same order, four times faster at district scale.
    key = r[pick].astype(np.int64) << 32
    key -= score[pick]
    chosen = pick[np.argsort(key, kind="stable")]
    del key
    rr = r[chosen]
    starts = np.flatnonzero(np.r_[True, rr[1:] != rr[:-1]])
    within = np.arange(len(chosen)) - np.repeat(starts, np.diff(np.r_[starts, len(rr)]))
    return lo + chosen[within < k]


def _best_of_rows(indptr, rows, cost, k):
    """Positions of the ``k`` highest-scored arcs of each of ``rows`` (ties: the smaller mentor), in row order.

    The same arcs as ``_best_per_row`` over whole rows, found row by row with ``argpartition`` instead of one
    sort of every arc: at four times a district (12,000 mentees × 12,000 mentors, 63 million arcs) the sort
    was three seconds of the solve, the partitions take a few tenths. A row's key puts the score first and the
    position (mentors ascend within a row) second, so the k smallest keys are exactly the k first of the sort.
    """
    import numpy as np

    starts, ends = indptr[rows], indptr[rows + 1]
    short = ends - starts <= k
    out = [_ranges(starts[short], ends[short])]
    for lo, hi in zip(starts[~short].tolist(), ends[~short].tolist()):
        key = cost[lo:hi].astype(np.int64)
        key *= -(1 << 32)
        key += np.arange(hi - lo)
        out.append(lo + np.sort(np.argpartition(key, k - 1)[:k]))
    return np.sort(np.concatenate(out))


def _ranges(starts, ends):
    """The integers of every [start, end), concatenated."""
    import numpy as np

    lengths = ends - starts
    if not len(lengths) or not lengths.sum():
        return np.zeros(0, dtype=np.int64)
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())


def solve(indptr, cols, cost, capacity, k_start: int = K_START, stats: dict | None = None,
          start=None, fresh=None) -> list[tuple[int, int]]:
    """Maximum-total pairs (mentee index, mentor index), sorted by mentee; see the module's docstring.

    Memory beyond the graph is one byte per arc (``kept``) and per-slice temporaries. ``start`` — a mask of arcs
    to keep from the first round (``stats["kept_mask"]`` of a previous solve of the same graph with other costs);
    ``fresh`` — with ``start``, a mask of the mentees whose costs differ from that solve's (same ``k_start``):
    the others' best arcs are in ``start`` already, so only the fresh rows are sorted for theirs.
    """
    import numpy as np

    n = len(indptr) - 1
    indptr = np.asarray(indptr, dtype=np.int64)
    cols, cost = np.asarray(cols, dtype=np.int32), np.asarray(cost, dtype=np.int32)
    capacity = np.asarray(capacity, dtype=np.int64)
    ok = (cost > 0) & (capacity > 0)[cols]
    if not ok.all():  # the scorer's graph holds only usable arcs; other callers get a compressed copy
        rows = np.repeat(np.arange(n), np.diff(indptr))
        indptr = np.concatenate([[0], np.cumsum(np.bincount(rows[ok], minlength=n))])
        cols, cost = cols[ok], cost[ok]
    del ok
    if not len(cols):
        return []
    deg = np.diff(indptr)
    kept = np.zeros(len(cols), dtype=bool)
    reuse = start is not None and len(start) == len(kept)
    first = np.flatnonzero(np.asarray(fresh, dtype=bool)) if reuse and fresh is not None else np.arange(n)
    kept[_best_of_rows(indptr, first, cost, k_start)] = True
    if reuse:  # arcs a previous solve of a similar graph needed
        kept |= start
    rounds = 0
    while True:
        rounds += 1
        t0 = time.perf_counter()
        idx = np.flatnonzero(kept)
        rows_k = (np.searchsorted(indptr, idx, side="right") - 1).astype(np.int64)
        pairs = solve_matching_arcs(rows_k, cols[idx].astype(np.int64), cost[idx], n, capacity)
        t1 = time.perf_counter()
        d = potentials(rows_k, cols[idx], cost[idx], n, capacity, pairs)
        t2 = time.perf_counter()
        add, violating = [], 0
        d_mentor = d[n:]
        for a, b in _slices(indptr):  # in slices: no arc-sized float temporaries
            lo, hi = indptr[a], indptr[b]
            # score > d[i] − d[n+j] + ½, written as score + d[n+j] > d[i] + ½ (integer scores: a gain is ≥ 1 unit);
            # the mentee's side is repeated along his row rather than gathered through a row index.
            gain = cost[lo:hi] + d_mentor[cols[lo:hi]] > np.repeat(d[a:b] + 0.5, deg[a:b])
            gain &= ~kept[lo:hi]
            pick = np.flatnonzero(gain)
            del gain
            violating += len(pick)
            if not len(pick):
                continue
            # Per mentee only his best few violating pairs join: the sub-problem stays small.
            r = np.zeros(hi - lo, dtype=np.int64)
            r[pick] = np.searchsorted(indptr, lo + pick, side="right") - 1 - a
            add.append(_best_per_row(indptr, lo, r, cost[lo:hi], pick, k_start))
        if os.environ.get("NASTAVNIK_SOLVER_DEBUG"):
            print(f"round {rounds}: kept {len(idx)}, match {t1 - t0:.2f} s, potentials {t2 - t1:.2f} s, "
                  f"check {time.perf_counter() - t2:.2f} s, violating {violating}", flush=True)
        if not violating:
            break
        kept[np.concatenate(add)] = True
    if stats is not None:
        stats.update(rounds=rounds, kept=int(kept.sum()), arcs=len(cols), kept_mask=kept)
    return pairs


def solve_matching_arcs(rows, cols, cost, n, capacity) -> list[tuple[int, int]]:
    """The same optimum by scipy's sparse LAPJVsp, over one column per free place (+ one «без пары» per mentee)."""
    import numpy as np
    from scipy import sparse
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    if not len(rows):
        return []
    capacity = np.asarray(capacity, dtype=np.int64)
    used = np.zeros(len(capacity), dtype=np.int64)
    np.add.at(used, cols, 1)  # a mentor needs no more places than he has feasible mentees
    slots = np.minimum(capacity, used)
    first = np.concatenate([[0], np.cumsum(slots)])
    total = int(first[-1])
    reps = slots[cols]
    r = np.repeat(rows, reps)
    base = np.repeat(first[cols], reps)
    offset = np.arange(len(r)) - np.repeat(np.cumsum(reps) - reps, reps)
    c = base + offset
    top = int(cost.max()) + 1
    weight = np.concatenate([top - np.repeat(cost, reps), np.full(n, top, dtype=np.int64)]).astype(np.float64)
    r = np.concatenate([r, np.arange(n)])
    c = np.concatenate([c, total + np.arange(n)])
    graph = sparse.csr_matrix((weight, (r, c)), shape=(n, total + n))
    _row, col = min_weight_full_bipartite_matching(graph)
    owner = np.repeat(np.arange(len(capacity)), slots)
    return sorted((i, int(owner[cc])) for i, cc in enumerate(col.tolist()) if cc < total)


def solve_matching(indptr, cols, cost, capacity) -> list[tuple[int, int]]:
    rows, cols, cost, capacity = _arcs(indptr, cols, cost, capacity)
    return solve_matching_arcs(rows, cols, cost, len(indptr) - 1, capacity)


def solve_dense(indptr, cols, cost, capacity) -> list[tuple[int, int]]:
    """The former solver: ``linear_sum_assignment`` over a dense mentees × places matrix (memory n × places).

    Infeasible cells weigh −TIE, not 0: a sea of equal zeros makes the augmenting-path search wander, and
    the penalties of a whole assignment stay far below one score unit, so the optimum is unchanged.
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    rows, cols, cost, capacity = _arcs(indptr, cols, cost, capacity)
    if not len(rows):
        return []
    n, m = len(indptr) - 1, len(capacity)
    live = np.unique(rows)
    where = np.full(n, -1, dtype=np.int64)
    where[live] = np.arange(len(live))
    used = np.zeros(m, dtype=np.int64)
    np.add.at(used, cols, 1)
    slots = np.minimum(capacity, used)
    mcols = np.flatnonzero(slots > 0)
    slot_mentor = np.repeat(mcols, slots[mcols])
    score = np.full((len(live), m), -TIE)
    score[where[rows], cols] = cost / 1e4
    weight = score[:, slot_mentor]
    r, c = linear_sum_assignment(weight, maximize=True)
    keep = weight[r, c] > 0
    return sorted(zip(live[r[keep]].tolist(), slot_mentor[c[keep]].tolist()))


def total_units(indptr, cols, cost, pairs) -> int:
    """The total of ``pairs`` in units of 0.0001, looked up in the graph."""
    import numpy as np

    out = 0
    for i, j in pairs:
        a, b = indptr[i], indptr[i + 1]
        pos = a + int(np.searchsorted(cols[a:b], j))
        out += int(cost[pos])
    return out
