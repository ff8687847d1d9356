"""The period and the derived tables every indicator is computed from.

The period rules are written once here (and described in ``registry.PERIOD_RULES``
for the curator) so that all indicators agree on which pairs, people and rows
belong to the period. Everything is vectorized pandas: the report for 10,000
people must take seconds, not minutes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from nastavnik.base.problems import NastavnikError
from nastavnik.workbook import vocab as v


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    today: dt.date

    @property
    def as_of(self) -> dt.date:
        """The report date: the period's end, or today if the period has not ended yet."""
        return min(self.end, self.today)

    @property
    def label(self) -> str:
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"


def parse_period(text: str | None, year: str | None, org: dict, today: dt.date) -> Period:
    """The period from ``--period``/``--year`` or else from «Организация»; a Russian error when unusable."""
    from nastavnik.workbook.parse import parse_date

    if text and year:
        raise NastavnikError("Укажите либо --period, либо --year, но не оба сразу.")
    if text:
        parts = text.replace("—", ":").replace("–", ":").split(":")
        if len(parts) != 2:
            raise NastavnikError(f"Период «{text}» не понят: нужно ДД.ММ.ГГГГ:ДД.ММ.ГГГГ, например "
                                 "01.09.2025:31.08.2026.")
        (start, e1), (end, e2) = parse_date(parts[0].strip()), parse_date(parts[1].strip())
        if e1 or e2 or start is None or end is None:
            raise NastavnikError(f"Период «{text}» не понят: нужно ДД.ММ.ГГГГ:ДД.ММ.ГГГГ.")
    elif year:
        import re

        m = re.fullmatch(r"\s*(\d{4})\s*[/\-–]\s*(\d{4})\s*", year)
        if not m or int(m.group(2)) != int(m.group(1)) + 1:
            raise NastavnikError(f"Учебный год «{year}» не понят: нужно, например, 2025/2026.")
        start, end = dt.date(int(m.group(1)), 9, 1), dt.date(int(m.group(2)), 8, 31)
    else:
        start, end = org.get("period_start"), org.get("period_end")
        if not isinstance(start, dt.date) or not isinstance(end, dt.date):
            raise NastavnikError(
                "На листе «Организация» не заполнены «Начало отчётного периода» и «Конец отчётного периода». "
                "Заполните их или укажите период: --period 01.09.2025:31.08.2026 или --year 2025/2026.")
    if end < start:
        raise NastavnikError(f"Конец периода {end:%d.%m.%Y} раньше его начала {start:%d.%m.%Y}.")
    return Period(start, end, today)


