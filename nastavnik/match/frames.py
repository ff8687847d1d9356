"""Build tables shaped exactly like the reader's, from plain dicts.

The matcher takes DataFrames, not a whole Book, so unit tests and the
benchmark can feed it small or synthetic banks without writing a workbook;
going through the reader's own frame builder keeps the dtypes identical.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import schema as s


def table(sheet_key: str, rows: Iterable[Mapping[str, object]]):
    """A DataFrame with every schema column of ``sheet_key`` typed as ``read_workbook`` types it."""
    from ..reader import _frame

    sheet = s.SHEET_BY_KEY[sheet_key]
    rows = list(rows)
    data: dict[str, list] = {}
    for col in sheet.columns:
        values = []
        for row in rows:
            value = row.get(col.key)
            if col.kind in (s.MULTI, s.CODES):
                value = tuple(value or ())
            values.append(value)
        data[col.key] = values
    return _frame(sheet, data, list(range(2, len(rows) + 2)))
