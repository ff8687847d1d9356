"""The report a curator opens: statistical form, xlsx sheets and charts, JSON, period options, docs."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.base.problems import NastavnikError
from nastavnik.cli import main
from nastavnik.report import build_statform, compute_indicators, indicators_dict, report_meta, write_report_xlsx
from nastavnik.report.frames import Period, parse_period
from nastavnik.report.registry import GROUPS
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .test_report_indicators import END, START, small_parts


@pytest.fixture(scope="module")
def small_book(tmp_path_factory):
    path = tmp_path_factory.mktemp("small") / "малая.xlsx"
    org, tables = small_parts()
    write_workbook(path, org, tables)
    return read_workbook(path, today=TODAY)


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory, demo_book):
    folder = tmp_path_factory.mktemp("report")
    p = parse_period(None, None, demo_book.org, TODAY)
    indicators = compute_indicators(demo_book, p.start, p.end, TODAY)
    statform = build_statform(demo_book, p.start, p.end, TODAY)
    return write_report_xlsx(indicators, statform, folder / "отчёт.xlsx", report_meta(demo_book, p, TODAY))


def test_statform_counts_people_by_category_form_and_kind(small_book):
    sf = build_statform(small_book, START, END, TODAY)
    rows = dict(sf.rows)
    col = {c: i for i, c in enumerate(sf.columns)}
    # Mentors Н-1 (ПР-1, ПР-3), Н-2 (group ПР-2), Н-3 (ПР-6): 3 people; Н-2 alone in «руководитель ОО – педагог».
    assert rows["Наставники"][col["Всего"]] == 3
    assert rows["Наставники"][col[v.FORMS[1]]] == 1
    assert rows["Наставники"][col[v.FORMS[0]]] == 2
    # Mentees П-1, П-2, П-3, П-8; П-3 is in both the group and ПР-3, so it counts in both forms.
    assert rows["Наставляемые — всего"][col["Всего"]] == 4
    assert rows["Наставляемые — всего"][col[v.FORMS[0]]] == 3  # П-1, П-3, П-8
    assert rows["Наставляемые — всего"][col[v.FORMS[1]]] == 2  # П-2, П-3
    assert rows["молодой специалист"][col["Всего"]] == 3
    assert rows["начинающий педагог"][col[v.KIND_GROUP]] == 1
    assert rows["студент / стажёр"][col["Всего"]] == 0  # П-4 is only in a draft pair


def _xlsx_parts(path: Path) -> tuple[list[str], list[str]]:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        workbook = zf.read("xl/workbook.xml").decode("utf-8")
    return re.findall(r'<sheet name="([^"]+)"', workbook), [n for n in names if re.match(r"xl/charts/chart\d+\.xml", n)]


def test_report_has_summary_group_sheets_and_statform(demo_report):
    sheets, _ = _xlsx_parts(demo_report)
    assert sheets == ["Сводка", *GROUPS.values(), "Статформа", "Для региона"]


def test_report_has_native_charts_of_every_kind(demo_report):
    _, charts = _xlsx_parts(demo_report)
    with zipfile.ZipFile(demo_report) as zf:
        xml = " ".join(zf.read(c).decode("utf-8") for c in charts)
    assert len(charts) >= 10
    for tag in ("c:barChart", "c:pieChart", "c:lineChart"):
        assert tag in xml


def test_report_opens_with_openpyxl_and_shows_values_not_formulas(demo_report):
    import openpyxl

    wb = openpyxl.load_workbook(demo_report)
    ws = wb["Сводка"]
    cells = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any(isinstance(x, str) and x.startswith("=") for x in cells)
    from nastavnik.report.xlsx import NUMBERS

    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == NUMBERS["federal_under35_first3"])
    assert row[2] == 83.3 and row[4] == "≥ 70 %" and row[5] == "достигнуто"  # students left out (issue 20)


def test_statform_sheet_has_header_and_rows(demo_report):
    import openpyxl

    ws = openpyxl.load_workbook(demo_report)["Статформа"]
    values = [r for r in ws.iter_rows(values_only=True)]
    mentors = next(r for r in values if r[0] == "Наставники")
    assert mentors[1] == 8


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice не установлен")
def test_report_converts_to_pdf_in_libreoffice_with_charts(demo_report, tmp_path):
    profile = tmp_path / "lo_profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(demo_report)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (demo_report.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 20_000
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "3", "-l", "3", str(pdf), str(tmp_path / "p")],
                       check=True, timeout=60)
        assert list(tmp_path.glob("p-*.png"))


def test_json_cli_equals_library(demo_path, demo_book, tmp_path):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "report", str(demo_path), "--format", "json",
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    p = parse_period(None, None, demo_book.org, TODAY)
    assert json.loads(result.stdout) == json.loads(json.dumps(
        indicators_dict(compute_indicators(demo_book, p.start, p.end, TODAY)), ensure_ascii=False))


def test_year_option_sets_september_to_august(demo_path, tmp_path):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "report", str(demo_path), "--year", "2025/2026",
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "мониторинг_2025-09-01_2026-08-31.xlsx").exists()


def test_period_option_is_read_day_first():
    p = parse_period("01.02.2026:30.06.2026", None, {}, TODAY)
    assert (p.start, p.end) == (dt.date(2026, 2, 1), dt.date(2026, 6, 30))


@pytest.mark.parametrize("period, year", [("2026-01-01", None), ("30.06.2026:01.02.2026", None),
                                          (None, "2025/2027"), ("01.02.2026:30.06.2026", "2025/2026")])
def test_bad_period_is_a_russian_error(period, year):
    with pytest.raises(NastavnikError, match="[А-Яа-я]"):
        parse_period(period, year, {}, TODAY)


def test_bad_period_in_cli_exits_2_without_traceback(demo_path, tmp_path):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "report", str(demo_path), "--period", "вчера",
                                       "--out", str(tmp_path)])
    assert result.exit_code == 2  # a parameter that cannot be used; 1 is for errors in the workbook
    assert "Период «вчера» не понят" in result.stderr and "Traceback" not in result.output


def test_an_earlier_period_excludes_pairs_that_start_later(small_book):
    # Only ПР-6 (01.02.2026–31.10.2026) overlaps the first half of 2026.
    ind = {i.code: i for i in compute_indicators(small_book, dt.date(2026, 1, 1), dt.date(2026, 6, 30), TODAY)}
    assert ind["pairs_total"].value == 1 and ind["groups_total"].value == 0
    assert ind["programmes_started"].value == 1


def test_report_date_is_the_period_end_for_a_past_period():
    assert Period(dt.date(2025, 9, 1), dt.date(2026, 8, 31), TODAY).as_of == dt.date(2026, 8, 31)


def test_readiness_fails_without_site_and_with_a_pair_without_programme(make_book):
    def change(org, tables):
        org["site_url"] = None
        tables["programmes"] = [p for p in tables["programmes"] if p["pair"] != "ПР-001"]

    book = make_book(change)
    ind = {i.code: i for i in compute_indicators(book, dt.date(2026, 9, 1), dt.date(2027, 8, 31), TODAY)}
    assert ind["ready_site"].value is False
    assert ind["ready_programmes"].value is False
    assert ind["readiness_score"].value == 9
    assert ind["ready_programmes"].status == "не достигнуто"


def test_docs_indicators_md_is_up_to_date():
    from nastavnik.report.docs import DOC_PATH, render_indicators_md

    path = Path(__file__).resolve().parent.parent / DOC_PATH
    assert path.read_text(encoding="utf-8") == render_indicators_md(), \
        "docs/indicators.md устарел: запустите python3 scripts/make_indicators_doc.py"


def test_every_breakdown_has_a_chart_with_its_data():
    from nastavnik.report.registry import SPECS
    from nastavnik.report.xlsx import FIGURES

    charted = {code for fig in FIGURES for code, _ in fig[4]}
    assert charted == {s.code for s in SPECS if s.breakdown}


def test_blank_template_gives_a_report_without_values(tmp_path):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "init", str(tmp_path / "пустая.xlsx")])
    assert result.exit_code == 0
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "report", str(tmp_path / "пустая.xlsx"),
                                       "--format", "json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pairs_total"]["value"] == 0
    assert data["federal_under35_first3"]["value"] is None
    assert data["federal_under35_first3"]["status"] == "нет данных"
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "report", str(tmp_path / "пустая.xlsx"),
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0 and "нет данных" in result.output
