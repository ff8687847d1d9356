"""Values that try to harm: no formula appears in any xlsx we write; names with markup keep documents valid."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from nastavnik.cli import main

HOSTILE = ['=HYPERLINK("http://evil.example","нажми")', "+7(900)CMD|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


def hostile_workbook(make_book, break_it: bool = False):
    def change(org, tables):
        for i, value in enumerate(HOSTILE):
            tables["mentees"][11 + i % 4]["request_text"] = value  # waiting mentees: they reach the match xlsx
            tables["programmes"][i]["title"] = value
            tables["plan"][i]["result"] = value
            tables["mentors"][i]["note"] = value
        tables["mentees"][11]["fio"] = "Абрамова-<b>Ева</b> & Ко"  # not a name: an error for the check
        if not break_it:
            tables["mentees"][11]["fio"] = "Абрамова Ева Андреевна"
        tables["programmes"][0]["goal"] = "{{ org.full_name }} {% if x %}да{% endif %} & <script>"

    return make_book(change)


def formulas_in(path: Path) -> list[str]:
    found = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml") and b"<f>" in zf.read(name):
                found.append(name)
            if name.startswith("xl/worksheets/") and name.endswith(".xml") and b"<f " in zf.read(name):
                found.append(name)
    return found


def invoke(*args):
    return CliRunner().invoke(main, ["--today", "25.11.2026", *map(str, args)])


def test_no_formula_in_any_xlsx_of_a_full_run(make_book, tmp_path):
    book = hostile_workbook(make_book)
    result = invoke("run", book.path, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output + result.stderr
    written = [p for p in (tmp_path / "out").rglob("*.xlsx") if "демо" not in p.name]
    assert len(written) >= 2
    for path in written:
        assert formulas_in(path) == [], path.name


def test_no_formula_in_the_annotated_copy_or_the_applied_copy(make_book, tmp_path):
    book = hostile_workbook(make_book, break_it=True)
    assert invoke("check", book.path, "--annotate", "--out", tmp_path / "a").exit_code == 1
    good = hostile_workbook(make_book)
    assert invoke("match", good.path, "--apply", "--out", tmp_path / "m").exit_code == 0
    written = list((tmp_path / "a").glob("*.xlsx")) + list((tmp_path / "m").glob("*.xlsx"))
    assert len(written) >= 2
    for path in written:
        assert formulas_in(path) == [], path.name


def test_template_tags_and_markup_print_literally_in_documents(make_book, tmp_path):
    import docx

    book = hostile_workbook(make_book)
    assert invoke("docs", book.path, "--out", tmp_path, "--only", "programme").exit_code == 0
    texts = []
    for path in tmp_path.rglob("*.docx"):
        d = docx.Document(path)  # opens: the XML stayed valid
        texts.append("\n".join(p.text for p in d.paragraphs) + "\n".join(
            c.text for t in d.tables for r in t.rows for c in r.cells))
    joined = "\n".join(texts)
    assert "{{ org.full_name }} {% if x %}да{% endif %} & <script>" in joined
