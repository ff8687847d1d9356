"""The demonstration books by organisation type: one function that writes a demo, for the command and the window.

``nastavnik demo --type школа``, a command run without a book, ``nastavnik run`` and the window's
«Демонстрационная» menu all call ``write_demo``: a demo is the same file whoever asks for it (the school's
demo needs its own additions to «Справочники», «открытый урок» among them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from nastavnik.workbook import orgtypes


@dataclass(frozen=True)
class Demo:
    key: str  # the organisation type's key (orgtypes)
    label: str  # what the window's menu says
    what: str  # what the command's message says («центр технического творчества»)


DEMOS = (
    Demo(orgtypes.EXTRA.key, "Центр технического творчества", "центр технического творчества"),
    Demo(orgtypes.SCHOOL.key, "Общеобразовательная школа", "общеобразовательная школа"),
)
DEFAULT = DEMOS[0].key


def demo(key: str) -> Demo:
    """The demo of an organisation type's key; KeyError for a type without one."""
    for d in DEMOS:
        if d.key == key:
            return d
    raise KeyError(key)


def make_demo(key: str, today: dt.date | None = None) -> tuple[dict, dict, dict | None]:
    """The demo's (org, tables, lists): the data and the additions to «Справочники» it needs."""
    demo(key)
    if key == orgtypes.SCHOOL.key:
        from .demo_school import LISTS, school_demo_data

        return (*school_demo_data(today), LISTS)
    from .demo import demo_data

    return (*demo_data(today), None)


def write_demo(path: str | Path, key: str = DEFAULT, today: dt.date | None = None) -> Path:
    """Write the demonstration book of ``key`` to ``path``, whole, with its own list values."""
    from nastavnik.workbook.template import write_workbook

    org, tables, lists = make_demo(key, today)
    return write_workbook(path, org, tables, lists)
