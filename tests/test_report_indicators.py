"""Every indicator on a small institution built here, with answers worked out by hand.

The institution (period 01.09.2026–31.08.2027, report date 25.11.2026, 20 teachers):
mentors Н-1 (max 1), Н-2 (max 2), Н-3 (31 years old, стаж 2, no consent), Н-4 left;
mentees П-1…П-8; pairs ПР-1 (Н-1/П-1, running), group ПР-2 (Н-2/П-2, П-3, extended),
ПР-3 (Н-1/П-3, stopped early, no order), ПР-4 (Н-1/П-4, draft), ПР-6 (Н-3/П-8, completed
31.10.2026), and last year's ПР-9 (Н-2/П-6, П-6 left 01.03.2026) and ПР-10 (Н-2/П-7).
Counted in the period: ПР-1, ПР-2, ПР-3, ПР-6 (a draft and pairs ended before 01.09.2026 are not).
"""

from __future__ import annotations

import datetime as dt

import pytest

from nastavnik.report import compute_indicators
from nastavnik.report.registry import SPECS
from nastavnik.workbook import vocab as v
from nastavnik.workbook.orgtypes import EXTRA, directions
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

D = dt.date
START, END = D(2026, 9, 1), D(2027, 8, 31)
PP, LEADER = v.FORMS[0], v.FORMS[1]
Q = list(v.SURVEY_QUESTIONS)


def _mentor(code, birth, ped, mx, consent_pd=True, publish=True, status=v.MENTOR_STATUS_ACTIVE):
    return {"code": code, "fio": "Петров Пётр Петрович", "sex": "м",
            "birth_date": birth, "position": "педагог", "ped_experience": ped, "qual_category": "высшая",
            "focus": "техническая", "max_mentees": mx, "consent_pd": consent_pd, "consent_publish": publish,
            "date_added": D(2026, 8, 1), "status": status}


def _mentee(code, birth, ped, category, added, status, reqs=(), consent_pd=True, publish=True, left=None):
    row = {"code": code, "fio": "Иванова Мария Петровна", "sex": "ж", "birth_date": birth, "position": "педагог",
           "ped_experience": ped, "category": category, "focus": "техническая", "date_added": added,
           "status": status, "consent_pd": consent_pd, "consent_publish": publish, "left_date": left}
    row.update({f"req_{k}": k in reqs for k in v.DIRECTIONS})
    return row


def _pair(code, mentor, mentee, form, kind, start, planned_end, status, actual_end=None, reason=None,
          order_no=None, order_date=None, **kw):
    return {"code": code, "mentor": mentor, "mentee": mentee, "form": form, "kind": kind, "start": start,
            "planned_end": planned_end, "actual_end": actual_end, "status": status, "end_reason": reason,
            "order_no": order_no, "order_date": order_date, "mentor_consent": True, **kw}


def _programme(code, pair, best=False):
    return {"code": code, "pair": pair, "problem": "затруднения", "goal": "цель", "tasks": "задачи",
            "start": D(2026, 9, 1), "end": D(2027, 5, 31), "planned_results": "результаты", "mode": "очно",
            "best_practice": best}


def _act(programme, planned, status, actual=None):
    return {"programme": programme, "direction": v.DIRECTIONS["method"], "activity": "встреча",
            "form": "консультация", "planned_date": planned, "actual_date": actual, "status": status}


def _survey(who, role, programme, date, answers):
    return {"respondent": who, "role": role, "programme": programme, "date": date, **dict(zip(Q, answers))}


def _event(person, kind, level, date, result):
    return {"person": person, "event": "мероприятие", "type": kind, "level": level, "date": date, "result": result}


