"""Types of educational organisation and what differs between them.

The federal model of mentoring (система (целевая модель) наставничества педагогических работников) is the same
for a school, a kindergarten, a college and a centre of supplementary education; what differs is how a teacher's
profile is described (a subject and a level of general education, an educational area and an age group, a cycle
of disciplines and a level of training, a направленность and a level of programmes), which positions are usual,
and the words the hints use for where a teacher works. Everything that depends on the type reads it from here,
so that adding a type is adding one ``OrgType`` below.

The value lists here are the *starting* lists: the curator extends the organisation's own lists on the
«Справочники» sheet, and the reader honours her additions (``Book.lists``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nastavnik.workbook import vocab as v


@dataclass(frozen=True)
class OrgType:
    key: str  # English id: school, kindergarten, college, extra, other
    title: str  # the value of «Тип организации» on «Организация»
    word: str  # the word of ``--type`` (``nastavnik init --type школа``)
    aliases: tuple[str, ...]  # other words accepted for ``--type`` and in the cell
    profile: str  # title of the profile column (schema key ``focus``) on both banks
    profile_hint: str
    profiles: tuple[str, ...]  # the starting profile list
    level: str  # title of the level column (schema key ``level``)
    level_hint: str
    levels: tuple[str, ...]
    subject: str  # title of the free-text column beside the profile (schema key ``subject``)
    subject_hint: str
    positions: tuple[str, ...]  # usual positions, offered in the «Должность» dropdown
    position_example: str
    department_hint: str
    full_name: str  # the start of a typical full name («… бюджетное общеобразовательное учреждение»)
    director_position: str
    curator_position: str
    # The matching's words for its profile and level parts, as the weights and the reasons say them.
    weight_profile: str  # «Вес: один учебный предмет»
    weight_level: str  # «Вес: общий уровень образования»
    same_profile: str  # a reason: «один учебный предмет (математика)»
    other_profile: str  # a reason: «другой учебный предмет (физика)»
    same_level: str  # a reason: «общий уровень образования (основное общее)»
    where: str  # where a teacher works, for hints: «в классах», «в группах», «в объединениях»
    # Indicator numbers (nastavnik.report) that do not apply to this type; empty — all apply.
    indicators_off: frozenset[str] = field(default_factory=frozenset)
    # Words of the free-text column that name a kind of worker or of document, not a field: a college's «мастер
    # отделочных работ» and «мастер по ремонту автомобилей» are not close for «мастер» (matching's subject part).
    trade_words: tuple[str, ...] = ()
    # The matching's part of the free-text column (schema key ``subject``), in the words of the column's title: a
    # kindergarten's «Группы, парциальные программы» are no «предметная область».
    weight_subject: str = "Вес: близкая предметная область"
    subject_part: str = "предметная область"  # the proposals' column
    same_subject: str = "близкая предметная область"  # a reason
    # The short name a synthetic book gives an organisation of this type («ГБДОУ детский сад № 3»).
    short_name: str = "ГБУ"


SCHOOL = OrgType(
    "school", "общеобразовательная организация", "школа", ("сош", "гимназия", "лицей", "общеобразовательная"),
    "Учебный предмет",
    "Основной предмет (или «начальные классы») по ФГОС; своего предмета нет в списке — добавьте его на лист "
    "«Справочники».",
    (
        "начальные классы", "русский язык", "литература", "родной язык и родная литература", "иностранный язык",
        "математика", "информатика", "история", "обществознание", "география", "биология", "физика", "химия",
        "изобразительное искусство", "музыка", "труд (технология)", "физическая культура",
        "основы безопасности и защиты Родины", "основы религиозных культур и светской этики",
        "основы духовно-нравственной культуры народов России", "внеурочная деятельность",
        "коррекционно-развивающая работа", "психолого-педагогическое сопровождение", "воспитательная работа",
    ),
    "Уровень общего образования",
    "Уровни, на которых педагог работает, через «;»: начальное общее, основное общее, среднее общее.",
    ("начальное общее", "основное общее", "среднее общее"),
    "Классы, курсы, внеурочная деятельность",
    "Например: 5–9 классы; курс «Финансовая грамотность». Несколько — через «;».",
    (
        "учитель", "учитель начальных классов", "учитель-логопед", "учитель-дефектолог", "педагог-психолог",
        "социальный педагог", "педагог-организатор", "педагог дополнительного образования",
        "педагог-библиотекарь",
        ("советник директора по воспитанию и взаимодействию с детскими общественными объединениями"), "тьютор", "старший вожатый", "преподаватель-организатор основ безопасности и защиты Родины",
        "методист", "заместитель директора по учебно-воспитательной работе",
    ),
    "учитель математики",
    "Методическое объединение или кафедра, например: МО учителей начальных классов.",
    "Государственное бюджетное общеобразовательное учреждение",
    "Директор", "заместитель директора по учебно-воспитательной работе",
    "Вес: один учебный предмет", "Вес: общий уровень образования",
    "один учебный предмет", "другой учебный предмет", "общий уровень образования",
    "в классах",
    short_name="ГБОУ СОШ",
)

KINDERGARTEN = OrgType(
    "kindergarten", "дошкольная образовательная организация", "детский сад",
    ("детсад", "сад", "доу", "дошкольная"),
    "Образовательная область",
    "Основная образовательная область по ФГОС ДО; своей нет в списке — добавьте её на лист «Справочники».",
    (
        "социально-коммуникативное развитие", "познавательное развитие", "речевое развитие",
        "художественно-эстетическое развитие", "физическое развитие", "коррекционно-развивающая работа",
        "психолого-педагогическое сопровождение",
    ),
    "Возрастная группа",
    "Группы, в которых педагог работает, через «;».",
    (
        "группа раннего возраста (до 3 лет)", "младшая группа (3–4 года)", "средняя группа (4–5 лет)",
        "старшая группа (5–6 лет)", "подготовительная к школе группа (6–7 лет)",
    ),
    "Группы, парциальные программы",
    "Например: группа компенсирующей направленности; программа «Экономическое воспитание». Несколько — через «;».",
    (
        "воспитатель", "старший воспитатель", "музыкальный руководитель", "инструктор по физической культуре",
        "учитель-логопед", "учитель-дефектолог", "педагог-психолог", "педагог дополнительного образования",
        "методист", "заместитель заведующего",
    ),
    "воспитатель",
    "Группа или структурное подразделение, например: группа № 5 «Солнышко».",
    "Государственное бюджетное дошкольное образовательное учреждение",
    "Заведующий", "старший воспитатель",
    "Вес: одна образовательная область", "Вес: общая возрастная группа",
    "одна образовательная область", "другая образовательная область", "общая возрастная группа",
    "в группах",
    weight_subject="Вес: близкие парциальные программы", subject_part="парциальные программы",
    same_subject="близкие парциальные программы", short_name="ГБДОУ детский сад",
)

COLLEGE = OrgType(
    "college", "профессиональная образовательная организация (СПО)", "колледж",
    ("техникум", "спо", "профессиональная"),
    "Цикл дисциплин",
    "Цикл учебного плана по ФГОС СПО, в котором педагог ведёт дисциплины или модули; свой добавьте на лист "
    "«Справочники».",
    (
        "общеобразовательный цикл", "социально-гуманитарный цикл", "общепрофессиональный цикл",
        "профессиональный цикл (МДК)", "учебная и производственная практика", "воспитательная работа",
        "психолого-педагогическое сопровождение",
    ),
    "Уровень подготовки",
    "Программы, по которым педагог работает, через «;».",
    (
        "подготовка квалифицированных рабочих (служащих)", "подготовка специалистов среднего звена",
        "профессиональное обучение",
    ),
    "Специальность / профессия, дисциплины",
    "Например: 08.02.01 Строительство и эксплуатация зданий; МДК.01.01. Несколько — через «;».",
    (
        "преподаватель", "мастер производственного обучения", "старший мастер", "методист", "педагог-психолог",
        "социальный педагог", "педагог-организатор", "руководитель физического воспитания",
        "преподаватель-организатор основ безопасности и защиты Родины", "тьютор", "воспитатель",
        "заместитель директора по учебно-методической работе",
    ),
    "преподаватель",
    "Отделение или предметно-цикловая комиссия, например: ПЦК строительных дисциплин.",
    "Государственное бюджетное профессиональное образовательное учреждение",
    "Директор", "заместитель директора по учебно-методической работе",
    "Вес: один цикл дисциплин", "Вес: общий уровень подготовки",
    "один цикл дисциплин", "другой цикл дисциплин", "общий уровень подготовки",
    "в учебных группах",
    trade_words=(
        "мастер", "техник", "специалист", "оператор", "рабочий", "работы", "работ", "профессия", "специальность",
        "дисциплина", "модуль", "мдк", "практика", "квалификация", "подготовка", "обучение", "преподавание",
        "технология", "технологии", "техническое", "обслуживание", "ремонт", "эксплуатация",
    ),
    weight_subject="Вес: близкая специальность (профессия)", subject_part="специальность (профессия)",
    same_subject="близкая специальность (профессия)", short_name="ГБПОУ колледж",
)

EXTRA = OrgType(
    "extra", "организация дополнительного образования", "центр",
    ("доп", "дополнительное", "удо", "дод", "дом творчества", "дворец"),
    "Направленность",
    "Направленность дополнительных общеразвивающих программ, которые ведёт педагог.",
    tuple(v.FOCUSES),
    "Уровень программ",
    "Уровни сложности программ, которые ведёт педагог, через «;».",
    ("стартовый (ознакомительный)", "базовый", "продвинутый (углублённый)"),
    "Предметная область / объединения",
    "Например: робототехника; 3D-моделирование. Несколько — через «;».",
    (
        "педагог дополнительного образования", "старший педагог дополнительного образования", "тренер-преподаватель",
        "концертмейстер", "методист", "старший методист", "педагог-организатор", "педагог-психолог",
        "заведующий отделом",
    ),
    "педагог дополнительного образования",
    "Отдел или объединение по штатному расписанию.",
    "Государственное бюджетное учреждение дополнительного образования",
    "Директор", "заместитель директора по учебно-воспитательной работе",
    "Вес: одна направленность", "Вес: общий уровень программ",
    "одна направленность", "другая направленность", "общий уровень программ",
    "в объединениях",
    short_name="ГБУ ДО ЦДТ",
)

OTHER = OrgType(
    "other", "другая организация", "другая", ("другой", "иная"),
    "Профиль деятельности",
    "Основной профиль работы педагога; свой добавьте на лист «Справочники».",
    (
        "учебная деятельность", "воспитательная работа", "психолого-педагогическое сопровождение",
        "коррекционно-развивающая работа", "методическая работа", "дополнительное образование",
    ),
    "Категория обучающихся",
    "С кем педагог работает, через «;»; список ведёт организация на листе «Справочники».",
    (),
    "Направления и программы",
    "Например: консультирование родителей. Несколько — через «;».",
    (
        "педагог-психолог", "учитель-логопед", "учитель-дефектолог", "социальный педагог", "методист",
        "старший методист", "педагог дополнительного образования", "преподаватель",
    ),
    "педагог-психолог",
    "Отдел по штатному расписанию.",
    "Государственное бюджетное учреждение",
    "Директор", "заместитель директора",
    "Вес: один профиль деятельности", "Вес: общая категория обучающихся",
    "один профиль деятельности", "другой профиль деятельности", "общая категория обучающихся",
    "в своих направлениях",
    weight_subject="Вес: близкие направления и программы", subject_part="направления и программы",
    same_subject="близкие направления и программы", short_name="ГБУ центр",
)

TYPES: tuple[OrgType, ...] = (SCHOOL, KINDERGARTEN, COLLEGE, EXTRA, OTHER)
BY_KEY = {t.key: t for t in TYPES}
# The regulation behind the product is a centre's, and templates before 1.2 had no type: their books are centres'.
DEFAULT = EXTRA


# --- a type's own words ----------------------------------------------------------------------------------------
# The seed's Положение is a centre's text written with a school's words («укладом школьной жизни»); each type adopts
# the same model in its own words. Keys are the placeholders of docs/data/polozhenie.md and the words the documents,
# the demonstration and synthetic books put in sentences; «other» and unknown types take the neutral wording.
_NEUTRAL_WORDS = {
    "levels": "на уровне образовательной организации и за её пределами",
    "life": "жизни образовательной организации",
    "activity": "организация занятий в объединениях, массовых и досуговых мероприятий",
    "young_club": "объединение молодых педагогов",
    "learners_acc": "обучающихся", "learners_gen": "обучающихся", "with_learners": "с обучающимися",
    "extra_activity": "досуговая и воспитательная деятельность",
    "room": "учебный кабинет", "knows": "хорошо знает своё направление", "pupils": "учеников",
    "in_org": "в образовательной организации", "of_org": "образовательной организации",
}
TYPE_WORDS: dict[str, dict[str, str]] = {
    "school": {
        "levels": "на школьном и внешкольном уровнях", "life": "школьной жизни",
        "activity": "организация урочной и внеурочной деятельности", "young_club": "школа молодого педагога",
        "learners_acc": "обучающихся", "learners_gen": "обучающихся", "with_learners": "с обучающимися",
        "extra_activity": "внеурочная и воспитательная деятельность",
        "room": "учебный кабинет", "knows": "хорошо знает предмет", "pupils": "учеников",
        "in_org": "в школе", "of_org": "школы",
    },
    "kindergarten": {
        "levels": "на уровне детского сада и за его пределами", "life": "жизни детского сада",
        "activity": "организация образовательной деятельности в группе, режимных моментов и взаимодействия "
                    "с семьями воспитанников",
        "young_club": "клуб молодого педагога",
        "learners_acc": "воспитанников", "learners_gen": "воспитанников", "with_learners": "с воспитанниками",
        "extra_activity": "воспитательная деятельность и взаимодействие с семьёй",
        "room": "групповое помещение", "knows": "хорошо знает особенности возраста", "pupils": "воспитанников",
        "in_org": "в детском саду", "of_org": "детского сада",
    },
    "college": {
        "levels": "на уровне колледжа и за его пределами", "life": "жизни колледжа",
        "activity": "организация учебных занятий, учебной и производственной практики",
        "young_club": "школа молодого преподавателя",
        "learners_acc": "студентов", "learners_gen": "студентов", "with_learners": "со студентами",
        "extra_activity": "внеучебная и воспитательная деятельность",
        "room": "учебная аудитория", "knows": "хорошо знает свою дисциплину", "pupils": "студентов",
        "in_org": "в колледже", "of_org": "колледжа",
    },
    "extra": _NEUTRAL_WORDS,
}


def type_words(org_type_key: str) -> dict[str, str]:
    """The words of a type (its key: ``school``, ``kindergarten`` …) that sentences put in."""
    return TYPE_WORDS.get(org_type_key, _NEUTRAL_WORDS)


def direction_title(direction: str, org_type_key: str) -> str:
    """A direction of the programme's plan (its key or the canonical title of ``vocab.DIRECTIONS``) as the type
    says it: the upbringing direction is «внеурочная» only at school, a kindergarten has none of it. The book keeps
    the canonical title (the list, the columns, the checks); only what a person reads is the type's."""
    title = v.DIRECTIONS.get(direction, direction)
    return type_words(org_type_key)["extra_activity"] if title == v.DIRECTIONS["upbringing"] else title


