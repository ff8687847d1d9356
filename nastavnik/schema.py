"""The one declaration of the workbook.

Everything that knows a sheet or a column reads it from here: the template
writer (headers, widths, hints, dropdowns), the reader (header matching,
types), the cell checks, the documents' field lists and the test fixtures.
Adding a column means adding one ``Col`` line below and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from . import orgtypes as ot
from . import vocab as v

# Raised whenever the schema changes; nastavnik/migrate.py says what each version added.
TEMPLATE_VERSION = "1.2"

# Lists shown on «Справочники»; a dropdown points at the named range ``list_<key>``.
LISTS: dict[str, tuple[str, list[str]]] = {
    "yes_no": ("Да / нет", v.YES_NO),
    "sex": ("Пол", v.SEX),
    "org_type": ("Тип организации", [t.title for t in ot.TYPES]),
    "focus": ("Направленность", list(ot.DEFAULT.profiles)),  # the type's profile: see lists_for()
    "level": ("Уровень программ", list(ot.DEFAULT.levels)),
    "position": ("Должность", list(ot.DEFAULT.positions)),
    "department": ("Структурное подразделение", []),
    "qual": ("Квалификационная категория", v.QUAL_CATEGORIES),
    "education": ("Образование", v.EDUCATION),
    "form": ("Форма наставничества", v.FORMS),
    "kind": ("Вид наставничества", v.KINDS),
    "format": ("Формат работы", v.FORMATS),
    "direction": ("Направление наставнической деятельности", list(v.DIRECTIONS.values())),
    "mentor_status": ("Статус наставника", v.MENTOR_STATUSES),
    "council_role": ("Роль в методическом совете", v.COUNCIL_ROLES),
    "mentee_category": ("Категория наставляемого", v.MENTEE_CATEGORIES),
    "mentee_status": ("Статус наставляемого", v.MENTEE_STATUSES),
    "pair_status": ("Статус пары (группы)", v.PAIR_STATUSES),
    "end_reason": ("Причина завершения (п. 7.1)", v.END_REASONS),
    "change": ("Изменение программы (п. 7.2)", v.CHANGES),
    "activity_form": ("Форма мероприятия", v.ACTIVITY_FORMS),
    "activity_status": ("Статус мероприятия", v.ACTIVITY_STATUSES),
    "role": ("Роль участника", v.ROLES),
    "event_type": ("Тип мероприятия", v.EVENT_TYPES),
    "event_level": ("Уровень мероприятия", v.EVENT_LEVELS),
    "event_result": ("Результат участия", v.EVENT_RESULTS),
    "stage_status": ("Статус этапа", v.STAGE_STATUSES),
    "news_kind": ("Вид публикации", v.NEWS_KINDS),
    "normative_level": ("Уровень документа", None),  # filled in below, beside the sheet «Нормативная база»
}

# The organisation's own lists: the curator adds values on «Справочники» and the reader, the checks and the
# matching accept them. The other lists are fixed by the regulation (kinds and forms of mentoring, statuses,
# completion reasons) or by law, and the sheet says so.
EXTENDABLE = frozenset({"focus", "level", "position", "department", "activity_form", "event_type"})
# The second row of «Справочники» says which lists are the organisation's to extend.
LIST_OPEN_MARK = "можно дополнять: впишите ниже"
LIST_FIXED_MARK = "постоянный список: не менять"
# Lists whose title and starting values are the organisation type's (orgtypes.OrgType).
_TYPED_LISTS = {"focus": ("profile", "profiles"), "level": ("level", "levels"), "position": (None, "positions")}


def lists_for(org_type: ot.OrgType) -> dict[str, tuple[str, list[str]]]:
    """The «Справочники» lists of a type: the profile, level and positions are the type's."""
    out = dict(LISTS)
    for key, (title_attr, values_attr) in _TYPED_LISTS.items():
        title = getattr(org_type, title_attr) if title_attr else LISTS[key][0]
        out[key] = (title, list(getattr(org_type, values_attr)))
    return out


def list_titles(key: str) -> set[str]:
    """Every title a list may have on «Справочники» (a typed list is titled by its type)."""
    return {lists_for(t)[key][0] for t in ot.TYPES} | {LISTS[key][0]}


# Column kinds understood by the reader.
TEXT, CODE, CODES, INT, NUMBER, DATE, ENUM, MULTI, BOOL, FIO = (
    "text", "code", "codes", "int", "number", "date", "enum", "multi", "bool", "fio",
)


@dataclass(frozen=True)
class Col:
    key: str
    title: str
    kind: str = TEXT
    required: bool = False
    hint: str = ""
    choices: str | None = None  # a key of LISTS
    personal: bool = False  # personal data under 152-ФЗ: never logged, published only with consent
    min: float | None = None
    max: float | None = None
    width: int = 16
    ref: str | None = None  # sheet key this code must exist in
    past_only: bool = False  # a date that cannot lie in the future

    @property
    def values(self) -> list[str]:
        return LISTS[self.choices][1] if self.choices else []


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    purpose: str  # one paragraph for «Инструкция»
    columns: tuple[Col, ...]
    key_col: str | None = None  # a unique code column
    multi_row_key: bool = False  # a group is several rows with one code
    prefill: tuple[tuple, ...] = ()  # rows written into the blank template

    def col(self, key: str) -> Col:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