def small_parts():
    young, newbie, student = "молодой специалист", "начинающий педагог", "студент / стажёр"
    org = {"full_name": "ГБУ ДО Тестовый центр", "short_name": "Тестовый центр", "staff_count": 20,
           "academic_year": "2026/2027", "period_start": START, "period_end": END,
           "site_url": "https://test.example/mentor", "reward_rules": False, "max_wait_days": 30,
           "order_regulation_no": "1-о", "order_curator_no": "2-о"}
    mentors = [
        _mentor("Н-1", D(1970, 1, 1), 20, 1),
        _mentor("Н-2", D(1980, 1, 1), 10, 2, publish=False),
        _mentor("Н-3", D(1995, 3, 1), 2, 1, consent_pd=False, publish=False),
        _mentor("Н-4", D(1960, 1, 1), 30, 2, status=v.MENTOR_STATUS_LEFT),
    ]
    mentees = [
        _mentee("П-1", D(2000, 1, 1), 1, young, D(2026, 9, 1), v.MENTEE_IN_PAIR, ("subject", "method")),
        _mentee("П-2", D(1990, 6, 1), 0, young, D(2026, 9, 10), v.MENTEE_IN_PAIR, ("method",), publish=False),
        _mentee("П-3", D(1995, 1, 1), 5, newbie, D(2026, 9, 1), v.MENTEE_IN_PAIR, ("ict",)),
        _mentee("П-4", D(1998, 5, 5), 2, student, D(2026, 10, 1), v.MENTEE_WAITING),
        _mentee("П-5", D(2001, 2, 2), 1, young, D(2026, 11, 10), v.MENTEE_WAITING),
        _mentee("П-6", D(1985, 1, 1), 8, "педагог с профессиональными затруднениями", D(2025, 1, 1),
                v.MENTEE_DONE, left=D(2026, 3, 1)),
        _mentee("П-7", D(1980, 1, 1), 3, newbie, D(2025, 1, 1), v.MENTEE_DONE, publish=False),
        _mentee("П-8", D(1999, 1, 1), 2, young, D(2026, 1, 10), v.MENTEE_DONE, ("health",)),
    ]
    one, group, short = v.KIND_ONE_TO_ONE, v.KIND_GROUP, "краткосрочное/целеполагающее"
    pairs = [
        _pair("ПР-1", "Н-1", "П-1", PP, one, D(2026, 9, 20), D(2027, 5, 31), v.PAIR_RUNNING,
              order_no="10-о", order_date=D(2026, 9, 15)),
        *(_pair("ПР-2", "Н-2", me, LEADER, group, D(2026, 10, 1), D(2027, 6, 30), v.PAIR_RUNNING, order_no="11-о",
                order_date=D(2026, 9, 28), change="продление срока", new_end=D(2027, 7, 31)) for me in ("П-2", "П-3")),
        _pair("ПР-3", "Н-1", "П-3", PP, "ситуационное", D(2026, 9, 5), D(2027, 3, 4), v.PAIR_STOPPED,
              actual_end=D(2026, 10, 15), reason="по инициативе наставляемого"),
        _pair("ПР-4", "Н-1", "П-4", PP, one, D(2026, 12, 1), D(2027, 5, 31), v.PAIR_DRAFT),
        _pair("ПР-6", "Н-3", "П-8", PP, short, D(2026, 2, 1), D(2026, 10, 31), v.PAIR_DONE,
              actual_end=D(2026, 10, 31), reason=v.REASON_FULL, order_no="5-о", order_date=D(2026, 1, 25)),
        _pair("ПР-9", "Н-2", "П-6", PP, one, D(2025, 1, 15), D(2025, 9, 30), v.PAIR_DONE,
              actual_end=D(2025, 9, 30), reason=v.REASON_FULL, order_no="3-о", order_date=D(2025, 1, 10)),
        _pair("ПР-10", "Н-2", "П-7", PP, one, D(2025, 2, 1), D(2025, 10, 31), v.PAIR_DONE,
              actual_end=D(2025, 10, 31), reason=v.REASON_FULL, order_no="4-о", order_date=D(2025, 1, 28)),
    ]
    programmes = [_programme("ПП-1", "ПР-1"), _programme("ПП-2", "ПР-2", best=True), _programme("ПП-6", "ПР-6")]
    plan = [
        _act("ПП-1", D(2026, 10, 1), v.ACT_DONE, D(2026, 10, 1)),  # on time
        _act("ПП-1", D(2026, 10, 20), v.ACT_DONE, D(2026, 10, 25)),  # late
        _act("ПП-1", D(2026, 11, 10), v.ACT_PLANNED),  # overdue
        _act("ПП-1", D(2026, 12, 15), v.ACT_PLANNED),  # not yet due
        _act("ПП-2", D(2026, 11, 25), v.ACT_PLANNED),  # due today: not overdue
        _act("ПП-2", D(2026, 8, 20), v.ACT_DONE, D(2026, 8, 20)),  # before the period
        _act("ПП-6", D(2026, 9, 15), v.ACT_DONE),  # done, no actual date: on time
    ]
    surveys = [
        _survey("Н-1", v.ROLE_MENTOR, "ПП-1", D(2026, 11, 1), [8] * 7),
        _survey("П-1", v.ROLE_MENTEE, "ПП-1", D(2026, 11, 1), [10] + [6] * 6),
        _survey("П-2", v.ROLE_MENTEE, "ПП-2", D(2026, 11, 2), [9] * 6 + [3]),
        _survey("Н-2", v.ROLE_MENTOR, "ПП-2", D(2026, 5, 1), [1] * 7),  # before the period
    ]
    events = [
        _event("П-1", "конкурс", "районный", D(2026, 10, 10), "победитель"),
        _event("П-1", "конференция", "городской", D(2026, 11, 1), "участник"),
        _event("Н-2", "конкурс", "всероссийский", D(2026, 11, 5), "призёр"),
        _event("Н-1", "форум", "районный", D(2026, 6, 1), "победитель"),  # before the period
    ]
    stage = v.ROADMAP_STAGES
    roadmap = [
        {"stage": 1, "stage_name": stage[0], "activity": "приказ", "status": "выполнен"},
        {"stage": 1, "stage_name": stage[0], "activity": "куратор", "status": "выполнен"},
        {"stage": 2, "stage_name": stage[1], "activity": "банк", "status": "выполнен"},
        {"stage": 2, "stage_name": stage[1], "activity": "согласия", "status": "в работе"},
        {"stage": 3, "stage_name": stage[2], "activity": "банк", "status": "не начат"},
        {"stage": 4, "stage_name": stage[3], "activity": "обучение", "status": "в работе"},
    ]
    training = [{"mentor": m, "course": "Школа наставничества", "organiser": "ИРО", "hours": 36, "end": end}
                for m, end in (("Н-1", D(2024, 1, 15)), ("Н-2", D(2023, 11, 24)), ("Н-4", D(2026, 5, 1)))]
    tables = {"mentors": mentors, "mentees": mentees, "pairs": pairs, "programmes": programmes, "plan": plan,
              "surveys": surveys, "events": events, "roadmap": roadmap, "news": [], "training": training}
    return org, tables


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("small") / "малая.xlsx"
    org, tables = small_parts()
    write_workbook(path, org, tables)
    book = read_workbook(path, today=TODAY)
    return {i.code: i for i in compute_indicators(book, START, END, TODAY)}


