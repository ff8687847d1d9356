"""Year-over-year figures from the archive: retention, mentors again, programmes per year, «История» sheet."""

from __future__ import annotations

import datetime as dt

import pytest

from nastavnik.report import report_for_book, report_meta, write_report_xlsx
from nastavnik.report.history import compute_history
from nastavnik.workbook import vocab as v

from .conftest import TODAY

D = dt.date
PAST = "2024/2025"
END = D(2025, 5, 20)  # a year after it is 20.05.2026, before TODAY (25.11.2026)


def _pair(code, mentor, mentee, status, end=END, year=PAST):
    return {"year": year, "code": code, "mentor": mentor, "mentee": mentee, "form": v.FORMS[0],
            "kind": v.KIND_ONE_TO_ONE, "start": D(2024, 9, 20), "planned_end": end,
            "actual_end": end, "status": status,
            "end_reason": v.REASON_FULL if status == v.PAIR_DONE else "по инициативе наставляемого"}


def with_archive(org, tables):
    """2024/2025: six pairs, five completed. By hand, a year after 20.05.2025:
    П-012 and П-013 are still in the bank — stayed;
    П-102 left on 01.06.2025, eleven days after the end — gone within the year;
    П-103 left on 01.07.2026, more than a year after the end — stayed;
    П-104 is neither in the bank nor among the leavers: no date of leaving is known — stayed (as the
    monitoring indicator counts).
    П-105's pair was stopped early: not in the cohort. Retention = 4 of 5 = 80 %.
    Mentors Н-001 and Н-002 had pairs in 2024/2025 and lead ПР-001 and ПР-002 now: two mentored again.
    """
    tables["archive_pairs"] = [
        _pair("ПР-101", "Н-001", "П-012", v.PAIR_DONE), _pair("ПР-102", "Н-002", "П-013", v.PAIR_DONE),
        _pair("ПР-103", "Н-020", "П-102", v.PAIR_DONE), _pair("ПР-104", "Н-021", "П-103", v.PAIR_DONE),
        _pair("ПР-105", "Н-022", "П-104", v.PAIR_DONE), _pair("ПР-106", "Н-022", "П-105", v.PAIR_STOPPED),
    ]
    tables["archive_programmes"] = [
        {"year": PAST, "code": f"ПП-{n}", "pair": f"ПР-{n}", "problem": "п", "goal": "ц", "tasks": "з",
         "start": D(2024, 9, 20), "end": END, "planned_results": "р", "mode": "очно"} for n in range(101, 107)]
    tables["archive_leavers"] = [
        {"year": PAST, "code": "П-102", "bank": "Наставляемые", "status": v.MENTEE_DONE, "left_date": D(2025, 6, 1)},
        {"year": PAST, "code": "П-103", "bank": "Наставляемые", "status": v.MENTEE_DONE, "left_date": D(2026, 7, 1)},
    ]


@pytest.fixture
def book(make_book):
    return make_book(with_archive)


def row_of(history, year):
    return next(r for r in history.rows if r.year == year)


def test_retention_equals_the_figure_computed_by_hand(book):
    """Five completed in 2024/2025; their year after the end (20.05.2026) passed in 2025/2026: 4 of 5 stayed."""
    history = compute_history(book, TODAY)
    assert row_of(history, PAST).completed == 5
    year_after = row_of(history, "2025/2026")
    assert (year_after.measured, year_after.retained, year_after.retention) == (5, 4, 80.0)
    assert not year_after.provisional


def test_a_year_not_over_counts_only_what_happened_by_the_report_date(book):
    year_after = row_of(compute_history(book, D(2026, 1, 10)), "2025/2026")
    assert year_after.provisional and (year_after.measured, year_after.retention) == (0, None)


def test_mentors_who_mentored_again_and_programmes_per_year(book):
    history = compute_history(book, TODAY)
    past, now = row_of(history, PAST), row_of(history, "2026/2027")
    assert (past.pairs, past.mentors, past.mentors_again) == (6, 5, 0)
    # Н-001, Н-002 (archive of 2024/2025), Н-007 and Н-009 (the demo's pairs begun in January and April 2026)
    assert now.current and now.mentors_again == 4
    assert (past.programmes, past.programmes_done, past.programmes_stopped) == (6, 5, 1)
    assert [r.year for r in history.rows] == [PAST, "2025/2026", "2026/2027"]


def _report(book, tmp_path):
    import openpyxl

    p, indicators, statform = report_for_book(book, TODAY)
    path = write_report_xlsx(indicators, statform, tmp_path / "Мониторинг.xlsx", report_meta(book, p, TODAY))
    return openpyxl.load_workbook(path)


def test_the_monitoring_report_shows_the_same_retention_on_its_history_sheet(book, tmp_path):
    wb = _report(book, tmp_path)
    ws = wb["История"]
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0] == "2025/2026"]
    assert rows and rows[0][9:12] == (5, 4, 80.0)
    assert len(ws._charts) == 3  # the trend charts: participants, retention, coverage with satisfaction


def test_no_history_sheet_before_the_first_new_year(demo_book, tmp_path):
    assert "История" not in _report(demo_book, tmp_path).sheetnames


