"""A document's figures are as of its own date, and small disagreements between outputs are gone.

Issue 26 points 7 and 8: a report dated before its period counted the future as done; a signed order printed
the counts of the day it was printed; «≥ 100 %» beside «100 %»; «(6,43)» beside «6,4»; Таблица 5 counted more
programmes stopped early than there were early-completion orders; «… Срок: до …» without a full stop.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.docs.analytic import build_analytic
from nastavnik.report import report_for_book, report_meta, write_report_xlsx
from nastavnik.report.xlsx import NUMBERS

from .conftest import TODAY

D = dt.date


def _figures(book, day):
    p, indicators, _ = report_for_book(book, day)
    return {i.code: i for i in indicators}


def test_a_report_made_before_its_period_counts_nothing_as_done(demo_book):
    """25.05.2026 for 2026/2027: ПР-007's completion (13.10.2026), ПР-008's stop and the autumn surveys are
    still to come."""
    ctx = build_analytic(demo_book, D(2026, 5, 25))[0][1]
    text = " ".join(ctx["conclusions"])
    assert "завершённых в полном объёме, — 0, прекращённых досрочно — 0" in text
    assert ctx["surveys"]["text"].startswith("Анкетирование участников в периоде не проводилось")
    assert "оценивают программы" not in text


def test_the_report_on_a_day_counts_what_was_true_on_that_day(demo_book):
    """On 10.10.2026 ПР-007 still works (it completes on 13.10.2026) and no survey of the period is in yet."""
    on_day = _figures(demo_book, D(2026, 10, 10))
    assert on_day["programmes_completed"].value == 0 and on_day["survey_forms"].value == 0
    later = _figures(demo_book, TODAY)
    assert later["programmes_completed"].value == 1 and later["survey_forms"].value == 12
    # ПР-007 (completes 13.10.2026) and ПР-008 (stopped 31.10.2026) were still at work on 10.10.2026
    assert on_day["programmes_running"].value == later["programmes_running"].value + 2


def test_a_signed_final_order_counts_as_of_its_own_date(make_book):
    from nastavnik.docs.kinds import final_stats

    def signed(org, tables):
        org.update(order_final_date=D(2026, 10, 1), order_final_no="60-о")

    book = make_book(signed)
    assert final_stats(book, TODAY)["finished"] == 0  # ПР-007 completed on 13.10.2026, after the order


def test_the_target_reads_the_same_in_the_monitoring_and_the_analytic_report(demo_book, tmp_path):
    import openpyxl

    p, indicators, statform = report_for_book(demo_book, TODAY)
    path = write_report_xlsx(indicators, statform, tmp_path / "М.xlsx", report_meta(demo_book, p, TODAY))
    targets = {r[0]: r[4] for ws in openpyxl.load_workbook(path).worksheets for r in ws.iter_rows(values_only=True)
               if r and len(r) > 4 and r[0] in NUMBERS.values()}
    assert targets[NUMBERS["consent_pd_share"]] == "100 %"
    ctx = build_analytic(demo_book, TODAY)[0][1]
    row = next(r for r in ctx["federal"]["rows"] if r["label"] == "Доля участников с согласием на обработку ПДн")
    assert row["target"] == targets[NUMBERS["consent_pd_share"]]


def test_a_survey_score_is_rounded_alike_in_the_proposals_the_table_and_the_monitoring(demo_book):
    import re

    day = D(2027, 5, 15)
    ctx = build_analytic(demo_book, day)[0][1]
    proposal = next(p for p in ctx["proposals"] if "наименьшую среднюю" in p)
    question, shown = re.search(r"вопрос анкеты «(.+?)».*\((\d+(?:,\d+)?)\)", proposal).groups()
    table = next(r["mentees"] for r in ctx["surveys"]["questions"] if r["question"] == question)
    assert shown == table
    monitoring = _figures(demo_book, day)["survey_by_question_mentees"].breakdown[question]
    assert f"{monitoring:.1f}".replace(".", ",") == shown and round(monitoring, 1) == monitoring


def test_programmes_stopped_early_are_those_with_an_early_completion_order(make_book, tmp_path):
    """ПР-007 «завершена» with the reason «по обоюдному решению»: no early-completion order is made for it, and
    Таблица 5 does not count it as stopped early (a check names the contradiction)."""
    from nastavnik.docs import render_documents

    def mutual(org, tables):
        for r in tables["pairs"]:
            if r["code"] == "ПР-007":
                r["end_reason"] = "по обоюдному решению"

    book = make_book(mutual)
    made = render_documents(book, tmp_path, TODAY, only=["changes"])
    stops = [m for m in made if "досрочн" in m.name.lower()]
    early = next(r for r in build_analytic(book, TODAY)[0][1]["programmes"]["rows"]
                 if r["label"] == "Программы, прекращённые досрочно")
    assert int(early["value"]) == len(stops) == 1


def test_the_deadline_after_the_curators_sentence_starts_a_sentence_of_its_own(make_book):
    from nastavnik.docs.kinds import build_programme

    def no_stop(org, tables):
        tables["programmes"][0]["intermediate_results"] = "самостоятельное проведение занятий объединения"
        tables["programmes"][0]["planned_results"] = "уверенное ведение уроков, положительная аттестация"

    prog = build_programme(make_book(no_stop), TODAY)[0][1]["programme"]
    assert prog["planned_text"].startswith("уверенное ведение уроков, положительная аттестация. Срок: до ")
    if prog["intermediate_date"]:
        assert "объединения. Срок: до " in prog["intermediate_text"]