EXPECTED = {
    # Участники
    "mentors_bank": 3,  # Н-4 left
    # Н-1 trained 15.01.2024, within three years of 25.11.2026; Н-2's course ended a day too early; Н-4 left
    "mentors_trained_3y_share": 33.3,
    "mentees_bank": 7,  # П-6 left on 01.03.2026, before the period
    "mentors_active": 3,  # Н-1, Н-2, Н-3
    "mentors_again": 2,  # Н-2 (ПР-9, ПР-10 of 2025), Н-3 (ПР-6 began 01.02.2026): pairs begun before the period
    "mentees_active": 4,  # П-1, П-2, П-3, П-8
    "mentees_waiting": 2,  # П-4, П-5
    "pairs_total": 3,  # ПР-1, ПР-3, ПР-6
    "groups_total": 1,  # ПР-2
    "units_by_form": 4,
    "units_by_kind": 4,
    "mentees_by_direction": 4,
    "mentees_by_category": 4,
    "students_active": 0,  # the student П-4 is only in a draft pair
    "mentees_completed": 1,  # П-8 (ПР-6 completed in full 31.10.2026)
    "students_completed": 0,
    # Охват
    "staff_share_mentors": 15.0,  # 3 / 20
    "staff_share_mentees": 20.0,  # 4 / 20
    "staff_share_participants": 35.0,  # Н-1, Н-2, Н-3, П-1, П-2, П-3, П-8: 7 / 20
    # The student / trainee П-4 is not one of the staff: not a young specialist, not a teacher under 35.
    "young_bank": 4,  # стаж < 3: П-1, П-2, П-5, П-8
    "young_coverage": 75.0,  # П-1, П-2, П-8 of 4
    "under35_bank": 4,  # born after 01.09.1991: П-1, П-3, П-5, П-8
    "under35_coverage": 75.0,  # П-1, П-3, П-8 of 4
    "federal_under35_first3": 50.0,  # under 35 and стаж < 3: Н-3, П-1, П-5, П-8; in pairs П-1, П-8
    # «Педагогический состав» is empty: the total is «Число педагогических работников», the rest unknown.
    "staff_total": 20, "staff_under35": None, "staff_first3": None, "staff_under35_first3": None,
    # Программы
    "programmes_started": 3,  # ПР-1 (20.09), ПР-2 (01.10), ПР-3 (05.09)
    "programmes_running": 2,  # ПР-1, ПР-2
    "programmes_completed": 1,  # ПР-6
    "programmes_ended_early": 1,  # ПР-3
    "programmes_ended_early_by_reason": 1,
    "programmes_extended": 1,  # ПР-2
    "units_with_programme_share": 75.0,  # ПР-3 has none: 3 of 4
    "best_practices": 1,  # ПП-2
    # План
    "plan_due": 5,
    "plan_done_on_time_share": 40.0,  # 2 of 5
    "plan_done_late_share": 20.0,  # 1 of 5
    "plan_overdue_share": 20.0,  # 1 of 5 (the one due today is not overdue)
    "plan_planned_by_month": 6,
    "plan_done_by_month": 3,
    # Анкетирование
    "survey_forms": 3,
    "survey_mean": 7.6,  # (8 · 7 + 103) / 21 = 7.57, one decimal as every score
    # One mentor's form and two mentees': fewer than 3 respondents each, so no mean is shown (PRIVACY_RULE);
    # the mean of all three forms above stays.
    "survey_mean_mentors": None,
    "survey_mean_mentees": None,
    "survey_by_question_mentors": None,
    "survey_by_question_mentees": None,
    "survey_distribution": 21,  # 3 forms × 7 questions
    # Рост наставляемых: no «Ответы анкет» in this book (tests/test_growth.py works a growth table by hand)
    "growth_respondents": 0,
    "growth_improved_share": None,
    "growth_mean_change": None,
    "growth_by_direction": 0,
    # Мероприятия
    "events_participations": 3,
    "events_people": 2,  # П-1, Н-2
    "events_prizes": 2,
    "events_by_level": 3,
    "events_prizes_by_level": 2,
    "events_by_type": 3,
    # Нагрузка и закрепление
    "mentor_load_mean": 1.67,  # (2 + 2 + 1) / 3
    "mentor_load_max": 2,
    "mentors_overloaded": 1,  # Н-1: ПР-1 and the draft ПР-4 against a maximum of 1
    "mentor_load_distribution": 3,
    "retention_measured": 2,  # П-6 (ended 30.09.2025), П-7 (ended 31.10.2025)
    "retention_share": 50.0,  # П-6 left within the year
    "retention_not_yet": 1,  # П-8 (ПР-6 completed 31.10.2026); П-3 stopped ПР-3 early: not a completer
    "days_to_pair_mean": 15.8,  # П-1 14, П-2 18, П-3 27 (order dates), П-3 4 (ПР-3 start): 63 / 4
    "days_to_pair_median": 16.0,
    "mentees_waiting_too_long": 1,  # П-4 waits 55 days, П-5 15 days; limit 30
    # Организация работы
    "consent_pd_share": 90.0,  # 9 of 10 (Н-3 has none)
    "consent_publish_share": 60.0,  # Н-1, П-1, П-3, П-4, П-5, П-8 of 10
    "units_by_order": 3,  # ПР-1, ПР-2, ПР-6
    "pairs_by_order": 2,
    "groups_by_order": 1,
    "roadmap_stages_done": 1,  # only stage 1 has all rows done
    "roadmap_stages_by_status": 7,
    # Готовность
    "ready_site": True,
    "ready_order_system": True,
    "ready_regulation": True,
    "ready_roadmap": True,
    "ready_programmes": True,  # ПР-1 and ПР-2 (running) have programmes
    "ready_curator_order": True,
    "ready_mentor_bank": True,
    "ready_mentee_bank": True,
    "ready_reward_rules": False,
    "ready_pairs_order": True,
    "ready_best_cases": True,
    "readiness_score": 10,
}