def directions(org_type_key: str) -> dict[str, str]:
    """``vocab.DIRECTIONS`` (key → title) in the type's words."""
    return {k: direction_title(k, org_type_key) for k in v.DIRECTIONS}


def own_words(text: str, org_type_key: str) -> str:
    """A generated sentence with the canonical direction titles in the type's words."""
    upbringing = v.DIRECTIONS["upbringing"]
    return text.replace(upbringing, direction_title(upbringing, org_type_key)) if text else text


def _norm(text: str) -> str:
    return " ".join(str(text).lower().replace("ё", "е").split())


_BY_WORD = {_norm(w): t for t in TYPES for w in (t.title, t.word, t.key, *t.aliases)}


def find(text: object) -> OrgType | None:
    """The type named by a cell or an option: its title, its ``--type`` word or an alias, any case."""
    if text is None:
        return None
    return _BY_WORD.get(_norm(text))


def of(org: dict) -> OrgType:
    """The organisation's type from the «Организация» values; a book without one is a centre's (see DEFAULT)."""
    return find(org.get("org_type")) or DEFAULT


def words() -> list[str]:
    """The ``--type`` words, for help texts."""
    return [t.word for t in TYPES]


# --- Positions: who may be a mentor (п. 1.2 Положения, ТК РФ ст. 351.8) -------------------------------------------
# The nomenclature of pedagogical positions (постановление Правительства РФ от 21.02.2022 № 225, раздел I):
# the professorial staff (п. 1) and the other pedagogical workers (п. 2). A position typed with more words
# («учитель математики», «старший преподаватель кафедры») is matched by its beginning.
PEDAGOGICAL_225 = (
    "ассистент", "преподаватель", "старший преподаватель", "доцент", "профессор", "заведующий кафедрой",
    "декан",
    "воспитатель", "инструктор по труду", "инструктор по физической культуре", "концертмейстер",
    "мастер производственного обучения", "методист", "музыкальный руководитель",
    "педагог дополнительного образования", "педагог-библиотекарь", "педагог-организатор", "педагог-психолог",
    "преподаватель-организатор основ безопасности и защиты родины", "руководитель физического воспитания",
    "советник директора по воспитанию", "социальный педагог", "старший вожатый", "старший воспитатель",
    "старший методист", "старший педагог дополнительного образования", "старший тренер-преподаватель",
    "тренер-преподаватель", "тьютор", "учитель", "учитель-дефектолог", "учитель-логопед", "логопед",
    "педагог",
)
# Раздел II of the same nomenclature: the heads and their deputies, who lead pedagogical work (the form
# «руководитель ОО – педагог», п. 2.3 Положения).
LEADERS_225 = (
    "директор", "заведующий", "заведующая", "начальник", "ректор", "руководитель", "заместитель директора",
    "заместитель заведующего", "заместитель руководителя", "заместитель начальника", "старший мастер",
    "заведующий отделом", "заведующий отделением", "заведующий структурным подразделением",
)
HEADS = ("директор", "заведующий", "заведующая", "начальник", "ректор", "руководитель", "и. о. директора",
         "и.о. директора", "исполняющий обязанности")
