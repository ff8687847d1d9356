"""The change of academic year: next year's workbook built from this year's, and the archive that remembers.

The curator refreshes the banks at least once a year (п. 3.4 Положения); what was learnt — who mentored
whom, who left, which programmes ended how — goes to the archive sheets declared in the schema
(``schema.ARCHIVE_SHEETS``), which the reader reads like any other sheet, so that matching does not
repeat a past pair and the report can count year over year. The old workbook is never changed: the new
one is written whole on the current template (which is also how an older template is migrated for good).

``next_year(book, ...)`` is pure: it takes the typed ``Book`` and returns the new workbook's
``(org, tables)`` and a ``Summary`` (``yearsummary``); ``write_next_year`` (``yearfiles``) writes both files as one.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from nastavnik.base.problems import NastavnikError
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.yearfiles import default_out, summary_path, write_next_year
from nastavnik.workbook.yearsummary import ROADMAP_DONE, ROADMAP_RESET, Summary

__all__ = ["Summary", "YearError", "default_out", "next_year", "parse_year", "summary_path", "write_next_year",
           "year_label", "year_of"]

ENDED = (v.PAIR_DONE, v.PAIR_STOPPED)
# Orders that stay in force from year to year until cancelled (the Положение, the curator's appointment);
# the others belong to one year and are cleared.
STANDING_ORDERS = ("order_intro", "order_regulation", "order_curator")
# The organisation's programme of mentoring is a year's («на 2025/2026 учебный год»): a new year, a new order.
YEARLY_ORG_FIELDS = ("order_council_no", "order_council_date", "order_final_no", "order_final_date",
                     "final_event_date", "final_event_place", "order_programme_no", "order_programme_date")
STANDING_STAGES = {1}  # stage 1 is the Положение and the curator: done once, stays done while the orders stand
MAX_EXPERIENCE = 60


class YearError(NastavnikError):
    """A year given on the command line that cannot be a school year."""

    exit_code = 2


# --- values ------------------------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    """A pandas cell as a plain Python value the template writer understands (NaT, NA, nan → None)."""
    import pandas as pd

    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes, tuple, list)):
        return value.item()  # numpy scalars
    return value


def _rows(frame) -> list[dict]:
    if frame is None or frame.empty:
        return []
    cols = [c for c in frame.columns if c != "_row"]
    return [{k: _plain(x) for k, x in zip(cols, rec)} for rec in frame[cols].itertuples(index=False, name=None)]


def _date(value) -> dt.date | None:
    value = _plain(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def parse_year(text: str) -> int:
    """«2027/2028» → 2027; a year that is not two consecutive calendar years is refused."""
    m = re.fullmatch(r"\s*(\d{4})\s*[/\-–]\s*(\d{4})\s*", text or "")
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise YearError(f"Учебный год «{text}» не понят: нужен вид ГГГГ/ГГГГ из двух соседних лет, например "
                        "2027/2028.")
    return int(m.group(1))


def year_of(book, today: dt.date) -> int:
    """The first calendar year of the book's academic year: «Учебный год», else the period, else today."""
    text = book.org.get("academic_year")
    if isinstance(text, str):
        try:
            return parse_year(text)
        except YearError:
            pass
    start = _date(book.org.get("period_start"))
    if start:
        return start.year if start.month >= 9 else start.year - 1
    return today.year if today.month >= 9 else today.year - 1


def year_label(first: int) -> str:
    return f"{first}/{first + 1}"


# --- the change of year --------------------------------------------------------------------------------------

