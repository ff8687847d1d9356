"""A column of cells as people type them, turned into values: each cell that cannot be understood becomes a
``Problem`` at its cell (with what was expected) instead of a silent NaN."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import parse as P
from nastavnik.workbook import schema as s
from nastavnik.workbook.book import Book


def _parser(col, lists: dict[str, list[str]] | None = None) -> Any:
    if col.kind in (s.ENUM, s.MULTI):
        choice = P.Choice(lists[col.choices] if lists is not None and col.choices in lists else col.values)
        return choice.many if col.kind == s.MULTI else choice
    if col.kind == s.INT and col.title.endswith(", лет"):
        return P.parse_years  # стаж: «1,5 года» is one full year
    return {
        s.TEXT: P.parse_text, s.CODE: P.parse_code, s.CODES: P.parse_codes, s.INT: P.parse_int,
        s.NUMBER: P.parse_number, s.DATE: P.parse_date, s.BOOL: P.parse_bool, s.FIO: P.parse_fio,
    }[col.kind]


_TYPE_MESSAGES = {
    s.DATE: "Не удалось прочитать дату «{v}»: нужна {e}.",
    s.INT: "Нужно целое число, а записано «{v}».",
    s.NUMBER: "Нужно число, а записано «{v}».",
    s.BOOL: "Нужно «да» или «нет», а записано «{v}».",
    s.ENUM: "Значения «{v}» нет в списке «{l}». Выберите из выпадающего списка.",
    s.MULTI: "В «{v}» есть значение не из списка «{l}». Перечислите значения из списка через «;».",
    s.FIO: "Значение не похоже на ФИО: нужны фамилия, имя и отчество (2–3 слова из букв).",
}
_TYPE_CODES = {s.ENUM: "not_in_list", s.MULTI: "not_in_list", s.FIO: "bad_fio"}


def type_column(book: Book, sheet_key: str, col, raw: list, rows: list[int], today: dt.date) -> list:
    """Parse one column; record a Problem for every cell that cannot be understood.

    Each distinct value is parsed and judged once (a district's workbook repeats the same dates, lists and
    codes tens of thousands of times); the cells then take their value from a dict in C, and only cells whose
    value was judged bad are visited one by one, in row order, to locate their problems.
    """
    parse = _parser(col, book.lists)
    list_title = book.list_title(col.choices) if col.choices else ""
    neighbour = None  # where the other subjects go when one main one is wanted («Классы, курсы, …»)
    if col.kind == s.ENUM and sheet_key != "org" and "subject" in book.sheet(sheet_key).keys:
        neighbour = book.sheet(sheet_key).col("subject").title
    keys = raw
    verdicts = dict.fromkeys(keys)
    kinds = set(map(type, verdicts))
    if kinds & {bool, int, float}:  # True == 1 == 1.0 in a dict, so one of them may hide behind the other
        kinds = set(map(type, keys))
    if bool in kinds and kinds & {int, float}:  # key each value by its type too
        keys = list(zip(map(type, raw), raw))
        verdicts = dict.fromkeys(keys)
    typed = keys is not raw
    bad: dict = {}
    plain = col.kind in (s.TEXT, s.CODE)  # a clean one-line string is its own value here, and never wrong
    is_clean = P.is_clean
    for key in verdicts:
        value = key[1] if typed else key
        if plain and type(value) is str and is_clean(value):
            verdicts[key] = value
            continue
        parsed, problem = _judge(col, parse, value, today, list_title, neighbour)
        verdicts[key] = parsed
        if problem is not None:
            bad[key] = problem
    if len(verdicts) == 1:  # an empty or constant column (the optional ones usually are)
        out = [next(iter(verdicts.values()))] * len(keys)
    else:
        out = list(map(verdicts.__getitem__, keys))
    if bad:
        for key, row in zip(keys, rows):
            problem = bad.get(key)
            if problem is not None:
                code, message, value, expected, *severity = problem
                book.problems.append(book.problem(code, severity[0] if severity else ERROR, message, sheet_key,
                                                  row, col.key, value, expected=expected))
    return out


def _judge(col, parse, value, today: dt.date, list_title: str | None = None,
           neighbour: str | None = None) -> tuple[Any, tuple | None]:
    """(typed value, None) or (typed value, (code, message, value shown, expected)) for one distinct cell value."""
    if value == "" and isinstance(value, str):
        value = None
    parsed, error = parse(value)
    if error and col.kind == s.ENUM and isinstance(parse, P.Choice):
        several, _ = parse.many(value)
        if several and len(several) > 1:  # «русский язык; литература»: each is in the list, but one is wanted
            title = list_title or col.title
            where = f"в столбец «{neighbour}»" if neighbour else "в примечание"
            return None, ("one_value_wanted", (f"В столбце «{col.title}» нужно одно основное значение, а записано "
                          f"несколько: {', '.join(f'«{x}»' for x in several)}. Оставьте основное — по нему "
                          f"подбирается наставник (п. 6.1 Положения); остальные впишите {where}."),
                          value, f"одно значение из списка «{title}»")
    if error:
        # Personal data (ФИО, дата рождения, контакт) is located, never repeated in a message.
        if col.personal and col.kind != s.FIO:
            message = f"Значение в ячейке не читается: нужна {error}." if col.kind == s.DATE else \
                f"Значение в ячейке не читается: нужно {error}."
        else:
            title = list_title if list_title is not None else (s.LISTS[col.choices][0] if col.choices else "")
            message = _TYPE_MESSAGES.get(col.kind, "Неверное значение «{v}».").format(
                v=P.clean_text(value), e=error, l=title)
            if col.choices in s.EXTENDABLE:
                message += " Если значение верное, допишите его в этот список на листе «Справочники»."
        return parsed, (_TYPE_CODES.get(col.kind, "bad_type"), message, None if col.personal else value, error)
    if type(value) is str and P.has_illegal(value):
        return parsed, ("control_characters", ("В тексте есть невидимые управляющие символы (обычно попадают при "
                        "вставке из другой программы); в документы и на сайт текст попадёт без них. Проверьте, "
                        "что текст не испорчен, и при желании перепечатайте ячейку."), None, None, WARNING)
    if parsed is None or parsed == ():
        if col.required:
            return parsed, ("required_missing", f"Не заполнен обязательный столбец «{col.title}».", None, None)
        return parsed, None
    if col.kind in (s.INT, s.NUMBER) and (
        (col.min is not None and parsed < col.min) or (col.max is not None and parsed > col.max)
    ):
        return None, ("out_of_range", (f"Значение {parsed} вне допустимых пределов: от {_num(col.min)} до "
                      f"{_num(col.max)}."), value, f"от {_num(col.min)} до {_num(col.max)}")
    if col.kind == s.DATE and col.past_only and parsed > today:
        shown = "" if col.personal else f" {parsed:%d.%m.%Y}"
        return parsed, ("future_date", f"Дата{shown} ещё не наступила, а здесь нужна прошедшая дата.",
                        None if col.personal else f"{parsed:%d.%m.%Y}", f"не позже {today:%d.%m.%Y}")
    return parsed, None


def _num(x) -> str:
    return str(int(x)) if x is not None and float(x).is_integer() else str(x)


_PLAIN_DATES = {dt.date, type(None)}


def _dates(values: list):
    """Dates as datetime64: each distinct date converted once (a plan of 40,000 rows has a few hundred)."""
    import numpy as np
    import pandas as pd

    distinct = dict.fromkeys(values)
    if set(map(type, distinct)) <= _PLAIN_DATES:  # what the reader's parser returns: numpy converts it directly,
        days = np.array(list(distinct), dtype="datetime64[s]")  # seven times faster than pandas' inference
        if len(distinct) == len(values):
            return pd.Series(days)
        index = {d: n for n, d in enumerate(distinct)}
        return pd.Series(days[np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values))])
    if len(distinct) * 4 > len(values):
        return pd.to_datetime(pd.Series(values, dtype=object), errors="coerce")
    converted = pd.to_datetime(pd.Series(list(distinct), dtype=object), errors="coerce")
    index = {d: n for n, d in enumerate(distinct)}
    positions = np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values))
    return converted.take(positions).reset_index(drop=True)


