"""The second demo workbook: a synthetic but plausible year of a general school (about 60 teachers).

The centre's demo (``samples.demo``) shows the regulation's own kind of organisation; this one shows the
type most curators have — a school — so that every command, document and the site can be seen (and tested)
speaking of subjects, levels of general education, lessons and МО rather than of направленности and
объединения. Like the first demo, all people are invented and the data are a pure function of the academic
year: a year in progress on 25 November, pairs and a group in every status, a student on practice
(«работодатель – студент»), a reverse pair on ИКТ, an extension and a replacement of a mentor, completed pairs
with results and surveys, people who withhold consent. The names are chosen to exercise declension in ways the
centre's do not (Кох, Гурченко, Дурново, Ли, Шевчук — surnames that do not decline; «кызы»; Жук and Бородай,
which do; double surnames; Любовь, Илья, Лев).

Long because it is data: the school's people, pairs, plans and surveys, row by row.
"""

from __future__ import annotations

import datetime as dt
import random

from nastavnik.workbook import orgtypes
from nastavnik.workbook import vocab as v
from nastavnik.workbook.samples.demo import _add_months, demo_anchor

D = dt.timedelta
DIRS = list(v.DIRECTIONS)

NOO, OOO, SOO = orgtypes.SCHOOL.levels  # начальное общее, основное общее, среднее общее

_MO_PRIMARY = "МО учителей начальных классов"
_MO_MATH = "МО учителей математики и информатики"
_MO_RUS = "МО учителей русского языка и литературы"
_MO_SCI = "МО учителей естественных наук"
_MO_LANG = "МО учителей иностранных языков"
_MO_HIST = "МО учителей истории и обществознания"
_MO_PE = "МО учителей физической культуры и ОБЗР"
_SPS = "Социально-психологическая служба"
_TEACHER, _PRIMARY = "учитель", "учитель начальных классов"
_STUDENT_POSITION = "учитель-стажёр"  # declines whole: «учителя-стажёра»

# fio, sex, birth year, position, department, ped exp, org exp, category, subject (profile), levels,
# classes and courses, competencies, max mentees, council role, publish consent, active
_MENTORS = [
    ("Ермолаева Светлана Игоревна", "ж", 1970, _PRIMARY, _MO_PRIMARY, 31, 22, "высшая", "начальные классы",
     (NOO,), "1–4 классы; классное руководство", "subject method upbringing psych", 2, "председатель", True, True),
    ("Кох Людмила Фёдоровна", "ж", 1968, _TEACHER, _MO_MATH, 34, 27, "высшая", "математика", (OOO, SOO),
     "алгебра и геометрия 7–11 классы; подготовка к ОГЭ и ЕГЭ", "subject method theory", 3, "член совета", True,
     True),
    ("Лысенко Богдан Степанович", "м", 1975, _TEACHER, _MO_MATH, 25, 14, "высшая", "информатика", (OOO, SOO),
     "информатика 7–11 классы; курс внеурочной деятельности «Робототехника»", "subject ict digital method", 2,
     None, True, True),
    ("Римская-Корсакова Нина Львовна", "ж", 1966, _TEACHER, _MO_RUS, 36, 30, "педагог-наставник", "русский язык",
     (OOO, SOO), "русский язык и литература 5–11 классы", "subject method theory legal", 3,
     "заместитель председателя", True, True),
    ("Седых Илья Петрович", "м", 1980, _TEACHER, _MO_SCI, 20, 12, "высшая", "физика", (OOO, SOO),
     "физика 7–11 классы; подготовка к ОГЭ", "subject theory ict", 2, None, True, True),
    ("Мамедова Айгюль Рауф кызы", "ж", 1983, _TEACHER, _MO_LANG, 17, 9, "первая", "иностранный язык", (NOO, OOO),
     "английский язык 2–9 классы", "subject method digital", 2, None, True, True),
    ("Дурново Пётр Ильич", "м", 1963, _TEACHER, _MO_HIST, 38, 29, "высшая", "история", (OOO, SOO),
     "история и обществознание 5–11 классы; подготовка к ВПР", "subject legal upbringing", 2, "член совета",
     False, True),
    ("Шевчук Олеся Тарасовна", "ж", 1978, "педагог-психолог", _SPS, 22, 15, "высшая",
     "психолого-педагогическое сопровождение", (NOO, OOO, SOO), "адаптация 1 и 5 классов; сопровождение ГИА",
     "psych upbringing health", 2, "секретарь", True, True),
    ("Жук Павел Андреевич", "м", 1998, _TEACHER, _MO_MATH, 4, 4, "первая", "информатика", (OOO,),
     "информатика 7–9 классы; цифровые сервисы ФГИС «Моя школа»", "ict digital", 1, None, True, True),
    ("Гурченко Алла Вадимовна", "ж", 1972, _TEACHER, _MO_SCI, 28, 19, "высшая", "биология", (OOO, SOO),
     "биология 5–11 классы; школьный экологический проект", "subject theory health", 2, None, True, True),
    ("Хабибуллин Ринат Маратович", "м", 1976, _TEACHER, _MO_PE, 24, 16, "высшая", "физическая культура",
     (NOO, OOO, SOO), "физическая культура 1–11 классы; школьный спортивный клуб", "subject health upbringing", 2,
     None, True, True),
    ("Кузьмина-Караваева Елизавета Юрьевна", "ж", 1969, _PRIMARY, _MO_PRIMARY, 33, 28, "высшая",
     "начальные классы", (NOO,), "1–4 классы; формирующее оценивание", "subject upbringing method psych", 3,
     "член совета", True, True),
    ("Бородай Семён Ильич", "м", 1961, _TEACHER, _MO_MATH, 40, 33, "высшая", "математика", (OOO, SOO),
     "алгебра и геометрия 5–11 классы", "subject method", 2, None, True, False),
    ("Соловей Дарья Максимовна", "ж", 1985, "учитель-логопед", _SPS, 15, 10, "первая",
     "коррекционно-развивающая работа", (NOO,), "логопедические занятия 1–4 классы", "psych method subject", 2,
     None, False, True),
    ("Новикова Любовь Олеговна", "ж", 1974, _TEACHER, _MO_RUS, 26, 20, "высшая", "литература", (OOO, SOO),
     "литература 5–11 классы; подготовка к итоговому сочинению", "subject method upbringing ict", 2, None, True,
     True),
    ("Ли Алексей Геннадьевич", "м", 1979, _TEACHER, _MO_SCI, 21, 13, "первая", "химия", (OOO, SOO),
     "химия 8–11 классы", "subject theory", 2, None, True, True),
]

