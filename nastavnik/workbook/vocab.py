"""Controlled vocabularies: the values behind every dropdown of the workbook.

They live apart from the sheet declarations because several sheets share them
(a direction is both a mentor's competence and a mentee's request) and because
the «Справочники» sheet, the checks, the matcher and the documents all need the
exact canonical spelling.
"""

from __future__ import annotations

# The nine directions of the programme template (Примерный шаблон программы).
# The key is a short English id used in column keys: ``comp_ict``, ``req_ict``.
DIRECTIONS: dict[str, str] = {
    "theory": "научно-теоретические",
    "legal": "нормативные правовые",
    "subject": "предметно-профессиональные",
    "psych": "психолого-педагогические",
    "method": "методические",
    "ict": "ИКТ-компетенции",
    "digital": "цифровизация образования",
    "upbringing": "внеурочная и воспитательная деятельность",
    "health": "здоровьесбережение",
}

# Six «направленности» of дополнительное образование (приказ Минпросвещения № 629).
FOCUSES = [
    "техническая",
    "естественнонаучная",
    "физкультурно-спортивная",
    "художественная",
    "туристско-краеведческая",
    "социально-гуманитарная",
]

QUAL_CATEGORIES = [
    "без категории",
    "соответствие занимаемой должности",
    "первая",
    "высшая",
    "педагог-методист",
    "педагог-наставник",
]
# Rank used for the experience gap in matching: a higher number is a more senior category.
QUAL_RANK = {
    "без категории": 0,
    "соответствие занимаемой должности": 1,
    "первая": 2,
    "высшая": 3,
    "педагог-методист": 4,
    "педагог-наставник": 4,
}

EDUCATION = [
    "высшее педагогическое",
    "высшее непедагогическое",
    "среднее профессиональное педагогическое",
    "среднее профессиональное непедагогическое",
    "обучается в вузе или колледже",
]

FORM_STUDENT = "работодатель – студент"
FORM_PEERS = "педагог – педагог"
FORM_HEAD = "руководитель ОО – педагог"
# A mentor from outside (a university's or a college's lecturer, п. 2.3) has no labour contract with the
# organisation: she works under a cooperation agreement, and ТК РФ ст. 351.8 does not bind her.
FORM_OUTSIDE = "педагог вуза/колледжа – молодой педагог"
FORMS = [
    FORM_PEERS,
    FORM_HEAD,
    FORM_STUDENT,
    FORM_OUTSIDE,
    "другая",
]

KIND_GROUP = "в группе"
KIND_ONE_TO_ONE = "традиционное «один-на-один»"
KIND_REVERSE = "реверсивное"
KINDS = [
    "виртуальное",
    KIND_GROUP,
    "краткосрочное/целеполагающее",
    KIND_REVERSE,
    "ситуационное",
    "скоростное",
    KIND_ONE_TO_ONE,
]

FORMATS = ["очно", "онлайн", "смешанный"]

YES_NO = ["да", "нет"]
SEX = ["м", "ж"]

MENTOR_STATUS_ACTIVE = "активен"
MENTOR_STATUS_LEFT = "выбыл"
MENTOR_STATUSES = [MENTOR_STATUS_ACTIVE, MENTOR_STATUS_LEFT]

COUNCIL_ROLES = ["председатель", "заместитель председателя", "секретарь", "член совета"]

MENTEE_CATEGORIES = [
    "молодой специалист",
    "начинающий педагог",
    "педагог на новой должности или новом направлении",
    "педагог с профессиональными затруднениями",
    "опытный педагог (реверсивное наставничество)",
    "студент / стажёр",
]
# A student or trainee from outside is a participant of mentoring, not a member of the pedagogical staff:
# shares over «Число педагогических работников» leave them out, the statistical form shows them apart.
MENTEE_STUDENT = "студент / стажёр"

MENTEE_WAITING = "ожидает пару"
MENTEE_IN_PAIR = "в паре"
MENTEE_DONE = "завершил"
MENTEE_LEFT = "выбыл"
MENTEE_STATUSES = [MENTEE_WAITING, MENTEE_IN_PAIR, MENTEE_DONE, MENTEE_LEFT]

PAIR_DRAFT = "проект"
PAIR_APPROVED = "утверждена"
PAIR_RUNNING = "реализуется"
PAIR_DONE = "завершена"
PAIR_STOPPED = "прекращена досрочно"
PAIR_STATUSES = [PAIR_DRAFT, PAIR_APPROVED, PAIR_RUNNING, PAIR_DONE, PAIR_STOPPED]
PAIR_ACTIVE = {PAIR_DRAFT, PAIR_APPROVED, PAIR_RUNNING}

# Section 7.1 of the regulation.
REASON_FULL = "план выполнен в полном объёме"
END_REASONS = [
    REASON_FULL,
    "по инициативе наставника",
    "по инициативе наставляемого",
    "по обоюдному решению",
    "по инициативе куратора",
    "увольнение участника",
]

# Section 7.2 of the regulation and 5.1 (замена наставника).
CHANGES = [
    "продление срока",
    "сокращение срока",
    "корректировка содержания",
    "изменение формы или вида",
    "замена наставника",
]

ACTIVITY_FORMS = [
    "консультация",
    "наставническая встреча",
    "открытое занятие",
    "взаимопосещение",
    "мастер-класс",
    "семинар",
    "вебинар",
    "тренинг",
    "самообразование",
    "курсы повышения квалификации",
    "конкурс",
    "конференция",
    "другое",
]

ACT_PLANNED = "запланировано"
ACT_DONE = "выполнено"
ACT_MOVED = "перенесено"
ACT_FAILED = "не выполнено"
ACTIVITY_STATUSES = [ACT_PLANNED, ACT_DONE, ACT_MOVED, ACT_FAILED]

ROLE_MENTOR = "наставник"
ROLE_MENTEE = "наставляемый"
ROLES = [ROLE_MENTOR, ROLE_MENTEE]

EVENT_TYPES = ["конкурс", "конференция", "форум", "фестиваль", "семинар", "выставка"]
EVENT_LEVELS = ["учрежденческий", "районный", "городской", "всероссийский", "международный"]
EVENT_RESULTS = ["участник", "призёр", "победитель"]

STAGE_STATUSES = ["не начат", "в работе", "выполнен"]
NEWS_KINDS = ["новость", "анонс"]

# The satisfaction and quality survey: one column per question, scored 1–10
# as in the federal methodology of monitoring mentoring programmes.
SURVEY_SCALE = (1, 10)
SURVEY_QUESTIONS: dict[str, str] = {
    "q_satisfaction": "Удовлетворённость участием в программе",
    "q_expectations": "Соответствие программы ожиданиям и запросам",
    "q_meetings": "Регулярность и организация встреч",
    "q_relationship": "Качество взаимодействия в паре (группе)",
    "q_usefulness": "Полезность мероприятий плана",
    "q_growth": "Рост профессиональных компетенций",
    "q_continue": "Готовность продолжить участие в наставничестве",
}

# The seven stages of the roadmap (Дорожная карта), in the regulation's words.
ROADMAP_STAGES = [
    "Подготовка условий для реализации системы (целевой модели) наставничества",
    "Формирование банка наставляемых",
    "Формирование банка наставников",
    "Отбор и обучение",
    "Организация и осуществление работы наставнических пар/групп",
    "Завершение персонализированных программ наставничества",
    "Информационная поддержка системы (целевой модели) наставничества",
]
