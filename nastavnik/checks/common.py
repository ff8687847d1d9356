"""Small helpers shared by the rule modules.

Rules are written as pandas filters over whole columns (a 10,000-person book
must check in seconds), and only the rows that break a rule are turned into
``Problem`` records, one Python object per problem rather than per row.
"""

from __future__ import annotations

import math
from typing import Any

from nastavnik.workbook import rows
from nastavnik.workbook import vocab as v
from nastavnik.workbook.parse import fold
from nastavnik.workbook.reader import Book


def has(book: Book, sheet_key: str, *cols: str) -> bool:
    """Whether the sheet and all these columns were found: a rule on a missing column would only repeat
    the reader's «нет столбца» at every row."""
    if sheet_key not in book.sheet_titles and book.path is not None:
        return False
    found = book.columns.get(sheet_key)
    if found is None:
        return book.path is None  # a Book built in memory has every column
    return all(c in found for c in cols)


def table(book: Book, sheet_key: str):
    from nastavnik.workbook.reader import empty_table

    frame = book.tables.get(sheet_key)
    return empty_table(sheet_key) if frame is None else frame


def lookup(keys, values):
    """``keys.map(values)``, also when ``values`` is empty: pandas then casts a date column to float and fails
    (a bank still empty in September)."""
    import pandas as pd

    if len(values) == 0:
        return pd.Series([None] * len(keys), index=keys.index, dtype=object).astype(values.dtype)
    return keys.map(values)


def fmt_date(value: Any) -> str:
    import pandas as pd

    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        return f"{pd.Timestamp(value):%d.%m.%Y}"
    except (TypeError, ValueError):
        return str(value)


def present(x) -> bool:
    """A cell that holds a value: not None, NaN, NaT or NA (pandas' ``notna`` for one cell, without its cost)."""
    if x is None or isinstance(x, float) and math.isnan(x):
        return False
    import pandas as pd

    return x is not pd.NaT and x is not pd.NA


def is_true(series):
    """A boolean column as plain bools: empty counts as «not recorded» (False)."""
    return series.fillna(False).astype(bool)


def add_months(series, months: int):
    """Dates shifted by whole calendar months, vectorised (31.01 + 1 month → 28/29.02)."""
    import pandas as pd

    return series + pd.DateOffset(months=months)


def person_key(frame):
    """Same person across codes or banks: the same ФИО (case, ё and spaces ignored) and date of birth.

    Rows without a birth date get no key: two namesakes are not the same person.
    """
    fio = frame["fio"].map(lambda x: fold(x) if isinstance(x, str) else None).astype(object)
    birth = frame["birth_date"].dt.strftime("%Y-%m-%d").astype(object)
    key = (fio + "|" + birth).astype(object)
    return key.where(fio.notna() & frame["birth_date"].notna().to_numpy(), None)


def _active_pairs(book: Book):
    pairs = table(book, "pairs")
    return pairs[pairs["status"].isin(v.PAIR_ACTIVE).to_numpy()]


def active_pairs(book: Book):
    """Rows of pairs in force or being prepared: проект, утверждена, реализуется (derived once per book)."""
    return book.derived("active_pairs", ("pairs",), _active_pairs)


# The reader's codes for a cell it could not understand: the rules then see the cell as empty.
UNREADABLE = frozenset({"bad_type", "not_in_list", "bad_fio", "out_of_range"})


def unreadable_rows(book: Book, sheet_key: str, col_key: str) -> set[int]:
    """Rows whose cell in this column the reader already reported as unreadable: a rule that sees it empty
    must not add «не заполнено» to the reader's «не читается» (one cell, one message)."""
    where = book.locate(sheet_key, None, col_key)
    return {p.row for p in book.problems if p.code in UNREADABLE and p.sheet == where["sheet"]
            and p.letter is not None and p.letter == where.get("letter")}


def employees_only(frame):
    """Pairs whose mentor is the organisation's employee: not the form «педагог вуза/колледжа – молодой педагог»
    (п. 2.3), whose mentor comes from outside under a cooperation agreement and is not bound by ТК РФ ст. 351.8."""
    if "form" not in frame:
        return frame
    return frame[(frame["form"] != v.FORM_OUTSIDE).to_numpy()]


