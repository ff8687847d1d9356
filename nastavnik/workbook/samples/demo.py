"""The demo workbook: a synthetic but plausible year of a technical-creativity centre.

All people are invented. The data are a pure function of the academic year, so
the demo always shows a year in progress: pairs and a group in every status,
programmes with plans, survey answers, events, news. Some names are chosen to
exercise the documents (a surname that does not decline, a double surname, a
patronymic with «оглы»), and some people withhold consent, to exercise the
privacy rules.

Long because it is data: the centre's people, pairs, plans and surveys, row by row.
"""

from __future__ import annotations

import datetime as dt
import random

from nastavnik.workbook import vocab as v

D = dt.timedelta
DIRS = list(v.DIRECTIONS)  # direction keys

# code, fio, sex, birth year, position, department, ped exp, org exp, category, focus, subject,
# competencies, max mentees, council role, publish consent, status
_MENTORS = [
    ("Кузнецов Андрей Викторович", "м", 1972, "педагог дополнительного образования", "Отдел технического творчества",
     28, 20, "высшая", "техническая", "робототехника; Робототехника и LEGO-конструирование",
     "subject method ict theory", 2, "председатель", True, True),
    ("Смирнова Ольга Николаевна", "ж", 1968, "педагог дополнительного образования",
     "Отдел технического творчества", 33, 25, "высшая", "техническая", "3D-моделирование и прототипирование",
     "subject method digital psych", 2, "член совета", True, True),
    ("Васильев Игорь Петрович", "м", 1965, "педагог дополнительного образования", "Отдел спортивно-технических видов",
     35, 30, "высшая", "техническая", "авиамоделирование; судомоделирование", "subject upbringing method legal",
     2, None, False, True),
    ("Никитина Татьяна Юрьевна", "ж", 1979, "педагог дополнительного образования",
     "Отдел информационных технологий", 21, 12, "высшая", "техническая", "программирование (Python); "
     "разработка игр", "subject ict digital method", 3, "заместитель председателя", True, True),
    ("Цой Виктор Алексеевич", "м", 1981, "педагог дополнительного образования", "Отдел технического творчества",
     18, 10, "первая", "техническая", "электроника и схемотехника; Arduino", "subject ict theory", 2, None,
     True, True),
    ("Белова-Орлова Марина Сергеевна", "ж", 1975, "методист", "Методический отдел", 24, 15,
     "педагог-методист", "социально-гуманитарная", "методическое сопровождение",
     "method legal theory psych", 2, "секретарь", True, True),
    ("Морозов Дмитрий Александрович", "м", 1970, "педагог дополнительного образования",
     "Отдел начального технического моделирования", 30, 22, "высшая", "техническая",
     "начальное техническое моделирование", "subject method upbringing", 2, "член совета", True, True),
    ("Лебедева Ирина Владимировна", "ж", 1969, "педагог-организатор", "Организационно-массовый отдел", 31, 18,
     "высшая", "социально-гуманитарная", "конкурсы и массовые мероприятия", "upbringing legal psych", 2, None,
     True, True),
    ("Гусейнов Рашид Ильхам оглы", "м", 1984, "педагог дополнительного образования",
     "Отдел информационных технологий", 15, 8, "первая", "техническая", "программирование; веб-разработка",
     "subject ict digital", 2, None, True, True),
    ("Павлов Никита Олегович", "м", 1999, "педагог дополнительного образования", "Отдел информационных технологий",
     4, 4, "первая", "техническая", "цифровые технологии; программирование", "ict digital", 1, None, True, True),
    ("Кравец Наталья Игоревна", "ж", 1980, "педагог дополнительного образования", "Отдел декоративно-прикладного "
     "творчества", 19, 11, "высшая", "художественная", "дизайн и компьютерная графика", "subject method digital",
     2, None, True, True),
    ("Фёдорова Светлана Павловна", "ж", 1962, "педагог-психолог", "Методический отдел", 38, 26, "высшая",
     "социально-гуманитарная", "психологическое сопровождение", "psych upbringing theory", 2, "член совета",
     True, True),
    ("Ковальчук Сергей Иванович", "м", 1974, "педагог дополнительного образования",
     "Отдел спортивно-технических видов", 22, 16, "первая", "техническая", "автомоделирование; картинг",
     "subject upbringing", 2, None, True, True),
    ("Зайцева Людмила Андреевна", "ж", 1966, "педагог дополнительного образования", "Отдел естественных наук",
     34, 21, "высшая", "естественнонаучная", "экология и биотехнологии", "subject theory method", 1, None, True,
     True),
    ("Орлов Михаил Юрьевич", "м", 1960, "педагог дополнительного образования", "Отдел спортивно-технических видов",
     40, 30, "высшая", "физкультурно-спортивная", "спортивное ориентирование", "health subject upbringing", 2, None,
     True, False),
]