def _yn(key: str, title: str, hint: str, **kw) -> Col:
    return Col(key, title, BOOL, choices="yes_no", hint=hint, width=12, **kw)


_DIR_HINT = "«да», если {who} {what} по направлению «{name}»."


def _directions(prefix: str, who: str, what: str, title: str) -> tuple[Col, ...]:
    return tuple(
        Col(
            f"{prefix}_{k}",
            f"{title}: {name}",
            BOOL,
            choices="yes_no",
            width=14,
            hint=_DIR_HINT.format(who=who, what=what, name=name),
        )
        for k, name in v.DIRECTIONS.items()
    )


_PERSON_HEAD = (
    Col("fio", "ФИО", FIO, True, "Фамилия Имя Отчество полностью, например: Иванова Мария Петровна.",
        personal=True, width=32),
    Col("sex", "Пол", ENUM, True, "«м» или «ж»: нужен для склонения ФИО в приказах.", choices="sex", width=7),
    Col("birth_date", "Дата рождения", DATE, False, "ДД.ММ.ГГГГ. Нужна для показателей по молодым педагогам.",
        personal=True, past_only=True, width=13),
    # A position and a department are free text; the dropdown offers the organisation's own list.
    Col("position", "Должность", TEXT, True, "Например: педагог дополнительного образования.",
        choices="position", width=28),
    Col("department", "Структурное подразделение", TEXT, False, "Отдел или объединение по штатному расписанию.",
        choices="department", width=24),
)

_CONSENTS = (
    _yn("consent_pd", "Согласие на обработку ПДн",
        "«да», если получено письменное согласие на обработку персональных данных (152-ФЗ). "
        "Без него человек не вносится в банк, пары и документы; бланк согласия — "
        "nastavnik docs КНИГА --only consent_pd."),
    Col("consent_pd_date", "Дата согласия на обработку ПДн", DATE, False,
        "Дата подписания согласия на обработку персональных данных; нужна при «да», не позже сегодняшнего дня.",
        past_only=True, width=14),
    _yn("consent_publish", "Согласие на распространение ПДн (сайт)",
        "«да», если получено отдельное согласие на распространение персональных данных "
        "(с 01.09.2025 — отдельный документ). Без него ФИО не появится на сайте."),
    Col("consent_publish_date", "Дата согласия на распространение", DATE, False,
        "Дата подписания согласия на распространение персональных данных; нужна при «да».", past_only=True,
        width=14),
)

_DECLENSION = (
    Col("fio_gen", "ФИО в родительном падеже (вручную)", TEXT, False,
        "Заполняйте, только если программа склоняет ФИО неверно: «Ивановой Марии Петровны».", width=20),
    Col("fio_dat", "ФИО в дательном падеже (вручную)", TEXT, False,
        "Заполняйте, только если программа склоняет ФИО неверно: «Ивановой Марии Петровне».", width=20),
    Col("fio_acc", "ФИО в винительном падеже (вручную)", TEXT, False,
        "Заполняйте, только если программа склоняет ФИО неверно: «Иванову Марию Петровну».", width=20),
    Col("position_gen", "Должность в родительном падеже (вручную)", TEXT, False,
        "Заполняйте, только если программа склоняет должность неверно: «от педагога-психолога».", width=20),
    Col("position_dat", "Должность в дательном падеже (вручную)", TEXT, False,
        "Заполняйте, только если программа склоняет должность неверно: «педагогу-психологу».", width=20),
    Col("position_acc", "Должность в винительном падеже (вручную)", TEXT, False,
        "Заполняйте, только если программа склоняет должность неверно: «назначить педагога-психолога».",
        width=20),
)

MENTORS = Sheet(
    "mentors",
    "Наставники",
    "Банк наставников (п. 3.4 Положения, этап 3 дорожной карты): по строке на каждого педагога, "
    "готового быть наставником. Компетенции по девяти направлениям используются для подбора пар.",
    (
        Col("code", "Код наставника", CODE, True,
            "Уникальный код, например Н-001. Не меняйте его после включения в пару.", width=12),
        *_PERSON_HEAD,
        Col("contact", "Контакт (телефон, e-mail)", TEXT, False, "Для связи куратора; на сайт не выводится.",
            personal=True, width=22),
        Col("ped_experience", "Педагогический стаж, лет", INT, True,
            "Целое число лет от 0 до 60; не больше, чем возраст минус 16 лет.", min=0, max=60, width=12),
        Col("org_experience", "Стаж в организации, лет", INT, False,
            "Целое число лет от 0 до 60; обычно не больше педагогического стажа.", min=0, max=60, width=12),
        Col("qual_category", "Квалификационная категория", ENUM, True, "Выберите из списка.", choices="qual",
            width=22),
        Col("education", "Образование", ENUM, False, "Выберите из списка.", choices="education", width=24),
        Col("focus", "Направленность", ENUM, True, "Направленность дополнительных общеразвивающих программ.",
            choices="focus", width=20),
        Col("level", "Уровень программ", MULTI, False, "Уровни сложности программ, которые ведёт педагог, через «;».",
            choices="level", width=22),
        Col("subject", "Предметная область / объединения", TEXT, False,
            "Например: робототехника; 3D-моделирование. Несколько — через «;».", width=30),
        *_directions("comp", "наставник", "может помогать", "Компетенции"),
        Col("forms", "Готов к формам наставничества", MULTI, False,
            "Одна или несколько форм из справочника через «;». Пусто — любая.", choices="form", width=26),
        Col("kinds", "Готов к видам наставничества", MULTI, False,
            "Один или несколько видов из справочника через «;». Пусто — любой.", choices="kind", width=26),
        Col("format", "Формат работы", ENUM, False, "очно, онлайн или смешанный.", choices="format", width=12),
        Col("max_mentees", "Максимум наставляемых", INT, True, "Сколько наставляемых он готов вести одновременно "
            "(от 1 до 10).", min=1, max=10, width=12),
        Col("council_role", "Роль в методическом совете", ENUM, False,
            "Пусто, если не входит в методический совет наставников.", choices="council_role", width=20),
        Col("preferred_mentees", "Предпочитаемые наставляемые", CODES, False,
            "Коды наставляемых, с которыми наставник хотел бы работать, через «;».", ref="mentees", width=18),
        *_CONSENTS,
        Col("date_added", "Дата включения в банк", DATE, True, "ДД.ММ.ГГГГ.", past_only=True, width=13),
        Col("status", "Статус", ENUM, True, "«активен» — может вести пары; «выбыл» — больше не наставник.",
            choices="mentor_status", width=11),
        Col("note", "Примечание", TEXT, False, "", width=24),
        *_DECLENSION,
    ),
    key_col="code",
)