def last_year_in_archive(org, tables):
    """2025/2026 ended on 01.10.2025, so the year after it ends on 01.10.2026, inside the demo's period.
    By hand: П-012 is in the bank with no date of leaving — stayed; П-102 left on 01.03.2026 — gone;
    П-103 left on 01.11.2026, after the year — stayed. Retention = 2 of 3 = 66.7 %.
    """
    end = D(2025, 10, 1)
    tables["archive_pairs"] = [_pair("ПР-201", "Н-001", "П-012", v.PAIR_DONE, end, "2025/2026"),
                               _pair("ПР-202", "Н-020", "П-102", v.PAIR_DONE, end, "2025/2026"),
                               _pair("ПР-203", "Н-021", "П-103", v.PAIR_DONE, end, "2025/2026")]
    tables["archive_leavers"] = [
        {"year": "2025/2026", "code": "П-102", "bank": "Наставляемые", "left_date": D(2026, 3, 1)},
        {"year": "2025/2026", "code": "П-103", "bank": "Наставляемые", "left_date": D(2026, 11, 1)},
    ]


def test_the_retention_indicator_counts_the_archive_after_new_year(make_book):
    book = make_book(last_year_in_archive)
    _, indicators, _ = report_for_book(book, TODAY)
    by_code = {i.code: i for i in indicators}
    share = by_code["retention_share"]
    assert (share.numerator, share.denominator, share.value) == (2, 3, 66.7)
    assert row_of(compute_history(book, TODAY), "2026/2027").retention == 66.7  # the year it was measured in


def test_half_filled_archive_rows_do_not_break_the_report(make_book, tmp_path):
    def change(org, tables):
        tables["archive_pairs"] = [{"code": "ПР-300"}, {"year": "прошлый", "mentee": "П-001", "status": "завершена"},
                                   {"year": "2020/2021", "mentor": "Н-001", "mentee": "П-002",
                                    "status": v.PAIR_DONE}]
        tables["archive_programmes"] = [{"code": "ПП-300"}, {"year": "2020/2021", "pair": "ПР-999"}]
        tables["archive_leavers"] = [{"code": "П-002"}, {"bank": "Наставляемые", "left_date": D(2021, 1, 1)}]
    book = make_book(change)
    history = compute_history(book, TODAY)
    assert row_of(history, "2020/2021").completed == 0  # a pair without dates is in no year
    assert "История" in _report(book, tmp_path).sheetnames


def with_surveys(org, tables):
    """2024/2025 of ``with_archive`` and three archived forms of that year: all 8, all 6 and all 7 — a mean of 7
    (three respondents: fewer would show no mean, registry.PRIVACY_RULE)."""
    with_archive(org, tables)
    qs = list(v.SURVEY_QUESTIONS)
    tables["archive_surveys"] = [
        {"year": PAST, "respondent": "П-012", "role": v.ROLE_MENTEE, "programme": "ПП-101", "date": D(2025, 5, 1),
         **{q: 8 for q in qs}},
        {"year": PAST, "respondent": "Н-001", "role": v.ROLE_MENTOR, "programme": "ПП-101", "date": D(2025, 5, 1),
         **{q: 6 for q in qs}},
        {"year": PAST, "respondent": "Н-002", "role": v.ROLE_MENTOR, "programme": "ПП-101", "date": D(2025, 5, 1),
         **{q: 7 for q in qs}}]


def test_coverage_of_the_staff_and_satisfaction_by_year(make_book):
    history = compute_history(make_book(with_surveys), TODAY)
    past, now = row_of(history, PAST), row_of(history, "2026/2027")
    # 2024/2025: mentors Н-001, Н-002, Н-020, Н-021, Н-022 and six mentees, no students, of 58 teachers.
    assert past.staff_share == round(100 * 11 / 58, 1)
    assert past.survey_mean == 7.0
    # The demo's year: 8 mentors and 10 mentees, one of them a student on practice — not of the staff.
    assert (now.mentors, now.mentees, now.staff_share) == (8, 10, round(100 * 17 / 58, 1))
    assert history.trend


def test_the_analytic_report_draws_the_trend_when_there_are_two_years(make_book):
    from nastavnik.docs.analytic import build_analytic

    ctx = build_analytic(make_book(with_surveys), TODAY)[0][1]
    assert ctx["history"]["trend"] and ctx["history"]["conclusions_no"] == "10"
    assert [r["year"] for r in ctx["history"]["rows"]] == [PAST, "2025/2026", "2026/2027 (текущий)"]
    assert ctx["history"]["rows"][0]["score"] == "7,0" and ctx["history"]["rows"][0]["staff_share"] == "19,0"
    assert ctx["charts"]["trend"] is not None and ctx["charts"]["trend"].png.startswith(b"\x89PNG")


def test_the_analytic_report_has_no_trend_section_with_one_year(demo_book, tmp_path):
    from nastavnik.docs import render_documents

    from .test_docs_render import doc_text

    text = doc_text(render_documents(demo_book, tmp_path, TODAY, only=["analytic_report"])[0])
    assert "Динамика основных показателей" not in text and "9. Выводы и предложения" in text
    assert "8. Рост наставляемых и SWOT-анализ" in text


def test_the_rendered_report_has_the_trend_section_table_and_figure(make_book, tmp_path):
    from nastavnik.docs import render_documents

    from .test_docs_render import doc_text

    text = doc_text(render_documents(make_book(with_surveys), tmp_path, TODAY, only=["analytic_report"])[0])
    assert "8. Динамика основных показателей по учебным годам" in text
    assert "Таблица 15 — Основные показатели по учебным годам" in text and "Рисунок 4 —" in text
    assert f"\n{PAST} | 6 | 5 | 19,0 | 7,0\n" in text
    assert "9. Рост наставляемых и SWOT-анализ" in text and "Таблица 16 — Самооценка наставляемых" in text
    assert "10. Выводы и предложения" in text
