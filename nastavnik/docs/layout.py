"""Building blocks of an official Russian order, drawn with python-docx.

The templates in ``doc_templates/`` are made from these blocks by
``scripts/make_doc_templates.py`` so that every template shares one layout
(ГОСТ Р 7.0.97-2025): A4, margins 30/15/20/20 mm, Times New Roman 14 pt,
first-line indent 1.25 cm, page numbers centred at the top from page two.
A curator may then reword any template in Word: only the ``{{ … }}`` tags
matter to the program. Each tag is written as one run so Word keeps it whole.
"""

from __future__ import annotations

import re

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
SIZE = 14
TABLE_SIZE = 12
J, C, L, R = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT

DATE = "{{ order.date }}"
NUMBER = "{{ order.no }}"


def _fonts(rpr_owner, size: int | None = None) -> None:
    font = rpr_owner.font
    font.name = FONT
    if size:
        font.size = Pt(size)
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def new_document(landscape: bool = False):
    """An empty A4 document with the house style and page numbers in the header."""
    doc = Document()
    normal = doc.styles["Normal"]
    _fonts(normal, SIZE)
    pf = normal.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "ru-RU")
    normal.element.get_or_add_rPr().append(lang)
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
        sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(20), Mm(15), Mm(30), Mm(20)
    else:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(30), Mm(15), Mm(20), Mm(20)
    sec.header_distance = Mm(10)
    sec.different_first_page_header_footer = True
    head = sec.header.paragraphs[0]
    head.alignment = C
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    fld.append(run)
    head._p.append(fld)
    return doc


def para(doc, text: str = "", align=J, indent: bool = True, bold: bool = False, size: int | None = None,
         before: int = 0, after: int = 0, keep: bool = False, italic: bool = False, left: float | None = None):
    """One paragraph with its text as one run (so a tag is never split)."""
    p = doc.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    if indent and align in (J, L):
        pf.first_line_indent = Cm(1.25)
    if left is not None:
        pf.left_indent = Cm(left)
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.keep_with_next = keep
    if text:
        run = p.add_run(keep_together(text))
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    return p


_REF = re.compile(r"(?<![А-Яа-яЁё])(п\.|ч\.|ст\.) (?=[\d{_])|(№) (?=\S)")


def keep_together(text: str) -> str:
    """«№ 152-ФЗ», «п. 7.1», «АЗ-1128/08/657» never split at a line end: no-break spaces and hyphens."""
    text = _REF.sub(lambda m: (m.group(1) or m.group(2)) + "\u00a0", text)
    return text.replace("-ФЗ", "\u2011ФЗ").replace("АЗ-1128", "АЗ\u20111128")


def tag(doc, text: str):
    """A paragraph holding only a ``{%p … %}`` tag: docxtpl replaces the whole paragraph."""
    return para(doc, text, align=L, indent=False)


def landscape_section(doc, landscape: bool = True) -> None:
    """Start a new page in landscape (wide tables: the plan, the pairs annex, the roadmap) or back in portrait.

    The page number header carries on (the section links to the previous one and has no first-page header).
    """
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    _tiny(doc.element.body.findall(qn("w:p"))[-1])
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_, short = Mm(297), Mm(210)
    sec.page_width, sec.page_height = (long_, short) if landscape else (short, long_)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(30), Mm(15), Mm(20), Mm(20)
    sec.different_first_page_header_footer = False


def _tiny(p) -> None:
    """The empty paragraph that closes a section one point high: when the section's text fills its last page, that
    paragraph would otherwise fall onto a page of its own and leave it blank."""
    ppr = p.get_or_add_pPr()
    spacing = OxmlElement("w:spacing")
    for attr, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
        spacing.set(qn(attr), value)
    ppr.append(spacing)
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    rpr.append(sz)
    ppr.append(rpr)


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _cell_text(cell, text: str, align=L, bold: bool = False, size: int | None = None) -> None:
    p = cell.paragraphs[0]
    p.alignment = align
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)


def two_columns(doc, left: str, right: str, widths=(9.0, 7.5), before: int = 0, keep: bool = False):
    """A borderless row: date left and number right, or position left and signature right."""
    if before:
        para(doc, "", indent=False, keep=keep)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    set_widths(table, list(widths))
    _cell_text(table.rows[0].cells[0], left, L)
    _cell_text(table.rows[0].cells[1], right, R)
    return table


def order_head(doc, title: str) -> None:
    """Organisation, ПРИКАЗ, date and number, place, title — the requisites of an order."""
    para(doc, "{{ org.full_name }}", align=C, indent=False, bold=True, size=12)
    para(doc, "ПРИКАЗ", align=C, indent=False, bold=True, size=16, before=18, after=12)
    two_columns(doc, DATE, f"№ {NUMBER}")
    para(doc, "{{ org.city }}", align=C, indent=False, size=12, before=6, after=18)
    para(doc, title, align=C, indent=False, bold=True, after=18)


BASIS = ("В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», "
         "статьёй 351.8 Трудового кодекса Российской Федерации, письмом Министерства просвещения Российской "
         "Федерации и Общероссийского Профсоюза образования от 21.12.2021 № АЗ-1128/08/657 «О направлении "
         "методических рекомендаций по разработке и внедрению системы (целевой модели) наставничества "
         "педагогических работников в образовательных организациях»{{ superior }}")


def basis(doc, text: str) -> None:
    para(doc, text)
    para(doc, "ПРИКАЗЫВАЮ:", align=L, indent=False, before=12, after=6)


