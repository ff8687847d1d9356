"""Year-over-year figures from the archive sheets: what the tool remembers after ``nastavnik new-year``.

The regulation's own aim (п. 2.1, 2.2) is that young teachers stay in the profession, so the figure that
matters most is retention: of the mentees who completed a programme in a year, how many were still in the
organisation a year after its end. The archive knows who completed (``archive_pairs``) and who left the
banks and when (``archive_leavers``); the current banks know who is still here. Beside it: mentors who
mentored again (a mentor of a year who had a pair in an earlier year) and programmes per year.

A pair belongs to the year in which it ended (the year of its archive row), or to the current year while it
is on the pairs sheet; a pair carried over into a second year is therefore counted once.
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
    completed: int = 0  # mentees who completed a programme that year
    retained: int = 0  # … of them not gone within a year of the end
    waiting_year: int = 0  # … of the retained, those whose year has not yet passed
    students: int = 0  # mentees who are students or trainees from outside (not on the staff)
    survey_mean: float | None = None  # mean of every score in that year's survey forms, both roles
    staff: int | None = None  # «Число педагогических работников» of «Организация» (the current figure)
    current: bool = False

    @property
    def staff_share(self) -> float | None:
        """Mentors and mentees of the staff (not students) over the staff count, %; the count is today's."""
        if not self.staff:
            return None
        return round(100.0 * (self.mentors + self.mentees - self.students) / self.staff, 1)

    @property
    def retention(self) -> float | None:
        return round(100.0 * self.retained / self.completed, 1) if self.completed else None

    @property
    def provisional(self) -> bool:
        return self.waiting_year > 0


@dataclass
class History:
    rows: list[YearRow] = field(default_factory=list)
    archive_years: list[str] = field(default_factory=list)

    @property
    def has_archive(self) -> bool:
        return bool(self.archive_years)

    def to_dict(self) -> dict:
        return {"years": [{**r.__dict__, "retention": r.retention, "provisional": r.provisional,
                           "staff_share": r.staff_share} for r in self.rows]}

    @property
    def trend(self) -> bool:
        """Whether there are two years or more to draw a trend through."""
        return len(self.rows) >= 2


def _first(year: str) -> int:
    m = re.match(r"\s*(\d{4})", year or "")
    return int(m.group(1)) if m else 0


def _date(x) -> dt.date | None:
    import pandas as pd

    if x is None or x is pd.NaT or (isinstance(x, float) and x != x):
        return None
    try:
        return pd.Timestamp(x).date()
    except (TypeError, ValueError):
        return None


def _table(book, key: str):
    from nastavnik.workbook.reader import empty_table

    frame = book.tables.get(key)
    return empty_table(key) if frame is None else frame


def _pairs_by_year(book, current: str):
    """(year, pair rows) with the archive's years and the current sheet as the current year."""
    import pandas as pd

    archive = _table(book, "archive_pairs")
    pairs = _table(book, "pairs")
    pairs = pairs[pairs["status"] != v.PAIR_DRAFT].assign(year=current)
    both = pd.concat([archive[archive["year"].notna()], pairs], ignore_index=True)
    return both


