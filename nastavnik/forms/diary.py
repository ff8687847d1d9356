"""The mentor's diary: the programme's plan out to the mentor, what was done back into «План мероприятий».

``nastavnik forms --kind дневник`` writes, for each running pair or group, an
.xlsx with its programme's plan: each activity with its planned date (locked)
and cells for the mentor — the mark («выполнено», «перенесено», «не
выполнено»), the actual date, the new date of a moved activity, the result, a
note — and empty rows for activities held outside the plan. Hidden columns
keep the plan row each line came from and what the diary showed, so that
``collect`` finds the row again and tells the mentor's news from the curator's
own later edit, exactly as for questionnaires: the curator's value is kept
and reported as a conflict unless ``--update``. The hidden «Служебное» sheet
binds the diary to its pair, programme, issue date, organisation and year
with the questionnaires' check value: a diary edited to claim another pair is
a conflict and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.problems import col_letter
from nastavnik.base.safeio import atomic_path, safe_filename
from nastavnik.workbook import parse as P
from nastavnik.workbook import vocab as v

from .lines import ADDED, CONFLICT, DUPLICATE, NOTE, REJECTED, UPDATED, Line
from .people import Target, plain, row_values
from .xlsx_form import SERVICE_SHEET, _lists, _service

KIND = "дневник"
FOLDER = "Дневники наставников"
DIARY_SHEET = "Дневник"
EXTRA_ROWS = 8
MARKS = (v.ACT_DONE, v.ACT_MOVED, v.ACT_FAILED)  # the plan's own words for what the mentor reports
# Columns of the diary, 0-based. A–E show the plan (locked), F–J are the mentor's, K–P are hidden.
HEADER = ("№", "Мероприятие", "Направление", "Форма", "Плановый срок", "Отметка", "Фактическая дата",
          "Перенесено на", "Результат", "Примечание")
C_ACT, C_DIR, C_FORM, C_PLANNED, C_MARK, C_ACTUAL, C_MOVED, C_RESULT, C_NOTE = range(1, 10)
C_KEY, C_SNAP_ACT, C_SNAP_PLANNED, C_SNAP_STATUS, C_SNAP_ACTUAL, C_SNAP_RESULT = range(10, 16)
EXTRA_KEY = "вне плана"
NOTE_PREFIX = "Примечание наставника: "


@dataclass
class DiaryTarget:
    pair: str
    programme: str
    title: str | None
    mentor: str | None
    fio: str | None
    rows: list = field(default_factory=list)  # plan rows as plain dicts, in the sheet's order


def targets(book) -> list[DiaryTarget]:
    """One diary per programme of each pair or group «реализуется»."""
    pairs, progs = book.tables.get("pairs"), book.tables.get("programmes")
    if pairs is None or progs is None or pairs.empty or progs.empty or not (
            {"code", "status", "mentor"} <= set(pairs.columns) and {"code", "pair"} <= set(progs.columns)):
        return []  # a missing column is the reader's problem to name, not a traceback here
    running = pairs[pairs["status"] == v.PAIR_RUNNING].drop_duplicates("code")
    mentors = book.tables.get("mentors")
    fio_of = {} if mentors is None else {c: f for c, f in zip(mentors["code"], mentors["fio"]) if c}
    plan = book.tables.get("plan")
    out = []
    for pi in progs.index:
        prog = row_values(progs, pi)
        pair = running[running["code"] == prog.get("pair")]
        if pair.empty or not prog.get("code"):
            continue
        mentor = plain(pair.iloc[0]["mentor"])
        rows = [] if plan is None or plan.empty or "programme" not in plan.columns else [
            row_values(plan, i) for i in plan.index[plan["programme"] == prog["code"]]]
        out.append(DiaryTarget(prog["pair"], prog["code"], prog.get("title"), mentor, fio_of.get(mentor), rows))
    return out


def _mark_of(status) -> str | None:
    return status if status in MARKS else None


def _fmt(wb):
    base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
    mine = {**base, "locked": False, "bg_color": "#FFF2CC"}
    return {
        "title": wb.add_format({"bold": True, "font_size": 14, "text_wrap": True, "valign": "top"}),
        "text": wb.add_format({"text_wrap": True, "valign": "top"}),
        "info": wb.add_format({"bold": True, "valign": "top"}),
        "header": wb.add_format({**base, "bold": True, "bg_color": "#DDEBF7"}),
        "plan": wb.add_format({**base, "bg_color": "#F2F2F2"}),
        "plan_date": wb.add_format({**base, "bg_color": "#F2F2F2", "num_format": "DD.MM.YYYY", "align": "left"}),
        "mine": wb.add_format(mine),
        "mine_text": wb.add_format({**mine, "num_format": "@"}),
        "mine_date": wb.add_format({**mine, "num_format": "DD.MM.YYYY", "align": "left"}),
        "section": wb.add_format({"bold": True, "valign": "top", "text_wrap": True}),
    }


def _day(value):
    value = plain(value)
    return dt.datetime(value.year, value.month, value.day) if isinstance(value, dt.date) else None


def _list_rule(lists: dict, values, title: str) -> dict:
    name = lists.get(tuple(values))
    return {"validate": "list", "source": f"={name}" if name else list(values), "error_type": "stop",
            "error_title": title, "error_message": "Выберите значение из выпадающего списка."}


DATE_RULE = {"validate": "date", "criteria": "between", "minimum": dt.date(2000, 1, 1),
             "maximum": dt.date(2100, 1, 1), "error_type": "warning", "error_title": "Нужна дата",
             "error_message": "Дата в виде ДД.ММ.ГГГГ, например 01.12.2026."}


def write_diary(path: str | os.PathLike, target: DiaryTarget, issued: dt.date, org: str | None, book,
                year: str | None) -> Path:
    """Write one mentor's diary for one programme."""
    import xlsxwriter

    from nastavnik.workbook import schema as s
    from nastavnik.workbook.template import FIXED_CREATED, _cell_text

    path = Path(path)
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        wb.set_properties({"created": FIXED_CREATED, "title": "Дневник наставника", "comments": s.TEMPLATE_VERSION})
        f = _fmt(wb)
        ws = wb.add_worksheet(DIARY_SHEET)
        lists = _lists(wb, book)
        own = getattr(book, "lists", None) or {}
        for col, width in enumerate((4, 40, 24, 16, 12, 14, 12, 12, 30, 24)):
            ws.set_column(col, col, width)
        ws.set_column(C_KEY, C_SNAP_RESULT, 10, None, {"hidden": True})
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        title = f"Дневник наставника: программа {target.programme}" + (
            f" «{target.title}»" if target.title else "")
        ws.merge_range(0, 0, 0, C_NOTE, title, f["title"])
        ws.set_row(0, 22)
        intro = ("Отмечайте в жёлтых ячейках, что сделано: «Отметка» — выполнено, перенесено или не выполнено; "
                 "для выполненного — фактическая дата, для перенесённого — новый срок; результат (продукт "
                 "мероприятия) и примечание — по желанию. Мероприятия, проведённые вне плана, впишите в пустые "
                 "строки внизу. Сохраните файл и отправьте его куратору: он перенесёт отметки в план программы.")
        ws.merge_range(1, 0, 1, C_NOTE, intro, f["text"])
        ws.set_row(1, 48)
        who = f"Наставник: {target.fio or target.mentor or '—'}"
        ws.merge_range(2, 0, 2, C_NOTE, f"{who}; пара (группа) {target.pair}", f["info"])
        r = 4
        for j, text in enumerate(HEADER):
            ws.write_string(r, j, text, f["header"])
        ws.set_row(r, 32)
        ws.repeat_rows(r)
        mark_rule = _list_rule(lists, MARKS, "Отметка не из списка")
        r += 1
        for n, row in enumerate(target.rows, start=1):
            ws.write_number(r, 0, n, f["plan"])
            ws.write_string(r, C_ACT, _cell_text(row.get("activity")) or "", f["plan"])
            ws.write_string(r, C_DIR, _cell_text(row.get("direction")) or "", f["plan"])
            ws.write_string(r, C_FORM, _cell_text(row.get("form")) or "", f["plan"])
            planned = _day(row.get("planned_date"))
            if planned:
                ws.write_datetime(r, C_PLANNED, planned, f["plan_date"])
            else:
                ws.write_blank(r, C_PLANNED, None, f["plan_date"])
            mark = _mark_of(row.get("status"))
            ws.write(r, C_MARK, mark, f["mine"]) if mark else ws.write_blank(r, C_MARK, None, f["mine"])
            actual = _day(row.get("actual_date"))
            if actual:
                ws.write_datetime(r, C_ACTUAL, actual, f["mine_date"])
            else:
                ws.write_blank(r, C_ACTUAL, None, f["mine_date"])
            ws.write_blank(r, C_MOVED, None, f["mine_date"])
            result = _cell_text(row.get("result"))
            ws.write_string(r, C_RESULT, result, f["mine_text"]) if result else ws.write_blank(
                r, C_RESULT, None, f["mine_text"])
            ws.write_blank(r, C_NOTE, None, f["mine_text"])
            ws.data_validation(r, C_MARK, r, C_MARK, mark_rule)
            ws.data_validation(r, C_ACTUAL, r, C_MOVED, DATE_RULE)
            ws.write_string(r, C_KEY, str(row.get("_row")))
            ws.write_string(r, C_SNAP_ACT, _cell_text(row.get("activity")) or "")
            ws.write_string(r, C_SNAP_PLANNED, f"{planned:%d.%m.%Y}" if planned else "")
            ws.write_string(r, C_SNAP_STATUS, _cell_text(row.get("status")) or "")
            ws.write_string(r, C_SNAP_ACTUAL, f"{actual:%d.%m.%Y}" if actual else "")
            ws.write_string(r, C_SNAP_RESULT, result or "")
            ws.set_row(r, 15 * max(-(-len(row.get("activity") or "") // 38), -(-len(result or "") // 28),
                                   -(-len(row.get("direction") or "") // 17), 1) + 3)
            r += 1
        r += 1
        ws.merge_range(r, 0, r, C_NOTE, "Мероприятия вне плана (если проводились): название, направление, форма, "
                       "дата проведения и результат.", f["section"])
        r += 1
        for j, text in enumerate(HEADER):
            if j not in (C_PLANNED, C_MARK, C_MOVED):
                ws.write_string(r, j, text, f["header"])
            else:
                ws.write_blank(r, j, None, f["header"])
        ws.set_row(r, 32)
        r += 1
        dir_rule = _list_rule(lists, own.get("direction") or list(v.DIRECTIONS.values()), "Направление не из списка")
        form_rule = _list_rule(lists, own.get("activity_form") or v.ACTIVITY_FORMS, "Форма не из списка")
        for n in range(EXTRA_ROWS):
            ws.write_number(r, 0, len(target.rows) + n + 1, f["plan"])
            for col in (C_ACT, C_DIR, C_FORM, C_RESULT, C_NOTE):
                ws.write_blank(r, col, None, f["mine_text"])
            ws.write_blank(r, C_ACTUAL, None, f["mine_date"])
            for col in (C_PLANNED, C_MARK, C_MOVED):
                ws.write_blank(r, col, None, f["plan"])
            ws.data_validation(r, C_DIR, r, C_DIR, dir_rule)
            ws.data_validation(r, C_FORM, r, C_FORM, form_rule)
            ws.data_validation(r, C_ACTUAL, r, C_ACTUAL, DATE_RULE)
            ws.write_string(r, C_KEY, EXTRA_KEY)
            ws.set_row(r, 30)
            r += 1
        ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
        ws.activate()
        _service(wb, KIND, Target(target.pair, None, None, programme=target.programme, role=v.ROLE_MENTOR),
                 issued, org, year)
        wb.close()
    return path


def diary_name(t: DiaryTarget) -> str:
    return safe_filename(f"Дневник {t.programme} {t.pair} {t.fio or t.mentor or ''}".strip()) + ".xlsx"


def make_diaries(book, folder: Path, today: dt.date, org: str | None, year: str | None,
                 mentor: str | None = None) -> list[Path]:
    """The diaries of every running programme (of one mentor's only, when ``mentor`` is given)."""
    return [write_diary(folder / diary_name(t), t, today, org, book, year) for t in targets(book)
            if mentor is None or t.mentor == mentor]


# ---- reading back -----------------------------------------------------------------------------------------------
@dataclass
class DiaryLine:
    row: int  # row of the diary file
    key: str  # plan row (as text) or EXTRA_KEY
    values: dict  # activity, direction, form, mark, actual, moved, result, note as read
    snapshot: dict


@dataclass
class Diary:
    source: str
    code: str | None  # the pair
    programme: str | None
    role: str | None
    service: dict
    order: tuple
    org: str | None = None
    shown_code: str | None = None
    row: int | None = None  # the merge's lines say no export row for a file
    lines: list = field(default_factory=list)


def is_diary(sheet_names) -> bool:
    return SERVICE_SHEET in sheet_names and DIARY_SHEET in sheet_names


def read_diary(path: Path, wb, order: int, lines: list) -> list[Diary]:
    """One diary's lines as typed by the mentor; unreadable values become rejected lines."""
    from .answers import _grid, _service_info

    info = _service_info(wb)
    if info.get("kind") != KIND:
        lines.append(Line(REJECTED, path.name, f"Неизвестный вид формы «{info.get('kind')}»: файл не из "
                          "nastavnik forms."))
        return []
    d = Diary(path.name, info["code"], info["programme"], info["role"], info, (path.stat().st_mtime, order, 0),
              org=info["org"])
    grid = _grid(wb, DIARY_SHEET)
    if len(grid) > 2 and grid[2] and isinstance(grid[2][0], str):
        import re

        found = re.search(r"пара \(группа\) (\S+)", grid[2][0])
        d.shown_code = found.group(1).strip() if found else None
    for r, row in enumerate(grid, start=1):
        row = list(row) + [None] * (C_SNAP_RESULT + 1 - len(row))
        key = P.clean_text(row[C_KEY])
        if not key:
            continue
        vals = {"activity": P.clean_text(row[C_ACT]), "direction": P.clean_text(row[C_DIR]),
                "form": P.clean_text(row[C_FORM]), "mark": P.clean_text(row[C_MARK]),
                "result": P.clean_text(row[C_RESULT]), "note": P.clean_text(row[C_NOTE])}
        bad = False
        for name, col in (("actual", C_ACTUAL), ("moved", C_MOVED)):
            day, error = P.parse_date(row[col])
            if error:
                lines.append(Line(REJECTED, path.name, "Нужна дата в виде ДД.ММ.ГГГГ: строка не перенесена.", r,
                                  f"{HEADER[col]} ({col_letter(col + 1)})"))
                bad = True
            vals[name] = day
        if bad:
            continue
        snap = {"activity": P.clean_text(row[C_SNAP_ACT]), "planned": P.parse_date(row[C_SNAP_PLANNED])[0],
                "status": P.clean_text(row[C_SNAP_STATUS]), "actual": P.parse_date(row[C_SNAP_ACTUAL])[0],
                "result": P.clean_text(row[C_SNAP_RESULT])}
        if key == EXTRA_KEY and not any(vals[k] for k in ("activity", "actual", "result", "note")):
            continue
        d.lines.append(DiaryLine(r, key, vals, snap))
    return [d]


def read_all(sources: list[Path], today: dt.date, book=None):
    """Questionnaires and diaries of ``sources``: (answers, diaries, lines)."""
    from .answers import _calamine, read_source, source_files

    lines: list[Line] = []
    answers, diaries = [], []
    for n, path in enumerate(source_files(sources, lines)):
        if path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file():
            try:
                with _calamine(path) as wb:
                    if is_diary(list(wb.sheet_names)):
                        diaries.extend(read_diary(path, wb, n, lines))
                        continue
            except Exception:  # noqa: BLE001 - read_source says what is wrong with the file
                pass
        answers.extend(read_source(path, n, today, lines, book))
    return answers, diaries, lines


# ---- merging ----------------------------------------------------------------------------------------------------
def _same(a, b) -> bool:
    a, b = plain(a), plain(b)
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, str) and isinstance(b, str):
        return P.fold(a) == P.fold(b)
    return a == b


def _shown(value) -> str:
    value = plain(value)
    if value in (None, ""):
        return "пусто"
    return f"{value:%d.%m.%Y}" if isinstance(value, dt.date) else str(value)


class DiaryMerger:
    """Diaries into the merge plan of ``collect``: cell writes and new rows of «План мероприятий»."""

    def __init__(self, book, today: dt.date, update: bool, plan):
        self.book, self.today, self.update, self.plan = book, today, update, plan
        self.title = book.sheet_titles.get("plan", "План мероприятий")
        frame = book.tables.get("plan")
        self.frame = frame
        self.by_row = {} if frame is None or frame.empty else {
            int(r): i for r, i in zip(frame["_row"], frame.index)}
        self.titles = {}
        try:
            from nastavnik.workbook import schema as s

            self.titles = {c.key: c.title for c in s.SHEET_BY_KEY["plan"].columns}
        except (KeyError, AttributeError):
            pass

    def _line(self, status: str, d: Diary, reason: str, **kw) -> None:
        self.plan.lines.append(Line(status, d.source, reason, kw.pop("row", None), sheet=self.title,
                                    code=d.programme, **kw))

    def run(self, diaries: list[Diary]) -> None:
        from .merge import Merger

        groups: dict = {}
        for d in sorted(diaries, key=lambda x: x.order):
            ours = self.book.org.get("short_name") or self.book.org.get("full_name")
            if d.org and ours and P.fold(d.org) != P.fold(ours):
                self.plan.lines.append(Line(REJECTED, d.source, f"Дневник выдан по книге другой организации "
                                            f"(«{d.org}»): ничего не записано."))
                continue
            binder = Merger(self.book, self.today, self.update)
            if not binder._bound(d):
                self.plan.lines.extend(binder.plan.lines)
                continue
            if not self._running(d):
                continue
            groups.setdefault((d.code, d.programme), []).append(d)
        for group in groups.values():
            last = group[-1]
            for earlier in group[:-1]:
                self.plan.lines.append(Line(DUPLICATE, earlier.source, f"Повторный дневник той же программы: "
                                            f"принят более поздний («{last.source}»).", code=earlier.programme))
            self._merge(last)

    def _running(self, d: Diary) -> bool:
        progs, pairs = self.book.tables.get("programmes"), self.book.tables.get("pairs")
        known = progs is not None and not progs.empty and any(
            c == d.programme and p == d.code for c, p in zip(progs["code"], progs["pair"]))
        if not known:
            self.plan.lines.append(Line(REJECTED, d.source, f"Программы {d.programme} пары (группы) {d.code} нет в "
                                        f"книге «{self.book.name}»: дневник из другой книги или программу удалили. "
                                        "Ничего не записано.", code=d.programme))
            return False
        if pairs is not None and not (pairs.loc[pairs["code"] == d.code, "status"] == v.PAIR_RUNNING).any():
            self.plan.lines.append(Line(NOTE, d.source, f"Пара (группа) {d.code} уже не «{v.PAIR_RUNNING}», но "
                                        "отметки дневника перенесены: они о прошедших мероприятиях.",
                                        code=d.programme))
        return True

    def _find(self, d: Diary, line: DiaryLine):
        """The plan row the diary line came from: by its row, else by activity and planned date."""
        frame = self.frame
        if frame is None or frame.empty:
            return None
        idx = self.by_row.get(int(line.key)) if line.key.isdigit() else None
        if idx is not None and frame.at[idx, "programme"] == d.programme and _same(
                frame.at[idx, "activity"], line.snapshot["activity"]):
            return idx
        hits = [i for i in frame.index[frame["programme"] == d.programme]
                if _same(frame.at[i, "activity"], line.snapshot["activity"])
                and _same(frame.at[i, "planned_date"], line.snapshot["planned"])]
        return hits[0] if len(hits) == 1 else None

    def _merge(self, d: Diary) -> None:
        written = False
        for line in d.lines:
            if line.key == EXTRA_KEY:
                written |= self._extra(d, line)
            else:
                written |= self._planned(d, line)
        if not written:
            self._line(DUPLICATE, d, "Отметки дневника совпадают с планом: ничего не изменено.")

    def _where(self, line: DiaryLine, col: int) -> dict:
        return {"row": line.row, "column": f"{HEADER[col]} ({col_letter(col + 1)})"}

    def _planned(self, d: Diary, line: DiaryLine) -> bool:
        vals = line.values
        mark = vals["mark"]
        if mark is not None:
            mark = P.Choice(list(MARKS))(mark)[0]
            if mark is None:
                self._line(REJECTED, d, f"Отметка не из списка ({', '.join(MARKS)}): строка не перенесена.",
                           **self._where(line, C_MARK))
                return False
        if mark is None and not (vals["actual"] or vals["moved"] or vals["result"] or vals["note"]):
            return False
        idx = self._find(d, line)
        if idx is None:
            self._line(REJECTED, d, f"Мероприятия «{line.snapshot['activity']}» со сроком "
                       f"{_shown(line.snapshot['planned'])} больше нет в плане программы {d.programme}: отметка не "
                       "перенесена. Внесите её в план вручную.", row=line.row)
            return False
        current = row_values(self.frame, idx)
        new: dict = {}
        if mark == v.ACT_DONE:
            day = vals["actual"]
            if day is None:
                planned = plain(current.get("planned_date"))
                if planned is None or planned > self.today:
                    self._line(REJECTED, d, "Отмечено «выполнено», но не указана фактическая дата: строка не "
                               "перенесена. Укажите дату проведения.", **self._where(line, C_ACTUAL))
                    return False
                day = planned
                self._line(NOTE, d, "Фактическая дата не указана: взят плановый срок "
                           f"{planned:%d.%m.%Y}.", **self._where(line, C_ACTUAL))
            if day > self.today:
                self._line(REJECTED, d, f"Фактическая дата {day:%d.%m.%Y} позже сегодняшнего дня: строка не "
                           "перенесена.", **self._where(line, C_ACTUAL))
                return False
            new.update(status=v.ACT_DONE, actual_date=day)
        elif mark == v.ACT_MOVED:
            if vals["moved"] is None:
                self._line(REJECTED, d, "Отмечено «перенесено», но не указан новый срок в столбце «Перенесено на»: "
                           "строка не перенесена.", **self._where(line, C_MOVED))
                return False
            new.update(status=v.ACT_MOVED, planned_date=vals["moved"])
        elif mark == v.ACT_FAILED:
            new.update(status=v.ACT_FAILED)
        result = vals["result"]
        if vals["note"]:
            result = f"{result}. {NOTE_PREFIX}{vals['note']}" if result else f"{NOTE_PREFIX}{vals['note']}"
        if result:
            new["result"] = result
        snap = {"status": line.snapshot["status"], "actual_date": line.snapshot["actual"],
                "planned_date": line.snapshot["planned"], "result": line.snapshot["result"]}
        excel_row = int(current["_row"])
        writes, conflicts = [], []
        for key, value in new.items():
            old = current.get(key)
            if _same(old, value):
                continue
            col = {"status": C_MARK, "actual_date": C_ACTUAL, "planned_date": C_MOVED, "result": C_RESULT}[key]
            kw = {**self._where(line, col), "field": self.titles.get(key, key), "old": _shown(old),
                  "new": _shown(value)}
            if key not in self.book.columns.get("plan", {}):
                self._line(REJECTED, d, f"В книге нет столбца «{kw['field']}»: отметку некуда записать.", **kw)
                continue
            mine = plain(old) in (None, "") or _same(old, snap[key]) or (key == "status" and old == v.ACT_PLANNED)
            (writes if mine or self.update else conflicts).append((key, value, mine, kw))
        if conflicts:  # one row is one verdict: never a date written under the curator's other status
            for _key, _value, _mine, kw in conflicts:
                self._line(CONFLICT, d, f"Строка {excel_row} плана: в книге другое значение, внесённое куратором "
                           "после выдачи дневника; строка не перенесена, оставлены значения книги. Чтобы принять "
                           "отметку, исправьте ячейку или запустите collect с --update.", **kw)
            return True
        for key, value, mine, kw in writes:
            self.plan.writes.append(("plan", excel_row, key, value))
            self._line(UPDATED, d, f"Строка {excel_row} плана: записано со слов наставника"
                       + (" (--update)." if not mine else "."), **kw)
        return bool(writes)

    def _extra(self, d: Diary, line: DiaryLine) -> bool:
        vals = line.values
        own = getattr(self.book, "lists", None) or {}
        if not vals["activity"]:
            self._line(REJECTED, d, "В строке вне плана не указано мероприятие: строка не перенесена.",
                       **self._where(line, C_ACT))
            return False
        checks = ((C_DIR, "direction", own.get("direction") or list(v.DIRECTIONS.values())),
                  (C_FORM, "form", own.get("activity_form") or v.ACTIVITY_FORMS))
        row = {}
        for col, key, options in checks:
            value = P.Choice(list(options))(vals[key])[0] if vals[key] else None
            if value is None:
                self._line(REJECTED, d, f"Мероприятие вне плана «{vals['activity']}»: "
                           + ("не выбрано" if not vals[key] else "значение не из списка в столбце")
                           + f" «{HEADER[col]}». Строка не перенесена: выберите значение из списка.",
                           **self._where(line, col))
                return False
            row[key] = value
        day = vals["actual"]
        if day is None or day > self.today:
            self._line(REJECTED, d, f"Мероприятие вне плана «{vals['activity']}»: "
                       + ("не указана дата проведения" if day is None else
                          f"дата {day:%d.%m.%Y} позже сегодняшнего дня") + ". Строка не перенесена.",
                       **self._where(line, C_ACTUAL))
            return False
        frame = self.frame
        if frame is not None and not frame.empty and any(
                frame.at[i, "programme"] == d.programme and _same(frame.at[i, "activity"], vals["activity"])
                and _same(frame.at[i, "actual_date"], day) for i in frame.index):
            self._line(DUPLICATE, d, f"Мероприятие «{vals['activity']}» от {day:%d.%m.%Y} уже есть в плане.",
                       row=line.row)
            return False
        result = vals["result"]
        if vals["note"]:
            result = f"{result}. {NOTE_PREFIX}{vals['note']}" if result else f"{NOTE_PREFIX}{vals['note']}"
        self.plan.appends.setdefault("plan", []).append({
            "programme": d.programme, "direction": row["direction"], "activity": vals["activity"],
            "form": row["form"], "planned_date": day, "actual_date": day, "responsible": v.ROLE_MENTOR,
            "status": v.ACT_DONE, "result": result})
        self._line(ADDED, d, f"Мероприятие вне плана добавлено в план программы {d.programme}: "
                   f"«{vals['activity']}», {day:%d.%m.%Y}.", row=line.row)
        return True


def merge_diaries(book, diaries: list[Diary], today: dt.date, update: bool, plan) -> None:
    if diaries:
        DiaryMerger(book, today, update, plan).run(diaries)
