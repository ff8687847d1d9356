"""«Кандидаты» of «Предложения пар.xlsx» on paper (issue 27, п. 11): who, whom, the score and why, at a size a
council reads; the score's parts stay on screen, outside the print area."""

from __future__ import annotations

import openpyxl

from nastavnik.base.xlsxprint import scale_to_width
from nastavnik.match import match_book, write_match_xlsx

from .conftest import TODAY


def test_candidates_print_their_reasons_at_a_readable_size_without_the_parts(demo_book, tmp_path):
    path = write_match_xlsx(match_book(demo_book, TODAY), tmp_path / "Предложения пар.xlsx")
    ws = openpyxl.load_workbook(path)["Кандидаты"]
    header = [c.value for c in ws[2]]
    area = ws.print_area  # e.g. "'Кандидаты'!$A$1:$H$9"
    last = openpyxl.utils.column_index_from_string(area.split(":")[-1].split("$")[1])
    printed = header[:last]
    assert printed[-1] == "Обоснование" and "Наставник" in printed and "Оценка" in printed
    assert header[last:last + 2] == ["Код наставляемого", "Код наставника"]
    assert all(h.endswith(", баллов") for h in header[last + 2:]) and header[last + 2:], "the parts on screen"
    px = sum(ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width * 7 + 5 for i in range(1, last + 1))
    # 11 pt text at this scale: at least 8 pt on A4 landscape (it was about 5 pt with the parts on paper)
    assert 11 * scale_to_width(px) / 100 >= 8
