"""Rules about single rows of one sheet that the reader cannot see cell by cell.

The reader already judged every cell on its own (empty, wrong type, not in the
list, out of range, future date). What needs the whole column is here: a code
used twice, one person entered twice under two codes, an age that cannot be a
working teacher's. Messages never quote a birth date (152-ФЗ): they give the
age or the code instead.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR
from nastavnik.workbook import schema as s
from nastavnik.workbook.parse import fold
from nastavnik.workbook.reader import Book

from .common import has, person_key, records, records_where, table, years_text

AGE_MIN, AGE_MAX = 18, 80

_WHOSE = {"mentors": "наставника", "mentees": "наставляемого", "programmes": "программы"}


def duplicate_codes(book: Book, today: dt.date):
    """A code names one record: a second row with the same code makes every reference to it ambiguous.

    On «Пары и группы» a group is several rows with one code, so there a duplicate is the same code
    with the same mentee.
    """
    for sheet in s.SHEETS:
        if not sheet.key_col or not has(book, sheet.key, sheet.key_col):
            continue
        frame = table(book, sheet.key)
        if frame.empty:
            continue
        keys = [sheet.key_col] + (["mentee"] if sheet.multi_row_key else [])
        if sheet.multi_row_key and not has(book, sheet.key, "mentee"):
            continue
        columns = [frame[k].tolist() for k in keys]
        rows = frame["_row"].tolist()
        folded = [tuple(fold(x) for x in values) if all(isinstance(x, str) for x in values) else None
                  for values in zip(*columns)]
        first: dict = {}  # a key's lowest row
        for key, row in zip(folded, rows):
            if key is not None and (key not in first or row < first[key]):
                first[key] = row
        if len(first) == sum(key is not None for key in folded):
            continue
        seen: set = set()
        for i, key in enumerate(folded):
            if key is None:
                continue
            if key not in seen:
                seen.add(key)
                continue
            value = columns[0][i]
            if sheet.multi_row_key:
                yield book.problem(
                    "duplicate_member", ERROR,
                    f"Наставляемый {columns[1][i]} уже записан в пару (группу) {value} в строке {first[key]}. "
                    "Удалите повторную строку.",
                    sheet.key, rows[i], "mentee", columns[1][i])
            else:
                yield book.problem(
                    "duplicate_code", ERROR,
                    f"Код «{value}» уже есть в строке {first[key]}: у каждого "
                    f"{_WHOSE.get(sheet.key, 'записи')} должен быть свой код.",
                    sheet.key, rows[i], sheet.key_col, value, expected="уникальный код")


def duplicate_people(book: Book, today: dt.date):
    """The same person (same ФИО and date of birth) twice in one bank under two codes."""
    for bank in ("mentors", "mentees"):
        if not has(book, bank, "code", "fio", "birth_date"):
            continue
        frame = table(book, bank)
        if frame.empty:
            continue
        key = person_key(frame)
        known = frame[key.notna().to_numpy()].assign(_key=key[key.notna()])
        dup = known.duplicated("_key", keep="first")
        if not dup.any():
            continue
        first = known.groupby("_key", sort=False)[["code", "_row"]].transform("first")
        for rec, (code, row) in zip(records_where(known, dup), first[dup].itertuples(index=False)):
            if fold(str(rec["code"] or "")) == fold(str(code or "")):
                continue  # the same code twice is already a duplicate code
            yield book.problem(
                "duplicate_person", ERROR,
                f"Этот человек (то же ФИО и та же дата рождения) уже записан в строке {row} под кодом {code}. "
                "Оставьте одну строку и один код.",
                bank, rec["_row"], "fio", rec["code"])


def ages(book: Book, today: dt.date):
    """Age from the date of birth must be that of a working adult: 18 to 80 years."""
    for bank in ("mentors", "mentees"):
        if not has(book, bank, "birth_date"):
            continue
        frame = table(book, bank)
        born = frame["birth_date"]
        known = born.notna()
        if not known.any():
            continue
        b = born[known]
        before_birthday = (b.dt.month > today.month) | ((b.dt.month == today.month) & (b.dt.day > today.day))
        age = today.year - b.dt.year - before_birthday.astype(int)
        bad = (age < AGE_MIN) | (age > AGE_MAX)
        for rec, years in zip(records(frame[known][bad]), age[bad]):
            yield book.problem(
                "age_out_of_range", ERROR,
                f"По дате рождения возраст — {years_text(years)}, а должен быть от {AGE_MIN} до {AGE_MAX} лет. "
                "Проверьте год рождения.",
                bank, rec["_row"], "birth_date", f"возраст {years}", expected=f"возраст от {AGE_MIN} до {AGE_MAX} лет")


RULES = [duplicate_codes, duplicate_people, ages]
