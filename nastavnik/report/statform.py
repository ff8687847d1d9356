"""The statistical form: participants of personalized programmes by category, form and kind.

The administration asks for one table it can copy into its own form: rows are
categories of participants (mentors, mentees in total and by category),
columns are «всего», then forms, then kinds of mentoring. Each cell counts
different people, so a person in two pairs of different forms appears once in
each of those columns and once in «всего».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import vocab as v

TOTAL = "Всего"
MENTORS_ROW = "Наставники"
MENTEES_ROW = "Наставляемые — всего"


@dataclass
class StatForm:
    title: str
    period: str
    column_groups: list[tuple[str, list[str]]]  # («Форма наставничества», [...]), …
    rows: list[tuple[str, list[int]]]  # (category, [total, by form…, by kind…])
    notes: list[str]

    @property
    def columns(self) -> list[str]:
        return [TOTAL] + [c for _, cols in self.column_groups for c in cols]

    def to_dict(self) -> dict:
        return {"title": self.title, "period": self.period, "columns": self.columns,
                "rows": [{"category": label, "values": dict(zip(self.columns, vals))} for label, vals in self.rows],
                "notes": self.notes}


def build_statform(book, period_start: dt.date, period_end: dt.date, today: dt.date) -> StatForm:
    import pandas as pd

    from .frames import Frames, Period

    f = Frames(book, Period(period_start, period_end, today))
    p = f.pairs
    categories = f.raw["mentees"].drop_duplicates("code").set_index("code")["category"]
    mentors = pd.DataFrame({"person": "m:" + p["mentor"].astype(str), "row": MENTORS_ROW,
                            "form": p["u_form"], "kind": p["u_kind"]})[p["mentor"].notna().to_numpy()]
    has = p["mentee"].notna().to_numpy()
    mentees = pd.DataFrame({"person": "p:" + p["mentee"].astype(str), "row": MENTEES_ROW,
                            "form": p["u_form"], "kind": p["u_kind"]})[has]
    by_cat = mentees.assign(row=p.loc[has, "mentee"].map(categories).fillna("категория не указана").to_numpy())
    long = pd.concat([mentors, mentees, by_cat], ignore_index=True)
    forms = v.FORMS + sorted(set(long["form"].dropna()) - set(v.FORMS))
    kinds = v.KINDS + sorted(set(long["kind"].dropna()) - set(v.KINDS))
    total = long.groupby("row")["person"].nunique()
    by_form = long.groupby(["row", "form"])["person"].nunique()
    by_kind = long.groupby(["row", "kind"])["person"].nunique()
    row_labels = [MENTORS_ROW, MENTEES_ROW] + v.MENTEE_CATEGORIES
    extra = sorted(set(by_cat["row"]) - set(row_labels))
    rows = []
    for label in row_labels + extra:  # a dozen fixed rows
        vals = [int(total.get(label, 0))]
        vals += [int(by_form.get((label, x), 0)) for x in forms]
        vals += [int(by_kind.get((label, x), 0)) for x in kinds]
        rows.append((label, vals))
    notes = [
        f"Участники персонализированных программ наставничества за период {f.period.label}: люди в парах и "
        "группах, учитываемых в периоде (утверждённых, работающих и завершённых; проекты не учитываются).",
        "В каждой ячейке — число разных людей. Человек в нескольких парах разных форм или видов учитывается в "
        "каждом из этих столбцов, поэтому сумма по формам или видам может быть больше столбца «Всего».",
        f"Строка «{MENTEES_ROW}» — сумма строк категорий.",
    ]
    org = book.org.get("short_name") or book.org.get("full_name") or ""
    return StatForm(title=f"Число участников персонализированных программ наставничества{', ' + org if org else ''}",
                    period=f.period.label,
                    column_groups=[("Форма наставничества", forms), ("Вид наставничества", kinds)],
                    rows=rows, notes=notes)
