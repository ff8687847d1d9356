"""The optimum with groups, exactly: the group bonus only for real groups of two or more.

The model (``docs/match.md``): each mentee takes at most one mentor, mentor ``j`` at most ``capacity[j]``
mentees; a pair scores its base score ``s`` (units of 0.0001, positive on every arc of the graph). A mentee
who chose «в группе» (``key`` ≥ 0: his set of requests) placed with a mentor ready for groups (``ready``)
gains ``bonus`` more only when at least one other mentee with the same requests is placed in the same group
of that mentor: a group is a mentor and a set of requests, with two or more members. A mentee left alone gets
no bonus, so a phantom group can never win a place.

As a mixed-integer programme (solved by HiGHS through ``scipy.optimize.milp``): ``x_a`` — arc ``a`` taken as
an individual pair, ``z_a`` — taken as a place in the group ``g(a)`` = (mentor, requests), ``y_g`` — the group
is formed::

    max Σ s_a x_a + Σ (s_a + bonus) z_a
    Σ_{a of i} (x_a + z_a) ≤ 1,   Σ_{a of j} (x_a + z_a) ≤ capacity_j,
    z_a ≤ y_g(a),   2 y_g ≤ Σ_{a in g} z_a,   y_g ≤ 1,   x, z, y ≥ 0 integer.

The whole graph of a district has millions of arcs, too many for a MIP; the programme is solved on a
sub-graph ``R`` (each mentee's best arcs, the arcs of the flow optimum), then proved optimal for the whole
graph by LP duality: the LP of ``R`` gives prices ``u`` (mentees) and ``v`` (mentors); raised where an arc
outside ``R`` would be underpriced and completed group by group (``_group_duals``), they are a feasible
solution of the dual of the whole graph's LP, whose value ``UB`` bounds every solution. A solution that uses
a column of reduced cost ``rc`` is worth at most ``UB − rc`` (reduced-cost fixing), so only columns with
``rc ≤ UB − LB − 1`` can be part of a solution better than the best one known (``LB``, integer units); they
join ``R`` and the programme is solved again, until none is outside ``R``. When the flow optimum with the
bonus on every eligible arc has no lone group member, it is already exact and nothing else runs.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager

K_START = 8  # arcs per mentee in the first sub-graph (and, for a mentee who chose a group, group arcs)
EXACT_ARCS = 20_000  # graphs up to this many arcs (a school, a centre) get the proved optimum
REPAIRS = 1  # flow solves of the repair at most (each costs a whole solve at district scale)
MAX_ROUNDS = 6  # sub-graph enlargements at most
ADD_BUDGET = 20_000  # arcs one enlargement may add; beyond it the proof is not attempted (``stats["proven"]``)
MIP_SECONDS = 30.0  # a safety net for a district's sub-graph; small books take milliseconds
EPS = 1e-6  # units: the dual is exactly feasible up to float rounding; columns within it are kept


def _rows(indptr):
    import numpy as np

    return np.repeat(np.arange(len(indptr) - 1, dtype=np.int64), np.diff(indptr))


def true_units(base, elig, key, cols, chosen_pos, in_group_mask=None) -> tuple[int, set]:
    """(total units, positions in real groups) of chosen arcs: the bonus is counted by the caller."""
    import numpy as np

    pos = np.asarray(chosen_pos, dtype=np.int64)
    if in_group_mask is None:
        in_group_mask = elig[pos]
    grp = pos[in_group_mask]
    if not len(grp):
        return int(base[pos].sum(dtype=np.int64)), set()
    gid = cols[grp].astype(np.int64) * (int(key.max()) + 2) + key[grp]
    _u, inverse, counts = np.unique(gid, return_inverse=True, return_counts=True)
    real = grp[counts[inverse] >= 2]
    return int(base[pos].sum(dtype=np.int64)), set(real.tolist())


def solve_groups(indptr, cols, base, capacity, key_of_arc, ready_of_arc, bonus: int, flow, k: int = K_START,
                 stats: dict | None = None):
    """(pairs [(mentee, mentor)] sorted, positions of the arcs taken in a real group), exactly optimal.

    ``key_of_arc`` — the group key of each arc's mentee (−1: he did not choose a group); ``ready_of_arc`` —
    whether the arc's mentor is ready for groups; ``flow(indptr, cols, cost, capacity)`` — the exact solver
    of the problem without groups (``solver.solve``).
    """
    import numpy as np

    t0 = time.perf_counter()
    # Arc arrays stay 32-bit (a district's graph has millions of arcs; the flow solver takes int32 scores): no
    # arc-sized int64 copy is made on the way to the flow, only on the small graphs the programme below proves.
    indptr = np.asarray(indptr, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int32)
    base = np.asarray(base, dtype=np.int32)
    capacity = np.asarray(capacity, dtype=np.int64)
    key = np.asarray(key_of_arc)
    if key.dtype.kind != "i":
        key = key.astype(np.int32)
    elig = (key >= 0) & np.asarray(ready_of_arc, dtype=bool) if bonus > 0 else np.zeros(len(cols), dtype=bool)
    del ready_of_arc  # the caller passes it for this mask only
    n, m = len(indptr) - 1, len(capacity)
    info = {"rounds": 0, "phantom_exact": None}
    if stats is not None:
        stats.update(info)
    if not elig.any():
        return flow(indptr, cols, base, capacity), set()

    def positions(pairs):
        """Arc positions of (mentee, mentor) pairs: mentors ascend within each mentee's row."""
        out = np.zeros(len(pairs), dtype=np.int64)
        for t, (i, j) in enumerate(pairs):
            a, b = int(indptr[i]), int(indptr[i + 1])
            out[t] = a + int(np.searchsorted(cols[a:b], j))
        return out

    @contextmanager
    def with_bonus(mask):
        """The base with the bonus on the arcs of ``mask``, added in place and taken off again (integers: exactly
        the base after): a copy of the arcs is a quarter of a gigabyte at four times a district."""
        np.add(base, bonus, out=base, where=mask)
        try:
            yield base
        finally:
            np.subtract(base, bonus, out=base, where=mask)

    phantom_stats: dict = {}
    with with_bonus(elig) as cost:
        try:
            phantom = flow(indptr, cols, cost, capacity, stats=phantom_stats)
        except TypeError:  # the other exact solvers (measured side by side) keep no statistics
            phantom = flow(indptr, cols, cost, capacity)
    pos = positions(phantom)
    total, grouped = true_units(base, elig, key, cols, pos)
    upper = total + bonus * int(elig[pos].sum())
    if total + bonus * len(grouped) == upper:  # no lone member: the flow optimum is the optimum
        info["phantom_exact"] = True
        if stats is not None:
            stats.update(info)
        return phantom, grouped
    info["phantom_exact"] = False
    # Repair: the bonus is taken off the arcs of lone members and the flow solved again, until every member
    # who keeps a bonus has a partner. Its solution has no phantom group; on a district's graph it is the answer
    # (``stats["proven"]`` False), on a small one the programme below proves or improves it.
    repaired = _repair(flow, indptr, cols, base, elig, key, capacity, bonus, positions, pos, info,
                       phantom_stats.get("kept_mask"), with_bonus)
    if repaired[0] > total + bonus * len(grouped):
        total_r, pairs_r, grouped_r = repaired
    else:
        total_r, pairs_r, grouped_r = total + bonus * len(grouped), phantom, grouped
    if len(cols) > EXACT_ARCS:
        info.update(proven=False, lower=int(total_r), upper=float(upper), seconds=time.perf_counter() - t0)
        if stats is not None:
            stats.update(info)
        return pairs_r, grouped_r

    # The first sub-graph: the arcs the flow solver kept (its optimum is proved on them), each mentee's best k
    # arcs, each seeker's best k group arcs.
    rows = _rows(indptr)
    base, key = base.astype(np.int64), key.astype(np.int64)
    order = np.lexsort((cols, -base, rows))
    rank = np.arange(len(order)) - np.searchsorted(rows[order], rows[order], side="left")
    keep = np.zeros(len(cols), dtype=bool)
    keep[order[rank < k]] = True
    eorder = order[elig[order]]
    erank = np.arange(len(eorder)) - np.searchsorted(rows[eorder], rows[eorder], side="left")
    keep[eorder[erank < k]] = True
    del order, rank, eorder, erank
    kept_mask = phantom_stats.get("kept_mask")
    if kept_mask is not None and len(kept_mask) == len(cols):
        keep |= kept_mask
    keep[pos] = True
    best = (total_r, pairs_r, grouped_r)
    width = int(key.max()) + 2
    gid_all = np.where(elig, cols.astype(np.int64) * width + key, -1)
    info["proven"] = False
    for _round in range(MAX_ROUNDS):
        info["rounds"] += 1
        sub = np.flatnonzero(keep)
        model = _model(sub, rows, cols, base, elig, gid_all, capacity, bonus)
        value, taken, zz = _mip(model, sub, base, bonus)
        if value > best[0]:
            pairs = sorted(zip(rows[taken].tolist(), cols[taken].tolist()))
            best = (value, pairs, set(zz.tolist()))
        lower = best[0]
        u, v, _lam = _lp(model, n, m)
        u, v = _feasible_prices(u, v, rows, cols, base)
        rc_x = u[rows] + v[cols] - base
        rc_z, _rc_y, upper = _group_duals(u, v, rows, cols, base, elig, gid_all, bonus, capacity)
        gap = upper - lower
        wanted = rc_x <= gap - 1 + EPS
        wanted[elig] |= rc_z <= gap - 1 + EPS
        new = wanted & ~keep
        info.update(upper=float(upper), lower=int(lower), kept=int(keep.sum()), added=int(new.sum()))
        if os.environ.get("NASTAVNIK_SOLVER_DEBUG"):
            print(f"groups round {info['rounds']}: kept {info['kept']}, gap {gap:.0f}, to add {info['added']}, "
                  f"{time.perf_counter() - t0:.2f} s", flush=True)
        if not new.any():
            info["proven"] = True
            break
        if new.sum() > ADD_BUDGET:
            break  # the bound is too weak to prove more at this size: the sub-graph's optimum stands
        keep |= new
    info["seconds"] = time.perf_counter() - t0
    if stats is not None:
        stats.update(info)
    return best[1], best[2]


