"""``nastavnik check``: exit codes, JSON pinned to the library, the annotated copy."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from nastavnik.checks import annotate, check_book
from nastavnik.checks.render import render_text, report_dict
from nastavnik.cli import main
from nastavnik.workbook.reader import read_workbook

from .conftest import TODAY

ERROR_RGB, WARNING_RGB = "00FFC7CE", "00FFEB9C"


def _check(*args):
    return CliRunner().invoke(main, ["--today", TODAY.strftime("%d.%m.%Y"), "check", *args])


@pytest.fixture
def broken(make_book):
    """The demo with one error (a pair naming an unknown mentor) and its deliberate warning."""

    def change(org, tables):
        tables["pairs"][0]["mentor"] = "=Н-099"

    return make_book(change, name="сломанная.xlsx")


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_valid_workbook_exits_0_even_with_warnings(demo_path, tmp_path):
    result = _check(str(demo_path), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Книга пригодна для работы (0 ошибок, 4 предупреждения)" in result.stdout


def test_workbook_with_errors_exits_1_and_names_the_cell(broken, tmp_path):
    result = _check(str(broken.path), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "Лист «Пары и группы»: 1 ошибка, 2 предупреждения" in result.stdout
    assert "B2" in result.stdout and "«=Н-099»" in result.stdout


def test_unusable_file_exits_2(tmp_path):
    fake = tmp_path / "книга.xlsx"
    fake.write_text("это не книга", encoding="utf-8")
    result = _check(str(fake), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_json_is_exactly_the_library_report(broken, tmp_path):
    result = _check(str(broken.path), "--format", "json", "--out", str(tmp_path))
    library = report_dict(check_book(read_workbook(broken.path, today=TODAY), TODAY), broken.name)
    assert json.loads(result.stdout) == json.loads(json.dumps(library, ensure_ascii=False))


def test_json_records_carry_place_code_and_severity(broken, tmp_path):
    data = json.loads(_check(str(broken.path), "--format", "json", "--out", str(tmp_path)).stdout)
    assert data["valid"] is False and data["errors"] == 1
    (record,) = [p for p in data["problems"] if p["code"] == "unknown_ref"]
    assert {k: record[k] for k in ("sheet", "row", "column", "letter", "cell", "code", "severity")} == {
        "sheet": "Пары и группы", "row": 2, "column": "Код наставника *", "letter": "B", "cell": "B2",
        "code": "unknown_ref", "severity": "ошибка"}


def test_text_lists_errors_before_warnings_within_a_sheet(make_book):
    def change(org, tables):
        tables["mentees"][14]["ped_experience"] = 99  # an error in row 16, below the warning of row 14

    text = render_text(check_book(make_book(change), TODAY), "книга.xlsx")
    assert "Лист «Наставляемые»: 1 ошибка, 2 предупреждения" in text
    assert text.index("H16") < text.index("AF14")


def test_annotated_copy_marks_cells_and_lists_problems(broken, tmp_path):
    import openpyxl

    before = _sha(broken.path)
    out = tmp_path / "пометки"
    result = _check(str(broken.path), "--annotate", "--out", str(out))
    assert result.exit_code == 1
    copy = out / "сломанная — проверка.xlsx"
    assert _sha(broken.path) == before
    wb = openpyxl.load_workbook(copy)
    assert wb.sheetnames[0] == "Проверка" and wb.active.title == "Проверка"
    err = wb["Пары и группы"]["B2"]
    assert err.fill.fgColor.rgb == ERROR_RGB and "не найден" in err.comment.text
    warn = wb["Наставляемые"]["AF14"]
    assert warn.fill.fgColor.rgb == WARNING_RGB and "ждёт пару" in warn.comment.text
    report = check_book(broken, TODAY)
    rows = [r for r in wb["Проверка"].iter_rows(min_row=5) if r[0].value is not None]
    assert len(rows) == len(report.problems)
    links = {r[3].hyperlink.location for r in rows if r[3].hyperlink}
    assert "'Пары и группы'!B2" in links and "'Наставляемые'!AF14" in links


def test_annotated_copy_keeps_what_people_typed_as_text(broken, tmp_path):
    import openpyxl

    path = annotate(broken, check_book(broken, TODAY), tmp_path / "копия.xlsx")
    ws = openpyxl.load_workbook(path)["Проверка"]
    values = [c for row in ws.iter_rows(min_row=5) for c in row if c.value == "=Н-099"]
    assert values and all(c.data_type == "s" for c in values)


def test_annotated_copy_restores_lost_dropdowns(demo_path, tmp_path):
    import openpyxl

    stripped = tmp_path / "без списков.xlsx"
    wb = openpyxl.load_workbook(demo_path)
    for ws in wb.worksheets:
        ws.data_validations.dataValidation = []
    wb.save(stripped)
    book = read_workbook(stripped, today=TODAY)
    path = annotate(book, check_book(book, TODAY), tmp_path / "копия.xlsx")
    ws = openpyxl.load_workbook(path)["Пары и группы"]
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation if "E2" in dv.sqref}
    assert formulas == {"list_kind"}


def test_annotated_copy_keeps_existing_dropdowns_without_doubling(demo_book, tmp_path):
    import openpyxl

    path = annotate(demo_book, check_book(demo_book, TODAY), tmp_path / "копия.xlsx")
    ws = openpyxl.load_workbook(path)["Пары и группы"]
    assert len([dv for dv in ws.data_validations.dataValidation if "E2" in dv.sqref]) == 1


def test_rechecking_the_annotated_copy_does_not_complain_about_its_list(broken, tmp_path):
    path = annotate(broken, check_book(broken, TODAY), tmp_path / "копия.xlsx")
    report = check_book(read_workbook(path, today=TODAY), TODAY)
    assert not [p for p in report.problems if p.code == "unknown_sheet"]


@pytest.mark.parametrize("title,header", [("Пары и группы", "Статус *"), ("Наставляемые", "Дата рождения"),
                                          ("Программы", "Код пары/группы *"), ("План мероприятий", "Статус *")])
def test_a_missing_column_is_reported_once_not_at_every_row(demo_path, tmp_path, title, header):
    import openpyxl

    path = tmp_path / "без столбца.xlsx"
    wb = openpyxl.load_workbook(demo_path)
    ws = wb[title]
    ws.delete_cols(next(c.column for c in ws[1] if c.value == header))
    wb.save(path)
    report = check_book(read_workbook(path, today=TODAY), TODAY)
    deliberate = ("mentee_waiting", "bank_without_consent", "missing_column", "pair_stalled")
    assert [p.code for p in report.problems if p.code not in deliberate] == []
    assert [p.column for p in report.problems if p.code == "missing_column"] == [header.rstrip(" *")]


def test_the_annotated_copy_speaks_the_curators_words_not_the_programs_codes(broken, tmp_path):
    """Internal codes (not_in_list, unknown_ref …) are for JSON and docs/problem_codes.md, not the curator's sheet."""
    import re

    import openpyxl

    out = tmp_path / "пометки"
    assert _check(str(broken.path), "--annotate", "--out", str(out)).exit_code == 1
    ws = openpyxl.load_workbook(out / "сломанная — проверка.xlsx")["Проверка"]
    codes = {p.code for p in check_book(broken, TODAY).problems}
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if c in codes]
    assert not [c for c in cells if re.fullmatch(r"[a-z]+(?:_[a-z0-9]+)+", c)]
