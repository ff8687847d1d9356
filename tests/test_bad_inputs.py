"""A corpus of bad files, each with the exact outcome a curator gets: a message and an exit code.

Every file is made by code here, so the corpus documents how it was built.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.base.problems import UnusableInput
from nastavnik.cli import main
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.schema import MENTORS

from .conftest import TODAY
from .lo import convert, needs_soffice


def check(path: Path):
    return CliRunner().invoke(main, ["--today", "25.11.2026", "check", str(path)])


def unusable(path: Path, *fragments: str):
    """The CLI exits 2 with a Russian message naming the file, and the library raises UnusableInput."""
    result = check(path)
    assert result.exit_code == 2, result.output + result.stderr
    assert path.name in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(UnusableInput):
        read_workbook(path, today=TODAY)


def test_docx_named_xlsx(tmp_path):
    path = tmp_path / "приказ.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    unusable(path, "документ Word")


def test_text_file_named_xlsx(tmp_path):
    path = tmp_path / "список.xlsx"
    path.write_text("ФИО;Должность\nИванова;педагог\n", encoding="utf-8")
    unusable(path, "не рабочая книга")


def test_random_bytes(tmp_path):
    path = tmp_path / "шум.xlsx"
    path.write_bytes(random.Random(1).randbytes(5000))
    unusable(path, "не рабочая книга")


def test_empty_file(tmp_path):
    path = tmp_path / "пустой.xlsx"
    path.write_bytes(b"")
    unusable(path, "пуст")


def test_truncated_download(tmp_path, demo_path):
    path = tmp_path / "обрезан.xlsx"
    data = demo_path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    unusable(path, "повреждён")


def test_corrupted_sheet_inside_the_zip(tmp_path, demo_path):
    path = tmp_path / "испорчен.xlsx"
    with zipfile.ZipFile(demo_path) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet3.xml":
                data = data[: len(data) // 3]  # XML cut mid-element
            dst.writestr(info, data)
    result = check(path)
    assert result.exit_code == 2, result.output
    assert "испорчен.xlsx" in result.stderr and "Traceback" not in result.stderr


def test_password_protected(tmp_path, demo_path):
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    path = tmp_path / "с паролем.xlsx"
    out = io.BytesIO()
    with demo_path.open("rb") as fh:
        OOXMLFile(fh).encrypt("секрет", out)
    path.write_bytes(out.getvalue())
    assert msoffcrypto  # the encrypted file is a real one
    unusable(path, "защищён паролем")


def test_zip_bomb_refused_before_inflating(tmp_path):
    path = tmp_path / "бомба.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    unusable(path, "zip-бомб")


def test_xml_bomb_does_not_expand(tmp_path, demo_path):
    """A billion-laughs DTD in a sheet: the parser must not expand it; the run ends in a message or a report."""
    laughs = '<!DOCTYPE x [<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    path = tmp_path / "xml-бомба.xlsx"
    with zipfile.ZipFile(demo_path) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace(b"?>", b"?>" + laughs.encode(), 1).replace(b"<t>", b"<t>&j;", 1)
            dst.writestr(info, data)
    result = check(path)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr
    assert len(result.output) < 1_000_000  # nothing was expanded into the output


def test_excel_lock_file_beside_the_workbook(tmp_path, demo_path):
    lock = tmp_path / "~$демо.xlsx"
    lock.write_bytes(b"\x0bcurator" + b"\0" * 150)
    unusable(lock, "файл блокировки")


def test_folder_instead_of_file(tmp_path):
    folder = tmp_path / "папка.xlsx"
    folder.mkdir()
    result = check(folder)
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_workbook_with_no_sheets_of_ours(tmp_path):
    path = tmp_path / "чужая.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Зарплата"
    wb.active["A1"] = "ФИО"
    wb.save(path)
    unusable(path, "не рабочая книга наставничества")


def test_renamed_sheet_is_reported_as_missing_and_unknown(tmp_path, demo_path):
    path = tmp_path / "переименован.xlsx"
    wb = openpyxl.load_workbook(demo_path)
    wb[MENTORS.title].title = "Наставники 2025"
    wb.save(path)
    book = read_workbook(path, today=TODAY)
    codes = {(p.code, p.sheet) for p in book.problems}
    assert ("missing_sheet", "Наставники") in codes
    assert ("unknown_sheet", "Наставники 2025") in codes
    result = check(path)
    assert result.exit_code == 1 and "Наставники 2025" in result.output


@needs_soffice
def test_old_xls_and_ods_are_read(tmp_path, demo_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "книга.xlsx").write_bytes(demo_path.read_bytes())
    xls, = convert([src / "книга.xlsx"], "xls", tmp_path, tmp_path / "lo")
    ods, = convert([src / "книга.xlsx"], "ods", tmp_path, tmp_path / "lo")
    for path in (xls, ods):
        book = read_workbook(path, today=TODAY)
        assert [p for p in book.problems if p.severity == "ошибка"] == [], path.suffix
        assert list(book.tables["mentors"]["code"][:2]) == ["Н-001", "Н-002"]
        assert book.tables["pairs"]["start"].notna().all()


def test_formulas_with_and_without_cached_values(tmp_path, demo_path):
    """openpyxl writes formulas without a cached result: said as such at the cell, not as an empty one."""
    path = tmp_path / "формулы.xlsx"
    wb = openpyxl.load_workbook(demo_path)
    ws = wb[MENTORS.title]
    headers = [c.value for c in ws[1]]
    col = headers.index("Педагогический стаж, лет *") + 1
    ws.cell(2, col).value = "=20+8"
    wb.save(path)
    book = read_workbook(path, today=TODAY)
    problem, = [p for p in book.problems if p.row == 2 and p.sheet == "Наставники"]
    assert problem.code == "formula_without_value" and problem.cell is not None
    assert "откройте и сохраните книгу" in problem.message


@needs_soffice
def test_formula_with_cached_value_reads_as_its_value(tmp_path, demo_path):
    src = tmp_path / "src"
    src.mkdir()
    wb = openpyxl.load_workbook(demo_path)
    ws = wb[MENTORS.title]
    col = [c.value for c in ws[1]].index("Педагогический стаж, лет *") + 1
    ws.cell(2, col).value = "=20+8"
    wb.save(src / "формулы.xlsx")
    saved, = convert([src / "формулы.xlsx"], 'xlsx:Calc MS Excel 2007 XML', tmp_path, tmp_path / "lo")
    book = read_workbook(saved, today=TODAY)
    assert book.tables["mentors"]["ped_experience"].iloc[0] == 28


def test_huge_cell_emoji_and_rtl_text(make_book):
    def change(org, tables):
        tables["mentors"][0]["note"] = "я" * 32767
        tables["mentors"][1]["note"] = "Отличный наставник 👍🏽🚀"
        tables["mentors"][2]["note"] = "שלום עליכם مرحبا"

    book = make_book(change)
    notes = book.tables["mentors"]["note"]
    assert len(notes.iloc[0]) == 32767 and "🚀" in notes.iloc[1] and "مرحبا" in notes.iloc[2]
    assert book.problems == []


def test_100_000_rows_are_read(tmp_path, demo_parts):
    from nastavnik.workbook.template import write_workbook

    org, tables = demo_parts
    base = tables["plan"][0]
    plan = [{**base, "activity": f"Мероприятие {i}"} for i in range(100_000)]
    path = tmp_path / "большая.xlsx"
    write_workbook(path, org, {**tables, "plan": plan})
    book = read_workbook(path, today=TODAY)
    assert len(book.tables["plan"]) == 100_000
    assert book.tables["plan"]["_row"].iloc[-1] == 100_001


def test_the_input_file_is_never_modified(tmp_path, demo_path):
    path = tmp_path / "книга.xlsx"
    path.write_bytes(demo_path.read_bytes())
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    CliRunner().invoke(main, ["--today", "25.11.2026", "run", str(path), "--out", str(tmp_path / "out")])
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_dates_far_apart_in_ten_forms():
    from nastavnik.workbook.parse import parse_date

    forms = ["05.03.2025", "5.3.2025", "05.03.25", "2025-03-05", "05/03/2025", "5 марта 2025",
             "5 марта 2025 г.", "05.03.2025 г", "45721", "2025-03-05 00:00:00"]
    assert {parse_date(x)[0] for x in forms} == {dt.date(2025, 3, 5)}
    for bad in ("31.02.2025", "2025-13-01", "вчера", "05.03", "32 января 2025"):
        assert parse_date(bad) == (None, "дата в виде ДД.ММ.ГГГГ")
