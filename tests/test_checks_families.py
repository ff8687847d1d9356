"""The families of rules of issue 13: each test plants one mistake in the demo and finds it at its cell.

Demo rows used below: pairs ПР-001 (row 2, running), ПР-005 (row 8, approved), ПР-006 (row 9, draft),
ПР-008 (row 11, stopped), ПР-009 (row 12, running, extended to 01.02.2027 from 03.12.2026); programme
ПП-001 (row 2) with plan rows 2–7; mentor Н-001 Кузнецов (row 2, стаж 28); mentee П-001 Иванова (row 2,
born 2001).
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import vocab as v

from .checks_util import added, assert_only
from .conftest import TODAY

D = dt.timedelta


# --- 1. A person is plausible as a whole --------------------------------------------------------------------

def test_experience_longer_than_age_minus_sixteen(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][0]["ped_experience"] = 15  # П-001 is 25

    p = assert_only(make_book(change), demo_book, "experience_over_age", ERROR, "mentees", 2, "ped_experience")
    assert "25 лет" in p.message and "15 лет" in p.message
    assert "2001" not in p.message  # an age, never a birth date (152-ФЗ)


def test_experience_in_the_organisation_longer_than_the_total(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][0]["org_experience"] = 30  # Н-001: ped 28

    assert_only(make_book(change), demo_book, "org_over_total", WARNING, "mentors", 2, "org_experience")


def test_hired_before_sixteen(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][6]["hire_date"] = dt.date(2001, 9, 1)  # П-007, born 1990

    assert_only(make_book(change), demo_book, "hired_too_young", ERROR, "mentees", 8, "hire_date")


def test_mentor_with_less_experience_than_the_mentee(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][1]["ped_experience"] = 12  # П-002 in ПР-002 (row 3)
        tables["mentors"][1].update(ped_experience=8, org_experience=8)  # Н-002
        # not for a teacher on a new direction: Н-005 (now 5 years) leads П-007 (7 years, new direction) in ПР-005
        tables["mentors"][4].update(ped_experience=5, org_experience=5)

    p = assert_only(make_book(change), demo_book, "mentor_less_experienced", WARNING, "pairs", 3, "mentor")
    assert "реверсивное" in p.message


# --- 2. Consent to be in a bank at all ----------------------------------------------------------------------

def test_mentor_in_the_bank_without_consent(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][2]["consent_pd"] = False  # Н-003, in no pair in force

    p = assert_only(make_book(change), demo_book, "bank_without_consent", WARNING, "mentors", 4, "consent_pd")
    assert "Н-003" in p.message and "--only consent_pd" in p.message
    assert "Васильев" not in p.message


def test_consent_without_its_date(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][0]["consent_pd_date"] = None

    assert_only(make_book(change), demo_book, "consent_without_date", WARNING, "mentees", 2, "consent_pd_date")


# --- 3. A pair's dates and status agree ---------------------------------------------------------------------

def test_actual_end_before_the_start(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][9]["actual_end"] = tables["pairs"][9]["start"] - D(days=5)  # ПР-008, stopped

    assert_only(make_book(change), demo_book, "end_before_start", ERROR, "pairs", 11, "actual_end")


def test_actual_end_while_the_pair_still_runs(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["actual_end"] = TODAY - D(days=3)

    assert_only(make_book(change), demo_book, "actual_end_not_finished", ERROR, "pairs", 2, "actual_end")


def test_reason_for_ending_on_a_running_pair(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["end_reason"] = "по обоюдному решению"

    assert_only(make_book(change), demo_book, "reason_not_finished", ERROR, "pairs", 2, "end_reason")


def test_extension_that_does_not_extend(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][10]["new_end"] = tables["pairs"][10]["planned_end"]  # ПР-009: продление to the same day

    p = assert_only(make_book(change), demo_book, "new_end_wrong", ERROR, "pairs", 12, "new_end")
    assert "03.12.2026" in p.message


def test_extension_without_a_new_end(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][10]["new_end"] = None

    assert_only(make_book(change), demo_book, "new_end_wrong", ERROR, "pairs", 12, "new_end")


def test_change_without_a_basis(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][10]["change_basis"] = None

    assert_only(make_book(change), demo_book, "change_without_basis", WARNING, "pairs", 12, "change_basis")


def test_running_pair_whose_programme_has_no_plan(make_book, demo_book):
    def change(org, tables):
        tables["plan"][:] = [r for r in tables["plan"] if r["programme"] != "ПП-001"]

    assert_only(make_book(change), demo_book, "programme_without_plan", ERROR, "programmes", 2, "code")


def test_running_programme_with_nothing_done(make_book, demo_book):
    def change(org, tables):
        tables["plan"][0].update(status=v.ACT_FAILED, actual_date=None, result=None)  # the one done of ПП-001

    assert_only(make_book(change), demo_book, "running_without_activity", WARNING, "programmes", 2, "code")


# --- 4. ТК РФ ст. 351.8 -------------------------------------------------------------------------------------

def test_agreement_ending_before_the_pair(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["agreement_until"] = tables["pairs"][0]["planned_end"] - D(days=30)

    assert_only(make_book(change), demo_book, "agreement_too_short", ERROR, "pairs", 2, "agreement_until")


def test_agreement_not_covering_the_extension(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][10]["agreement_until"] = tables["pairs"][10]["planned_end"]  # ПР-009 runs to 01.02.2027

    p = assert_only(make_book(change), demo_book, "agreement_too_short", ERROR, "pairs", 12, "agreement_until")
    assert "01.02.2027" in p.message and "изменения срока" in p.message


def test_approved_pair_without_the_payment(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][6]["payment"] = None  # ПР-005, approved

    p = assert_only(make_book(change), demo_book, "agreement_incomplete", WARNING, "pairs", 8, "payment")
    assert "размер доплаты" in p.message


def test_mentor_consent_dated_after_the_order(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["mentor_consent_date"] = tables["pairs"][0]["order_date"] + D(days=2)

    assert_only(make_book(change), demo_book, "mentor_consent_after_order", ERROR, "pairs", 2,
                "mentor_consent_date")


# --- 5. Publication only after completion -------------------------------------------------------------------

def test_results_on_a_programme_still_running(make_book, demo_book):
    def change(org, tables):
        tables["programmes"][0]["achieved_results"] = "Проведено открытое занятие."

    p = assert_only(make_book(change), demo_book, "published_before_end", WARNING, "programmes", 2,
                    "achieved_results")
    assert "п. 8.2" in p.message


def test_best_practice_of_a_running_pair(make_book, demo_book):
    def change(org, tables):
        tables["programmes"][0].update(best_practice=True, consent_publish=True)

    assert_only(make_book(change), demo_book, "published_before_end", WARNING, "programmes", 2, "best_practice")


# --- 6. A date that must be in the past ---------------------------------------------------------------------

def test_actual_date_of_an_activity_in_the_future(make_book, demo_book):
    def change(org, tables):
        tables["plan"][0]["actual_date"] = TODAY + D(days=3)

    assert_only(make_book(change), demo_book, "future_date", ERROR, "plan", 2, "actual_date")


def test_done_activity_whose_only_date_is_ahead(make_book, demo_book):
    def change(org, tables):
        tables["plan"][2].update(status=v.ACT_DONE)  # ПП-001, planned 02.01.2027

    assert_only(make_book(change), demo_book, "future_date", ERROR, "plan", 4, "planned_date")


def test_event_with_a_result_in_the_future(make_book, demo_book):
    def change(org, tables):
        tables["events"][0]["date"] = TODAY + D(days=10)

    p = assert_only(make_book(change), demo_book, "future_date", ERROR, "events", 2, "date")
    assert "призёр" in p.message


def test_mentor_consent_date_in_the_future(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][7]["mentor_consent_date"] = TODAY + D(days=1)  # the draft ПР-006, no order yet

    assert_only(make_book(change), demo_book, "future_date", ERROR, "pairs", 9, "mentor_consent_date")


# --- 7. «Организация» agrees with itself and with the banks -------------------------------------------------

def org_cell(key: str) -> str:
    """The cell of a parameter on «Организация»: column B of its row in the schema's order."""
    from nastavnik.workbook.schema import ORG_FIELDS

    return f"B{[f.key for f in ORG_FIELDS].index(key) + 2}"


