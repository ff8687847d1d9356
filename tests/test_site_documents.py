"""Signed orders go on the site as PDF, with the names of people who did not consent hidden (п. 8.1, 8.2)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from nastavnik.docs import plan_documents, render_jobs
from nastavnik.site import SiteDocument, build_site
from nastavnik.site import documents as site_docs

from .conftest import TODAY
from .lo import needs_soffice
from .site_util import person, surname_pattern

ORDER_KINDS = ("polozhenie", "curator", "council", "final", "pairs")
NO_CONSENT = ["Н-003", "П-002", "П-008", "П-010", "П-014"]


@pytest.fixture(scope="module")
def made(demo_book, tmp_path_factory):
    """The orders the documents step makes for the demo, as the pipeline hands them to the site."""
    folder = tmp_path_factory.mktemp("docs")
    jobs = plan_documents(demo_book, folder, TODAY, only=ORDER_KINDS)
    render_jobs(jobs)
    return [SiteDocument(j.kind, j.path) for j in jobs]


@pytest.fixture(scope="module")
def site(demo_book, made, tmp_path_factory):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice не установлен")
    return build_site(demo_book, tmp_path_factory.mktemp("site") / "сайт", TODAY, made)


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@needs_soffice
def test_signed_orders_are_published_as_pdf_and_linked(site):
    pdfs = sorted(p.name for p in (site / "dokumenty").glob("*.pdf"))
    # The demo has numbers and dates for the Положение, the curator and the council; the final event is unsigned.
    assert pdfs == sorted(["prikaz-ob-utverzhdenii-polozheniya.pdf", "prikaz-o-metodicheskom-sovete.pdf",
                           "prikaz-o-naznachenii-kuratora.pdf"])
    for page in ("dokumenty.html", "normativnaya-baza.html", "special/dokumenty.html"):
        html = (site / page).read_text(encoding="utf-8")
        root = "../" if page.startswith("special/") else ""
        assert f'href="{root}dokumenty/prikaz-ob-utverzhdenii-polozheniya.pdf"' in html, page
    assert "ПОЛОЖЕНИЕ" in _pdf_text(site / "dokumenty" / "prikaz-ob-utverzhdenii-polozheniya.pdf").upper()


@needs_soffice
@pytest.mark.parametrize("code", NO_CONSENT)
def test_no_published_pdf_names_a_person_without_consent(site, demo_parts, code):
    who = person(demo_parts, code)
    for pdf in (site / "dokumenty").glob("*.pdf"):
        text = re.sub(r"\s+", " ", _pdf_text(pdf))
        assert not surname_pattern(who["fio"]).search(text), pdf.name
        assert f"{who['birth_date']:%d.%m.%Y}" not in text


@needs_soffice
def test_the_curator_is_named_by_position_only_in_the_pdfs(site, demo_parts):
    org, _ = demo_parts
    surname = org["curator_fio"].split()[0]
    text = _pdf_text(site / "dokumenty" / "prikaz-o-naznachenii-kuratora.pdf")
    assert surname not in text and "[скрыто]" in text
    assert org["curator_fio"].split()[1][:3] not in text  # the name went with the surname


@needs_soffice
def test_the_order_on_pairs_is_never_published(site):
    assert not any("par" in p.name for p in (site / "dokumenty").glob("*.pdf"))
    assert "закреплении наставнических пар" not in (site / "dokumenty.html").read_text(encoding="utf-8")


def test_an_unsigned_order_is_not_published_and_the_administrator_is_told(demo_book, made, tmp_path):
    site = build_site(demo_book, tmp_path / "сайт", TODAY, [d for d in made if d.kind == "final"])
    assert not (site / "dokumenty").exists()
    howto = (site / "КАК ОПУБЛИКОВАТЬ.txt").read_text(encoding="utf-8-sig")
    assert "О проведении итогового мероприятия»: не опубликован" in howto and "не подписан" in howto


def test_without_libreoffice_the_orders_stay_text_and_nothing_links_to_a_missing_pdf(demo_book, made, tmp_path,
                                                                                       monkeypatch):
    monkeypatch.setattr(site_docs, "_soffice", lambda: None)
    site = build_site(demo_book, tmp_path / "сайт", TODAY, made)
    assert not (site / "dokumenty").exists()
    html = (site / "dokumenty.html").read_text(encoding="utf-8")
    assert ".pdf" not in html and "утверждено приказом от 02.09.2026 № 112-о" in html
    assert "PDF не сделан" in (site / "КАК ОПУБЛИКОВАТЬ.txt").read_text(encoding="utf-8-sig")


def test_a_document_that_cannot_be_cleaned_is_left_out(demo_book, made, tmp_path, monkeypatch):
    monkeypatch.setattr(site_docs, "redacted_docx", lambda *a: (None, True))
    site = build_site(demo_book, tmp_path / "сайт", TODAY, made)
    assert not (site / "dokumenty").exists()
    assert "не опубликован" in (site / "КАК ОПУБЛИКОВАТЬ.txt").read_text(encoding="utf-8-sig")


@needs_soffice
def test_cli_site_publishes_the_orders_from_a_docs_folder(demo_path, made, tmp_path):
    from click.testing import CliRunner

    from nastavnik.cli import main

    docs_folder = made[0].path.parent.parent  # the folder that holds «Приказы»
    result = CliRunner().invoke(main, ["--today", TODAY.strftime("%d.%m.%Y"), "site", str(demo_path), "--out",
                                       str(tmp_path / "сайт"), "--docs", str(docs_folder)])
    assert result.exit_code == 0, result.output
    assert "документов PDF: 3" in result.output and "КАК ОПУБЛИКОВАТЬ.txt" in result.output
    assert (tmp_path / "сайт" / "dokumenty" / "prikaz-ob-utverzhdenii-polozheniya.pdf").is_file()
