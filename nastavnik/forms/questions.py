"""The questions of a questionnaire, derived from the schema: never typed twice.

A question is one column of the answers' sheet (its title and hint are the
question's words), or the group of nine direction columns asked as one
question with the directions as options, or the consent statement. The xlsx
form asks a many-option question one option per row (да/нет), since a cell's
dropdown holds one value; an online form asks it as checkboxes whose export
joins the chosen options with «, » or «; ».
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v

_TYPED_KEYS = {"focus", "level", "subject"}  # worded by the organisation's type (schema.sheet_for)
CONSENT = "consent"  # the pseudo-column of the consent statement
FIO_KEY, ROLE_KEY = "fio", "role"  # how an online survey says who answered


@dataclass(frozen=True)
class Question:
    key: str  # a column key, "req_*"/"comp_*" for a directions group, or CONSENT
    text: str  # the exact words, as shown on every form and expected as the export's column header
    kind: str  # a schema kind; "group" for directions
    required: bool = False
    hint: str = ""
    options: tuple[str, ...] = ()
    col: s.Col | None = None
    group: tuple[tuple[str, str], ...] = field(default=())  # (column key, direction) of a directions group

    @property
    def many(self) -> bool:
        return self.kind in (s.MULTI, "group")


def questionnaire(kind: str) -> s.Questionnaire:
    return s.QUESTIONNAIRES[kind]


def _group(sheet: s.Sheet, key: str, words: str) -> Question:
    prefix = key[:-1]
    cols = tuple((c.key, c.title.split(": ", 1)[-1]) for c in sheet.columns if c.key.startswith(prefix))
    return Question(key, words, "group", False, "Отметьте все подходящие направления.",
                    tuple(name for _, name in cols), None, cols)


def _hint(col: s.Col) -> str:
    if col.kind == s.DATE:
        return "ДД.ММ.ГГГГ, например 01.09.2025." if not col.hint.startswith("ДД.ММ") else col.hint
    if col.kind == s.MULTI:
        return "Отметьте все подходящие; пусто — любые."
    if col.kind == s.ENUM:
        return "Выберите из списка." if not col.hint or col.hint == "Выберите из списка." else col.hint
    return col.hint


def questions(kind: str, book=None) -> list[Question]:
    """The questions of a questionnaire in the order asked (online and on paper alike).

    ``book`` words them for its organisation's type and offers its lists with the curator's additions: a
    school's teacher is asked his subject, a centre's his направленность.
    """
    q = questionnaire(kind)
    org_type = getattr(book, "org_type", None)
    lists = getattr(book, "lists", None) or {}
    sheet = s.sheet_for(q.sheet, org_type)
    out: list[Question] = []
    for key in q.asks:
        if key.endswith("*"):
            out.append(_group(sheet, key, q.group_question))
            continue
        col = sheet.col(key)
        text = col.title
        required = col.required or key in q.also_required
        if kind == "анкета" and key == "date":
            text, required = "Дата заполнения", False
        # A free-text column (a position) keeps its answer free although the workbook offers a list.
        options = () if col.kind == s.TEXT else tuple(lists.get(col.choices) or col.values)
        if key in _TYPED_KEYS and org_type is not None:  # the type's hints speak to the curator: not here
            hint = col.hint if col.kind == s.TEXT else _hint(replace(col, hint=""))
        else:
            hint = q.hint(key) or _hint(col)
        out.append(Question(key, text, col.kind, required, hint, options, col))
    if q.consent:
        # Required: without it a newcomer is not taken into the bank (a known person's data stays as it is).
        out.append(Question(CONSENT, s.CONSENT_QUESTION, s.BOOL, True, s.CONSENT_NOTE, tuple(v.YES_NO)))
    return out


def online_questions(kind: str, book=None) -> list[Question]:
    """The questions of the online form: the survey also asks who answers (there is no personal code online)."""
    qs = questions(kind, book)
    if kind != "анкета":
        return qs
    fio = s.MENTEES.col("fio")
    role = s.SURVEYS.col("role")
    who = [Question(FIO_KEY, "ФИО", s.FIO, True, fio.hint, (), fio),
           Question(ROLE_KEY, "Ваша роль в программе", s.ENUM, True, "наставник или наставляемый.",
                    tuple(role.values), role)]
    return who + [q for q in qs if q.key != "date"]


def consent_text(sex: str | None) -> str:
    """The consent statement in the person's own gender when it is known («согласен» / «согласна»)."""
    if sex in ("м", "ж"):
        return s.CONSENT_QUESTION.replace("Я даю согласие", "Я согласен" if sex == "м" else "Я согласна", 1)
    return s.CONSENT_QUESTION

