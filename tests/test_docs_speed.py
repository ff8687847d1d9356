"""Planning and rendering share work between documents without changing a single byte of any document.

At district scale (10 000 people) each kind re-reading the sheets and re-declining every name, and every
document deflating the template's 800 KB of styles again, cost most of the run; these tests pin that the
shared work is done once and that the documents are exactly those made without it.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections import Counter

import pytest

from nastavnik.docs import context, declension
from nastavnik.docs.kinds import KINDS
from nastavnik.docs.render import Compiled, Job, load_templates, plan_documents, render_jobs

from .conftest import TODAY


@pytest.fixture(scope="module")
def synth_book(tmp_path_factory):
    """A synthetic S workbook: more people than the demo, namesakes included."""
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.samples.synth import write_synth

    path = tmp_path_factory.mktemp("synth") / "S.xlsx"
    write_synth(path, "S", 1, TODAY)
    return read_workbook(path, today=TODAY)


@pytest.fixture(params=["demo", "synth"])
def book(request, demo_book, synth_book):
    return demo_book if request.param == "demo" else synth_book


def _unshared_jobs(book, out):
    """The documents as every kind builds them alone: no rows or people shared, no name remembered."""
    declension._declined.cache_clear()
    built = [(key, ctx) for key, kind in KINDS.items() for _, ctx in kind.build(book, TODAY)]
    return [Job(key, ctx, out / f"{i:04d}.docx") for i, (key, ctx) in enumerate(built)]


def _documents(paths) -> list[bytes]:
    return [p.read_bytes() for p in paths]


def test_planning_declines_each_name_once(book, monkeypatch, tmp_path):
    declension._declined.cache_clear()
    calls = Counter()
    real = declension._cases  # every declension goes through it: a name's cases at once

    def counting(fio, sex, cases):
        for case in cases:
            calls[(fio, sex, case)] += 1
        return real(fio, sex, cases)

    monkeypatch.setattr(declension, "_cases", counting)
    plan_documents(book, tmp_path, TODAY)
    assert calls, "planning declined no names at all"
    assert max(calls.values()) == 1, [k for k, n in calls.items() if n > 1][:5]


def test_planning_reads_each_sheet_once(book, monkeypatch, tmp_path):
    reads = Counter()
    real = context._rows

    def counting(b, sheet_key):
        reads[sheet_key] += 1
        return real(b, sheet_key)

    monkeypatch.setattr(context, "_rows", counting)
    plan_documents(book, tmp_path, TODAY)
    assert {"mentors", "mentees", "pairs", "programmes"} <= set(reads)
    assert max(reads.values()) == 1, reads


def test_shared_planning_makes_the_same_documents(book, tmp_path):
    planned = plan_documents(book, tmp_path / "shared", TODAY)
    alone = _unshared_jobs(book, tmp_path / "alone")
    assert [(j.kind, j.context) for j in planned] == [(j.kind, j.context) for j in alone]
    assert _documents(render_jobs(planned, workers=1)) == _documents(render_jobs(alone, workers=1))


def test_rows_changed_after_planning_are_seen_by_the_next(demo_book, tmp_path):
    """The sharing lasts one planning: a book changed afterwards is planned from its new rows."""
    changed = copy.copy(demo_book)
    changed.tables = dict(demo_book.tables)
    plan_documents(changed, tmp_path, TODAY, only=["programme"])
    progs = changed.tables["programmes"].copy()
    progs["title"] = "Новое название"
    changed.tables["programmes"] = progs
    titles = {j.context["programme"]["title"] for j in plan_documents(changed, tmp_path, TODAY, only=["programme"])}
    assert titles == {"Новое название"}


def test_precompressed_document_is_what_zipfile_writes(demo_book):
    """The fixed members copied ready-compressed give the very bytes ``ZipFile.writestr`` would."""
    origin, data = load_templates(["programme"])["programme"]
    compiled = Compiled(origin, data)
    made = compiled.render(KINDS["programme"].build(demo_book, TODAY)[0][1])
    with zipfile.ZipFile(io.BytesIO(made)) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED) as z:
        for info in compiled.infos:
            z.writestr(copy.copy(info), members[info.filename])
    assert made == plain.getvalue()


def test_line_breaks_resolved_only_where_they_are():
    origin, data = load_templates(["curator"])["curator"]
    compiled = Compiled(origin, data)
    xml = ('<w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>один\nдва\tтри</w:t>'
           '</w:r></w:p><w:p w:rsidR="1"><w:r><w:t>без разрывов</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>абзац\aещё\fстраница</w:t></w:r></w:p></w:body>')
    assert compiled.listing(xml) == compiled._tpl.resolve_listing(xml)
    assert "<w:br/>" in compiled.listing(xml) and "<w:tab/>" in compiled.listing(xml)
