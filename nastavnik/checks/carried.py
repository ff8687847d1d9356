"""A pair carried into a new academic year although its term had ended: the curator's decision is due.

``nastavnik new-year`` carries every pair that was not closed; one whose end (the new end, if the term was
changed) came before the period of the book it is now in was never closed last year. The program cannot know
whether it goes on, so it asks: close it, extend it with an order (п. 7.2), or let it run and record the
extension. The same pairs are listed in new-year's summary. Such a pair gets this warning instead of
``pair_past_end`` (the one rule for a pair past its end within the year), never both.

Layer: analysis. May import ``nastavnik.workbook`` and ``nastavnik.base``.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import WARNING
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import coded, first_rows, fmt_date, has, records

FINISHED = {v.PAIR_DONE, v.PAIR_STOPPED}


def _period_start(book: Book):
    import pandas as pd

    start = book.org.get("period_start")
    if start is None or start is pd.NaT or not isinstance(start, (dt.date, pd.Timestamp)):
        return None
    return pd.Timestamp(start)


def before_period(book: Book):
    """(first rows of the open pairs whose end precedes the book's period, their end, whether extended)."""
    import pandas as pd

    start = _period_start(book)
    if start is None or not has(book, "pairs", "code", "status", "planned_end"):
        return None
    pairs = coded(book, "pairs")
    pairs = pairs[pairs["status"].notna() & ~pairs["status"].isin(FINISHED)]
    extended = (pairs["new_end"].notna() if has(book, "pairs", "new_end")
                else pd.Series(False, index=pairs.index))
    end = pairs["new_end"].where(extended, pairs["planned_end"])
    # a group goes on while one of its rows ends in this period (or has no end written)
    going = set(pairs.loc[(end.isna() | (end >= start)).to_numpy(), "code"])
    heads = first_rows(pairs[~pairs["code"].isin(going).to_numpy()])
    return heads, end.reindex(heads.index), extended.reindex(heads.index)


def carried_codes(book: Book) -> set[str]:
    found = before_period(book)
    return set() if found is None else set(found[0]["code"])


def carried_past_end(book: Book, today: dt.date):
    """A pair not closed whose end came before the period of this book (carried by new-year): decide."""
    found = before_period(book)
    if found is None:
        return
    heads, end, extended = found
    start = _period_start(book)
    for rec, when, is_ext in zip(records(heads), end, extended):
        yield book.problem(
            "pair_carried_past_end", WARNING,
            f"Срок пары (группы) {rec['code']} истёк {fmt_date(when)}, ещё до начала учебного года этой книги "
            f"({fmt_date(start)}), а она в статусе «{rec['status']}»: её перенесли из прошлого года незакрытой. "
            "Решите, что с ней: завершите её (статус, фактическая дата окончания и причина), продлите приказом "
            "(изменение срока и новая дата окончания, п. 7.2) или, если работа продолжается, оформите продление — "
            "до тех пор это предупреждение остаётся.",
            "pairs", rec["_row"], "new_end" if is_ext else "planned_end", fmt_date(when))


RULES = [carried_past_end]