MENTEES = Sheet(
    "mentees",
    "Наставляемые",
    "Банк наставляемых (этап 2 дорожной карты): педагоги, которым нужна поддержка, с их профессиональными "
    "запросами по девяти направлениям. Куратор обновляет банк не реже раза в год (п. 3.4).",
    (
        Col("code", "Код наставляемого", CODE, True, "Уникальный код, например П-001.", width=12),
        *_PERSON_HEAD,
        Col("contact", "Контакт (телефон, e-mail)", TEXT, False, "Для связи куратора; на сайт не выводится.",
            personal=True, width=22),
        Col("ped_experience", "Педагогический стаж, лет", INT, True,
            "Целое число лет от 0 до 60; не больше, чем возраст минус 16 лет.", min=0, max=60, width=12),
        Col("hire_date", "Дата приёма на работу", DATE, False,
            "ДД.ММ.ГГГГ; не позже сегодняшнего дня и не раньше 16-летия.", past_only=True, width=13),
        Col("qual_category", "Квалификационная категория", ENUM, False, "Выберите из списка.", choices="qual",
            width=22),
        Col("category", "Категория наставляемого", ENUM, True, "Выберите из списка.", choices="mentee_category",
            width=30),
        Col("focus", "Направленность", ENUM, True, "Направленность программ, которые ведёт педагог.",
            choices="focus", width=20),
        Col("level", "Уровень программ", MULTI, False, "Уровни сложности программ, которые ведёт педагог, через «;».",
            choices="level", width=22),
        Col("subject", "Предметная область / объединения", TEXT, False,
            "Например: авиамоделирование. Несколько — через «;».", width=30),
        *_directions("req", "педагог", "испытывает затруднения или хочет развиваться", "Запрос"),
        Col("request_text", "Описание затруднений и запросов", TEXT, False,
            "Своими словами: что вызывает трудности, чему хочется научиться.", width=40),
        Col("format", "Предпочитаемый формат", ENUM, False, "очно, онлайн или смешанный.", choices="format",
            width=12),
        Col("kind", "Предпочитаемый вид наставничества", ENUM, False, "Выберите из списка или оставьте пустым.",
            choices="kind", width=22),
        Col("preferred_mentor", "Предпочитаемый наставник", CODE, False,
            "Код наставника, которого назвал сам наставляемый.", ref="mentors", width=14),
        *_CONSENTS,
        Col("date_added", "Дата включения в банк (запроса)", DATE, True,
            "ДД.ММ.ГГГГ: с этой даты считается ожидание пары.", past_only=True, width=13),
        Col("status", "Статус", ENUM, True,
            "«ожидает пару», «в паре», «завершил» (программа окончена) или «выбыл» (ушёл из наставничества).",
            choices="mentee_status", width=14),
        Col("left_date", "Дата увольнения", DATE, False, "Если педагог уволился из организации.", width=13),
        Col("note", "Примечание", TEXT, False, "", width=24),
        *_DECLENSION,
    ),
    key_col="code",
)

