"""The signed orders' PDFs are made by LibreOffice once, not on every run (issue 34, point 11).

LibreOffice takes seconds per run, and the orders change once a year: the PDF is kept in a folder beside
the runs by the content of the cleaned .docx, so the next run of the same book converts nothing, and an
order that changed is converted again.
"""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from nastavnik.docs import plan_documents, render_jobs
from nastavnik.site import SiteDocument
from nastavnik.site import documents as site_docs
from nastavnik.site.privacy import people

from .conftest import TODAY

ORDERS = ("polozhenie", "curator", "council")


@pytest.fixture
def lo_calls(monkeypatch):
    """Each LibreOffice call's files; each «PDF» names the bytes it was made from."""
    calls: list[list[str]] = []

    def fake(files):
        calls.append(sorted(files))
        return {k: b"%PDF-1.4 " + site_docs.content_key(data).encode() for k, data in files.items()}

    monkeypatch.setattr(site_docs, "_to_pdf", fake)
    return calls


def _orders(book, folder):
    jobs = plan_documents(book, folder, TODAY, only=ORDERS)
    render_jobs(jobs)
    return [SiteDocument(j.kind, j.path) for j in jobs]


def test_the_same_orders_made_again_are_not_converted_again(demo_book, tmp_path, lo_calls):
    who, cache = people(demo_book.tables), tmp_path / "кэш"
    first, _ = site_docs.signed_orders(demo_book, _orders(demo_book, tmp_path / "1"), who, cache)
    time.sleep(2)  # the zip's dates differ between the two runs; the content does not
    second, _ = site_docs.signed_orders(demo_book, _orders(demo_book, tmp_path / "2"), who, cache)
    assert lo_calls == [sorted(ORDERS)]  # one call on the first run, none on the second
    assert [(p.kind, p.data) for p in second] == [(p.kind, p.data) for p in first]
    assert len(first) == len(ORDERS)


def test_a_changed_order_is_converted_again(demo_book, tmp_path, lo_calls):
    who, cache = people(demo_book.tables), tmp_path / "кэш"
    made = _orders(demo_book, tmp_path / "1")
    site_docs.signed_orders(demo_book, made, who, cache)
    council = next(d.path for d in made if d.kind == "council")
    buffer = io.BytesIO()
    with zipfile.ZipFile(council) as old, zipfile.ZipFile(buffer, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace("методического совета".encode(), "Методического совета".encode(), 1)
            new.writestr(item, data)
    council.write_bytes(buffer.getvalue())
    site_docs.signed_orders(demo_book, made, who, cache)
    assert lo_calls == [sorted(ORDERS), ["council"]]


def test_without_a_cache_every_run_converts(demo_book, tmp_path, lo_calls):
    made = _orders(demo_book, tmp_path)
    who = people(demo_book.tables)
    site_docs.signed_orders(demo_book, made, who)
    site_docs.signed_orders(demo_book, made, who)
    assert len(lo_calls) == 2


def test_a_cache_that_cannot_be_written_is_no_cache(demo_book, tmp_path, lo_calls):
    blocked = tmp_path / "файл"
    blocked.write_text("не папка", encoding="utf-8")
    made = _orders(demo_book, tmp_path / "1")
    orders, _ = site_docs.signed_orders(demo_book, made, people(demo_book.tables), blocked / "кэш")
    assert len(orders) == len(ORDERS) and len(lo_calls) == 1
