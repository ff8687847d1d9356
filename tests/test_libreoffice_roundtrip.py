"""A curator who opens the template in LibreOffice Calc and saves it keeps a working workbook."""

from __future__ import annotations

import openpyxl

from nastavnik.workbook import schema as s
from nastavnik.workbook.reader import read_workbook
from scripts.make_template import TEMPLATE

from .conftest import TODAY
from .lo import convert, needs_soffice


@needs_soffice
def test_template_survives_a_libreoffice_round_trip(tmp_path, demo_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "шаблон.xlsx").write_bytes(TEMPLATE.read_bytes())
    (src / "демо.xlsx").write_bytes(demo_path.read_bytes())
    out = tmp_path / "out"
    saved = convert([src / "шаблон.xlsx", src / "демо.xlsx"], 'xlsx:Calc MS Excel 2007 XML', out, tmp_path / "lo")
    template_back, demo_back = saved

    wb = openpyxl.load_workbook(template_back)
    assert wb.sheetnames == [s.INSTRUCTION_TITLE, s.ORG_TITLE, *(sh.title for sh in s.SHEETS), s.LISTS_TITLE]
    ws = wb[s.MENTORS.title]
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert {f"list_{c.choices}" for c in s.MENTORS.columns if c.choices and c.kind != s.MULTI} <= lists
    assert "list_focus" in wb.defined_names

    book = read_workbook(template_back, today=TODAY)
    assert book.problems == []
    demo = read_workbook(demo_back, today=TODAY)
    assert demo.problems == []
    assert list(demo.tables["mentors"]["code"][:3]) == ["Н-001", "Н-002", "Н-003"]
    assert demo.tables["pairs"]["start"].notna().all()