BREAKDOWNS = {
    "units_by_form": {PP: 3, LEADER: 1},
    "units_by_kind": {v.KIND_ONE_TO_ONE: 1, v.KIND_GROUP: 1, "ситуационное": 1, "краткосрочное/целеполагающее": 1},
    "mentees_by_direction": {"предметно-профессиональные": 1, "методические": 2, "ИКТ-компетенции": 1,
                             "здоровьесбережение": 1},
    "mentees_by_category": {"молодой специалист": 3, "начинающий педагог": 1},
    "programmes_ended_early_by_reason": {"по инициативе наставляемого": 1},
    "plan_planned_by_month": {"09.2026": 1, "10.2026": 2, "11.2026": 2, "12.2026": 1},
    "plan_done_by_month": {"09.2026": 1, "10.2026": 2, "11.2026": 0},
    "survey_by_question_mentors": {v.SURVEY_QUESTIONS[q]: None for q in Q},  # one mentor: hidden
    "survey_by_question_mentees": {v.SURVEY_QUESTIONS[q]: None for q in Q},  # two mentees: hidden
    "survey_distribution": {"3": 1, "6": 6, "8": 7, "9": 6, "10": 1},
    "events_by_level": {"районный": 1, "городской": 1, "всероссийский": 1},
    "events_prizes_by_level": {"районный": 1, "всероссийский": 1},
    "events_by_type": {"конкурс": 2, "конференция": 1},
    "mentor_load_distribution": {"1": 1, "2": 2},
    # the directions as a centre (the hand-worked book's type) words them: «досуговая …», not «внеурочная …»
    "growth_by_direction": {name: None for name in directions(EXTRA.key).values()},
    "roadmap_stages_by_status": {"выполнен": 1, "в работе": 2, "не начат": 4},
}


