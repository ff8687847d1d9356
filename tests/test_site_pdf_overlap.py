"""The signed orders' PDFs are made while the site's pages are built, and never outlive the site step.

At district scale LibreOffice's conversion was a second and a half of every cold run spent waiting with one of
the two cores idle; the pages are now built meanwhile. Whatever stops the site step, it ends only after
LibreOffice has (no process outlives the command).
"""

from __future__ import annotations

import threading

import pytest

from nastavnik.docs import plan_documents, render_jobs
from nastavnik.site import SiteDocument, build_site
from nastavnik.site import content as site_content
from nastavnik.site import documents as site_docs

from .conftest import TODAY

ORDERS = ("polozhenie", "curator", "council")


@pytest.fixture
def orders(demo_book, tmp_path):
    jobs = plan_documents(demo_book, tmp_path / "docs", TODAY, only=ORDERS)
    render_jobs(jobs)
    return [SiteDocument(j.kind, j.path) for j in jobs]


def test_the_pages_are_built_while_libreoffice_converts(demo_book, orders, tmp_path, monkeypatch):
    building = threading.Event()

    def converter_waiting_for_the_pages(files):
        # LibreOffice «finishes» only once the pages have started: sequential code would wait here for ever.
        assert building.wait(timeout=20), "страницы сайта не строились, пока LibreOffice работал"
        return {k: b"%PDF-1.4 test" for k in files}

    real = site_content.programmes

    def programmes(*args, **kwargs):
        building.set()
        return real(*args, **kwargs)

    monkeypatch.setattr(site_docs, "_soffice", lambda: "soffice")
    monkeypatch.setattr(site_docs, "_to_pdf", converter_waiting_for_the_pages)
    monkeypatch.setattr(site_content, "programmes", programmes)
    site = build_site(demo_book, tmp_path / "сайт", TODAY, documents=orders)
    assert sorted(p.name for p in (site / "dokumenty").glob("*.pdf")) == sorted(
        site_docs.ORDERS[k].file for k in ORDERS)


def test_a_failure_while_building_waits_for_libreoffice_to_finish(demo_book, orders, tmp_path, monkeypatch):
    finished = threading.Event()
    started = threading.Event()

    def slow_converter(files):
        started.set()
        threading.Event().wait(0.5)
        finished.set()
        return {}

    def broken(*args, **kwargs):
        assert started.wait(timeout=20)
        raise RuntimeError("сбой при построении страниц")

    monkeypatch.setattr(site_docs, "_soffice", lambda: "soffice")
    monkeypatch.setattr(site_docs, "_to_pdf", slow_converter)
    monkeypatch.setattr(site_content, "programmes", broken)
    with pytest.raises(RuntimeError):
        build_site(demo_book, tmp_path / "сайт", TODAY, documents=orders)
    assert finished.is_set()  # the step did not end while the conversion was still running
