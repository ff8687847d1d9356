"""Alerts for stalled pairs: in check (warnings), for run's «Обратите внимание», in the report («Внимание»)."""

from __future__ import annotations

import datetime as dt

from nastavnik.checks import check_book
from nastavnik.checks.stalled import alerts

from .conftest import TODAY  # 25.11.2026; in the demo ПР-001's last activity done is 25.10.2026


def _codes(book, code):
    return [(p.row, p.letter) for p in check_book(book, TODAY).problems if p.code == code]


def _on(tmp_path, day: dt.date, change=None):
    """The demo (as of TODAY, changed by ``change``) read and judged on ``day``."""
    import copy

    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.samples.demo import demo_data
    from nastavnik.workbook.template import write_workbook

    org, tables = copy.deepcopy(demo_data(TODAY))
    if change:
        change(org, tables)
    path = write_workbook(tmp_path / f"книга {day}.xlsx", org, tables)
    return read_workbook(path, today=day)


def _stalled_everywhere(book, day: dt.date, tmp_path) -> tuple[list, list, list]:
    """The pairs warned as stalled by check, in run's «Обратите внимание» and on the report's summary."""
    import re

    import openpyxl

    from nastavnik.report import report_for_book, report_meta, write_report_xlsx

    in_check = [p.message for p in check_book(book, day).problems if p.code == "pair_stalled"]
    in_run = [a.text for a in alerts(book, day) if a.code == "pair_stalled"]  # what run_all lists
    period, indicators, statform = report_for_book(book, day)
    path = write_report_xlsx(indicators, statform, tmp_path / f"отчёт {day}.xlsx", report_meta(book, period, day))
    summary = [c.value for c in openpyxl.load_workbook(path)["Сводка"]["A"] if isinstance(c.value, str)]
    in_report = [t for t in summary if "без выполненных мероприятий" in t]

    def pairs(texts):
        return [re.search(r"Пара (ПР-\d+)", t).group(1) for t in texts]

    return pairs(in_check), pairs(in_run), pairs(in_report)


def _missed_meeting(org, tables):
    """ПП-001's meeting of 28.11.2026 was due on 20.11 and is not done: nothing done since 25.10."""
    for a in tables["plan"]:
        if a["programme"] == "ПП-001" and a["planned_date"] == dt.date(2026, 11, 28):
            a["planned_date"] = dt.date(2026, 11, 20)


def _meeting_moved_ahead(org, tables):
    """ПР-002's missed meeting of 28.11.2026 moved to 10.01.2027: a meeting ahead, nothing done since 25.10."""
    for a in tables["plan"]:
        if a["programme"] == "ПП-002" and a["planned_date"] == dt.date(2026, 11, 28):
            a["planned_date"] = dt.date(2027, 1, 10)


def test_nothing_done_for_the_stall_period_is_stalled_whatever_is_planned_ahead(tmp_path):
    """37 days without anything done and the next meeting in January: stalled, in check, run and the report."""
    day = dt.date(2026, 12, 1)
    book = _on(tmp_path, day, _meeting_moved_ahead)
    check, run, report = _stalled_everywhere(book, day, tmp_path)
    assert "ПР-002" in check
    assert check == run == report


def test_the_stall_starts_the_day_after_the_period_is_over(tmp_path):
    """ПР-001's last activity was done on 25.10.2026; the period is 30 days: 24.11 is not stalled, 25.11 is."""
    assert "ПР-001" not in _stalled_everywhere(_on(tmp_path, dt.date(2026, 11, 24)), dt.date(2026, 11, 24),
                                               tmp_path)[0]
    assert _stalled_everywhere(_on(tmp_path, TODAY), TODAY, tmp_path)[0] == ["ПР-001", "ПР-002"]


def test_a_pair_that_did_something_within_the_period_is_not_stalled(tmp_path):
    """ПР-004 did its last activity on 16.11.2026: on 01.12.2026 it is not stalled."""
    day = dt.date(2026, 12, 1)
    assert "ПР-004" not in _stalled_everywhere(_on(tmp_path, day), day, tmp_path)[0]


def test_a_stalled_pair_is_warned_once_with_its_overdue_activity_named(tmp_path):
    """On 20.01.2027 ПР-009 has done nothing since 13.11.2026 and missed its 19.12.2026 activity: one warning."""
    day = dt.date(2027, 1, 20)
    book = _on(tmp_path, day)
    problems = check_book(book, day).problems
    about = [p for p in problems if "ПР-009" in p.message or "ПП-009" in p.message]
    assert [p.code for p in about if p.code in ("pair_stalled", "activity_overdue")] == ["pair_stalled"]
    assert "19.12.2026" in about[0].message
    check, run, report = _stalled_everywhere(book, day, tmp_path)
    assert check == run == report and check.count("ПР-009") == 1


def test_an_overdue_activity_of_a_pair_that_is_not_stalled_is_still_its_own_warning(make_book):
    def change(org, tables):  # ПР-004 did something on 16.11: not stalled; its 12.12 meeting was due 20.11
        for a in tables["plan"]:
            if a["programme"] == "ПП-004" and a["planned_date"] == dt.date(2026, 12, 12):
                a["planned_date"] = dt.date(2026, 11, 20)

    book = make_book(change)
    assert "ПР-004" not in [a.subject for a in alerts(book, TODAY)]
    assert len(_codes(book, "activity_overdue")) == 1


def _plan_run_out(org, tables):
    """ПП-001 has nothing planned ahead any more, and nothing was done after 25.10.2026."""
    tables["plan"] = [a for a in tables["plan"] if a["programme"] != "ПП-001" or a.get("status") == "выполнено"]


def test_a_running_pair_without_activity_for_a_month_is_a_warning(make_book):
    found = [p for p in check_book(make_book(_plan_run_out), TODAY).problems if p.code == "pair_stalled"]
    assert [p.row for p in found][:1] == [2] and found[0].severity == "предупреждение"
    assert "ПР-001" in found[0].message and "25.10.2026" in found[0].message


def test_a_stalled_pair_with_a_missed_meeting_is_one_warning_that_names_the_meeting(make_book):
    book = make_book(_missed_meeting)
    assert [a.subject for a in alerts(book, TODAY) if a.code == "pair_stalled"] == ["ПР-001", "ПР-002"]
    stalled = [p for p in check_book(book, TODAY).problems if p.code == "pair_stalled" and "ПР-001" in p.message]
    assert len(stalled) == 1 and "20.11.2026" in stalled[0].message
    assert _codes(book, "activity_overdue") == []


def test_the_stall_period_is_set_on_the_organisation_sheet(make_book):
    def change(org, tables):
        _plan_run_out(org, tables)
        org["stall_days"] = 60

    assert _codes(make_book(change), "pair_stalled") == []  # 31 days idle, 60 allowed


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
