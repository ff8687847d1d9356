"""The district roll-up: five workbooks, one broken and one lock file, each named with its problem."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import zipfile

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.report.consolidate import HAS_ERRORS, OK, UNREADABLE, collect_paths, consolidate, totals

from .conftest import TODAY

DEMO_INN = "7805000000"


def other_org(src, dst, n: int) -> None:
    """A copy of the demo book as another organisation's (its own ИНН): a district holds different schools."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            blob = zin.read(info)
            if info.filename == "xl/sharedStrings.xml":
                assert DEMO_INN.encode() in blob
                blob = blob.replace(DEMO_INN.encode(), f"78050{n:05d}".encode())
            zout.writestr(info, blob)


@pytest.fixture
def district(tmp_path, demo_path, make_book):
    folder = tmp_path / "район"
    folder.mkdir()
    for n, name in enumerate(("школа-1.xlsx", "школа-2.xlsx", "школа-3.xlsx"), start=1):
        other_org(demo_path, folder / name, n)
    make_book(lambda org, tables: org.update(staff_count=None), name="без-штата.xlsx")
    shutil.copyfile(demo_path.parent / "демо.xlsx", folder / "~$школа-1.xlsx")
    (folder / "повреждён.xlsx").write_bytes(demo_path.read_bytes()[:3000])
    other_org(tmp_path / "без-штата.xlsx", folder / "школа-4.xlsx", 4)
    return folder


def test_folder_gives_workbooks_and_lock_files_sorted(district):
    names = [p.name for p in collect_paths([district])]
    assert names == sorted(names, key=str.casefold)
    assert "~$школа-1.xlsx" in names and len(names) == 6


def test_broken_and_lock_files_are_named_and_others_go_on(district):
    rollup = consolidate(collect_paths([district]), TODAY, workers=2)
    status = {f["file"]: f for f in rollup.files}
    assert status["повреждён.xlsx"]["status"] == UNREADABLE
    assert "повреждён или загружен не полностью" in status["повреждён.xlsx"]["problem"]
    assert status["~$школа-1.xlsx"]["status"] == UNREADABLE
    assert "файл блокировки" in status["~$школа-1.xlsx"]["problem"]
    assert status["школа-1.xlsx"]["status"] == OK
    assert status["школа-4.xlsx"]["status"] == HAS_ERRORS  # staff count missing: read, but the check complains
    assert "Число педагогических работников" in status["школа-4.xlsx"]["problem"]


def test_totals_sum_counts_and_recompute_shares(district):
    rollup = consolidate(collect_paths([district]), TODAY, workers=1)
    # Four readable copies of the demo: 8 pairs and groups each; three with 58 teachers, one with none.
    assert rollup.totals["pairs_total"] + rollup.totals["groups_total"] == 4 * 8
    assert rollup.totals["mentors_active"] == 4 * 8
    assert rollup.totals["staff_share_mentors"] == round(100 * 3 * 8 / (3 * 58), 1)
    assert rollup.totals["readiness_score"] is None  # a score is not summed


def test_totals_of_nothing_readable_are_empty():
    assert totals([{"indicators": {}}])["pairs_total"] is None


def test_cli_writes_xlsx_and_json_and_exits_1_naming_the_broken_file(district, tmp_path):
    out = tmp_path / "свод"
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "consolidate", str(district), "--out", str(out)])
    assert result.exit_code == 1
    assert "повреждён.xlsx" in result.stderr and "~$школа-1.xlsx" in result.stderr
    data = json.loads((out / "свод_2026-11-25.json").read_text(encoding="utf-8"))
    assert [f["file"] for f in data["files"] if f["status"] == UNREADABLE] == ["~$школа-1.xlsx", "повреждён.xlsx"]
    xlsx = out / "свод_2026-11-25.xlsx"
    with zipfile.ZipFile(xlsx) as zf:
        assert any(n.startswith("xl/charts/chart") for n in zf.namelist())
    import openpyxl

    wb = openpyxl.load_workbook(xlsx)
    rows = list(wb["Свод"].iter_rows(values_only=True))
    assert any(r[1] == "Итого" for r in rows)
    assert [r[0] for r in wb["Проблемы файлов"].iter_rows(min_row=3, values_only=True)] == [
        "~$школа-1.xlsx", "повреждён.xlsx", "школа-4.xlsx"]


def test_cli_without_workbooks_is_a_russian_error(tmp_path):
    result = CliRunner().invoke(main, ["consolidate", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2  # nothing to use: not an error in a workbook
    assert "Не найдено ни одной рабочей книги" in result.stderr


def test_fifty_workbooks_with_one_broken_finish_and_name_it(tmp_path, demo_path):
    """The district's real shape: 50 institutions' files, one of them cut short in transit."""
    folder = tmp_path / "город"
    folder.mkdir()
    for n in range(1, 50):
        other_org(demo_path, folder / f"учреждение-{n:02d}.xlsx", n)
    (folder / "учреждение-50.xlsx").write_bytes(demo_path.read_bytes()[:5000])
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "consolidate", str(folder), "--out",
                                       str(tmp_path / "out")])
    assert "учреждение-50.xlsx" in result.output + result.stderr
    # what the command wrote for other programs (reading the fifty books a second time doubled the test)
    data = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    status = {f["file"]: f["status"] for f in data["files"]}
    assert len(status) == 50
    assert [name for name, st in status.items() if st != OK] == ["учреждение-50.xlsx"]
    assert data["totals"]["pairs_total"] + data["totals"]["groups_total"] == 49 * 8
    assert list((tmp_path / "out").glob("*.xlsx"))


