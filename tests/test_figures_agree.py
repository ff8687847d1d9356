"""One figure, one number: «Мониторинг.xlsx», its «История», the analytic report and the site agree.

For the same book and date each output is made as the user makes it (the report's workbook, the analytic report
rendered to .docx, the site's pages) and the same figure is read back from each of them: the demos of the centre
and the school, and a second-year book made by new-year and filled as a curator would (``figures_books``).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from nastavnik.report import report_for_book, report_meta, write_report_xlsx
from nastavnik.report.registry import SPEC_BY_CODE
from nastavnik.report.xlsx import NUMBERS
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.demo import demo_data
from nastavnik.workbook.samples.demo_school import school_demo_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .figures_books import second_year

YEAR_TWO_DAY = dt.date(2028, 6, 1)


def _num(text: str) -> float:
    """«1 234», «83,3 (5 из 6)», «8,5 балла» → the first number."""
    m = re.search(r"-?\d[\d\u00a0 ]*(?:,\d+)?", text)
    assert m, text
    return float(m.group(0).replace("\u00a0", "").replace(" ", "").replace(",", "."))


@pytest.fixture(scope="module", params=["центр", "школа", "второй год"])
def outputs(request, tmp_path_factory):
    """(book's figures read from each output): {source: {figure: number}}."""
    from docx import Document

    from nastavnik.docs import render_documents
    from nastavnik.site import build_site

    folder = tmp_path_factory.mktemp("figures")
    if request.param == "второй год":
        write_workbook(folder / "год1.xlsx", *demo_data(TODAY))
        book = second_year(read_workbook(folder / "год1.xlsx", today=TODAY), folder / "год2.xlsx")
        day = YEAR_TWO_DAY
    else:
        parts = demo_data(TODAY) if request.param == "центр" else school_demo_data(TODAY)
        write_workbook(folder / "книга.xlsx", *parts)
        book, day = read_workbook(folder / "книга.xlsx", today=TODAY), TODAY
    out: dict[str, dict[str, float]] = {}

    # Мониторинг.xlsx: every indicator by its number, and the current row of «История».
    import openpyxl

    period, indicators, statform = report_for_book(book, day)
    path = write_report_xlsx(indicators, statform, folder / "Мониторинг.xlsx", report_meta(book, period, day))
    wb = openpyxl.load_workbook(path)
    numbers = {n: code for code, n in NUMBERS.items()}
    mon = out["Мониторинг"] = {}
    for ws in wb.worksheets:
        if ws.title in ("Сводка", "История"):
            continue
        for r in ws.iter_rows(values_only=True):
            if r and r[0] in numbers and isinstance(r[2], (int, float)):
                mon[numbers[r[0]]] = float(r[2])
    mon["units"] = mon["pairs_total"] + mon["groups_total"]
    if "История" in wb.sheetnames:
        rows = [r for r in wb["История"].iter_rows(values_only=True) if r and str(r[0]).endswith("(текущий)")]
        assert len(rows) == 1
        r = rows[0]
        out["История"] = {k: float(r[i]) for k, i in (
            ("units", 1), ("mentors_active", 2), ("mentors_again", 3), ("mentees_active", 4),
            ("programmes_completed", 6), ("programmes_ended_early", 7), ("mentees_completed", 8),
            ("retention_measured", 9), ("retention_share", 11), ("survey_mean", 13)) if isinstance(r[i], (int, float))}

    # The analytic report, rendered to .docx: its tables, by the indicator's name.
    (doc_path,) = render_documents(book, folder / "docs", day, only=["analytic_report"])
    doc = Document(str(doc_path))
    names = {SPEC_BY_CODE[c].name: c for c in SPEC_BY_CODE}
    rep = out["аналитический отчёт"] = {}
    trend = None
    for table in doc.tables:
        head = [c.text for c in table.rows[0].cells]
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            if cells[0] in names and re.search(r"\d", cells[-1 if len(cells) == 3 else 1]):
                rep[names[cells[0]]] = _num(cells[2] if len(cells) == 3 else cells[1])
            if head[0] == "Учебный год" and cells[0].endswith("(текущий)"):
                trend = cells
    if "pairs_total" in rep:
        rep["units"] = rep["pairs_total"] + rep["groups_total"]
    if trend:  # Таблица 15: the current year
        rep["units (таблица 15)"] = _num(trend[1])
        rep["mentees_completed"] = _num(trend[2])
        if trend[4] != "—":
            rep["survey_mean"] = _num(trend[4])

    # The site: the start page and the roadmap.
    site = build_site(book, folder / "сайт", day)
    index = (site / "index.html").read_text(encoding="utf-8-sig")
    roadmap = (site / "dorozhnaya-karta.html").read_text(encoding="utf-8-sig")
    out["сайт"] = {
        "programmes_running": float(re.search(r'class="num">(\d+)</span> реализуем', index).group(1)),
        "mentors_bank": float(re.search(r'class="num">(\d+)</span> активн', index).group(1)),
        "roadmap_stages_done": float(re.search(r"Выполнено этапов: (\d+)", roadmap).group(1)),
    }
    out["сайт: программы"] = {"programmes_running": float(
        re.search(r"Программы \((\d+)\)", (site / "programmy.html").read_text(encoding="utf-8-sig")).group(1))}
    return request.param, out


def test_the_same_figure_is_the_same_number_in_every_output(outputs):
    name, out = outputs
    mon = out["Мониторинг"]
    differ = []
    checked = 0
    for source, figures in out.items():
        if source == "Мониторинг":
            continue
        for figure, value in figures.items():
            key = figure.split(" ")[0]
            if key not in mon:
                continue
            checked += 1
            if value != mon[key]:
                differ.append(f"{figure}: «Мониторинг» {mon[key]:g}, {source} {value:g}")
    assert not differ, f"{name}: " + "; ".join(differ)
    assert checked >= 12
    if name == "второй год":
        assert "История" in out and len(out["История"]) >= 9


def test_the_second_year_history_counts_every_pair_active_in_the_first_year(tmp_path):
    """The first year's row: the pairs carried into year two were active in year one and count there too."""
    from nastavnik.report.history import compute_history
    from nastavnik.report.indicators import compute_indicators

    write_workbook(tmp_path / "год1.xlsx", *demo_data(TODAY))
    one = read_workbook(tmp_path / "год1.xlsx", today=TODAY)
    two = second_year(one, tmp_path / "год2.xlsx")
    first = next(r for r in compute_history(two, YEAR_TWO_DAY).rows if r.year == "2026/2027")
    # Year one's own book, reported for its academic year on the same date, says the same.
    own = {i.code: i.value for i in compute_indicators(one, dt.date(2026, 9, 1), dt.date(2027, 8, 31), YEAR_TWO_DAY)}
    assert (first.pairs, first.mentors, first.mentees) == (
        own["pairs_total"] + own["groups_total"], own["mentors_active"], own["mentees_active"]) == (8, 8, 10)
    assert first.programmes_done == own["programmes_completed"]