def next_year(book, today: dt.date, year: str | None = None) -> tuple[dict, dict, Summary]:
    """(org, tables, summary) of the next academic year's workbook; the book itself is not touched."""
    import pandas as pd

    old_first = year_of(book, today)
    new_first = parse_year(year) if year else old_first + 1
    if new_first <= old_first:
        raise YearError(f"Новый учебный год {year_label(new_first)} не позже текущего {year_label(old_first)} "
                        "(лист «Организация»): укажите следующий год, например --year "
                        f"{year_label(old_first + 1)}.")
    old_label, new_label = year_label(old_first), year_label(new_first)
    start, end = dt.date(new_first, 9, 1), dt.date(new_first + 1, 8, 31)
    summary = Summary(old_label, new_label, (start, end), version_read=book.version, migration=list(book.migration))
    t = {key: book.tables.get(key) for key in s.SHEET_BY_KEY}

    def frame(key):
        from nastavnik.workbook.reader import empty_table

        return t[key] if t[key] is not None else empty_table(key)

    pairs = frame("pairs")
    ended = pairs["status"].isin(ENDED)
    # Row by row: a group goes on when one of its mentees has finished or stopped early; its programme
    # moves to the archive only when no row of the group goes on.
    keep_pair = ~ended
    carried_codes = set(pairs.loc[keep_pair, "code"].dropna())
    ended_codes = set(pairs.loc[ended, "code"].dropna()) - carried_codes
    summary.pairs_carried = sorted(carried_codes)
    summary.pairs_overdue = _overdue(pairs[keep_pair.to_numpy()], start)
    summary.pairs_archived = sorted({(c, st) for c, st in zip(pairs.loc[ended, "code"], pairs.loc[ended, "status"])
                                     if isinstance(c, str)})

    programmes = frame("programmes")
    arch_prog = programmes["pair"].isin(ended_codes)
    arch_prog_codes = set(programmes.loc[arch_prog, "code"].dropna())
    plan = frame("plan")
    arch_plan = plan["programme"].isin(arch_prog_codes)
    surveys = frame("surveys")
    arch_surv = surveys["programme"].isin(arch_prog_codes)
    # Answers to the bank go with their programme; the curator's (no programme) belong to the year that ends.
    answers = frame("answers")
    arch_ans = (answers["programme"].isin(arch_prog_codes) | answers["programme"].isna()).to_numpy()

    # People: who leaves the banks.
    mentors, mentees = frame("mentors"), frame("mentees")
    in_carried = pairs[keep_pair]
    carried_people = {**{c: p for c, p in zip(in_carried["mentor"], in_carried["code"]) if isinstance(c, str)},
                      **{c: p for c, p in zip(in_carried["mentee"], in_carried["code"]) if isinstance(c, str)}}
    start_ts = pd.Timestamp(start)
    leavers: list[dict] = []
    mentor_mask = _drop(mentors, (mentors["status"] == v.MENTOR_STATUS_LEFT).to_numpy(), "mentors",
                        "наставник в статусе «выбыл»", carried_people, old_label, summary, leavers)
    left = (mentees["left_date"].notna() & (mentees["left_date"] <= start_ts)).to_numpy()
    mentee_mask = _drop(mentees, left, "mentees", "{уволен} до начала нового учебного года", carried_people,
                        old_label, summary, leavers)
    events = frame("events")
    gone = {c for c, _ in summary.dropped}
    arch_ev = (events["date"] < start_ts).fillna(False).to_numpy() | events["person"].isin(gone).to_numpy()

    new_mentors = _rows(mentors[~mentor_mask])
    for r in new_mentors:
        for key in ("ped_experience", "org_experience"):
            if isinstance(r.get(key), int):
                r[key] = min(MAX_EXPERIENCE, r[key] + 1)
    new_mentees = _rows(mentees[~mentee_mask])
    for r in new_mentors:  # a preference for someone who has left would be a code that names nobody
        if r.get("preferred_mentees"):
            r["preferred_mentees"] = tuple(c for c in r["preferred_mentees"] if c not in gone)
    for r in new_mentees:
        if r.get("preferred_mentor") in gone:
            r["preferred_mentor"] = None
    last_end = _last_ended(pairs[ended])
    for r in new_mentees:
        if isinstance(r.get("ped_experience"), int):
            r["ped_experience"] = min(MAX_EXPERIENCE, r["ped_experience"] + 1)
        old = r.get("status")
        new = _mentee_status(r, carried_people, last_end)
        if new != old:
            r["status"] = new
            summary.status_changes.append((r["code"], old or "—", new))
    summary.mentors_kept, summary.mentees_kept = len(new_mentors), len(new_mentees)

    def archived(key: str, rows: list[dict]) -> list[dict]:
        return _rows(t.get(s.ARCHIVE_OF[key])) + [{"year": old_label, **r} for r in rows]

    # A proposal to reward goes to the archive with the programme it rests on.
    rewards = frame("rewards")
    arch_rew = rewards["programme"].isin(set(programmes.loc[arch_prog.to_numpy(), "code"])).to_numpy()
    # A mentor's training stays with the bank; a leaver's goes to the archive with its mentor.
    training = frame("training")
    arch_tr = training["mentor"].isin(gone).to_numpy()
    tables = {
        "training": _rows(training[~arch_tr]),
        "archive_training": archived("training", _rows(training[arch_tr])),
        "rewards": _rows(rewards[~arch_rew]),
        "archive_rewards": archived("rewards", _rows(rewards[arch_rew])),
        "mentors": new_mentors,
        "mentees": new_mentees,
        "pairs": _rows(pairs[keep_pair.to_numpy()]),
        "programmes": _rows(programmes[~arch_prog.to_numpy()]),
        "plan": _rows(plan[~arch_plan.to_numpy()]),
        "surveys": _rows(surveys[~arch_surv.to_numpy()]),
        "answers": _rows(answers[~arch_ans]),
        "archive_answers": archived("answers", _rows(answers[arch_ans])),
        "events": _rows(events[~arch_ev]),
        "news": _rows(frame("news")),
        "roadmap": _roadmap(_rows(frame("roadmap")), summary),
        "archive_roadmap": archived("roadmap", _rows(frame("roadmap"))),
        "archive_pairs": archived("pairs", _rows(pairs[~keep_pair.to_numpy()])),
        "archive_programmes": archived("programmes", _rows(programmes[arch_prog.to_numpy()])),
        "archive_plan": archived("plan", _rows(plan[arch_plan.to_numpy()])),
        "archive_surveys": archived("surveys", _rows(surveys[arch_surv.to_numpy()])),
        "archive_events": archived("events", _rows(events[arch_ev])),
        "archive_leavers": _rows(t.get("archive_leavers")) + leavers,
    }
    # Every other sheet (the normative acts, and any sheet the template gains) goes on as it is; a sheet the old
    # book lacks (an older template) is left to the template's prefill.
    for key in s.SHEET_BY_KEY:
        # An older book without «Вопросы анкет» gets the bundled bank it was asking, not an empty sheet.
        if key not in tables and t[key] is not None and (key != s.QUESTIONS.key or key in book.columns):
            tables[key] = _rows(t[key])
    summary.normative_carried = len(tables.get("normative", s.NORMATIVE.prefill))
    summary.news_carried = len(tables["news"])
    summary.roadmap_archived = len(tables["archive_roadmap"]) - len(_rows(t.get("archive_roadmap")))
    summary.programmes_carried = len(tables["programmes"])
    summary.programmes_archived = int(arch_prog.sum())
    summary.plan_carried, summary.plan_archived = len(tables["plan"]), int(arch_plan.sum())
    summary.surveys_carried, summary.surveys_archived = len(tables["surveys"]), int(arch_surv.sum())
    summary.events_carried, summary.events_archived = len(tables["events"]), int(arch_ev.sum())
    years = {r.get("year") for key in s.ARCHIVE_OF.values() for r in tables[key]} | \
        {r.get("year") for r in tables["archive_leavers"]}
    summary.archive_years = sorted(y for y in years if y)
    if not tables["roadmap"]:
        tables["roadmap"] = [dict(zip(s.ROADMAP.keys, r)) for r in s.ROADMAP.prefill]
    new_org = _org(book.org, new_label, start, end, summary)
    tables["archive_org"] = _rows(t.get("archive_org")) + _org_archive(book.org, new_org, old_label, summary)
    return new_org, tables, summary


