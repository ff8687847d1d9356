"""The same questionnaire as a printable .docx, for those who answer on paper.

Built with python-docx from the same question list as the .xlsx form, so the
curator can type a paper answer into the .xlsx form question by question.
Options are printed as boxes (☐, ☒ where the workbook already knows the
answer); open answers get a line to write on.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from nastavnik.base.safeio import write_bytes
from nastavnik.workbook import schema as s

from .people import Target
from .questions import CONSENT, Question, consent_text, questionnaire
from .xlsx_form import form_questions, form_words, identity_lines, prefill_of

BOX, TICKED = "☐", "☒"
LINE = "_" * 30


def _shown(value, question: Question) -> str:
    if value is None or value == () or value == "":
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


def _answer_lines(question: Question, values: dict) -> list[str]:
    if question.key in s.SURVEY_QUESTIONS:  # the scale, to circle one mark
        lo, hi = s.SURVEY_SCALE
        return ["  ".join(f"{BOX}{n}" for n in range(lo, hi + 1))]
    if question.bank is not None and question.bank.scale:
        lo, hi = question.bank.scale
        return ["  ".join(f"{BOX}{n}" for n in range(lo, hi + 1))]
    if question.bank is not None and question.kind == s.TEXT:  # an open question: room to write
        return [LINE, LINE, LINE]
    if question.many:
        return [f"{TICKED if prefill_of(question, values, o) else BOX} {o}" for o in question.options]
    if question.options and len(question.options) <= 3:
        known = prefill_of(question, values)
        if question.kind == s.BOOL and known is not None:
            known = "да" if known else "нет"
        return ["   ".join(f"{TICKED if o == known else BOX} {o}" for o in question.options)]
    if question.options:  # a long list: one box a line
        known = prefill_of(question, values)
        return [f"{TICKED if o == known else BOX} {o}" for o in question.options]
    known = _shown(prefill_of(question, values), question)
    return [known or LINE]


def render_form(kind: str, target: Target | None, book=None, round_: str | None = None) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    spec = questionnaire(kind)
    values = target.values if target else {}
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading, purpose = form_words(kind, target, round_)
    run = title.add_run(heading)
    run.bold = True
    run.font.size = Pt(14)
    doc.add_paragraph(purpose + " Вопросы со звёздочкой (*) обязательны.")
    for line in identity_lines(kind, target):
        p = doc.add_paragraph()
        p.add_run(line).bold = True
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    widths = (Cm(1), Cm(7.5), Cm(8.5))
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width  # LibreOffice takes the grid's widths, Word the cells'
    number = 0
    for q in form_questions(kind, target, book, round_):
        if q.key == CONSENT:
            continue
        number += 1
        cells = table.add_row().cells
        for cell, width in zip(cells, widths):
            cell.width = width
        cells[0].text = str(number)
        cells[1].text = q.text + (" *" if q.required else "")
        if q.hint:
            hint = cells[1].add_paragraph().add_run(q.hint)
            hint.italic = True
            hint.font.size = Pt(10)
        lines = _answer_lines(q, values)
        cells[2].text = lines[0]
        for line in lines[1:]:
            cells[2].add_paragraph(line)
    if spec.consent:
        doc.add_paragraph()
        doc.add_paragraph(f"{BOX} {consent_text(target.sex if target else None)}.")
        note = doc.add_paragraph().add_run(s.CONSENT_NOTE)
        note.italic = True
        note.font.size = Pt(10)
    if spec.consent:  # a bank's questionnaire is signed; the survey has its own date question
        doc.add_paragraph()
        doc.add_paragraph("Дата заполнения ____________        Подпись ____________ / ______________________")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write_form_docx(path: str | os.PathLike, kind: str, target: Target | None, book=None,
                    round_: str | None = None) -> Path:
    return write_bytes(Path(path), render_form(kind, target, book, round_))
