"""Build tables shaped exactly like the reader's, from plain dicts.

The matcher takes DataFrames, not a whole Book, so unit tests and the
benchmark can feed it small or synthetic banks without writing a workbook;
going through the reader's own frame builder keeps the dtypes identical.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from nastavnik.workbook import schema as s


def table(sheet_key: str, rows: Iterable[Mapping[str, object]]):
    """A DataFrame with every schema column of ``sheet_key`` typed as ``read_workbook`` types it."""
    from nastavnik.workbook.reader import _frame

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


def mentor(code: str, **values) -> dict:
    """A plausible active mentor with consent and one free place; override any schema key."""
    import datetime as dt

    row = {"code": code, "fio": f"Наставник {code.replace('-', '')} Иванович", "sex": "м",
           "birth_date": dt.date(1975, 1, 1), "position": "педагог дополнительного образования",
           "department": "Отдел А", "ped_experience": 15, "qual_category": "первая", "focus": "техническая",
           "subject": "судомоделирование", "format": "очно", "max_mentees": 1, "consent_pd": True,
           "date_added": dt.date(2026, 9, 1), "status": "активен", "comp_method": True}
    row.update(values)
    return row


def mentee(code: str, **values) -> dict:
    """A plausible mentee waiting for a pair, with consent, asking for methodical help; override any key."""
    import datetime as dt

    row = {"code": code, "fio": f"Наставляемый {code.replace('-', '')} Петрович", "sex": "м",
           "birth_date": dt.date(2000, 1, 1), "position": "педагог дополнительного образования",
           "department": "Отдел Б", "ped_experience": 1, "qual_category": "без категории",
           "category": "молодой специалист", "focus": "социально-гуманитарная", "subject": "вокал",
           "format": "очно", "consent_pd": True, "date_added": dt.date(2026, 9, 1), "status": "ожидает пару",
           "req_method": True}
    row.update(values)
    return row