# fio, sex, birth year, position, department, ped exp, category, focus, subject, requests, format, kind,
# preferred mentor index (1-based), consent PD, consent publish, text
_MENTEES = [
    ("Иванова Мария Петровна", "ж", 2001, "педагог дополнительного образования", "Отдел технического творчества",
     1, "молодой специалист", "техническая", "робототехника", "subject method", "очно", v.KIND_ONE_TO_ONE, 1,
     True, True, "Трудно удерживать внимание группы на занятиях по робототехнике, нет опыта составления программы."),
    ("Петров Кирилл Андреевич", "м", 1998, "педагог дополнительного образования", "Отдел технического творчества",
     2, "начинающий педагог", "техническая", "3D-моделирование", "method psych", "очно", v.KIND_ONE_TO_ONE, None,
     True, False, "Нужна помощь в построении занятий и работе с родителями."),
    ("Сидорова Алина Дмитриевна", "ж", 2000, "педагог дополнительного образования",
     "Отдел информационных технологий", 1, "молодой специалист", "техническая", "программирование (Python)",
     "method ict", "смешанный", v.KIND_GROUP, 4, True, True, "Методика обучения программированию младших школьников."),
    ("Ким Денис Вячеславович", "м", 1999, "педагог дополнительного образования", "Отдел информационных технологий",
     2, "молодой специалист", "техническая", "программирование", "method ict", "смешанный", v.KIND_GROUP, None,
     True, True, "Проектная деятельность в объединении программирования."),
    ("Шевченко Полина Игоревна", "ж", 2004, "педагог дополнительного образования (стажёр)",
     "Отдел информационных технологий", 0, "студент / стажёр", "техническая", "программирование", "method legal",
     "онлайн", v.KIND_GROUP, None, True, True, "Первое знакомство с профессией, документы педагога."),
    ("Волкова Галина Степановна", "ж", 1967, "педагог дополнительного образования",
     "Отдел спортивно-технических видов", 32, "опытный педагог (реверсивное наставничество)", "техническая",
     "авиамоделирование", "ict digital", "очно", v.KIND_REVERSE, 10, True, True,
     "Освоить электронный журнал, онлайн-сервисы и симуляторы полёта."),
    ("Ткаченко Роман Олегович", "м", 1990, "педагог дополнительного образования", "Отдел технического творчества",
     7, "педагог на новой должности или новом направлении", "техническая", "электроника", "subject theory",
     "очно", v.KIND_ONE_TO_ONE, 5, True, True, "Перешёл из судомоделирования в электронику."),
    ("Медведева Дарья Алексеевна", "ж", 1996, "педагог дополнительного образования",
     "Отдел декоративно-прикладного творчества", 4, "педагог с профессиональными затруднениями", "художественная",
     "компьютерная графика", "psych upbringing", "очно", "ситуационное", None, True, False,
     "Конфликтные ситуации в группе, воспитательная работа."),
    ("Соловьёв Артём Сергеевич", "м", 1995, "педагог дополнительного образования",
     "Отдел начального технического моделирования", 3, "начинающий педагог", "техническая",
     "начальное техническое моделирование", "subject method", "очно", v.KIND_ONE_TO_ONE, 7, True, True,
     "Подготовка обучающихся к соревнованиям."),
    ("Егорова Ксения Викторовна", "ж", 1997, "педагог дополнительного образования",
     "Отдел спортивно-технических видов", 2, "молодой специалист", "техническая", "судомоделирование",
     "subject", "очно", "краткосрочное/целеполагающее", 3, True, False, "Подготовка к конкурсу профмастерства."),
    ("Никитин Илья Романович", "м", 1993, "педагог дополнительного образования", "Отдел информационных технологий",
     5, "педагог с профессиональными затруднениями", "техническая", "веб-разработка", "method ict", "онлайн",
     "виртуальное", 9, True, True, "Дистанционные форматы занятий."),
    ("Абрамова Ева Андреевна", "ж", 2003, "педагог дополнительного образования", "Отдел информационных технологий",
     0, "молодой специалист", "техническая", "программирование; робототехника", "ict method", "очно",
     v.KIND_ONE_TO_ONE, None, True, True, "Первый год работы: планирование занятий, цифровые ресурсы."),
    ("Шубина Любовь Николаевна", "ж", 1985, "педагог дополнительного образования",
     "Отдел спортивно-технических видов", 9, "педагог с профессиональными затруднениями", "физкультурно-спортивная",
     "спортивное ориентирование", "health", "очно", v.KIND_ONE_TO_ONE, None, True, True,
     "Здоровьесберегающие технологии на выездных занятиях."),
    ("Нуриев Тимур Ринатович", "м", 2004, "педагог дополнительного образования (стажёр)",
     "Отдел технического творчества", 0, "студент / стажёр", "техническая", "робототехника", "subject method",
     "очно", v.KIND_ONE_TO_ONE, None, False, False, "Практика студента педагогического колледжа."),
    ("Голубева Вера Игоревна", "ж", 1994, "методист", "Методический отдел", 6,
     "педагог на новой должности или новом направлении", "техническая", "3D-моделирование", "method legal",
     "смешанный", v.KIND_ONE_TO_ONE, 2, True, True, "Новая должность методиста: документы и программы."),
]

