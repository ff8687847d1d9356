"""Alerts for stalled pairs: in check (warnings), for run's «Обратите внимание», in the report («Внимание»)."""

from __future__ import annotations

import datetime as dt

from nastavnik.checks import check_book
from nastavnik.checks.stalled import alerts

from .conftest import TODAY  # 25.11.2026; in the demo ПР-001's last activity done is 25.10.2026


def _codes(book, code):
    return [(p.row, p.letter) for p in check_book(book, TODAY).problems if p.code == code]


def _missed_meeting(org, tables):
    """ПП-001's meeting of 28.11.2026 was due on 20.11 and is not done: nothing done since 25.10."""
    for a in tables["plan"]:
        if a["programme"] == "ПП-001" and a["planned_date"] == dt.date(2026, 11, 28):
            a["planned_date"] = dt.date(2026, 11, 20)


def test_a_pair_between_two_monthly_meetings_is_on_schedule_not_stalled(demo_book):
    assert _codes(demo_book, "pair_stalled") == []


def _plan_run_out(org, tables):
    """ПП-001 has nothing planned ahead any more, and nothing was done after 25.10.2026."""
    tables["plan"] = [a for a in tables["plan"] if a["programme"] != "ПП-001" or a.get("status") == "выполнено"]


def test_a_running_pair_without_activity_for_a_month_is_a_warning(make_book):
    found = [p for p in check_book(make_book(_plan_run_out), TODAY).problems if p.code == "pair_stalled"]
    assert [p.row for p in found] == [2] and found[0].severity == "предупреждение"
    assert "ПР-001" in found[0].message and "25.10.2026" in found[0].message


def test_a_stalled_pair_with_a_missed_meeting_is_an_alert_and_check_names_the_meeting(make_book):
    book = make_book(_missed_meeting)
    assert [a.subject for a in alerts(book, TODAY) if a.code == "pair_stalled"] == ["ПР-001"]
    assert _codes(book, "pair_stalled") == [] and _codes(book, "activity_overdue")


def test_the_stall_period_is_set_on_the_organisation_sheet(make_book):
    def change(org, tables):
        _plan_run_out(org, tables)
        org["stall_days"] = 60

    assert _codes(make_book(change), "pair_stalled") == []


def test_a_pair_ending_within_a_month_without_a_survey_is_a_warning(make_book, demo_book):
    def change(org, tables):  # ПР-009 ends on 03.12.2026 (its extension undone); ПП-009 loses its surveys
        tables["surveys"] = [r for r in tables["surveys"] if r["programme"] != "ПП-009"]
        for p in tables["pairs"]:
            if p["code"] == "ПР-009":
                p.update(new_end=None, change=None, change_basis=None, change_order_no=None, change_order_date=None)

    before = {a.subject for a in alerts(demo_book, TODAY) if a.code == "survey_missing_before_end"}
    after = {a.subject for a in alerts(make_book(change), TODAY) if a.code == "survey_missing_before_end"}
    assert after - before == {"ПР-009"}


def test_a_mentor_over_his_limit_is_listed_among_the_alerts(make_book):
    def change(org, tables):
        for m in tables["mentors"]:
            if m["code"] == "Н-004":  # three mentees in pairs in force
                m["max_mentees"] = 2

    found = [a for a in alerts(make_book(change), TODAY) if a.code == "mentor_over_limit"]
    assert [a.subject for a in found] == ["Н-004"]


def test_the_report_summary_lists_the_alerts(make_book, tmp_path):
    import openpyxl

    from nastavnik.report import report_for_book, report_meta, write_report_xlsx

    book = make_book(_missed_meeting)
    period, indicators, statform = report_for_book(book, TODAY)
    path = write_report_xlsx(indicators, statform, tmp_path / "отчёт.xlsx", report_meta(book, period, TODAY))
    ws = openpyxl.load_workbook(path)["Сводка"]
    texts = [c.value for c in ws["A"] if c.value]
    assert any("Пара ПР-001" in t and "без выполненных мероприятий" in t for t in texts)