# fio, sex, birth year, position, department, ped exp, category, subject (profile), levels, classes,
# requests, format, kind, preferred mentor (1-based), consent PD, consent publish, request text
_MENTEES = [
    ("Аксёнова Дарья Романовна", "ж", 2002, _PRIMARY, _MO_PRIMARY, 1, "молодой специалист", "начальные классы",
     (NOO,), "2 «Б» класс; классное руководство", "method upbringing psych", "очно", v.KIND_ONE_TO_ONE, 1, True,
     True, "Трудно удерживать дисциплину на уроке и выстроить общение с родителями второклассников."),
    ("Зуев Никита Сергеевич", "м", 2000, _TEACHER, _MO_MATH, 2, "молодой специалист", "математика", (OOO,),
     "математика 5–6 классы", "subject method", "очно", v.KIND_ONE_TO_ONE, 2, True, True,
     "Подготовка обучающихся к ВПР по математике, разноуровневые задания на уроке."),
    ("Белоусова Ангелина Игоревна", "ж", 2001, _PRIMARY, _MO_PRIMARY, 1, "молодой специалист", "начальные классы",
     (NOO,), "1 «А» класс", "method psych", "смешанный", v.KIND_GROUP, 12, True, True,
     "Адаптация первоклассников, приёмы формирующего оценивания."),
    ("Гончаренко Ирина Олеговна", "ж", 1999, _PRIMARY, _MO_PRIMARY, 2, "начинающий педагог", "начальные классы",
     (NOO,), "3 «В» класс", "method upbringing", "смешанный", v.KIND_GROUP, None, True, False,
     "Проектная деятельность младших школьников, внеурочная деятельность класса."),
    ("Мухаметова Алсу Ильдаровна", "ж", 2003, _PRIMARY, _MO_PRIMARY, 0, "молодой специалист", "начальные классы",
     (NOO,), "4 «А» класс", "method legal", "смешанный", v.KIND_GROUP, None, True, True,
     "Рабочая программа по ФГОС НОО и ведение электронного журнала."),
    ("Крылова Валентина Михайловна", "ж", 1964, _TEACHER, _MO_HIST, 37,
     "опытный педагог (реверсивное наставничество)", "история", (OOO, SOO), "история 5–11 классы", "ict digital",
     "очно", v.KIND_REVERSE, 9, True, True,
     "Освоить ФГИС «Моя школа», цифровые сервисы для уроков и электронный журнал."),
    ("Пак Арина Денисовна", "ж", 2004, _STUDENT_POSITION, _MO_RUS, 0, v.MENTEE_STUDENT, "русский язык", (OOO,),
     "педагогическая практика: русский язык, 5 классы", "subject method legal", "очно", v.KIND_ONE_TO_ONE, 4,
     True, False, "Педагогическая практика студентки педагогического университета: первые уроки русского языка."),
    ("Тарасов Глеб Андреевич", "м", 1996, _TEACHER, _MO_SCI, 4, "педагог на новой должности или новом направлении",
     "физика", (OOO, SOO), "физика 7–9 классы", "subject theory", "очно", v.KIND_ONE_TO_ONE, 5, True, True,
     "Перешёл из колледжа в школу: требования ФГОС ООО и подготовка к ОГЭ по физике."),
    ("Яковлева Софья Павловна", "ж", 1995, _TEACHER, _MO_LANG, 5, "педагог с профессиональными затруднениями",
     "иностранный язык", (NOO, OOO), "английский язык 2–7 классы", "psych upbringing", "очно", "ситуационное",
     None, True, False, "Конфликтные ситуации на уроке, мотивация обучающихся к изучению языка."),
    ("Ильин Максим Олегович", "м", 1997, _TEACHER, _MO_PE, 3, "начинающий педагог", "физическая культура",
     (NOO, OOO), "физическая культура 1–9 классы", "subject method health", "очно", v.KIND_ONE_TO_ONE, 11, True,
     True, "Подготовка обучающихся к нормативам ГТО и школьным соревнованиям."),
    ("Фомина Екатерина Андреевна", "ж", 1998, _TEACHER, _MO_SCI, 3, "начинающий педагог", "биология", (OOO,),
     "биология 5–9 классы", "subject method", "очно", v.KIND_ONE_TO_ONE, 10, True, True,
     "Лабораторные работы на уроках биологии и подготовка к ВПР."),
    ("Гришин Артём Валерьевич", "м", 1994, _TEACHER, _MO_MATH, 6, "педагог с профессиональными затруднениями",
     "математика", (OOO, SOO), "алгебра 8–11 классы", "subject", "очно", "краткосрочное/целеполагающее", None,
     True, False, "Подготовка к конкурсу профессионального мастерства и открытому уроку."),
    ("Лаптева Юлия Сергеевна", "ж", 1993, _TEACHER, _MO_RUS, 6, "педагог с профессиональными затруднениями",
     "литература", (OOO, SOO), "литература 8–11 классы", "method ict", "онлайн", "виртуальное", 15, True, True,
     "Подготовка обучающихся к итоговому сочинению и ОГЭ по литературе, дистанционные формы работы."),
    ("Назарова Милана Руслановна", "ж", 2001, _TEACHER, _MO_MATH, 1, "молодой специалист", "математика", (OOO,),
     "математика 5–7 классы", "subject method", "очно", v.KIND_ONE_TO_ONE, None, True, True,
     "Первый год в школе: планирование уроков математики и проверка тетрадей."),
    ("Савченко Кирилл Игоревич", "м", 1999, "педагог-психолог", _SPS, 1, "молодой специалист",
     "психолого-педагогическое сопровождение", (NOO, OOO, SOO), "диагностика 1, 5 и 10 классов", "psych legal",
     "очно", v.KIND_ONE_TO_ONE, 8, True, True,
     "Психологическая диагностика классов и консультирование родителей."),
    ("Рахимова Зарина Алишеровна", "ж", 2000, "учитель-логопед", _SPS, 1, "молодой специалист",
     "коррекционно-развивающая работа", (NOO,), "логопедические занятия 1–2 классы", "method psych", "очно",
     v.KIND_ONE_TO_ONE, 14, True, True, "Коррекционно-развивающие занятия и взаимодействие с учителями классов."),
    ("Смолина Вероника Артёмовна", "ж", 2002, _TEACHER, _MO_LANG, 0, "молодой специалист", "иностранный язык",
     (NOO,), "английский язык 2–4 классы", "method digital", "очно", v.KIND_ONE_TO_ONE, None, True, True,
     "Первые уроки английского языка в начальной школе."),
    ("Королёв Степан Дмитриевич", "м", 2001, _TEACHER, _MO_SCI, 1, "молодой специалист", "химия", (OOO, SOO),
     "химия 8–9 классы", "subject method", "очно", v.KIND_ONE_TO_ONE, None, True, True,
     "Безопасный школьный эксперимент и подготовка к ОГЭ по химии."),
    ("Баранова Элина Викторовна", "ж", 1990, "социальный педагог", _SPS, 8,
     "педагог на новой должности или новом направлении", "воспитательная работа", (NOO, OOO, SOO),
     "профилактика и работа с семьями", "legal psych upbringing", "смешанный", v.KIND_ONE_TO_ONE, None, True, True,
     "Новая должность социального педагога: документы, работа с семьями."),
    ("Щукин Лев Аркадьевич", "м", 2003, _TEACHER, _MO_HIST, 0, "молодой специалист", "обществознание", (OOO,),
     "обществознание 6–9 классы", "subject method", "очно", v.KIND_ONE_TO_ONE, None, True, False,
     "Первые уроки обществознания, подготовка к ВПР."),
    ("Ёлкина Мария Константиновна", "ж", 1998, "преподаватель-организатор основ безопасности и защиты Родины",
     _MO_PE, 3, "педагог на новой должности или новом направлении", "основы безопасности и защиты Родины",
     (OOO, SOO), "ОБЗР 8–11 классы", "subject legal health", "очно", v.KIND_ONE_TO_ONE, None, True, True,
     "Новый учебный предмет ОБЗР: практические занятия и учебные сборы."),
    ("Гасанов Эмиль Рашидович", "м", 2005, _STUDENT_POSITION, _MO_MATH, 0, v.MENTEE_STUDENT, "информатика",
     (OOO,), "педагогическая практика: информатика, 7 классы", "subject method", "очно", v.KIND_ONE_TO_ONE, None,
     False, False, "Практика студента педагогического колледжа."),
]

