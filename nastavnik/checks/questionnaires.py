"""The question bank («Вопросы анкет») and the answers filed against it («Ответы анкет»).

A choice question needs its variants, or its form offers nothing to choose; an answer must be one the question
accepts (a mark inside the scale, a variant of the list), or the growth table would average a typo. A
question a curator reworded keeps its answers: only an answer that does not fit is a problem, at its cell.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import questionbank as qb
from nastavnik.workbook.reader import Book

from .common import has, records, table


def choice_questions_have_variants(book: Book, today: dt.date):
    if not has(book, "questions", "code", "kind"):
        return
    for q in qb.bank(book):
        if q.row is None:
            continue
        if q.kind in (qb.K_ONE, qb.K_MANY) and len(q.options) < 2:
            yield book.problem(
                "question_without_variants", ERROR,
                f"У вопроса {q.code} вид ответа «{q.kind}», а вариантов "
                f"{'нет' if not q.options else 'один'}: впишите варианты через точку с запятой, например "
                "«да; скорее да; нет».", "questions", q.row, "options", ", ".join(q.options) or None)
        if q.direction and not q.scale:
            yield book.problem(
                "question_direction_not_scale", WARNING,
                f"Вопрос {q.code} отнесён к направлению «{q.direction}», но ответ на него — не шкала: рост по "
                "направлению считается только по оценкам. Выберите вид «шкала 1–5» или очистите направление.",
                "questions", q.row, "direction", q.direction)


def fits(question: qb.BankQuestion, answer) -> bool:
    """Whether ``answer`` (as typed on «Ответы анкет») is an answer ``question`` accepts."""
    text = str(answer).strip()
    if question.scale:
        try:
            mark = float(text.replace(",", "."))
        except ValueError:
            return False
        lo, hi = question.scale
        return mark.is_integer() and lo <= mark <= hi
    if question.kind == qb.K_ONE:
        return text.casefold() in {o.casefold() for o in question.choices}
    if question.kind == qb.K_MANY:
        allowed = {o.casefold() for o in question.choices}
        return all(p.strip().casefold() in allowed for p in text.replace(";", ",").split(",") if p.strip())
    if question.kind == qb.K_YESNO:
        return text.casefold() in ("да", "нет")
    return True


def answers_fit_their_questions(book: Book, today: dt.date):
    if not has(book, "answers", "question", "answer"):
        return
    answers = table(book, "answers")
    if answers.empty:
        return
    questions = {q.code: q for q in qb.bank(book)}
    for r in records(answers):
        q = questions.get(r.get("question"))
        raw = r.get("answer")
        if q is None or qb.blank(raw):
            continue  # an unknown code is the reference check's; an empty answer is the required-cell check's
        if not fits(q, raw):
            if q.scale:
                want = f"целое число от {q.scale[0]} до {q.scale[1]}"
            elif q.choices:
                want = "один из вариантов: " + "; ".join(q.choices)
            else:
                want = "ответ вопроса"
            yield book.problem(
                "answer_does_not_fit", ERROR,
                f"Ответ «{str(raw)[:60]}» не подходит к вопросу {q.code} ({q.kind}): нужен {want}. Исправьте "
                "ответ или вид ответа вопроса на листе «Вопросы анкет».", "answers", r["_row"], "answer", raw,
                expected=want)
        role = r.get("role")
        if isinstance(role, str) and role not in q.roles:
            yield book.problem(
                "answer_role_not_asked", WARNING,
                f"Вопрос {q.code} в банке задаётся: {', '.join(q.roles) or 'никому'}, а ответ записан от роли "
                f"«{role}». Проверьте роль или код вопроса.", "answers", r["_row"], "role", role)


RULES = [choice_questions_have_variants, answers_fit_their_questions]