def _repair(flow, indptr, cols, base, elig, key, capacity, bonus, positions, pos, info, start, with_bonus):
    """(true units, pairs, arcs in real groups) of the flow optimum with the bonus taken off every group (mentor,
    requests) that had a lone member, solved again at most ``REPAIRS`` times."""
    import numpy as np

    eligible = elig.copy()
    width = int(key.max()) + 2
    for step in range(1, REPAIRS + 1):
        _total, grouped = true_units(base, elig, key, cols, pos)
        lone = pos[eligible[pos]]
        lone = lone[~np.isin(lone, np.fromiter(grouped, dtype=np.int64, count=len(grouped)))]
        if not len(lone):
            break
        # The groups (mentor, requests) of the lone members, looked for among the eligible arcs only.
        on = np.flatnonzero(eligible)
        gid_on = cols[on].astype(np.int64) * width + key[on]
        off = on[np.isin(gid_on, cols[lone].astype(np.int64) * width + key[lone])]
        eligible[off] = False
        del on, gid_on
        # Only the mentees of the arcs that lost the bonus have other costs than the solve that made ``start``.
        fresh = np.zeros(len(indptr) - 1, dtype=bool)
        fresh[np.searchsorted(indptr, off, side="right") - 1] = True
        st: dict = {}
        with with_bonus(eligible) as cost:
            try:
                pairs = flow(indptr, cols, cost, capacity, stats=st, start=start, fresh=fresh)
            except TypeError:
                pairs = flow(indptr, cols, cost, capacity)
        start = st.get("kept_mask", start)
        pos = positions(pairs)
        info["repairs"] = step
    total, grouped = true_units(base, elig, key, cols, pos)
    pairs = sorted(zip((np.searchsorted(indptr, pos, side="right") - 1).tolist(), cols[pos].tolist()))
    return total + bonus * len(grouped), pairs, grouped