# pair code, mentor, mentees, form, kind, status, start offset (days from 1 Sep), months
_PAIRS = [
    ("ПР-001", 1, [1], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_RUNNING, 20, 8),
    ("ПР-002", 2, [2], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_RUNNING, 20, 8),
    ("ПР-003", 12, [3, 4, 5], v.FORMS[0], v.KIND_GROUP, v.PAIR_RUNNING, 25, 9),
    ("ПР-004", 9, [6], v.FORMS[0], v.KIND_REVERSE, v.PAIR_RUNNING, 25, 6),
    ("ПР-005", 4, [7], v.FORM_STUDENT, v.KIND_ONE_TO_ONE, v.PAIR_RUNNING, 30, 4),
    ("ПР-006", 5, [8], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_APPROVED, 95, 6),
    ("ПР-007", 6, [9], v.FORMS[0], "ситуационное", v.PAIR_DRAFT, 100, 4),
    ("ПР-008", 11, [10], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_DONE, -230, 9),
    ("ПР-009", 10, [11], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_DONE, -250, 9),
    ("ПР-010", 2, [12], v.FORMS[0], "краткосрочное/целеполагающее", v.PAIR_STOPPED, 15, 4),
    ("ПР-011", 15, [13], v.FORMS[0], "виртуальное", v.PAIR_RUNNING, -150, 8),
    ("ПР-012", 2, [14], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_RUNNING, 20, 9),
    ("ПР-013", 8, [15], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_RUNNING, 30, 8),
    ("ПР-014", 14, [16], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_RUNNING, 35, 8),
]
_EXTENDED = "ПР-011"
_REPLACED = "ПР-012"  # its first mentor, Н-013, left the school; Н-002 took the mentee over
_LEFT_MENTOR = 13
_STOPPED = "ПР-010"

