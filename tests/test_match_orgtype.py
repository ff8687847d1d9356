"""Matching compares the profile and the level the organisation's type defines, and says so in its words.

A school compares subjects («Учебный предмет») and levels of general education; a centre keeps its
направленности. Two mentors differ in one attribute; the worse one gets the smaller code, so if the part did
nothing the tie would rank it first.
"""

from __future__ import annotations

import dataclasses

import openpyxl

from nastavnik.match import match_frames, write_match_xlsx
from nastavnik.match.frames import mentee, mentor, table
from nastavnik.workbook import orgtypes

from .conftest import TODAY

SCHOOL = {"org_type": orgtypes.SCHOOL.title}
BASIC, UPPER, PRIMARY = "основное общее", "среднее общее", "начальное общее"


def match(mentors: list[dict], mentees: list[dict], org=None, top: int = 3):
    return match_frames(table("mentors", mentors), table("mentees", mentees), table("pairs", []), org, TODAY, top)


def ranking(result) -> list[str]:
    return [c["mentor"] for c in result.candidates]


def reasons(result, mentor_code: str) -> str:
    return "; ".join(next(c["reasons"] for c in result.candidates if c["mentor"] == mentor_code))


def test_a_school_matches_a_mathematics_mentee_to_a_mathematics_mentor_over_a_physics_one_and_says_so():
    result = match([mentor("Н-001", focus="физика"), mentor("Н-002", focus="математика")],
                   [mentee("П-001", focus="математика")], SCHOOL)
    assert ranking(result) == ["Н-002", "Н-001"]
    assert result.proposal[0]["mentor"] == "Н-002"
    assert "один учебный предмет (математика)" in reasons(result, "Н-002")
    assert "другой учебный предмет (физика)" in reasons(result, "Н-001")
    assert "направленност" not in reasons(result, "Н-001") + reasons(result, "Н-002")


def test_levels_break_a_tie_between_two_mentors_of_the_same_subject():
    mentors = [mentor("Н-001", focus="математика", level=(PRIMARY,)),
               mentor("Н-002", focus="математика", level=(BASIC, UPPER))]
    mentees = [mentee("П-001", focus="математика", level=(BASIC,))]
    assert ranking(match(mentors, mentees, SCHOOL)) == ["Н-002", "Н-001"]
    assert ranking(match(mentors, mentees, {**SCHOOL, "w_level": 0})) == ["Н-001", "Н-002"]


def test_the_shared_level_is_named_in_the_reasons():
    result = match([mentor("Н-001", focus="математика", level=(BASIC, UPPER))],
                   [mentee("П-001", focus="математика", level=(BASIC,))], SCHOOL)
    assert "общий уровень образования (основное общее)" in reasons(result, "Н-001")


def test_several_shared_levels_are_counted_in_words():
    result = match([mentor("Н-001", level=(BASIC, UPPER))], [mentee("П-001", level=(BASIC, UPPER))], SCHOOL)
    assert "2 общих уровня образования (основное общее, среднее общее)" in reasons(result, "Н-001")


def test_the_level_part_is_the_share_of_the_mentees_levels_the_mentor_has():
    result = match([mentor("Н-001", level=(BASIC,)), mentor("Н-002", level=(BASIC, UPPER)),
                    mentor("Н-003", level=(PRIMARY,)), mentor("Н-004")],
                   [mentee("П-001", level=(BASIC, UPPER))], SCHOOL, top=0)
    level = {c["mentor"]: c["parts"]["level"] for c in result.candidates}
    assert level == {"Н-001": 0.5, "Н-002": 1.0, "Н-003": 0.0, "Н-004": 0.0}


def test_levels_match_whatever_the_case_and_spacing_the_curator_typed():
    result = match([mentor("Н-001", level=("Основное  общее ",))], [mentee("П-001", level=(BASIC,))], SCHOOL)
    assert result.proposal[0]["parts"]["level"] == 1.0


def test_a_mentee_without_levels_gets_nothing_from_the_level_part():
    result = match([mentor("Н-001", level=(BASIC,))], [mentee("П-001")], SCHOOL)
    assert result.proposal[0]["parts"]["level"] == 0.0
    assert "уровень" not in reasons(result, "Н-001")


def test_a_centre_keeps_its_words_and_names_its_levels_of_programmes():
    for org in (None, {"org_type": orgtypes.EXTRA.title}):
        result = match([mentor("Н-001", focus="художественная"), mentor("Н-002", focus="техническая",
                                                                           level=("базовый",))],
                       [mentee("П-001", focus="техническая", level=("базовый",))], org)
        assert "одна направленность (техническая); общий уровень программ (базовый)" in reasons(result, "Н-002")
        assert "другая направленность (художественная)" in reasons(result, "Н-001")
        assert "учебн" not in reasons(result, "Н-001") + reasons(result, "Н-002")


def test_a_kindergarten_compares_educational_areas_and_age_groups():
    group = orgtypes.KINDERGARTEN.levels[2]
    result = match([mentor("Н-001", focus="речевое развитие", level=(group,))],
                   [mentee("П-001", focus="речевое развитие", level=(group,))],
                   {"org_type": orgtypes.KINDERGARTEN.title})
    text = reasons(result, "Н-001")
    assert "одна образовательная область (речевое развитие)" in text
    assert f"общая возрастная группа ({group})" in text


def _xlsx(result, tmp_path):
    path = write_match_xlsx(result, tmp_path / "Предложения пар.xlsx")
    return openpyxl.load_workbook(path, read_only=True)


