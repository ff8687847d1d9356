"""Decide what each answer does to the workbook: add, update, skip, conflict or reject.

Known people are found by the code of their personal form, or by ФИО and birth
date (both must agree: a namesake is never guessed). An answer that differs
from the workbook updates it when the workbook's cell is empty, or still holds
what the personal form showed (the person corrected it); otherwise the
workbook's value was entered by the curator and is kept, reported as a
conflict, unless ``update`` is asked for. Two answers of one person: the later
is taken, the earlier reported. A ticked consent is recorded in «Примечание»
as stated in the questionnaire and never sets «Согласие на обработку ПДн»:
that column means the signed document. A personal form is bound to whom and
when it was issued (``xlsx_form.form_check``): one of another academic year, or
edited after issue, is a conflict and writes nothing, ``update`` or not. An
answer the person erased keeps the book's value, with a conflict line saying so. The result is a ``Plan`` of cell
writes; ``copy.py`` writes it into a copy of the workbook.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from nastavnik.workbook import parse as P
from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v

from .answers import Answer
from .lines import ADDED, CONFLICT, CONSENT, DUPLICATE, HIDDEN, REJECTED, UPDATED, Line
from .people import plain, row_values, same_value
from .questions import questionnaire, questions
from .survey_merge import SurveyMerge, answer_text  # noqa: F401 - answer_text is part of this module's face
from .xlsx_form import form_check

_CODE = re.compile(r"^(.*?)(\d+)$")
PREFIXES = {"mentors": "Н-", "mentees": "П-"}
NEW_STATUS = {"mentors": v.MENTOR_STATUS_ACTIVE, "mentees": v.MENTEE_WAITING}
BANK_OF_ROLE = {v.ROLE_MENTOR: "mentors", v.ROLE_MENTEE: "mentees"}


@dataclass
class Plan:
    writes: list = field(default_factory=list)  # (sheet key, excel row, column key, value)
    appends: dict = field(default_factory=dict)  # sheet key -> list of rows (column key -> value)
    lines: list = field(default_factory=list)


def consent_note(day: dt.date) -> str:
    return (f"согласие на обработку ПДн заявлено в анкете {day:%d.%m.%Y}; подписанное согласие не получено")


_same = same_value  # the merge's name for it


def _empty(value) -> bool:
    return plain(value) in (None, (), "")


def shown(col: s.Col, value) -> str | None:
    value = plain(value)
    if value in (None, ()):
        return "пусто"
    if col.personal:
        return HIDDEN
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, tuple):
        return "; ".join(map(str, value))
    return str(value)


def next_code(existing, prefix: str) -> str:
    """The code after the bank's highest one, in the bank's own style (П-015 → П-016, П15 → П16)."""
    best = (prefix, 0, 3)
    taken = set(existing)
    for code in existing:
        m = _CODE.match(code or "")
        if m and int(m.group(2)) >= best[1]:
            best = (m.group(1), int(m.group(2)), len(m.group(2)))
    n = best[1] + 1
    while f"{best[0]}{n:0{best[2]}d}" in taken:
        n += 1
    return f"{best[0]}{n:0{best[2]}d}"


# How ``Merger._bound`` speaks of what it binds: a questionnaire, or a mentor's diary (``diary_merge``).
_FORM_WORDS = {"Form": "Анкета", "issued": "выдана", "answers": "ответы", "forms": "анкеты",
               "command": "nastavnik forms", "in_form": "анкете", "made": "она сделана", "it": "она", "end": "а", "new": "новую анкету",
               "in_self": "самой анкете", "of_form": "анкеты", "could": "могла"}
_DIARY_WORDS = {"Form": "Дневник", "issued": "выдан", "answers": "отметки", "forms": "дневники",
                "command": "nastavnik forms --kind дневник", "in_form": "дневнике", "made": "он сделан", "it": "он",
                "end": "", "new": "новый дневник", "in_self": "самом дневнике", "of_form": "дневника",
                "could": "мог"}


class Merger(SurveyMerge):
    def __init__(self, book, today: dt.date, update: bool):
        self.book, self.today, self.update = book, today, update
        self.plan = Plan()
        self.codes = {k: [c for c in book.tables[k]["code"].dropna()] for k in ("mentors", "mentees")
                      if k in book.tables and "code" in book.tables[k]}

    # -- identity -------------------------------------------------------------------------------------------
    def _line(self, status: str, a: Answer, reason: str, **kw) -> None:
        self.plan.lines.append(Line(status, a.source, reason, kw.pop("row", a.row), **kw))

    def _index(self, sheet: str, code: str):
        frame = self.book.tables.get(sheet)
        if frame is None or frame.empty:
            return None
        hits = frame.index[frame["code"] == code]
        return hits[0] if len(hits) else None

    def identify(self, a: Answer):
        """A key for the person (and programme) answering, or None after a rejected line."""
        spec = questionnaire(a.kind)
        ours = self.book.org.get("short_name") or self.book.org.get("full_name")
        if a.code and a.org and ours and P.fold(a.org) != P.fold(ours):
            self._line(REJECTED, a, f"Анкета выдана по книге другой организации («{a.org}»): коды людей в ней "
                       "не совпадают с кодами этой книги, ответ не принят.")
            return None
        if spec.sheet == "surveys":
            if a.service is not None and (a.code or a.role == qb.Q_CURATOR) and not self._bound(a):
                return None
            if a.round is None and a.service is None:  # an online export whose round cannot be told
                self._line(REJECTED, a, "Не понять этап анкетирования: в выгрузке нет вопроса «Этап анкетирования», "
                           "а вопросы подходят к нескольким этапам. Добавьте в онлайн-форму этот вопрос (nastavnik "
                           "forms --kind анкета --round ЭТАП выдаёт список) или внесите ответы вручную.")
                return None
            if a.role == qb.Q_CURATOR:
                return ("curator", None, None, qb.Q_CURATOR, a.round or qb.ROUND_FINAL)
            return self._survey_identity(a)
        sheet = spec.sheet
        if a.code:
            idx = self._index(sheet, a.code)
            if idx is None:
                self._line(REJECTED, a, f"Анкета выписана на код {a.code}, а в книге «{self.book.name}» такого кода "
                           f"нет на листе «{s.SHEET_BY_KEY[sheet].title}»: анкета из другой книги или человека "
                           "удалили из банка. Добавьте его в банк или раздайте пустую анкету.")
                return None
            if a.service is not None and not self._bound(a):
                return None
            return ("known", sheet, idx)
        fio, birth = a.values.get("fio"), a.values.get("birth_date")
        if not fio:
            self._line(REJECTED, a, "Не заполнено ФИО: не понять, чья это анкета.")
            return None
        frame = self.book.tables.get(sheet)
        same_name = [] if frame is None or frame.empty else [
            i for i in frame.index if frame.at[i, "fio"] and P.fold(frame.at[i, "fio"]) == P.fold(fio)]
        matched = [i for i in same_name if birth and _same(frame.at[i, "birth_date"], birth)]
        if len(matched) == 1:
            return ("known", sheet, matched[0])
        if same_name:
            codes = ", ".join(str(frame.at[i, "code"]) for i in same_name)
            self._line(REJECTED, a, f"В книге есть человек с таким ФИО ({codes}), но дата рождения в анкете не "
                       "совпадает с книгой или не указана: ответ не отнесён ни к кому. Проверьте дату и внесите "
                       "ответ вручную или раздайте личную анкету.")
            return None
        return ("new", sheet, P.fold(fio), birth)

    def _bound(self, a: Answer) -> bool:
        """Is this personal form the one issued for its code, programme and role, in this book's year?

        A form of another academic year, a form without its check value (made before forms had one) and a form
        whose service data no longer match their check value are conflicts: nothing of them is written, not even
        with --update, since the answers may be another person's.
        """
        from nastavnik.workbook.newyear import year_label, year_of

        info = a.service
        ours = year_label(year_of(self.book, self.today))
        theirs = info.get("year")
        if not theirs:
            issued, _ = P.parse_date(info.get("issued") or "")
            if issued is not None:
                theirs = year_label(issued.year if issued.month >= 8 else issued.year - 1)
        whom = f"код {a.code}" + (f", программа {a.programme}" if a.programme else "") + (
            f", роль «{a.role}»" if a.role else "")
        w = _DIARY_WORDS if getattr(a, "diary", False) else _FORM_WORDS
        if theirs and P.fold(theirs) != P.fold(ours):
            self._line(CONFLICT, a, f"{w['Form']} {w['issued']} на {theirs} учебный год, а книга «{self.book.name}» — "
                       f"на {ours}: {w['answers']} другого года в книгу не переносятся, ничего не записано (и с "
                       f"--update). Если {w['answers']} нужны, раздайте {w['forms']} этого года ({w['command']}).",
                       code=a.code)
            return False
        if not info.get("check"):
            self._line(CONFLICT, a, f"В {w['in_form']} нет контрольного значения ({w['made']} прежней версией "
                       f"программы): нельзя убедиться, что {w['it']} {w['issued']} тому, на кого записан"
                       f"{w['end']} ({whom}). Ничего не записано (и с --update); раздайте {w['new']} ({w['command']}).",
                       code=a.code)
            return False
        if P.fold(str(info["check"])) != P.fold(form_check(info)):
            printed = (f" В {w['in_self']} напечатан код {a.shown_code}." if a.shown_code and a.shown_code != a.code
                       else "")
            self._line(CONFLICT, a, f"Служебные данные {w['of_form']} ({whom}) изменены после выдачи: контрольное "
                       f"значение не сходится.{printed} {w['Form']} {w['could']} быть {w['issued']} другому "
                       f"человеку, поэтому {w['answers']} ни к кому не отнесены и ничего не записано (и с --update). "
                       f"Раздайте {w['new']} ({w['command']}).")
            return False
        return True

    def _survey_identity(self, a: Answer):
        book = self.book
        code, programme, role = a.code, a.programme, a.role
        if code is None:
            fio = a.values.get("fio")
            bank = BANK_OF_ROLE.get(role)
            if not fio or bank is None:
                self._line(REJECTED, a, "Не заполнены ФИО или роль в программе: не понять, чья это анкета.")
                return None
            frame = book.tables.get(bank)
            hits = [] if frame is None else [i for i in frame.index
                                             if frame.at[i, "fio"] and P.fold(frame.at[i, "fio"]) == P.fold(fio)]
            if len(hits) != 1:
                self._line(REJECTED, a, f"Человека с таким ФИО {'нет' if not hits else 'несколько'} на листе "
                           f"«{s.SHEET_BY_KEY[bank].title}»: ответ не отнесён ни к кому.")
                return None
            code = frame.at[hits[0], "code"]
        mine = self._programmes(code, role)
        if programme is None:
            if len(mine) != 1:
                self._line(REJECTED, a, f"{code} участвует (в роли «{role}») в "
                           + ("ни одной программе" if not mine else f"нескольких программах ({', '.join(mine)})")
                           + ": анкету нельзя отнести к программе. Раздайте личные анкеты (nastavnik forms).",
                           code=code)
                return None
            programme = mine[0]
        elif programme not in mine:
            self._line(REJECTED, a, f"{code} не участник программы {programme} в роли «{role}» по данным книги.",
                       code=code)
            return None
        return ("survey", code, programme, role, a.round or qb.ROUND_FINAL)

    def _programmes(self, code: str, role: str | None) -> list[str]:
        progs, pairs = self.book.tables.get("programmes"), self.book.tables.get("pairs")
        if progs is None or pairs is None or progs.empty or pairs.empty:
            return []
        column = "mentor" if role == v.ROLE_MENTOR else "mentee"
        mine = set(pairs.loc[(pairs[column] == code) & (pairs["status"] != v.PAIR_DRAFT), "code"])
        return sorted(c for c, p in zip(progs["code"], progs["pair"]) if p in mine)

    # -- applying -------------------------------------------------------------------------------------------
    def run(self, answers: list[Answer]) -> Plan:
        groups: dict = {}
        for a in sorted(answers, key=lambda x: x.order):
            key = self.identify(a)
            if key is not None:
                groups.setdefault(key, []).append(a)
        for key, group in groups.items():
            last = group[-1]
            for earlier in group[:-1]:
                same = earlier.values == last.values and earlier.consent == last.consent
                self._line(DUPLICATE, earlier, ("Тот же ответ повторно" if same else "Повторная анкета того же "
                           "человека") + f": принята более поздняя («{last.source}»"
                           + (f", строка {last.row}" if last.row else "") + ").")
            if key[0] == "known":
                self._known(last, key[1], key[2])
            elif key[0] == "new":
                self._new(last, key[1])
            else:
                self._survey(last, *key[1:])
        return self.plan

    def _has(self, a: Answer, sheet: str, key: str) -> bool:
        if key in self.book.columns.get(sheet, {}):
            return True
        where = a.where.get(key, (a.row, None))
        self._line(REJECTED, a, f"В книге нет столбца «{s.SHEET_BY_KEY[sheet].col(key).title}»: ответ некуда "
                   "записать. Перенесите книгу на текущий шаблон (nastavnik init).", row=where[0], column=where[1])
        return False

    def _known(self, a: Answer, sheet: str, idx) -> None:
        frame = self.book.tables[sheet]
        spec = s.SHEET_BY_KEY[sheet]
        current = row_values(frame, idx)
        code, excel_row = current["code"], int(current["_row"])
        touched = self._emptied(a, sheet, current, code)
        for key, new in a.values.items():
            if key == "code" or not self._has(a, sheet, key):
                continue
            old = current.get(key)
            if _same(old, new):
                continue
            touched = True
            col = spec.col(key)
            where = a.where.get(key, (a.row, None))
            kw = {"row": where[0], "column": where[1], "sheet": spec.title, "code": code, "field": col.title,
                  "old": shown(col, old), "new": shown(col, new)}
            snap = (a.snapshot or {}).get(key, None) if a.snapshot is not None else None
            mine = _empty(old) or (a.snapshot is not None and _same(snap, old))
            if mine or self.update:
                self.plan.writes.append((sheet, excel_row, key, new))
                self._line(UPDATED, a, "Ответ вместо значения куратора (--update)." if not mine else
                           "Ответ записан.", **kw)
            else:
                self._line(CONFLICT, a, "В книге другое значение, внесённое куратором: оставлено значение книги. "
                           "Чтобы принять ответ, исправьте ячейку или запустите collect с --update.", **kw)
        self._consent(a, sheet, excel_row, current, code)
        if not touched:
            self._line(DUPLICATE, a, "Все ответы совпадают с книгой: ничего не изменено.", sheet=spec.title,
                       code=code)

    def _emptied(self, a: Answer, sheet: str, current: dict, code: str) -> bool:
        """A line for each answer the person erased while the book holds a value: the book's value is kept."""
        spec = s.SHEET_BY_KEY[sheet]
        said = False
        for keys, question, where in a.emptied:
            keys = [k for k in keys if k in self.book.columns.get(sheet, {})]
            if not keys or all(_empty(current.get(k)) for k in keys):
                continue
            said = True
            col = spec.col(keys[0])
            one = len(keys) == 1
            self._line(CONFLICT, a, "Ответ стёрт в анкете: оставлено значение книги. Пустой ответ ничего не стирает "
                       "(и с --update); если значение и правда нужно убрать, очистите ячейку в книге сами.",
                       row=where[0], column=where[1], sheet=spec.title, code=code,
                       field=col.title if one else question, old=shown(col, current.get(keys[0])) if one else None,
                       new="пусто" if one else None)
        return said

    def _consent(self, a: Answer, sheet: str, excel_row: int | None, current: dict, code: str) -> str | None:
        if not a.consent or current.get("consent_pd") is True:
            return None
        day = (a.when.date() if a.when else self.today)
        note = consent_note(min(day, self.today))
        old = current.get("note") or ""
        if "заявлено в анкете" in old:
            return None
        text = f"{old}; {note}" if old else note
        if excel_row is not None and self._has(a, sheet, "note"):
            self.plan.writes.append((sheet, excel_row, "note", text))
        self._line(CONSENT, a, "Согласие на обработку ПДн заявлено в анкете и записано в «Примечание»; столбец "
                   "«Согласие на обработку ПДн» не изменён: он означает подписанный документ. Оформите согласие "
                   "(nastavnik docs) и отметьте «да».", sheet=s.SHEET_BY_KEY[sheet].title, code=code,
                   field="Примечание")
        return text

    def _new(self, a: Answer, sheet: str) -> None:
        spec = s.SHEET_BY_KEY[sheet]
        missing = [q.text for q in questions(a.kind, self.book) if q.required and q.col is not None and q.key not in a.values]
        if missing:
            self._line(REJECTED, a, "Новый человек не добавлен: не заполнены обязательные вопросы "
                       + ", ".join(f"«{m}»" for m in missing) + ".", sheet=spec.title)
            return
        if not a.consent:
            self._line(REJECTED, a, "Новый человек не добавлен: в анкете не отмечено согласие на обработку "
                       "персональных данных, а без него человек в банк не включается.", sheet=spec.title)
            return
        code = next_code(self.codes.get(sheet, []), PREFIXES[sheet])
        self.codes.setdefault(sheet, []).append(code)
        day = min(a.when.date() if a.when else self.today, self.today)
        row = {k: val for k, val in a.values.items() if k in self.book.columns.get(sheet, {})}
        row.update(code=code, date_added=day, status=NEW_STATUS[sheet])
        self._line(ADDED, a, f"Новый человек добавлен в банк с кодом {code} (ответов: {len(a.values)}).",
                   sheet=spec.title, code=code)
        row["note"] = self._consent(a, sheet, None, {}, code)
        self.plan.appends.setdefault(sheet, []).append(row)


def merge(book, answers: list[Answer], today: dt.date, update: bool = False) -> Plan:
    return Merger(book, today, update).run(answers)