def compute_history(book, today: dt.date) -> History:
    """Figures for every year of the archive and the current one, oldest first."""
    current = book.org.get("academic_year") if isinstance(book.org.get("academic_year"), str) else "текущий"
    pairs = _pairs_by_year(book, current)
    programmes = _programmes_by_year(book, current)
    years = sorted({y for y in pairs["year"] if isinstance(y, str)} | set(programmes) | {current}, key=_first)
    archive_years = sorted({y for key in ("archive_pairs", "archive_programmes", "archive_leavers")
                            for y in _table(book, key)["year"] if isinstance(y, str)}, key=_first)
    left_on = _leaving_dates(book)
    present = {c for c in _table(book, "mentees")["code"] if isinstance(c, str)}
    seen_mentors: set[str] = set()
    staff = book.org.get("staff_count") if isinstance(book.org.get("staff_count"), int) else None
    scores = _survey_means(book, current)
    mentees_bank = _table(book, "mentees")
    student_codes = set(mentees_bank.loc[(mentees_bank["category"] == v.MENTEE_STUDENT).to_numpy(), "code"].dropna())
    rows = []
    for year in years:
        sub = pairs[pairs["year"] == year]
        row = YearRow(year, current=year == current, staff=staff, survey_mean=scores.get(year))
        in_year = {c for c in sub["mentee"] if isinstance(c, str)}
        by_form = {c for c in sub.loc[(sub["form"] == v.FORM_STUDENT).to_numpy(), "mentee"] if isinstance(c, str)}
        row.students = len(in_year & (student_codes | by_form))
        row.pairs = sub["code"].nunique()
        mentors = {c for c in sub["mentor"] if isinstance(c, str)}
        row.mentors, row.mentors_again = len(mentors), len(mentors & seen_mentors)
        seen_mentors |= mentors
        row.mentees = sub["mentee"].nunique()
        done, stopped, total = programmes.get(year, (0, 0, 0))
        row.programmes, row.programmes_done, row.programmes_stopped = total, done, stopped
        ends: dict[str, dt.date | None] = {}
        for rec in sub[sub["status"] == v.PAIR_DONE].itertuples(index=False):
            if isinstance(rec.mentee, str):
                end = _date(rec.actual_end) or _date(rec.new_end) or _date(rec.planned_end)
                ends[rec.mentee] = max([d for d in (ends.get(rec.mentee), end) if d], default=None)
        row.completed = len(ends)
        for code, end in ends.items():
            gone = _gone_within_year(code, end, left_on, present)
            if not gone:
                row.retained += 1
                if end is None or today < year_mark(end):
                    row.waiting_year += 1
        rows.append(row)
    return History(rows, archive_years)


def _survey_means(book, current: str) -> dict[str, float]:
    """Year → mean of every score in that year's forms (the archive's years and the sheet's current one)."""
    import pandas as pd

    qs = list(v.SURVEY_QUESTIONS)
    now = _table(book, "surveys").assign(year=current)
    both = pd.concat([_table(book, "archive_surveys"), now], ignore_index=True)
    both = both[both["year"].map(lambda y: isinstance(y, str)).astype(bool)]
    out = {}
    for year, part in both.groupby("year"):
        flat = part[qs].apply(pd.to_numeric, errors="coerce").stack().dropna()
        if len(flat):
            out[year] = round(float(flat.mean()), 2)
    return out


def year_mark(end: dt.date) -> dt.date:
    """The same day a year later (29 February → 28 February), as the monitoring indicator counts it."""
    try:
        return end.replace(year=end.year + 1)
    except ValueError:
        return end.replace(year=end.year + 1, day=28)


def _gone_within_year(code: str, end: dt.date | None, left_on: dict, present: set) -> bool:
    """A known date of leaving on or before the day a year after the programme's end.

    The rule of the indicator «retention_share»: only a recorded date of leaving counts as leaving.
    """
    left = left_on.get(code)
    if left is None or end is None:
        return False
    return left <= year_mark(end)


def archive_last_ends(tables, last_end):
    """``last_end`` (mentee → latest actual end) joined with the archived pairs of past years."""
    import pandas as pd

    archive = tables.get("archive_pairs")
    if archive is None or archive.empty:
        return last_end
    archive = archive[(archive["status"] != v.PAIR_DRAFT) & archive["actual_end"].notna()].dropna(subset=["mentee"])
    if archive.empty:
        return last_end
    both = pd.concat([last_end, archive.groupby("mentee")["actual_end"].max()])
    return both.groupby(level=0).max()


def archive_left_dates(tables):
    """Mentee code → date of leaving recorded on «Архив выбывших» (people new-year took out of the bank)."""
    from nastavnik.workbook import schema as s

    leavers = tables.get("archive_leavers")
    if leavers is None or leavers.empty:
        return None
    leavers = leavers[(leavers["bank"] == s.MENTEES.title) & leavers["left_date"].notna()]
    return leavers.groupby("code")["left_date"].min()