PAIRS = Sheet(
    "pairs",
    "Пары и группы",
    "Наставнические пары и группы (раздел 6 Положения). Пара — одна строка; группа — несколько строк с одним "
    "кодом, по строке на каждого наставляемого. Утверждаются приказом руководителя (п. 6.2).",
    (
        Col("code", "Код пары/группы", CODE, True, "Например ПР-001. У всех строк одной группы — один код.",
            width=12),
        Col("mentor", "Код наставника", CODE, True, "Код из листа «Наставники». Стаж наставника обычно не меньше "
            "стажа наставляемого (кроме реверсивного наставничества).", ref="mentors", width=12),
        Col("mentee", "Код наставляемого", CODE, True, "Код из листа «Наставляемые».", ref="mentees", width=12),
        Col("form", "Форма наставничества", ENUM, True, "Выберите из списка.", choices="form", width=24),
        Col("kind", "Вид наставничества", ENUM, True, "Для группы — «в группе».", choices="kind", width=24),
        Col("start", "Дата начала", DATE, True, "ДД.ММ.ГГГГ.", width=13),
        Col("planned_end", "Плановая дата окончания", DATE, True, "От 3 месяцев до 1 года после начала.", width=13),
        Col("actual_end", "Фактическая дата окончания", DATE, False,
            "Заполняется при завершении (статус «завершена» или «прекращена досрочно»); не раньше начала "
            "и не позже сегодняшнего дня.", width=13),
        Col("status", "Статус", ENUM, True,
            "проект → утверждена (есть приказ) → реализуется → завершена / прекращена досрочно.",
            choices="pair_status", width=18),
        Col("end_reason", "Причина завершения (п. 7.1)", ENUM, False,
            "Обязательна для завершённых пар; у продолжающейся пары — пусто.",
            choices="end_reason", width=26),
        Col("change", "Изменение (п. 7.2)", ENUM, False, "Продление, корректировка, замена наставника.",
            choices="change", width=20),
        Col("new_end", "Новая дата окончания", DATE, False,
            "Для продления — позже плановой даты окончания, для сокращения — раньше.", width=13),
        Col("change_basis", "Основание изменения", TEXT, False,
            "Обязательно при изменении. Например: заявление наставника и наставляемого.", width=24),
        Col("change_order_no", "№ приказа об изменении", CODE, False, "Без знака «№»; заполняется вместе с датой.",
            width=12),
        Col("change_order_date", "Дата приказа об изменении", DATE, False, "Заполняется вместе с номером.",
            width=13),
        Col("order_no", "№ приказа о закреплении", CODE, False, "Пусто, пока приказ не издан; без знака «№».",
            width=12),
        Col("order_date", "Дата приказа о закреплении", DATE, False, "Заполняется вместе с номером.", width=13),
        _yn("mentor_consent", "Письменное согласие наставника",
            "ТК РФ ст. 351.8 (с 01.03.2025): наставничество — только с письменного согласия работника."),
        Col("mentor_consent_date", "Дата согласия наставника", DATE, False,
            "Не позже даты приказа о закреплении и сегодняшнего дня.", past_only=True, width=13),
        Col("agreement_no", "№ доп. соглашения к трудовому договору", CODE, False,
            "ТК РФ ст. 351.8: обязателен для утверждённой пары; без знака «№».", width=14),
        Col("agreement_date", "Дата доп. соглашения", DATE, False, "Обязательна для утверждённой пары.", width=13),
        Col("agreement_until", "Срок доп. соглашения (до)", DATE, False,
            "Не раньше окончания наставничества, с учётом продления (новая дата окончания).", width=13),
        Col("payment", "Доплата за наставничество, руб./мес.", NUMBER, False,
            "Размер доплаты по доп. соглашению (ТК РФ ст. 351.8); обязателен для утверждённой пары.",
            min=0, max=1_000_000, width=14),
        Col("note", "Примечание", TEXT, False, "", width=24),
        # nastavnik.match never proposes a past pair again (this year's sheet or the archive) unless allowed here.
        _yn("repeat_allowed", "Повтор пары разрешён",
            "«да» — подбор может снова предложить этих наставника и наставляемого (в этом году или по архиву)."),
    ),
    key_col="code",
    multi_row_key=True,
)

PROGRAMMES = Sheet(
    "programmes",
    "Программы",
    "Персонализированные программы наставничества: одна на каждую пару или группу "
    "(Примерный шаблон программы). Срок — от 3 месяцев до 1 года.",
    (
        Col("code", "Код программы", CODE, True, "Например ПП-001. У программы утверждённой или реализуемой пары "
            "должен быть план на листе «План мероприятий».", width=12),
        Col("pair", "Код пары/группы", CODE, True, "Код из листа «Пары и группы».", ref="pairs", width=12),
        Col("title", "Название программы", TEXT, False, "Кратко, например: «Первые шаги в профессии».",
            width=30),
        Col("problem", "Описание проблемы", TEXT, True, "Какие затруднения решает программа.", width=40),
        Col("goal", "Цель", TEXT, True, "", width=34),
        Col("tasks", "Задачи", TEXT, True, "Каждая задача — с новой строки или через «;».", width=40),
        Col("content", "Содержание деятельности", TEXT, False, "Что делают наставник и наставляемый.", width=40),
        Col("start", "Начало реализации", DATE, True, "ДД.ММ.ГГГГ.", width=13),
        Col("end", "Окончание реализации", DATE, True, "ДД.ММ.ГГГГ; от 3 месяцев до 1 года после начала.",
            width=13),
        Col("strengths", "Сильные стороны наставляемого", TEXT, False,
            "Что у наставляемого получается и на что опирается программа (Примерный шаблон программы).",
            width=34),
        Col("intermediate_results", "Промежуточные результаты", TEXT, False, "", width=34),
        Col("intermediate_date", "Срок промежуточных результатов", DATE, False,
            "Ориентировочная дата, к которой достигаются промежуточные результаты (ДД.ММ.ГГГГ).", width=13),
        Col("planned_results", "Планируемые результаты", TEXT, True, "", width=34),
        Col("schedule", "Расписание встреч", TEXT, False, "Например: еженедельно по вторникам, 15:00.", width=24),
        Col("mode", "Режим работы", ENUM, True, "очно, онлайн или смешанный.", choices="format", width=12),
        Col("conditions", "Условия обучения", TEXT, False, "Место, оборудование, ресурсы.", width=24),
        Col("acquainted_date", "Дата ознакомления наставляемого", DATE, False, "", width=13),
        _yn("curator_agreed", "Согласовано куратором", ""),
        Col("achieved_results", "Достигнутые результаты", TEXT, False,
            "Заполняется по завершении; публикуется на сайте только после завершения (п. 8.2).", width=40),
        _yn("best_practice", "Лучшая практика", "«да», если методический совет признал программу лучшей практикой; "
            "только после завершения пары (п. 8.2)."),
        _yn("consent_publish", "Согласие на публикацию результатов",
            "«да», если наставник и наставляемый согласны на публикацию результатов на сайте; сайт покажет их "
            "только после завершения пары (п. 8.2)."),
    ),
    key_col="code",
)

