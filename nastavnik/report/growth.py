"""Growth: how a mentee's self-rating moved from the entry questionnaire to the final one.

The bank's anchor items (МР-42/02, Раздел 2.3: the same items at entry and at the end) are scales the mentee
answers in both rounds — in the bundled bank one per direction of the regulation. For each mentee and item the
latest answer of each round counts; the change is final − entry. The final answer must fall in the period, not
after the report date, so a year's growth is the growth of those who finished (or left) in it.

One definition for every output: the indicators of the group «Рост наставляемых» (``compute.growth``), the
sheet of «Мониторинг.xlsx» and the analytic report's table and chart all read ``compute_growth``. No mean,
share or count of improved is given for fewer than ``MIN_RESPONDENTS`` mentees (``registry.PRIVACY_RULE``): a
programme of one pair shows «менее 3 ответов» instead of numbers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import vocab as v
from nastavnik.workbook.orgtypes import direction_title, of

from .frames import Frames, mean_score, share
from .registry import FEW_ANSWERS, MIN_RESPONDENTS


@dataclass
class GrowthRow:
    """One row of the growth table: a direction, a programme or the whole organisation."""

    label: str
    respondents: int
    entry: float | None = None  # mean entry rating; None when hidden or unknown
    final: float | None = None
    change: float | None = None
    improved: int | None = None  # mentees whose rating went up
    hidden: bool = False  # fewer than MIN_RESPONDENTS: the numbers are not shown

    def cells(self) -> list:
        """The row as a table prints it: the numbers, or «менее 3 ответов» in their place."""
        if self.hidden:
            return [self.label, self.respondents, FEW_ANSWERS, "", "", ""]
        return [self.label, self.respondents, self.entry, self.final, self.change, self.improved]


@dataclass
class Growth:
    directions: list[GrowthRow] = field(default_factory=list)
    programmes: list[GrowthRow] = field(default_factory=list)
    total: GrowthRow = field(default_factory=lambda: GrowthRow("Все направления", 0, hidden=True))
    requested: int = 0  # mentees with both rounds in a direction they asked help in
    improved_requested: int = 0  # … of them whose rating went up in at least one such direction

    def to_dict(self) -> dict:
        return {"directions": [asdict(r) for r in self.directions],
                "programmes": [asdict(r) for r in self.programmes], "total": asdict(self.total)}

    @staticmethod
    def from_dict(d: dict) -> Growth:
        return Growth([GrowthRow(**r) for r in d.get("directions", [])],
                      [GrowthRow(**r) for r in d.get("programmes", [])],
                      GrowthRow(**d["total"]) if d.get("total") else GrowthRow("Все направления", 0, hidden=True))


def anchor_items(bank: list[qb.BankQuestion]) -> dict[str, qb.BankQuestion]:
    """The growth items by code: the mentee's anchor questions with a scale (hidden ones too: answers stay)."""
    return {q.code: q for q in bank if q.anchor and q.scale and qb.Q_MENTEE in q.roles}


def _mark(x) -> float | None:
    try:
        return float(str(x).strip().replace(",", "."))
    except ValueError:
        return None


