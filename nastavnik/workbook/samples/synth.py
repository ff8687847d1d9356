"""Deterministic synthetic workbooks at school, district and city scale.

The benchmark needs workbooks far larger than the demo, shaped like a real
year: a bank of mentors and mentees, pairs and groups in every status,
programmes with a plan of activities, survey answers and events — all
consistent as of the same date as the demo, so that the checks find few
errors and the timings measure the normal path, not the error path. The data
are a pure function of (size, seed, today): the same arguments give the same
tables and, since the template writer fixes the creation time, the same file.
All people are invented; names are built from lists so that no two coincide.

Longer than most modules: the generator of every sheet for every type of organisation.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import vocab as v
from nastavnik.workbook.samples.demo import _ACTIVITIES, DIRS, D, _add_months, demo_anchor


@dataclass(frozen=True)
class Size:
    """How many rows of each kind; ``waiting_share`` of the mentees without a pair wait for one."""

    mentors: int
    mentees: int
    pairs: int  # rows of «Пары и группы» (a group of three is three rows)
    plan: int  # rows of «План мероприятий»
    group_share: float = 0.1  # share of pair codes that are groups of three
    books: int = 1  # a city's roll-up is many workbooks of one size


SIZES: dict[str, Size] = {
    "S": Size(18, 42, 24, 240),  # a school: 60 staff
    "M": Size(300, 700, 400, 4_000),  # a large centre or a small district
    "L": Size(3_000, 7_000, 4_000, 40_000),  # a district: 10,000 people
    "XL": Size(300, 700, 400, 4_000, books=50),  # a city: 50 workbooks of 1,000
    # The matching benchmark: 5,000 mentees waiting for a pair, 2,000 mentors, nothing else.
    "MATCH": Size(2_000, 5_000, 0, 0),
}

_SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев "
    "Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв "
    "Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв "
    "Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов "
    "Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов "
    "Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов "
    "Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев"
).split()
_INDECLINABLE = ("Ким", "Цой", "Кравец", "Шевченко", "Ткаченко", "Бондаренко", "Черных", "Седых")
_MALE = ("Александр Алексей Андрей Антон Артём Борис Вадим Виктор Владимир Глеб Денис Дмитрий Евгений Егор Иван "
         "Игорь Илья Кирилл Константин Максим Михаил Никита Николай Олег Павел Роман Сергей Степан Тимур Фёдор").split()
_FEMALE = ("Алина Анастасия Анна Валентина Вера Виктория Галина Дарья Евгения Екатерина Елена Ирина Ксения Лариса "
           "Любовь Людмила Марина Мария Надежда Наталья Оксана Ольга Полина Светлана София Татьяна Ульяна Юлия "
           "Яна Вероника").split()
# Patronymics are listed, not derived: Михаил → Михайлович, Юрий → Юрьевич, Пётр → Петрович.
_FATHERS = ("Александров Алексеев Андреев Борисов Викторов Владимиров Дмитриев Евгеньев Иванов Игорев Михайлов "
            "Николаев Олегов Павлов Петров Романов Сергеев Юрьев Анатольев Геннадьев").split()
_POSITIONS = ("педагог дополнительного образования",) * 6 + ("методист", "педагог-организатор", "педагог-психолог",
                                                             "тренер-преподаватель", "старший методист")
_SUBJECTS = {
    "техническая": ("робототехника", "3D-моделирование", "программирование (Python)", "авиамоделирование",
                    "электроника и схемотехника", "начальное техническое моделирование"),
    "естественнонаучная": ("экология", "биотехнологии", "астрономия", "химия в быту"),
    "физкультурно-спортивная": ("спортивное ориентирование", "шахматы", "лёгкая атлетика"),
    "художественная": ("компьютерная графика", "изобразительное искусство", "хоровое пение", "театр"),
    "туристско-краеведческая": ("краеведение", "спортивный туризм", "музейное дело"),
    "социально-гуманитарная": ("журналистика", "английский язык", "волонтёрство", "психология общения"),
}
_FOCUS_WEIGHTS = (5, 2, 1, 2, 1, 2)
_CATEGORIES_BY_EXP = ("без категории", "соответствие занимаемой должности", "первая", "высшая")


def _patronymic(stem: str, sex: str) -> str:
    """«Михайлов» → Михайлович / Михайловна; «Юрьев» → Юрьевич / Юрьевна."""
    vowel = "о" if stem.endswith("ов") else "е"
    return stem[:-2] + vowel + ("вич" if sex == "м" else "вна")


def _female(surname: str) -> str:
    if surname in _INDECLINABLE:
        return surname
    return surname + "а"


class _Names:
    """Unique FIOs: walk the product of the lists with a stride coprime to its size."""

    def __init__(self, seed: int):
        self.surnames = _SURNAMES + list(_INDECLINABLE)
        self.total = {s: len(self.surnames) * len(first) * len(_FATHERS) for s, first in (("м", _MALE), ("ж", _FEMALE))}
        self.next = {"м": seed % 997, "ж": (seed * 7) % 991}

    def take(self, sex: str) -> str:
        k = self.next[sex] * 7919 % self.total[sex]
        self.next[sex] += 1
        first = _MALE if sex == "м" else _FEMALE
        k, i_sur = divmod(k, len(self.surnames))
        k, i_first = divmod(k, len(first))
        father = _FATHERS[k % len(_FATHERS)]
        surname = self.surnames[i_sur]
        return f"{surname if sex == 'м' else _female(surname)} {first[i_first]} {_patronymic(father, sex)}"


def synth_data(size: str | Size = "S", seed: int = 1, today: dt.date | None = None,
               book_no: int = 0, org_type: ot.OrgType = ot.DEFAULT) -> tuple[dict, dict]:
    """(organisation, tables) of a synthetic workbook, consistent as of the demo's date for ``today``.

    ``org_type`` other than the centre's gives the same people and year as another type's workbook: its
    profiles, levels, positions and words (drawn from a random stream of their own, so that the centre's
    book stays byte for byte what the benchmark has always measured).
    """
    from nastavnik.workbook.schema import MATCH_WEIGHTS, ORG_BY_KEY

    spec = SIZES[size] if isinstance(size, str) else size
    anchor = demo_anchor(today or dt.date.today())
    as_of = anchor + D(days=85)
    rnd = random.Random(f"{seed}/{book_no}")
    names = _Names(seed * 1000 + book_no)
    width = max(3, len(str(max(spec.mentors, spec.mentees, spec.pairs, 1))))
    people = spec.mentors + spec.mentees
    org = {
        "full_name": f"Государственное бюджетное учреждение дополнительного образования Дом детского творчества "
                     f"№ {book_no + 1} (вымышленный, синтетический)",
        "short_name": f"ГБУ ДО ДДТ № {book_no + 1}",
        "city": "Санкт-Петербург",
        "address": "Санкт-Петербург (адрес вымышлен)",
        "director_position": "Директор", "director_fio": names.take("ж"), "director_sex": "ж",
        "curator_fio": names.take("м"), "curator_sex": "м",
        "curator_position": "заместитель директора по учебно-воспитательной работе",
        "staff_count": max(people, 1), "academic_year": f"{anchor.year}/{anchor.year + 1}",
        "period_start": anchor, "period_end": dt.date(anchor.year + 1, 8, 31),
        "site_url": f"https://ddt{book_no + 1}.example/nastavnichestvo", "reward_rules": True,
        "max_wait_days": 30, "final_event_date": dt.date(anchor.year + 1, 5, 20),
        "final_event_place": "актовый зал",
        "order_regulation_no": "12-о", "order_regulation_date": anchor + D(days=1),
        "order_curator_no": "13-о", "order_curator_date": anchor + D(days=1),
        "order_council_no": "18-о", "order_council_date": anchor + D(days=8),
        **{k: ORG_BY_KEY[k].default for k in MATCH_WEIGHTS},
    }
    mentors = [_mentor(rnd, names, i, width, anchor) for i in range(1, spec.mentors + 1)]
    mentees = [_mentee(rnd, names, i, width, anchor, as_of) for i in range(1, spec.mentees + 1)]
    for me in mentees:  # some name the mentor they would like (the matcher rewards a mutual choice)
        if mentors and rnd.random() < 0.1:
            me["preferred_mentor"] = rnd.choice(mentors)["code"]
    pairs, programmes, plan, surveys = _pairs(rnd, spec, mentors, mentees, width, anchor, as_of)
    _matching_v2(random.Random(f"v2/{seed}/{book_no}"), mentors, mentees, as_of)
    events = _events(rnd, mentors, mentees, anchor, people)
    from nastavnik.workbook.schema import ROADMAP

    roadmap = [dict(zip(ROADMAP.keys, row)) for row in ROADMAP.prefill]
    for r in roadmap:
        r["status"] = "выполнен" if r["stage"] <= 3 else "в работе" if r["stage"] in (4, 5, 7) else "не начат"
    news = [{"date": anchor + D(days=3 + 20 * k), "kind": "новость", "title": f"Новости наставничества № {k + 1}",
             "text": "Наставнические пары продолжают работу по персонализированным программам.", "publish": True}
            for k in range(4)]
    tables = {"mentors": mentors, "mentees": mentees, "pairs": pairs, "programmes": programmes, "plan": plan,
              "surveys": surveys, "events": events, "roadmap": roadmap, "news": news}
    if org_type is not ot.DEFAULT:
        _retype(org, tables, org_type, random.Random(f"type/{org_type.key}/{seed}/{book_no}"), book_no)
    return org, tables


def _retype(org: dict, tables: dict, t: ot.OrgType, rnd: random.Random, book_no: int) -> None:
    """The book as another type's: the profile by the same index in the type's list, its levels, positions."""
    org.update(org_type=t.title, full_name=f"{t.full_name} № {book_no + 1} (вымышленное, синтетическое)",
               short_name=f"{t.short_name} № {book_no + 1}", director_position=t.director_position,
               curator_position=t.curator_position)
    focus_at = {f: i for i, f in enumerate(v.FOCUSES)}
    for bank in ("mentors", "mentees"):
        for row in tables[bank]:
            i = focus_at.get(row["focus"], 0) + rnd.randrange(len(t.profiles))
            row["focus"] = t.profiles[i % len(t.profiles)]
            row["level"] = tuple(rnd.sample(t.levels, rnd.randint(1, min(2, len(t.levels))))) if t.levels else ()
            row["subject"] = None  # the centre's free text (робототехника) means nothing here; the profile says it
            row["position"] = t.positions[0] if rnd.random() < 0.6 else rnd.choice(t.positions)
            row["department"] = f"Подразделение № {rnd.randint(1, 6)}"
    subject_of = {me["code"]: me["focus"] for me in tables["mentees"]}
    mentee_of = {}
    for pair in tables["pairs"]:
        mentee_of.setdefault(pair["code"], pair["mentee"])
    words = ot.type_words(t.key)  # the sentences in the type's words: a kindergarten has «воспитанники»
    for bank in ("mentors", "mentees"):
        for row in tables[bank]:
            row["request_text"] = ot.own_words(row.get("request_text"), t.key)
    for prog in tables["programmes"]:
        prog["conditions"] = words["room"]
        prog["strengths"] = f"{words['knows'][:1].upper()}{words['knows'][1:]}, открыт новому."
        prog["problem"], prog["goal"] = ot.own_words(prog["problem"], t.key), ot.own_words(prog["goal"], t.key)
        prog["title"] = f"Персонализированная программа: {subject_of.get(mentee_of.get(prog['pair']), 'наставничество')}"
    by_direction = {v.DIRECTIONS[k]: text.format(**words) for k, text in _NEUTRAL_ACTIVITIES.items()}
    for row in tables["plan"]:
        row["activity"] = by_direction.get(row["direction"], row["activity"])


# The plan's activities in words every type of organisation uses (the demo's are a centre's).
_NEUTRAL_ACTIVITIES = {
    "theory": "Изучение современных подходов к обучению и воспитанию",
    "legal": "Изучение 273-ФЗ, профстандарта и локальных актов организации",
    "subject": "Разработка проекта {with_learners}",
    "psych": "Работа с мотивацией {learners_gen} и взаимодействие с родителями",
    "method": "Составление плана занятия и раздела рабочей программы",
    "ict": "Освоение цифровых сервисов для занятий",
    "digital": "Работа в электронном журнале и на образовательной платформе",
    "upbringing": "Подготовка воспитательного мероприятия",
    "health": "Здоровьесберегающие технологии на занятиях",
}


def _focus(rnd: random.Random) -> str:
    return rnd.choices(v.FOCUSES, _FOCUS_WEIGHTS)[0]


def _mentor(rnd: random.Random, names: _Names, i: int, width: int, anchor: dt.date) -> dict:
    sex = "ж" if rnd.random() < 0.7 else "м"
    pexp = rnd.randint(8, 40)
    focus = _focus(rnd)
    comps = rnd.sample(DIRS, rnd.randint(2, 5))
    added = anchor - D(days=rnd.randint(10, 700))
    row = {
        "code": f"Н-{i:0{width}d}", "fio": names.take(sex), "sex": sex,
        "birth_date": dt.date(anchor.year - 24 - pexp - rnd.randint(0, 6), rnd.randint(1, 12), rnd.randint(1, 28)),
        "position": rnd.choice(_POSITIONS), "department": f"Отдел № {rnd.randint(1, 12)}",
        "contact": f"+7 900 {i // 10000 % 1000:03d}-{i // 100 % 100:02d}-{i % 100:02d}",
        "ped_experience": pexp, "org_experience": rnd.randint(1, pexp),
        "qual_category": rnd.choice(("первая", "высшая", "высшая", "педагог-методист", "педагог-наставник")),
        "education": "высшее педагогическое" if rnd.random() < 0.8 else "высшее непедагогическое",
        "focus": focus, "subject": "; ".join(rnd.sample(_SUBJECTS[focus], 2)),
        "forms": [v.FORMS[0]], "kinds": [] if rnd.random() < 0.5 else [v.KIND_ONE_TO_ONE, v.KIND_GROUP],
        "format": rnd.choice(v.FORMATS), "max_mentees": rnd.randint(1, 4),
        "council_role": "член совета" if rnd.random() < 0.05 else None,
        "consent_pd": True, "consent_pd_date": added - D(days=1),
        "consent_publish": rnd.random() < 0.8, "date_added": added, "status": v.MENTOR_STATUS_ACTIVE,
    }
    row["consent_publish_date"] = row["consent_pd_date"] if row["consent_publish"] else None
    for key in DIRS:
        row[f"comp_{key}"] = key in comps
    return row


def _mentee(rnd: random.Random, names: _Names, i: int, width: int, anchor: dt.date, as_of: dt.date) -> dict:
    sex = "ж" if rnd.random() < 0.7 else "м"
    pexp = rnd.choice((0, 0, 1, 1, 2, 3, 4, 5, 7, 12, 25))
    focus = _focus(rnd)
    reqs = rnd.sample(DIRS, rnd.randint(1, 3))
    added = as_of - D(days=rnd.randint(0, 25))  # waiting less than max_wait_days; pairs move it earlier
    category = ("молодой специалист" if pexp <= 2 else "опытный педагог (реверсивное наставничество)" if pexp > 20
                else rnd.choice(v.MENTEE_CATEGORIES[1:4]))
    row = {
        "code": f"П-{i:0{width}d}", "fio": names.take(sex), "sex": sex,
        "birth_date": dt.date(anchor.year - 23 - pexp - rnd.randint(0, 5), rnd.randint(1, 12), rnd.randint(1, 28)),
        "position": "педагог дополнительного образования", "department": f"Отдел № {rnd.randint(1, 12)}",
        "contact": f"+7 901 {i // 10000 % 1000:03d}-{i // 100 % 100:02d}-{i % 100:02d}",
        "ped_experience": pexp, "hire_date": dt.date(anchor.year - min(pexp, 3), 9, 1) - D(days=rnd.randint(1, 20)),
        "qual_category": _CATEGORIES_BY_EXP[min(3, pexp // 3)], "category": category, "focus": focus,
        "subject": rnd.choice(_SUBJECTS[focus]),
        "request_text": "Затруднения: " + ", ".join(v.DIRECTIONS[k] for k in reqs) + ".",
        "format": rnd.choice(v.FORMATS), "kind": v.KIND_REVERSE if pexp > 20 else rnd.choice((v.KIND_ONE_TO_ONE, None)),
        "consent_pd": True, "consent_pd_date": added, "consent_publish": rnd.random() < 0.7,
        "date_added": added, "status": v.MENTEE_WAITING,
    }
    row["consent_publish_date"] = added if row["consent_publish"] else None
    for key in DIRS:
        row[f"req_{key}"] = key in reqs
    return row


# (status, share of pair codes, start offset range in days from 1 September, months)
_PAIR_MIX = (
    (v.PAIR_RUNNING, 0.62, (-20, 40), (6, 12)),
    (v.PAIR_APPROVED, 0.08, (86, 110), (4, 9)),
    (v.PAIR_DRAFT, 0.08, (90, 120), (4, 9)),
    (v.PAIR_DONE, 0.17, (-330, -250), (3, 7)),
    (v.PAIR_STOPPED, 0.05, (5, 20), (6, 9)),
)


def _pairs(rnd, spec: Size, mentors: list, mentees: list, width: int, anchor: dt.date, as_of: dt.date):
    pairs, programmes, plan, surveys = [], [], [], []
    if not spec.pairs or not mentors:
        return pairs, programmes, plan, surveys
    # Split the pair rows into codes: a group takes three rows.
    sizes: list[int] = []
    left = min(spec.pairs, len(mentees))
    while left > 0:
        k = 3 if left >= 3 and rnd.random() < spec.group_share else 1
        sizes.append(k)
        left -= k
    n_codes = len(sizes)
    per_prog, extra = divmod(spec.plan, n_codes)
    load = [0] * len(mentors)
    mentor_i = 0
    mentee_i = 0
    for n, k in enumerate(sizes, start=1):
        status, _, (lo, hi), (m_lo, m_hi) = _pick_status(rnd)
        active = status in v.PAIR_ACTIVE
        for _ in range(len(mentors)):  # the next mentor with room (finished pairs take no room)
            mi = mentor_i % len(mentors)
            mentor_i += 1
            if not active or load[mi] + k <= mentors[mi]["max_mentees"]:
                break
        else:
            status, active = v.PAIR_DONE, False
            lo, hi, m_lo, m_hi = -330, -250, 3, 7
        if active:
            load[mi] += k
        mentor = mentors[mi]
        start = anchor + D(days=rnd.randint(lo, hi))
        end = _add_months(start, rnd.randint(m_lo, m_hi)) - D(days=1)
        code = f"ПР-{n:0{width}d}"
        approved = status != v.PAIR_DRAFT
        order_date = start - D(days=5)
        base = {
            "code": code, "mentor": mentor["code"], "form": v.FORMS[0],
            "kind": v.KIND_GROUP if k > 1 else v.KIND_ONE_TO_ONE, "start": start, "planned_end": end,
            "status": status, "mentor_consent": True,
            "order_no": f"{100 + n}-о" if approved else None, "order_date": order_date if approved else None,
            "agreement_no": f"ДС-{n}" if approved else None, "agreement_date": order_date if approved else None,
            "agreement_until": end if approved else None, "payment": 3000.0 if approved else None,
        }
        if status == v.PAIR_DONE:
            base.update(actual_end=end, end_reason=v.REASON_FULL)
        if status == v.PAIR_STOPPED:
            base.update(actual_end=anchor + D(days=60), end_reason="по инициативе наставляемого")
        group = mentees[mentee_i:mentee_i + k]
        mentee_i += k
        for me in group:
            pairs.append({**base, "mentee": me["code"]})
            me["status"] = {v.PAIR_DONE: v.MENTEE_DONE, v.PAIR_STOPPED: v.MENTEE_LEFT}.get(status, v.MENTEE_IN_PAIR)
            me["date_added"] = me["consent_pd_date"] = min(start - D(days=rnd.randint(10, 30)),
                                                           as_of - D(days=rnd.randint(1, 20)))
            me["consent_publish_date"] = me["consent_pd_date"] if me["consent_publish"] else None
            if status == v.PAIR_STOPPED:
                me["left_date"] = base["actual_end"]
        prog = f"ПП-{n:0{width}d}"
        publishable = status == v.PAIR_DONE and mentor["consent_publish"] and all(m["consent_publish"] for m in group)
        programmes.append(_programme(prog, code, group[0], start, end, status, approved, publishable))
        count = per_prog + (1 if n <= extra else 0)
        plan.extend(_plan(rnd, prog, group[0], start, end, status, base.get("actual_end"), as_of, count))
        if status in (v.PAIR_DONE, v.PAIR_RUNNING) and start + D(days=60) <= as_of:
            when = min(as_of, base.get("actual_end") or start + D(days=60))
            for role, who in [(v.ROLE_MENTOR, mentor["code"])] + [(v.ROLE_MENTEE, me["code"]) for me in group]:
                answers = {q: rnd.randint(6, 10) for q in v.SURVEY_QUESTIONS}
                surveys.append({"respondent": who, "role": role, "programme": prog, "date": when, **answers,
                                "comment": "Программа полезна." if rnd.random() < 0.3 else None})
    return pairs, programmes, plan, surveys


# What matching v2 weighs, drawn from a stream of its own (the rest of the book is what it always was): levels on
# both banks, mentees who wait for a group («в группе») with a few shared sets of requests, waits of many months.
GROUP_SEEKERS = 0.3  # share of the waiting mentees who chose «в группе»
_GROUP_REQUESTS = (("method",), ("ict", "digital"), ("psych", "upbringing"), ("subject", "method"), ("legal",))
WAIT_MONTHS = 14  # the waiting mentees were added to the bank up to this many months ago


def _matching_v2(rnd: random.Random, mentors: list, mentees: list, as_of: dt.date) -> None:
    levels = ot.DEFAULT.levels
    for row in mentors:
        row["level"] = tuple(rnd.sample(levels, rnd.randint(1, 2)))
    for row in mentees:
        row["level"] = (rnd.choice(levels),)
        if row["status"] != v.MENTEE_WAITING:
            continue
        added = as_of - D(days=rnd.randint(0, WAIT_MONTHS * 30))
        row["date_added"] = row["consent_pd_date"] = added
        row["consent_publish_date"] = added if row["consent_publish"] else None
        if row["kind"] != v.KIND_REVERSE and rnd.random() < GROUP_SEEKERS:
            reqs = rnd.choice(_GROUP_REQUESTS)
            row["kind"] = v.KIND_GROUP
            row["request_text"] = "Затруднения: " + ", ".join(v.DIRECTIONS[k] for k in reqs) + "."
            for key in DIRS:
                row[f"req_{key}"] = key in reqs


def _pick_status(rnd: random.Random):
    x = rnd.random()
    for mix in _PAIR_MIX:
        x -= mix[1]
        if x < 0:
            return mix
    return _PAIR_MIX[0]


def _programme(code: str, pair: str, mentee: dict, start, end, status: str, approved: bool,
               publishable: bool) -> dict:
    reqs = [k for k in DIRS if mentee[f"req_{k}"]]
    done = status == v.PAIR_DONE
    return {
        "code": code, "pair": pair, "title": f"Персонализированная программа: {mentee['subject']}",
        "problem": mentee["request_text"],
        "goal": "Преодоление профессиональных затруднений по направлениям: "
                + ", ".join(v.DIRECTIONS[k] for k in reqs) + ".",
        "tasks": "Определить затруднения и сильные стороны наставляемого;\nосвоить необходимые методики;\n"
                 "подготовить и провести открытое занятие.",
        "content": "Совместное планирование занятий, взаимопосещения, консультации, анализ результатов.",
        "start": start, "end": end,
        "strengths": "Хорошо знает предмет, открыт новому.",
        "intermediate_results": "Разработаны планы занятий, проведено взаимопосещение.",
        "intermediate_date": start + D(days=(end - start).days // 2),
        "planned_results": "Наставляемый самостоятельно ведёт занятия и применяет освоенные методики.",
        "schedule": "еженедельно, вторник, 15:00", "mode": mentee["format"],
        "conditions": "учебный кабинет объединения", "acquainted_date": start if approved else None,
        "curator_agreed": approved,
        "achieved_results": "Наставляемый провёл открытое занятие." if done else None,
        "best_practice": publishable, "consent_publish": publishable,
    }


def _plan(rnd, prog: str, mentee: dict, start, end, status: str, stopped_on, as_of, count: int) -> list[dict]:
    reqs = [k for k in DIRS if mentee[f"req_{k}"]]
    keys = reqs + [k for k in ("method", "legal", "subject", "upbringing", "psych", "ict") if k not in reqs]
    span = (end - start).days
    out = []
    for j in range(count):
        key = keys[j % len(keys)]
        planned = start + D(days=int(span * (j + 1) / (count + 1)))
        act, aform = _ACTIVITIES[key]
        row = {"programme": prog, "direction": v.DIRECTIONS[key], "activity": act, "form": aform,
               "planned_date": planned, "responsible": "наставник" if j % 2 == 0 else "наставляемый",
               "expected_result": "методический продукт по теме мероприятия", "status": v.ACT_PLANNED}
        if status == v.PAIR_STOPPED and planned > stopped_on:
            row["status"] = v.ACT_FAILED
        elif planned <= as_of and status == v.PAIR_RUNNING and rnd.random() < 0.02:
            pass  # a few activities are overdue, as in any real plan: the checks warn about them
        elif planned <= as_of and status in (v.PAIR_RUNNING, v.PAIR_DONE, v.PAIR_STOPPED):
            # an actual date is a fact: never after the day the book is consistent on
            row.update(status=v.ACT_DONE, actual_date=min(as_of, planned + D(days=rnd.choice((0, 0, 0, 2)))),
                       result="выполнено")
        out.append(row)
    return out


def _events(rnd, mentors: list, mentees: list, anchor: dt.date, people: int) -> list[dict]:
    everyone = mentors + mentees
    out = []
    for _ in range(people // 10 if everyone else 0):
        who = rnd.choice(everyone)
        out.append({"person": who["code"], "event": "Районный конкурс методических разработок",
                    "type": rnd.choice(v.EVENT_TYPES), "level": rnd.choice(v.EVENT_LEVELS),
                    "date": anchor + D(days=rnd.randint(5, 80)), "result": rnd.choice(v.EVENT_RESULTS)})
    return out


def write_synth(path: str | Path, size: str = "S", seed: int = 1, today: dt.date | None = None,
                book_no: int = 0, org_type: ot.OrgType = ot.DEFAULT) -> Path:
    """Write one synthetic workbook; for XL, call once per ``book_no``."""
    from nastavnik.workbook.template import write_workbook

    org, tables = synth_data(size, seed, today, book_no, org_type)
    return write_workbook(path, org, tables)
