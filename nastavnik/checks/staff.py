"""The banks against the staff register («Педагогический состав», filled by `import-staff`).

The banks hold only those who joined mentoring; the register holds every pedagogical worker as the HR system
has them. When the register is there, a person of a bank who is not on it is most likely a typo in the name (or
someone hired after the last export), and a person the register shows as dismissed but who still counts in a
bank inflates every figure. Both are warnings: the register may simply be older than the banks. A mentor from
outside (the form «педагог вуза/колледжа – молодой педагог», п. 2.3) is not on the organisation's staff and is
not looked for.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import WARNING
from nastavnik.workbook import parse as P
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import fmt_date, has, records, table

_WHO = {"mentors": "Наставник", "mentees": "Наставляемый"}
_LEFT = {"mentors": v.MENTOR_STATUS_LEFT, "mentees": v.MENTEE_LEFT}


def _day(value) -> dt.date | None:
    """A cell of a date column as a date (the tables hold Timestamps and NaT)."""
    if value is None or value != value or str(value) == "NaT":  # noqa: PLR0124 - NaN and NaT
        return None
    return value.date() if hasattr(value, "date") else value


def _register(book: Book) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in records(table(book, "staff")):
        if isinstance(r.get("fio"), str):
            out.setdefault(P.fold(r["fio"]), []).append(r)
    return out


def _outside_mentors(book: Book) -> set[str]:
    pairs = table(book, "pairs")
    if pairs.empty or "form" not in pairs:
        return set()
    return set(pairs.loc[pairs["form"] == v.FORM_OUTSIDE, "mentor"].dropna())


def banks_against_register(book: Book, today: dt.date):
    if not has(book, "staff", "fio"):
        return
    register = _register(book)
    if not register:
        return
    outside = _outside_mentors(book)
    for bank in ("mentors", "mentees"):
        if not has(book, bank, "fio", "code"):
            continue
        for r in records(table(book, bank)):
            code, fio = r.get("code"), r.get("fio")
            if not isinstance(fio, str) or not code or r.get("status") == _LEFT[bank]:
                continue
            if bank == "mentors" and code in outside:
                continue
            found = register.get(P.fold(fio))
            if not found:
                yield book.problem(
                    "not_in_staff_register", WARNING,
                    f"{_WHO[bank]} {code} не найден на листе «Педагогический состав» (штатный список): проверьте "
                    "написание ФИО или обновите штатный список из кадровой программы.", bank, r["_row"], "fio")
                continue
            born = _day(r.get("birth_date"))
            if born is not None and all(_day(x.get("birth_date")) is not None for x in found):
                found = [x for x in found if _day(x.get("birth_date")) == born] or found
            gone = [_day(x.get("left_date")) for x in found]
            if all(d is not None and d <= today for d in gone):
                yield book.problem(
                    "dismissed_in_register", WARNING,
                    f"{_WHO[bank]} {code} по штатному списку уволен {fmt_date(max(gone))}, а в банке не отмечен "
                    f"выбывшим: поставьте статус «{_LEFT[bank]}» (и дату увольнения), иначе он учитывается в "
                    "показателях.", bank, r["_row"], "status", r.get("status"))


RULES = [banks_against_register]
