"""Faults a real curator and a real computer meet: pasted control characters, long Cyrillic names,
a disk that refuses, a mistyped command, a file typed without its extension, a workbook open in Excel.
"""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.base.safeio import safe_filename
from nastavnik.cli import main
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.schema import SHEETS, TEXT
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .lo import convert, needs_soffice

CONTROL = "".join(map(chr, [*range(9), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))
ILLEGAL = set(CONTROL)


def cli(*args, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, ["--today", f"{TODAY:%d.%m.%Y}", *map(str, args)])
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, ["--today", f"{TODAY:%d.%m.%Y}", *map(str, args)])
    finally:
        os.chdir(old)


def _poisoned(org, tables):
    """Every free-text cell of every sheet holds every character XML forbids, between words."""
    for sheet in SHEETS:
        # An answer to a bank question and a question's variants are judged against each other (a mark of a
        # scale, a variant of a list), not free text: poisoned, every answer would be an error and no run made.
        texts = [c.key for c in sheet.columns if c.kind == TEXT
                 and (sheet.key, c.key) not in (("answers", "answer"), ("questions", "options"))]
        for row in tables.get(sheet.key) or []:
            for key in texts:
                if row.get(key):
                    row[key] = f"начало{CONTROL}конец\tтаб"
    org["full_name"] = org["full_name"] + "\x07"


@pytest.fixture(scope="module")
def poisoned_run(tmp_path_factory, demo_parts):
    import copy

    root = tmp_path_factory.mktemp("poison")
    org, tables = copy.deepcopy(demo_parts)
    _poisoned(org, tables)
    path = root / "книга.xlsx"
    write_workbook(path, org, tables)
    result = cli("run", path, "--out", root / "out")
    return path, result, root / "out"


def test_control_characters_are_a_warning_at_their_cell(poisoned_run):
    path, _, _ = poisoned_run
    book = read_workbook(path, today=TODAY)
    found = [p for p in book.problems if p.code == "control_characters"]
    assert found and all(p.severity == "предупреждение" and p.cell for p in found)
    problem_texts = book.tables["programmes"]["problem"].dropna()
    assert not any(set(t) & ILLEGAL for t in problem_texts)
    assert all("начало" in t and "конец" in t for t in problem_texts)  # the words around them are kept


def test_every_file_made_from_a_poisoned_workbook_is_well_formed_xml(poisoned_run):
    from xml.dom import minidom

    from docx import Document

    _, result, out = poisoned_run
    assert result.exit_code == 0, result.output[-1500:]
    docx = list(out.rglob("*.docx"))
    assert len(docx) > 10
    for path in docx:
        Document(str(path))  # python-docx refuses a part that is not XML
        with zipfile.ZipFile(path) as zf:
            xml = zf.read("word/document.xml").decode("utf-8")
        assert not set(xml) & ILLEGAL, path.name
    for path in list(out.rglob("*.xlsx")) + list(out.rglob("*.html")):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    if name.endswith(".xml"):
                        minidom.parseString(zf.read(name))
        else:
            assert not set(path.read_text(encoding="utf-8")) & ILLEGAL, path.name


@needs_soffice
def test_libreoffice_opens_the_programmes_of_a_poisoned_workbook(poisoned_run, tmp_path):
    _, _, out = poisoned_run
    programmes = sorted(out.rglob("Программа*.docx"))[:4]
    assert programmes
    pdfs = convert(programmes, "pdf", tmp_path, tmp_path / "lo")
    assert all(p.stat().st_size > 1000 for p in pdfs)


@pytest.mark.parametrize("name", ["Ж" * 300, "😀" * 120, "Программа " + "наставничества " * 30 + ".docx",
                                  "а" * 130 + ".xlsx"])
def test_file_names_fit_the_file_system_in_bytes_and_keep_their_extension(name, tmp_path):
    made = safe_filename(name, suffix=" (12).docx")
    assert len(made.encode("utf-8")) <= 200 and made.endswith(" (12).docx")
    (tmp_path / made).write_bytes(b"x")  # the file system takes it, and the temporary name beside it
    from nastavnik.base.safeio import write_bytes

    write_bytes(tmp_path / made, b"y")
    assert (tmp_path / made).read_bytes() == b"y"