def points(doc, items: list[str]) -> None:
    """The operative items; the last one («Контроль …») keeps with the signature, which never stands alone, and a
    lead-in («3. Выплатить премию:», «2. Куратору …:») keeps with its first sub-item on the same page."""
    for i, item in enumerate(items):
        if item.startswith("{%p"):
            tag(doc, item)
        else:
            lead_in = item.rstrip().endswith(":") or items[i + 1:i + 2] and items[i + 1].startswith("{%p for")
            para(doc, item, keep=item.endswith(CONTROL) or bool(lead_in))


CONTROL = "Контроль за исполнением настоящего приказа оставляю за собой."


def signature(doc, executor: bool = False) -> None:
    """The head's position and name. Nothing follows it on the page: an empty paragraph after it spilled onto a
    page of its own when the order filled page 1, and the annex's break then left that page blank.

    ``executor``: the «отметка об исполнителе» (ГОСТ Р 7.0.97-2016, п. 5.26) — the curator's full name, her phone
    and e-mail, small, at the left under the signature — in the signature's own row, which never splits: the
    mark cannot fall onto a page of its own. Left out whole when the book has neither phone nor e-mail of the
    curator; the contact line holds what there is."""
    para(doc, "", indent=False, keep=True)
    table = two_columns(doc, "{{ org.director_position }}", "{{ org.director_short }}", before=1, keep=True)
    if executor:
        cell = table.rows[0].cells[0]
        for text, size, before in (("{%p if executor.show %}", None, 0), ("{{ executor.fio }}", 10, 36),
                                   ("{%p if executor.contact %}", None, 0), ("{{ executor.contact }}", 10, 0),
                                   ("{%p endif %}", None, 0), ("{%p endif %}", None, 0)):
            p = cell.add_paragraph()
            p.paragraph_format.space_before = Pt(before)
            run = p.add_run(text)
            if size:
                run.font.size = Pt(size)
        keep_row(table.rows[0])


def _new_page(p) -> None:
    """The paragraph starts a page («page break before»): no paragraph of its own that could fall on a page alone."""
    p.paragraph_format.page_break_before = True


def annex_mark(doc, n: int, title: str = "", landscape: bool | None = None) -> None:
    """«Приложение № N к приказу от ДД.ММ.ГГГГ № …» at the top right of a new page.

    ``landscape`` True/False starts a new section in that orientation (a wide table's annex); None a page break.
    """
    if landscape is not None:
        landscape_section(doc, landscape)
    left = 18.0 if landscape else 9.5
    first = para(doc, f"Приложение № {n}", align=L, indent=False, left=left, size=12)
    if landscape is None:
        _new_page(first)
    para(doc, f"к приказу от {DATE} № {NUMBER}", align=L, indent=False, left=left, size=12, after=18)
    if title:
        para(doc, title, align=C, indent=False, bold=True, after=12)


def grid(doc, headers: list[str], cells: list[str], loop: str, widths: list[float] | None = None,
         size: int = TABLE_SIZE, total: list[str] | None = None):
    """A bordered table: a header row, then one row per item of ``loop`` (``{%tr for … %}``)."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, h in zip(table.rows[0].cells, headers):
        _cell_text(cell, h, C, bold=True, size=size)
    _cell_text(table.rows[1].cells[0], "{%tr " + loop + " %}", size=size)
    for cell, text in zip(table.rows[2].cells, cells):
        _cell_text(cell, text, L, size=size)
    _cell_text(table.rows[3].cells[0], "{%tr endfor %}", size=size)
    for row in (table.rows[1], table.rows[3]):
        row.cells[0].merge(row.cells[-1]) if len(headers) > 1 else None
    if widths:
        set_widths(table, widths)
    _repeat_header(table.rows[0])
    keep_row(table.rows[2])
    return table


def keep_row(row) -> None:
    """A row is never split across two pages: a stage or an activity reads as a whole."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def set_widths(table, widths: list[float]) -> None:
    """Column widths in cm, written both to the grid (LibreOffice reads it) and to every cell (Word does)."""
    table.autofit = False
    grid_el = table._tbl.tblGrid
    for col, w in zip(grid_el.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        col = 0
        for cell in row._tr.tc_lst:
            span = cell.grid_span
            w = sum(widths[col:col + span])
            col += span
            tc_pr = cell.get_or_add_tcPr()
            tc_w = tc_pr.find(qn("w:tcW"))
            if tc_w is None:
                tc_w = OxmlElement("w:tcW")
                tc_pr.insert(0, tc_w)
            tc_w.set(qn("w:w"), str(int(Cm(w).twips)))
            tc_w.set(qn("w:type"), "dxa")


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def acquaintance(doc, title_text: str, people: str = "acquainted", portrait: bool = False) -> None:
    """Лист ознакомления: ФИО, должность, подпись, дата for everyone the order names.

    ``portrait`` after a landscape annex: the sheet starts a portrait section of its own."""
    if portrait:
        landscape_section(doc, False)
    first = para(doc, "ЛИСТ ОЗНАКОМЛЕНИЯ", align=C, indent=False, bold=True)
    if not portrait:
        _new_page(first)
    para(doc, f"с приказом от {DATE} № {NUMBER}", align=C, indent=False)
    para(doc, title_text, align=C, indent=False, after=12)
    grid(doc, ["№", "Фамилия, имя, отчество", "Должность", "Подпись", "Дата"],
         ["{{ loop.index }}", "{{ p.fio }}", "{{ p.position }}", "", ""], f"for p in {people}",
         widths=[1.0, 5.0, 5.5, 2.5, 2.5])


def save(doc, target) -> None:
    doc.save(target)
