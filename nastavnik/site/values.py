"""How a cell's value is shown on the site's pages and in its documents' lists (one place for both)."""

from __future__ import annotations


def _missing(value) -> bool:
    """None, NaN, NaT and pd.NA: every way a cell can be empty."""
    try:
        return value is None or bool(value != value)
    except TypeError:  # pd.NA refuses to be a bool
        return True


def fmt_date(value) -> str:
    if _missing(value):
        return ""
    return f"{value:%d.%m.%Y}"


def _text(value) -> str | None:
    if _missing(value):
        return None
    text = str(value).strip()
    return text or None