def test_reporting_period_ending_before_it_starts(make_book, demo_book):
    def change(org, tables):
        org["period_end"] = org["period_start"] - D(days=1)

    found = added(make_book(change), demo_book)
    assert [(x.code, x.severity, x.cell) for x in found] == [("end_before_start", ERROR, org_cell("period_end"))]


def test_reporting_period_of_three_months(make_book, demo_book):
    def change(org, tables):
        org["period_end"] = dt.date(org["period_start"].year, 11, 30)

    assert [(x.code, x.severity, x.cell) for x in added(make_book(change), demo_book)] == [
        ("period_not_a_year", WARNING, org_cell("period_end"))]


def test_staff_count_below_the_people_in_the_banks(make_book, demo_book):
    def change(staff):
        def apply(org, tables):
            org["staff_count"] = staff  # 14 active mentors, 12 mentees at work (П-010 left; two students)
        return apply

    (p,) = added(make_book(change(25)), demo_book)
    assert (p.code, p.severity, p.cell, p.expected) == ("staff_below_bank", ERROR, org_cell("staff_count"), "не меньше 26")
    assert added(make_book(change(26)), demo_book) == []


def test_curator_whose_sex_contradicts_her_bank_row(make_book, demo_book):
    def change(org, tables):
        org.update(curator_fio="Смирнова Ольга Николаевна", curator_sex="м")  # Н-002, «ж»

    (p,) = added(make_book(change), demo_book)
    assert (p.code, p.severity, p.cell) == ("org_person_mismatch", WARNING, org_cell("curator_sex"))


def test_order_of_the_organisation_without_its_date(make_book, demo_book):
    def change(org, tables):
        org["order_council_date"] = None

    (p,) = added(make_book(change), demo_book)
    assert (p.code, p.severity, p.cell) == ("order_incomplete", WARNING, org_cell("order_council_date"))


def test_order_number_typed_with_its_sign(make_book, demo_book):
    def change(org, tables):
        org["order_regulation_no"] = "№ 112-о"

    (p,) = added(make_book(change), demo_book)
    assert (p.code, p.severity, p.cell) == ("order_number_sign", WARNING, org_cell("order_regulation_no"))


def test_pair_order_number_without_its_date(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["order_date"] = None

    assert_only(make_book(change), demo_book, "order_incomplete", WARNING, "pairs", 2, "order_date")


def test_pair_order_number_typed_with_its_sign(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["order_no"] = "№ 131-о"

    assert_only(make_book(change), demo_book, "order_number_sign", WARNING, "pairs", 2, "order_no")


# --- «проект» is not yet «действующая» ----------------------------------------------------------------------

def test_waiting_mentee_with_only_a_draft_pair_is_told_so(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][7]["status"] = v.MENTEE_WAITING  # П-008, in the draft ПР-006

    p = assert_only(make_book(change), demo_book, "status_waiting_but_paired", WARNING, "mentees", 9, "status")
    assert "проекте пары (группы) ПР-006" in p.message and "ещё не действующая" in p.message
