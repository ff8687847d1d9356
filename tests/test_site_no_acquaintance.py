"""A published order carries no «Лист ознакомления» (issue 27, п. 12): on the site that page is an empty table of
names and signature cells. The order itself, as the curator prints it, keeps the sheet."""

from __future__ import annotations

import subprocess

import pytest

from nastavnik.docs import plan_documents, render_jobs
from nastavnik.site import SiteDocument, build_site

from .conftest import TODAY
from .lo import needs_soffice


def _pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


@pytest.fixture(scope="module")
def built(demo_book, tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    jobs = plan_documents(demo_book, folder, TODAY, only=("polozhenie", "curator", "council"))
    render_jobs(jobs)
    site = build_site(demo_book, tmp_path_factory.mktemp("site") / "сайт", TODAY,
                      [SiteDocument(j.kind, j.path) for j in jobs])
    return jobs, site


@needs_soffice
@pytest.mark.parametrize("pdf", ["prikaz-o-naznachenii-kuratora.pdf", "prikaz-o-metodicheskom-sovete.pdf",
                                 "prikaz-ob-utverzhdenii-polozheniya.pdf"])
def test_no_published_order_ends_with_an_acquaintance_sheet_or_a_blank_page(built, pdf):
    _jobs, site = built
    pages = _pdf_pages(site / "dokumenty" / pdf)
    assert pages and not any("ЛИСТ ОЗНАКОМЛЕНИЯ" in p for p in pages)
    assert [len(p.split()) > 5 for p in pages] == [True] * len(pages), pdf  # no blank page left where it was


def test_the_printed_order_keeps_its_acquaintance_sheet(built):
    import docx

    jobs, _site = built
    order = next(j.path for j in jobs if j.kind == "council")
    assert any(p.text.strip() == "ЛИСТ ОЗНАКОМЛЕНИЯ" for p in docx.Document(str(order)).paragraphs)