def _model(sub, rows, cols, base, elig, gid_all, capacity, bonus) -> dict:
    """The programme on the arcs ``sub`` as HiGHS takes it: max gain·(x, z, y) s.t. A·(x, z, y) ≤ b, ≥ 0."""
    import numpy as np
    from scipy import sparse

    zs = sub[elig[sub]]
    groups, gz = np.unique(gid_all[zs], return_inverse=True)
    nx, nz, ng = len(sub), len(zs), len(groups)
    me_ids, me_row = np.unique(rows[sub], return_inverse=True)
    me_row_z = np.searchsorted(me_ids, rows[zs])
    mr_ids, mr_row = np.unique(cols[sub], return_inverse=True)
    mr_row_z = np.searchsorted(mr_ids, cols[zs])
    n_me, n_mr = len(me_ids), len(mr_ids)
    # rows: mentees | mentors | links z ≤ y | groups 2y ≤ Σz | y ≤ 1
    r_link, r_group, r_ybound = n_me + n_mr, n_me + n_mr + nz, n_me + n_mr + nz + ng
    xcol, zcol, ycol = np.arange(nx), nx + np.arange(nz), nx + nz + np.arange(ng)
    r = np.concatenate([me_row, n_me + mr_row, me_row_z, n_me + mr_row_z, r_link + np.arange(nz),
                        r_link + np.arange(nz), r_group + gz, r_group + np.arange(ng), r_ybound + np.arange(ng)])
    c = np.concatenate([xcol, xcol, zcol, zcol, zcol, ycol[gz], zcol, ycol, ycol])
    d = np.concatenate([np.ones(2 * nx), np.ones(2 * nz), np.ones(nz), -np.ones(nz), -np.ones(nz),
                        np.full(ng, 2.0), np.ones(ng)])
    a = sparse.csr_matrix((d, (r, c)), shape=(r_ybound + ng, nx + nz + ng))
    b = np.concatenate([np.ones(n_me), capacity[mr_ids].astype(np.float64), np.zeros(nz + ng), np.ones(ng)])
    gain = np.concatenate([base[sub], base[zs] + bonus, np.zeros(ng)]).astype(np.float64)
    return {"a": a, "b": b, "gain": gain, "zs": zs, "groups": groups, "me_ids": me_ids, "mr_ids": mr_ids,
            "nx": nx, "nz": nz, "ng": ng, "r_group": r_group}


