"""A typed table's rows as plain Python values, converted column by column.

``DataFrame.to_dict("records")`` walks every cell through pandas' boxing, and the
documents then cleaned each value once more (NaT, NA, NaN → None; Timestamp →
date): at district scale (10 000 people, 60 000 plan rows) that was two seconds of
every run. A column has one dtype, so its conversion is decided once per column
and done by pandas' own vectorised calls; the rows are then zipped together.
"""

from __future__ import annotations

from typing import Any


def plain_column(series) -> list[Any]:
    """The column's values with every missing one as None and every date as ``datetime.date``."""
    import pandas as pd

    kind = series.dtype.kind
    if kind == "M":  # datetime64: NaT → None, Timestamp → date
        mask = series.isna().to_numpy()
        dates = series.dt.date.tolist()
        return [None if m else d for d, m in zip(dates, mask)] if mask.any() else dates
    if kind in "iu" and not isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
        return series.tolist()
    if isinstance(series.dtype, (pd.BooleanDtype, pd.Int64Dtype)) or kind == "f":
        mask = series.isna().to_numpy()
        values = series.tolist()
        return [None if m else x for x, m in zip(values, mask)] if mask.any() else values
    return [x if x is None or type(x) is str else _plain(x) for x in series.tolist()]  # most cells: text


def _plain(value: Any) -> Any:
    """One value of an object column, as ``docs.context.clean`` saw it."""
    import datetime as dt
    import math

    if value is None or type(value) in (str, int, bool, dt.date, tuple):
        return value
    import pandas as pd

    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def plain_records(frame) -> list[dict[str, Any]]:
    """Each row as a dict of plain values (see ``plain_column``), in the frame's order."""
    if frame is None or len(frame) == 0:
        return []
    columns = list(frame.columns)
    values = [plain_column(frame[c]) for c in columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


def records(frame) -> list[dict[str, Any]]:
    """``frame.to_dict("records")``, value for value, at half the cost (a school's check calls it ninety times).

    pandas builds every row through ``itertuples`` and boxes each cell of an object or extension column; here
    each column is iterated once (the same Series iteration, so Timestamps, NaN and NA come out as there) and
    only its numpy scalars are boxed and NA made None, as ``maybe_box_native`` does (``tests/test_workbook_rows.py`` compares the two on every sheet).
    """
    import numpy as np
    import pandas as pd

    if len(frame) == 0:  # most calls are a rule's rows at fault, and most rules find none
        return []
    columns = list(frame.columns)
    values = []
    for c in columns:
        series = frame[c]
        column = list(series)
        if series.dtype == np.dtype(object) or isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
            column = [_boxed(x) if x is pd.NA or isinstance(x, np.generic) else x for x in column]
        values.append(column)
    return [dict(zip(columns, row)) for row in zip(*values)]


def _boxed(value):
    """A numpy scalar as Python's own value, NA as None (``maybe_box_native``'s rules)."""
    import numpy as np
    import pandas as pd

    if value is pd.NA:
        return None
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value)
    if isinstance(value, np.timedelta64):
        return pd.Timedelta(value)
    return value.item()