def test_the_school_proposal_xlsx_names_the_subject_and_the_level_in_its_headers(tmp_path):
    result = match([mentor("Н-001", focus="математика", level=(BASIC,))],
                   [mentee("П-001", focus="математика", level=(BASIC,))], SCHOOL)
    wb = _xlsx(result, tmp_path)
    header = [c for c in next(wb["Кандидаты"].iter_rows(min_row=2, max_row=2, values_only=True)) if c]
    assert "Учебный предмет, баллов" in header and "Уровень общего образования, баллов" in header
    assert not [h for h in header if h.startswith("Направленность")]
    assert "Учебный предмет" in next(wb["Группы"].iter_rows(min_row=2, max_row=2, values_only=True))
    rows = list(wb["Веса"].iter_rows(min_row=3, values_only=True))
    assert ("Учебный предмет", 10, "Вес: один учебный предмет") in rows
    assert ("Уровень общего образования", 5, "Вес: общий уровень образования") in rows


def test_the_centre_proposal_xlsx_keeps_focus_in_its_headers(tmp_path):
    wb = _xlsx(match([mentor("Н-001")], [mentee("П-001")]), tmp_path)
    header = next(wb["Кандидаты"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert "Направленность, баллов" in header and "Уровень программ, баллов" in header


def test_the_json_names_the_type_it_matched_for():
    assert match([mentor("Н-001")], [mentee("П-001")], SCHOOL).to_dict()["org_type"] == orgtypes.SCHOOL.title


def test_the_demo_proposal_is_the_same_with_and_without_the_level_part(demo_book):
    """The demo (a centre) has no levels: the level part adds nothing, so its matching did not change."""
    from nastavnik.match import match_book

    on = match_book(demo_book, TODAY, top=0).to_dict()
    off = match_book(dataclasses.replace(demo_book, org={**demo_book.org, "w_level": 0}), TODAY, top=0).to_dict()
    assert on["weights"]["level"] == 5 and off["weights"]["level"] == 0
    assert all(c["parts"]["level"] == 0 for c in on["candidates"])
    on.pop("weights"), off.pop("weights")
    assert on == off
    assert any("одна направленность" in r for p in on["proposal"] for r in p["reasons"])


def test_a_school_workbook_matches_on_subjects_and_levels_in_school_words(make_book):
    def school(org, tables):
        org["org_type"] = orgtypes.SCHOOL.title
        tables["mentors"] = [mentor("Н-001", focus="физика", level=[BASIC]),
                             mentor("Н-002", focus="математика", level=[PRIMARY]),
                             mentor("Н-003", focus="математика", level=[BASIC, UPPER])]
        tables["mentees"] = [mentee("П-001", focus="математика", level=[BASIC])]
        tables["pairs"], tables["archive_pairs"] = [], []

    from nastavnik.match import match_book

    result = match_book(make_book(school), TODAY, top=3)
    assert [c["mentor"] for c in result.candidates] == ["Н-003", "Н-002", "Н-001"]
    text = "; ".join(result.proposal[0]["reasons"])
    assert "один учебный предмет (математика)" in text and "общий уровень образования (основное общее)" in text


def subject_part(mine: str, theirs: str, org=SCHOOL) -> float:
    return match([mentor("Н-001", subject=theirs)], [mentee("П-001", subject=mine)], org).proposal[0]["parts"][
        "subject"]


def test_teachers_of_the_same_classes_are_not_close_in_subject_for_that_alone():
    assert subject_part("алгебра, 7–9 классы", "физика, 7–9 классы") == 0
    assert subject_part("алгебра, 7–9 классы", "алгебра и геометрия, 10–11 классы") == 1
    assert subject_part("классический танец", "народный и классический танец", None) == 1  # not a form of «класс»


def test_a_kindergarten_group_or_a_course_is_not_a_subject_area():
    assert subject_part("группа компенсирующей направленности", "группа общеразвивающей направленности") == 0
    assert subject_part("курс «Финансовая грамотность»", "курсы для родителей") == 0


def test_a_colleges_specialty_and_module_codes_are_compared_whole():
    college = {"org_type": orgtypes.COLLEGE.title}
    assert subject_part("08.02.01 Строительство и эксплуатация зданий", "08.02.01", college) > 0
    assert subject_part("МДК.01.01", "МДК.02.01", college) == 0
    assert subject_part("МДК.01.01", "мдк.01.01; МДК.01.02", college) == 1


def test_subjects_are_not_close_for_a_word_the_types_list_shares():
    assert subject_part("русский язык", "иностранный язык") == 0
    assert subject_part("русский язык и литература", "литература") == 0.5  # «литература» is a subject itself
    kindergarten = {"org_type": orgtypes.KINDERGARTEN.title}
    assert subject_part("речевое развитие", "познавательное развитие", kindergarten) == 0
    assert subject_part("русский язык", "иностранный язык", None) == 0.5  # a centre's list shares no word


def test_the_score_is_recomputed_from_its_parts_when_a_share_is_a_third():
    three = (PRIMARY, BASIC, UPPER)
    result = match([mentor("Н-001", level=(BASIC,)), mentor("Н-002", level=(BASIC, UPPER))],
                   [mentee("П-001", level=three, subject="алгебра геометрия черчение")], SCHOOL, top=0)
    w = result.weights
    assert {round(c["parts"]["level"], 4) for c in result.candidates} == {0.3333, 0.6667}
    for c in result.candidates:
        assert round(sum(w[k] * x for k, x in c["parts"].items()), 4) == c["score"]