def in_sheet_order(frame):
    """The rows in sheet order. The reader's tables already are, and sorting a school's small tables two dozen
    times a check was a tenth of its pandas work; a table built otherwise (a test, an edit) is sorted."""
    return frame if frame["_row"].is_monotonic_increasing else frame.sort_values("_row", kind="stable")


def first_rows(frame, by: str = "code"):
    """The first row (in sheet order) of each group: a group is located at its first row."""
    return in_sheet_order(frame).drop_duplicates(by, keep="first")


# Rows with a code, and the first row of each code, are what most rules start from: each is derived once per
# book (``Book.derived``) and shared. A rule never changes a frame in place, so sharing is safe.

def _coded(book: Book, sheet_key: str):
    return in_sheet_order(table(book, sheet_key).dropna(subset=["code"]))


def coded(book: Book, sheet_key: str):
    """Rows of the sheet that have a code, in sheet order."""
    return book.derived("coded", (sheet_key,), _coded, sheet_key)


def _by_code(book: Book, sheet_key: str):
    return coded(book, sheet_key).drop_duplicates("code").set_index("code")


def by_code(book: Book, sheet_key: str):
    """The first row of each code, indexed by code (the first row wins)."""
    return book.derived("by_code", (sheet_key,), _by_code, sheet_key)


def records(frame) -> list[dict]:
    return rows.records(frame)


def records_where(frame, mask) -> list[dict]:
    """``records(frame[mask])``, the rows a rule finds at fault.

    Most rules find none, and pandas filters a bank of 45 columns in 17 blocks at a cost of a fifth of a
    millisecond even then: a mask that picks no row costs nothing here, and one that picks every row no copy. A
    mask on another index is aligned by pandas, as before.
    """
    import numpy as np
    import pandas as pd

    if isinstance(mask, pd.Series):
        if not mask.index.equals(frame.index):
            return records(frame[mask])
        picked = mask.to_numpy(dtype=bool, na_value=False)
    else:
        picked = np.asarray(mask)
        if picked.dtype != np.bool_ or len(picked) != len(frame):
            return records(frame[mask])
    if not picked.any():
        return []
    if picked.all():
        return records(frame)
    return records(frame[picked])


def codes_text(codes, limit: int = 5) -> str:
    codes = list(dict.fromkeys(str(c) for c in codes))
    head = ", ".join(codes[:limit])
    return head + (f" и ещё {len(codes) - limit}" if len(codes) > limit else "")


def where(book: Book, sheet_key: str, row: int | None) -> str:
    """«лист «Наставники», строка 5» for messages that point at another place."""
    title = book.sheet_titles.get(sheet_key) or sheet_key
    return f"лист «{title}», строка {row}" if row else f"лист «{title}»"


def age_on(born, when):
    """Whole years between each date of ``born`` and the date(s) ``when`` (a date or a Series), vectorised."""
    import pandas as pd

    when = pd.Series(pd.Timestamp(when), index=born.index) if not isinstance(when, pd.Series) else when
    before = (born.dt.month > when.dt.month) | ((born.dt.month == when.dt.month) & (born.dt.day > when.dt.day))
    return (when.dt.year - born.dt.year - before.astype(int)).astype("Int64")


def _bank_rows(book: Book, bank: str, cols: tuple[str, ...]):
    return by_code(book, bank)[[*cols, "_row"]]


def bank_rows(book: Book, bank: str, *cols: str):
    """One row per code of a bank, indexed by code (the first row wins), with ``_row`` (derived once per book)."""
    return book.derived("bank_rows", (bank,), _bank_rows, bank, cols)


def _pair_heads(book: Book):
    return coded(book, "pairs").drop_duplicates("code", keep="first")


def pair_heads(book: Book):
    """The first row of each pair or group: the row a rule about the pair as a whole reports at."""
    return book.derived("pair_heads", ("pairs",), _pair_heads)



def years_text(n) -> str:
    """«1 год», «3 года», «40 лет» (the counting form is chosen in base.morph)."""
    from nastavnik.base.morph import agree

    return agree(int(n), "год")
