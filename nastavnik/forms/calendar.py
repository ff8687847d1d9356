"""Calendars: the plan's activities as .ics files, one per mentor and one per pair (group).

Made with the ``icalendar`` library (RFC 5545) rather than by hand. Each
activity is an all-day event on its planned date (the actual date once it is
done); its UID is a digest of the organisation, the programme and the plan's row, so a calendar imported
again after the next run updates the events instead of doubling them. A pair's
calendar carries no names at all (it goes to the mentor and each mentee); a
mentor's carries only his own programmes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nastavnik.base.safeio import safe_filename, write_bytes
from nastavnik.workbook import vocab as v

from .people import plain, row_values

FOLDER = "Календари"
PRODID = "-//nastavnik//plan//RU"  # ASCII: some phone calendars reject anything else here


def event_day(row: dict) -> dt.date | None:
    """The day an activity stands on in the calendar: done → its actual date, otherwise the planned one."""
    actual, planned = plain(row.get("actual_date")), plain(row.get("planned_date"))
    if row.get("status") == v.ACT_DONE and isinstance(actual, dt.date):
        return actual
    return planned if isinstance(planned, dt.date) else None


def uid_of(org: str | None, row: dict) -> str:
    """A stable ASCII id of one plan row: the same event on every run, so a re-import updates, not doubles."""
    import hashlib

    key = "\x1f".join(str(x) for x in (org or "", row.get("programme"), row.get("_row")))
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}@nastavnik"


def _calendar(name: str, rows: list[dict], stamp: dt.datetime, org: str | None = None) -> bytes:
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for row in rows:
        day = event_day(row)
        if day is None:
            continue
        ev = Event()
        ev.add("uid", uid_of(org, row))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        ev.add("summary", f"{row.get('activity') or 'Мероприятие'} ({row['programme']})")
        details = [f"Программа наставничества {row['programme']}"]
        for title, key in (("Направление", "direction"), ("Форма", "form"), ("Статус", "status"),
                           ("Ожидаемый результат", "expected_result")):
            if plain(row.get(key)):
                details.append(f"{title}: {row[key]}")
        ev.add("description", "\n".join(details))
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical()


def write_calendars(book, out_dir, today: dt.date) -> list[Path]:
    """An .ics per mentor and per pair of the pairs «утверждена» and «реализуется»."""
    pairs, progs, plan = (book.tables.get(k) for k in ("pairs", "programmes", "plan"))
    if any(t is None or t.empty for t in (pairs, progs, plan)) or not (
            {"code", "status", "mentor"} <= set(pairs.columns) and {"code", "pair"} <= set(progs.columns)
            and {"programme", "planned_date", "activity"} <= set(plan.columns)):
        return []
    folder = Path(out_dir) / FOLDER
    org = book.org.get("short_name") or book.org.get("full_name")
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    live = pairs[pairs["status"].isin({v.PAIR_APPROVED, v.PAIR_RUNNING})].drop_duplicates("code")
    mentors = book.tables.get("mentors")
    fio = {} if mentors is None else {c: f for c, f in zip(mentors["code"], mentors["fio"]) if c}
    rows_of = {p: [row_values(plan, i) for i in plan.index[plan["programme"] == p]] for p in set(plan["programme"])}
    by_mentor: dict[str, list[dict]] = {}
    out = []
    for i in live.index:
        pair = row_values(live, i)
        mine = [c for c, p in zip(progs["code"], progs["pair"]) if p == pair["code"]]
        rows = [r for c in mine for r in rows_of.get(c, [])]
        if not rows:
            continue
        out.append(write_bytes(folder / safe_filename(f"Пара {pair['code']}.ics"),
                               _calendar(f"Наставничество: пара {pair['code']}", rows, stamp, org)))
        if pair.get("mentor"):
            by_mentor.setdefault(pair["mentor"], []).extend(rows)
    for code, rows in sorted(by_mentor.items()):
        name = safe_filename(f"Наставник {code} {fio.get(code) or ''}".strip())
        out.append(write_bytes(folder / f"{name}.ics", _calendar("Наставничество: мои программы", rows, stamp, org)))
    return out