def test_printed_view_has_a_sheet_per_indicator_group_and_every_key_indicator(district, tmp_path):
    """15.7: the summary prints legibly — each section sheet carries a few indicator columns, together all."""
    import openpyxl

    from nastavnik.base.xlsxprint import scale_to_width
    from nastavnik.report.consolidate import KEY_CODES, write_rollup_xlsx
    from nastavnik.report.rollup_print import SECTIONS, head_text, width_px

    rollup = consolidate(collect_paths([district]), TODAY, workers=1)
    wb = openpyxl.load_workbook(write_rollup_xlsx(rollup, tmp_path / "свод.xlsx", TODAY))
    assert wb.sheetnames[0] == "Свод"  # the data sheet stays first, one row per file, for programs
    heads = []
    for title, _ in SECTIONS:
        ws = wb[title]
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$4"
        row = [c.value for c in ws[4]]
        heads += row[2:]
        assert 2 + 1 <= len(row) <= 2 + 8
        assert scale_to_width(width_px(len(row) - 2)) * 10 / 100 >= 8  # 10-pt text printed at 8 pt or more
    assert sorted(heads) == sorted(head_text(c) for c in KEY_CODES)
    assert wb["Свод"].page_setup.scale == 85 and wb["Свод"].print_title_cols == "$A:$B"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice не установлен")
def test_printed_summary_text_is_at_least_8_pt_in_pdf(district, tmp_path):
    """Render through LibreOffice: no word of any page is smaller than 8 pt (it was about 4 pt)."""
    import re
    import subprocess

    from nastavnik.report.consolidate import write_rollup_xlsx

    from .lo import convert

    rollup = consolidate(collect_paths([district]), TODAY, workers=1)
    xlsx = write_rollup_xlsx(rollup, tmp_path / "свод.xlsx", TODAY)
    pdf = convert([xlsx], "pdf", tmp_path, tmp_path / "lo-profile")[0]
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    heights = [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', html)]
    assert heights
    assert min(heights) / 1.17 >= 8.0  # a word's box is 1.17 of its font size (Liberation Sans, measured)


def test_the_summary_names_each_organisations_type(tmp_path, demo_path):
    """A district gathers schools and centres: the type is a column she can filter by."""
    import openpyxl

    from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
    from nastavnik.workbook.template import write_workbook

    folder = tmp_path / "район"
    folder.mkdir()
    shutil.copy(demo_path, folder / "центр.xlsx")
    write_workbook(folder / "школа.xlsx", *school_demo_data(TODAY), LISTS)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "consolidate", str(folder), "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    wb = openpyxl.load_workbook(next(out.glob("свод_*.xlsx")))
    rows = list(wb["Свод"].iter_rows(values_only=True))
    head = next(r for r in rows if r and r[0] == "№")
    col = head.index("Тип организации")
    by_file = {r[1]: r[col] for r in rows if r and isinstance(r[0], int)}
    assert by_file == {"центр.xlsx": "организация дополнительного образования",
                       "школа.xlsx": "общеобразовательная организация"}


def test_two_books_of_one_organisation_are_counted_once_naming_both(tmp_path, demo_path, make_book):
    """A school sent its book twice (an older copy and the current one): the district totals are not doubled."""
    import os

    folder = tmp_path / "район"
    folder.mkdir()
    shutil.copyfile(demo_path, folder / "центр.xlsx")
    shutil.copyfile(demo_path, folder / "центр (копия из почты).xlsx")
    os.utime(folder / "центр (копия из почты).xlsx", (1_700_000_000, 1_700_000_000))  # the older file
    other_org(demo_path, folder / "школа.xlsx", 7)
    out = tmp_path / "свод"
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "consolidate", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    said = result.output + result.stderr
    assert "центр (копия из почты).xlsx: повтор, не в итогах" in said and "в итоги взят «центр.xlsx»" in said
    data = json.loads((out / "свод_2026-11-25.json").read_text(encoding="utf-8"))
    assert data["totals"]["mentors_active"] == 2 * 8  # two organisations, not three
    import openpyxl

    rows = list(openpyxl.load_workbook(out / "свод_2026-11-25.xlsx")["Свод"].iter_rows(values_only=True))
    assert any(r[1] == "центр (копия из почты).xlsx" and r[7] == "повтор, не в итогах" for r in rows)
    assert any(str(r[2] or "").startswith("Не в итогах: «центр (копия из почты).xlsx»") for r in rows)


def test_of_two_books_of_one_organisation_the_later_period_is_counted(tmp_path, demo_parts):
    import copy

    from nastavnik.workbook.template import write_workbook

    org, tables = copy.deepcopy(demo_parts)
    last = tmp_path / "b-прошлый год.xlsx"
    write_workbook(last, {**org, "academic_year": "2025/2026", "period_start": dt.date(2025, 9, 1),
                          "period_end": dt.date(2026, 8, 31)}, tables)
    this = tmp_path / "a-этот год.xlsx"
    write_workbook(this, org, tables)
    os.utime(this, (1_700_000_000, 1_700_000_000))  # the file's date is older: the book's own period decides
    rollup = consolidate([this, last], TODAY, workers=1)
    by_name = {f["file"]: f for f in rollup.files}
    assert by_name["b-прошлый год.xlsx"]["status"] == "повтор, не в итогах"
    assert "31.08.2026" in by_name["b-прошлый год.xlsx"]["problem"]
    assert by_name["a-этот год.xlsx"]["counted"]