def _overdue(carried, start: dt.date) -> list[tuple[str, dt.date, str]]:
    """Pairs carried on although their end (the new one, if the term was changed) came before the new year."""
    out: dict[str, tuple[str, dt.date, str]] = {}
    for rec in carried.itertuples(index=False):
        end = _date(getattr(rec, "new_end", None)) or _date(rec.planned_end)
        if not isinstance(rec.code, str) or end is None or end >= start:
            continue
        if rec.code not in out or end > out[rec.code][1]:
            out[rec.code] = (rec.code, end, _plain(rec.status) or "—")
    # a group goes on as long as one of its rows ends in the new year
    going = {rec.code for rec in carried.itertuples(index=False)
             if (_date(getattr(rec, "new_end", None)) or _date(rec.planned_end) or start) >= start}
    return sorted(x for c, x in out.items() if c not in going)


def _org_archive(old: dict, new: dict, year: str, summary: Summary) -> list[dict]:
    """«Организация» fields whose value of the old year is not the new book's: kept on «Архив организации»."""
    rows = []
    for f in s.ORG_FIELDS:
        value = _plain(old.get(f.key))
        if value in (None, "") or _plain(new.get(f.key)) == value:
            continue
        if isinstance(value, dt.date):
            text = f"{value:%d.%m.%Y}"
        elif isinstance(value, bool):
            text = "да" if value else "нет"
        else:
            text = "; ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        rows.append({"year": year, "parameter": f.title, "value": text})
        summary.org_archived.append(f.title)
    return rows


