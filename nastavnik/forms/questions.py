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

from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v

_TYPED_KEYS = {"focus", "level", "subject"}  # worded by the organisation's type (schema.sheet_for)
CONSENT = "consent"  # the pseudo-column of the consent statement
FIO_KEY, ROLE_KEY = "fio", "role"  # how an online survey says who answered
ROUND_KEY = "round"  # how an online survey says which round it is
BANK_PREFIX = "bank:"  # a question of «Вопросы анкет»: its key is the prefix and the question's code
SURVEY_KIND = "анкета"


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

    bank: qb.BankQuestion | None = None  # the row of «Вопросы анкет» this question asks

    @property
    def many(self) -> bool:
        return self.kind in (s.MULTI, "group")


_BANK_KINDS = {qb.K_SCALE5: s.INT, qb.K_SCALE10: s.INT, qb.K_ONE: s.ENUM, qb.K_MANY: s.MULTI,
               qb.K_YESNO: s.BOOL, qb.K_TEXT: s.TEXT}


def bank_question(q: qb.BankQuestion, requested: frozenset = frozenset()) -> Question:
    """A question of the bank as a form asks it; ``requested`` are the directions the person asked help in."""
    kind = _BANK_KINDS[q.kind]
    lo, hi = q.scale or (None, None)
    col = s.Col(BANK_PREFIX + q.code, q.text, kind, False, "", min=lo, max=hi, width=30)
    if q.scale:
        hint = f"Оценка от {lo} до {hi}" + (f": {'; '.join(q.options)}." if q.options else ".")
    elif kind == s.ENUM:
        hint = "Выберите из списка."
    elif kind == s.MULTI:
        hint = "Отметьте все подходящие."
    else:
        hint = ""
    if q.direction and q.direction in requested:
        hint = (hint + " Это направление вы указали в своём запросе.").strip()
    return Question(col.key, q.text, kind, False, hint, q.choices, col, bank=q)


def survey_title(round_: str | None, role: str | None) -> str:
    """The heading of a round's form: «Входная анкета наставляемого», «Анкета куратора»."""
    if round_ in (None, qb.ROUND_FINAL) and role in (None, v.ROLE_MENTOR, v.ROLE_MENTEE):
        return s.QUESTIONNAIRES[SURVEY_KIND].title
    if role == qb.Q_CURATOR:
        return "Анкета куратора: условия реализации системы наставничества"
    if round_ == qb.ROUND_FIT:
        return "Анкета первых недель: подходит ли пара (группа)"
    whose = {v.ROLE_MENTOR: "наставника", v.ROLE_MENTEE: "наставляемого"}.get(role, "участника")
    return f"{round_.capitalize()} анкета {whose}"


ROUND_PURPOSE = {
    qb.ROUND_ENTRY: "Анкета в начале программы наставничества (этап 5 дорожной карты): ваши ответы помогут "
                    "составить программу, а в конце программы те же вопросы покажут, что изменилось.",
    qb.ROUND_FIT: "Анкета после первых недель работы в паре (группе). Если пара не подходит, куратор подберёт "
                  "другого наставника (п. 7.2 Положения): отвечайте честно.",
    qb.ROUND_MID: "Промежуточная анкета: как идёт работа по программе наставничества.",
    qb.ROUND_FINAL: "Анкета по итогам программы наставничества (этап 6 дорожной карты).",
}


def survey_purpose(round_: str | None, role: str | None) -> str:
    if role == qb.Q_CURATOR:
        return ("Анкета куратора по итогам года (методические рекомендации, раздел 2.4): оценка условий "
                "реализации системы наставничества и материал для SWOT-анализа в аналитической справке. Оценки — "
                "от 1 (совсем нет) до 5 (полностью да).")
    text = ROUND_PURPOSE.get(round_ or qb.ROUND_FINAL, "")
    if round_ in (None, qb.ROUND_FINAL):
        text += (f" Оцените каждое утверждение по шкале от {v.SURVEY_SCALE[0]} (совсем нет) до {v.SURVEY_SCALE[1]} "
                 "(полностью да).")
    return text


def _requested(values: dict) -> frozenset:
    return frozenset(name for key, name in v.DIRECTIONS.items() if values.get(f"req_{key}") is True)


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


def questions(kind: str, book=None, round_: str | None = None, role: str | None = None,
              person: dict | None = None) -> list[Question]:
    """The questions of a questionnaire in the order asked (online and on paper alike).

    ``book`` words them for its organisation's type and offers its lists with the curator's additions: a
    school's teacher is asked his subject, a centre's his направленность. A survey (``анкета``) of a ``round``
    for a ``role`` adds the bank's questions of that role and round (``questionbank.asked``); the final round
    keeps the seven satisfaction scores of «Анкетирование» first, the other rounds ask only the bank. ``person``
    is the mentee's bank row: the directions she asked help in are pointed out.
    """
    q = questionnaire(kind)
    if kind == SURVEY_KIND and round_ not in (None, qb.ROUND_FINAL):
        date = [x for x in _columns(q, book) if x.key == "date"]
        return date + [bank_question(b, _requested(person or {})) for b in qb.asked(book, role, round_)]
    out = _columns(q, book)
    if kind == SURVEY_KIND and role == qb.Q_CURATOR:
        out = [x for x in out if x.key == "date"]
    if kind == SURVEY_KIND and role is not None:
        out += [bank_question(b, _requested(person or {})) for b in qb.asked(book, role, qb.ROUND_FINAL)]
    return out


def _columns(q: s.Questionnaire, book) -> list[Question]:
    """The questions that are columns of the answers' sheet (and the consent statement)."""
    kind = q.kind
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


ROUND_QUESTION = "Этап анкетирования"


def online_questions(kind: str, book=None, round_: str | None = None) -> list[Question]:
    """The questions of the online form: the survey also asks who answers (there is no personal code online).

    An online survey is one form for mentors and mentees of a round: it asks the role, the round (one option,
    so that the export says it) and every bank question of that round for either role. With no ``round_`` (to
    recognise an export) every round's questions are listed.
    """
    if kind != SURVEY_KIND:
        return questions(kind, book)
    fio = s.MENTEES.col("fio")
    role = s.SURVEYS.col("role")
    rounds = [round_] if round_ else list(qb.ROUNDS)
    when = s.Col(ROUND_KEY, ROUND_QUESTION, s.ENUM, False, "", choices="q_round")
    who = [Question(FIO_KEY, "ФИО", s.FIO, True, fio.hint, (), fio),
           Question(ROLE_KEY, "Ваша роль в программе", s.ENUM, True, "наставник или наставляемый.",
                    tuple(role.values), role),
           Question(ROUND_KEY, ROUND_QUESTION, s.ENUM, bool(round_), "Выберите единственный вариант.",
                    tuple(rounds), when)]
    out = [q for q in _columns(questionnaire(kind), book) if q.key != "date"] \
        if qb.ROUND_FINAL in rounds else []
    seen: set[str] = set()
    for b in qb.bank(book):
        if (b.show and b.code not in seen and any(r in b.rounds for r in rounds)
                and any(r in b.roles for r in (v.ROLE_MENTOR, v.ROLE_MENTEE))):
            seen.add(b.code)
            out.append(bank_question(b))
    return who + out


def consent_text(sex: str | None) -> str:
    """The consent statement in the person's own gender when it is known («согласен» / «согласна»)."""
    if sex in ("м", "ж"):
        return s.CONSENT_QUESTION.replace("Я даю согласие", "Я согласен" if sex == "м" else "Я согласна", 1)
    return s.CONSENT_QUESTION

