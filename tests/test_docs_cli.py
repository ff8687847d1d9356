"""``nastavnik docs`` in-process: documents, the field list, the Russian message for a bad template."""

from __future__ import annotations

from click.testing import CliRunner

from nastavnik.cli import main

from .test_docs_safety import _retitled


def test_docs_makes_the_documents(demo_path, tmp_path):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", str(demo_path), "--out", str(tmp_path),
                                       "--only", "curator", "--only", "programme"])
    assert result.exit_code == 0, result.output
    assert "Готово документов: 10" in result.output
    assert (tmp_path / "Документы" / "Приказы" / "Приказ о назначении куратора.docx").exists()


def test_fields_lists_what_a_template_may_use(demo_path, tmp_path):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", str(demo_path), "--out", str(tmp_path),
                                       "--fields", "programme"])
    assert result.exit_code == 0, result.output
    assert "programme.goal — Цель" in result.output
    assert "plan[].activities[].activity" in result.output
    assert "mentor.dat — ФИО в дательном падеже" in result.output
    assert not (tmp_path / "Документы").exists()


def test_unknown_field_exits_with_a_russian_message(demo_path, tmp_path):
    folder = _retitled(tmp_path, "curator", "{{ curator.acc }}", "{{ kurator.acc }}")
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", str(demo_path), "--out", str(tmp_path),
                                       "--only", "curator", "--templates", str(folder)])
    assert result.exit_code == 2  # the template cannot be used; the book is fine
    assert "kurator" in result.stderr and "nastavnik docs --fields curator" in result.stderr


def test_other_kinds_are_made_and_counted_when_one_template_is_broken(demo_path, tmp_path):
    folder = _retitled(tmp_path, "curator", "{{ curator.acc }}", "{{ curator.position_genn }}")
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", str(demo_path), "--out", str(tmp_path),
                                       "--only", "curator", "--only", "programme", "--templates", str(folder)])
    assert result.exit_code == 2
    assert "Готово документов: 9" in result.output
    assert "curator.position_genn" in result.stderr and "Остальные документы сделаны: 9" in result.stderr


def test_fields_without_a_book_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", "--fields", "curator"])
    assert result.exit_code == 0, result.output
    assert "curator.position_acc" in result.output
    assert list(tmp_path.iterdir()) == []
