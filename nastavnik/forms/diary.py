"""The mentor's diary: the programme's plan out to the mentor, what was done back into «План мероприятий».

``nastavnik forms --kind дневник`` writes, for each running pair or group, an
.xlsx with its programme's plan: each activity with its planned date (locked)
and cells for the mentor — the mark («выполнено», «перенесено», «не
выполнено»), the actual date, the new date of a moved activity, the result, a
note — and empty rows for activities held outside the plan. Hidden columns
keep the plan row each line came from and what the diary showed, so that
``collect`` finds the row again and tells the mentor's news from the curator's
own later edit, exactly as for questionnaires: the curator's value is kept
and reported as a conflict unless ``--update``. The hidden «Служебное» sheet
binds the diary to its pair, programme, issue date, organisation and year
with the questionnaires' check value: a diary edited to claim another pair is
a conflict and writes nothing. Reading back and merging: ``diary_merge``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.safeio import atomic_path, safe_filename
from nastavnik.workbook import vocab as v

from .people import Target, plain, row_values
from .xlsx_form import _lists, _service

KIND = "дневник"
FOLDER = "Дневники наставников"
PREFIX = "Дневник "  # each diary's file name begins so (``collect`` tells a diary's print copy by it)
DIARY_SHEET = "Дневник"
EXTRA_ROWS = 8
MARKS = (v.ACT_DONE, v.ACT_MOVED, v.ACT_FAILED)  # the plan's own words for what the mentor reports
# Columns of the diary, 0-based. A–E show the plan (locked), F–J are the mentor's, K–P are hidden.
HEADER = ("№", "Мероприятие", "Направление", "Форма", "Плановый срок", "Отметка", "Фактическая дата",
          "Перенесено на", "Результат", "Примечание")
C_ACT, C_DIR, C_FORM, C_PLANNED, C_MARK, C_ACTUAL, C_MOVED, C_RESULT, C_NOTE = range(1, 10)
C_KEY, C_SNAP_ACT, C_SNAP_PLANNED, C_SNAP_STATUS, C_SNAP_ACTUAL, C_SNAP_RESULT = range(10, 16)
EXTRA_KEY = "вне плана"
NOTE_PREFIX = "Примечание наставника: "


@dataclass
class DiaryTarget:
    pair: str
    programme: str
    title: str | None
    mentor: str | None
    fio: str | None
    rows: list = field(default_factory=list)  # plan rows as plain dicts, in the sheet's order


def targets(book) -> list[DiaryTarget]:
    """One diary per programme of each pair or group «реализуется»."""
    pairs, progs = book.tables.get("pairs"), book.tables.get("programmes")
    if pairs is None or progs is None or pairs.empty or progs.empty or not (
            {"code", "status", "mentor"} <= set(pairs.columns) and {"code", "pair"} <= set(progs.columns)):
        return []  # a missing column is the reader's problem to name, not a traceback here
    running = pairs[pairs["status"] == v.PAIR_RUNNING].drop_duplicates("code")
    mentors = book.tables.get("mentors")
    fio_of = {} if mentors is None else {c: f for c, f in zip(mentors["code"], mentors["fio"]) if c}
    plan = book.tables.get("plan")
    out = []
    for pi in progs.index:
        prog = row_values(progs, pi)
        pair = running[running["code"] == prog.get("pair")]
        if pair.empty or not prog.get("code"):
            continue
        mentor = plain(pair.iloc[0]["mentor"])
        rows = [] if plan is None or plan.empty or "programme" not in plan.columns else [
            row_values(plan, i) for i in plan.index[plan["programme"] == prog["code"]]]
        out.append(DiaryTarget(prog["pair"], prog["code"], prog.get("title"), mentor, fio_of.get(mentor), rows))
    return out


def _mark_of(status) -> str | None:
    return status if status in MARKS else None


def _fmt(wb):
    base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
    mine = {**base, "locked": False, "bg_color": "#FFF2CC"}
    return {
        "title": wb.add_format({"bold": True, "font_size": 14, "text_wrap": True, "valign": "top"}),
        "text": wb.add_format({"text_wrap": True, "valign": "top"}),
        "info": wb.add_format({"bold": True, "valign": "top"}),
        "header": wb.add_format({**base, "bold": True, "bg_color": "#DDEBF7"}),
        "plan": wb.add_format({**base, "bg_color": "#F2F2F2"}),
        "plan_date": wb.add_format({**base, "bg_color": "#F2F2F2", "num_format": "DD.MM.YYYY", "align": "left"}),
        "mine": wb.add_format(mine),
        "mine_text": wb.add_format({**mine, "num_format": "@"}),
        "mine_date": wb.add_format({**mine, "num_format": "DD.MM.YYYY", "align": "left"}),
        "section": wb.add_format({"bold": True, "valign": "top", "text_wrap": True}),
    }


def _day(value):
    value = plain(value)
    return dt.datetime(value.year, value.month, value.day) if isinstance(value, dt.date) else None


def _list_rule(lists: dict, values, title: str) -> dict:
    name = lists.get(tuple(values))
    return {"validate": "list", "source": f"={name}" if name else list(values), "error_type": "stop",
            "error_title": title, "error_message": "Выберите значение из выпадающего списка."}


DATE_RULE = {"validate": "date", "criteria": "between", "minimum": dt.date(2000, 1, 1),
             "maximum": dt.date(2100, 1, 1), "error_type": "warning", "error_title": "Нужна дата",
             "error_message": "Дата в виде ДД.ММ.ГГГГ, например 01.12.2026."}


def write_diary(path: str | os.PathLike, target: DiaryTarget, issued: dt.date, org: str | None, book,
                year: str | None) -> Path:
    """Write one mentor's diary for one programme."""
    import xlsxwriter

    from nastavnik.workbook import schema as s
    from nastavnik.workbook.template import FIXED_CREATED, _cell_text

    path = Path(path)
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        wb.set_properties({"created": FIXED_CREATED, "title": "Дневник наставника", "comments": s.TEMPLATE_VERSION})
        f = _fmt(wb)
        ws = wb.add_worksheet(DIARY_SHEET)
        lists = _lists(wb, book)
        own = getattr(book, "lists", None) or {}
        for col, width in enumerate((4, 40, 24, 16, 12, 14, 12, 12, 30, 24)):
            ws.set_column(col, col, width)
        ws.set_column(C_KEY, C_SNAP_RESULT, 10, None, {"hidden": True})
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        title = f"Дневник наставника: программа {target.programme}" + (
            f" «{target.title}»" if target.title else "")
        ws.merge_range(0, 0, 0, C_NOTE, title, f["title"])
        ws.set_row(0, 22)
        intro = ("Отмечайте в жёлтых ячейках, что сделано: «Отметка» — выполнено, перенесено или не выполнено; "
                 "для выполненного — фактическая дата, для перенесённого — новый срок; результат (продукт "
                 "мероприятия) и примечание — по желанию. Мероприятия, проведённые вне плана, впишите в пустые "
                 "строки внизу. Сохраните файл и отправьте его куратору: он перенесёт отметки в план программы.")
        ws.merge_range(1, 0, 1, C_NOTE, intro, f["text"])
        ws.set_row(1, 48)
        who = f"Наставник: {target.fio or target.mentor or '—'}"
        ws.merge_range(2, 0, 2, C_NOTE, f"{who}; пара (группа) {target.pair}", f["info"])
        r = 4
        for j, text in enumerate(HEADER):
            ws.write_string(r, j, text, f["header"])
        ws.set_row(r, 32)
        ws.repeat_rows(r)
        mark_rule = _list_rule(lists, MARKS, "Отметка не из списка")
        r += 1
        for n, row in enumerate(target.rows, start=1):
            ws.write_number(r, 0, n, f["plan"])
            ws.write_string(r, C_ACT, _cell_text(row.get("activity")) or "", f["plan"])
            ws.write_string(r, C_DIR, _cell_text(row.get("direction")) or "", f["plan"])
            ws.write_string(r, C_FORM, _cell_text(row.get("form")) or "", f["plan"])
            planned = _day(row.get("planned_date"))
            if planned:
                ws.write_datetime(r, C_PLANNED, planned, f["plan_date"])
            else:
                ws.write_blank(r, C_PLANNED, None, f["plan_date"])
            mark = _mark_of(row.get("status"))
            ws.write(r, C_MARK, mark, f["mine"]) if mark else ws.write_blank(r, C_MARK, None, f["mine"])
            actual = _day(row.get("actual_date"))
            if actual:
                ws.write_datetime(r, C_ACTUAL, actual, f["mine_date"])
            else:
                ws.write_blank(r, C_ACTUAL, None, f["mine_date"])
            ws.write_blank(r, C_MOVED, None, f["mine_date"])
            result = _cell_text(row.get("result"))
            ws.write_string(r, C_RESULT, result, f["mine_text"]) if result else ws.write_blank(
                r, C_RESULT, None, f["mine_text"])
            ws.write_blank(r, C_NOTE, None, f["mine_text"])
            ws.data_validation(r, C_MARK, r, C_MARK, mark_rule)
            ws.data_validation(r, C_ACTUAL, r, C_MOVED, DATE_RULE)
            ws.write_string(r, C_KEY, str(row.get("_row")))
            ws.write_string(r, C_SNAP_ACT, _cell_text(row.get("activity")) or "")
            ws.write_string(r, C_SNAP_PLANNED, f"{planned:%d.%m.%Y}" if planned else "")
            ws.write_string(r, C_SNAP_STATUS, _cell_text(row.get("status")) or "")
            ws.write_string(r, C_SNAP_ACTUAL, f"{actual:%d.%m.%Y}" if actual else "")
            ws.write_string(r, C_SNAP_RESULT, result or "")
            ws.set_row(r, 15 * max(-(-len(row.get("activity") or "") // 38), -(-len(result or "") // 28),
                                   -(-len(row.get("direction") or "") // 17), 1) + 3)
            r += 1
        r += 1
        ws.merge_range(r, 0, r, C_NOTE, "Мероприятия вне плана (если проводились): название, направление, форма, "
                       "дата проведения и результат.", f["section"])
        r += 1
        for j, text in enumerate(HEADER):
            if j not in (C_PLANNED, C_MARK, C_MOVED):
                ws.write_string(r, j, text, f["header"])
            else:
                ws.write_blank(r, j, None, f["header"])
        ws.set_row(r, 32)
        r += 1
        dir_rule = _list_rule(lists, own.get("direction") or list(v.DIRECTIONS.values()), "Направление не из списка")
        form_rule = _list_rule(lists, own.get("activity_form") or v.ACTIVITY_FORMS, "Форма не из списка")
        for n in range(EXTRA_ROWS):
            ws.write_number(r, 0, len(target.rows) + n + 1, f["plan"])
            for col in (C_ACT, C_DIR, C_FORM, C_RESULT, C_NOTE):
                ws.write_blank(r, col, None, f["mine_text"])
            ws.write_blank(r, C_ACTUAL, None, f["mine_date"])
            for col in (C_PLANNED, C_MARK, C_MOVED):
                ws.write_blank(r, col, None, f["plan"])
            ws.data_validation(r, C_DIR, r, C_DIR, dir_rule)
            ws.data_validation(r, C_FORM, r, C_FORM, form_rule)
            ws.data_validation(r, C_ACTUAL, r, C_ACTUAL, DATE_RULE)
            ws.write_string(r, C_KEY, EXTRA_KEY)
            ws.set_row(r, 30)
            r += 1
        ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
        ws.activate()
        _service(wb, KIND, Target(target.pair, None, None, programme=target.programme, role=v.ROLE_MENTOR),
                 issued, org, year)
        wb.close()
    return path


def write_diary_docx(path: str | os.PathLike, target: DiaryTarget) -> Path:
    """The same diary on paper (A4 landscape): the plan, boxes to tick, room to write; the curator types it in."""
    import io

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    from nastavnik.base.safeio import write_bytes

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    title = f"Дневник наставника: программа {target.programme}" + (f" «{target.title}»" if target.title else "")
    doc.add_paragraph().add_run(title).bold = True
    doc.add_paragraph(f"Наставник: {target.fio or target.mentor or '—'}; пара (группа) {target.pair}")
    doc.add_paragraph("Отметьте, что сделано, укажите дату проведения (для перенесённого — новый срок) и результат. "
                      "Куратор перенесёт отметки в дневник .xlsx и в план программы.")
    head = ("№", "Мероприятие", "Плановый срок", "Отметка", "Дата проведения / новый срок", "Результат, примечание")
    widths = (Cm(1), Cm(8), Cm(2.6), Cm(4.2), Cm(3.4), Cm(7.5))
    rows = target.rows + [None] * (EXTRA_ROWS // 2)
    table = doc.add_table(rows=1 + len(rows), cols=len(head))
    table.style = "Table Grid"
    for j, text in enumerate(head):
        table.cell(0, j).text = text
        table.cell(0, j).paragraphs[0].runs[0].bold = True
    table.autofit = False
    for i, row in enumerate(rows, start=1):
        row = row or {}
        planned, actual = plain(row.get("planned_date")), plain(row.get("actual_date"))
        boxes = "\n".join(f"{'☒' if row.get('status') == m else '☐'} {m}" for m in MARKS) if row else "☐ выполнено"
        values = (str(i), row.get("activity") or ("вне плана: " if not row else ""),
                  f"{planned:%d.%m.%Y}" if isinstance(planned, dt.date) else "", boxes,
                  f"{actual:%d.%m.%Y}" if isinstance(actual, dt.date) else "", str(plain(row.get("result")) or ""))
        for j, text in enumerate(values):
            table.cell(i, j).text = text
        if not row:
            table.rows[i].height = Cm(1.2)
    for j, width in enumerate(widths):
        table.columns[j].width = width
        for cell in table.columns[j].cells:
            cell.width = width
    buf = io.BytesIO()
    doc.save(buf)
    return write_bytes(path, buf.getvalue())


def diary_name(t: DiaryTarget) -> str:
    return safe_filename(f"{PREFIX}{t.programme} {t.pair} {t.fio or t.mentor or ''}".strip()) + ".xlsx"


def make_diaries(book, folder: Path, today: dt.date, org: str | None, year: str | None,
                 mentor: str | None = None, printed: bool = False) -> list[Path]:
    """The diaries of every running programme (of one mentor's only, when ``mentor`` is given).

    With ``printed``, each .xlsx is followed by the same diary as .docx for print."""
    out = []
    for t in targets(book):
        if mentor is None or t.mentor == mentor:
            out.append(write_diary(folder / diary_name(t), t, today, org, book, year))
            if printed:
                out.append(write_diary_docx(out[-1].with_suffix(".docx"), t))
    return out
