"""The «Организация» sheet (its fields, the matching weights and parameters) and what a type of organisation
changes in the declaration: its titles, hints and lists of the banks' columns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook.columns import BOOL, CODE, DATE, ENUM, FIO, INT, NUMBER, TEXT, Col, Sheet
from nastavnik.workbook.lists import ORDERS_ONE
from nastavnik.workbook.sheets import SHEET_BY_KEY


@dataclass(frozen=True)
class OrgField:
    key: str
    title: str
    kind: str = TEXT
    required: bool = False
    hint: str = ""
    default: object = None
    min: float | None = None
    max: float | None = None
    group: str = "Организация"
    choices: str | None = None


def _order(key: str, what: str) -> tuple[OrgField, OrgField]:
    return (
        OrgField(f"{key}_no", f"№ приказа {what}", CODE, hint="Без знака «№»; заполняется вместе с датой.",
                 group="Приказы"),
        OrgField(f"{key}_date", f"Дата приказа {what}", DATE, hint="Заполняется вместе с номером.",
                 group="Приказы"),
    )


# Pair matching weights: the curator tunes them here; see nastavnik/match for their meaning.
MATCH_WEIGHTS: dict[str, tuple[str, float]] = {
    "w_coverage": ("Вес: покрытие запросов наставляемого компетенциями наставника", 40),
    "w_focus": ("Вес: одна направленность", 10),  # titled by the type: org_fields_for()
    "w_level": ("Вес: общий уровень программ", 5),
    "w_subject": ("Вес: близкая предметная область", 15),
    "w_experience": ("Вес: разница в стаже и категории", 10),
    "w_department": ("Вес: одно подразделение", 5),
    "w_format": ("Вес: совместимый формат работы", 5),
    "w_preference": ("Вес: взаимный выбор", 20),
    "w_reverse": ("Вес: реверсивное наставничество", 10),
    "w_load": ("Вес: равномерная нагрузка наставников", 5),
    # Fairness to those who wait (nastavnik.match): a bonus per whole month in the bank, capped below.
    "w_wait": ("Вес: ожидание пары, за каждый месяц", 1),
    # Groups inside the optimum: a mentee who chose «в группе», placed in a mentor's group of his requests.
    "w_group": ("Вес: работа в группе для выбравших её", 3),
}
# Non-weight parameters of matching on «Организация» (nastavnik.match), in the same «Подбор пар» group.
MATCH_PARAMS: tuple[tuple[str, str, str, int, int, int], ...] = (
    ("wait_cap_months", "Ожидание пары: учитывать не больше, месяцев",
     "Сверх этого срока бонус за ожидание не растёт.", 6, 0, 60),
    ("stall_days", "Пара без выполненных мероприятий: предупреждать через, дней",
     "Реализуемая пара, в плане которой за этот срок ничего не выполнено, считается остановившейся.", 30, 7, 365),
)

ORG_FIELDS: tuple[OrgField, ...] = (
    OrgField("org_type", "Тип организации", ENUM, True,
             "Выберите из списка: от типа зависят списки листа «Справочники» (предметы, образовательные области, "
             "должности), подсказки и слова документов.", choices="org_type"),
    OrgField("full_name", "Полное наименование", TEXT, True, "Как в уставе.",
             "Государственное бюджетное учреждение дополнительного образования"),
    OrgField("short_name", "Сокращённое наименование", TEXT, True, "Как в уставе."),
    OrgField("full_name_dat", "Полное наименование в дательном падеже", TEXT, False,
             "Для согласий: «даю согласие Государственному бюджетному учреждению …». Пусто — программа "
             "склонит сама; заполните, если склонила неверно."),
    OrgField("inn", "ИНН", CODE, False, "10 цифр; для согласия на распространение ПДн (Приказ РКН № 18)."),
    OrgField("ogrn", "ОГРН", CODE, False, "13 цифр; для согласия на распространение ПДн (Приказ РКН № 18)."),
    OrgField("city", "Город", TEXT, True, "Место издания приказов.", "Санкт-Петербург"),
    OrgField("address", "Адрес", TEXT, False, "Почтовый адрес с индексом: для бланка документов."),
    OrgField("phone", "Телефон", TEXT, False, "Для бланка документов, например: (812) 123-45-67."),
    OrgField("email", "Электронная почта организации", TEXT, False, "Для бланка документов."),
    OrgField("director_position", "Должность руководителя", TEXT, True, "", "Директор"),
    OrgField("director_fio", "ФИО руководителя", FIO, True, "Фамилия Имя Отчество."),
    OrgField("director_sex", "Пол руководителя", ENUM, False, "м или ж; как в строке банка, если руководитель там "
             "есть.", choices="sex"),
    OrgField("curator_fio", "ФИО куратора", FIO, True, "Назначается приказом руководителя (п. 3.4)."),
    OrgField("curator_position", "Должность куратора", TEXT, True, "",
             "заместитель директора по учебно-воспитательной работе"),
    OrgField("curator_sex", "Пол куратора", ENUM, False, "м или ж; как в строке банка, если куратор там есть.",
             choices="sex"),
    OrgField("curator_email", "Электронная почта куратора", TEXT, False,
             "Обратный адрес писем-напоминаний (nastavnik remind) и контакт в отметке об исполнителе."),
    OrgField("curator_phone", "Телефон куратора", TEXT, False, "Для отметки об исполнителе в приказах и письмах."),
    OrgField("staff_count", "Число педагогических работников", INT, True,
             "Всего в организации, для долей охвата; не меньше числа работающих людей в двух банках.",
             min=1, max=100000),
    OrgField("academic_year", "Учебный год", TEXT, True, "Например 2025/2026."),
    OrgField("period_start", "Начало отчётного периода", DATE, True, "ДД.ММ.ГГГГ."),
    OrgField("period_end", "Конец отчётного периода", DATE, True, "ДД.ММ.ГГГГ; позже начала, период — около года."),
    OrgField("site_url", "Адрес раздела «Наставничество» на сайте", TEXT, False, "https://…"),
    OrgField("report_recipient", "Получатель книги для районной сводки", TEXT, False,
             "Кому куратор передаёт книгу для мониторинга (nastavnik consolidate), с адресом, например: "
             "«Информационно-методический центр Кировского района, ул. …». Называется в согласии на обработку ПДн."),
    OrgField("main_site_url", "Адрес основного сайта организации", TEXT, False,
             "https://… — на него ведёт ссылка «На главную» со страниц раздела."),
    OrgField("reward_rules", "Положение о поощрении наставников принято", BOOL, False, "да / нет", choices="yes_no"),
    OrgField("max_wait_days", "Допустимое ожидание пары, дней", INT, False,
             "Предупреждать, если наставляемый ждёт пару дольше.", 30, 1, 365),
    OrgField("final_event_date", "Дата итогового мероприятия", DATE, False, "", group="Итоговое мероприятие"),
    OrgField("final_event_place", "Место итогового мероприятия", TEXT, False, "", group="Итоговое мероприятие"),
    OrgField("council_protocol_no", "№ протокола педагогического совета (Положение)", CODE, False,
             "Решение педсовета, на основании которого утверждается Положение.", group="Приказы"),
    OrgField("council_protocol_date", "Дата протокола педагогического совета (Положение)", DATE, False, "",
             group="Приказы"),
    OrgField("orders_mode", "Порядок приказов", ENUM, False,
             "«отдельные приказы» — об утверждении Положения и о назначении куратора; «один приказ о внедрении» — "
             "один приказ «О внедрении системы (целевой модели) наставничества»: вводит систему, назначает "
             "куратора, утверждает Положение и дорожную карту. Пусто — отдельные приказы.",
             "отдельные приказы", group="Приказы", choices="orders_mode"),
    *_order("order_intro", "о внедрении системы наставничества"),
    *_order("order_regulation", "об утверждении Положения"),
    *_order("order_curator", "о назначении куратора"),
    *_order("order_council", "об утверждении методического совета"),
    *_order("order_final", "о проведении итогового мероприятия"),
    *_order("order_programme", "об утверждении программы наставничества"),
    *(OrgField(k, t, NUMBER, False, "Число от 0 до 100; 0 — не учитывать.", d, 0, 100, group="Подбор пар")
      for k, (t, d) in MATCH_WEIGHTS.items()),
    *(OrgField(k, t, INT, False, h, d, lo, hi, group="Подбор пар") for k, t, h, d, lo, hi in MATCH_PARAMS),
)
ORG_BY_KEY = {f.key: f for f in ORG_FIELDS}


def one_order(org: dict) -> bool:
    """The organisation begins with one order «О внедрении…» instead of the Положение's and the curator's."""
    return " ".join(str(org.get("orders_mode") or "").lower().split()) == ORDERS_ONE


def regulation_order_key(org: dict) -> str:
    """The «Организация» fields (``<key>_no``/``_date``) of the order that approved the Положение: the one order
    of introduction when it is chosen, else the order on the Положение."""
    return "order_intro" if one_order(org) else "order_regulation"


def curator_order_key(org: dict) -> str:
    """The fields of the order that appointed the curator (the one order of introduction appoints her too)."""
    return "order_intro" if one_order(org) else "order_curator"

# --- What the organisation's type changes (nastavnik.workbook.orgtypes) --------------------------------------------
# (sheet, column) -> (title attribute or None, hint attribute) of OrgType, for the columns a type words its own way.
_TYPED_COLUMNS = {
    ("mentors", "focus"): ("profile", "profile_hint"), ("mentees", "focus"): ("profile", "profile_hint"),
    ("mentors", "level"): ("level", "level_hint"), ("mentees", "level"): ("level", "level_hint"),
    ("mentors", "subject"): ("subject", "subject_hint"), ("mentees", "subject"): ("subject", "subject_hint"),
    ("mentors", "department"): (None, "department_hint"), ("mentees", "department"): (None, "department_hint"),
}
_TYPED_WEIGHTS = {"w_focus": "weight_profile", "w_level": "weight_level", "w_subject": "weight_subject"}


def _typed_col(sheet_key: str, col: Col, org_type: ot.OrgType) -> Col:
    if col.key == "position" and sheet_key in ("mentors", "mentees"):
        return replace(col, hint=f"Например: {org_type.position_example}. Список должностей — на листе "
                                 "«Справочники», его можно дополнить; можно вписать и свою.")
    attrs = _TYPED_COLUMNS.get((sheet_key, col.key))
    if not attrs:
        return col
    title_attr, hint_attr = attrs
    return replace(col, title=getattr(org_type, title_attr) if title_attr else col.title,
                   hint=getattr(org_type, hint_attr))


@cache  # the schema is fixed once imported: a book's reading asked for the same sheet 1,800 times
def sheet_for(sheet_key: str, org_type: ot.OrgType | None = None) -> Sheet:
    """A sheet as the organisation's type words it: the profile, level and subject columns are the type's."""
    sheet = SHEET_BY_KEY[sheet_key]
    if org_type is None or org_type is ot.DEFAULT:
        return sheet
    return replace(sheet, columns=tuple(_typed_col(sheet_key, c, org_type) for c in sheet.columns))


@cache
def _titles_of_columns(sheet_key: str) -> dict[str, frozenset[str]]:
    titles: dict[str, set[str]] = {}
    for t in ot.TYPES:
        for c in sheet_for(sheet_key, t).columns:
            titles.setdefault(c.key, set()).add(c.title)
    return {k: frozenset(v) for k, v in titles.items()}


def column_titles(sheet_key: str, col_key: str) -> frozenset[str]:
    """Every header a column may have: a typed column is titled by whichever type the book was made for (each
    sheet's titles gathered in one pass over the types: the reader asks for every column of every sheet)."""
    return _titles_of_columns(sheet_key)[col_key]


@cache
def org_fields_for(org_type: ot.OrgType | None = None) -> tuple[OrgField, ...]:
    """The «Организация» rows of a type: the matching weights of profile, level and the free-text column speak its
    words (a kindergarten's «Группы, парциальные программы» are weighed as such, not as a «предметная область»)."""
    t = org_type or ot.DEFAULT
    out = []
    for f in ORG_FIELDS:
        if f.key in _TYPED_WEIGHTS:
            f = replace(f, title=getattr(t, _TYPED_WEIGHTS[f.key]))
        elif f.key == "full_name":
            f = replace(f, default=t.full_name)
        elif f.key == "director_position":
            f = replace(f, default=t.director_position)
        elif f.key == "curator_position":
            f = replace(f, default=t.curator_position)
        out.append(f)
    return tuple(out)


@cache
def org_titles(key: str) -> frozenset[str]:
    """Every title an «Организация» row may have (the weights are titled by the type)."""
    return frozenset(next(f for f in org_fields_for(t) if f.key == key).title for t in ot.TYPES)


def personal_columns(sheet_key: str) -> list[str]:
    return [c.key for c in SHEET_BY_KEY[sheet_key].columns if c.personal]