class Frames:
    """Typed tables of the Book cut to the period, with the derived columns indicators share."""

    def __init__(self, book, period: Period):
        import pandas as pd

        self.org = book.org
        self.lists = getattr(book, "lists", None) or {}  # the organisation's lists with the curator's additions
        self.period = period
        self.start = pd.Timestamp(period.start)
        self.end = pd.Timestamp(period.end)
        self.as_of = pd.Timestamp(period.as_of)
        self.today = pd.Timestamp(period.today)
        t = _Tables(book.tables)
        self.raw = t
        self.mentors = self._mentor_bank(t["mentors"])
        self.mentees = self._mentee_bank(t["mentees"])
        whole = with_archive(t)  # the past years that new-year moved to the archive sheets count as well
        self.pairs_all = self._pairs(whole["pairs"])
        p = self.pairs_all
        self.pairs = p[p["_in_period"]]  # rows (a group has several)
        self.units = self.pairs.drop_duplicates("code")  # one row per pair or group
        self.programmes = whole["programmes"]
        self.plan = whole["plan"]
        self.surveys = whole["surveys"]
        self.events = whole["events"]
        self.answers = whole["answers"]  # «Ответы анкет» and its archive, one row per answer
        self.roadmap = t["roadmap"]
        from nastavnik.workbook.questionbank import bank

        self.bank = bank(book)  # the organisation's question bank (or the bundled one of an older book)

    def _mentor_bank(self, m):
        added = m["date_added"]
        keep = (added.isna() | (added <= self.end)) & (m["status"] == v.MENTOR_STATUS_ACTIVE)
        return m[keep]

    def _mentee_bank(self, m):
        added, left = m["date_added"], m["left_date"]
        keep = (added.isna() | (added <= self.end)) & (left.isna() | (left >= self.start))
        return m[keep]

    def _pairs(self, p):
        p = p[p["code"].notna()]
        cols = ["form", "kind", "start", "planned_end", "actual_end", "new_end", "status", "order_no", "order_date",
                "end_reason", "change", "change_order_date"]
        # Group attributes come from its first row, so that one group is counted once and consistently.
        first = p.drop_duplicates("code").set_index("code")[cols].add_prefix("u_")
        size = p.groupby("code").size().rename("_size")
        p = p.merge(first, left_on="code", right_index=True, how="left").merge(
            size, left_on="code", right_index=True, how="left")
        p["is_group"] = ((p["_size"] > 1) | (p["u_kind"] == v.KIND_GROUP)).astype(bool)
        ends = p["u_actual_end"].fillna(p["u_new_end"]).fillna(p["u_planned_end"])
        p["u_end"] = ends
        p["_in_period"] = (
            p["u_start"].notna() & (p["u_status"] != v.PAIR_DRAFT) & (p["u_start"] <= self.end)
            & (ends.isna() | (ends >= self.start))
        ).astype(bool)
        return p.reset_index(drop=True)

    def ended(self, rows):
        """(completed in full, stopped early) for rows with the ``u_`` columns: ended in the period by the report date.

        Completed in full — «План выполнен в полном объёме» and not the status «прекращена досрочно»; stopped early —
        the status «прекращена досрочно», whatever the reason (the same pairs get an early-completion order).
        """
        ended = rows["u_actual_end"].between(self.start, min(self.end, self.as_of))
        stopped = (rows["u_status"] == v.PAIR_STOPPED).to_numpy()
        full = ended & ~stopped & (rows["u_end_reason"] == v.REASON_FULL).fillna(False).astype(bool)
        return full.astype(bool), (ended & stopped).astype(bool)

    def archive_left_dates(self):
        """Mentee code → date of leaving recorded on «Архив выбывших» (people new-year took out of the bank)."""
        from nastavnik.workbook import schema as s

        leavers = self.raw.get("archive_leavers")
        if leavers is None or leavers.empty:
            return None
        leavers = leavers[(leavers["bank"] == s.MENTEES.title) & leavers["left_date"].notna()]
        return leavers.groupby("code")["left_date"].min()

    def students(self) -> set:
        """Mentee codes of students and trainees from outside: participants, not members of the pedagogical staff.

        A mentee counts as one when his «Категория наставляемого» is «студент / стажёр» or when he is the
        mentee of any pair of the form «работодатель – студент» on the pairs sheet (Положение, п. 2.3 names
        the form; a student on practice is not yet an employee, so not one of «Число педагогических работников»).
        """
        m = self.raw["mentees"]
        codes = set(m.loc[(m["category"] == v.MENTEE_STUDENT).to_numpy(), "code"].dropna())
        p = self.pairs_all
        codes |= set(p.loc[(p["u_form"] == v.FORM_STUDENT).to_numpy(), "mentee"].dropna())
        return codes

    def people_banks(self):
        """Both banks stacked: one row per person with the columns both sheets share."""
        import pandas as pd

        cols = ["code", "birth_date", "ped_experience", "consent_pd", "consent_publish"]
        return pd.concat([self.mentors[cols].assign(_role="mentor"), self.mentees[cols].assign(_role="mentee")],
                         ignore_index=True)

    def staff_register(self):
        """The people of «Педагогический состав» working on the report's date, or None when the sheet is empty.

        Working: «Дата приёма» empty or not after the report's date, «Дата увольнения» empty or after it.
        Columns ``under35`` (under 35 on the report's date; unknown birth date — not) and ``first3`` (in the first
        three years of work: «Педагогический стаж, лет» below 3, or without it «Дата приёма» less than three years
        before the report's date) are added.
        """
        import pandas as pd

        r = self.raw["staff"]
        r = r[r["fio"].notna().to_numpy()] if "fio" in r else r.iloc[0:0]
        if r.empty:
            return None
        a = self.as_of
        hired, left = pd.to_datetime(r["hire_date"]), pd.to_datetime(r["left_date"])
        r = r[((hired.isna() | (hired <= a)) & (left.isna() | (left > a))).to_numpy()]
        birth = pd.to_datetime(r["birth_date"])
        exp = pd.to_numeric(r["ped_experience"], errors="coerce")
        hired = pd.to_datetime(r["hire_date"])
        first3 = (exp < 3).where(exp.notna(), hired > a - pd.DateOffset(years=3))
        return r.assign(under35=(birth > a - pd.DateOffset(years=35)).fillna(False).astype(bool),
                        first3=first3.fillna(False).astype(bool))

    def under35(self, birth) -> Any:
        """True where the person is under 35 on the period's first day (False when birth date is unknown)."""
        limit = self.start - __import__("pandas").DateOffset(years=35)
        return (birth > limit).fillna(False).astype(bool)


