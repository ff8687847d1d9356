"""No message the tool prints carries a birth date or a contact (152-ФЗ): a cell is located, not quoted."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook.template import write_workbook


def secrets(tables) -> set[str]:
    out = set()
    for sheet in ("mentors", "mentees"):
        for row in tables[sheet]:
            if row.get("contact"):
                out.add(row["contact"])
            b = row.get("birth_date")
            if isinstance(b, dt.date):
                out |= {b.strftime("%d.%m.%Y"), b.isoformat()}
    return out


@pytest.fixture(scope="module")
def broken_personal(tmp_path_factory, demo_parts):
    """The demo with errors planted in personal columns, so that messages are about them."""
    import copy

    org, tables = copy.deepcopy(demo_parts)
    tables["mentors"][0]["birth_date"] = "31.02.1972"
    tables["mentors"][1]["birth_date"] = dt.date(2030, 1, 1)  # in the future
    tables["mentees"][0]["fio"] = "Иванова +7 900 555-44-33"
    path = tmp_path_factory.mktemp("pd") / "ошибки в ПДн.xlsx"
    write_workbook(path, org, tables)
    return path, secrets(tables) | {"31.02.1972", "01.01.2030", "+7 900 555-44-33"}


@pytest.mark.parametrize("args", [
    ["check"], ["check", "--format", "json"], ["match"], ["match", "--format", "json"], ["report", "--format", "json"],
    ["docs"], ["site"], ["run"],
])
def test_no_birth_date_or_contact_in_any_output_on_the_demo(tmp_path, demo_path, demo_parts, args):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", *args, str(demo_path), "--out", str(tmp_path)])
    printed = result.output + result.stderr
    assert result.exit_code in (0, 1), printed
    leaked = [s for s in secrets(demo_parts[1]) if s in printed]
    assert leaked == []


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_errors_in_personal_cells_are_located_not_quoted(tmp_path, broken_personal, fmt):
    path, hidden = broken_personal
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "check", str(path), "--format", fmt])
    assert result.exit_code == 1
    printed = result.output + result.stderr
    assert "Дата рождения" in printed  # the problem is reported, at its column
    assert [s for s in hidden if s in printed] == []
