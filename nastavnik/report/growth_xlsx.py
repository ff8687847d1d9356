"""The growth tables on the sheet «Рост наставляемых» of «Мониторинг.xlsx»: by direction, by programme, a chart.

The numbers are those of ``growth.compute_growth``, carried by the indicator «Наставляемые, ответившие на
входную и итоговую анкеты» (``extra["growth"]``), so the sheet and the analytic report cannot disagree. A row of
fewer than three mentees says «менее 3 ответов» instead of numbers and is left out of the chart
(``registry.PRIVACY_RULE``, stated above the tables).
"""

from __future__ import annotations

from .growth import Growth
from .registry import PRIVACY_RULE

HEADS = ["Направление", "Ответили на оба этапа, чел.", "Средняя входная оценка", "Средняя итоговая оценка",
         "Изменение, балл", "Оценка выросла, чел."]
CHART_W, CHART_H = 620, 340


def _table(ws, fmt, row: int, title: str, first_head: str, rows, signed=None) -> int:
    ws.write(row, 0, title, fmt.section)
    ws.write_row(row + 1, 0, [first_head, *HEADS[1:]], fmt.head)
    ws.set_row(row + 1, 40)
    for j, r in enumerate(rows):
        cells = r.cells()
        ws.write(row + 2 + j, 0, cells[0], fmt.text)
        ws.write(row + 2 + j, 1, cells[1], fmt.int)
        if r.hidden:
            ws.merge_range(row + 2 + j, 2, row + 2 + j, 5, cells[2], fmt.text)
        else:
            for k, x in enumerate(cells[2:5], start=2):
                number = (signed or fmt.dec1) if k == 4 else fmt.dec1
                ws.write(row + 2 + j, k, "—" if x is None else x, number if x is not None else fmt.text)
            ws.write(row + 2 + j, 5, cells[5], fmt.int)
    return row + 3 + len(rows)


def write_growth(wb, ws, fmt, sheet: str, row: int, indicator, blocks: list, fit) -> int:
    """The tables and the chart below the sheet's indicators; returns the next free row."""
    g = Growth.from_dict((indicator.extra or {}).get("growth") or {}) if indicator else Growth()
    signed = wb.add_format({"font_name": "Arial", "font_size": 10, "valign": "top", "border": 1,
                            "num_format": "+0.0;-0.0;0.0"})  # a change reads with its sign
    start = row
    ws.merge_range(row, 0, row, 5, PRIVACY_RULE, fmt.plain)
    ws.set_row(row, 30)
    row = _table(ws, fmt, row + 2, "Рост самооценки наставляемых по направлениям (входная и итоговая анкеты)",
                 "Направление", [*g.directions, g.total], signed)
    for j, r in enumerate([*g.directions, g.total]):
        fit(ws, start + 4 + j, [(r.label, 30)])
    blocks.append((start, row - 1, 0))
    shown = [r for r in g.directions if not r.hidden]
    if shown:
        ws.write(row, 0, "Данные диаграммы", fmt.section)
        ws.write_row(row + 1, 0, ["Направление", "Входная", "Итоговая"], fmt.head)
        for j, r in enumerate(shown):
            ws.write(row + 2 + j, 0, r.label, fmt.text)
            ws.write(row + 2 + j, 1, r.entry, fmt.dec1)
            ws.write(row + 2 + j, 2, r.final, fmt.dec1)
        first, last = row + 2, row + 1 + len(shown)
        chart = wb.add_chart({"type": "bar"})
        for k, (name, colour) in enumerate((("Входная оценка", "#A5A5A5"), ("Итоговая оценка", "#4472C4")), 1):
            chart.add_series({"name": name, "categories": [sheet, first, 0, last, 0],
                              "values": [sheet, first, k, last, k], "fill": {"color": colour},
                              "data_labels": {"value": True, "num_format": "0.0"}})
        chart.set_title({"name": "Самооценка наставляемых: входная и итоговая", "name_font": {"size": 11,
                                                                                            "bold": True}})
        chart.set_x_axis({"min": 0, "max": 5, "major_unit": 1})
        chart.set_y_axis({"reverse": True})
        chart.set_legend({"position": "bottom"})
        height = max(CHART_H, 80 + 34 * len(shown))
        chart.set_size({"width": CHART_W, "height": height})
        ws.insert_chart(row, 4, chart, {"x_offset": 10, "y_offset": 5, "object_position": 1})
        end = row + max(len(shown) + 3, height // 20 + 2)
        blocks.append((row, end - 1, height + 10))
        row = end
    else:
        ws.merge_range(row, 0, row, 5, "Диаграмма входной и итоговой оценок не строится: ни по одному "
                       "направлению на оба этапа не ответили 3 наставляемых.", fmt.plain)
        row += 2
    start = row
    row = _table(ws, fmt, row, "Рост самооценки по программам", "Программа", g.programmes or [], signed)
    if not g.programmes:
        ws.write(row - 1, 0, "Нет наставляемых, ответивших на входную и итоговую анкеты в периоде.", fmt.plain)
        row += 1
    blocks.append((start, row - 1, 0))
    return row + 1
