"""The district summary's title on every printed page (issue 27, п. 11): a title typed in a cell was cut at the
repeated columns' edge on each page after the first (pdftotext still reads clipped text, so the test reads the
print setup); it is the page header now, and the repeated rows are the column headings only."""

from __future__ import annotations

import openpyxl

from nastavnik.report.consolidate import consolidate, write_rollup_xlsx
from nastavnik.workbook.samples.demos import DEMOS, write_demo

from .conftest import TODAY

TITLE = "Свод показателей наставничества педагогических работников по организациям"


def test_the_summarys_title_is_the_header_of_every_printed_page(tmp_path):
    books = tmp_path / "книги"
    books.mkdir()
    for d in DEMOS:
        write_demo(books / f"{d.key}.xlsx", d.key, TODAY)
    xlsx = write_rollup_xlsx(consolidate(sorted(books.glob("*.xlsx")), TODAY), tmp_path / "свод.xlsx", TODAY)
    ws = openpyxl.load_workbook(xlsx)["Свод"]
    assert TITLE in (ws.oddHeader.left.text or "")
    assert ws.print_title_rows == "$4:$4"  # the headings repeat; the title row (cut after page 1) does not
    assert ws["C1"].value == TITLE  # on screen, within the first page's own columns