# pair code, mentor index, mentee indexes, form, kind, status, start offset (days from 1 Sep), months
_PAIRS = [
    ("ПР-001", 1, [1], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_RUNNING, 20, 8),
    ("ПР-002", 2, [2], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_RUNNING, 20, 8),
    ("ПР-003", 4, [3, 4, 5], v.FORMS[0], v.KIND_GROUP, v.PAIR_RUNNING, 25, 9),
    ("ПР-004", 10, [6], v.FORMS[0], v.KIND_REVERSE, v.PAIR_RUNNING, 25, 6),
    ("ПР-005", 5, [7], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_APPROVED, 95, 6),
    ("ПР-006", 12, [8], v.FORMS[0], "ситуационное", v.PAIR_DRAFT, 100, 4),
    ("ПР-007", 7, [9], v.FORMS[0], v.KIND_ONE_TO_ONE, v.PAIR_DONE, -230, 9),
    ("ПР-008", 3, [10], v.FORMS[0], "краткосрочное/целеполагающее", v.PAIR_STOPPED, 15, 4),
    ("ПР-009", 9, [11], v.FORMS[0], "виртуальное", v.PAIR_RUNNING, -150, 8),
]

_ACTIVITIES = {
    "theory": ("Изучение современных подходов к дополнительному образованию", "самообразование"),
    "legal": ("Изучение 273-ФЗ, профстандарта и локальных актов центра", "консультация"),
    "subject": ("Разработка учебного проекта для объединения", "мастер-класс"),
    "psych": ("Работа с мотивацией обучающихся и взаимодействие с родителями", "консультация"),
    "method": ("Составление плана занятия и дополнительной общеразвивающей программы", "наставническая встреча"),
    "ict": ("Освоение цифровых сервисов для занятий", "мастер-класс"),
    "digital": ("Работа в электронном журнале и на образовательной платформе", "вебинар"),
    "upbringing": ("Подготовка воспитательного мероприятия объединения", "открытое занятие"),
    "health": ("Здоровьесберегающие технологии на занятиях", "семинар"),
}


