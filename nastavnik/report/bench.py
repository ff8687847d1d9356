"""Helpers for the benchmark owner: large synthetic workbooks and timings of report and consolidate.

The demo (30 people) is copied as many times as needed, every code suffixed
with the copy number so that references stay consistent; the result is a
plausible institution of any size. Timings are measured here, never in tests.
"""

from __future__ import annotations

import copy
import datetime as dt
import time
from pathlib import Path

# Columns holding codes that refer to other rows, per sheet.
_REFS = {
    "mentors": ("code", "preferred_mentees"),
    "mentees": ("code", "preferred_mentor"),
    "pairs": ("code", "mentor", "mentee"),
    "programmes": ("code", "pair"),
    "plan": ("programme",),
    "surveys": ("respondent", "programme"),
    "events": ("person",),
}


def _suffix(value, n: int):
    if value is None or value == "":
        return value
    if isinstance(value, (list, tuple)):
        return [f"{x}-{n}" for x in value]
    return f"{value}-{n}"


def synthetic_parts(people: int, today: dt.date) -> tuple[dict, dict]:
    """(org, tables) of an institution with about ``people`` people in its two banks."""
    from ..demo import demo_data

    org, base = demo_data(today)
    per_copy = len(base["mentors"]) + len(base["mentees"])
    copies = max(1, round(people / per_copy))
    tables = {k: ([] if k in _REFS else list(rows)) for k, rows in base.items()}
    for n in range(1, copies + 1):
        for key, cols in _REFS.items():
            for row in base[key]:
                new = copy.copy(row)
                for col in cols:
                    new[col] = _suffix(row.get(col), n)
                if new.get("birth_date"):  # the same name and birth date would be a duplicate person
                    new["birth_date"] = row["birth_date"] - dt.timedelta(days=n - 1)
                tables[key].append(new)
    org = dict(org, staff_count=max(org["staff_count"], 2 * people))
    return org, tables


def write_synthetic(path: Path, people: int, today: dt.date) -> Path:
    from ..template import write_workbook

    org, tables = synthetic_parts(people, today)
    write_workbook(path, org, tables)
    return path


def bench_report(people: int = 10_000, today: dt.date = dt.date(2026, 11, 25), folder: Path | None = None) -> dict:
    """Seconds to read a workbook of ``people`` people, compute every indicator and write the xlsx report."""
    import tempfile

    from ..reader import read_workbook
    from . import report_for_book, write_report_xlsx

    folder = Path(folder or tempfile.mkdtemp(prefix="nastavnik-bench-"))
    path = write_synthetic(folder / f"synthetic-{people}.xlsx", people, today)
    t0 = time.perf_counter()
    book = read_workbook(path, today=today)
    t1 = time.perf_counter()
    _, indicators, statform = report_for_book(book, today)
    t2 = time.perf_counter()
    write_report_xlsx(indicators, statform, folder / "report.xlsx")
    t3 = time.perf_counter()
    return {"people": people, "read_s": round(t1 - t0, 3), "compute_s": round(t2 - t1, 3),
            "xlsx_s": round(t3 - t2, 3), "total_s": round(t3 - t0, 3)}


def bench_consolidate(files: int = 50, people: int = 1000, today: dt.date = dt.date(2026, 11, 25),
                      folder: Path | None = None, workers: int = 2) -> dict:
    """Seconds to consolidate ``files`` workbooks of ``people`` people, one of them broken."""
    import shutil
    import tempfile

    from .consolidate import collect_paths, consolidate

    folder = Path(folder or tempfile.mkdtemp(prefix="nastavnik-bench-"))
    first = write_synthetic(folder / "org-001.xlsx", people, today)
    for n in range(2, files):
        shutil.copyfile(first, folder / f"org-{n:03d}.xlsx")
    (folder / f"org-{files:03d}-broken.xlsx").write_bytes(first.read_bytes()[:5000])
    t0 = time.perf_counter()
    rollup = consolidate(collect_paths([folder]), today, workers=workers)
    seconds = time.perf_counter() - t0
    return {"files": files, "people": people, "seconds": round(seconds, 2),
            "unreadable": [f["file"] for f in rollup.unreadable]}
