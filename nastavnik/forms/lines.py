"""One line of the merge report: what happened to one answer (or one file), and where it came from.

Lines are records, like the checks' problems: the reader of sources and the
merge both yield them, the report writes them to .xlsx and to the screen.
``old`` and ``new`` are never shown for personal data (152-ФЗ): the line then
says only which cell changed.
"""

from __future__ import annotations

from dataclasses import dataclass

ADDED = "добавлен"
UPDATED = "обновлён"
DUPLICATE = "дубликат"
CONFLICT = "конфликт"
REJECTED = "отклонён"
CONSENT = "согласие из анкеты"
NOTE = "замечание"
STATUSES = (ADDED, UPDATED, DUPLICATE, CONFLICT, REJECTED, CONSENT, NOTE)
HIDDEN = "(личные данные не показываются)"


@dataclass(frozen=True)
class Line:
    status: str
    source: str  # file name
    reason: str
    row: int | None = None  # row in the source file
    column: str | None = None  # question or column (with its letter) in the source
    sheet: str | None = None  # sheet of the workbook copy
    code: str | None = None  # the person's code in the workbook
    field: str | None = None  # column title in the workbook
    old: str | None = None
    new: str | None = None
    diary: bool = False  # the line is about a mentor's diary: the report says «дневник», not «анкета»

    def where(self) -> str:
        parts = [f"«{self.source}»"]
        if self.row:
            parts.append(f"строка {self.row}")
        if self.column:
            parts.append(f"«{self.column}»")
        return ", ".join(parts)