def changes(f: Frames):
    """A table (mentee, programme, direction, entry, final, change, requested): one row per mentee and direction.

    A direction with several items takes the mean of their ratings in each round. A mentee without a code
    (an anonymous form) cannot be followed from one round to the next and is left out.
    """
    import pandas as pd

    cols = ["mentee", "programme", "direction", "entry", "final", "change", "requested"]
    items = anchor_items(f.bank)
    a = f.answers
    if a.empty or not items:
        return pd.DataFrame(columns=cols)
    a = a[(a["role"] == qb.Q_MENTEE) & a["question"].isin(list(items)) & a["respondent"].notna()
          & a["round"].isin([qb.ROUND_ENTRY, qb.ROUND_FINAL])].copy()
    a["date"] = pd.to_datetime(a["date"])
    a["mark"] = [_mark(x) for x in a["answer"]]
    a = a[a["mark"].notna() & a["date"].notna()]
    a["_order"] = range(len(a))
    latest = a.sort_values(["date", "_order"]).groupby(["respondent", "question", "round"]).tail(1)
    keys = ["respondent", "question"]
    entry = latest[latest["round"] == qb.ROUND_ENTRY][[*keys, "mark", "date", "programme"]]
    final = latest[latest["round"] == qb.ROUND_FINAL]
    final = final[final["date"].between(f.start, f.as_of)]
    both = final.merge(entry, on=keys, suffixes=("", "_entry"))
    both = both[both["date_entry"] <= both["date"]]  # an entry answer after the final one is not an entry
    if both.empty:
        return pd.DataFrame(columns=cols)
    both["direction"] = [items[q].direction or items[q].text for q in both["question"]]
    both["programme"] = both["programme"].fillna(both["programme_entry"])
    per = both.groupby(["respondent", "direction"], sort=False).agg(
        programme=("programme", "last"), entry=("mark_entry", "mean"), final=("mark", "mean")).reset_index()
    per["change"] = per["final"] - per["entry"]
    key_of = {name: key for key, name in v.DIRECTIONS.items()}
    people = f.raw["mentees"].drop_duplicates("code").set_index("code")
    asked = []
    for who, direction in zip(per["respondent"], per["direction"]):
        col = f"req_{key_of.get(direction, '')}"
        mark = people.at[who, col] if who in people.index and col in people.columns else None
        asked.append(bool(pd.notna(mark) and mark))  # «да» reads as True (numpy's, from a typed column)
    per["requested"] = asked
    return per.rename(columns={"respondent": "mentee"})[cols]


def _row(label: str, part) -> GrowthRow:
    people = int(part["mentee"].nunique())
    if people < MIN_RESPONDENTS:
        return GrowthRow(label, people, hidden=True)
    up = part[part["change"] > 0]["mentee"].nunique()
    return GrowthRow(label, people, mean_score(part["entry"].mean()), mean_score(part["final"].mean()),
                     _signed(part["change"].mean()), int(up))


def _signed(x) -> float | None:
    """A mean change with one decimal, as every score; -0.0 reads as 0."""
    m = mean_score(x)
    return None if m is None else (m if m != 0 else 0.0)


def compute_growth(f: Frames) -> Growth:
    """The growth table of the period: by direction (in the regulation's order), by programme and overall."""
    per = changes(f)
    g = Growth()
    order = list(v.DIRECTIONS.values())
    found = list(dict.fromkeys(per["direction"])) if len(per) else []
    for name in order + [d for d in found if d not in order]:
        part = per[per["direction"] == name]
        if len(part) or name in order:  # labelled as the type says it (a kindergarten has no «внеурочная»)
            g.directions.append(_row(direction_title(name, of(f.org).key), part))
    for code in sorted(p for p in per["programme"].dropna().unique()) if len(per) else []:
        g.programmes.append(_row(str(code), per[per["programme"] == code]))
    if len(per) and per["programme"].isna().any():
        g.programmes.append(_row("без программы", per[per["programme"].isna()]))
    g.total = _row("Все направления", per)
    asked = per[per["requested"]] if len(per) else per
    g.requested = int(asked["mentee"].nunique()) if len(asked) else 0
    g.improved_requested = int(asked[asked["change"] > 0]["mentee"].nunique()) if len(asked) else 0
    return g


def growth_values(f: Frames) -> dict:
    """``{code: (value, numerator, denominator, breakdown, note, extra)}`` of the group «Рост наставляемых»."""
    g = compute_growth(f)
    few = g.requested < MIN_RESPONDENTS
    note = (f"Ответили на оба этапа по запрошенным направлениям: {g.requested} — {FEW_ANSWERS}, значение не "
            "показывается." if few and g.requested else "")
    return {
        "growth_respondents": (g.total.respondents, None, None, None, "", {"growth": g.to_dict()}),
        "growth_improved_share": (None if few else share(g.improved_requested, g.requested),
                                  None if few else g.improved_requested, None if few else g.requested, None, note,
                                  None),
        "growth_mean_change": (g.total.change, None, None, None,
                               f"{FEW_ANSWERS}: значение не показывается." if g.total.hidden and g.total.respondents
                               else "", None),
        "growth_by_direction": (g.total.respondents, None, None,
                                {r.label: (None if r.hidden else r.change) for r in g.directions}, "", None),
    }
