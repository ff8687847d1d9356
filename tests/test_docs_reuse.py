"""A document that would come out the same as in the last run is copied from it; anything else is made again.

To see which documents were copied, the earlier files are marked in a way the check cannot notice — one byte
changed in place, the size and the modification time put back — so a copied document carries the mark and a
made one does not. The curator's real edit (saved by Word: a new time) is never copied.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nastavnik.docs import reuse
from nastavnik.docs.overlap import make_documents
from nastavnik.ui.pipeline import PDF_CACHE, REUSE_LIST, run_all

from .conftest import TODAY


def _marked(path: Path) -> None:
    """One byte in the middle changed, the size and the modification time as they were."""
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.docx"))}


@pytest.fixture
def first(demo_book, tmp_path):
    """A first run's documents, the list it left, and every one of its files marked."""
    manifest = tmp_path / "служебное" / "документы.json"
    make_documents(demo_book, tmp_path / "первый", TODAY, workers=2, reuse_list=manifest)
    made = _files(tmp_path / "первый")
    for relative in made:
        _marked(tmp_path / "первый" / relative)
    return manifest, made


def test_the_second_run_copies_every_document_that_comes_out_the_same(demo_book, tmp_path, first):
    manifest, made = first
    make_documents(demo_book, tmp_path / "второй", TODAY, workers=2, reuse_list=manifest,
                   earlier=tmp_path / "первый")
    again = _files(tmp_path / "второй")
    assert again.keys() == made.keys() and len(made) > 20
    assert again == _files(tmp_path / "первый")  # every one copied (the marks came along)
    assert json.loads(manifest.read_text(encoding="utf-8"))["documents"].keys() == made.keys()


def test_a_document_whose_data_changed_is_made_again_and_the_others_copied(demo_book, tmp_path, first):
    manifest, made = first
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    changed = min(listed["documents"])
    listed["documents"][changed][0] = "0" * 64  # as if its context had changed since
    manifest.write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
    make_documents(demo_book, tmp_path / "второй", TODAY, workers=2, reuse_list=manifest,
                   earlier=tmp_path / "первый")
    again, earlier = _files(tmp_path / "второй"), _files(tmp_path / "первый")
    assert again[changed] == made[changed] != earlier[changed]  # made afresh: no mark
    assert all(again[r] == earlier[r] for r in again if r != changed)


def test_a_document_the_curator_edited_is_made_again_and_her_file_left_alone(demo_book, tmp_path, first):
    manifest, made = first
    edited = tmp_path / "первый" / min(made)
    edited.write_bytes(edited.read_bytes() + b"\0")  # saved again by Word: another size and time
    hers = edited.read_bytes()
    make_documents(demo_book, tmp_path / "второй", TODAY, workers=2, reuse_list=manifest,
                   earlier=tmp_path / "первый")
    assert _files(tmp_path / "второй")[min(made)] == made[min(made)]
    assert edited.read_bytes() == hers


def test_another_version_of_the_program_copies_nothing(demo_book, tmp_path, first, monkeypatch):
    manifest, made = first
    monkeypatch.setattr(reuse, "code_stamp", lambda: "другая версия")
    make_documents(demo_book, tmp_path / "второй", TODAY, workers=2, reuse_list=manifest,
                   earlier=tmp_path / "первый")
    assert _files(tmp_path / "второй") == made


def test_a_broken_list_is_no_list(demo_book, tmp_path, first):
    manifest, made = first
    manifest.write_text("{не json", encoding="utf-8")
    make_documents(demo_book, tmp_path / "второй", TODAY, workers=2, reuse_list=manifest,
                   earlier=tmp_path / "первый")
    assert _files(tmp_path / "второй") == made


def test_run_twice_gives_the_same_documents_and_leaves_the_list_beside_the_runs(tmp_path, demo_path):
    quiet = lambda *a, **k: None
    one = run_all(demo_path, tmp_path, TODAY, echo=quiet)
    two = run_all(demo_path, tmp_path, TODAY, echo=quiet)
    assert one.exit_code == two.exit_code == 0 and one.folder != two.folder
    assert _files(one.folder / "Документы") == _files(two.folder / "Документы")
    listed = json.loads((tmp_path / PDF_CACHE / REUSE_LIST).read_text(encoding="utf-8"))["documents"]
    assert set(listed) == set(_files(two.folder / "Документы"))
