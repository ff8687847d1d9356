"""The book as the program holds it after one reading: typed tables keyed by the schema, the organisation's
fields, the lists of «Справочники», and every problem found on the way, each located at its cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nastavnik.base.problems import Problem, col_letter, shorten
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import schema as s


@dataclass
class Book:
    """The whole workbook as typed tables, plus everything the reader noticed."""

    path: Path | None
    org: dict[str, Any]
    tables: dict[str, Any]  # sheet key -> pandas DataFrame with schema keys and ``_row``
    problems: list[Problem] = field(default_factory=list)
    version: str | None = None
    migration: list[str] = field(default_factory=list)  # what an older template lacked (nastavnik.workbook.migrate)
    sheet_titles: dict[str, str] = field(default_factory=dict)  # sheet key -> title as found
    columns: dict[str, dict[str, tuple[int, str]]] = field(default_factory=dict)  # key -> col key -> (index, header)
    org_rows: dict[str, int] = field(default_factory=dict)
    org_type: ot.OrgType = ot.DEFAULT  # from «Тип организации»; selects the lists and the words (workbook.orgtypes)
    # Every list of «Справочники» as this book has it: the type's starting values plus the curator's additions
    # to the organisation's own lists (schema.EXTENDABLE).
    lists: dict[str, list[str]] = field(default_factory=lambda: {k: list(v) for k, (_t, v) in s.LISTS.items()},
                                        repr=False)
    list_cells: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict, repr=False)  # (list, value) -> (row, letter)
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def derived(self, name: str, sheets: tuple[str, ...], make, *args):
        """``make(self, *args)`` computed once while the tables of ``sheets`` stay the same objects.

        Several rules and reminders need the same thing derived from the tables (a district's stalled pairs took
        half a second, asked four times a run); a table replaced (``match --apply``, a test) makes it anew.
        """
        frames = tuple(self.tables.get(k) for k in sheets)
        key = (name, *args)
        hit = self._derived.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], frames)):
            return hit[1]
        value = make(self, *args)
        self._derived[key] = (frames, value)
        return value

    def sheet(self, sheet_key: str) -> s.Sheet:
        """The sheet as this book's type words it (titles and hints of the profile columns)."""
        return s.sheet_for(sheet_key, self.org_type)

    def list_title(self, key: str) -> str:
        return s.lists_for(self.org_type)[key][0]

    @property
    def name(self) -> str:
        return self.path.name if self.path else "демо"

    def locate(self, sheet_key: str, row: int | None = None, col_key: str | None = None) -> dict:
        """Sheet title, row and column (header and letter) of a cell, for a Problem."""
        if sheet_key == "org":
            loc = {"sheet": self.sheet_titles.get("org", s.ORG_TITLE), "row": self.org_rows.get(col_key, row)}
            if col_key:
                fields = {f.key: f for f in s.org_fields_for(self.org_type)}
                loc.update(column=fields[col_key].title if col_key in fields else col_key, letter="B")
            return loc
        spec = self.sheet(sheet_key)
        loc: dict[str, Any] = {"sheet": self.sheet_titles.get(sheet_key, spec.title), "row": row}
        if col_key:
            found = self.columns.get(sheet_key, {}).get(col_key)
            if found:
                loc.update(column=found[1], letter=col_letter(found[0]))
            else:
                loc.update(column=spec.col(col_key).title)
        return loc

    def problem(self, code: str, severity: str, message: str, sheet_key: str, row: int | None = None,
                col_key: str | None = None, value: Any = None, expected: str | None = None) -> Problem:
        return Problem(code=code, severity=severity, message=message, value=shorten(value), expected=expected,
                       **self.locate(sheet_key, row, col_key))

