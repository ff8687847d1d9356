"""Year-over-year figures: what the tool remembers after ``nastavnik new-year``, read with the registry's rules.

Each row of «История» is the monitoring of one academic year: the indicators of the registry (``compute.py``)
computed for that year as a period — the archive's years from 1 September to 31 August, the current year as the
report's own period. So a figure of «История» is, by construction, the same number as in «Мониторинг.xlsx», the
analytic report and the site for the same period and date. A pair belongs to every academic year it was active in;
a survey and an event to the year of their date.

The regulation's own aim (п. 2.1, 2.2) is that young teachers stay in the profession: the row's retention is the
indicator «Закрепление наставляемых через год после программы» of that year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from nastavnik.workbook import vocab as v


@dataclass
class YearRow:
    year: str
    pairs: int = 0
    mentors: int = 0
    mentors_again: int = 0
    mentees: int = 0
    programmes: int = 0
    programmes_done: int = 0
    programmes_stopped: int = 0
    completed: int = 0  # mentees who completed a programme in full that year
    measured: int = 0  # mentees whose year after completing ended that year
    retained: int = 0  # … of them not gone within that year
    retention: float | None = None
    staff_share: float | None = None  # distinct staff in pairs over «Число педагогических работников», %
    survey_mean: float | None = None  # mean of every score in that year's survey forms, both roles
    period: str = ""
    current: bool = False
    provisional: bool = False  # the year is not over on the report date: its figures may still change


@dataclass
class History:
    rows: list[YearRow] = field(default_factory=list)
    archive_years: list[str] = field(default_factory=list)

    @property
    def has_archive(self) -> bool:
        return bool(self.archive_years)

    def to_dict(self) -> dict:
        return {"years": [dict(r.__dict__) for r in self.rows]}

    @property
    def trend(self) -> bool:
        """Whether there are two years or more to draw a trend through."""
        return len(self.rows) >= 2


def _first(year: str) -> int:
    m = re.match(r"\s*(\d{4})\s*[/\-–]\s*(\d{4})\s*$", year or "")
    return int(m.group(1)) if m and int(m.group(2)) == int(m.group(1)) + 1 else 0


def _table(book, key: str):
    from nastavnik.workbook.reader import empty_table

    frame = book.tables.get(key)
    return empty_table(key) if frame is None else frame


def year_row(book, year: str, start: dt.date, end: dt.date, today: dt.date, current: bool = False) -> YearRow:
    """One row: the registry's indicators for the period [start; end] on ``today``."""
    from .frames import Period
    from .indicators import compute_indicators

    d = {i.code: i for i in compute_indicators(book, start, end, today)}

    def val(code, part="value"):
        x = d.get(code)
        return None if x is None else getattr(x, part)

    ret = d.get("retention_share")
    return YearRow(
        year, pairs=(val("pairs_total") or 0) + (val("groups_total") or 0), mentors=val("mentors_active") or 0,
        mentors_again=val("mentors_again") or 0, mentees=val("mentees_active") or 0,
        programmes=int(val("units_with_programme_share", "numerator") or 0),
        programmes_done=val("programmes_completed") or 0, programmes_stopped=val("programmes_ended_early") or 0,
        completed=val("mentees_completed") or 0, measured=val("retention_measured") or 0,
        retained=int(ret.numerator or 0) if ret is not None else 0, retention=val("retention_share"),
        staff_share=val("staff_share_participants"), survey_mean=val("survey_mean"),
        period=Period(start, end, today).label, current=current, provisional=Period(start, end, today).as_of < end)


