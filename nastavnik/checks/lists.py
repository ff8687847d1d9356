"""The organisation's own lists against what the banks say.

A department is free text, but the matching gives a bonus for one department and the report groups by it:
«МО учителей математики» in one row and «МО математики» in another are two departments to the program. Once
the curator has listed her departments on «Справочники», a department written otherwise is pointed out —
as a warning, since she may have a new one to add.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import WARNING
from nastavnik.workbook import parse as P
from nastavnik.workbook.reader import Book

from .common import has, records, table

_BANKS = ("mentors", "mentees")


def department_not_in_list(book: Book, today: dt.date):
    """A department not in the organisation's list of departments, when she keeps one."""
    listed = book.lists.get("department") or []
    if not listed:
        return
    known = {P.fold(x) for x in listed}
    title = book.list_title("department")
    for bank in _BANKS:
        if not has(book, bank, "department"):
            continue
        frame = table(book, bank)
        frame = frame[frame["department"].notna()]
        for rec in records(frame):
            if P.fold(str(rec["department"])) in known:
                continue
            yield book.problem(
                "department_not_in_list", WARNING,
                f"Подразделения «{rec['department']}» нет в списке «{title}» на листе «Справочники»: подбор пар и "
                "отчёт считают одним подразделением только одинаково записанные. Выберите подразделение из "
                "списка или допишите новое в список.",
                bank, rec["_row"], "department", value=rec["department"], expected="значение из списка")


RULES = [department_not_in_list]
