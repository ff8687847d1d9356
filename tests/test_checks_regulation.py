"""The regulation's rules: each test breaks one rule of the demo and finds it at its cell."""

from __future__ import annotations

import datetime as dt

import pytest

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.checks import check_book
from nastavnik.workbook import vocab as v

from .checks_util import added, assert_only
from .conftest import TODAY

D = dt.timedelta


def _new_pair(tables, **kw):
    """A pair row like ПР-001 under a new code: the caller says what differs."""
    tables["pairs"].append({**tables["pairs"][0], "code": "ПР-010", **kw})


def test_mentor_and_mentee_same_person_by_name_and_birth_date(make_book, demo_book):
    def change(org, tables):
        mentor = tables["mentors"][0]
        tables["mentees"][0].update(fio=mentor["fio"], birth_date=mentor["birth_date"], sex=mentor["sex"])

    assert_only(make_book(change), demo_book, "self_mentoring", ERROR, "pairs", 2, "mentee")


def test_mentor_and_mentee_same_code(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][11]["code"] = "Н-011"
        _new_pair(tables, mentor="Н-011", mentee="Н-011", status=v.PAIR_DRAFT)

    assert_only(make_book(change), demo_book, "self_mentoring", ERROR, "pairs", 13, "mentee")


def test_mentee_in_two_pairs_in_force(make_book, demo_book):
    def change(org, tables):
        _new_pair(tables, mentor="Н-011", status=v.PAIR_DRAFT)  # П-001 is already in ПР-001

    p = assert_only(make_book(change), demo_book, "mentee_in_two_pairs", ERROR, "pairs", 13, "mentee")
    assert "ПР-001" in p.message


def test_mentee_may_have_a_new_pair_after_a_finished_one(make_book, demo_book):
    def change(org, tables):
        _new_pair(tables, mentor="Н-011", mentee="П-009", status=v.PAIR_DRAFT)  # ПР-007 with П-009 is finished
        tables["mentees"][8]["status"] = v.MENTEE_IN_PAIR

    assert added(make_book(change), demo_book, ERROR) == []


def test_mentor_above_his_maximum_counts_distinct_mentees(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][3]["max_mentees"] = 2  # Н-004 leads the group ПР-003 of three

    p = assert_only(make_book(change), demo_book, "mentor_over_limit", ERROR, "pairs", 6, "mentor")
    assert "3 наставляемых" in p.message and "максимум — 2" in p.message


def test_finished_pairs_do_not_load_a_mentor(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][6]["max_mentees"] = 1  # Н-007: only the finished ПР-007
        _new_pair(tables, mentor="Н-007", mentee="П-012", status=v.PAIR_DRAFT)
        tables["mentees"][11]["status"] = v.MENTEE_IN_PAIR

    assert added(make_book(change), demo_book, ERROR) == []


