"""``--apply``: the proposal written as pairs «проект» into a COPY of the workbook.

The curator's workbook is never modified; the copy goes into the output
folder, so the council can look at the pairs in the familiar sheet, and the
curator can replace the original with it deliberately. Each proposed pair gets
the next pair code, the mentee's preferred kind (or «традиционное
«один-на-один»»), the form its participants make (п. 2.3: «руководитель ОО – педагог» for the head's own
pair, «работодатель – студент» for students, otherwise «педагог – педагог»), today as the start and nine
months as the planned term (the regulation allows from 3 months to a year);
the mentee's status becomes «в паре». A group of the proposal is one code with
a row per member and the kind «в группе», as the pairs sheet defines a group.
Text cells are written as text, so a
value beginning with «=» can never become a formula.

A proposal that replaces the mentor of a running pair (the early fit check, ``replaces``) is not written: the
mentee is still in that pair until the change order, and a second pair would make her a member of two. The
replacement is made by the order the documents draft; then the curator puts the new mentor and «замена
наставника» into the pair's own row.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from nastavnik.base.problems import NastavnikError
from nastavnik.base.safeio import atomic_path, safe_filename
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.parse import header_key

TERM_MONTHS = 9
_CODE = re.compile(r"^(.*?)(\d+)$")


def add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    for day in (d.day, 31, 30, 29, 28):
        if day <= d.day:
            try:
                return dt.date(y, m, day)
            except ValueError:
                continue
    raise ValueError(d)


def planned_end(start: dt.date) -> dt.date:
    return add_months(start, TERM_MONTHS) - dt.timedelta(days=1)


def next_codes(existing, count: int) -> list[str]:
    """Pair codes continuing the workbook's numbering: after ПР-009 come ПР-010, ПР-011…"""
    best = ("ПР-", 0, 3)
    for code in existing:
        m = _CODE.match(code or "")
        if m and int(m.group(2)) >= best[1]:
            best = (m.group(1), int(m.group(2)), len(m.group(2)))
    prefix, last, width = best
    return [f"{prefix}{n:0{width}d}" for n in range(last + 1, last + 1 + count)]


def new_pairs(result) -> list[dict]:
    """The proposal's new pairs: all but the replacements of a running pair's mentor (written by an order)."""
    return [p for p in result.proposal if not p.get("replaces")]


def new_pair_rows(book, result, today: dt.date) -> list[dict]:
    """The «Пары и группы» rows of the proposal, keyed by schema keys."""
    pairs = book.tables["pairs"]
    proposal = new_pairs(result)
    units = [("g", p["group"]) if p.get("group") else ("p", n) for n, p in enumerate(proposal)]
    order = list(dict.fromkeys(units))  # a group takes the code of its first member
    codes = dict(zip(order, next_codes(list(pairs["code"].dropna()), len(order))))
    end = planned_end(today)
    form = _forms(book, units, proposal)
    rows = []
    for unit, p in zip(units, proposal):
        if p.get("group"):
            kind, what = v.KIND_GROUP, f"группа из {sum(1 for u in units if u == unit)}"
        else:
            kind = p.get("kind") if p.get("kind") in v.KINDS and p.get("kind") != v.KIND_GROUP else v.KIND_ONE_TO_ONE
            what = "пара"
        rows.append({"code": codes[unit], "mentor": p["mentor"], "mentee": p["mentee"], "form": form[unit],
                     "kind": kind, "start": today, "planned_end": end, "status": v.PAIR_DRAFT,
                     "note": f"предложено nastavnik match {today:%d.%m.%Y} ({what}), оценка {p['score']}"})
    rows.sort(key=lambda r: r["code"])  # the rows of a group stand together
    return rows


