"""Each part of the score moves the ranking the way its name says.

Every case builds two mentors that differ in one attribute only; the worse one
gets the smaller code, so if the part did nothing the tie would rank it first.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nastavnik.match import match_frames
from nastavnik.match.frames import mentee, mentor, table
from nastavnik.match.scoring import stems

from .conftest import TODAY

CASES = {
    "coverage": ({"req_ict": True}, {}, {"comp_ict": True}),
    "focus": ({"focus": "техническая"}, {"focus": "художественная"}, {"focus": "техническая"}),
    "subject": ({"subject": "робототехника"}, {"subject": "вокал и хор"},
                {"subject": "Робототехника и LEGO-конструирование"}),
    "experience": ({}, {"ped_experience": 3}, {"ped_experience": 20}),
    "category": ({}, {"qual_category": "без категории"}, {"qual_category": "высшая"}),
    "department": ({"department": "Отдел ИТ"}, {"department": "Отдел А"}, {"department": "Отдел ИТ"}),
    "format": ({"format": "онлайн"}, {"format": "очно"}, {"format": "онлайн"}),
    "mixed_format": ({"format": "онлайн"}, {"format": "очно"}, {"format": "смешанный"}),
    "kind_readiness": ({"kind": "виртуальное"}, {"kinds": ["в группе"]}, {"kinds": ["виртуальное"]}),
    "named_by_mentee": ({"preferred_mentor": "Н-002"}, {}, {}),
    "named_by_mentor": ({}, {}, {"preferred_mentees": ["П-001"]}),
    "reverse": ({"category": "опытный педагог (реверсивное наставничество)", "req_ict": True, "req_method": False,
                 "birth_date": dt.date(1970, 1, 1), "ped_experience": 30},
                {"comp_ict": True, "birth_date": dt.date(1960, 1, 1), "ped_experience": 10},
                {"comp_ict": True, "birth_date": dt.date(1998, 1, 1), "ped_experience": 10}),
    "load": ({}, {"max_mentees": 2}, {"max_mentees": 1}),
}


def ranking(mentee_values: dict, worse: dict, better: dict, pairs=(), org=None) -> list[str]:
    result = match_frames(
        table("mentors", [mentor("Н-001", **worse), mentor("Н-002", **better)]),
        table("mentees", [mentee("П-001", **mentee_values)]),
        table("pairs", list(pairs)), org, TODAY, top=2)
    return [c["mentor"] for c in result.candidates]


@pytest.mark.parametrize("name", list(CASES))
def test_part_ranks_the_better_mentor_first(name):
    mentee_values, worse, better = CASES[name]
    pairs = []
    if name == "load":  # Н-001 has 2 places, one taken: half free; Н-002 has its one place free.
        worse, pairs = {"max_mentees": 2}, [{"code": "ПР-001", "mentor": "Н-001", "mentee": "П-900",
                                             "status": "реализуется"}]
    assert ranking(mentee_values, worse, better, pairs) == ["Н-002", "Н-001"]


def test_zero_weight_switches_a_part_off():
    org = {"w_focus": 0}
    mentee_values, worse, better = CASES["focus"]
    assert ranking(mentee_values, worse, better, org=org) == ["Н-001", "Н-002"]


def test_subject_stems_join_short_and_long_names_of_one_area():
    assert set(stems("робототехника")) <= set(stems("Робототехника и LEGO-конструирование"))
    assert stems("Ёлочная игрушка; 3D") == ["елочна", "игрушк", "3d"]


def test_reasons_name_covered_requests_and_who_chose_whom():
    result = match_frames(
        table("mentors", [mentor("Н-001", comp_ict=True, ped_experience=18, qual_category="высшая",
                                 preferred_mentees=["П-001"])]),
        table("mentees", [mentee("П-001", req_ict=True, preferred_mentor="Н-001")]),
        table("pairs", []), None, TODAY)
    reasons = "; ".join(result.proposal[0]["reasons"])
    assert "закрывает 2 из 2 запросов: методические, ИКТ-компетенции" in reasons
    assert "стаж 18 лет, высшая категория" in reasons
    assert "взаимный выбор" in reasons