def test_group_with_one_mentee(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["kind"] = v.KIND_GROUP

    assert_only(make_book(change), demo_book, "group_too_small", ERROR, "pairs", 2, "kind")


def test_one_to_one_with_three_mentees(make_book, demo_book):
    def change(org, tables):
        for row in tables["pairs"][2:5]:
            row["kind"] = v.KIND_ONE_TO_ONE

    assert_only(make_book(change), demo_book, "one_to_one_many", ERROR, "pairs", 5, "kind")


def test_group_rows_with_different_mentors(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][3]["mentor"] = "Н-011"

    assert_only(make_book(change), demo_book, "group_mismatch", ERROR, "pairs", 5, "mentor")


def test_approved_pair_without_order_number(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["order_no"] = None

    assert_only(make_book(change), demo_book, "no_order", ERROR, "pairs", 2, "order_no")


def test_group_order_number_on_its_first_row_is_enough(make_book, demo_book):
    def change(org, tables):
        for row in tables["pairs"][3:5]:
            row["order_no"] = None

    assert added(make_book(change), demo_book, ERROR) == []


def test_running_pair_without_programme(make_book, demo_book):
    def change(org, tables):
        _new_pair(tables, mentor="Н-011", mentee="П-012", status=v.PAIR_RUNNING)
        tables["mentees"][11]["status"] = v.MENTEE_IN_PAIR

    assert_only(make_book(change), demo_book, "no_programme", ERROR, "pairs", 13, "code")


@pytest.mark.parametrize("bank,col", [("mentees", "mentee"), ("mentors", "mentor")])
def test_running_pair_without_consent_to_personal_data(make_book, demo_book, bank, col):
    def change(org, tables):
        tables[bank][0]["consent_pd"] = None

    assert_only(make_book(change), demo_book, "no_consent_pd", ERROR, "pairs", 2, col)


def test_draft_pair_needs_no_order_nor_consent_yet(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][7]["consent_pd"] = False  # П-008 in the draft ПР-006

    assert added(make_book(change), demo_book, ERROR) == []


def test_running_pair_without_mentors_written_consent_is_an_error(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["mentor_consent"] = False

    p = assert_only(make_book(change), demo_book, "no_mentor_consent", ERROR, "pairs", 2, "mentor_consent")
    assert "351.8" in p.message


def test_mentors_consent_missing_before_march_2025_is_a_warning(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][10].update(mentor_consent=None, start=dt.date(2025, 2, 3), planned_end=dt.date(2025, 12, 31),
                                   order_date=dt.date(2025, 1, 27))  # the order precedes the start

    assert_only(make_book(change), demo_book, "no_mentor_consent", WARNING, "pairs", 12, "mentor_consent")


@pytest.mark.parametrize("col,code", [("actual_end", "finished_without_end_date"),
                                      ("end_reason", "finished_without_reason")])
def test_finished_pair_without_end_date_or_reason(make_book, demo_book, col, code):
    def change(org, tables):
        tables["pairs"][8][col] = None  # ПР-007, завершена

    assert_only(make_book(change), demo_book, code, ERROR, "pairs", 10, col)


def test_full_plan_reason_while_an_activity_is_not_done(make_book, demo_book):
    def change(org, tables):
        tables["plan"][38].update(status=v.ACT_FAILED, actual_date=None)  # ПП-007, row 40

    p = assert_only(make_book(change), demo_book, "full_plan_not_done", ERROR, "pairs", 10, "end_reason")
    assert "40" in p.message


def test_running_pair_past_its_planned_end(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0].update(start=dt.date(2026, 1, 12), planned_end=dt.date(2026, 11, 11),
                                  order_date=dt.date(2026, 1, 5))  # the order precedes the start

    assert_only(make_book(change), demo_book, "pair_past_end", WARNING, "pairs", 2, "planned_end")


def test_extended_pair_is_judged_by_its_new_end(make_book, demo_book):
    def change(org, tables):
        # ПР-009 (planned end 03.12.2026): a shortening to 20.11.2026, which has passed
        tables["pairs"][10].update(change="сокращение срока", new_end=dt.date(2026, 11, 20))
        tables["programmes"][8]["end"] = dt.date(2026, 11, 20)
        tables["plan"][52].update(planned_date=dt.date(2026, 11, 19), status=v.ACT_DONE,
                                  actual_date=dt.date(2026, 11, 19))

    assert_only(make_book(change), demo_book, "pair_past_end", WARNING, "pairs", 12, "new_end")


def test_reverse_mentoring_with_an_older_mentor(make_book, demo_book):
    def change(org, tables):
        tables["mentors"][9]["birth_date"] = dt.date(1960, 3, 3)  # Н-010 mentors П-006 (1967) in ПР-004

    assert_only(make_book(change), demo_book, "reverse_not_younger", WARNING, "pairs", 7, "mentor")


def test_programme_longer_than_a_year(make_book, demo_book):
    def change(org, tables):
        tables["programmes"][0]["end"] = dt.date(2027, 11, 20)

    assert_only(make_book(change), demo_book, "period_too_long", ERROR, "programmes", 2, "end")


def test_pair_shorter_than_three_months(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0]["planned_end"] = tables["pairs"][0]["start"] + D(days=60)

    assert_only(make_book(change), demo_book, "period_too_short", ERROR, "pairs", 2, "planned_end")


def test_exactly_three_months_is_enough(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][0].update(start=dt.date(2026, 9, 21), planned_end=dt.date(2026, 12, 20))

    assert added(make_book(change), demo_book, ERROR) == []


def test_recorded_extension_allows_more_than_a_year(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][10]["new_end"] = dt.date(2027, 5, 20)  # ПР-009 from 04.04.2026, продление срока
        tables["pairs"][10]["agreement_until"] = dt.date(2027, 5, 20)  # ТК РФ ст. 351.8: the agreement follows
        tables["programmes"][8]["end"] = dt.date(2027, 5, 20)

    assert added(make_book(change), demo_book, ERROR) == []


def test_end_before_start(make_book, demo_book):
    def change(org, tables):
        tables["pairs"][1]["planned_end"] = tables["pairs"][1]["start"] - D(days=10)

    assert_only(make_book(change), demo_book, "end_before_start", ERROR, "pairs", 3, "planned_end")


def test_activity_outside_programme_period(make_book, demo_book):
    def change(org, tables):
        tables["plan"][2]["planned_date"] = dt.date(2027, 6, 1)  # ПП-001 ends 20.05.2027

    assert_only(make_book(change), demo_book, "activity_outside_period", ERROR, "plan", 4, "planned_date")


def test_overdue_activity(make_book, demo_book):
    def change(org, tables):  # ПП-004, запланировано; ПР-004 did something on 16.11, so it is not stalled
        tables["plan"][20]["planned_date"] = dt.date(2026, 11, 20)

    assert_only(make_book(change), demo_book, "activity_overdue", WARNING, "plan", 22, "status")


def test_best_practice_published_without_participants_consent(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][8]["consent_publish"] = False  # П-009 of ПР-007, ПП-007 is a best practice

    p = assert_only(make_book(change), demo_book, "publish_without_consent", ERROR, "programmes", 8,
                    "consent_publish")
    assert "П-009" in p.message


def test_best_practice_not_for_publication_needs_no_consent(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][8]["consent_publish"] = False
        tables["programmes"][6]["consent_publish"] = False

    assert added(make_book(change), demo_book, ERROR) == []


def test_second_programme_for_a_pair(make_book, demo_book):
    def change(org, tables):
        tables["programmes"].append({**tables["programmes"][0], "code": "ПП-099"})
        tables["plan"].append({**tables["plan"][0], "programme": "ПП-099"})  # a programme has a plan

    assert_only(make_book(change), demo_book, "pair_two_programmes", WARNING, "programmes", 11, "pair")


def test_mentee_waiting_longer_than_allowed(demo_book):
    (p,) = [p for p in check_book(demo_book, TODAY).problems if p.code == "mentee_waiting"]
    assert (p.severity, p.sheet, p.row, p.column) == (WARNING, "Наставляемые", 14, "Дата включения в банк (запроса) *")
    assert "П-013" in p.message and "75" in p.message


def test_allowed_waiting_is_set_in_organisation(make_book):
    def change(org, tables):
        org["max_wait_days"] = 90

    assert not [p for p in check_book(make_book(change), TODAY).problems if p.code == "mentee_waiting"]


def test_mentee_waiting_while_in_a_pair(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][0]["status"] = v.MENTEE_WAITING

    assert_only(make_book(change), demo_book, "status_waiting_but_paired", WARNING, "mentees", 2, "status")


def test_mentee_in_a_pair_without_one(make_book, demo_book):
    def change(org, tables):
        tables["mentees"][11]["status"] = v.MENTEE_IN_PAIR

    assert_only(make_book(change), demo_book, "status_paired_without_pair", WARNING, "mentees", 13, "status")


def test_approved_pair_without_programme_yet_is_a_warning_not_a_stop(make_book, demo_book):
    """The roadmap puts the programme after the order: the week between is not an error."""
    def change(org, tables):
        _new_pair(tables, mentor="Н-011", mentee="П-012", status=v.PAIR_APPROVED)
        tables["mentees"][11]["status"] = v.MENTEE_IN_PAIR

    book = make_book(change)
    assert added(book, demo_book, ERROR) == []
    assert_only(book, demo_book, "programme_pending", WARNING, "pairs", 13, "code")