def _drop(frame, mask, bank: str, why: str, carried: dict, year: str, summary: Summary, leavers: list):
    """Rows of a bank that leave it; someone still in a pair that goes on stays (and is named)."""
    mask = mask.copy()
    for i, rec in enumerate(frame.itertuples(index=False)):
        if not mask[i]:
            continue
        code = rec.code
        if code in carried:
            mask[i] = False
            summary.leaving_in_pairs.append((code, carried[code], getattr(rec, "sex", None) == "ж"))
            continue
        left = _date(getattr(rec, "left_date", None))
        said = why.format(уволен="уволена" if getattr(rec, "sex", None) == "ж" else "уволен")
        summary.dropped.append((code, said + (f" ({left:%d.%m.%Y})" if left else "")))
        leavers.append({"year": year, "code": code, "bank": s.SHEET_BY_KEY[bank].title, "status": _plain(rec.status),
                        "date_added": _date(rec.date_added), "left_date": left})
    return mask


def _last_ended(ended_pairs) -> dict[str, tuple[str, dt.date | None]]:
    """Mentee code → (status, end date) of the latest pair of hers that ended this year."""
    out: dict[str, tuple[str, dt.date | None]] = {}
    for rec in ended_pairs.itertuples(index=False):
        if not isinstance(rec.mentee, str):
            continue
        end = _date(rec.actual_end) or _date(rec.new_end) or _date(rec.planned_end)
        prev = out.get(rec.mentee)
        if prev is None or (end and (prev[1] is None or end > prev[1])) or (
                rec.status == v.PAIR_DONE and prev[0] != v.PAIR_DONE and end == prev[1]):
            out[rec.mentee] = (rec.status, end)
    return out


def _mentee_status(r: dict, carried: dict, last_end: dict) -> str | None:
    """A mentee's status in the new year.

    In a pair that goes on: «в паре». Her programme completed: «завершил» — unless she asked again
    (still «ожидает пару» with a request dated after that end). Her pair stopped early and she is not
    «выбыл»: «ожидает пару», her request date kept. Anyone else keeps the status.
    """
    code, old = r.get("code"), r.get("status")
    if code in carried:
        return v.MENTEE_IN_PAIR
    ended = last_end.get(code)
    if ended is None:
        return v.MENTEE_WAITING if old == v.MENTEE_IN_PAIR else old
    status, end = ended
    added = r.get("date_added")
    asked_again = old == v.MENTEE_WAITING and end is not None and isinstance(added, dt.date) and added > end
    if asked_again:
        return v.MENTEE_WAITING
    if status == v.PAIR_DONE:
        return v.MENTEE_DONE
    return old if old in (v.MENTEE_LEFT, v.MENTEE_WAITING, v.MENTEE_DONE) else v.MENTEE_WAITING


def _roadmap(rows: list[dict], summary: Summary) -> list[dict]:
    for r in rows:
        if r.get("stage") in STANDING_STAGES and r.get("status") == ROADMAP_DONE:
            summary.roadmap_kept += 1
            continue
        if r.get("status") != ROADMAP_RESET:
            summary.roadmap_reset += 1
        r["status"] = ROADMAP_RESET
    return rows


def _org(org: dict, label: str, start: dt.date, end: dt.date, summary: Summary) -> dict:
    new = {k: _plain(x) for k, x in org.items()}
    new.update(academic_year=label, period_start=start, period_end=end)
    for key in STANDING_ORDERS:
        no, date = new.get(f"{key}_no"), _date(new.get(f"{key}_date"))
        if no or date:
            what = s.ORG_BY_KEY[f"{key}_no"].title.removeprefix("№ приказа ")
            summary.orders_kept.append(f"{what} (№ {no or '—'}" + (f" от {date:%d.%m.%Y})" if date else ")"))
    for key in YEARLY_ORG_FIELDS:
        if new.get(key) not in (None, ""):
            summary.orders_cleared.append(f"«{s.ORG_BY_KEY[key].title}»")
        new[key] = None
    return new