_ACTIVITIES = {
    "theory": ("Изучение обновлённых ФГОС и федеральной рабочей программы по предмету", "самообразование"),
    "legal": ("Изучение 273-ФЗ, профстандарта педагога и локальных актов школы", "консультация"),
    "subject": ("Разработка технологической карты урока и заданий в формате ВПР и ОГЭ", "мастер-класс"),
    "psych": ("Работа с мотивацией обучающихся, подготовка к родительскому собранию", "консультация"),
    "method": ("Планирование урока и рабочей программы учебного предмета", "наставническая встреча"),
    "ict": ("Освоение цифровых сервисов урока: ФГИС «Моя школа», интерактивная панель", "мастер-класс"),
    "digital": ("Работа в электронном журнале и электронном дневнике", "вебинар"),
    "upbringing": ("Подготовка классного часа и внеурочного мероприятия класса", "открытое занятие"),
    "health": ("Здоровьесберегающие технологии на уроке", "семинар"),
}
_VISITS = ("Посещение уроков наставника и анализ урока", "взаимопосещение")
_OPEN_LESSON = ("Подготовка и проведение открытого урока для МО", "открытый урок")

# The school's additions to its own lists on «Справочники» (schema.EXTENDABLE): a school says «открытый урок»
# where the starting list has the centre's «открытое занятие». ``template.write_workbook(path, org, tables,
# LISTS)`` writes them; the reader and the checks then accept the value.
LISTS: dict[str, list[str]] = {"activity_form": ["открытый урок"]}

_EXPECTED = {
    "theory": "конспект требований ФГОС для своих уроков", "legal": "перечень требований к уроку",
    "subject": "технологическая карта урока", "psych": "памятка для родителей",
    "method": "рабочая программа и поурочный план", "ict": "подборка цифровых сервисов для урока",
    "digital": "заполненный электронный журнал", "upbringing": "сценарий классного часа",
    "health": "комплекс физкультминуток",
}

_STRENGTHS = (
    "Хорошо знает предмет, легко находит контакт с обучающимися.",
    "Уверенно работает с цифровыми сервисами, открыт новому.",
    "Ответственно готовится к урокам, аккуратно ведёт электронный журнал.",
)


