"""The workbook as it stands at each step of a curator's year, built in code from the schema.

Every earlier test starts from the demo, a workbook in the middle of a year; a real workbook
passes through every earlier and later state. ``snapshots`` takes any filled workbook (the demo,
a synthetic one) and cuts it back to each step of the «Инструкция» sheet and the roadmap, or
carries it forward to the year's end and the next September. Each snapshot is (org, tables,
today): the date the curator would run the tool in that state.
"""

from __future__ import annotations

import copy
import datetime as dt

from nastavnik.workbook import orgtypes, template
from nastavnik.workbook import vocab as v
from nastavnik.workbook.schema import DATE, ROADMAP, SHEET_BY_KEY, SHEETS

D = dt.timedelta

# In the order of the year; the name is what the curator has done so far.
STATES = (
    "blank",            # nastavnik init, nothing typed
    "org_only",         # «Организация» filled
    "banks",            # banks of mentors and mentees, no pairs
    "draft_pairs",      # pairs proposed, status «проект», no order
    "approved",         # the order is signed: «утверждена», no programmes yet
    "programmes",       # programmes written, no plan yet
    "running",          # the year under way, no surveys yet
    "surveys",          # surveys in (the demo itself)
    "completed",        # every pair completed or stopped
    "next_september",   # the next September: everything finished, a new year begins
)

_ORDERS = ("order_no", "order_date", "change", "new_end", "change_basis", "change_order_no", "change_order_date",
           "agreement_no", "agreement_date", "agreement_until", "payment", "actual_end", "end_reason")


def _empty_tables(tables: dict) -> dict:
    """Every sheet empty except the roadmap, which the template pre-fills."""
    out = {sheet.key: [] for sheet in SHEETS}
    out["roadmap"] = [dict(zip(ROADMAP.keys, row)) for row in ROADMAP.prefill]
    return out


def _known_by(sheet_key: str, rows: list[dict], day: dt.date) -> list[dict]:
    """Rows whose past-only dates (consents, inclusion) have come by ``day``: the people known then."""
    cols = [c.key for c in SHEET_BY_KEY[sheet_key].columns if c.kind == DATE and c.past_only]
    return [r for r in rows if all(r.get(k) is None or r[k] <= day for k in cols)]


def _forget_future(sheet_key: str, rows: list[dict], day: dt.date) -> list[dict]:
    """Past-only dates (a mentor's consent) not yet come by ``day`` are not yet written: the cell is empty."""
    cols = [c.key for c in SHEET_BY_KEY[sheet_key].columns if c.kind == DATE and c.past_only]
    for r in rows:
        for k in cols:
            if r.get(k) is not None and r[k] > day:
                r[k] = None
    return rows


def _drop_unknown_refs(sheet_key: str, rows: list[dict], known: set[str]) -> None:
    """Preferences may only name people already in the banks."""
    cols = [c.key for c in SHEET_BY_KEY[sheet_key].columns if c.ref in ("mentors", "mentees")]
    for r in rows:
        for k in cols:
            value = r.get(k)
            if isinstance(value, (list, tuple)):
                r[k] = [c for c in value if c in known] or None
            elif isinstance(value, str) and value not in known:
                r[k] = None


def _waiting(people: list[dict]) -> list[dict]:
    for p in people:
        if p.get("status") != v.MENTEE_LEFT:
            p["status"] = v.MENTEE_WAITING
    return people


def _pair_rows(pairs: list[dict], status: str, with_order: bool) -> list[dict]:
    rows = []
    for p in pairs:
        r = dict(p)
        for key in _ORDERS:
            r[key] = None
        r["status"] = status if (p.get("order_no") or not with_order) else v.PAIR_DRAFT
        if with_order:
            r["order_no"], r["order_date"] = p.get("order_no"), p.get("order_date")
            for key in ("agreement_no", "agreement_date", "agreement_until", "payment"):
                r[key] = p.get(key)
        else:
            r["mentor_consent"] = p.get("mentor_consent")
        rows.append(r)
    return rows


def _in_pair(mentees: list[dict], pairs: list[dict]) -> list[dict]:
    paired = {p["mentee"] for p in pairs}
    for m in mentees:
        if m.get("status") != v.MENTEE_LEFT:
            m["status"] = v.MENTEE_IN_PAIR if m["code"] in paired else v.MENTEE_WAITING
    return mentees


def _programme_rows(programmes: list[dict]) -> list[dict]:
    rows = []
    for p in programmes:
        r = dict(p)
        for key in ("achieved_results", "best_practice", "consent_publish"):
            r[key] = None
        rows.append(r)
    return rows


