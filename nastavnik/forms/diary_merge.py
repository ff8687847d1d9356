"""A returned mentor's diary read back and merged into «План мероприятий» (``collect``).

Each line is found again in the plan by the row it came from (else by its activity and planned date) within the
diary's own programme; the diary is bound to its pair and programme by the questionnaires' check value
(``merge.Merger._bound``). A plan row is one verdict: when the curator changed any of its cells after the diary
went out, nothing of that row is written (unless ``--update``) and each changed cell is a conflict line. An
activity held outside the plan becomes a new plan row «выполнено» of the diary's programme.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.problems import col_letter
from nastavnik.workbook import parse as P
from nastavnik.workbook import vocab as v

from .diary import (
    C_ACT,
    C_ACTUAL,
    C_DIR,
    C_FORM,
    C_KEY,
    C_MARK,
    C_MOVED,
    C_NOTE,
    C_RESULT,
    C_SNAP_ACT,
    C_SNAP_ACTUAL,
    C_SNAP_PLANNED,
    C_SNAP_RESULT,
    C_SNAP_STATUS,
    DIARY_SHEET,
    EXTRA_KEY,
    HEADER,
    KIND,
    MARKS,
    NOTE_PREFIX,
)
from .lines import ADDED, CONFLICT, DUPLICATE, NOTE, REJECTED, UPDATED, Line
from .people import plain, row_values
from .xlsx_form import SERVICE_SHEET


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
    diary: bool = True  # ``Merger._bound`` speaks of a diary, not of a questionnaire


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
        wb = None
        if path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file():
            try:
                wb = _calamine(path)
            except Exception:  # noqa: BLE001 - read_source below says what is wrong with the file
                wb = None
        if wb is not None:
            with wb:
                diary = is_diary(list(wb.sheet_names))
                if diary:
                    start = len(lines)
                    try:
                        diaries.extend(read_diary(path, wb, n, lines))
                    except Exception:  # noqa: BLE001 - calamine's own errors for a broken sheet
                        lines.append(Line(REJECTED, path.name, f"Дневник «{path.name}» не читается: он повреждён. "
                                          "Откройте его в Excel или LibreOffice Calc и сохраните заново как .xlsx; "
                                          "отметки из него не перенесены, остальные файлы прочитаны."))
                    lines[start:] = as_diary(lines[start:])
            if diary:
                continue
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


def as_diary(lines: list[Line]) -> list[Line]:
    """The lines marked as a diary's: the report and the messages then say «дневник», not «анкета»."""
    from dataclasses import replace

    return [replace(line, diary=True) for line in lines]


def merge_diaries(book, diaries: list[Diary], today: dt.date, update: bool, plan) -> None:
    if diaries:
        start = len(plan.lines)
        DiaryMerger(book, today, update, plan).run(diaries)
        plan.lines[start:] = as_diary(plan.lines[start:])
