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
    assert result.exit_code == 2  # a broken own template is not an error in the workbook
    assert "kurator" in result.stderr and "nastavnik docs --fields curator" in result.stderr