# What each direction's activity leaves behind (the seed's programme template asks for it).
_EXPECTED = {
    "theory": "конспект с выводами для своей практики", "legal": "перечень требований к занятию",
    "subject": "учебный проект объединения", "psych": "памятка для родителей",
    "method": "план занятия и раздел программы", "ict": "подборка цифровых сервисов",
    "digital": "заполненный электронный журнал", "upbringing": "сценарий мероприятия",
    "health": "комплекс физкультминуток",
}

_STRENGTHS = (
    "Хорошо знает предмет, легко находит контакт с обучающимися.",
    "Уверенно работает с цифровыми инструментами, открыт новому.",
    "Ответственно готовится к занятиям, аккуратно ведёт документацию.",
)


# Open answers of «Ответы анкет» (samples.answers), in a centre's words.
_ANSWER_TEXTS = {
    "valuable": ("Разбор моих занятий после посещения: сразу видно, что менять.",
                 "Совместная подготовка обучающихся к соревнованиям.",
                 "Готовые шаблоны планов занятий и программы объединения."),
    "missing": ("Не хватило времени на встречи: расписание объединений пересекается.",
                "Хотелось бы больше посещать занятия других педагогов.",
                "Мало материалов по работе с родителями."),
    "mentor_valuable": ("Наставляемый стал сам планировать занятия и предлагать идеи.",
                        "Совместный проект объединения, который показали на районном конкурсе."),
    "mentor_missing": ("Времени на встречи в нагрузке наставника не предусмотрено.",
                       "Методических материалов по наставничеству в центре пока мало."),
    "mentor_support": ("Семинар по составлению персонализированной программы.",
                       "Консультации психолога о трудных ситуациях в группе.",
                       "Обмен опытом с наставниками других отделов."),
    "curator": ("Опытные педагоги-наставники во всех отделах, методический совет работает регулярно.",
                "Нет общего времени для встреч пар: расписания объединений пересекаются.",
                "Районные конкурсы и ресурсы информационно-методического центра; партнёрство с колледжем.",
                "Нагрузка наставников растёт, а молодые педагоги могут уйти после первого года."),
}


def demo_anchor(today: dt.date) -> dt.date:
    """1 September of the academic year whose first three months have passed by ``today``."""
    year = today.year if today >= dt.date(today.year, 11, 25) else today.year - 1
    return dt.date(year, 9, 1)


def _add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    for day in (d.day, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)


