"""PDF through LibreOffice: one call, Cyrillic text inside; skipped only where soffice is missing."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from nastavnik.base.problems import NastavnikError
from nastavnik.docs import pdf as pdfmod
from nastavnik.docs import render_documents

from .conftest import TODAY

needs_soffice = pytest.mark.skipif(pdfmod.soffice() is None, reason="LibreOffice (soffice) не установлен")


@needs_soffice
def test_every_kind_converts_and_holds_cyrillic(demo_book, tmp_path):
    kinds = ["polozhenie", "curator", "council", "pairs", "changes", "final", "consent_pd", "consent_publish",
             "mentor_consent", "agreement"]
    paths = render_documents(demo_book, tmp_path, TODAY, only=kinds, pdf=True)
    pdfs = [p for p in paths if p.suffix == ".pdf"]
    assert len(pdfs) == len([p for p in paths if p.suffix == ".docx"])
    texts = {p.name: subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True).stdout
             for p in pdfs} if shutil.which("pdftotext") else {}
    if texts:
        curator = texts["Приказ о назначении куратора.pdf"]
        assert "ПРИКАЗ" in curator and "Белых Анну Сергеевну" in curator
        assert "ПРИКАЗЫВАЮ" in curator
        regulation = texts["Приказ об утверждении Положения о наставничестве.pdf"]
        assert "ПОЛОЖЕНИЕ" in regulation and "ДОРОЖНАЯ КАРТА" in regulation


def test_missing_libreoffice_is_said_plainly(demo_book, tmp_path, monkeypatch):
    monkeypatch.setattr(pdfmod, "soffice", lambda: None)
    with pytest.raises(NastavnikError, match="не найден LibreOffice"):
        render_documents(demo_book, tmp_path, TODAY, only=["curator"], pdf=True)
    assert (tmp_path / "Приказы" / "Приказ о назначении куратора.docx").exists()