def _forms(book, units, proposal) -> dict:
    """Each unit's form of mentoring follows its participants (п. 2.3): the head's own pair is «руководитель ОО –
    педагог», a student's «работодатель – студент» (``orgtypes.pair_form``)."""
    def by_code(sheet, *cols):
        frame = book.tables.get(sheet)
        if frame is None or not all(c in frame for c in ("code", *cols)):
            return {}
        return frame.dropna(subset=["code"]).drop_duplicates("code").set_index("code")[list(cols)].to_dict("index")

    mentors, mentees = by_code("mentors", "position", "fio"), by_code("mentees", "category")
    members: dict = {}
    for unit, p in zip(units, proposal):
        members.setdefault(unit, (p["mentor"], []))[1].append(mentees.get(p["mentee"], {}).get("category"))
    director = (getattr(book, "org", None) or {}).get("director_fio")
    return {unit: ot.pair_form(mentors.get(mentor, {}).get("position"), mentors.get(mentor, {}).get("fio"), cats,
                               director) for unit, (mentor, cats) in members.items()}


def _header_row(ws, title: str, column: int) -> int:
    for r in range(1, 11):
        if header_key(ws.cell(r, column).value) == header_key(title):
            return r
    return 1


def _put(cell, value, kind: str) -> None:
    if value is None:
        return
    if kind == s.DATE:
        cell.value = dt.datetime(value.year, value.month, value.day)
        cell.number_format = "DD.MM.YYYY"
    else:
        cell.value = str(value)
        cell.data_type = "s"


def apply_proposal(book, result, out_dir, today: dt.date) -> Path:
    """Write a copy of ``book.path`` with the proposal's pairs; return the copy's path."""
    import openpyxl

    if book.path is None:
        raise NastavnikError("Нет файла книги, в копию которого можно записать предложения.")
    if not new_pairs(result):
        raise NastavnikError("Предложение пусто: записывать в копию книги нечего."
                             + (" Замена наставника оформляется приказом (проект — среди документов), а не новой "
                                "парой." if result.proposal else ""))
    if book.path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise NastavnikError(f"Записать пары можно только в копию книги .xlsx, а «{book.path.name}» — другой формат. "
                             "Сохраните книгу как .xlsx и повторите.")
    pairs_cols = book.columns.get("pairs", {})
    missing = [s.PAIRS.col(k).title for k in ("code", "mentor", "mentee", "status") if k not in pairs_cols]
    if "pairs" not in book.sheet_titles or missing:
        raise NastavnikError(f"В книге «{book.name}» нет листа «{s.PAIRS.title}» или столбцов "
                             f"{', '.join('«' + m + '»' for m in missing)}: записать пары некуда.")
    wb = openpyxl.load_workbook(book.path, keep_vba=book.path.suffix.lower() == ".xlsm")
    ws = wb[book.sheet_titles["pairs"]]
    data_rows = list(book.tables["pairs"]["_row"])
    code_col = pairs_cols["code"][0]
    last = max(data_rows) if data_rows else _header_row(ws, pairs_cols["code"][1], code_col)
    for n, row in enumerate(new_pair_rows(book, result, today), start=1):
        for key, value in row.items():
            if key in pairs_cols:
                _put(ws.cell(last + n, pairs_cols[key][0]), value, s.PAIRS.col(key).kind)
    mentee_cols = book.columns.get("mentees", {})
    if "status" in mentee_cols and "mentees" in book.sheet_titles:
        ms = wb[book.sheet_titles["mentees"]]
        rows = dict(zip(book.tables["mentees"]["code"], book.tables["mentees"]["_row"]))
        for p in new_pairs(result):
            if p["mentee"] in rows:
                _put(ms.cell(int(rows[p["mentee"]]), mentee_cols["status"][0]), v.MENTEE_IN_PAIR, s.ENUM)
    target = Path(out_dir) / safe_filename(f"{book.path.stem} — с проектами пар{book.path.suffix}")
    if target.resolve() == book.path.resolve():
        raise NastavnikError("Копия совпала бы с исходной книгой; укажите другую папку параметром --out.")
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target
