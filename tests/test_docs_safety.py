"""Documents survive whatever the workbook holds: escaping, tag-like text, curator templates."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from nastavnik.base.problems import NastavnikError
from nastavnik.docs import render_documents
from nastavnik.docs.kinds import KINDS
from nastavnik.docs.render import Compiled, load_templates, make_env, plan_documents

from .conftest import TODAY
from .test_docs_render import doc_text

NASTY = "Иванов & Петров <b>"


def _programme_ctx(demo_book, tmp_path):
    jobs = plan_documents(demo_book, tmp_path, TODAY, ["programme"])
    return jobs[0].context


def test_ampersand_and_angle_brackets_in_a_name_print_as_written(demo_book, tmp_path):
    ctx = _programme_ctx(demo_book, tmp_path)
    ctx["mentor"] = dict(ctx["mentor"], fio=NASTY, short=NASTY)
    compiled = Compiled("t", load_templates(["programme"])["programme"][1])
    path = tmp_path / "p.docx"
    path.write_bytes(compiled.render(ctx))
    text = doc_text(path)
    assert f"{NASTY}, педагог дополнительного образования" in text


def test_values_from_the_workbook_are_escaped(make_book, tmp_path):
    def change(org, tables):
        tables["programmes"][0]["title"] = NASTY
        tables["programmes"][0]["goal"] = "{{ x }} и {% if %}"
        tables["mentees"][0]["position"] = "педагог <script>&amp;"

    book = make_book(change)
    paths = render_documents(book, tmp_path, TODAY, only=["programme"])
    text = doc_text(next(p for p in paths if "ПП-001" in p.name))
    assert NASTY in text
    assert "{{ x }} и {% if %}" in text
    assert "педагог <script>&amp;" in text


def test_file_names_are_safe_whatever_a_name_holds(demo_book, tmp_path):
    ctx_jobs = plan_documents(demo_book, tmp_path, TODAY, ["consent_publish"])
    for job in ctx_jobs:
        assert job.path.parent == tmp_path / KINDS["consent_publish"].folder
        assert not set('<>:"/\\|?*') & set(job.path.name)


def test_fast_rendering_matches_docxtpl(demo_book, tmp_path):
    from docxtpl import DocxTemplate

    ctx = _programme_ctx(demo_book, tmp_path)
    data = load_templates(["programme"])["programme"][1]
    fast = tmp_path / "fast.docx"
    fast.write_bytes(Compiled("t", data).render(ctx))
    tpl = DocxTemplate(io.BytesIO(data))
    tpl.render(ctx, make_env())
    slow = tmp_path / "slow.docx"
    tpl.save(str(slow))
    assert doc_text(fast) == doc_text(slow)


def _retitled(tmp_path: Path, kind: str, old: str, new: str) -> Path:
    """A curator's copy of a built-in template with one phrase reworded."""
    data = load_templates([kind])[kind][1]
    src = zipfile.ZipFile(io.BytesIO(data))
    folder = tmp_path / "мои шаблоны"
    folder.mkdir(exist_ok=True)
    with zipfile.ZipFile(folder / KINDS[kind].template, "w") as out:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                text = blob.decode("utf-8")
                assert old in text
                blob = text.replace(old, new).encode("utf-8")
            out.writestr(info, blob)
    return folder


def test_curator_template_replaces_the_built_in_one(demo_book, tmp_path):
    folder = _retitled(tmp_path, "curator", "ПРИКАЗЫВАЮ:", "ПРИКАЗЫВАЮ (свой шаблон):")
    paths = render_documents(demo_book, tmp_path / "out", TODAY, only=["curator"], templates=folder)
    assert "ПРИКАЗЫВАЮ (свой шаблон):" in doc_text(paths[0])


def test_unknown_field_in_a_curator_template_is_reported_in_russian(demo_book, tmp_path):
    folder = _retitled(tmp_path, "curator", "{{ curator.acc }}", "{{ kurator.acc }}")
    with pytest.raises(NastavnikError, match="поля, которых программа не знает: «kurator»"):
        render_documents(demo_book, tmp_path / "out", TODAY, only=["curator"], templates=folder)
    assert not (tmp_path / "out").exists()


def test_misspelt_attribute_is_reported_by_its_whole_name(demo_book, tmp_path):
    folder = _retitled(tmp_path, "curator", "{{ curator.acc }}", "{{ curator.position_genn }}")
    with pytest.raises(NastavnikError, match="поле «curator.position_genn», которого программа не знает") as err:
        render_documents(demo_book, tmp_path / "out", TODAY, only=["curator"], templates=folder)
    assert "nastavnik docs --fields curator" in str(err.value)
    assert "dict object" not in str(err.value) and "has no attribute" not in str(err.value)
    assert err.value.exit_code == 2  # «файл нельзя использовать», not «в книге есть ошибки»
    assert not (tmp_path / "out").exists()


def test_field_inside_a_loop_is_named_with_its_list(demo_book, tmp_path):
    folder = _retitled(tmp_path, "programme", "{{ a.expected }}", "{{ a.expectd }}")
    with pytest.raises(NastavnikError, match="поле «plan\\[\\].activities\\[\\].expectd»"):
        render_documents(demo_book, tmp_path / "out", TODAY, only=["programme"], templates=folder)


def test_broken_tag_is_reported_with_its_paragraph(demo_book, tmp_path):
    folder = _retitled(tmp_path, "curator", "{{ curator.acc }}", "{{ curator.acc ")
    with pytest.raises(NastavnikError, match="испорчен: тег записан с ошибкой в абзаце «1. Назначить куратором") \
            as err:
        render_documents(demo_book, tmp_path / "out", TODAY, only=["curator"], templates=folder)
    assert err.value.exit_code == 2


def test_a_broken_template_stops_only_its_own_kind(demo_book, tmp_path):
    from nastavnik.docs.render import BrokenTemplate

    folder = _retitled(tmp_path, "curator", "{{ curator.acc }}", "{{ curator.position_genn }}")
    out = tmp_path / "out"
    with pytest.raises(BrokenTemplate) as err:
        render_documents(demo_book, out, TODAY, only=["curator", "council", "programme"], templates=folder)
    made = sorted(p.relative_to(out).parts[0] for p in out.rglob("*.docx"))
    assert "Приказы" in made and "Программы" in made
    assert not list(out.rglob("*куратора*"))  # nothing of the broken kind was written
    assert err.value.kinds == ["curator"] and len(err.value.made) == len(made)
    assert f"Остальные документы сделаны: {len(made)}" in str(err.value)


def test_committed_templates_match_the_blueprints():
    from nastavnik.docs.render import ROOT_TEMPLATES, template_bytes_from_blueprint

    for key, kind in KINDS.items():
        committed = zipfile.ZipFile(ROOT_TEMPLATES / kind.template).read("word/document.xml")
        fresh = zipfile.ZipFile(io.BytesIO(template_bytes_from_blueprint(key))).read("word/document.xml")
        assert committed == fresh, f"перегенерируйте шаблоны: python3 scripts/make_doc_templates.py ({key})"


def test_orders_use_the_house_layout():
    from nastavnik.docs.render import ROOT_TEMPLATES

    doc = Document(str(ROOT_TEMPLATES / KINDS["curator"].template))
    sec = doc.sections[0]
    assert round(sec.left_margin.mm) >= 20 and round(sec.right_margin.mm) >= 10
    assert round(sec.top_margin.mm) >= 20 and round(sec.bottom_margin.mm) >= 20
    assert doc.styles["Normal"].font.name == "Times New Roman" and doc.styles["Normal"].font.size.pt == 14
    assert "PAGE" in sec.header._element.xml