PLAN = Sheet(
    "plan",
    "План мероприятий",
    "План мероприятий каждой программы по направлениям наставнической деятельности.",
    (
        Col("programme", "Код программы", CODE, True, "Код из листа «Программы».", ref="programmes", width=12),
        Col("direction", "Направление", ENUM, True, "Одно из девяти направлений.", choices="direction", width=30),
        Col("activity", "Мероприятие", TEXT, True, "", width=44),
        Col("form", "Форма", ENUM, True, "Выберите из списка.", choices="activity_form", width=20),
        Col("planned_date", "Плановый срок", DATE, True, "ДД.ММ.ГГГГ.", width=13),
        Col("actual_date", "Фактическая дата", DATE, False, "Когда мероприятие проведено; не позже сегодняшнего дня.",
            past_only=True, width=13),
        Col("responsible", "Ответственный", TEXT, False, "ФИО или роль: наставник, наставляемый, куратор.",
            width=22),
        Col("expected_result", "Ожидаемый результат", TEXT, False,
            "Продукт мероприятия: план занятия, анализ, методическая разработка.", width=30),
        Col("status", "Статус", ENUM, True, "«выполнено» — только для проведённого: укажите фактическую дату, "
            "если оно проведено раньше планового срока. Через месяц после начала реализуемой программы хотя бы "
            "одно мероприятие должно быть «выполнено».", choices="activity_status", width=15),
        Col("result", "Результат", TEXT, False, "", width=30),
    ),
)

SURVEYS = Sheet(
    "surveys",
    "Анкетирование",
    "Ответы на анкету удовлетворённости и качества программы (этап 6 дорожной карты). Оценки по шкале "
    f"от {v.SURVEY_SCALE[0]} до {v.SURVEY_SCALE[1]}.",
    (
        Col("respondent", "Код респондента", CODE, True, "Код наставника или наставляемого.", width=12),
        Col("role", "Роль", ENUM, True, "", choices="role", width=14),
        Col("programme", "Код программы", CODE, True, "", ref="programmes", width=12),
        Col("date", "Дата анкетирования", DATE, True, "Не позже сегодняшнего дня.", past_only=True, width=13),
        *(
            Col(k, q, INT, True, f"Оценка от {v.SURVEY_SCALE[0]} до {v.SURVEY_SCALE[1]}.", min=v.SURVEY_SCALE[0],
                max=v.SURVEY_SCALE[1], width=14)
            for k, q in v.SURVEY_QUESTIONS.items()
        ),
        Col("comment", "Комментарий", TEXT, False, "", width=30),
    ),
)

EVENTS = Sheet(
    "events",
    "Мероприятия",
    "Участие наставников и наставляемых в конкурсах, конференциях, форумах (п. 3.5, 4.2).",
    (
        Col("person", "Код участника", CODE, True, "Код наставника или наставляемого.", width=12),
        Col("event", "Мероприятие", TEXT, True, "Название конкурса, конференции.", width=40),
        Col("type", "Тип", ENUM, True, "", choices="event_type", width=14),
        Col("level", "Уровень", ENUM, True, "", choices="event_level", width=16),
        Col("date", "Дата", DATE, True, "Мероприятие с результатом — уже прошедшее: дата не позже сегодняшнего дня.",
            width=13),
        Col("result", "Результат", ENUM, True, "", choices="event_result", width=12),
        Col("note", "Примечание", TEXT, False, "", width=24),
    ),
)

NEWS = Sheet(
    "news",
    "Новости",
    "Новости и анонсы для раздела «Наставничество» на сайте (раздел 8 Положения, этап 7 дорожной карты).",
    (
        Col("date", "Дата", DATE, True, "", width=13),
        Col("kind", "Вид", ENUM, True, "новость или анонс.", choices="news_kind", width=10),
        Col("title", "Заголовок", TEXT, True, "", width=40),
        Col("text", "Текст", TEXT, True, "Без персональных данных тех, кто не дал согласие на распространение.",
            width=60),
        _yn("publish", "Публиковать", "«да» — показать на сайте."),
    ),
)