def test_every_indicator_of_the_registry_has_a_hand_worked_answer():
    assert set(EXPECTED) == {s.code for s in SPECS}
    assert set(BREAKDOWNS) == {s.code for s in SPECS if s.breakdown}


@pytest.mark.parametrize("code", list(EXPECTED))
def test_indicator_value(small, code):
    assert small[code].value == EXPECTED[code]


@pytest.mark.parametrize("code", list(BREAKDOWNS))
def test_indicator_breakdown(small, code):
    table = small[code].breakdown
    for label, expected in BREAKDOWNS[code].items():
        assert table[label] == expected, label
    # Every label not listed by hand is zero (or empty for months and questions not computed above).
    others = {k: x for k, x in table.items() if k not in BREAKDOWNS[code]}
    if code not in ("survey_by_question_mentors", "survey_by_question_mentees"):
        assert all(x in (0, None) for x in others.values()), others


def test_months_after_the_report_date_have_no_done_count(small):
    assert small["plan_done_by_month"].breakdown["12.2026"] is None


def test_federal_indicator_shows_its_target_and_failure(small):
    fed = small["federal_under35_first3"]
    assert (fed.numerator, fed.denominator) == (2, 4)
    assert fed.spec.target_text == "≥ 70 %"
    assert fed.status == "не достигнуто"


def test_retention_lists_mentees_not_yet_measurable(small):
    assert small["retention_not_yet"].extra["mentees"] == ["П-8"]