DEPUTIES = ("заместитель директора", "заместитель заведующего", "заместитель руководителя", "заместитель начальника")
# Staff who work beside teachers but hold no pedagogical position: each type's usual ones and the common ones.
NON_PEDAGOGICAL = {
    "kindergarten": ("младший воспитатель", "помощник воспитателя"),
    "college": ("лаборант", "заведующий лабораторией", "заведующий мастерской"),
    "school": ("лаборант", "помощник учителя"),
    "common": (
        "секретарь", "делопроизводитель", "бухгалтер", "главный бухгалтер", "экономист", "специалист по кадрам",
        "инспектор по кадрам", "юрисконсульт", "заведующий хозяйством", "завхоз", "инженер", "техник",
        "программист", "системный администратор", "документовед", "архивариус", "библиотекарь",
        "медицинская сестра", "медсестра", "врач", "повар", "кладовщик", "водитель", "рабочий", "уборщик",
        "уборщица", "сторож", "вахтер", "дворник", "гардеробщик", "кастелянша", "лаборант", "диспетчер",
        "специалист по охране труда", "контрактный управляющий",
    ),
}


_ALL_NON_PEDAGOGICAL = tuple(dict.fromkeys(t for titles in NON_PEDAGOGICAL.values() for t in titles))


def _pos(text: object) -> str:
    return " ".join(str(text).lower().replace("ё", "е").replace("–", "-").split()) if text else ""


