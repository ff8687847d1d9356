"""The monitoring report as an xlsx workbook with native charts (xlsxwriter).

Only computed values are written, never formulas: LibreOffice does not
recalculate a file on conversion and would show the zeros xlsxwriter caches.
Every chart reads its data from a small table on its own sheet, so the curator
can copy both the picture and the numbers into the analytical report.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from nastavnik.base import xlsxprint

from .registry import DAYS, GROUPS, PERCENT, PERIOD_RULES, SCORE, SPECS
from .statform import TOTAL, StatForm

SUMMARY = "Сводка"
STATFORM = "Статформа"
ALERTS = "Обратите внимание"  # checks.stalled, on the summary when report_meta gave the alerts

# (group, chart title, chart type, category header, [(indicator code, series name)])
FIGURES: tuple = (
    ("participants", "Пары и группы по формам наставничества", "pie", "Форма", [("units_by_form", "Пары и группы")]),
    ("participants", "Пары и группы по видам наставничества", "bar", "Вид", [("units_by_kind", "Пары и группы")]),
    ("participants", "Наставляемые по запрошенным направлениям", "bar", "Направление",
     [("mentees_by_direction", "Наставляемые")]),
    ("participants", "Наставляемые по категориям", "pie", "Категория", [("mentees_by_category", "Наставляемые")]),
    ("programmes", "Досрочное прекращение по причинам", "bar", "Причина",
     [("programmes_ended_early_by_reason", "Пары и группы")]),
    ("plan", "Мероприятия плана по месяцам", "line", "Месяц",
     [("plan_planned_by_month", "Запланировано"), ("plan_done_by_month", "Выполнено")]),
    ("surveys", "Средние оценки по вопросам анкеты", "bar", "Вопрос",
     [("survey_by_question_mentors", "Наставники"), ("survey_by_question_mentees", "Наставляемые")]),
    ("surveys", "Распределение оценок", "column", "Балл", [("survey_distribution", "Число оценок")]),
    ("growth", "Среднее изменение самооценки по направлениям", "bar", "Направление",
     [("growth_by_direction", "Изменение, балл")]),
    ("events", "Участие и награды по уровню мероприятия", "column", "Уровень",
     [("events_by_level", "Участия"), ("events_prizes_by_level", "Победы и призовые места")]),
    ("events", "Участие по типу мероприятия", "pie", "Тип", [("events_by_type", "Участия")]),
    ("people", "Наставники по числу наставляемых", "column", "Наставляемых у наставника",
     [("mentor_load_distribution", "Наставники")]),
    ("organisation", "Этапы дорожной карты", "pie", "Статус этапа", [("roadmap_stages_by_status", "Этапы")]),
)

# The number people see for an indicator: group and place in it («1.1», «1.2», «2.1»…), in report order.
# The English codes stay in JSON and the district roll-up; a director reads numbers and names.
NUMBERS: dict[str, str] = {}
for _g, _group in enumerate(GROUPS, start=1):
    for _k, _spec in enumerate((x for x in SPECS if x.group == _group), start=1):
        NUMBERS[_spec.code] = f"{_g}.{_k}"

# The period notes as the director reads them: about the workbook, not the command line.
_PLAIN = (
    (" если в команде не указано иное (--period ДД.ММ.ГГГГ:ДД.ММ.ГГГГ или --year 2025/2026 — с 1 сентября по "
     "31 августа)", " если при запуске не задан другой период (например, учебный год — с 1 сентября по 31 августа)"),
    ("сегодняшний день (--today)", "день формирования отчёта"),
)


def plain_rule(text: str) -> str:
    for old, new in _PLAIN:
        text = text.replace(old, new)
    return re.sub(r"\s*\(--[^)]*\)", "", text)


WIDTH_CODE, WIDTH_NAME, WIDTH_FORMULA, WIDTH_NOTE = 30, 46, 60, 30
_PIE_COLOURS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E",
                "#636363", "#997300"]


def _shown(ind) -> object:
    """The value as a cell shows it: numbers stay numbers, yes/no in words, absent as a dash."""
    if ind.value is None:
        return "—"
    if isinstance(ind.value, bool):
        return "да" if ind.value else "нет"
    return ind.value


class _Formats:
    def __init__(self, wb):
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        self.title = wb.add_format({**base, "bold": True, "font_size": 14})
        self.sub = wb.add_format({**base, "italic": True, "font_color": "#555555"})
        self.head = wb.add_format({**base, "bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True,
                                   "valign": "vcenter", "align": "center"})
        self.text = wb.add_format({**base, "border": 1, "text_wrap": True})
        self.plain = wb.add_format({**base, "text_wrap": True})
        self.int = wb.add_format({**base, "border": 1, "num_format": "0"})
        self.dec1 = wb.add_format({**base, "border": 1, "num_format": "0.0"})
        self.dec2 = wb.add_format({**base, "border": 1, "num_format": "0.00"})
        self.ok = wb.add_format({**base, "border": 1, "bg_color": "#C6EFCE", "font_color": "#006100"})
        self.bad = wb.add_format({**base, "border": 1, "bg_color": "#FFC7CE", "font_color": "#9C0006"})
        self.section = wb.add_format({**base, "bold": True, "font_size": 11})

    def number(self, unit: str, value):
        if isinstance(value, str):
            return self.text
        if unit == PERCENT or unit == DAYS:
            return self.dec1
        if unit == SCORE:  # scores have one decimal everywhere (frames.mean_score)
            return self.dec1
        return self.int if isinstance(value, int) else self.dec2

    def status(self, status: str):
        return self.ok if status == "достигнуто" else self.bad if status else self.text


def _fit(ws, row: int, cells: list[tuple[str, int]]) -> None:
    """Set a row's height for its wrapped texts: LibreOffice does not grow rows written by xlsxwriter."""
    lines = 1
    for text, width in cells:
        if isinstance(text, str) and text:
            lines = max(lines, sum(-(-max(1, len(part)) // max(1, int(width * 1.1))) for part in text.split("\n")))
    if lines > 1:
        ws.set_row(row, 12.75 * lines + 2)


def _header(ws, fmt, meta: dict, title: str) -> int:
    ws.write(0, 0, title, fmt.title)
    ws.write(1, 0, meta.get("org") or "", fmt.sub)
    ws.write(2, 0, f"Период: {meta['period']}; дата отчёта: {meta['as_of']}; сформировано "
                   f"{meta['made']}", fmt.sub)
    return 4


def _indicator_table(ws, fmt, row: int, indicators, wide: bool, name_width: int = WIDTH_NAME) -> int:
    heads = ["№", "Показатель", "Значение", "Ед. изм.", "Цель", "Статус"]
    if wide:
        heads += ["Числитель", "Знаменатель", "Как считается", "Примечание"]
    ws.write_row(row, 0, heads, fmt.head)
    for i in indicators:
        row += 1
        shown = _shown(i)
        cells = [(NUMBERS.get(i.code, ""), fmt.text), (i.name, fmt.text), (shown, fmt.number(i.unit, shown)),
                 (i.unit, fmt.text),
                 (i.spec.target_text, fmt.text), (i.status, fmt.status(i.status))]
        if wide:
            num = "" if i.numerator is None else i.numerator
            den = "" if i.denominator is None else i.denominator
            cells += [(num, fmt.int if num != "" else fmt.text), (den, fmt.int if den != "" else fmt.text),
                      (i.formula, fmt.text), (i.note or "", fmt.text)]
        for col, (value, f) in enumerate(cells):
            ws.write(row, col, value, f)
        _fit(ws, row, [(i.name, name_width)] + ([(i.formula, WIDTH_FORMULA), (i.note, WIDTH_NOTE)] if wide else []))
    return row + 2


def _chart(wb, kind: str, title: str, sheet: str, first: int, last: int, series: list[str], n_cats: int):
    chart = wb.add_chart({"type": kind} if kind != "column" else {"type": "column"})
    for k, name in enumerate(series):
        spec = {
            "name": name,
            "categories": [sheet, first, 0, last, 0],
            "values": [sheet, first, 1 + k, last, 1 + k],
        }
        if kind == "pie":
            spec["points"] = [{"fill": {"color": _PIE_COLOURS[j % len(_PIE_COLOURS)]}} for j in range(n_cats)]
            spec["data_labels"] = {"value": True}
        elif kind == "line":
            spec["marker"] = {"type": "circle", "size": 5}
        else:
            spec["data_labels"] = {"value": True}
        chart.add_series(spec)
    chart.set_title({"name": title, "name_font": {"size": 11, "bold": True}})
    if kind == "pie" or len(series) > 1:
        chart.set_legend({"position": "bottom"})
    else:
        chart.set_legend({"none": True})
    if kind == "bar":
        chart.set_y_axis({"reverse": True})
    height = max(300, 60 + 26 * n_cats) if kind == "bar" else 300 + 18 * n_cats if kind == "pie" else 320
    chart.set_size({"width": 620, "height": height})
    return chart


def _figure(wb, ws, fmt, sheet: str, row: int, fig, by_code, blocks: list) -> int:
    _, title, kind, cat_head, series = fig
    inds = [by_code[code] for code, _ in series]
    labels = list(inds[0].breakdown or {})
    for ind in inds[1:]:
        labels += [x for x in (ind.breakdown or {}) if x not in labels]
    ws.write(row, 0, title, fmt.section)
    ws.write_row(row + 1, 0, [cat_head] + [name for _, name in series], fmt.head)
    for j, label in enumerate(labels):
        ws.write(row + 2 + j, 0, label, fmt.text)
        _fit(ws, row + 2 + j, [(label, WIDTH_CODE)])
        for k, ind in enumerate(inds):
            value = (ind.breakdown or {}).get(label)
            if value is None:  # a gap in the chart, not a zero
                ws.write_blank(row + 2 + j, 1 + k, None, fmt.text)
            else:
                ws.write(row + 2 + j, 1 + k, value, fmt.number(ind.unit, value))
    first, last = row + 2, row + 1 + max(1, len(labels))
    chart = _chart(wb, kind, title, sheet, first, last, [n for _, n in series], len(labels))
    top = max([x for ind in inds for x in (ind.breakdown or {}).values() if x is not None] or [0])
    if inds[0].unit == SCORE and inds[0].group == "growth":  # a change: may be below zero, a few points at most
        chart.set_x_axis({"num_format": "0.0"})
    elif inds[0].unit == SCORE:
        chart.set_x_axis({"min": 0, "max": 10, "major_unit": 1})
    elif kind in ("bar", "column", "line"):
        axis = {"min": 0, "num_format": "0", "major_unit": 1 if top <= 10 else None}
        axis = {k: x for k, x in axis.items() if x is not None}
        (chart.set_x_axis if kind == "bar" else chart.set_y_axis)(axis)
    ws.insert_chart(row, 4, chart, {"x_offset": 10, "y_offset": 5, "object_position": 1})
    height = chart.height if hasattr(chart, "height") else 320
    end = row + max(len(labels) + 4, height // 20 + 2)
    blocks.append((row, end - 1, height + 10))  # the table and its chart print on one page
    return end


def _summary(wb, fmt, indicators, meta) -> None:
    ws = wb.add_worksheet(SUMMARY)
    row = _header(ws, fmt, meta, "Мониторинг системы (целевой модели) наставничества педагогических работников")
    keys = [i for i in indicators if i.spec.key]
    row = _indicator_table(ws, fmt, row, keys, wide=False, name_width=58)
    shares = [i for i in keys if i.unit == PERCENT and i.value is not None]
    ws.write(row, 0, "Ключевые доли, % (данные диаграммы)", fmt.section)
    ws.write_row(row + 1, 0, ["Показатель", "Значение, %", "Цель, %"], fmt.head)
    for j, i in enumerate(shares):
        ws.write(row + 2 + j, 0, i.name, fmt.text)
        _fit(ws, row + 2 + j, [(i.name, 26)])
        ws.write(row + 2 + j, 1, i.value if i.value is not None else 0, fmt.dec1)
        target = i.spec.target if isinstance(i.spec.target, float) and i.spec.better == "more" else None
        ws.write(row + 2 + j, 2, target if target is not None else "", fmt.dec1 if target is not None else fmt.text)
    chart = wb.add_chart({"type": "bar"})
    first, last = row + 2, row + 1 + len(shares)
    chart.add_series({"name": "Значение, %", "categories": [SUMMARY, first, 0, last, 0],
                      "values": [SUMMARY, first, 1, last, 1], "data_labels": {"value": True}})
    chart.set_title({"name": "Ключевые доли, %", "name_font": {"size": 11, "bold": True}})
    chart.set_legend({"none": True})
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis({"min": 0, "max": 100})
    chart.set_size({"width": 760, "height": 80 + 42 * len(shares)})
    ws.insert_chart(row, 4, chart, {"x_offset": 10, "y_offset": 5})
    blocks = [(row, last, 80 + 42 * len(shares) + 10)]
    row = last + max(3, (80 + 42 * len(shares)) // 20 - len(shares) + 2)
    ws.write(row, 0, "Период", fmt.section)
    for j, rule in enumerate(PERIOD_RULES):
        ws.merge_range(row + 1 + j, 0, row + 1 + j, 5, plain_rule(rule), fmt.plain)
        ws.set_row(row + 1 + j, 42)
    blocks.append((row, row + len(PERIOD_RULES), 0))  # the heading stays with its text
    if meta.get("alerts") is not None:
        _alerts(ws, fmt, row + len(PERIOD_RULES) + 2, meta)
    ws.set_column(0, 0, 26)
    ws.set_column(1, 1, 58)
    ws.set_column(2, 5, 14)
    ws.freeze_panes(5, 0)
    _print(ws, meta, row + len(PERIOD_RULES), blocks, xlsxprint.columns_px(ws, 0, 3) + 10 + 760)


def _group_sheet(wb, fmt, group: str, title: str, indicators, meta) -> None:
    ws = wb.add_worksheet(title)
    row = _header(ws, fmt, meta, f"Мониторинг наставничества. {title}")
    scalars = [i for i in indicators if i.group == group and not i.spec.breakdown]
    row = _indicator_table(ws, fmt, row, scalars, wide=True)
    by_code = {i.code: i for i in indicators}
    blocks: list = []
    for fig in FIGURES:  # a figure of an indicator off for the organisation's type (report.bytype) is left out
        if fig[0] == group and all(code in by_code for code, _ in fig[4]):
            row = _figure(wb, ws, fmt, title, row, fig, by_code, blocks)
    if group == "growth":  # the growth tables by direction and programme, with their chart (report.growth)
        from .growth_xlsx import write_growth

        row = write_growth(wb, ws, fmt, title, row, by_code.get("growth_respondents"), blocks, _fit)
    ws.set_column(0, 0, WIDTH_CODE)
    ws.set_column(1, 1, WIDTH_NAME)
    ws.set_column(2, 7, 12)
    ws.set_column(8, 8, WIDTH_FORMULA)
    ws.set_column(9, 9, WIDTH_NOTE)
    ws.freeze_panes(5, 2)
    width = max(xlsxprint.columns_px(ws, 0, 9), xlsxprint.columns_px(ws, 0, 3) + 10 + 620 if blocks else 0)
    _print(ws, meta, row, blocks, width)


def _print(ws, meta: dict, last_row: int, blocks: list, width_px: int) -> None:
    """A4 landscape at the scale that fits the width; the title block on every page; charts never cut."""
    scale = xlsxprint.scale_to_width(width_px)
    xlsxprint.setup_xlsxwriter(ws, repeat_rows=(0, 2))
    xlsxprint.keep_together(ws, last_row, blocks, scale, repeated=3)


def _statform_sheet(wb, fmt, sf: StatForm, meta) -> None:
    ws = wb.add_worksheet(STATFORM)
    _header(ws, fmt, meta, sf.title)
    r = 4
    ws.merge_range(r, 0, r + 1, 0, "Категория участников", fmt.head)
    ws.merge_range(r, 1, r + 1, 1, TOTAL, fmt.head)
    col = 2
    for group, cols in sf.column_groups:
        if len(cols) > 1:
            ws.merge_range(r, col, r, col + len(cols) - 1, group, fmt.head)
        else:
            ws.write(r, col, group, fmt.head)
        ws.write_row(r + 1, col, cols, fmt.head)
        col += len(cols)
    ws.set_row(r + 1, 60)
    for j, (label, values) in enumerate(sf.rows):
        ws.write(r + 2 + j, 0, label, fmt.text)
        ws.write_row(r + 2 + j, 1, values, fmt.int)
        _fit(ws, r + 2 + j, [(label, 44)])  # a long category wraps: LibreOffice does not grow the row itself
    end = r + 2 + len(sf.rows)
    for j, note in enumerate(sf.notes):
        ws.merge_range(end + 1 + j, 0, end + 1 + j, 8, plain_rule(note), fmt.plain)
        ws.set_row(end + 1 + j, 30)
    ws.set_column(0, 0, 44)
    ws.set_column(1, col, 13)
    ws.freeze_panes(r + 2, 1)
    xlsxprint.setup_xlsxwriter(ws, repeat_rows=(r, r + 1))


def report_meta(book, period, today: dt.date | None = None, region_form: str | None = None) -> dict:
    from ..checks.stalled import alerts

    org = book.org.get("full_name") or book.org.get("short_name") or ""
    from .history import compute_history

    today = today or dt.date.today()
    return {"org": org, "period": period.label, "as_of": f"{period.as_of:%d.%m.%Y}", "made": f"{today:%d.%m.%Y}",
            "history": compute_history(book, today, period),  # year over year, by the registry's rules
            "alerts": [a.text for a in alerts(book, today)],
            "site_url": book.org.get("site_url"), "region_form": region_form}  # «Для региона» (report.region)


def _alerts(ws, fmt, row: int, meta) -> int:
    """«Обратите внимание» on the summary: stalled pairs, surveys due before the end, mentors over the limit."""
    ws.write(row, 0, ALERTS, fmt.section)
    items = meta["alerts"] or ["Нет остановившихся пар, пар без анкетирования перед окончанием и наставников "
                               "сверх максимума."]
    for n, text in enumerate(items, start=1):
        ws.merge_range(row + n, 0, row + n, 5, text, fmt.plain)
        _fit(ws, row + n, [(text, 130)])
    return row + len(items) + 1


def write_report_xlsx(indicators, statform: StatForm, path, meta: dict | None = None) -> Path:
    """Write the whole report to ``path`` atomically; ``meta`` gives the organisation and period lines."""
    import xlsxwriter

    from nastavnik.base.safeio import atomic_path

    meta = meta or {"org": "", "period": statform.period, "as_of": "", "made": f"{dt.date.today():%d.%m.%Y}"}
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        fmt = _Formats(wb)
        _summary(wb, fmt, indicators, meta)
        present = {i.group for i in indicators}
        for group, title in GROUPS.items():
            if group in present:
                _group_sheet(wb, fmt, group, title, indicators, meta)
        _statform_sheet(wb, fmt, statform, meta)
        if "region_form" in meta:  # the region's form in its own order (report.region)
            from .region import DEFAULT_FORM, fill_form, load_form, write_region_sheet

            form = load_form(meta["region_form"] or DEFAULT_FORM)
            write_region_sheet(wb, fmt, form, fill_form(form, indicators, meta.get("site_url")), meta, _header)
        if meta.get("history") is not None and meta["history"].has_archive:
            from .history import write_history_sheet

            write_history_sheet(wb, fmt, meta["history"], meta, _header)
        wb.close()
    return Path(path)