def _end(p: dict) -> dt.date:
    return p.get("new_end") or p["planned_end"]


def _complete(org: dict, tables: dict) -> dt.date:
    """Finish every pair and every activity; return the day after the last end."""
    pairs = tables["pairs"]
    last = max(_end(p) for p in pairs) if pairs else org["period_end"]
    for p in pairs:
        if p["status"] in (v.PAIR_DONE, v.PAIR_STOPPED):
            continue
        p["status"] = v.PAIR_DONE
        p["actual_end"] = _end(p)
        p["end_reason"] = v.END_REASONS[0]
        if not p.get("order_no"):
            p["order_no"], p["order_date"] = "200-о", p["start"]
    done = {p["code"] for p in pairs}
    programme_pair = {pr["code"]: pr["pair"] for pr in tables["programmes"]}
    for a in tables["plan"]:
        if programme_pair.get(a["programme"]) in done and a["status"] != v.ACT_DONE:
            a["status"] = v.ACT_DONE
            a["actual_date"] = min(a["planned_date"], last)
            a["result"] = a.get("result") or "выполнено"
    for pr in tables["programmes"]:
        pr["achieved_results"] = pr.get("achieved_results") or "Программа выполнена, затруднения преодолены."
    for m in tables["mentees"]:
        if m.get("status") == v.MENTEE_IN_PAIR:
            m["status"] = v.MENTEE_DONE
    for r in tables["roadmap"]:
        r["status"] = "выполнен"
    return last + D(days=1)


def snapshots(org: dict, tables: dict, today: dt.date) -> dict[str, tuple[dict | None, dict | None, dt.date]]:
    """Every state of the year from a filled workbook (org, tables) that is consistent as of ``today``."""
    org, tables = copy.deepcopy(org), copy.deepcopy(tables)
    start = org["period_start"]
    early = start + D(days=14)
    # What ``nastavnik init --type …`` writes for the workbook's own type of organisation.
    blank_org = template.blank_org(start, orgtypes.of(org))
    blank_org.update(academic_year=org["academic_year"], period_start=start, period_end=org["period_end"])
    out: dict[str, tuple] = {"blank": (blank_org, None, early)}
    org_only = {k: val for k, val in org.items() if not k.startswith("order_")}
    out["org_only"] = (org_only, _empty_tables(tables), early)

    banks = _empty_tables(tables)
    banks["mentors"] = _known_by("mentors", copy.deepcopy(tables["mentors"]), early)
    banks["mentees"] = _waiting(_known_by("mentees", copy.deepcopy(tables["mentees"]), early))
    out["banks"] = (org, banks, early)

    known = {p["code"] for p in banks["mentors"] + banks["mentees"]}
    for sheet_key in ("mentors", "mentees"):
        _drop_unknown_refs(sheet_key, banks[sheet_key], known)
    live = [p for p in tables["pairs"] if p["status"] != v.PAIR_STOPPED and {p["mentor"], p["mentee"]} <= known]
    draft = copy.deepcopy(banks)
    draft["pairs"] = _forget_future("pairs", _pair_rows(live, v.PAIR_DRAFT, with_order=False), early)
    draft["mentees"] = _in_pair(draft["mentees"], draft["pairs"])
    out["draft_pairs"] = (org, draft, early)

    approved = copy.deepcopy(draft)
    approved["pairs"] = _pair_rows(live, v.PAIR_APPROVED, with_order=True)
    first_order = min((p["order_date"] for p in approved["pairs"] if p.get("order_date")), default=early)
    _forget_future("pairs", approved["pairs"], max(early, first_order))
    out["approved"] = (org, approved, max(early, first_order))

    with_programmes = copy.deepcopy(approved)
    keep = {p["code"] for p in live}
    with_programmes["programmes"] = _programme_rows([p for p in tables["programmes"] if p["pair"] in keep])
    out["programmes"] = (org, with_programmes, max(early, first_order))

    running = copy.deepcopy(tables)
    running["surveys"] = []
    out["running"] = (org, running, today)
    out["surveys"] = (org, copy.deepcopy(tables), today)

    completed = copy.deepcopy(tables)
    after = _complete(org, completed)
    out["completed"] = (org, completed, max(after, today))
    out["next_september"] = (org, copy.deepcopy(completed), dt.date(org["period_end"].year, 9, 1))
    assert tuple(out) == STATES
    return out