def demo_data(today: dt.date | None = None) -> tuple[dict, dict]:
    """(organisation, tables) of the demo, consistent as of 25 November of the current academic year."""
    anchor = demo_anchor(today or dt.date.today())
    as_of = anchor + D(days=85)
    rnd = random.Random(20250901)
    year = f"{anchor.year}/{anchor.year + 1}"
    org = {
        "full_name": "Государственное бюджетное учреждение дополнительного образования Центр детского (юношеского) "
                     "технического творчества Кировского района Санкт-Петербурга",
        "short_name": "ГБУ ДО ЦДЮТТ Кировского района Санкт-Петербурга",
        "city": "Санкт-Петербург",
        "inn": "7805000000", "ogrn": "1027800000000",  # invented, like the address
        "address": "Санкт-Петербург, ул. Образцовая, д. 1 (адрес вымышлен)",
        "phone": "(812) 000-00-10", "email": "info@cdjutt.example",  # invented too
        "curator_phone": "(812) 000-00-11", "curator_email": "belykh@cdjutt.example",
        "director_position": "Директор",
        "director_fio": "Соколова Елена Викторовна",
        "director_sex": "ж",
        "curator_fio": "Белых Анна Сергеевна",
        "curator_position": "заместитель директора по учебно-воспитательной работе",
        "curator_sex": "ж",
        "staff_count": 58,
        "academic_year": year,
        "period_start": anchor,
        "period_end": dt.date(anchor.year + 1, 8, 31),
        "site_url": "https://cdutt.example/nastavnichestvo",
        "report_recipient": "Информационно-методический центр Кировского района (адрес вымышлен)",
        "main_site_url": "https://cdutt.example/",
        "reward_rules": True,
        "max_wait_days": 30,
        "final_event_date": dt.date(anchor.year + 1, 5, 20),
        "final_event_place": "актовый зал центра",
        "council_protocol_no": "1", "council_protocol_date": anchor,
        "order_regulation_no": "112-о",
        "order_regulation_date": anchor + D(days=1),
        "order_curator_no": "113-о",
        "order_curator_date": anchor + D(days=1),
        "order_council_no": "118-о",
        "order_council_date": anchor + D(days=8),
    }
    from nastavnik.workbook.schema import MATCH_WEIGHTS, ORG_BY_KEY

    org.update({k: ORG_BY_KEY[k].default for k in MATCH_WEIGHTS})

    mentors = []
    for i, m in enumerate(_MENTORS, start=1):
        (fio, sex, by, pos, dep, pexp, oexp, cat, focus, subj, comps, mx, role, pub, active) = m
        row = {
            "code": f"Н-{i:03d}", "fio": fio, "sex": sex,
            "birth_date": dt.date(by, rnd.randint(1, 12), rnd.randint(1, 28)),
            "position": pos, "department": dep, "contact": f"+7 900 000-{i:02d}-{i + 10:02d}",
            "ped_experience": pexp, "org_experience": oexp, "qual_category": cat,
            "education": "высшее педагогическое" if i % 4 else "высшее непедагогическое",
            "focus": focus, "subject": subj,
            "forms": [v.FORMS[0]] if i % 3 else [v.FORMS[0], v.FORMS[3]],
            "kinds": [] if i % 2 else [v.KIND_ONE_TO_ONE, v.KIND_GROUP, "виртуальное", "ситуационное"],
            "format": ["очно", "смешанный", "очно", "онлайн"][i % 4],
            "max_mentees": mx, "council_role": role,
            "consent_pd": True, "consent_pd_date": anchor - D(days=10 + i),
            "consent_publish": pub, "consent_publish_date": anchor - D(days=10 + i) if pub else None,
            "date_added": anchor - D(days=9 + i) if i != 10 else anchor + D(days=5),
            "status": v.MENTOR_STATUS_ACTIVE if active else v.MENTOR_STATUS_LEFT,
            "note": "" if active else "вышел на пенсию",
        }
        for key in DIRS:
            row[f"comp_{key}"] = key in comps.split()
        mentors.append(row)
    mentors[9]["preferred_mentees"] = ["П-006"]
    mentors[1]["preferred_mentees"] = ["П-015"]

    mentees = []
    for i, m in enumerate(_MENTEES, start=1):
        (fio, sex, by, pos, dep, pexp, cat, focus, subj, reqs, fmt, kind, pref, pd, pub, text) = m
        added = anchor + D(days=3 + i) if i <= 11 else anchor + D(days=10 if i == 13 else 30 + 3 * i)
        row = {
            "code": f"П-{i:03d}", "fio": fio, "sex": sex,
            "birth_date": dt.date(by, rnd.randint(1, 12), rnd.randint(1, 28)),
            "position": pos, "department": dep, "contact": f"+7 900 100-{i:02d}-{i + 20:02d}",
            "ped_experience": pexp, "hire_date": dt.date(max(anchor.year - pexp, by + 20), 9, 1),
            "qual_category": ("без категории" if pexp < 2 else "первая" if pexp > 8
                              else "соответствие занимаемой должности"),
            "category": cat, "focus": focus, "subject": subj, "request_text": text,
            "format": fmt, "kind": kind, "preferred_mentor": f"Н-{pref:03d}" if pref else None,
            "consent_pd": pd, "consent_pd_date": added if pd else None,
            "consent_publish": pub, "consent_publish_date": added if pub else None,
            "date_added": added, "status": v.MENTEE_WAITING,
        }
        for key in DIRS:
            row[f"req_{key}"] = key in reqs.split()
        mentees.append(row)

    pairs, programmes, plan, surveys = [], [], [], []
    for n, (code, mi, mes, form, kind, status, offset, months) in enumerate(_PAIRS, start=1):
        start = anchor + D(days=offset)
        end = _add_months(start, months) - D(days=1)
        approved = status != v.PAIR_DRAFT
        order_date = start - D(days=5)
        base = {
            "code": code, "mentor": f"Н-{mi:03d}", "form": form, "kind": kind, "start": start,
            "planned_end": end, "status": status,
            "order_no": f"{130 + n}-о" if approved else None, "order_date": order_date if approved else None,
            "mentor_consent": True,
            "agreement_no": f"ДС-{n:02d}" if approved else None,
            "agreement_date": order_date if approved else None,
            "agreement_until": end if approved else None,
            "payment": 3000.0 if approved else None,
        }
        if status == v.PAIR_DONE:
            base.update(actual_end=end, end_reason=v.REASON_FULL)
        if status == v.PAIR_STOPPED:
            base.update(actual_end=anchor + D(days=60), end_reason="по инициативе наставляемого")
        if code == "ПР-009":
            new_end = end + D(days=60)
            base.update(change="продление срока", new_end=new_end, change_basis="заявление наставника и наставляемого",
                        change_order_no="171-о", change_order_date=anchor + D(days=70),
                        agreement_until=new_end)  # ТК РФ ст. 351.8: the agreement covers the extension too
        for me in mes:
            pairs.append({**base, "mentee": f"П-{me:03d}"})
            mentee = mentees[me - 1]
            # A request precedes the pair: the mentee entered the bank at least a week before the order.
            latest = (order_date if approved else start) - D(days=7)
            if mentee["date_added"] > latest:
                mentee["date_added"] = mentee["consent_pd_date"] = latest
                if mentee["consent_publish_date"]:
                    mentee["consent_publish_date"] = latest
            mentee["status"] = {v.PAIR_DONE: v.MENTEE_DONE, v.PAIR_STOPPED: v.MENTEE_LEFT}.get(status, v.MENTEE_IN_PAIR)
            if status == v.PAIR_STOPPED:
                mentee["left_date"] = anchor + D(days=60)
            if status == v.PAIR_DONE:
                mentee["date_added"] = start - D(days=20)
                mentee["consent_pd_date"] = mentee["consent_publish_date"] = start - D(days=20)
            if code == "ПР-009":
                mentee["date_added"] = start - D(days=10)
                mentee["consent_pd_date"] = mentee["consent_publish_date"] = start - D(days=10)
        prog_end = base.get("new_end") or end
        mentee0 = mentees[mes[0] - 1]
        reqs = [k for k in DIRS if mentee0[f"req_{k}"]] or ["method"]
        names = ", ".join(v.DIRECTIONS[k] for k in reqs)
        done_prog = status == v.PAIR_DONE
        programmes.append({
            "code": f"ПП-{n:03d}", "pair": code,
            "title": f"Персонализированная программа: {mentee0['subject'].split(';')[0]}",
            "problem": mentee0["request_text"],
            "goal": f"Преодоление профессиональных затруднений по направлениям: {names}.",
            "tasks": "Определить затруднения и сильные стороны наставляемого;\nосвоить необходимые методики;\n"
                     "подготовить и провести открытое занятие.",
            "content": "Совместное планирование занятий, взаимопосещения, консультации, анализ результатов.",
            "start": start, "end": prog_end,
            "strengths": _STRENGTHS[n % len(_STRENGTHS)],
            "intermediate_results": "Разработаны планы занятий, проведено взаимопосещение.",
            "intermediate_date": start + D(days=(prog_end - start).days // 2),
            "planned_results": "Наставляемый самостоятельно ведёт занятия и применяет освоенные методики.",
            "schedule": "еженедельно, вторник, 15:00" if n % 2 else "два раза в месяц, четверг, 16:00",
            "mode": mentee0["format"], "conditions": "учебный кабинет объединения, оборудование центра",
            "acquainted_date": start if approved else None, "curator_agreed": approved,
            "achieved_results": "Наставляемый провёл открытое занятие, его обучающиеся стали призёрами районных "
                                "соревнований." if done_prog else None,
            "best_practice": done_prog, "consent_publish": done_prog,
        })
        span = (prog_end - start).days
        steps = [k for k in reqs] + ["method", "legal", "subject", "upbringing"]
        for j, key in enumerate(steps[:6]):
            planned = start + D(days=int(span * (j + 1) / 7))
            act, aform = _ACTIVITIES[key]
            row = {"programme": f"ПП-{n:03d}", "direction": v.DIRECTIONS[key], "activity": act, "form": aform,
                   "planned_date": planned, "responsible": "наставник" if j % 2 == 0 else "наставляемый",
                   "expected_result": _EXPECTED[key], "status": v.ACT_PLANNED}
            if status == v.PAIR_STOPPED and planned > base["actual_end"]:
                row["status"] = v.ACT_FAILED
            elif planned <= as_of and status in (v.PAIR_RUNNING, v.PAIR_DONE, v.PAIR_STOPPED):
                late = rnd.random() < 0.2
                row.update(status=v.ACT_DONE, actual_date=planned + D(days=7 if late else 0),
                           result="выполнено, материалы в методической копилке")
            plan.append(row)
        if status in (v.PAIR_DONE, v.PAIR_RUNNING) and start + D(days=60) <= as_of:
            when = min(as_of, (base.get("actual_end") or start + D(days=60)))
            for role, who in [(v.ROLE_MENTOR, base["mentor"])] + [(v.ROLE_MENTEE, f"П-{me:03d}") for me in mes]:
                answers = {q: min(10, max(1, rnd.randint(7, 10) - (1 if role == v.ROLE_MENTEE else 0)))
                           for q in v.SURVEY_QUESTIONS}
                surveys.append({"respondent": who, "role": role, "programme": f"ПП-{n:03d}", "date": when,
                                **answers, "comment": "Программа полезна." if rnd.random() < 0.5 else None})
    # ПР-008 was stopped: its plan stops too.
    events = [
        {"person": "П-009", "event": "Конкурс педагогических достижений Санкт-Петербурга, номинация «Педагогические "
         "надежды»", "type": "конкурс", "level": "городской", "date": anchor - D(days=100), "result": "призёр"},
        {"person": "Н-007", "event": "Районная конференция «Наставничество: практики и перспективы»",
         "type": "конференция", "level": "районный", "date": anchor + D(days=50), "result": "участник"},
        {"person": "П-001", "event": "Районный конкурс методических разработок", "type": "конкурс",
         "level": "районный", "date": anchor + D(days=70), "result": "победитель"},
        {"person": "Н-001", "event": "Всероссийский форум наставников", "type": "форум", "level": "всероссийский",
         "date": anchor + D(days=40), "result": "участник"},
        {"person": "П-003", "event": "Фестиваль «Цифровой прорыв» для педагогов", "type": "фестиваль",
         "level": "учрежденческий", "date": anchor + D(days=75), "result": "участник"},
        {"person": "П-011", "event": "Городской конкурс «Учитель цифровой школы»", "type": "конкурс",
         "level": "городской", "date": anchor + D(days=80), "result": "участник"},
    ]
    news = [
        {"date": anchor + D(days=2), "kind": "новость", "title": "Утверждено Положение о системе наставничества",
         "text": "Приказом директора утверждены Положение о системе (целевой модели) наставничества педагогических "
                 "работников и дорожная карта на учебный год.", "publish": True},
        {"date": anchor + D(days=30), "kind": "новость", "title": "Сформированы наставнические пары",
         "text": "В центре начали работу наставнические пары и группа молодых педагогов по программированию.",
         "publish": True},
        {"date": anchor + D(days=80), "kind": "анонс", "title": "Установочная сессия наставников",
         "text": "Приглашаем наставников на установочную сессию методического совета.", "publish": True},
        {"date": anchor + D(days=84), "kind": "новость", "title": "Черновик: итоги полугодия",
         "text": "Готовится к публикации.", "publish": False},
    ]
    from nastavnik.workbook.schema import ROADMAP

    roadmap = []
    for row in ROADMAP.prefill:
        r = dict(zip(ROADMAP.keys, row))
        r["status"] = "выполнен" if r["stage"] <= 3 else "в работе" if r["stage"] in (4, 5, 7) else "не начат"
        roadmap.append(r)
    from nastavnik.workbook.schema import NORMATIVE

    normative = [dict(zip(NORMATIVE.keys, row)) for row in NORMATIVE.prefill]
    normative += [
        {"level": "региональный (Санкт-Петербург)", "kind": "Распоряжение Комитета по образованию",
         "title": "О создании и функционировании региональной системы научно-методического сопровождения "
                  "педагогических работников и управленческих кадров Санкт-Петербурга",
         "date": dt.date(2022, 4, 8), "number": "746-р", "link": "", "publish": True},
        {"level": "региональный (район)", "kind": "Распоряжение администрации района (пример демонстрационной "
                  "книги)", "title": "О развитии наставничества педагогических работников в образовательных "
                  "учреждениях района", "date": anchor - D(days=20), "number": "ДЕМО-15", "link": "",
         "publish": True},
        {"level": "локальный", "kind": "Приказ", "title": "Об утверждении Положения о поощрении наставников",
         "date": anchor + D(days=2), "number": "115-о", "link": "", "publish": True},
        {"level": "методические рекомендации", "kind": "Методические материалы района (пример)",
         "title": "Памятка наставнику: первые шаги в персонализированной программе", "date": anchor - D(days=5),
         "number": "", "link": "https://imc.example/nastavniku", "publish": True},
    ]
    # The council's proposals (п. 3.5): the mentor of the programme completed in full, a diploma and a bonus.
    council = {"protocol_no": "2", "protocol_date": as_of - D(days=5)}
    rewards = [{"mentor": "Н-007", "programme": "ПП-007", "kind": "почётная грамота", **council},
               {"mentor": "Н-007", "programme": "ПП-007", "kind": "премия", "amount": 5000.0,
                "ground": "за высокие результаты наставнической деятельности", **council}]
    from .answers import demo_answers

    answers = demo_answers(pairs, mentees, programmes, as_of, 20250902, _ANSWER_TEXTS)
    tables = {"mentors": mentors, "mentees": mentees, "pairs": pairs, "programmes": programmes, "plan": plan,
              "surveys": surveys, "events": events, "roadmap": roadmap, "news": news, "normative": normative,
              "rewards": rewards, "answers": answers}
    return org, tables


def demo_as_of(today: dt.date | None = None) -> dt.date:
    """The date on which the demo's statuses are consistent."""
    return demo_anchor(today or dt.date.today()) + D(days=85)
