"""A roadmap deadline as the curator types it («октябрь», «до 15 октября», «15.10.2026», «в течение года») read as
a month or a day of the academic year: for the curator's «что сделать в этом месяце» (``remind``) and her
roadmap calendar (``calendar``). Text that names no month is no deadline, never an error: the roadmap is hers.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
import re

from .people import plain


def _date(value) -> dt.date | None:
    from nastavnik.workbook import parse as P

    day, error = P.parse_date(plain(value))
    return day if day is not None and not error else None


def _month_and_day(text) -> tuple[int, int | None] | None:
    """The last month the text names (a range «сентябрь–октябрь» is due at its end) and the day number written
    before it («до 15 октября» → (10, 15))."""
    from nastavnik.workbook import parse as P

    words = re.findall(r"\d+|[а-яё]+", P.fold(str(plain(text) or "")))
    found = None
    for i, word in enumerate(words):
        if word.isdigit():
            continue
        for stem in sorted(P.MONTHS, key=len, reverse=True):
            if word.startswith(stem) and (stem != "ма" or word in ("май", "мая")):
                day = int(words[i - 1]) if i and words[i - 1].isdigit() and 1 <= int(words[i - 1]) <= 31 else None
                found = P.MONTHS[stem], day
                break
    return found


def deadline_month(text) -> int | None:
    """The month of a deadline typed as a month or a date; None otherwise."""
    day = _date(text)
    if day is not None:
        return day.month
    found = _month_and_day(text)
    return found[0] if found else None


def deadline_day(text, first_year: int) -> dt.date | None:
    """The day a deadline falls on in the academic year that starts in September of ``first_year``: a date as
    typed; «до 15 октября» the 15th; a bare month its last day (a stage is due by the end of its month)."""
    day = _date(text)
    if day is not None:
        return day
    found = _month_and_day(text)
    if not found:
        return None
    month, number = found
    year = first_year if month >= 9 else first_year + 1
    last = cal.monthrange(year, month)[1]
    return dt.date(year, month, min(number or last, last))
