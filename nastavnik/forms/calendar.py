"""Calendars: the plan's activities as .ics files, one per mentor and one per pair (group), and the roadmap's
stages as the curator's own calendar.

Made with the ``icalendar`` library (RFC 5545) rather than by hand. Each
activity is an all-day event on its planned date (the actual date once it is
done); its UID is a digest of the organisation, the programme and the plan's row, so a calendar imported
again after the next run updates the events instead of doubling them. A pair's
calendar carries no names at all (it goes to the mentor and each mentee); a
mentor's carries only his own programmes. The roadmap's calendar puts each stage on its deadline
(``deadlines``: a date as typed, «до 15 октября» on the 15th, a bare month on its last day); a stage «в течение
года» has no day and stays out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nastavnik.base.safeio import safe_filename, write_bytes
from nastavnik.workbook import vocab as v

from .people import plain, row_values

FOLDER = "Календари"
ROADMAP_NAME = "Куратор — дорожная карта.ics"
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


def roadmap_events(book, today: dt.date) -> list[tuple[str, dt.date, str, str]]:
    """(summary, day, description, uid) of each roadmap stage with a deadline in the book's academic year."""
    import hashlib

    from nastavnik.workbook.newyear import year_of

    from .deadlines import deadline_day

    frame = book.tables.get("roadmap")
    if frame is None or frame.empty or not {"stage", "activity", "deadline"} <= set(frame.columns):
        return []
    org, first = book.org.get("short_name") or book.org.get("full_name") or "", year_of(book, today)
    out = []
    for i in frame.index:
        row = row_values(frame, i)
        day = deadline_day(row.get("deadline"), first)
        if day is None or not row.get("activity"):
            continue
        details = [f"Этап {row.get('stage') or '—'}" + (f": {row['stage_name']}" if row.get("stage_name") else ""),
                   f"Срок: {row['deadline']}"]
        for title, key in (("Статус", "status"), ("Ответственные", "responsible")):
            if plain(row.get(key)):
                details.append(f"{title}: {row[key]}")
        key = "\x1f".join(str(x) for x in (org, "roadmap", row.get("_row")))
        out.append((f"Дорожная карта, этап {row.get('stage') or '—'}: {row['activity']}", day, "\n".join(details),
                    f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}@nastavnik"))
    return out


def _roadmap_calendar(events, stamp: dt.datetime) -> bytes:
    from icalendar import Calendar, Event

    cal = Calendar()
    for key, value in (("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("x-wr-calname", "Наставничество: дорожная карта")):
        cal.add(key, value)
    for summary, day, description, uid in events:
        ev = Event()
        for key, value in (("uid", uid), ("dtstamp", stamp), ("dtstart", day), ("dtend", day + dt.timedelta(days=1)),
                           ("summary", summary), ("description", description), ("transp", "TRANSPARENT")):
            ev.add(key, value)
        cal.add_component(ev)
    return cal.to_ical()


def write_calendars(book, out_dir, today: dt.date) -> list[Path]:
    """An .ics per mentor and per pair of the pairs «утверждена» and «реализуется», and the curator's roadmap."""
    folder = Path(out_dir) / FOLDER
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    events = roadmap_events(book, today)
    roadmap = [write_bytes(folder / ROADMAP_NAME, _roadmap_calendar(events, stamp))] if events else []
    return _plan_calendars(book, folder, today, stamp) + roadmap


def _plan_calendars(book, folder: Path, today: dt.date, stamp: dt.datetime) -> list[Path]:
    pairs, progs, plan = (book.tables.get(k) for k in ("pairs", "programmes", "plan"))
    if any(t is None or t.empty for t in (pairs, progs, plan)) or not (
            {"code", "status", "mentor"} <= set(pairs.columns) and {"code", "pair"} <= set(progs.columns)
            and {"programme", "planned_date", "activity"} <= set(plan.columns)):
        return []
    org = book.org.get("short_name") or book.org.get("full_name")
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
