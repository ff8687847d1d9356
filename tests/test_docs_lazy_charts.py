"""The analytic report's charts are drawn where the report is rendered, not while the documents are planned.

matplotlib (its import and four figures) was a second and a half of a school's run spent in planning, with the
second core idle; a chart now travels as its recipe and is drawn by the worker that renders the report, while
the other worker makes the rest. The report must still carry every picture.
"""

from __future__ import annotations

import zipfile

from nastavnik.docs import plan_documents, render_jobs
from nastavnik.docs.images import Chart

from .conftest import TODAY


def _charts(ctx) -> list[Chart]:
    return [c for c in ctx["charts"].values() if isinstance(c, Chart)]


def test_planning_draws_no_chart(demo_book, tmp_path):
    (job,) = plan_documents(demo_book, tmp_path, TODAY, only=["analytic_report"])
    charts = _charts(job.context)
    assert charts, "в демо-отчёте есть диаграммы"
    assert all(c.drawn is None for c in charts)


def test_the_rendered_report_carries_every_chart_as_a_picture(demo_book, tmp_path):
    jobs = plan_documents(demo_book, tmp_path, TODAY)  # every kind: enough documents for the process pool
    assert len(jobs) > 16
    report_job = next(j for j in jobs if j.kind == "analytic_report")
    expected = len(_charts(report_job.context))
    paths = render_jobs(jobs, workers=2)
    assert paths == [j.path for j in jobs]  # in the planned order, the report (made first) included
    report = report_job.path
    with zipfile.ZipFile(report) as z:
        pictures = [n for n in z.namelist() if n.startswith("word/media/") and n.endswith(".png")]
        assert len(pictures) == expected
        assert all(z.read(n).startswith(b"\x89PNG") for n in pictures)


def test_a_chart_is_drawn_once_and_the_same_each_time(demo_book, tmp_path):
    (job,) = plan_documents(demo_book, tmp_path, TODAY, only=["analytic_report"])
    chart = _charts(job.context)[0]
    first = chart.png
    assert first.startswith(b"\x89PNG") and chart.drawn is first
    again = _charts(plan_documents(demo_book, tmp_path, TODAY, only=["analytic_report"])[0].context)[0]
    assert again.png == first  # the same data gives the same bytes (a re-run does not change the document)
