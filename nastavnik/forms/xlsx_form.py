"""A questionnaire as a small .xlsx: one question a row, only the answer cells unlocked.

The sheet is protected without a password (so that nobody breaks the layout by
accident, and the curator can still unprotect it), dropdowns point at named
ranges on a hidden «Списки» sheet (inline lists over 255 characters break
Excel), and the hidden column D names the column each answer goes to, so the
answers are read back by key, not by position. The hidden column E keeps what
the form showed pre-filled: ``collect`` tells the person's change from the
curator's own later edit by it. The hidden «Служебное» sheet says which
questionnaire this is, for whom, and of which template version.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from nastavnik.base.problems import col_letter
from nastavnik.base.safeio import atomic_path
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.template import FIXED_CREATED, _cell_text

from .people import Target
from .questions import CONSENT, Question, consent_text, questions

FORM_SHEET = "Анкета"
SERVICE_SHEET = "Служебное"
LISTS_SHEET = "Списки"
HEADER = ("Вопрос", "Ответ", "Подсказка")
KEY_COL, PREFILL_COL = 3, 4  # 0-based: D and E
SERVICE_FIELDS = (("kind", "Вид анкеты"), ("version", "Версия шаблона"), ("code", "Код"),
                  ("programme", "Программа"), ("role", "Роль"), ("issued", "Выдана"), ("org", "Организация"),
                  ("year", "Учебный год"), ("check", "Контрольное значение"), ("round", "Этап анкетирования"))
BOUND = ("kind", "code", "programme", "role", "issued", "org", "year")  # what the check value binds together


def form_check(info: dict) -> str:
    """The check value of a personal form: a digest of whom, what, when and by which book it was issued.

    Written on «Служебное» when the form is made and recomputed by ``collect``: a form whose code, programme,
    role, issue date, organisation or year was edited afterwards (П-013's form now saying П-014) no longer
    matches, and is a conflict, never an update. It guards against a slip, not against a forger.
    """
    import hashlib

    # A round's form binds its round too; a form made before rounds existed keeps its old value.
    bound = BOUND + (("round",) if info.get("round") else ())
    text = "\x1f".join(["nastavnik-form-1"] + [str(info.get(key) or "") for key in bound])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16].upper()


def item_key(question: Question, option: str | None = None) -> str:
    """The key written in column D: a column key, a direction column, or «column=option» of a many-choice."""
    if option is None:
        return question.key
    if question.kind == "group":
        return {name: key for key, name in question.group}[option]
    return f"{question.key}={option}"


def prefill_of(question: Question, values: dict, option: str | None = None):
    """What the workbook knows for this row of the form (None for a blank form)."""
    if not values:
        return None
    if question.kind == "group" and option is not None:
        return values.get(item_key(question, option))
    if question.kind == s.MULTI and option is not None:
        chosen = values.get(question.key) or ()
        return (option in chosen) if chosen else None
    if question.key == CONSENT:
        return None
    return values.get(question.key)


def _formats(wb):
    base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
    answer = {**base, "locked": False, "bg_color": "#FFF2CC", "align": "left"}
    return {
        "title": wb.add_format({"bold": True, "font_size": 14, "text_wrap": True, "valign": "top"}),
        "text": wb.add_format({"text_wrap": True, "valign": "top"}),
        "info": wb.add_format({"bold": True, "valign": "top"}),
        "header": wb.add_format({**base, "bold": True, "bg_color": "#DDEBF7"}),
        "q": wb.add_format(base),
        "q_req": wb.add_format({**base, "bold": True}),
        "group": wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2"}),
        "option": wb.add_format({**base, "indent": 2}),
        "hint": wb.add_format({**base, "font_color": "#595959", "italic": True}),
        "answer": wb.add_format(answer),
        "answer_date": wb.add_format({**answer, "num_format": "DD.MM.YYYY", "align": "left"}),
        "answer_text": wb.add_format({**answer, "num_format": "@"}),
        "locked_grey": wb.add_format({**base, "bg_color": "#F2F2F2"}),
    }


def _lists(wb, book=None, extra: dict | None = None) -> dict[str, str]:
    """Every list a form may use, on the hidden «Списки» sheet; returns value tuple → range name.

    A book's own lists (its type's, with the curator's additions) are used: an inline dropdown longer than
    255 characters breaks Excel without a word. ``extra`` are the variants of the bank's choice questions.
    """
    ws = wb.add_worksheet(LISTS_SHEET)
    names = {}
    own = dict(getattr(book, "lists", None) or {key: values for key, (_title, values) in s.LISTS.items()})
    own.update(extra or {})
    for j, (key, values) in enumerate(own.items()):
        if not values:
            continue
        for i, value in enumerate(values):
            ws.write_string(i, j, value)
        letter = col_letter(j + 1)
        wb.define_name(f"form_{key}", f"='{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}")
        names[tuple(values)] = f"form_{key}"
    ws.hide()
    return names


def _validate(ws, row: int, question: Question, lists: dict, many: bool) -> None:
    options = tuple(v.YES_NO) if many or question.kind == s.BOOL else question.options
    if options:
        name = lists.get(tuple(options))
        source = f"={name}" if name else list(options)
        ws.data_validation(row, 1, row, 1, {
            "validate": "list", "source": source, "error_type": "stop",
            "error_title": "Значение не из списка", "error_message": "Выберите ответ из выпадающего списка."})
        return
    col = question.col
    if question.kind == s.INT and col is not None and col.min is not None and col.max is not None:
        ws.data_validation(row, 1, row, 1, {
            "validate": "integer", "criteria": "between", "minimum": int(col.min), "maximum": int(col.max),
            "error_type": "stop", "error_title": "Нужно целое число",
            "error_message": f"Целое число от {int(col.min)} до {int(col.max)}."})
    elif question.kind == s.DATE:
        ws.data_validation(row, 1, row, 1, {
            "validate": "date", "criteria": "between", "minimum": dt.date(1920, 1, 1),
            "maximum": dt.date(2100, 1, 1), "error_type": "warning", "error_title": "Нужна дата",
            "error_message": "Дата в виде ДД.ММ.ГГГГ, например 01.09.2025."})


def _write_answer(ws, row: int, value, question: Question, fmt, many: bool) -> None:
    if many or question.kind == s.BOOL:
        text = None if value is None else ("да" if value else "нет")
        ws.write(row, 1, text, fmt["answer"]) if text else ws.write_blank(row, 1, None, fmt["answer"])
    elif question.kind == s.DATE:
        if isinstance(value, dt.date):
            ws.write_datetime(row, 1, dt.datetime(value.year, value.month, value.day), fmt["answer_date"])
        else:
            ws.write_blank(row, 1, None, fmt["answer_date"])
    elif question.kind in (s.INT, s.NUMBER) and isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.write_number(row, 1, value, fmt["answer"])
    else:
        text = _cell_text(value)
        if text:
            ws.write_string(row, 1, text, fmt["answer_text"])
        else:
            ws.write_blank(row, 1, None, fmt["answer_text"])
    shown = value
    if many or question.kind == s.BOOL:
        shown = None if value is None else ("да" if value else "нет")
    elif isinstance(value, dt.date):
        shown = f"{value:%d.%m.%Y}"
    text = _cell_text(shown)
    if text:
        ws.write_string(row, PREFILL_COL, text)


def _height(question: str, answer: str, hint: str) -> float:
    """Neither Excel nor Calc grows a wrapped row on opening: give it the height its longest text needs."""
    lines = max(-(-len(question) // 50), -(-len(answer) // 28), -(-len(hint) // 40), 1)
    return 15 * lines + 3


def identity_lines(kind: str, target: Target | None) -> list[str]:
    """The locked lines above the questions: whose form it is (nothing for a blank one)."""
    if target is None:
        return ["Пустая анкета: для тех, кого ещё нет в банке. Код вам присвоит куратор."]
    if kind == "анкета" and target.code is None:
        return [f"Куратор: {target.fio or 'ФИО не указано на листе «Организация»'}"]
    if target.code is None:  # from the staff register: not in a bank yet
        return [target.fio or "",
                "Ответы заполнены по штатному списку: проверьте их и дополните пустые. Код вам присвоит куратор."]
    if kind == "анкета":
        title = f" «{target.programme_title}»" if target.programme_title else ""
        return [f"Участник: {target.fio or target.code} ({target.code}), роль — {target.role}",
                f"Программа: {target.programme}{title}"]
    return [f"{target.fio or ''} ({target.code})".strip(),
            "Ответы уже заполнены по данным куратора: проверьте их, исправьте неверные и дополните пустые."]


def form_questions(kind: str, target: Target | None, book=None, round_: str | None = None) -> list[Question]:
    """The questions of one person's form: a survey's depend on the round and on her role."""
    if target is None:
        return questions(kind, book)
    return questions(kind, book, round_, target.role, target.person)


def form_words(kind: str, target: Target | None, round_: str | None) -> tuple[str, str]:
    """(title, purpose) of a form: a survey's follow its round and the respondent's role."""
    from .questions import questionnaire, survey_purpose, survey_title

    if kind == "анкета" and round_ is not None:
        role = target.role if target else None
        return survey_title(round_, role), survey_purpose(round_, role)
    spec = questionnaire(kind)
    return spec.title, spec.purpose


def write_form(path: str | os.PathLike, kind: str, target: Target | None, issued: dt.date,
               org: str | None = None, book=None, year: str | None = None, round_: str | None = None) -> Path:
    """Write one questionnaire (personal when ``target`` is given, blank otherwise)."""
    import xlsxwriter

    path = Path(path)
    title, purpose = form_words(kind, target, round_)
    asked = form_questions(kind, target, book, round_)
    values = target.values if target else {}
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        wb.set_properties({"created": FIXED_CREATED, "title": title, "comments": s.TEMPLATE_VERSION})
        fmt = _formats(wb)
        ws = wb.add_worksheet(FORM_SHEET)
        lists = _lists(wb, book, {f"bank_{q.bank.code}": list(q.options) for q in asked
                                  if q.bank is not None and q.kind == s.ENUM and q.options})
        ws.set_column(0, 0, 52)
        ws.set_column(1, 1, 30)
        ws.set_column(2, 2, 40)
        ws.set_column(KEY_COL, PREFILL_COL, 12, None, {"hidden": True})
        ws.set_portrait()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        r = 0
        ws.merge_range(r, 0, r, 2, title, fmt["title"])
        ws.set_row(r, 40)
        r += 1
        intro = (purpose + " Заполните жёлтые ячейки столбца «Ответ»; в ячейках со списком выберите ответ. "
                 "Вопросы со звёздочкой (*) обязательны. Сохраните файл и отправьте его куратору.")
        ws.merge_range(r, 0, r, 2, intro, fmt["text"])
        ws.set_row(r, 15 * (len(intro) // 110 + 1) + 4)
        r += 1
        for line in identity_lines(kind, target):
            ws.merge_range(r, 0, r, 2, line, fmt["info"])
            r += 1
        r += 1
        for j, title in enumerate(HEADER):
            ws.write_string(r, j, title, fmt["header"])
        ws.repeat_rows(r)
        r += 1
        for q in asked:
            star = " *" if q.required else ""
            if q.many:
                ws.write_string(r, 0, q.text + star, fmt["group"])
                ws.write_string(r, 1, "отметьте «да» у подходящих", fmt["locked_grey"])
                ws.write_string(r, 2, q.hint, fmt["hint"])
                ws.set_row(r, _height(q.text + star, "", q.hint))
                r += 1
                for option in q.options:
                    ws.write_string(r, 0, option, fmt["option"])
                    _write_answer(ws, r, prefill_of(q, values, option), q, fmt, True)
                    _validate(ws, r, q, lists, True)
                    ws.write_string(r, KEY_COL, item_key(q, option))
                    r += 1
                continue
            words = consent_text(target.sex if target else None) if q.key == CONSENT else q.text
            ws.write_string(r, 0, words + star, fmt["q_req" if q.required else "q"])
            _write_answer(ws, r, prefill_of(q, values), q, fmt, False)
            _validate(ws, r, q, lists, False)
            ws.write_string(r, 2, q.hint or "", fmt["hint"])
            ws.write_string(r, KEY_COL, q.key)
            ws.set_row(r, _height(q.text + star, _cell_text(prefill_of(q, values)) or "", q.hint or ""))
            r += 1
        ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
        ws.activate()
        _service(wb, kind, target, issued, org, year, round_)
        wb.close()
    return path


def _service(wb, kind: str, target: Target | None, issued: dt.date, org: str | None, year: str | None,
             round_: str | None = None) -> None:
    ws = wb.add_worksheet(SERVICE_SHEET)
    data = {"kind": kind, "version": s.TEMPLATE_VERSION, "code": target.code if target else None,
            "programme": target.programme if target else None, "role": target.role if target else None,
            "issued": f"{issued:%d.%m.%Y}", "org": org, "year": year, "round": round_}
    data["check"] = form_check(data) if target else None
    for i, (key, title) in enumerate(SERVICE_FIELDS):
        ws.write_string(i, 0, title)
        if data[key]:
            ws.write_string(i, 1, str(data[key]))
    ws.hide()
