"""The organisation's own question bank («Вопросы анкет») and the answers it collects («Ответы анкет»).

Why a sheet and not code: every real set of questionnaires (МР-42/02, Раздел 2.3–2.4, and the regions' own)
has separate forms for the mentor, the mentee and the curator, open questions, and items repeated at entry and
at the end so that growth can be measured. The curator rewords, adds and hides questions on the sheet; `forms`
makes each role's form for a round from it, `collect` files the answers on «Ответы анкет» one row per answer
(a bank of any length fits the same columns), and the report compares the rounds.

The seven scored items of the satisfaction survey stay on «Анкетирование» (their figures are the federal
monitoring's); the bank's items come on top of them in the final round.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nastavnik.workbook import vocab as v
from nastavnik.workbook.columns import CODE, DATE, ENUM, INT, MULTI, TEXT, Col, Sheet, _yn
from nastavnik.workbook.lists import LISTS
from nastavnik.workbook.rows import records as table_records

# Who fills a form; the curator's form is about the conditions of the system (МР-42/02, Раздел 2.4).
Q_MENTOR, Q_MENTEE, Q_CURATOR = v.ROLE_MENTOR, v.ROLE_MENTEE, "куратор"
Q_ROLES = [Q_MENTOR, Q_MENTEE, Q_CURATOR]
# The rounds of a programme: at entry, the fit check after the first weeks, midway and at the end.
ROUND_ENTRY, ROUND_FIT, ROUND_MID, ROUND_FINAL = "входная", "первые недели", "промежуточная", "итоговая"
ROUNDS = [ROUND_ENTRY, ROUND_FIT, ROUND_MID, ROUND_FINAL]
# The kinds of answer; a scale's bounds are in its name.
K_SCALE5, K_SCALE10, K_ONE, K_MANY, K_YESNO, K_TEXT = (
    "шкала 1–5", "шкала 1–10", "один вариант", "несколько вариантов", "да/нет", "текст")
Q_KINDS = [K_SCALE5, K_SCALE10, K_ONE, K_MANY, K_YESNO, K_TEXT]
SCALES = {K_SCALE5: (1, 5), K_SCALE10: (1, 10)}
SWOT = ["сильные стороны", "слабые стороны", "возможности", "угрозы"]
# The early fit check: «не подходит» from either side sends the mentee back to the matching (п. 7.2).
FIT_OK, FIT_UNSURE, FIT_BAD = "пара подходит", "пока не ясно", "не подходит"
FIT_OPTIONS = [FIT_OK, FIT_UNSURE, FIT_BAD]
OPTION_SEP = ";"

LISTS["q_role"] = ("Анкета (кто заполняет)", Q_ROLES)
LISTS["q_round"] = ("Этап анкетирования", ROUNDS)
LISTS["q_kind"] = ("Вид ответа", Q_KINDS)
LISTS["swot"] = ("Раздел SWOT-анализа", SWOT)

_ALL = ", ".join(ROUNDS)
_DIR_ITEM = "Насколько уверенно вы действуете сейчас в направлении «{}»"


def _bank() -> tuple[tuple, ...]:
    """The bundled bank, after the federal recommendations' own forms (МР-42/02, Раздел 2.3–2.4).

    Rows: (code, roles, rounds, question, kind, options, direction, anchor, swot). The nine directions are the
    mentee's anchor items: asked at entry and at the end, their change is the growth the report shows.
    """
    mentee, mentor, both = Q_MENTEE, Q_MENTOR, f"{Q_MENTOR}, {Q_MENTEE}"
    ends = f"{ROUND_ENTRY}, {ROUND_FINAL}"
    rows = [(f"Н{i:02d}", mentee, ends, _DIR_ITEM.format(name), K_SCALE5,
             ("1 — нужна большая помощь; 5 — справляюсь самостоятельно"), name, True, None)
            for i, name in enumerate(v.DIRECTIONS.values(), 1)]
    rows += [
        ("Н10", mentee, ROUND_ENTRY, "Какие профессиональные затруднения вы хотели бы решить с наставником",
         K_TEXT, None, None, False, None),
        ("Н11", mentee, ROUND_ENTRY, "Какие формы работы с наставником вам удобнее", K_MANY,
         ("консультации; посещение и анализ занятий; совместная разработка материалов; открытые занятия "
          "наставника; мастер-классы; дистанционное общение"), None, False, None),
        ("Н12", mentee, f"{ROUND_MID}, {ROUND_FINAL}", "Насколько регулярно проходят встречи с наставником",
         K_SCALE5, "1 — почти не проходят; 5 — по плану", None, False, None),
        ("Н13", mentee, ROUND_MID, "Что уже удалось изменить в вашей работе", K_TEXT, None, None, False, None),
        ("Н14", mentee, ROUND_FINAL, "Что было особенно ценно в работе с наставником", K_TEXT, None, None, False,
         "сильные стороны"),
        ("Н15", mentee, ROUND_FINAL, "Чего вам не хватило", K_TEXT, None, None, False, "слабые стороны"),
        ("Н16", mentee, ROUND_FINAL, "Готовы ли вы в будущем сами стать наставником", K_YESNO, None, None, False,
         None),
        ("С01", mentor, ROUND_ENTRY, "Какой у вас опыт наставничества", K_ONE,
         "нет опыта; до 1 года; от 1 до 3 лет; больше 3 лет", None, False, None),
        ("С02", mentor, ROUND_ENTRY, "В чём вам как наставнику нужна методическая поддержка", K_TEXT, None, None,
         False, "возможности"),
        ("С03", mentor, f"{ROUND_MID}, {ROUND_FINAL}", "Насколько наставляемый вовлечён в работу по программе",
         K_SCALE5, "1 — не вовлечён; 5 — полностью вовлечён", None, True, None),
        ("С04", mentor, ROUND_FINAL, "Насколько наставляемый продвинулся в решении своих затруднений", K_SCALE5,
         "1 — не продвинулся; 5 — решил их", None, False, None),
        ("С05", mentor, ROUND_FINAL, "Что было особенно ценно в работе по программе", K_TEXT, None, None, False,
         "сильные стороны"),
        ("С06", mentor, ROUND_FINAL, "Чего вам не хватило как наставнику", K_TEXT, None, None, False,
         "слабые стороны"),
        ("Ф01", both, ROUND_FIT, "Подходит ли вам пара (группа), в которой вы работаете", K_ONE,
         "; ".join(FIT_OPTIONS), None, False, None),
        ("К01", Q_CURATOR, ROUND_FINAL, ("Нормативная база наставничества (Положение, дорожная карта, приказы) "
                                         "утверждена и известна педагогам"), K_SCALE5, None, None, False, None),
        ("К02", Q_CURATOR, ROUND_FINAL, "Наставники прошли обучение и получают методическую поддержку", K_SCALE5,
         None, None, False, None),
        ("К03", Q_CURATOR, ROUND_FINAL, "В расписании есть время для встреч пар и групп", K_SCALE5, None, None,
         False, None),
        ("К04", Q_CURATOR, ROUND_FINAL, "Наставники получают материальное или нематериальное поощрение", K_SCALE5,
         None, None, False, None),
        ("К05", Q_CURATOR, ROUND_FINAL, "Раздел «Наставничество» на сайте обновляется", K_SCALE5, None, None,
         False, None),
        ("К06", Q_CURATOR, ROUND_FINAL, "Сильные стороны системы наставничества в организации", K_TEXT, None,
         None, False, "сильные стороны"),
        ("К07", Q_CURATOR, ROUND_FINAL, "Слабые стороны: что мешает наставничеству", K_TEXT, None, None, False,
         "слабые стороны"),
        ("К08", Q_CURATOR, ROUND_FINAL, "Возможности: на какие ресурсы можно опереться", K_TEXT, None, None,
         False, "возможности"),
        ("К09", Q_CURATOR, ROUND_FINAL, "Угрозы: какие риски есть у системы наставничества", K_TEXT, None, None,
         False, "угрозы"),
    ]
    return tuple((code, roles, rounds, text, kind, options, direction, anchor, swot, order * 10, True)
                 for order, (code, roles, rounds, text, kind, options, direction, anchor, swot)
                 in enumerate(rows, 1))


QUESTIONS = Sheet(
    "questions",
    "Вопросы анкет",
    "Вопросы анкет для наставников, наставляемых и куратора по этапам: входная (в начале программы), первые "
    "недели (подходит ли пара), промежуточная и итоговая. Вопросы можно переформулировать, добавлять (новая "
    "строка с новым кодом) и скрывать («нет» в столбце «Показывать»). «Опорный» вопрос задаётся на нескольких "
    "этапах: по изменению ответов отчёт показывает рост. Оценки удовлетворённости итоговой анкеты — на листе "
    "«Анкетирование».",
    (
        Col("code", "Код вопроса", CODE, True, "Уникальный код, например Н17. Не меняйте код вопроса, на который "
            "уже есть ответы.", width=10),
        Col("roles", "Кто отвечает", MULTI, True, "Наставник, наставляемый, куратор; несколько — через запятую.",
            choices="q_role", width=16),
        Col("rounds", "Этапы", MULTI, True, f"Этапы анкетирования через запятую: {_ALL}.", choices="q_round",
            width=18),
        Col("text", "Вопрос", TEXT, True, "Как его прочтёт отвечающий, без вопросительного знака в конце.",
            width=50),
        Col("kind", "Вид ответа", ENUM, True, ", ".join(Q_KINDS) + ".", choices="q_kind", width=14),
        Col("options", "Варианты ответа", TEXT, False, "Для «один вариант» и «несколько вариантов» — варианты "
            "через точку с запятой; для шкалы — подпись к её краям.", width=30),
        Col("direction", "Направление", ENUM, False, "Направление наставнической деятельности, к которому "
            "относится вопрос: по нему отчёт показывает рост.", choices="direction", width=20),
        _yn("anchor", "Опорный", "«да» — вопрос повторяется на этапах, и отчёт сравнивает ответы."),
        Col("swot", "Раздел SWOT-анализа", ENUM, False, "Для открытых вопросов: в какой раздел SWOT-анализа "
            "аналитической справки попадают ответы.", choices="swot", width=14),
        Col("order", "Порядок", INT, False, "Порядок вопроса в анкете: меньше — раньше.", min=0, max=100000,
            width=9),
        _yn("show", "Показывать", "«нет» — вопрос не попадает в анкеты; ответы на него остаются."),
    ),
    key_col="code",
    prefill=_bank(),
)

ANSWERS = Sheet(
    "answers",
    "Ответы анкет",
    "Ответы на вопросы листа «Вопросы анкет»: по строке на ответ. Заполняется командой nastavnik collect из "
    "вернувшихся анкет; можно вписать вручную.",
    (
        Col("respondent", "Код респондента", CODE, False, "Код наставника или наставляемого; у куратора пусто.",
            width=12),
        Col("role", "Кто отвечал", ENUM, True, "", choices="q_role", width=14),
        Col("programme", "Код программы", CODE, False, "Программа, о которой анкета; у куратора пусто.",
            ref="programmes", width=12),
        Col("round", "Этап", ENUM, True, "", choices="q_round", width=15),
        Col("date", "Дата анкетирования", DATE, True, "Не позже сегодняшнего дня.", past_only=True, width=13),
        Col("question", "Код вопроса", CODE, True, "Код с листа «Вопросы анкет».", ref="questions", width=10),
        Col("answer", "Ответ", TEXT, True, "Оценка числом, вариант ответа или текст.", width=50),
    ),
)


# --- the bank as the programs use it ------------------------------------------------------------------------

@dataclass(frozen=True)
class BankQuestion:
    """One row of «Вопросы анкет» as typed values; ``options`` are the variants (or a scale's edge labels)."""

    code: str
    roles: tuple[str, ...]
    rounds: tuple[str, ...]
    text: str
    kind: str
    options: tuple[str, ...] = ()
    direction: str | None = None
    anchor: bool = False
    swot: str | None = None
    order: int = 0
    show: bool = True
    row: int | None = None  # the sheet's row; None for the bundled bank of an older book

    @property
    def scale(self) -> tuple[int, int] | None:
        return SCALES.get(self.kind)

    @property
    def choices(self) -> tuple[str, ...]:
        """The answers a choice question accepts (a scale's options are labels, not answers)."""
        if self.kind in (K_ONE, K_MANY):
            return self.options
        if self.kind == K_YESNO:
            return tuple(v.YES_NO)
        return ()


def blank(value) -> bool:
    """None, NaN or an empty string: a cell with nothing in it, as pandas hands it over."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def split_options(raw) -> tuple[str, ...]:
    if blank(raw):
        return ()
    return tuple(o.strip() for o in str(raw).split(OPTION_SEP) if o.strip())


def _tuple(value) -> tuple[str, ...]:
    if blank(value):
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def bank(book) -> list[BankQuestion]:
    """Every question of the book's bank, hidden ones included, in the bank's order.

    A book made before template 1.7 has no «Вопросы анкет»: it asks the bundled bank until ``new-year``
    writes the sheet. A row the reader could not type (no code, an unknown kind) is left to the checks.
    """
    tables = getattr(book, "tables", {}) or {}
    has_sheet = QUESTIONS.key in (getattr(book, "columns", {}) or {})
    if has_sheet and QUESTIONS.key in tables:
        records = table_records(tables[QUESTIONS.key])
    else:
        records = [dict(zip(QUESTIONS.keys, r)) for r in QUESTIONS.prefill]
    out = []
    for i, r in enumerate(records):
        code, kind, text = r.get("code"), r.get("kind"), r.get("text")
        if not isinstance(code, str) or kind not in Q_KINDS or not isinstance(text, str):
            continue
        order = r.get("order")
        out.append(BankQuestion(
            code, _tuple(r.get("roles")), _tuple(r.get("rounds")), text.strip(), kind, split_options(r.get("options")),
            r.get("direction") if isinstance(r.get("direction"), str) else None, r.get("anchor") is True,
            r.get("swot") if isinstance(r.get("swot"), str) else None,
            int(order) if not blank(order) else 100000 + i,
            r.get("show") is not False, r.get("_row")))
    return sorted(out, key=lambda q: q.order)


def asked(book, role: str, round_: str) -> list[BankQuestion]:
    """The questions a form of ``role`` for ``round_`` asks, in order: shown, and of that role and round."""
    return [q for q in bank(book) if q.show and role in q.roles and round_ in q.rounds]
