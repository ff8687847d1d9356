"""Every table sheet of the workbook, column by column: the banks, pairs, programmes, plan, surveys, events,
roadmap, news, normative acts, and the archive that `new-year` fills.

Long by nature: it is the declaration itself, one ``Col`` line per column, and splitting a sheet's columns
across files would hide the order the curator sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from nastavnik.workbook import vocab as v
from nastavnik.workbook.columns import (
    CODE,
    CODES,
    DATE,
    ENUM,
    FIO,
    INT,
    MULTI,
    NUMBER,
    TEXT,
    Col,
    Sheet,
    _directions,
    _yn,
)
from nastavnik.workbook.questionbank import ANSWERS, QUESTIONS  # noqa: F401  (declared beside their lists)

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
        Col("contract_no", "№ трудового договора", CODE, False,
            "Без знака «№»; для дополнительного соглашения о наставничестве (ТК РФ ст. 351.8).", width=12),
        Col("contract_date", "Дата трудового договора", DATE, False, "ДД.ММ.ГГГГ; заполняется вместе с номером.",
            past_only=True, width=13),
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

# --- The staff register: every pedagogical worker, as the school's HR list has them (nastavnik import-staff) ----
STAFF = Sheet(
    "staff",
    "Педагогический состав",
    "Все педагогические работники организации по штатному списку, а не только участники наставничества: по "
    "нему считаются число педагогов, педагогов до 35 лет и в первые три года работы для показателей мониторинга "
    "(если лист пуст — берётся «Число педагогических работников» с листа «Организация»). Заполняется командой "
    "nastavnik import-staff из выгрузки кадровой программы или вручную; уволившегося не удаляйте, а укажите "
    "дату увольнения.",
    (
        Col("fio", "ФИО", FIO, True, "Фамилия Имя Отчество полностью, как в штатном списке.", personal=True,
            width=32),
        Col("position", "Должность", TEXT, True, "Педагогическая должность по штатному расписанию.",
            choices="position", width=28),
        Col("birth_date", "Дата рождения", DATE, False, "ДД.ММ.ГГГГ. Нужна для числа педагогов до 35 лет.",
            personal=True, past_only=True, width=13),
        Col("hire_date", "Дата приёма", DATE, False, "ДД.ММ.ГГГГ: дата приёма на работу в организацию.",
            past_only=True, width=13),
        Col("ped_experience", "Педагогический стаж, лет", INT, False,
            "Целое число лет от 0 до 60 на дату выгрузки списка; по нему считаются педагоги в первые три года "
            "работы.", min=0, max=60, width=15),
        Col("qual_category", "Квалификационная категория", TEXT, False, "Выберите из списка или впишите.",
            choices="qual", width=22),
        Col("left_date", "Дата увольнения", DATE, False, "Пусто, пока человек работает.", width=13),
    ),
)

REWARDS = Sheet(
    "rewards",
    "Поощрение",
    "Предложения методического совета о поощрении наставников (п. 3.5 Положения, этап 6 дорожной карты): "
    "по строке на наставника и завершённую программу. По листу составляются приказ о поощрении и "
    "благодарственные письма (nastavnik docs КНИГА --only rewards).",
    (
        Col("mentor", "Код наставника", CODE, True, "Код из листа «Наставники».", ref="mentors", width=12),
        Col("programme", "Код программы", CODE, True, "Программа этого наставника, завершённая в полном объёме "
            "(п. 7.1 Положения): основание поощрения.", ref="programmes", width=12),
        Col("kind", "Вид поощрения", ENUM, True, "Благодарность, почётная грамота или премия.",
            choices="reward_kind", width=18),
        Col("amount", "Размер премии, руб.", NUMBER, False, "Только для премии: сумма в рублях.", min=0,
            max=1_000_000, width=12),
        Col("ground", "За что", TEXT, False, "Например: за высокие результаты наставнической деятельности. "
            "Пусто — «за успешную реализацию персонализированной программы наставничества».", width=34),
        Col("protocol_no", "№ протокола методического совета", CODE, False, "Протокол с предложением о поощрении; "
            "без знака «№».", width=12),
        Col("protocol_date", "Дата протокола методического совета", DATE, False, "ДД.ММ.ГГГГ.", past_only=True,
            width=13),
    ),
)

TRAINING = Sheet(
    "training",
    "Обучение наставников",
    "Обучение наставников (п. 3.5 Положения: повышение квалификации наставников): курсы, стажировки, школы "
    "наставничества — по строке на каждое обучение. По листу считается доля наставников, прошедших обучение "
    "за последние три года.",
    (
        Col("mentor", "Код наставника", CODE, True, "Код из листа «Наставники».", ref="mentors", width=12),
        Col("course", "Программа обучения (курс)", TEXT, True,
            "Например: «Наставничество в образовательной организации».", width=36),
        Col("organiser", "Организатор", TEXT, True, "Кто проводил обучение, например: ИРО, ЦНППМ.", width=26),
        Col("hours", "Объём, часов", INT, True, "Число академических часов.", min=1, max=2000, width=10),
        Col("start", "Дата начала", DATE, False, "ДД.ММ.ГГГГ.", width=13),
        Col("end", "Дата окончания", DATE, True, "ДД.ММ.ГГГГ; не позже сегодняшнего дня.", past_only=True,
            width=13),
        Col("document", "Документ об обучении", TEXT, False,
            "Вид, номер и дата, например: удостоверение о повышении квалификации № 123 от 20.05.2026.", width=32),
    ),
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
ARCHIVE_ROADMAP = _archive(
    "archive_roadmap", "Архив дорожной карты", ROADMAP,
    "Дорожная карта прошлых учебных лет такой, какой она была в конце года (nastavnik new-year): в новом году "
    "этапы начинаются заново.")
ARCHIVE_ORG = Sheet(
    "archive_org",
    "Архив организации",
    "Параметры листа «Организация» прошлых учебных лет, которые в новом году изменились или очищены (nastavnik "
    "new-year): учебный год и период, приказы о методическом совете и об итоговом мероприятии.",
    (
        YEAR_COL,
        Col("parameter", "Параметр", TEXT, False, "Как на листе «Организация».", width=48),
        Col("value", "Значение", TEXT, False, "Значение в том учебном году; дата — в виде ДД.ММ.ГГГГ.", width=60),
    ),
)
ARCHIVE_REWARDS = _archive(
    "archive_rewards", "Архив поощрений", REWARDS,
    "Предложения о поощрении наставников по программам прошлых учебных лет (nastavnik new-year).")
ARCHIVE_TRAINING = _archive(
    "archive_training", "Архив обучения", TRAINING,
    "Обучение наставников, выбывших из банка (nastavnik new-year).")
ARCHIVE_ANSWERS = _archive(
    "archive_answers", "Архив ответов анкет", ANSWERS,
    "Ответы на вопросы анкет по программам прошлых учебных лет (nastavnik new-year).")
ARCHIVE_SHEETS: tuple[Sheet, ...] = (ARCHIVE_PAIRS, ARCHIVE_PROGRAMMES, ARCHIVE_PLAN, ARCHIVE_SURVEYS,
                                     ARCHIVE_EVENTS, ARCHIVE_LEAVERS, ARCHIVE_ROADMAP, ARCHIVE_ORG, ARCHIVE_REWARDS,
                                     ARCHIVE_TRAINING, ARCHIVE_ANSWERS)
# The archive sheet of each sheet that new-year archives.
ARCHIVE_OF = {"pairs": "archive_pairs", "programmes": "archive_programmes", "plan": "archive_plan",
              "surveys": "archive_surveys", "events": "archive_events", "roadmap": "archive_roadmap",
              "rewards": "archive_rewards", "training": "archive_training", "answers": "archive_answers"}

SHEETS: tuple[Sheet, ...] = (MENTORS, MENTEES, PAIRS, PROGRAMMES, PLAN, SURVEYS, QUESTIONS, ANSWERS, EVENTS,
                             ROADMAP, NEWS, NORMATIVE, REWARDS, TRAINING, STAFF, *ARCHIVE_SHEETS)
SHEET_BY_KEY = {s.key: s for s in SHEETS}

INSTRUCTION_TITLE = "Инструкция"
ORG_TITLE = "Организация"
LISTS_TITLE = "Справочники"
CHECK_TITLE = "Проверка"  # the problem list that `nastavnik check --annotate` adds to its copy

