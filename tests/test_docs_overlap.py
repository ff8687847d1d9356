"""``docs.overlap.make_documents``: planning and rendering overlapped make the very documents of the two steps.

The run hands each kind to the worker processes as soon as it is planned (the analytic report first and
alone); nothing of what a curator gets may change: the same files, the same names, the same bytes.
"""

from __future__ import annotations

import zipfile

import pytest

from nastavnik.docs import plan_documents, render_jobs
from nastavnik.docs.overlap import make_documents
from nastavnik.docs.render import BrokenTemplate

from .conftest import TODAY
from .test_template_sandbox import hostile


def _contents(paths) -> dict[str, dict[str, bytes]]:
    out = {}
    for p in paths:
        with zipfile.ZipFile(p) as z:
            out[p.relative_to(p.parents[1]).as_posix()] = {n: z.read(n) for n in z.namelist()}
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_the_same_documents_as_planning_then_rendering(demo_book, tmp_path, workers):
    sizes = []
    jobs, paths = make_documents(demo_book, tmp_path / "вместе", TODAY, workers=workers, planned=sizes.append)
    before = plan_documents(demo_book, tmp_path / "порознь", TODAY)
    assert [(j.kind, j.path.name) for j in jobs] == [(j.kind, j.path.name) for j in before]
    assert sizes == [len(before)] and paths == [j.path for j in jobs]
    assert _contents(paths) == _contents(render_jobs(before))


def test_progress_counts_every_document_once_and_the_plan_once(demo_book, tmp_path):
    seen: list[str] = []
    jobs, paths = make_documents(demo_book, tmp_path, TODAY, workers=2, planned=lambda n: seen.append(f"план {n}"),
                                 progress=lambda n: seen.append("готов"))
    assert seen.count(f"план {len(jobs)}") == 1 and seen.count("готов") == len(jobs) == len(seen) - 1
    assert all(p.is_file() for p in paths)


def test_documents_finished_while_planning_are_counted_before_the_plan_is_whole(demo_book, tmp_path, monkeypatch):
    """The analytic report goes to a worker first; the planning of the other kinds waits for it here, so the
    bar must already have moved (and a cancel been heard) before the plan's size is known."""
    from nastavnik.docs import overlap

    real = overlap.build_kind
    first: list[str] = []

    def slow_after_the_pictures(book, today, key, replacements):
        if first and first[0] != key and not getattr(slow_after_the_pictures, "waited", False):
            slow_after_the_pictures.waited = True
            import time

            time.sleep(3)  # the report's worker finishes meanwhile
        first.append(key)
        return real(book, today, key, replacements)

    monkeypatch.setattr(overlap, "build_kind", slow_after_the_pictures)
    seen: list[str] = []
    jobs, _ = make_documents(demo_book, tmp_path, TODAY, workers=2, planned=lambda n: seen.append("план"),
                             progress=lambda n: seen.append("готов"))
    assert seen.index("план") > 0 and seen.count("готов") == len(jobs)


def test_a_broken_template_of_the_curator_leaves_its_kind_out_and_the_others_made(demo_book, tmp_path):
    folder = hostile(tmp_path / "шаблоны", "curator", "{{ cycler.__init__.__globals__ }}")
    with pytest.raises(BrokenTemplate) as caught:
        make_documents(demo_book, tmp_path / "out", TODAY, templates=folder, workers=2)
    assert caught.value.kinds == ["curator"]
    made = caught.value.made
    assert made and all(p.is_file() for p in made)
    assert not any("куратор" in p.name.lower() and p.parent.name == "Приказы" for p in made)


def test_a_kind_of_many_documents_goes_in_chunks_and_every_one_is_made_and_counted(tmp_path):
    """A school's kinds hold a handful of documents each, sent one by one; a bigger book's kinds go to the
    workers in chunks (the district's 4,000 programmes): every document is still made, once, and counted."""
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.samples.synth import synth_data
    from nastavnik.workbook.template import write_workbook

    path = tmp_path / "книга.xlsx"
    write_workbook(path, *synth_data("S", 1, TODAY))
    book = read_workbook(path, today=TODAY)
    counted: list[int] = []
    jobs, paths = make_documents(book, tmp_path / "out", TODAY, workers=2, progress=counted.append)
    biggest = max(sum(1 for j in jobs if j.kind == kind) for kind in {j.kind for j in jobs})
    assert biggest >= 16  # the chunked path: at least two documents per chunk with two workers
    assert sum(counted) == len(paths) == len(jobs) and all(p.is_file() for p in paths)
    assert len(set(paths)) == len(paths)
