"""What a sheet and a column are: the kinds of cell the reader understands, ``Col`` and ``Sheet``.

The declarations themselves are in ``sheets`` (the tables) and ``organisation`` («Организация»).
"""

from __future__ import annotations

from dataclasses import dataclass

from nastavnik.workbook import vocab as v
from nastavnik.workbook.lists import LISTS

# Column kinds understood by the reader.
TEXT, CODE, CODES, INT, NUMBER, DATE, ENUM, MULTI, BOOL, FIO = (
    "text", "code", "codes", "int", "number", "date", "enum", "multi", "bool", "fio",
)


@dataclass(frozen=True)
class Col:
    key: str
    title: str
    kind: str = TEXT
    required: bool = False
    hint: str = ""
    choices: str | None = None  # a key of LISTS
    personal: bool = False  # personal data under 152-ФЗ: never logged, published only with consent
    min: float | None = None
    max: float | None = None
    width: int = 16
    ref: str | None = None  # sheet key this code must exist in
    past_only: bool = False  # a date that cannot lie in the future

    @property
    def values(self) -> list[str]:
        return LISTS[self.choices][1] if self.choices else []


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    purpose: str  # one paragraph for «Инструкция»
    columns: tuple[Col, ...]
    key_col: str | None = None  # a unique code column
    multi_row_key: bool = False  # a group is several rows with one code
    prefill: tuple[tuple, ...] = ()  # rows written into the blank template

    def col(self, key: str) -> Col:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


def _yn(key: str, title: str, hint: str, **kw) -> Col:
    return Col(key, title, BOOL, choices="yes_no", hint=hint, width=12, **kw)


_DIR_HINT = "«да», если {who} {what} по направлению «{name}»."


def _directions(prefix: str, who: str, what: str, title: str) -> tuple[Col, ...]:
    return tuple(
        Col(
            f"{prefix}_{k}",
            f"{title}: {name}",
            BOOL,
            choices="yes_no",
            width=14,
            hint=_DIR_HINT.format(who=who, what=what, name=name),
        )
        for k, name in v.DIRECTIONS.items()
    )