def _lp(model: dict, n: int, m: int):
    """LP prices of the mentees, of the mentors, and each group row's price λ (in ``model["groups"]`` order)."""
    import numpy as np
    from scipy.optimize import linprog

    lp = linprog(-model["gain"], A_ub=model["a"], b_ub=model["b"], bounds=(0, None), method="highs")
    if lp.status != 0:  # pragma: no cover - the programme is always feasible (all zero) and bounded
        raise RuntimeError(f"LP of the group optimum: {lp.message}")
    duals = -np.asarray(lp.ineqlin.marginals)
    n_me, n_mr = len(model["me_ids"]), len(model["mr_ids"])
    u, v = np.zeros(n), np.zeros(m)
    u[model["me_ids"]] = duals[:n_me]
    v[model["mr_ids"]] = duals[n_me:n_me + n_mr]
    lam = duals[model["r_group"]:model["r_group"] + model["ng"]]
    return u, v, lam


def _mip(model: dict, sub, base, bonus):
    """(value in units, arcs taken, of them in a group) of the exact integer optimum on the sub-graph."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    nx, nz, ng = model["nx"], model["nz"], model["ng"]
    mip = milp(-model["gain"], constraints=LinearConstraint(model["a"], -np.inf, model["b"]),
               integrality=np.ones(nx + nz + ng), bounds=Bounds(0, np.inf),
               options={"mip_rel_gap": 0.0, "time_limit": MIP_SECONDS})
    if mip.x is None:  # pragma: no cover - out of time without a solution: the flow's solution stands
        return -1, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    sol = np.rint(mip.x).astype(np.int64)
    xs, zz = sub[sol[:nx] > 0], model["zs"][sol[nx:nx + nz] > 0]
    taken = np.concatenate([xs, zz])
    return int(base[taken].sum()) + bonus * len(zz), taken, zz


def _feasible_prices(u, v, rows, cols, base):
    """Prices ≥ 0 with u_i + v_j ≥ s_a on every arc: each mentee's price raised by his largest shortfall."""
    import numpy as np

    u, v = np.maximum(u, 0.0), np.maximum(v, 0.0)
    short = base - u[rows] - v[cols]
    lift = np.zeros(len(u))
    np.maximum.at(lift, rows, short)
    return u + np.maximum(lift, 0.0), v


def _group_duals(u, v, rows, cols, base, elig, gid_all, bonus, capacity):
    """(reduced cost of each eligible arc's group column incl. its group's, of each group, the bound UB).

    Given the prices, each group's dual values are chosen best: with δ_a = s_a + bonus − u_i − v_j,
    λ_g = max(0, −δ₂) (δ₂ — the group's second largest δ; a group of one arc: λ = max(0, δ₁)),
    w_a = max(0, δ_a + λ_g), μ_g = max(0, Σ w − 2λ_g). A lone candidate thus costs nothing in the bound.
    """
    import numpy as np

    e = np.flatnonzero(elig)
    delta = base[e] + bonus - u[rows[e]] - v[cols[e]]
    gid = gid_all[e]
    order = np.lexsort((-delta, gid))
    g_sorted, d_sorted = gid[order], delta[order]
    starts = np.flatnonzero(np.r_[True, g_sorted[1:] != g_sorted[:-1]])
    sizes = np.diff(np.r_[starts, len(order)])
    first = d_sorted[starts]
    second = np.where(sizes >= 2, d_sorted[np.minimum(starts + 1, len(order) - 1)], -np.inf)
    lam = np.where(sizes >= 2, np.maximum(0.0, -second), np.maximum(0.0, first))
    group_of = np.repeat(np.arange(len(starts)), sizes)
    lam_sorted = lam[group_of]
    w = np.maximum(0.0, d_sorted + lam_sorted)
    total_w = np.add.reduceat(w, starts)
    s = total_w - 2 * lam
    mu = np.maximum(0.0, s)
    rc_y = np.maximum(0.0, -s)
    rc_z_sorted = np.maximum(0.0, -(d_sorted + lam_sorted)) + rc_y[group_of]
    rc_z = np.empty(len(e))
    rc_z[order] = rc_z_sorted
    upper = float(u.sum() + (capacity * v).sum() + mu.sum())
    return rc_z, rc_y, upper
