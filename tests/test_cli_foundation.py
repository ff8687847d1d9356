"""The CLI: Russian help everywhere, exit codes, never a traceback, never an overwritten workbook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.ui.pipeline import PDF_CACHE
from nastavnik.workbook.reader import read_workbook

from .conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent
CYRILLIC = re.compile(r"[а-яё]{3,}", re.IGNORECASE)


def invoke(*args):
    return CliRunner().invoke(main, ["--today", TODAY.strftime("%d.%m.%Y"), *map(str, args)])


def commands():
    return sorted(main.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_russian_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Использование:" in result.output and "Параметры:" in result.output
    assert CYRILLIC.search(main.commands[name].help or "")
    for param in main.commands[name].params:
        if getattr(param, "help", None):
            assert CYRILLIC.search(param.help), f"{name} {param.name}: help is not Russian"


@pytest.mark.parametrize("name", commands())
def test_every_command_is_in_the_readme(name):
    assert f"nastavnik {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_init_writes_a_blank_workbook_that_reads_back_clean(tmp_path):
    path = tmp_path / "наша.xlsx"
    result = invoke("init", path, "--org", "ГБОУ школа № 1 & Ко")
    assert result.exit_code == 0, result.output
    book = read_workbook(path, today=TODAY)
    assert book.problems == []
    assert book.org["full_name"] == "ГБОУ школа № 1 & Ко"
    assert book.org["academic_year"] == "2026/2027"


def test_init_never_overwrites_an_existing_file(tmp_path):
    path = tmp_path / "книга.xlsx"
    path.write_bytes(b"curator's data")
    result = invoke("init", path)
    assert result.exit_code == 2  # the command cannot be done as asked; 1 means errors in a workbook
    assert "уже существует" in result.stderr
    assert path.read_bytes() == b"curator's data"


def test_demo_writes_the_demo(tmp_path):
    path = tmp_path / "демо.xlsx"
    assert invoke("demo", path).exit_code == 0
    book = read_workbook(path, today=TODAY)
    assert book.problems == [] and len(book.tables["pairs"]) > 5


def test_unusable_file_exits_2_with_a_russian_message_and_no_traceback(tmp_path):
    path = tmp_path / "отчёт.xlsx"
    path.write_text("это не таблица", encoding="utf-8")
    result = invoke("check", path)
    assert result.exit_code == 2
    assert "отчёт.xlsx" in result.stderr and "не рабочая книга" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_missing_file_exits_2(tmp_path):
    result = invoke("check", tmp_path / "нет.xlsx")
    assert result.exit_code == 2 and "не найден" in result.stderr


def test_run_on_the_demo_makes_a_new_folder_each_time(tmp_path):
    out = tmp_path / "out"
    first = invoke("run", "--out", out)
    second = invoke("run", "--out", out)
    assert first.exit_code == 0, first.output + first.stderr
    assert second.exit_code == 0
    folders = sorted(p for p in out.iterdir() if p.is_dir() and p.name != PDF_CACHE)
    assert len(folders) == 2
    latest = (out / "последний запуск.txt").read_text(encoding="utf-8").strip()
    assert Path(latest) == folders[-1].resolve()