def compute_history(book, today: dt.date, period=None) -> History:
    """Figures for every year of the archive and the current one, oldest first.

    ``period`` is the report's period (``frames.Period``); without it, the book's own (``period_of_book``)."""
    from .indicators import period_of_book

    period = period or period_of_book(book, today)
    archive_years = sorted({y for key in ("archive_pairs", "archive_programmes", "archive_leavers", "archive_surveys")
                            for y in _table(book, key)["year"] if isinstance(y, str) and _first(y)}, key=_first)
    named = book.org.get("academic_year")
    current = named if isinstance(named, str) and _first(named) == period.start.year - (period.start.month < 9) \
        else (f"{period.start.year}/{period.start.year + 1}" if period.start.month >= 9
              else f"{period.start.year - 1}/{period.start.year}")
    rows = []
    if archive_years:  # every year from the first of the archive: a year between is a year too, if an empty one
        years = [f"{y}/{y + 1}" for y in range(_first(archive_years[0]), period.start.year + 1)]
        archive_years = sorted(set(archive_years) | set(years), key=_first)
    for year in archive_years:
        first = _first(year)
        start, end = dt.date(first, 9, 1), dt.date(first + 1, 8, 31)
        end = min(end, period.start - dt.timedelta(days=1))
        if year == current or end < start:
            continue
        rows.append(year_row(book, year, start, end, today))
    rows.append(year_row(book, current, period.start, period.end, today, current=True))
    return History(rows, archive_years)


def year_mark(end: dt.date) -> dt.date:
    """The same day a year later (29 February → 28 February), as the monitoring indicator counts it."""
    try:
        return end.replace(year=end.year + 1)
    except ValueError:
        return end.replace(year=end.year + 1, day=28)


HEADERS = ["Учебный год", "Пары и группы", "Наставники", "из них наставничали в прошлые годы", "Наставляемые",
           "Программы", "завершены в полном объёме", "прекращены досрочно", "Завершили программу, чел.",
           "Год после программы истёк, чел.", "Остались в организации через год, чел.", "Доля оставшихся, %",
           "Охват педагогических работников, %", "Средняя оценка в анкетах, балл", "Пометка"]
SHARE_COL, STAFF_COL, SCORE_COL = 11, 12, 13  # columns of HEADERS whose empty value is a gap, not a zero


def table_rows(history: History) -> list[list]:
    out = []
    for r in history.rows:
        share = "—" if r.retention is None else r.retention
        label = r.year + (" (текущий)" if r.current else "")
        out.append([label, r.pairs, r.mentors, r.mentors_again, r.mentees, r.programmes, r.programmes_done,
                    r.programmes_stopped, r.completed, r.measured, r.retained, share,
                    "—" if r.staff_share is None else r.staff_share, "—" if r.survey_mean is None else r.survey_mean,
                    ("год не окончен" if r.provisional else "")])
    return out


NOTES = (
    "Каждая строка — показатели мониторинга за учебный год (с 1 сентября по 31 августа; текущий — за период "
    "отчёта), посчитанные по тем же определениям, что и листы этого отчёта (docs/indicators.md): пара (группа) "
    "относится к каждому году, в котором работала, поэтому пара, продолженная на второй год, есть в обоих; "
    "анкета — к году своей даты.",
    "Завершили программу — наставляемые пар и групп, завершённых в полном объёме в этом году. Год после "
    "программы истёк — завершившие программу в полном объёме, у которых в этом году прошёл год после её "
    "окончания; остались — те из них, у кого нет даты увольнения раньше этого дня или в этот день (показатель "
    "«Закрепление наставляемых через год после программы»).",
    "Наставничали в прошлые годы: наставники года, у которых была пара (группа), начавшая работу до начала года.",
    "Охват педагогических работников: разные наставники и наставляемые года, кроме студентов и стажёров, от "
    "нынешнего «Числа педагогических работников» (лист «Организация»; прежних значений книга не хранит). Средняя "
    "оценка — среднее всех оценок в анкетах года (лист «Анкетирование» и «Архив анкет»).",
    "Пометка «год не окончен»: показатели текущего года — на дату отчёта и ещё изменятся.",
)


