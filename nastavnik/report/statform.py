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

from nastavnik.workbook import vocab as v

TOTAL = "Всего"
MENTORS_ROW = "Наставники"
MENTEES_ROW = "Наставляемые — всего"
# A student or trainee from outside is a participant, not one of the staff: the form shows them apart.
STAFF_ROW = "Наставляемые — педагогические работники организации"
STUDENTS_ROW = "Наставляемые — студенты и стажёры (не педагогические работники)"
STUDENTS_DONE_ROW = "из них завершили программу в полном объёме"
# Rows that stand for an indicator: an indicator off for the organisation's type takes its row away.
ROW_CODES = {STUDENTS_ROW: "students_active", STUDENTS_DONE_ROW: "students_completed"}


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
    # as object: when no mentee's category is known the mapped column is all-NaN float, and text can't fill it
    cats = p.loc[has, "mentee"].map(categories).astype(object)
    by_cat = mentees.assign(row=cats.where(cats.notna(), "категория не указана").to_numpy())
    students = f.students()
    is_student = p.loc[has, "mentee"].isin(students).to_numpy()
    staff_or_not = mentees.assign(row=[STUDENTS_ROW if x else STAFF_ROW for x in is_student])
    done = (p.loc[has, "u_actual_end"].between(f.start, f.end) & (p.loc[has, "u_end_reason"] == v.REASON_FULL))
    students_done = mentees[is_student & done.to_numpy()].assign(row=STUDENTS_DONE_ROW)
    long = pd.concat([mentors, mentees, by_cat, staff_or_not, students_done], ignore_index=True)
    forms = v.FORMS + sorted(set(long["form"].dropna()) - set(v.FORMS))
    kinds = v.KINDS + sorted(set(long["kind"].dropna()) - set(v.KINDS))
    total = long.groupby("row")["person"].nunique()
    by_form = long.groupby(["row", "form"])["person"].nunique()
    by_kind = long.groupby(["row", "kind"])["person"].nunique()
    row_labels = [MENTORS_ROW, MENTEES_ROW] + v.MENTEE_CATEGORIES
    extra = sorted(set(by_cat["row"]) - set(row_labels))
    from .bytype import off_codes

    off = off_codes(book)
    apart = [x for x in (STAFF_ROW, STUDENTS_ROW, STUDENTS_DONE_ROW) if ROW_CODES.get(x) not in off]
    rows = []
    for label in row_labels + extra + apart:  # a dozen fixed rows
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
    if STUDENTS_ROW in apart:
        notes.append(
            f"Студенты и стажёры — наставляемые с категорией «{v.MENTEE_STUDENT}» или в паре формы "
            f"«{v.FORM_STUDENT}»: они участники наставничества, но не педагогические работники организации и "
            f"в доли от их числа не входят; строки «{STAFF_ROW}» и «{STUDENTS_ROW}» вместе дают всех "
            "наставляемых.")
    org = book.org.get("short_name") or book.org.get("full_name") or ""
    return StatForm(title=f"Число участников персонализированных программ наставничества{', ' + org if org else ''}",
                    period=f.period.label,
                    column_groups=[("Форма наставничества", forms), ("Вид наставничества", kinds)],
                    rows=rows, notes=notes)
