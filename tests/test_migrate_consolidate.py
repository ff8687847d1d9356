"""`consolidate` over workbooks of different years and template versions labels each one."""

from __future__ import annotations

import copy

from nastavnik.report.consolidate import consolidate, write_rollup_xlsx
from nastavnik.workbook import schema as s

from .conftest import TODAY
from .test_migrate import ARCHIVES, old_book


def test_each_workbook_is_labelled_with_its_year_and_template_version(tmp_path, demo_parts):
    from nastavnik.workbook.template import write_workbook

    org, tables = copy.deepcopy(demo_parts)
    new = tmp_path / "новая.xlsx"
    write_workbook(new, {**org, "academic_year": "2026/2027"}, tables)
    old = old_book(tmp_path / "старая.xlsx", ({**org, "academic_year": "2025/2026"}, tables), drop_sheets=ARCHIVES)
    rollup = consolidate([new, old], TODAY, workers=1)
    assert [(f["year"], f["version"]) for f in rollup.files] == [("2026/2027", s.TEMPLATE_VERSION),
                                                                 ("2025/2026", "1.0")]
    import openpyxl

    ws = openpyxl.load_workbook(write_rollup_xlsx(rollup, tmp_path / "свод.xlsx", TODAY))["Свод"]
    rows = list(ws.iter_rows(values_only=True))
    head = rows[3]
    year_col, version_col = head.index("Учебный год"), head.index("Версия шаблона")
    assert [(r[year_col], r[version_col]) for r in rows[4:6]] == [("2026/2027", s.TEMPLATE_VERSION),
                                                                  ("2025/2026", "1.0")]