class _Tables(dict):
    """The book's tables; a sheet the book lacks reads as an empty table of its columns."""

    def __missing__(self, key):
        from nastavnik.workbook.reader import empty_table

        return empty_table(key)

    def get(self, key, default=None):
        return self[key] if key in self or default is None else default


def with_archive(tables: dict) -> dict:
    """Pairs, programmes, plans, surveys, answers and events of this year and of the archive sheets, as one table each.

    A pair belongs to every academic year it was active in, so its year is read from its dates, not from the
    archive's «Учебный год». A code given again in a later year gets its year in brackets («ПР-001 [2025/2026]»)
    so that two pairs never merge; its programme and plan follow it.
    """
    import pandas as pd

    from nastavnik.workbook.schema import ARCHIVE_OF

    out = {key: tables[key] for key in ARCHIVE_OF}
    if not any(key in tables and len(tables[key]) for key in ARCHIVE_OF.values()):
        return out
    renamed: dict[str, dict] = {"pairs": {}, "programmes": {}}
    for key, ref in (("pairs", None), ("programmes", ("pair", "pairs")), ("plan", ("programme", "programmes")),
                     ("surveys", ("programme", "programmes")), ("events", None),
                     ("answers", ("programme", "programmes"))):
        old = tables.get(ARCHIVE_OF[key])
        if old is None or not len(old):
            continue
        old = old.copy()
        year = old["year"].fillna("").astype(str)
        if key in renamed:
            taken = set(tables[key]["code"].dropna())
            clash = old["code"].isin(taken).to_numpy()
            new_code = old["code"].where(~clash, old["code"].astype(str) + " [" + year + "]")
            renamed[key] = {(y, c): n for y, c, n in zip(year, old["code"], new_code) if c != n}
            old["code"] = new_code
        if ref and renamed[ref[1]]:
            col, table = ref
            old[col] = [renamed[table].get((y, c), c) for y, c in zip(year, old[col])]
        cols = list(tables[key].columns)
        out[key] = pd.concat([tables[key], old[[c for c in cols if c in old.columns]]], ignore_index=True)
    return out


def share(num, den) -> float | None:
    """A percentage with one decimal; None when the denominator is zero."""
    return round(100.0 * num / den, 1) if den else None


def mean_score(x) -> float | None:
    """A mean score as every output shows it: one decimal (the one rounding rule of scores)."""
    if x is None or x != x:
        return None
    return round(float(x) + 1e-9, 1)