def write_history_sheet(wb, fmt, history: History, meta: dict, header) -> None:
    """The «История» sheet of «Мониторинг.xlsx»: the table by year and three trend charts drawn from it.

    Printed on A4 landscape one page wide with narrow wrapped columns, its title and header rows on every page,
    and each chart kept whole on its page (``xlsxprint.keep_together``)."""
    from nastavnik.base import xlsxprint
    title = "История"
    ws = wb.add_worksheet(title)
    row = header(ws, fmt, meta, "Показатели по учебным годам (из архива)")
    ws.write_row(row, 0, HEADERS, fmt.head)
    ws.set_row(row, 80)
    head_row = row
    first = row + 1
    for j, values in enumerate(table_rows(history)):
        for k, value in enumerate(values):
            if value == "—" and k in (SHARE_COL, STAFF_COL, SCORE_COL):  # a gap in the trend line, not a zero
                ws.write_blank(first + j, k, None, fmt.text)
                continue
            f = (fmt.text if isinstance(value, str) else fmt.dec1 if k in (SHARE_COL, STAFF_COL, SCORE_COL)
                 else fmt.int)
            ws.write(first + j, k, value, f)
    last = first + len(history.rows) - 1
    row = last + 2
    for note in NOTES:
        ws.merge_range(row, 0, row, len(HEADERS) - 1, note, fmt.plain)
        ws.set_row(row, 30)
        row += 1
    ws.set_column(0, 0, 14)  # narrow: the 14 columns print one page wide at 8 pt or more
    ws.set_column(1, SCORE_COL, 9.5)
    ws.set_column(4, 4, 11)  # «Наставляемые» and «педагогических» unbroken
    ws.set_column(STAFF_COL, STAFF_COL, 12)
    ws.set_column(SCORE_COL + 1, SCORE_COL + 1, 12.5)
    ws.freeze_panes(first, 1)
    chart = wb.add_chart({"type": "column"})
    for k, name in ((1, "Пары и группы"), (2, "Наставники"), (4, "Наставляемые"), (5, "Программы")):
        chart.add_series({"name": name, "categories": [title, first, 0, last, 0],
                          "values": [title, first, k, last, k], "data_labels": {"value": True}})
    chart.set_title({"name": "Участники и программы по учебным годам", "name_font": {"size": 11, "bold": True}})
    chart.set_legend({"position": "bottom"})
    chart.set_y_axis({"min": 0, "num_format": "0"})
    chart.set_size({"width": 620, "height": 320})
    ws.insert_chart(row + 1, 0, chart, {"x_offset": 5, "y_offset": 5})
    line = wb.add_chart({"type": "line"})
    line.add_series({"name": "Доля оставшихся через год, %", "categories": [title, first, 0, last, 0],
                     "values": [title, first, SHARE_COL, last, SHARE_COL], "marker": {"type": "circle", "size": 6},
                     "data_labels": {"value": True}})
    line.set_title({"name": "Доля завершивших программу, оставшихся в организации через год, %",
                    "name_font": {"size": 11, "bold": True}})
    line.set_legend({"none": True})
    line.set_y_axis({"min": 0, "max": 100})
    line.set_size({"width": 620, "height": 320})
    ws.insert_chart(row + 18, 0, line, {"x_offset": 5, "y_offset": 5})
    cover = wb.add_chart({"type": "line"})
    cover.add_series({"name": "Охват педагогических работников, %", "categories": [title, first, 0, last, 0],
                      "values": [title, first, STAFF_COL, last, STAFF_COL], "marker": {"type": "circle", "size": 6},
                      "data_labels": {"value": True}})
    score = wb.add_chart({"type": "line"})
    score.add_series({"name": "Средняя оценка в анкетах, балл", "categories": [title, first, 0, last, 0],
                      "values": [title, first, SCORE_COL, last, SCORE_COL], "y2_axis": True,
                      "marker": {"type": "square", "size": 6}, "data_labels": {"value": True, "num_format": "0.0"}})
    cover.combine(score)
    cover.set_title({"name": "Охват педагогических работников (%) и средняя оценка в анкетах (балл)",
                     "name_font": {"size": 11, "bold": True}})
    cover.set_legend({"position": "bottom"})
    cover.set_y_axis({"min": 0, "max": 100, "name": "%"})
    score.set_y2_axis({"min": 0, "max": v.SURVEY_SCALE[1], "name": "балл"})
    cover.set_size({"width": 620, "height": 320})
    ws.insert_chart(row + 35, 0, cover, {"x_offset": 5, "y_offset": 5})
    xlsxprint.setup_xlsxwriter(ws, repeat_rows=(0, head_row))
    blocks = [(row + 1 + 17 * k, row + 16 + 17 * k, 330) for k in range(3)]
    scale = xlsxprint.scale_to_width(xlsxprint.columns_px(ws, 0, len(HEADERS) - 1))
    xlsxprint.keep_together(ws, row + 52, blocks, scale, repeated=head_row + 1)
