"""Groups of the optimum: the proposal's group members gathered by mentor and requests.

The regulation allows group mentoring (вид «в группе»). The exact solver
(``exact.solve_groups``) already chose, pair by pair, between an individual pair
and a place in a group (a mentee who chose «в группе», a mentor who marked «в
группе» in «Готов к видам»; the bonus ``w_group``), counting each member against
the mentor's free places once, and gave the bonus only to groups of two or more
with the same requests. Here those members become one group: one code with
several rows in ``--apply``. A member alone in a bucket cannot come from the
solver; should one appear, he is written as an individual pair and told so.
"""

from __future__ import annotations

from nastavnik.workbook import vocab as v

from .reasons import GROUP_PLACE
from .scoring import DIRS, Scorer


def form_groups(sc: Scorer, proposal: list[dict], assignment: list[tuple[int, int]]) -> list[dict]:
    """Set ``rec["group"]`` (a group number from 1) on the proposal's members; return the groups."""
    buckets: dict[tuple[int, int], list[int]] = {}
    for n, ((i, j), rec) in enumerate(zip(assignment, proposal)):
        if rec["parts"].get("group"):
            buckets.setdefault((j, int(sc.group_key[i])), []).append(n)
    for n in (n for ms in buckets.values() for n in ms):  # the proposal says which group, not just «a place»
        proposal[n]["reasons"] = [r for r in proposal[n]["reasons"] if not r.startswith(GROUP_PLACE)]
    out = []
    for (j, _key), members in sorted(buckets.items(), key=lambda kv: (sc.mr_codes[kv[0][0]], kv[1][0])):
        codes = [proposal[n]["mentee"] for n in members]
        if len(members) < 2:
            rec = proposal[members[0]]
            rec["reasons"].append("в группе наставника пока один участник: предлагается пара «один-на-один», "
                                  "к которой можно добавить наставляемых с теми же запросами")
            continue
        number = len(out) + 1
        i0 = assignment[members[0]][0]
        requests = [v.DIRECTIONS[d] for d, on in zip(DIRS, sc.req[i0]) if on]
        for n in members:
            rec = proposal[n]
            rec["group"] = number
            rec["kind"] = v.KIND_GROUP
            others = [c for c in codes if c != rec["mentee"]]
            rec["reasons"].append(f"в группе (вид «{v.KIND_GROUP}») вместе с {', '.join(others)}")
        out.append({
            "number": number,
            "mentor": sc.mr_codes[j],
            "mentees": codes,
            "requests": requests,
            "focus": sc.me_rows[i0]["focus"],
            "score": round(sum(proposal[n]["score"] for n in members), 4),
        })
    return out