_ROADMAP_PREFILL = (
    (1, v.ROADMAP_STAGES[0], "Приказ «Об утверждении Положения о системе (целевой модели) наставничества "
     "педагогических работников» с приложениями: Положение и дорожная карта; шаблон персонализированной программы",
     "сентябрь", "руководитель, куратор"),
    (1, v.ROADMAP_STAGES[0], "Приказ о назначении куратора", "сентябрь", "руководитель"),
    (2, v.ROADMAP_STAGES[1], "Сбор информации о профессиональных запросах педагогов; банк наставляемых; "
     "согласия на обработку персональных данных", "сентябрь", "куратор"),
    (3, v.ROADMAP_STAGES[2], "Анкетирование потенциальных наставников; банк наставников; согласия на обработку "
     "персональных данных", "сентябрь", "куратор"),
    (4, v.ROADMAP_STAGES[3], "Анализ банка и подбор наставников; установочные сессии и консультации наставников; "
     "методические материалы", "октябрь", "куратор, методический совет"),
    (5, v.ROADMAP_STAGES[4], "Формирование пар и групп, приказ о закреплении; персонализированные программы; "
     "поддержка педагогов без пары и продолжение поиска наставника", "октябрь", "куратор, наставники"),
    (6, v.ROADMAP_STAGES[5], "Анкетирование участников; приказ «О проведении итогового мероприятия»; итоговое "
     "мероприятие, выявление лучших практик", "май", "куратор, методический совет"),
    (7, v.ROADMAP_STAGES[6], "Освещение мероприятий дорожной карты на сайте и в социальных сетях",
     "в течение года", "куратор, системный администратор"),
)

ROADMAP = Sheet(
    "roadmap",
    "Дорожная карта",
    "Дорожная карта (план мероприятий) по реализации Положения: семь этапов. Укажите сроки и отмечайте статус.",
    (
        Col("stage", "№ этапа", INT, True, "От 1 до 7.", min=1, max=7, width=8),
        Col("stage_name", "Наименование этапа", TEXT, True, "", width=40),
        Col("activity", "Содержание деятельности и мероприятия", TEXT, True, "", width=60),
        Col("deadline", "Срок", TEXT, False, "Месяц или дата.", width=14),
        Col("responsible", "Ответственные", TEXT, False, "", width=24),
        Col("status", "Статус", ENUM, False, "", choices="stage_status", width=12),
        Col("note", "Примечание", TEXT, False, "", width=24),
    ),
    prefill=tuple((*row, "не начат", "") for row in _ROADMAP_PREFILL),
)

# «Нормативная база» of the website section (п. 8.1 Положения): federal, regional (city and district) and local
# acts and the methodological recommendations. The federal ones come pre-filled and can be edited.
NORMATIVE_LEVELS = ["федеральный", "региональный (Санкт-Петербург)", "региональный (район)", "локальный",
                    "методические рекомендации"]
LISTS["normative_level"] = ("Уровень документа", NORMATIVE_LEVELS)

_NORMATIVE_PREFILL = (
    ("федеральный", "Федеральный закон", "Об образовании в Российской Федерации", "29.12.2012", "273-ФЗ"),
    ("федеральный", "Федеральный закон", "О внесении изменений в Трудовой кодекс Российской Федерации "
     "(статья 351.8 «Особенности регулирования труда работников, выполняющих работу по наставничеству в сфере "
     "труда»; действует с 01.03.2025)", "09.11.2024", "381-ФЗ"),
    ("федеральный", "Распоряжение Правительства Российской Федерации", "Об утверждении основных принципов "
     "национальной системы профессионального роста педагогических работников Российской Федерации, включая "
     "национальную систему учительского роста", "31.12.2019", "3273-р"),
    ("федеральный", "Распоряжение Правительства Российской Федерации", "Об утверждении Концепции развития "
     "наставничества в Российской Федерации на период до 2030 года и плана мероприятий по её реализации",
     "21.05.2025", "1264-р"),
    ("методические рекомендации", "Письмо Минпросвещения России и Общероссийского Профсоюза образования",
     "О направлении методических рекомендаций (Методические рекомендации по разработке и внедрению системы "
     "(целевой модели) наставничества педагогических работников в образовательных организациях)",
     "21.12.2021", "АЗ-1128/08/657"),
)

NORMATIVE = Sheet(
    "normative",
    "Нормативная база",
    "Нормативная база для раздела сайта «Наставничество» (п. 8.1 Положения): федеральные документы (заполнены, "
    "их можно править), региональные — Санкт-Петербурга и района, локальные акты организации и методические "
    "рекомендации. Положение и приказы с листа «Организация» добавляются на сайт сами.",
    (
        Col("level", "Уровень", ENUM, True, "Федеральный, региональный (город или район), локальный или "
            "методические рекомендации.", choices="normative_level", width=24),
        Col("kind", "Вид документа", TEXT, False, "Например: распоряжение Комитета по образованию.", width=30),
        Col("title", "Название", TEXT, True, "Как в документе, без кавычек.", width=60),
        Col("date", "Дата", DATE, False, "ДД.ММ.ГГГГ.", width=13),
        Col("number", "Номер", CODE, False, "Например: 1457-р.", width=14),
        Col("link", "Ссылка или файл", TEXT, False,
            "Адрес страницы (https://…) или имя файла PDF, лежащего в одной папке с книгой.", width=36),
        _yn("publish", "Публиковать", "«да» — показать на сайте."),
    ),
    prefill=tuple((lvl, kind, title, dt.datetime.strptime(date, "%d.%m.%Y").date(), no, "", True)
                  for lvl, kind, title, date, no in _NORMATIVE_PREFILL),
)

# --- The archive: last years' pairs, programmes, plans, surveys and events (nastavnik new-year) -------------
# Each archive sheet has the columns of its sheet plus «Учебный год», with no required columns and no
# references: an archived mentor may have left the bank, and a code may be given again in a later year.
YEAR_COL = Col("year", "Учебный год", TEXT, False, "Учебный год, из которого перенесена строка, например 2025/2026.",
               width=11)


