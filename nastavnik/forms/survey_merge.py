"""A survey's answers into the book: the satisfaction scores to «Анкетирование», the bank's to «Ответы анкет».

Part of ``merge.Merger`` (a mixin: the identification, binding and line-keeping are the merger's own); apart
because the rounds of the question bank made the survey's filing a subject of its own.
"""

from __future__ import annotations

from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import schema as s

from .answers import Answer
from .lines import ADDED, CONFLICT, DUPLICATE, REJECTED, UPDATED
from .people import row_values, same_value
from .questions import BANK_PREFIX


def answer_text(value) -> str:
    """An answer as «Ответы анкет» keeps it: a mark as its number, variants joined by «; », yes/no as words."""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


_same = same_value


class SurveyMerge:
    """``Merger``'s survey part: expects ``book``, ``today``, ``update``, ``plan`` and ``_line``."""

    def _survey(self, a: Answer, code: str | None, programme: str | None, role: str, round_: str) -> None:
        """A survey: the final round's satisfaction scores to «Анкетирование», the bank's answers to «Ответы
        анкет» (each part accepted or rejected on its own)."""
        bank = {k: val for k, val in a.values.items() if k.startswith(BANK_PREFIX)}
        satisfaction = round_ == qb.ROUND_FINAL and role != qb.Q_CURATOR and (
            not bank or any(q in a.values for q in s.SURVEY_QUESTIONS))
        if satisfaction:
            self._satisfaction(a, code, programme, role)
        if bank:
            self._bank(a, code, programme, role, round_, bank)
        elif not satisfaction:
            self._line(REJECTED, a, f"В анкете этапа «{round_}» нет ни одного ответа на вопросы.", code=code)

    def _bank(self, a: Answer, code: str | None, programme: str | None, role: str, round_: str, bank: dict) -> None:
        """The answers to «Вопросы анкет», one row each; a changed answer of the same round is a conflict."""
        spec = s.ANSWERS
        if "answers" not in self.book.columns:
            self._line(REJECTED, a, f"В книге нет листа «{spec.title}» (книга сделана по шаблону до 1.7): ответы "
                       "на вопросы анкет некуда записать. Перенесите книгу на текущий шаблон (nastavnik new-year "
                       "или nastavnik init).", code=code)
            return
        questions_ = {b.code: b for b in qb.bank(self.book)}
        day = a.values.get("date") or min(a.when.date() if a.when else self.today, self.today)
        frame = self.book.tables.get("answers")
        old = {}
        if frame is not None and not frame.empty:
            same = (frame["round"] == round_) & (frame["role"] == role)
            same &= frame["respondent"].isna() if code is None else frame["respondent"] == code
            same &= frame["programme"].isna() if programme is None else frame["programme"] == programme
            for idx in frame[same].index:
                rec = row_values(frame, idx)
                old[rec.get("question")] = rec
        added = kept = changed = 0
        for key, value in bank.items():
            qcode = key[len(BANK_PREFIX):]
            question = questions_.get(qcode)
            if question is None or role not in question.roles:
                continue  # an online form asks both roles' questions: the other role's are not this person's
            text = answer_text(value)
            if qcode in old:
                prev = old[qcode]
                changed += not _same(str(prev.get("answer") or ""), text)
                if _same(str(prev.get("answer") or ""), text):
                    kept += 1
                elif self.update:
                    self.plan.writes.append(("answers", int(prev["_row"]), "answer", text))
                    self.plan.writes.append(("answers", int(prev["_row"]), "date", day))
                    self._line(UPDATED, a, f"Ответ на вопрос {qcode} этапа «{round_}» заменён (--update).",
                               sheet=spec.title, code=code, field=f"строка {prev['_row']}")
                else:
                    self._line(CONFLICT, a, f"В книге уже есть другой ответ на вопрос {qcode} этапа «{round_}» "
                               f"(строка {prev['_row']}): оставлен он. Чтобы заменить, запустите collect с --update.",
                               sheet=spec.title, code=code, field=question.text)
                continue
            self.plan.appends.setdefault("answers", []).append(
                {"respondent": code, "role": role, "programme": programme, "round": round_, "date": day,
                 "question": qcode, "answer": text})
            added += 1
        who = f"программа {programme}, роль «{role}»" if programme else f"роль «{role}»"
        if added:
            self._line(ADDED, a, f"Ответы этапа «{round_}» добавлены ({added}): {who}.", sheet=spec.title, code=code)
        elif kept and not changed:
            self._line(DUPLICATE, a, f"Эти ответы этапа «{round_}» уже есть в книге.", sheet=spec.title, code=code)

    def _satisfaction(self, a: Answer, code: str, programme: str, role: str) -> None:
        spec = s.SURVEYS
        scores = [q for q in s.SURVEY_QUESTIONS if q not in a.values]
        if scores:
            self._line(REJECTED, a, "Анкета не принята: нет оценок по вопросам "
                       + ", ".join(f"«{s.SURVEY_QUESTIONS[q]}»" for q in scores) + ".", sheet=spec.title, code=code)
            return
        day = a.values.get("date") or min(a.when.date() if a.when else self.today, self.today)
        row = {"respondent": code, "role": role, "programme": programme, "date": day,
               **{q: a.values[q] for q in s.SURVEY_QUESTIONS}, "comment": a.values.get("comment")}
        frame = self.book.tables.get("surveys")
        if frame is not None and not frame.empty:
            mine = frame[(frame["respondent"] == code) & (frame["programme"] == programme)]
            for idx in mine.index:
                old = row_values(mine, idx)
                if all(_same(old.get(q), row[q]) for q in (*s.SURVEY_QUESTIONS, "comment")):
                    self._line(DUPLICATE, a, f"Такая анкета уже есть в книге (строка {old['_row']}).",
                               sheet=spec.title, code=code)
                    return
                if _same(old.get("date"), day):
                    if self.update:
                        for key in (*s.SURVEY_QUESTIONS, "comment"):
                            self.plan.writes.append(("surveys", int(old["_row"]), key, row[key]))
                        self._line(UPDATED, a, f"Анкета за {day:%d.%m.%Y} заменена ответом (--update).",
                                   sheet=spec.title, code=code, field=f"строка {old['_row']}")
                    else:
                        self._line(CONFLICT, a, f"В книге уже есть анкета {code} по программе {programme} за "
                                   f"{day:%d.%m.%Y} с другими оценками (строка {old['_row']}): оставлена она. "
                                   "Чтобы заменить, запустите collect с --update.", sheet=spec.title, code=code)
                    return
        self.plan.appends.setdefault("surveys", []).append(row)
        self._line(ADDED, a, f"Анкета добавлена: программа {programme}, роль «{role}».", sheet=spec.title,
                   code=code)