# Open answers of «Ответы анкет» (samples.answers), in a school's words.
_ANSWER_TEXTS = {
    "valuable": ("Разбор моих уроков после посещения: сразу видно, что менять.",
                 "Совместная подготовка к ВПР и технологические карты уроков.",
                 "Поддержка перед открытым уроком для МО."),
    "missing": ("Не хватило времени на встречи: окна в расписании не совпадают.",
                "Хотелось бы чаще посещать уроки других учителей.",
                "Мало материалов по работе с родителями."),
    "mentor_valuable": ("Наставляемый стал сам планировать уроки и анализировать их результаты.",
                        "Открытый урок наставляемого для МО прошёл успешно.",
                        "Совместная разработка заданий в формате ВПР."),
    "mentor_missing": ("Времени на встречи в нагрузке наставника не предусмотрено.",
                       "Не хватает методических материалов по наставничеству.",
                       "Трудно совпасть по расписанию для взаимопосещения уроков."),
    "mentor_support": ("Семинар по составлению персонализированной программы.",
                       "Консультации педагога-психолога о трудных ситуациях в классе.",
                       "Обмен опытом с наставниками других школ района."),
    "curator": ("Опытные учителя-наставники во всех МО, методический совет работает регулярно.",
                "В расписании нет общего времени для встреч пар; наставники перегружены.",
                "Ресурсы районного методического центра и ФГИС «Моя школа»; конкурсы профмастерства.",
                "Молодые учителя могут уйти после первого года; растёт нагрузка наставников."),
}


def _title(mentee: dict, kind: str) -> str:
    if mentee["category"] == v.MENTEE_STUDENT:
        return f"Педагогическая практика: {mentee['focus']}"
    if kind == v.KIND_REVERSE:
        return "Цифровая образовательная среда на уроках истории"
    if mentee["category"] == "молодой специалист":
        return f"Первый год в школе: {mentee['focus']}"
    return f"Преодоление профессиональных затруднений: {mentee['focus']}"


def _org(anchor: dt.date) -> dict:
    org = {
        "org_type": orgtypes.SCHOOL.title,
        "full_name": "Государственное бюджетное общеобразовательное учреждение средняя общеобразовательная школа "
                     "№ 614 Калининского района Санкт-Петербурга",
        "short_name": "ГБОУ СОШ № 614 Калининского района Санкт-Петербурга",
        "city": "Санкт-Петербург",
        "inn": "7804000000", "ogrn": "1037800000000",  # invented, like the address
        "address": "Санкт-Петербург, ул. Примерная, д. 14 (адрес вымышлен)",
        "phone": "(812) 000-06-14", "email": "school614@spb.example",  # invented too
        "curator_phone": "(812) 000-06-15", "curator_email": "ershova@spb.example",
        "director_position": orgtypes.SCHOOL.director_position,
        "director_fio": "Гайдамак Олег Витальевич",
        "director_sex": "м",
        "curator_fio": "Ершова Наталья Борисовна",
        "curator_position": orgtypes.SCHOOL.curator_position,
        "curator_sex": "ж",
        "staff_count": 60,
        "academic_year": f"{anchor.year}/{anchor.year + 1}",
        "period_start": anchor,
        "period_end": dt.date(anchor.year + 1, 8, 31),
        "site_url": "https://school614.example/nastavnichestvo",
        "report_recipient": "Информационно-методический центр Калининского района (адрес вымышлен)",
        "main_site_url": "https://school614.example/",
        "reward_rules": True,
        "max_wait_days": 30,
        "final_event_date": dt.date(anchor.year + 1, 5, 22),
        "final_event_place": "актовый зал школы",
        "council_protocol_no": "1", "council_protocol_date": anchor,
        "order_regulation_no": "84-о",
        "order_regulation_date": anchor + D(days=1),
        "order_curator_no": "85-о",
        "order_curator_date": anchor + D(days=1),
        "order_council_no": "91-о",
        "order_council_date": anchor + D(days=8),
    }
    from nastavnik.workbook.schema import MATCH_WEIGHTS, ORG_BY_KEY

    org.update({k: ORG_BY_KEY[k].default for k in MATCH_WEIGHTS if k in ORG_BY_KEY})
    return org


