"""Every xlsx the program writes prints on A4 as it is and shows people no internal codes (issue points 7, 8).

The five files: the workbook template, the marked-up copy of a workbook with errors, «Мониторинг»,
«Предложения пар» and the district roll-up. Page setup is read back with openpyxl; then LibreOffice
prints each to PDF, and the pages are counted and read (pdftotext) the way a person would look at
them. Set NASTAVNIK_SCREENSHOTS=DIR to keep a PNG of the first page of each.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from nastavnik.checks import annotate, check_book
from nastavnik.match import match_book
from nastavnik.match.output import write_match_xlsx
from nastavnik.report import report_for_book, report_meta, write_report_xlsx
from nastavnik.report.consolidate import consolidate, write_rollup_xlsx
from nastavnik.report.xlsx import FIGURES, NUMBERS
from nastavnik.workbook.schema import INSTRUCTION_TITLE
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .lo import convert, needs_soffice

NAMES = ("template", "annotated", "monitoring", "match", "rollup")


@pytest.fixture(scope="module")
def files(demo_book, demo_path, demo_parts, tmp_path_factory) -> dict[str, Path]:
    """name -> each xlsx the tool writes, made from the demo."""
    out = tmp_path_factory.mktemp("xlsx")
    org, tables = demo_parts
    made = {"template": write_workbook(out / "template.xlsx", org, tables)}
    broken = out / "broken.xlsx"
    write_workbook(broken, {**org, "short_name": None}, tables)
    from nastavnik.workbook.reader import read_workbook

    book = read_workbook(broken, today=TODAY)
    made["annotated"] = annotate(book, check_book(book, TODAY), out / "annotated.xlsx")
    period, indicators, statform = report_for_book(demo_book, TODAY)
    made["monitoring"] = write_report_xlsx(indicators, statform, out / "monitoring.xlsx",
                                           report_meta(demo_book, period, TODAY))
    made["match"] = write_match_xlsx(match_book(demo_book, TODAY), out / "match.xlsx", org=org["short_name"])
    made["rollup"] = write_rollup_xlsx(consolidate([demo_path], TODAY), out / "rollup.xlsx", TODAY)
    return made


def _sheets(path: Path):
    import openpyxl

    return openpyxl.load_workbook(path).worksheets


@pytest.mark.parametrize("name", NAMES)
def test_every_sheet_is_set_up_for_a4_one_page_wide_with_page_numbers(files, name):
    for ws in _sheets(files[name]):
        setup = ws.page_setup
        where = f"{name}: {ws.title}"
        assert int(setup.paperSize) == 9, where
        assert setup.orientation in ("landscape", "portrait"), where
        if name == "rollup" and ws.title in ("Свод", "Форма региона", "Форма региона — ссылки"):
            # The district's data sheet: two dozen columns, one page wide they printed at 4 pt (15.7). It prints
            # at a fixed legible scale across pages, its first columns repeated; the sheets after it are the
            # printed view (one indicator group to a page, one page wide).
            assert int(setup.scale) >= 80 and ws.print_title_cols == "$A:$B", where
        else:
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where
            # 1 wide is the default and may be left out of the file; 0 tall means «as many as needed».
            assert (int(setup.fitToWidth or 1), int(setup.fitToHeight or 0)) == (1, 0), where
        assert "Страница" in (ws.oddFooter.center.text or "") and "&P" in ws.oddFooter.center.text.replace(
            "&[Page]", "&P"), where


@pytest.mark.parametrize("name", NAMES)
def test_every_table_repeats_its_header_rows_on_each_page(files, name):
    for ws in _sheets(files[name]):
        if ws.title == INSTRUCTION_TITLE:
            continue  # a text, not a table
        assert ws.print_title_rows, f"{name}: {ws.title}"


@pytest.mark.parametrize("name", ("annotated", "monitoring", "match", "rollup"))
def test_the_first_row_has_a_title(files, name):
    for ws in _sheets(files[name]):
        if ws.title == INSTRUCTION_TITLE or name == "annotated" and ws.title != "Проверка":
            continue  # the copy's other sheets are the curator's own, with her header row
        # the district summary's data sheet titles its first page's own columns (A and B repeat on every page);
        # the region's form sheets start with their headings, the title is every page's header
        if name == "rollup" and ws.title.startswith("Форма региона"):
            assert len(ws.oddHeader.left.text or "") > 15 and ws["A1"].value == "№", f"{name}: {ws.title}"
            continue
        first = next((c.value for c in ws[1] if isinstance(c.value, str)), None)
        assert first and len(first) > 15 and (ws["A1"].value == first or ws.title == "Свод"), f"{name}: {ws.title}"


def test_template_sheets_carry_title_and_organisation_in_the_page_header(files, demo_parts):
    org, _ = demo_parts
    for ws in _sheets(files["template"]):
        assert ws.title in (ws.oddHeader.right.text or ""), ws.title
        if ws.title not in (INSTRUCTION_TITLE, "Справочники"):
            assert org["short_name"] in (ws.oddHeader.left.text or ""), ws.title


def test_monitoring_shows_numbers_and_russian_names_not_codes(files):
    from nastavnik.report.registry import SPECS

    codes = {s.code for s in SPECS}
    shown = [c.value for ws in _sheets(files["monitoring"]) for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert not codes & set(shown)
    assert not [x for x in shown if re.search(r"\b[a-z]+_[a-z_]+\b", x)]
    assert not [x for x in shown if "--" in x]  # notes speak of the workbook, not of command-line flags
    summary = _sheets(files["monitoring"])[0]
    numbers = [r[0] for r in summary.iter_rows(min_row=6, values_only=True) if r[0] in NUMBERS.values()]
    assert NUMBERS["mentors_bank"] == "1.1" and "1.1" in numbers and len(numbers) >= 10


def test_match_places_are_whole_numbers(files):
    ws = next(w for w in _sheets(files["match"]) if w.title == "Кандидаты")
    head = [c.value for c in ws[2]]
    col = head.index("Место") + 1
    cells = [ws.cell(row=r, column=col) for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=col).value]
    assert cells and all(isinstance(c.value, int) and c.number_format == "0" for c in cells)


# --------------------------------------------------------------------------------------- printed by LibreOffice
@pytest.fixture(scope="module")
def printed(files, tmp_path_factory) -> dict[str, list[str]]:
    """name -> text of each printed page."""
    if shutil.which("pdftotext") is None:
        pytest.skip("нет pdftotext (poppler-utils)")
    out = tmp_path_factory.mktemp("pdf")
    pdfs = convert([files[n] for n in NAMES], "pdf", out, tmp_path_factory.mktemp("lo"))
    pages = {}
    for name, pdf in zip(NAMES, pdfs):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        pages[name] = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
        shots = os.environ.get("NASTAVNIK_SCREENSHOTS")
        if shots and shutil.which("pdftoppm"):
            Path(shots).mkdir(parents=True, exist_ok=True)
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf),
                            str(Path(shots) / f"xlsx-{name}")], check=True)
    return pages


# One page wide: at most this many pages per file (the demo); before the fix the template printed 60 pages.
# The template and the annotated copy grew by seven sheets (the normative base, six archive sheets), one
# header page each while empty; the «Инструкция» grew by a page with the organisation type and its lists.
# +1 each: «Педагогический состав» in the template, «Для региона» in the monitoring report.
# Template 1.3–1.6 added seven sheets (the roadmap's and the organisation's archives, «Поощрение», «Обучение
# наставников» and their archives, «Педагогический состав»): a page or so each, not a sheet printed too wide.
MAX_PAGES = {"template": 40, "annotated": 41, "monitoring": 15, "match": 6, "rollup": 2}  # 1.7: the question bank, its answers and their archive


@needs_soffice
@pytest.mark.parametrize("name", NAMES)
def test_printed_pages_are_few_numbered_and_none_is_blank(printed, name):
    pages = printed[name]
    # The roll-up of one file (15.7): «Свод» at 85 % across five pages, five group sheets, the chart, the problems.
    # +5: the region's form for each organisation (the federal form's 21 lines: four pages across at 85 %) and its
    # links
    limit = 17 if name == "rollup" else MAX_PAGES[name]
    assert 1 <= len(pages) <= limit, len(pages)
    for n, page in enumerate(pages, start=1):
        assert f"Страница {n} из {len(pages)}" in page, (name, n)
        body = page.replace(f"Страница {n} из {len(pages)}", "").split()
        # More than a header line: no blank page. An archive sheet that is still empty (a first-year book) prints
        # its title and its few column headers once — a page that says the archive is empty, not a blank one.
        empty_archive = body[:1] == ["Архив"] and len(body) >= 4
        assert len(body) > 8 or empty_archive, (name, n)


@needs_soffice
def test_no_chart_is_cut_across_two_pages(printed):
    """Each chart's title is printed twice (the table's heading and the chart's own title) on one page."""
    pages = [re.sub(r"\s+", " ", p) for p in printed["monitoring"]]
    for _, title, *_ in FIGURES:
        on = [i for i, p in enumerate(pages) if title in p]
        assert on, title
        assert any(pages[i].count(title) >= 2 for i in on), (title, on)
