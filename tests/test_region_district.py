"""The region's form filled for every organisation of a district and for the district (issue 30, п. 2): in the
form's own order, «да» counted, numbers summed, shares recomputed, the links each organisation publishes."""

from __future__ import annotations

import copy

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.report.region import load_form
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY


@pytest.fixture(scope="module")
def district(tmp_path_factory, demo_parts):
    folder = tmp_path_factory.mktemp("район")
    for n, url in ((1, "https://one.example/nast"), (2, None)):
        org, tables = copy.deepcopy(demo_parts)
        org["short_name"] = f"ГБУ ДО ЦДЮТТ № {n}"
        org["full_name"] = f"Центр № {n}"
        org["inn"] = f"78000000{n:02d}"
        org["site_url"] = url
        write_workbook(folder / f"центр{n}.xlsx", org, tables)
    out = tmp_path_factory.mktemp("свод")
    result = CliRunner().invoke(main, ["--today", TODAY.isoformat(), "consolidate", str(folder), "--out", str(out),
                                       "--region-form", "красноярский-край"])
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(next(out.glob("*.xlsx")))


def test_every_organisation_has_a_row_and_every_line_a_column_in_the_forms_order(district):
    form = load_form("красноярский-край")
    rows = list(district["Форма региона"].iter_rows(values_only=True))
    assert rows[0][2:2 + len(form.lines)] == tuple(f"{n}. {line.text}" for n, line in enumerate(form.lines, 1))
    assert [r[1] for r in rows[1:3]] == ["ГБУ ДО ЦДЮТТ № 1", "ГБУ ДО ЦДЮТТ № 2"]
    assert rows[3][1] == "Итого по району"


def test_the_district_counts_yes_and_sums_numbers(district):
    form = load_form("красноярский-край")
    rows = list(district["Форма региона"].iter_rows(values_only=True))
    for n, line in enumerate(form.lines):
        a, b, total = rows[1][2 + n], rows[2][2 + n], rows[3][2 + n]
        if a in ("да", "нет") and b in ("да", "нет"):
            assert total == f"да — {(a == 'да') + (b == 'да')} из 2"
        elif str(a).isdigit() and str(b).isdigit():
            assert total == str(int(a) + int(b))


def test_links_follow_each_organisations_site_address(district):
    rows = list(district["Форма региона — ссылки"].iter_rows(values_only=True))
    one, two = rows[1], rows[2]
    assert any(str(x).startswith("https://one.example/nast") for x in one[2:])
    assert not any(x for x in two[2:])  # no site address on «Организация»: no link invented
