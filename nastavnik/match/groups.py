"""Group proposals: mentees with the same requests whom one mentor could take together.

The regulation allows group mentoring (вид «в группе»); when several mentees
ask for exactly the same directions in the same направленность, one mentor
with two or more free places can work with them as a group, which saves the
mentors' time. These proposals are advice for the council and are kept apart
from the optimal individual proposal: the council chooses.
"""

from __future__ import annotations

from .. import vocab as v
from .scoring import DIRS, Scorer


def propose_groups(sc: Scorer, score, feasible) -> list[dict]:
    """One best mentor per set of ≥ 2 mentees with identical requests and направленность.

    The best mentor maximises the summed score of the members he could take (as many as his
    free places allow, best first); ties go to the smaller mentor code.
    """
    import numpy as np

    buckets: dict[tuple, list[int]] = {}
    for i in range(sc.n):
        if sc.nreq[i]:
            buckets.setdefault((tuple(bool(x) for x in sc.req[i]), int(sc.focus_me[i])), []).append(i)
    out = []
    codes_me, codes_mr = sc.me_codes, sc.mr_codes
    spare = sc.spare.astype(int)
    for (req, _focus), members in sorted(buckets.items(), key=lambda kv: codes_me[kv[1][0]]):
        if len(members) < 2:
            continue
        idx = np.array(members)
        fit = feasible[idx] & (spare >= 2)[None, :]
        count = fit.sum(0)
        if not (count >= 2).any():
            continue
        # Members sorted per mentor by score (then code, since idx is in code order): take the top «spare».
        w = np.where(fit, score[idx], -1.0)
        order = np.argsort(-w, axis=0, kind="stable")
        take = np.minimum(count, spare)
        ranked = np.take_along_axis(np.where(fit, score[idx], 0.0), order, axis=0)
        csum = np.cumsum(ranked, axis=0)
        value = np.where(count >= 2, np.round(csum[np.maximum(take - 1, 0), np.arange(sc.m)], 4), -1.0)
        j = int(np.argmax(value))
        chosen = sorted(idx[order[: take[j], j]].tolist())
        out.append({
            "mentor": codes_mr[j],
            "mentees": [codes_me[i] for i in chosen],
            "requests": [v.DIRECTIONS[d] for d, on in zip(DIRS, req) if on],
            "focus": sc.me_rows[members[0]]["focus"],
            "score": round(float(np.mean([score[i, j] for i in chosen])), 4),
            "covers": int(sum(sc.comp[j, n] for n, on in enumerate(req) if on)),
            "want_group": [codes_me[i] for i in chosen if sc.me_rows[i]["kind"] == v.KIND_GROUP],
            "left_out": [codes_me[i] for i in members if i not in chosen],
        })
    return out
