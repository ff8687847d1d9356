"""The curator's calendar of the roadmap (issue 31, point 3: «and the roadmap's stages for the curator»): each
stage with a deadline is an all-day event on that deadline in the book's academic year, parsed back with
``icalendar``; a stage «в течение года» has no day and is left out.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from nastavnik.forms.calendar import ROADMAP_NAME
from nastavnik.forms.remind import remind

from .conftest import TODAY


def _deadlines(org, tables):
    stages = tables["roadmap"]
    stages[0]["deadline"] = "до 15 сентября"
    stages[1]["deadline"] = dt.date(2026, 9, 2)
    stages[2]["deadline"] = "сентябрь–октябрь"


def events(path):
    cal = Calendar.from_ical(path.read_bytes())
    assert str(cal["x-wr-calname"]) == "Наставничество: дорожная карта"
    return [(str(e["summary"]).split(":")[0], e.decoded("dtstart"), str(e["uid"])) for e in cal.walk("VEVENT")]


def test_the_roadmap_is_the_curators_calendar(make_book, tmp_path):
    book = make_book(_deadlines)
    result = remind(book, tmp_path, TODAY)
    path = tmp_path / "Календари" / ROADMAP_NAME
    assert path in result.calendars
    got = events(path)
    assert [(s, d) for s, d, _ in got] == [
        ("Дорожная карта, этап 1", dt.date(2026, 9, 15)),  # «до 15 сентября»
        ("Дорожная карта, этап 1", dt.date(2026, 9, 2)),  # a date as typed
        ("Дорожная карта, этап 2", dt.date(2026, 10, 31)),  # a range is due at its end
        ("Дорожная карта, этап 3", dt.date(2026, 9, 30)),  # a month: by its last day
        ("Дорожная карта, этап 4", dt.date(2026, 10, 31)),
        ("Дорожная карта, этап 5", dt.date(2026, 10, 31)),
        ("Дорожная карта, этап 6", dt.date(2027, 5, 31)),  # May of the academic year 2026/2027
    ]  # stage 7 «в течение года» has no day
    assert len({u for _, _, u in got}) == 7 and all(u.isascii() for _, _, u in got)
    text = path.read_bytes().decode("utf-8")
    assert "Статус: выполнен" in text.replace("\r\n ", "")
    remind(book, tmp_path / "снова", TODAY)
    assert (tmp_path / "снова" / "Календари" / ROADMAP_NAME).read_bytes() == path.read_bytes()  # updates, not doubles