def _mentors(anchor: dt.date, rnd: random.Random) -> list[dict]:
    out = []
    for i, m in enumerate(_MENTORS, start=1):
        (fio, sex, by, pos, dep, pexp, oexp, cat, focus, levels, subj, comps, mx, role, pub, active) = m
        row = {
            "code": f"Н-{i:03d}", "fio": fio, "sex": sex,
            "birth_date": dt.date(by, rnd.randint(1, 12), rnd.randint(1, 28)),
            "position": pos, "department": dep, "contact": f"+7 900 200-{i:02d}-{i + 30:02d}",
            "ped_experience": pexp, "org_experience": oexp, "qual_category": cat,
            "education": "высшее педагогическое" if i % 5 else "высшее непедагогическое",
            "focus": focus, "level": levels, "subject": subj,
            "forms": [v.FORMS[0]] if i % 4 else [v.FORMS[0], v.FORM_STUDENT],
            "kinds": [] if i % 2 else [v.KIND_ONE_TO_ONE, v.KIND_GROUP, "виртуальное", "ситуационное"],
            "format": ["очно", "смешанный", "очно", "онлайн"][i % 4],
            "max_mentees": mx, "council_role": role,
            "consent_pd": True, "consent_pd_date": anchor - D(days=12 + i),
            "consent_publish": pub, "consent_publish_date": anchor - D(days=12 + i) if pub else None,
            "date_added": anchor - D(days=11 + i),
            "status": v.MENTOR_STATUS_ACTIVE if active else v.MENTOR_STATUS_LEFT,
            "note": "" if active else "уволился по собственному желанию; его наставляемую П-014 ведёт Н-002",
        }
        for key in DIRS:
            row[f"comp_{key}"] = key in comps.split()
        out.append(row)
    out[0]["preferred_mentees"] = ["П-001"]
    return out


def _mentees(anchor: dt.date, rnd: random.Random) -> list[dict]:
    out = []
    for i, m in enumerate(_MENTEES, start=1):
        (fio, sex, by, pos, dep, pexp, cat, focus, levels, subj, reqs, fmt, kind, pref, pd, pub, text) = m
        added = anchor + D(days=3 + i) if i <= 16 else anchor + D(days=58 + i)  # the waiting ones came in November
        row = {
            "code": f"П-{i:03d}", "fio": fio, "sex": sex,
            "birth_date": dt.date(by, rnd.randint(1, 12), rnd.randint(1, 28)),
            "position": pos, "department": dep, "contact": f"+7 900 300-{i:02d}-{i + 40:02d}",
            "ped_experience": pexp, "hire_date": dt.date(max(anchor.year - pexp, by + 20), 9, 1),
            "qual_category": ("без категории" if pexp < 2 else "высшая" if pexp > 20 else "первая" if pexp > 8
                              else "соответствие занимаемой должности"),
            "category": cat, "focus": focus, "level": levels, "subject": subj, "request_text": text,
            "format": fmt, "kind": kind, "preferred_mentor": f"Н-{pref:03d}" if pref else None,
            "consent_pd": pd, "consent_pd_date": added if pd else None,
            "consent_publish": pub, "consent_publish_date": added if pub else None,
            "date_added": added, "status": v.MENTEE_WAITING,
        }
        if cat == v.MENTEE_STUDENT:  # a student is hired for the practice only: no staff seniority
            row["hire_date"] = None
        for key in DIRS:
            row[f"req_{key}"] = key in reqs.split()
        out.append(row)
    return out


def _pair_base(n: int, code: str, mi: int, form: str, kind: str, status: str, start: dt.date, end: dt.date,
               anchor: dt.date) -> dict:
    approved = status != v.PAIR_DRAFT
    order_date = start - D(days=5)
    base = {
        "code": code, "mentor": f"Н-{mi:03d}", "form": form, "kind": kind, "start": start,
        "planned_end": end, "status": status,
        "order_no": f"{100 + n}-о" if approved else None, "order_date": order_date if approved else None,
        "mentor_consent": True, "mentor_consent_date": order_date - D(days=10) if approved else None,
        "agreement_no": f"ДС-{n:02d}" if approved else None,
        "agreement_date": order_date if approved else None,
        "agreement_until": end if approved else None,
        "payment": (2500.0 if form == v.FORM_STUDENT else 3500.0) if approved else None,
    }
    if status == v.PAIR_DONE:
        base.update(actual_end=end, end_reason=v.REASON_FULL)
    if code == _STOPPED:
        base.update(actual_end=anchor + D(days=60), end_reason="по обоюдному решению")
    if code == _EXTENDED:
        new_end = end + D(days=60)
        base.update(change="продление срока", new_end=new_end,
                    change_basis="заявление наставника и наставляемого", change_order_no="147-о",
                    change_order_date=anchor + D(days=70), agreement_until=new_end)
    if code == _REPLACED:
        # п. 5.1: the first mentor left; the new one signed her own agreement on the day of the change order
        # (her consent's date is left blank: the sheet dates consent against the first order only).
        changed = anchor + D(days=55)
        base.update(change="замена наставника", change_basis="служебная записка куратора об увольнении наставника",
                    change_order_no="139-о", change_order_date=changed, mentor_consent_date=None,
                    agreement_date=changed,
                    note="Первый наставник — Н-013 (уволился); с даты приказа об изменении — Н-002.")
    return base


