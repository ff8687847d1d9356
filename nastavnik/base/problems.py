"""Problems as records, collected into one report (the frictionless-py model).

A rule never raises on bad data: it yields a ``Problem`` with a stable code, and
the caller decides what to print. ``UnusableInput`` is the one exception: the
file cannot be read at all, and the CLI turns it into exit code 2.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ERROR = "ошибка"
WARNING = "предупреждение"


def col_letter(index: int) -> str:
    """1-based column index to Excel letters (1 → A, 27 → AA)."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    message: str
    sheet: str | None = None
    row: int | None = None  # as Excel numbers it
    column: str | None = None  # header as in the workbook
    letter: str | None = None  # column letter, e.g. "C"
    value: str | None = None  # what was found, shortened
    expected: str | None = None

    @property
    def cell(self) -> str | None:
        if self.letter and self.row:
            return f"{self.letter}{self.row}"
        return None

    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"лист «{self.sheet}»")
        if self.cell:
            parts.append(f"ячейка {self.cell}")
        elif self.row:
            parts.append(f"строка {self.row}")
        if self.column:
            parts.append(f"столбец «{self.column}»")
        return ", ".join(parts)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["cell"] = self.cell
        return d


def shorten(value: object, limit: int = 60) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def valid(self) -> bool:
        return not self.errors


class NastavnikError(Exception):
    """A domain failure with a Russian message for the user: the command cannot be done as asked (exit 2).

    Errors *in* the workbook are not raised: they are problems in a report, and the command exits 1.
    """

    exit_code = 2


class EnvironmentProblem(NastavnikError):
    """The computer refused: a full disk, no rights to a folder, a path too long. Not the workbook's fault.

    ``other_folder`` asks the CLI to add how to choose another folder, when the command has such an option.
    """

    exit_code = 4

    def __init__(self, message: str, other_folder: bool = False):
        super().__init__(message)
        self.other_folder = other_folder


class UnusableInput(NastavnikError):
    """The file cannot be used at all: not a workbook, encrypted, truncated, missing."""

    exit_code = 2
