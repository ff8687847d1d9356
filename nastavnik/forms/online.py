"""The question list for an online form (Яндекс Формы, Google Forms), in the exact words.

The export of such a form names its columns by the questions, so the words
pasted into the form are the words ``collect`` looks for; the list says which
kind of question to choose for each (one of a list, several of a list, a scale,
a date, a number, a text) and the options, one a line, ready to paste.
"""

from __future__ import annotations

from nastavnik.workbook import schema as s

from .questions import online_questions, questionnaire

_TYPES = {
    s.ENUM: "один из списка (раскрывающийся список или варианты)",
    s.MULTI: "несколько из списка (флажки)",
    "group": "несколько из списка (флажки)",
    s.BOOL: "один из списка: да / нет",
    s.DATE: "дата",
    s.INT: "число",
    s.NUMBER: "число",
    s.FIO: "короткий текст",
    s.CODE: "короткий текст",
    s.TEXT: "текст",
}


def _type_of(q) -> str:
    col = q.col
    if q.key in s.SURVEY_QUESTIONS:
        lo, hi = s.SURVEY_SCALE
        return f"шкала от {lo} до {hi}"
    if q.bank is not None and q.bank.scale:
        lo, hi = q.bank.scale
        return f"шкала от {lo} до {hi}"
    if q.kind == s.INT and col is not None and col.min is not None:
        return f"число (целое, от {int(col.min)} до {int(col.max)})"
    return _TYPES.get(q.kind, "текст")


def question_list(kind: str, book=None, round_: str | None = None) -> str:
    """The text to paste, question by question (a survey's: of one round, for mentors and mentees together)."""
    from nastavnik.workbook import questionbank as qb

    from .questions import survey_title

    spec = questionnaire(kind)
    title = survey_title(round_, None) if kind == "анкета" and round_ else spec.title
    purpose = spec.purpose
    if kind == "анкета" and round_:
        from .questions import survey_purpose

        purpose = survey_purpose(round_, None)
    lines = [
        f"Вопросы для онлайн-формы: {title}",
        "",
        ("Создайте форму в Яндекс Формах или Google Формах и перенесите вопросы ДОСЛОВНО: по этим словам программа "
         "узнаёт столбцы выгрузки. Порядок вопросов можно менять, лишние вопросы программа пропустит."),
        "Ответы выгрузите в .xlsx или .csv и передайте команде: nastavnik collect КНИГА ВЫГРУЗКА.",
        "",
        purpose,
        "",
    ]
    if kind == "анкета" and round_:
        lines += [(f"Вопрос «Этап анкетирования» оставьте с единственным вариантом «{round_}»: по нему программа "
                   "узнаёт этап. Вопросы с пометкой «для наставника» или «для наставляемого» удобно вынести в "
                   "раздел формы, который открывается по ответу на вопрос о роли."), ""]
    for n, q in enumerate(online_questions(kind, book, round_), start=1):
        whom = ""
        if q.bank is not None:
            roles = [r for r in q.bank.roles if r in (qb.Q_MENTOR, qb.Q_MENTEE)]
            whom = f" (для {'наставника' if roles == [qb.Q_MENTOR] else 'наставляемого'})" if len(roles) == 1 else ""
        lines.append(f"{n}. {q.text}{whom}")
        lines.append(f"   Тип: {_type_of(q)}; {'обязательный' if q.required else 'необязательный'}.")
        if q.hint and q.kind not in (s.BOOL,):
            lines.append(f"   Подсказка: {q.hint}")
        if q.options and q.key not in s.SURVEY_QUESTIONS:
            lines.append("   Варианты:")
            lines.extend(f"      {o}" for o in q.options)
        lines.append("")
    if spec.consent:
        lines.append(f"Примечание: {s.CONSENT_NOTE}")
    return "\n".join(lines).rstrip() + "\n"