def test_a_130_letter_programme_code_makes_every_document(tmp_path, demo_parts):
    import copy

    org, tables = copy.deepcopy(demo_parts)
    long_code = "П" * 130
    old = tables["programmes"][0]["code"]
    tables["programmes"][0]["code"] = long_code
    for row in tables["plan"]:
        if row["programme"] == old:
            row["programme"] = long_code
    for row in tables["surveys"] + tables.get("answers", []):
        if row.get("programme") == old:
            row["programme"] = long_code
    path = tmp_path / "книга.xlsx"
    write_workbook(path, org, tables)
    result = cli("run", path, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output[-1500:]
    assert "Готово" in result.output
    names = [p.name for p in (tmp_path / "out").rglob("*")]
    assert all(len(n.encode("utf-8")) <= 255 for n in names)
    assert any(long_code[:40] in n for n in names)


def test_equal_document_names_stay_unique_after_shortening():
    from nastavnik.docs.kinds import file_name

    stem = "Согласие " + "Ж" * 200
    names = {file_name(stem, n) for n in range(1, 5)}
    assert len(names) == 4


def test_a_full_disk_is_the_computers_refusal_exit_4_not_an_error_in_the_workbook(demo_path, tmp_path,
                                                                                   monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = cli("check", demo_path, "--annotate", "--out", tmp_path)
    assert result.exit_code == 4
    assert "не хватает места" in result.stderr and "--out" in result.stderr


def test_advice_names_only_options_the_command_has(tmp_path, monkeypatch):
    import tempfile

    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result = cli("init", tmp_path / "книга.xlsx")
    assert result.exit_code == 4
    assert "нет прав доступа" in result.stderr and "--out" not in result.stderr
    assert "Permission denied" not in result.stderr


def test_a_path_the_system_cannot_look_up_is_exit_2_in_russian(tmp_path):
    path = tmp_path / ("д" * 200) / "книга.xlsx"  # 400 bytes: longer than a name may be
    result = cli("check", path)
    assert result.exit_code == 2
    assert "слишком длинное имя" in result.stderr and "File name too long" not in result.stderr


def test_a_mistyped_command_is_answered_in_russian():
    result = cli("chek")
    assert result.exit_code == 2
    assert "Возможно, имелось в виду 'check'" in result.stderr and "Did you mean" not in result.stderr


def test_a_path_with_spaces_without_quotes_gets_the_advice_to_quote_it(tmp_path):
    result = cli("check", "Мои", "документы/книга.xlsx")
    assert result.exit_code == 2
    assert "Лишний аргумент" in result.stderr and "кавычки" in result.stderr


def test_a_workbook_typed_without_its_extension_is_found(demo_path, tmp_path):
    result = cli("check", demo_path.with_suffix(""))
    assert result.exit_code == 0
    assert demo_path.name in result.stderr


def test_an_xlsx_that_is_not_a_mentoring_workbook_is_exit_2(tmp_path):
    import xlsxwriter

    path = tmp_path / "Мониторинг.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    for title in ("Сводка", "Программы", "План мероприятий", "Анкетирование"):  # some titles are ours
        wb.add_worksheet(title).write(0, 0, "Показатель")
    wb.close()
    result = cli("check", path)
    assert result.exit_code == 2
    assert "не рабочая книга наставничества" in result.stderr


def test_a_workbook_open_in_excel_is_reported(demo_path, tmp_path):
    path = tmp_path / demo_path.name
    path.write_bytes(demo_path.read_bytes())
    (tmp_path / f"~${path.name}").write_bytes(b"lock")
    result = cli("check", path)
    assert "открыта в Excel" in result.output and "несохранённых изменений" in result.output


def test_fields_without_a_workbook_write_nothing_into_the_current_folder(tmp_path):
    result = cli("docs", "--fields", "curator", cwd=tmp_path)
    assert result.exit_code == 0 and "curator" in result.output
    assert list(tmp_path.iterdir()) == []
