"""``init --type`` and ``demo --type``: a curator gets the workbook of her own type of organisation."""

from __future__ import annotations

from click.testing import CliRunner

from nastavnik.base.problems import ERROR
from nastavnik.checks import check_book
from nastavnik.cli import main
from nastavnik.workbook import orgtypes
from nastavnik.workbook.reader import read_workbook

from .conftest import TODAY


def invoke(*args):
    return CliRunner().invoke(main, ["--today", TODAY.strftime("%d.%m.%Y"), *map(str, args)])


def test_init_type_school_writes_a_school_book_whatever_the_case(tmp_path):
    path = tmp_path / "школа.xlsx"
    result = invoke("init", path, "--type", "ШКОЛА")
    assert result.exit_code == 0, result.output
    org = read_workbook(path, today=TODAY).org
    assert orgtypes.of(org) is orgtypes.SCHOOL
    assert org["full_name"] == orgtypes.SCHOOL.full_name
    assert "общеобразовательная организация" in result.output


def test_init_takes_an_alias_of_the_type(tmp_path):
    path = tmp_path / "гимназия.xlsx"
    assert invoke("init", path, "--type", "Гимназия").exit_code == 0
    assert orgtypes.of(read_workbook(path, today=TODAY).org) is orgtypes.SCHOOL


def test_init_with_an_unknown_type_lists_the_types_and_writes_nothing(tmp_path):
    path = tmp_path / "книга.xlsx"
    result = invoke("init", path, "--type", "завод")
    assert result.exit_code == 2
    assert "«завод»" in result.stderr and all(w in result.stderr for w in orgtypes.words())
    assert "Traceback" not in result.output + result.stderr
    assert not path.exists()


def test_init_without_a_type_says_which_type_it_wrote_and_how_to_choose_another(tmp_path):
    path = tmp_path / "книга.xlsx"
    result = invoke("init", path)
    assert result.exit_code == 0
    assert orgtypes.DEFAULT.title in result.output and "--type школа" in result.output
    assert orgtypes.of(read_workbook(path, today=TODAY).org) is orgtypes.DEFAULT


def test_demo_type_school_writes_the_school_demo_that_checks_without_errors(tmp_path):
    path = tmp_path / "демо-школа.xlsx"
    result = invoke("demo", path, "--type", "школа")
    assert result.exit_code == 0, result.output
    book = read_workbook(path, today=TODAY)
    assert orgtypes.of(book.org) is orgtypes.SCHOOL
    assert book.org["staff_count"] == 60 and len(book.tables["mentors"]) == 16
    report = check_book(book, TODAY)
    assert [p for p in report.problems if p.severity == ERROR] == []


def test_demo_of_a_type_without_a_demo_says_so_in_russian(tmp_path):
    path = tmp_path / "колледж.xlsx"
    result = invoke("demo", path, "--type", "колледж")
    assert result.exit_code == 2
    assert "демонстрационной книги" in result.stderr and "init" in result.stderr
    assert not path.exists()