def school_demo_data(today: dt.date | None = None) -> tuple[dict, dict]:
    """(organisation, tables) of the school demo, consistent as of 25 November of the current academic year.

    Write it with the school's list additions: ``write_workbook(path, org, tables, LISTS)``."""
    anchor = demo_anchor(today or dt.date.today())
    as_of = anchor + D(days=85)
    rnd = random.Random(20250614)
    org = _org(anchor)
    mentors, mentees = _mentors(anchor, rnd), _mentees(anchor, rnd)

    pairs, programmes, plan, surveys = [], [], [], []
    for n, (code, mi, mes, form, kind, status, offset, months) in enumerate(_PAIRS, start=1):
        start = anchor + D(days=offset)
        end = _add_months(start, months) - D(days=1)
        base = _pair_base(n, code, mi, form, kind, status, start, end, anchor)
        approved = status != v.PAIR_DRAFT
        for me in mes:
            pairs.append({**base, "mentee": f"П-{me:03d}"})
            mentee = mentees[me - 1]
            # A request precedes the pair: the mentee entered the bank at least a week before the order.
            latest = (base["order_date"] if approved else start) - D(days=7)
            if status == v.PAIR_DONE or code == _EXTENDED:
                latest = start - D(days=20)
            if mentee["date_added"] > latest:
                mentee["date_added"] = mentee["consent_pd_date"] = latest
                if mentee["consent_publish_date"]:
                    mentee["consent_publish_date"] = latest
            mentee["status"] = {v.PAIR_DONE: v.MENTEE_DONE, v.PAIR_STOPPED: v.MENTEE_LEFT}.get(status, v.MENTEE_IN_PAIR)
        prog_end = base.get("new_end") or end
        mentee0 = mentees[mes[0] - 1]
        reqs = [k for k in DIRS if mentee0[f"req_{k}"]] or ["method"]
        names = ", ".join(v.DIRECTIONS[k] for k in reqs)
        done_prog = status == v.PAIR_DONE
        programmes.append({
            "code": f"ПП-{n:03d}", "pair": code, "title": _title(mentee0, kind),
            "problem": mentee0["request_text"],
            "goal": f"Преодоление профессиональных затруднений по направлениям: {names}.",
            "tasks": "Определить затруднения и сильные стороны наставляемого;\nосвоить приёмы планирования и "
                     "анализа урока;\nподготовить и провести открытый урок.",
            "content": "Совместное планирование уроков, взаимопосещение уроков, консультации, анализ результатов "
                       "контрольных работ и ВПР.",
            "start": start, "end": prog_end,
            "strengths": _STRENGTHS[n % len(_STRENGTHS)],
            "intermediate_results": "Разработаны технологические карты уроков, проведено взаимопосещение.",
            "intermediate_date": start + D(days=(prog_end - start).days // 2),
            "planned_results": "Самостоятельное планирование и проведение уроков по ФГОС, применение освоенных "
                               "приёмов.",
            "schedule": "еженедельно, вторник, 15:00 (после уроков)" if n % 2 else "два раза в месяц, четверг, 15:30",
            "mode": mentee0["format"], "conditions": "учебный кабинет, методический кабинет школы, интерактивная "
                                                     "панель",
            "acquainted_date": start if approved else None, "curator_agreed": approved,
            "achieved_results": "Проведён открытый урок для МО; обучающиеся наставляемого успешно выполнили ВПР."
            if done_prog else None,
            "best_practice": done_prog, "consent_publish": done_prog,
        })
        span = (prog_end - start).days
        steps = list(dict.fromkeys([*reqs, "method", "subject", "legal", "upbringing", "psych"]))
        for j, key in enumerate(steps[:6]):
            planned = start + D(days=int(span * (j + 1) / 7))
            act, aform = _VISITS if j == 1 else _OPEN_LESSON if j == 3 else _ACTIVITIES[key]
            row = {"programme": f"ПП-{n:03d}", "direction": v.DIRECTIONS[key], "activity": act, "form": aform,
                   "planned_date": planned, "responsible": "наставник" if j % 2 == 0 else "наставляемый",
                   "expected_result": "открытый урок и его самоанализ" if j == 3 else _EXPECTED[key],
                   "status": v.ACT_PLANNED}
            if status == v.PAIR_STOPPED and planned > base["actual_end"]:
                row["status"] = v.ACT_FAILED
            elif planned <= as_of - D(days=3) and status in (v.PAIR_RUNNING, v.PAIR_DONE, v.PAIR_STOPPED):
                late = rnd.random() < 0.2
                row.update(status=v.ACT_DONE, actual_date=min(planned + D(days=7 if late else 0), as_of),
                           result="выполнено, материалы в методическом кабинете")
            if code == "ПР-002" and j == 2:  # the ВПР week took the date: the meeting moved two weeks on
                row.update(status=v.ACT_MOVED, planned_date=as_of + D(days=14), actual_date=None, result=None)
            plan.append(row)
        if status in (v.PAIR_DONE, v.PAIR_RUNNING) and start + D(days=60) <= as_of:
            when = min(as_of, base.get("actual_end") or start + D(days=60))
            for role, who in [(v.ROLE_MENTOR, base["mentor"])] + [(v.ROLE_MENTEE, f"П-{me:03d}") for me in mes]:
                answers = {q: min(10, max(1, rnd.randint(7, 10) - (1 if role == v.ROLE_MENTEE else 0)))
                           for q in v.SURVEY_QUESTIONS}
                surveys.append({"respondent": who, "role": role, "programme": f"ПП-{n:03d}", "date": when,
                                **answers, "comment": "Программа полезна." if rnd.random() < 0.5 else None})
    from .answers import demo_answers

    tables = {"mentors": mentors, "mentees": mentees, "pairs": pairs, "programmes": programmes, "plan": plan,
              "surveys": surveys, "events": _events(anchor), "roadmap": _roadmap(), "news": _news(anchor),
              "normative": _normative(anchor),
              "answers": demo_answers(pairs, mentees, programmes, as_of, 20250615, _ANSWER_TEXTS)}
    return org, tables


def _events(anchor: dt.date) -> list[dict]:
    return [
        {"person": "П-010", "event": "Конкурс педагогических достижений Санкт-Петербурга, номинация «Педагогические "
         "надежды»", "type": "конкурс", "level": "городской", "date": anchor - D(days=90), "result": "призёр"},
        {"person": "Н-004", "event": "Районная конференция «Наставничество в школе: практики и перспективы»",
         "type": "конференция", "level": "районный", "date": anchor + D(days=50), "result": "участник"},
        {"person": "П-002", "event": "Районный конкурс методических разработок уроков математики", "type": "конкурс",
         "level": "районный", "date": anchor + D(days=70), "result": "победитель"},
        {"person": "Н-001", "event": "Всероссийский форум наставников", "type": "форум", "level": "всероссийский",
         "date": anchor + D(days=40), "result": "участник"},
        {"person": "П-003", "event": "Школьный фестиваль открытых уроков «Первые шаги»", "type": "фестиваль",
         "level": "учрежденческий", "date": anchor + D(days=75), "result": "участник"},
        {"person": "П-006", "event": "Городской семинар «Цифровая образовательная среда на уроках истории»",
         "type": "семинар", "level": "городской", "date": anchor + D(days=80), "result": "участник"},
    ]


def _news(anchor: dt.date) -> list[dict]:
    return [
        {"date": anchor + D(days=2), "kind": "новость", "title": "Утверждено Положение о системе наставничества",
         "text": "Приказом директора утверждены Положение о системе (целевой модели) наставничества педагогических "
                 "работников школы и дорожная карта на учебный год.", "publish": True},
        {"date": anchor + D(days=30), "kind": "новость", "title": "Сформированы наставнические пары",
         "text": "В школе начали работу наставнические пары, группа молодых учителей начальных классов и пара "
                 "реверсивного наставничества по цифровым сервисам урока.", "publish": True},
        {"date": anchor + D(days=80), "kind": "анонс", "title": "Неделя открытых уроков молодых учителей",
         "text": "Приглашаем наставников и коллег на открытые уроки молодых учителей.", "publish": True},
        {"date": anchor + D(days=84), "kind": "новость", "title": "Черновик: итоги первой четверти",
         "text": "Готовится к публикации.", "publish": False},
    ]


def _roadmap() -> list[dict]:
    from nastavnik.workbook.schema import ROADMAP

    out = []
    for row in ROADMAP.prefill:
        r = dict(zip(ROADMAP.keys, row))
        r["status"] = "выполнен" if r["stage"] <= 3 else "в работе" if r["stage"] in (4, 5, 7) else "не начат"
        out.append(r)
    return out


def _normative(anchor: dt.date) -> list[dict]:
    from nastavnik.workbook.schema import NORMATIVE

    out = [dict(zip(NORMATIVE.keys, row)) for row in NORMATIVE.prefill]
    out += [
        {"level": "региональный (Санкт-Петербург)", "kind": "Распоряжение Комитета по образованию",
         "title": "О создании и функционировании региональной системы научно-методического сопровождения "
                  "педагогических работников и управленческих кадров Санкт-Петербурга",
         "date": dt.date(2022, 4, 8), "number": "746-р", "link": "", "publish": True},
        {"level": "локальный", "kind": "Приказ", "title": "Об утверждении Положения о поощрении наставников",
         "date": anchor + D(days=2), "number": "86-о", "link": "", "publish": True},
        {"level": "методические рекомендации", "kind": "Методические материалы района (пример)",
         "title": "Памятка наставнику молодого учителя", "date": anchor - D(days=5), "number": "",
         "link": "https://imc.example/nastavniku", "publish": True},
    ]
    return out