def _starts(position: str, titles) -> str | None:
    """The longest title the position begins with (a whole word): «учитель математики» → «учитель»."""
    best = None
    for t in titles:
        if (position == t or position.startswith(t + " ") or position.startswith(t + ",")) and (
                best is None or len(t) > len(best)):
            best = t
    return best


def non_pedagogical(position: object, org_type: OrgType) -> str | None:
    """The non-pedagogical title a position begins with («помощник воспитателя»), or None. A position that
    begins with a longer pedagogical title («старший воспитатель») is pedagogical."""
    p = _pos(position)
    if not p:
        return None
    bad = _starts(p, _ALL_NON_PEDAGOGICAL)  # the nomenclature is one for every type; the lists say what is usual
    if bad is None:
        return None
    good = _starts(p, PEDAGOGICAL_225 + LEADERS_225)
    return None if good is not None and len(good) >= len(bad) else bad


# What follows a head's title when it is the head of a unit, not of the organisation («заведующий отделом»).
_UNIT_WORDS = ("отдел", "лаборатор", "кафедр", "мастерск", "библиотек", "хозяйств", "физическ", "структурн",
               "методическ", "сектор", "филиал", "кабинет", "практик", "производств", "музе", "общежит", "склад")


def is_leader(position: object) -> bool:
    """The head of the organisation or a deputy head (раздел II номенклатуры № 225), not a unit's head."""
    p = _pos(position)
    title = _starts(p, HEADS + DEPUTIES) if p else None
    if title is None:
        return False
    rest = p[len(title):].strip(" ,")
    return not rest.startswith(_UNIT_WORDS)


def is_head(position: object, fio: object = None, director_fio: object = None) -> bool:
    """The head herself: her name on «Организация», or a head's title (a deputy is not the head)."""
    def key(x):
        return " ".join(str(x).lower().replace("ё", "е").split())

    if isinstance(fio, str) and isinstance(director_fio, str) and key(fio) == key(director_fio):
        return True
    return is_leader(position) and not _pos(position).startswith("заместитель")


def pair_form(mentor_position: object, mentor_fio: object, mentee_categories, director_fio: object = None) -> str:
    """The form of mentoring (п. 2.3 Положения) that its participants make: students and trainees only —
    «работодатель – студент»; the head as mentor — «руководитель ОО – педагог»; otherwise «педагог – педагог»."""
    categories = [c for c in mentee_categories if isinstance(c, str)]
    if categories and all(c == v.MENTEE_STUDENT for c in categories):
        return v.FORM_STUDENT
    if is_head(mentor_position, mentor_fio, director_fio):
        return v.FORM_HEAD
    return v.FORM_PEERS
