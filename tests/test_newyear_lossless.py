"""`nastavnik new-year` loses nothing: every row of every sheet of year 1 is in year 2 or on an archive sheet.

Both demos (`nastavnik demo`, `nastavnik demo --type school`) are moved to the next year on 25.08.2027, as a curator
would at the end of the year, and then once more to a third year; for each sheet, each row of the older book is
looked for, value by value, in the newer book's sheet or in its archive sheet under the older year. The only
differences allowed are the documented ones: experience one year longer, a mentee's recomputed status, a preference
for someone who left dropped (the roadmap starts again, and the year's roadmap is archived as it stood); a leaver is kept on «Архив выбывших» by code and dates only (personal data are not
kept after someone has left).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import read_workbook

END_OF_YEAR_1 = dt.date(2027, 8, 25)
END_OF_YEAR_2 = dt.date(2028, 8, 25)

# Columns new-year changes on purpose, per sheet (README, «Новый учебный год»).
CHANGED = {
    "mentors": {"ped_experience", "org_experience", "preferred_mentees"},
    "mentees": {"ped_experience", "status", "preferred_mentor"},
}
ARCHIVE = {**s.ARCHIVE_OF}


def _plain(x):
    if x is None or x is pd.NaT or (isinstance(x, float) and math.isnan(x)):
        return None
    if isinstance(x, pd.Timestamp):
        return x.date()
    if hasattr(x, "item") and not isinstance(x, (str, tuple)):
        return x.item()
    return x


def rows(book, key) -> list[dict]:
    frame = book.tables.get(key)
    if frame is None or frame.empty:
        return []
    out = []
    for rec in frame.to_dict("records"):
        row = {k: _plain(x) for k, x in rec.items() if k != "_row"}
        out.append({k: x for k, x in row.items() if x not in (None, "", ())})
    return out


def same(old: dict, new: dict, ignore=frozenset()) -> bool:
    return all(new.get(k) == x for k, x in old.items() if k not in ignore)


def lost_rows(old_book, new_book, key: str) -> list[dict]:
    """Rows of ``key`` in the old book found neither in the new book's sheet nor in its archive for that year."""
    year = old_book.org["academic_year"]
    carried = rows(new_book, key)
    archive_key = ARCHIVE.get(key) or (key if key.startswith("archive_") else None)
    archived = [{k: x for k, x in r.items() if k != "year"} for r in rows(new_book, archive_key)
                if r.get("year") == year] if archive_key and not key.startswith("archive_") else []
    if key.startswith("archive_"):  # older archive rows stay as they are
        archived = rows(new_book, key)
    leavers = {r["code"] for r in rows(new_book, "archive_leavers") if r.get("year") == year}
    lost = []
    for r in rows(old_book, key):
        if key in ("mentors", "mentees") and r.get("code") in leavers:
            continue
        if any(same(r, c, CHANGED.get(key, frozenset())) for c in carried):
            continue
        if any(same(r, c) for c in archived):
            continue
        lost.append(r)
    return lost


def lost_org(old_book, new_book) -> list[str]:
    year = old_book.org["academic_year"]
    archived = {(r.get("parameter"), r.get("value")) for r in rows(new_book, "archive_org") if r.get("year") == year}
    lost = []
    for f in s.ORG_FIELDS:
        value = _plain(old_book.org.get(f.key))
        if value in (None, ""):
            continue
        if _plain(new_book.org.get(f.key)) == value:
            continue
        text = f"{value:%d.%m.%Y}" if isinstance(value, dt.date) else str(value)
        if (f.title, text) not in archived:
            lost.append(f"{f.title}: {text}")
    return lost


def lost_list_values(old_book, new_book) -> list[str]:
    return [f"{key}: {x}" for key, values in old_book.lists.items() for x in values
            if x not in new_book.lists.get(key, [])]


def new_year(path, today):
    result = CliRunner().invoke(main, ["--today", f"{today:%d.%m.%Y}", "new-year", str(path)])
    assert result.exit_code == 0, result.output
    [out] = [line.split(": ", 1)[1] for line in result.output.splitlines() if line.startswith("Книга ")]
    return out


@pytest.fixture(scope="module", params=["центр", "школа"])
def three_years(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("lossless")
    first = folder / "наставничество 2026-2027.xlsx"
    args = ["--today", "25.11.2026", "demo", str(first)] + ([] if request.param == "центр" else ["--type", "школа"])
    assert CliRunner().invoke(main, args).exit_code == 0
    second = new_year(first, END_OF_YEAR_1)
    third = new_year(second, END_OF_YEAR_2)
    return [read_workbook(first, today=END_OF_YEAR_1), read_workbook(second, today=END_OF_YEAR_2),
            read_workbook(third, today=END_OF_YEAR_2)]


@pytest.mark.parametrize("step", [0, 1], ids=["year 1 → 2", "year 2 → 3"])
@pytest.mark.parametrize("key", [sh.key for sh in s.SHEETS])
def test_every_row_of_every_sheet_is_carried_or_archived(three_years, step, key):
    old, new = three_years[step], three_years[step + 1]
    assert lost_rows(old, new, key) == []


@pytest.mark.parametrize("step", [0, 1], ids=["year 1 → 2", "year 2 → 3"])
def test_every_organisation_field_is_kept_or_archived(three_years, step):
    assert lost_org(three_years[step], three_years[step + 1]) == []


@pytest.mark.parametrize("step", [0, 1], ids=["year 1 → 2", "year 2 → 3"])
def test_every_list_value_is_kept(three_years, step):
    assert lost_list_values(three_years[step], three_years[step + 1]) == []


def test_the_curators_normative_acts_are_in_the_new_year(three_years):
    """The demo's regional, local and methodological rows (issue 24, point 2) stay on «Нормативная база»."""
    old, new = three_years[0], three_years[1]
    assert len(rows(old, "normative")) > len(s.NORMATIVE.prefill)
    assert len(rows(new, "normative")) == len(rows(old, "normative"))


def test_the_years_roadmap_and_orders_are_on_the_archive(three_years):
    old, new = three_years[0], three_years[1]
    done = [r for r in rows(old, "roadmap") if r.get("status") not in (None, "не начат")]
    assert done, "the demo has stages in progress"
    archived = rows(new, "archive_roadmap")
    assert all(any(same(r, {k: x for k, x in a.items() if k != "year"}) for a in archived) for r in done)
    params = {r["parameter"] for r in rows(new, "archive_org")}
    assert "Учебный год" in params and any("методического совета" in p for p in params)