def _archive(key: str, title: str, of: Sheet, purpose: str) -> Sheet:
    cols = tuple(replace(c, required=False, ref=None) for c in of.columns)
    return Sheet(key, title, purpose, (YEAR_COL, *cols))


ARCHIVE_PAIRS = _archive(
    "archive_pairs", "Архив пар", PAIRS,
    "Завершённые и прекращённые досрочно пары и группы прошлых учебных лет; заполняется командой "
    "nastavnik new-year. По нему подбор пар не повторяет прежние пары, а отчёт считает показатели по годам.")
ARCHIVE_PROGRAMMES = _archive(
    "archive_programmes", "Архив программ", PROGRAMMES,
    "Программы завершённых и прекращённых пар прошлых лет (nastavnik new-year).")
ARCHIVE_PLAN = _archive(
    "archive_plan", "Архив плана", PLAN, "План мероприятий архивных программ (nastavnik new-year).")
ARCHIVE_SURVEYS = _archive(
    "archive_surveys", "Архив анкет", SURVEYS, "Анкеты по архивным программам (nastavnik new-year).")
ARCHIVE_EVENTS = _archive(
    "archive_events", "Архив мероприятий", EVENTS,
    "Участие в конкурсах и конференциях прошлых учебных лет (nastavnik new-year).")
ARCHIVE_LEAVERS = Sheet(
    "archive_leavers",
    "Архив выбывших",
    "Кто выбыл из банков при переходе на новый учебный год (nastavnik new-year): только код и даты, без "
    "персональных данных. Нужен, чтобы считать, кто из завершивших программу остался в организации через год.",
    (
        YEAR_COL,
        Col("code", "Код", CODE, False, "Код наставника или наставляемого.", width=12),
        Col("bank", "Банк", TEXT, False, "«Наставники» или «Наставляемые».", width=14),
        Col("status", "Статус", TEXT, False, "Статус в банке на момент выбытия.", width=14),
        Col("date_added", "Дата включения в банк", DATE, False, "", width=13),
        Col("left_date", "Дата увольнения", DATE, False, "Пусто, если дата неизвестна.", width=13),
    ),
)
ARCHIVE_SHEETS: tuple[Sheet, ...] = (ARCHIVE_PAIRS, ARCHIVE_PROGRAMMES, ARCHIVE_PLAN, ARCHIVE_SURVEYS,
                                     ARCHIVE_EVENTS, ARCHIVE_LEAVERS)
# The archive sheet of each sheet that new-year archives.
ARCHIVE_OF = {"pairs": "archive_pairs", "programmes": "archive_programmes", "plan": "archive_plan",
              "surveys": "archive_surveys", "events": "archive_events"}

SHEETS: tuple[Sheet, ...] = (MENTORS, MENTEES, PAIRS, PROGRAMMES, PLAN, SURVEYS, EVENTS, ROADMAP, NEWS,
                             NORMATIVE, *ARCHIVE_SHEETS)
SHEET_BY_KEY = {s.key: s for s in SHEETS}

INSTRUCTION_TITLE = "Инструкция"
ORG_TITLE = "Организация"
LISTS_TITLE = "Справочники"
CHECK_TITLE = "Проверка"  # the problem list that `nastavnik check --annotate` adds to its copy


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
    OrgField("address", "Адрес", TEXT),
    OrgField("director_position", "Должность руководителя", TEXT, True, "", "Директор"),
    OrgField("director_fio", "ФИО руководителя", FIO, True, "Фамилия Имя Отчество."),
    OrgField("director_sex", "Пол руководителя", ENUM, False, "м или ж; как в строке банка, если руководитель там "
             "есть.", choices="sex"),
    OrgField("curator_fio", "ФИО куратора", FIO, True, "Назначается приказом руководителя (п. 3.4)."),
    OrgField("curator_position", "Должность куратора", TEXT, True, "",
             "заместитель директора по учебно-воспитательной работе"),
    OrgField("curator_sex", "Пол куратора", ENUM, False, "м или ж; как в строке банка, если куратор там есть.",
             choices="sex"),
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
    *_order("order_regulation", "об утверждении Положения"),
    *_order("order_curator", "о назначении куратора"),
    *_order("order_council", "об утверждении методического совета"),
    *_order("order_final", "о проведении итогового мероприятия"),
    *(OrgField(k, t, NUMBER, False, "Число от 0 до 100; 0 — не учитывать.", d, 0, 100, group="Подбор пар")
      for k, (t, d) in MATCH_WEIGHTS.items()),
    *(OrgField(k, t, INT, False, h, d, lo, hi, group="Подбор пар") for k, t, h, d, lo, hi in MATCH_PARAMS),
)
ORG_BY_KEY = {f.key: f for f in ORG_FIELDS}

# --- What the organisation's type changes (nastavnik.orgtypes) --------------------------------------------
# (sheet, column) -> (title attribute or None, hint attribute) of OrgType, for the columns a type words its own way.
_TYPED_COLUMNS = {
    ("mentors", "focus"): ("profile", "profile_hint"), ("mentees", "focus"): ("profile", "profile_hint"),
    ("mentors", "level"): ("level", "level_hint"), ("mentees", "level"): ("level", "level_hint"),
    ("mentors", "subject"): ("subject", "subject_hint"), ("mentees", "subject"): ("subject", "subject_hint"),
    ("mentors", "department"): (None, "department_hint"), ("mentees", "department"): (None, "department_hint"),
}
_TYPED_WEIGHTS = {"w_focus": "weight_profile", "w_level": "weight_level"}


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


