"""Public entry of the monitoring: ``compute_indicators(book, start, end, today)``.

Joins the computed values (``compute.py``) with their descriptions
(``registry.py``) into ``Indicator`` records that the xlsx report, the JSON and
the district roll-up all present the same way.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .frames import Frames, Period
from .registry import SPECS, Spec

ACHIEVED, NOT_ACHIEVED, NO_DATA = "достигнуто", "не достигнуто", "нет данных"


@dataclass
class Indicator:
    spec: Spec
    value: Any
    numerator: float | None = None
    denominator: float | None = None
    breakdown: dict[str, float] | None = None
    note: str = ""
    extra: dict | None = None

    def __getattr__(self, name):  # code, name, unit, formula, target, group … come from the spec
        if name == "spec":
            raise AttributeError(name)
        return getattr(self.spec, name)

    @property
    def status(self) -> str:
        """Whether the target is reached; empty when the indicator has no target."""
        t = self.spec.target
        if t is None:
            return ""
        if self.value is None:
            return NO_DATA
        if isinstance(t, bool):
            return ACHIEVED if bool(self.value) == t else NOT_ACHIEVED
        ok = self.value >= t if self.spec.better == "more" else self.value <= t
        return ACHIEVED if ok else NOT_ACHIEVED

    def to_dict(self) -> dict:
        s = self.spec
        d = {"name": s.name, "group": s.group, "value": self.value, "unit": s.unit, "target": s.target,
             "target_text": s.target_text, "status": self.status, "formula": s.formula}
        if self.numerator is not None or self.denominator is not None:
            d.update(numerator=self.numerator, denominator=self.denominator)
        if self.breakdown is not None:
            d["breakdown"] = self.breakdown
        if self.note:
            d["note"] = self.note
        if self.extra:
            d.update(self.extra)
        return d


_ONCE: contextvars.ContextVar[tuple | None] = contextvars.ContextVar("nastavnik_indicators_once", default=None)


@contextmanager
def computed_once(book):
    """Within the block, the indicators of ``book`` for one period are computed once and then reused.

    One run shows the same period's figures in the monitoring report, the analytic report, «История» and the
    site: each asked for them again (six computations on the demo). Scoped to a block, as ``docs.context.shared``
    is, so that a caller who changes the book's tables between two computations never gets stale figures.
    """
    token = _ONCE.set((book, {}))
    try:
        yield
    finally:
        _ONCE.reset(token)


def compute_indicators(book, period_start: dt.date, period_end: dt.date, today: dt.date) -> list[Indicator]:
    """Every indicator of the registry that applies to the organisation's type, for the period, in registry order."""
    scope = _ONCE.get()
    if scope is not None and scope[0] is book:
        key = (period_start, period_end, today)
        if key not in scope[1]:
            scope[1][key] = _compute(book, period_start, period_end, today)
        return list(scope[1][key])
    return _compute(book, period_start, period_end, today)


def _compute(book, period_start: dt.date, period_end: dt.date, today: dt.date) -> list[Indicator]:
    from .bytype import off_codes
    from .compute import GROUP_FUNCTIONS

    frames = Frames(book, Period(period_start, period_end, today))
    values: dict = {}
    for fn in GROUP_FUNCTIONS:
        values.update(fn(frames))
    missing = [s.code for s in SPECS if s.code not in values]
    unknown = [c for c in values if c not in {s.code for s in SPECS}]
    if missing or unknown:  # a programming error, caught by the tests
        raise RuntimeError(f"indicator registry and computation disagree: missing {missing}, unknown {unknown}")
    out = []
    off = off_codes(book)
    for s in SPECS:
        if s.code in off:
            continue
        x = values[s.code]
        out.append(Indicator(s, _plain(x.value), _plain(x.numerator), _plain(x.denominator),
                             {k: _plain(n) for k, n in x.breakdown.items()} if x.breakdown is not None else None,
                             x.note, x.extra or None))
    return out


def _plain(x):
    """numpy scalars to Python numbers, so JSON and xlsxwriter take them as they are."""
    if x is None:
        return None
    if hasattr(x, "item"):
        x = x.item()
    if isinstance(x, float) and x != x:  # NaN
        return None
    return x


def indicators_dict(indicators: list[Indicator]) -> dict[str, dict]:
    """``{code: {name, value, unit, target, …}}`` — the JSON of ``nastavnik report --format json``."""
    return {i.spec.code: i.to_dict() for i in indicators}


def period_of_book(book, today: dt.date) -> Period:
    """The period of «Организация»; without it, the academic year the workbook names, else the one today falls in.

    Every output that shows figures without a period of its own (the analytic report, the site, the current row
    of «История») takes this one, so that all of them count the same pairs."""
    from nastavnik.base.problems import NastavnikError

    from .frames import parse_period

    first = today.year if today.month >= 9 else today.year - 1
    year_named = book.org.get("academic_year")
    for year in (None, year_named if isinstance(year_named, str) else "", f"{first}/{first + 1}"):
        try:
            if year is None or year:
                return parse_period(None, year, book.org, today)
        except NastavnikError:
            continue
    raise AssertionError("the academic year of today is always a valid period")  # pragma: no cover


def book_figures(book, today: dt.date) -> dict[str, Indicator]:
    """The indicators by code for the book's own period (``period_of_book``): what the site and the analytic
    report show without a period of their own."""
    p = period_of_book(book, today)
    return {i.spec.code: i for i in compute_indicators(book, p.start, p.end, today)}


def report_for_book(book, today: dt.date, period: str | None = None, year: str | None = None):
    """(period, indicators, statform) for a Book, the period taken as the CLI and ``run`` take it."""
    from .frames import parse_period
    from .statform import build_statform

    p = parse_period(period, year, book.org, today)
    return p, compute_indicators(book, p.start, p.end, today), build_statform(book, p.start, p.end, today)