def _leaving_dates(book) -> dict[str, dt.date | None]:
    """Mentee code → date of leaving the organisation: from the leavers' archive and the current bank."""
    from nastavnik.workbook import schema as s

    out: dict[str, dt.date | None] = {}
    leavers = _table(book, "archive_leavers")
    for rec in leavers.itertuples(index=False):
        if isinstance(rec.code, str) and rec.bank == s.MENTEES.title:
            out[rec.code] = _date(rec.left_date)
    mentees = _table(book, "mentees")
    for rec in mentees[mentees["left_date"].notna()].itertuples(index=False):
        if isinstance(rec.code, str):
            out[rec.code] = _date(rec.left_date)
    return out


def _programmes_by_year(book, current: str) -> dict[str, tuple[int, int, int]]:
    """Year → (completed, stopped early, all) programmes, by their pair's status."""
    out: dict[str, list[int]] = {}
    for key, pair_key, fixed in (("archive_programmes", "archive_pairs", None), ("programmes", "pairs", current)):
        progs = _table(book, key)
        pairs = _table(book, pair_key)
        status_of = {}
        for rec in pairs.itertuples(index=False):
            y = fixed or rec.year
            status_of.setdefault((y, rec.code), rec.status)
        for rec in progs.itertuples(index=False):
            y = fixed or rec.year
            if not isinstance(y, str):
                continue
            status = status_of.get((y, rec.pair))
            if fixed and status == v.PAIR_DRAFT:
                continue
            c = out.setdefault(y, [0, 0, 0])
            c[0] += status == v.PAIR_DONE
            c[1] += status == v.PAIR_STOPPED
            c[2] += 1
    return {y: tuple(c) for y, c in out.items()}


HEADERS = ["Учебный год", "Пары и группы", "Наставники", "из них наставничали в прошлые годы", "Наставляемые",
           "Программы", "завершены", "прекращены досрочно", "Завершили программу, чел.",
           "Остались в организации через год, чел.", "Доля оставшихся, %",
           "Охват педагогических работников, %", "Средняя оценка в анкетах, балл", "Пометка"]
SHARE_COL, STAFF_COL, SCORE_COL = 10, 11, 12  # columns of HEADERS whose empty value is a gap, not a zero


def table_rows(history: History) -> list[list]:
    out = []
    for r in history.rows:
        share = "—" if r.retention is None else r.retention
        label = r.year + (" (текущий)" if r.current else "")
        out.append([label, r.pairs, r.mentors, r.mentors_again, r.mentees, r.programmes, r.programmes_done,
                    r.programmes_stopped, r.completed, r.retained, share,
                    "—" if r.staff_share is None else r.staff_share, "—" if r.survey_mean is None else r.survey_mean,
                    "предварительно" if r.provisional else "" if r.completed else "никто не завершил"])
    return out


NOTES = (
    "Пара (группа) относится к учебному году, в котором она завершилась (лист «Архив пар»), а текущая — к "
    "текущему году; пара, продолженная на второй год, считается один раз.",
    "Остались через год: завершившие программу, у кого нет даты увольнения раньше того же дня через год после "
    "её окончания или в этот день (даты — из банка наставляемых и с листа «Архив выбывших»), как в показателе "
    "«Закрепление наставляемых через год после программы».",
    "Доля с пометкой «предварительно»: у части завершивших год после окончания программы ещё не прошёл — они "
    "пока считаются оставшимися.",
    "Наставничали в прошлые годы: наставники года, у которых была пара (группа) в одном из прежних лет архива.",
    "Охват педагогических работников: наставники и наставляемые года, кроме студентов и стажёров, от нынешнего "
    "«Числа педагогических работников» (лист «Организация»; прежних значений книга не хранит). Средняя оценка — "
    "среднее всех оценок в анкетах года (лист «Анкетирование» и «Архив анкет»).",
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
            f = (fmt.text if isinstance(value, str) else fmt.dec1 if k in (SHARE_COL, STAFF_COL)
                 else fmt.dec2 if k == SCORE_COL else fmt.int)
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
                     "values": [title, first, 10, last, 10], "marker": {"type": "circle", "size": 6},
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
