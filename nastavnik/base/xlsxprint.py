"""A4 print setup shared by every xlsx the program writes (xlsxwriter and openpyxl alike).

People print these files: the council reads «Предложения пар» on paper, the director the monitoring
report. So every sheet says A4, its orientation, one page wide, the header row on every page and
«Страница N из M» in the footer. A sheet with charts also gets manual page breaks (``keep_together``):
without them a chart may be cut between two pages.
"""

from __future__ import annotations

A4 = 9  # the paper code both Excel and LibreOffice use
FOOTER = "&CСтраница &P из &N"
MARGINS_IN = {"left": 0.4, "right": 0.4, "top": 0.6, "bottom": 0.6}
_A4_PT = (595.0, 842.0)  # portrait width, height
_HEADER_FOOTER_PT = 36.0  # room the header and footer lines take inside the top and bottom margins
DEFAULT_ROW_PX = 20
DEFAULT_COL_PX = 64


def _header_text(left: str | None, right: str | None) -> str:
    def esc(text: str) -> str:
        return text.replace("&", "&&")[:120]

    parts = []
    if left:
        parts.append("&L" + esc(left))
    if right:
        parts.append("&R" + esc(right))
    return "".join(parts)


# ----------------------------------------------------------------------------------------------- xlsxwriter
def setup_xlsxwriter(ws, *, landscape: bool = True, repeat_rows: tuple[int, int] | int | None = 0,
                     header_left: str | None = None, header_right: str | None = None,
                     ) -> None:
    """A4, orientation, margins, footer with page numbers, header rows, one page wide."""
    ws.set_paper(A4)
    ws.set_landscape() if landscape else ws.set_portrait()
    ws.set_margins(**MARGINS_IN)
    ws.set_footer(FOOTER)
    header = _header_text(header_left, header_right)
    if header:
        ws.set_header(header)
    if repeat_rows is not None:
        first, last = (repeat_rows, repeat_rows) if isinstance(repeat_rows, int) else repeat_rows
        ws.repeat_rows(first, last)
    ws.fit_to_pages(1, 0)


def printable_pt(landscape: bool = True) -> tuple[float, float]:
    """Width and height of the printable area of an A4 page, in points at 100 %."""
    w, h = (_A4_PT[1], _A4_PT[0]) if landscape else _A4_PT
    width = w - 72 * (MARGINS_IN["left"] + MARGINS_IN["right"])
    height = h - 72 * (MARGINS_IN["top"] + MARGINS_IN["bottom"]) - 8
    return width, height


def columns_px(ws, first: int, last: int) -> int:
    """Width of columns first..last in pixels, as xlsxwriter will store them."""
    total = 0
    for col in range(first, last + 1):
        info = ws.col_info.get(col)
        total += DEFAULT_COL_PX if info is None or info.width is None else info.width
    return total


def row_px(ws, row: int) -> int:
    size = ws.row_sizes.get(row)
    return DEFAULT_ROW_PX if size is None or size[0] is None else size[0]


def scale_to_width(width_px: float, landscape: bool = True) -> float:
    """The smallest scale (%) a spreadsheet may choose to fit ``width_px`` of sheet on one page width.

    LibreOffice draws columns about 35 % wider than Excel's pixel widths (measured: a 1716 px sheet
    printed at 45 %), so the estimate is LibreOffice's; Excel then has more room on every page.
    """
    width_pt = width_px * 0.75 * 1.4
    page_w, _ = printable_pt(landscape)
    return max(10.0, min(100.0, page_w / max(width_pt, 1) * 100))


def keep_together(ws, last_row: int, blocks: list[tuple[int, int, float]], scale: float, *,
                  landscape: bool = True, repeated: int = 0) -> list[int]:
    """Manual page breaks at every page start, so that no block (first row, last row, least height px)
    is cut across two pages.

    The pages are laid out at the smallest scale ``scale_to_width`` expects; every break is made
    manual, so a program that prints larger (more rows to a page) never needs a break of its own
    between them and cannot cut a block. The repeated title rows take their room on every page.
    Used together with «fit to one page wide», which both Excel and LibreOffice honour with manual
    breaks when the page count in height is left free.
    """
    _, page_h = printable_pt(landscape)
    usable = page_h * 0.95 / (scale / 100) / 0.75  # in sheet pixels
    title = sum(row_px(ws, r) for r in range(repeated))
    starts = {b[0]: b for b in blocks}
    breaks: list[int] = []
    used = 0.0
    row = 0
    while row <= last_row:
        block = starts.get(row)
        if block is not None:
            first, last, least = block
            height = max(least, sum(row_px(ws, r) for r in range(first, last + 1)))
            step = last + 1
        else:
            height, step = row_px(ws, row), row + 1
        if used + height > usable and used > title:
            breaks.append(row)
            used = title
        used += height
        row = step
    ws.set_h_pagebreaks(breaks)
    return breaks


# ------------------------------------------------------------------------------------------------- openpyxl
def setup_openpyxl(ws, *, landscape: bool = True, title_rows: str | None = "1:1",
                   header_left: str | None = None, header_right: str | None = None) -> None:
    """The same setup for a sheet openpyxl writes (the marked-up copy of the curator's workbook)."""
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = MARGINS_IN["left"]
    ws.page_margins.top = ws.page_margins.bottom = MARGINS_IN["top"]
    ws.oddFooter.center.text = "Страница &[Page] из &[Pages]"
    if header_left:
        ws.oddHeader.left.text = header_left.replace("&", "&&")[:120]
    if header_right:
        ws.oddHeader.right.text = header_right.replace("&", "&&")[:120]
    if title_rows:
        ws.print_title_rows = title_rows