def sheet_for(sheet_key: str, org_type: ot.OrgType | None = None) -> Sheet:
    """A sheet as the organisation's type words it: the profile, level and subject columns are the type's."""
    sheet = SHEET_BY_KEY[sheet_key]
    if org_type is None or org_type is ot.DEFAULT:
        return sheet
    return replace(sheet, columns=tuple(_typed_col(sheet_key, c, org_type) for c in sheet.columns))


def column_titles(sheet_key: str, col_key: str) -> set[str]:
    """Every header a column may have: a typed column is titled by whichever type the book was made for."""
    return {sheet_for(sheet_key, t).col(col_key).title for t in ot.TYPES}


def org_fields_for(org_type: ot.OrgType | None = None) -> tuple[OrgField, ...]:
    """The «Организация» rows of a type: the matching weights of profile and level speak its words."""
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


def org_titles(key: str) -> set[str]:
    """Every title an «Организация» row may have (the weights are titled by the type)."""
    return {next(f for f in org_fields_for(t) if f.key == key).title for t in ot.TYPES}


def personal_columns(sheet_key: str) -> list[str]:
    return [c.key for c in SHEET_BY_KEY[sheet_key].columns if c.personal]


# Questionnaires (`nastavnik forms` and `nastavnik collect`): which columns of which sheet each one asks, in the
# order asked. A questionnaire's questions are these columns' titles and hints; a directions group (``req_*``,
# ``comp_*``) is asked as one question with the nine directions as options. The survey's questions and scale are
# the «Анкетирование» columns below, declared once in ``vocab.SURVEY_QUESTIONS`` and ``vocab.SURVEY_SCALE``.
SURVEY_SCALE = v.SURVEY_SCALE
SURVEY_QUESTIONS = v.SURVEY_QUESTIONS


@dataclass(frozen=True)
class Questionnaire:
    kind: str  # the word of ``--kind``
    sheet: str  # the sheet the answers go to
    title: str  # the form's heading
    purpose: str  # the first paragraph of the form, addressed to the person filling it
    asks: tuple[str, ...]  # column keys; "req_*" / "comp_*" is the group of nine direction columns
    also_required: tuple[str, ...] = ()  # required in the form though optional in the workbook
    group_question: str = ""  # the words of the directions question
    consent: bool = False  # asks the person to state consent to processing of personal data
    hints: tuple[tuple[str, str], ...] = ()  # (column key, hint) where the column's hint speaks of the person

    def hint(self, key: str) -> str | None:
        return dict(self.hints).get(key)


_FORM_HINTS = (
    ("sex", "«м» или «ж»: нужен, чтобы верно склонять ФИО в приказах."),
    ("birth_date", "ДД.ММ.ГГГГ. По ФИО и дате рождения куратор узнает вас в банке."),
)


QUESTIONNAIRES: dict[str, Questionnaire] = {q.kind: q for q in (
    Questionnaire(
        "запрос", "mentees", "Анкета педагога: профессиональные запросы",
        "Анкета для формирования банка наставляемых (этап 2 дорожной карты). Ответы помогут подобрать вам "
        "наставника и составить персонализированную программу.",
        ("fio", "sex", "birth_date", "position", "department", "contact", "ped_experience", "hire_date",
         "qual_category", "category", "focus", "level", "subject", "req_*", "request_text", "format", "kind"),
        also_required=("birth_date",),
        group_question="По каким направлениям вам нужна поддержка наставника",
        consent=True,
        hints=(*_FORM_HINTS, ("focus", "Направленность программ, которые вы ведёте.")),
    ),
    Questionnaire(
        "наставник", "mentors", "Анкета потенциального наставника",
        "Анкета для формирования банка наставников (этап 3 дорожной карты). Ответы помогут подобрать вам "
        "наставляемых, которым ваш опыт нужнее всего.",
        ("fio", "sex", "birth_date", "position", "department", "contact", "ped_experience", "org_experience",
         "qual_category", "education", "focus", "level", "subject", "comp_*", "forms", "kinds", "format", "max_mentees"),
        also_required=("birth_date",),
        group_question="По каким направлениям вы готовы помогать наставляемым",
        consent=True,
        hints=(*_FORM_HINTS, ("max_mentees", "Сколько наставляемых вы готовы вести одновременно (от 1 до 10)."),
               ("focus", "Направленность программ, которые вы ведёте.")),
    ),
    Questionnaire(
        "анкета", "surveys", "Анкета удовлетворённости и качества программы наставничества",
        "Анкета по итогам программы наставничества (этап 6 дорожной карты). Оцените каждое утверждение по шкале "
        f"от {v.SURVEY_SCALE[0]} (совсем нет) до {v.SURVEY_SCALE[1]} (полностью да).",
        ("date", *v.SURVEY_QUESTIONS, "comment"),
    ),
)}
CONSENT_QUESTION = ("Я даю согласие на обработку моих персональных данных, указанных в анкете, в целях организации "
                    "наставничества")
CONSENT_NOTE = ("Отметка в анкете не заменяет письменного согласия на обработку персональных данных: его "
                "оформляют отдельным документом и подписывают.")
