"""The books of the seams matrix: every type of organisation in every state of the year, built fast from the library.

A curator's book passes through states that one command writes and the next reads. Here each type
(школа, детский сад, колледж, центр) is taken through the year; where a command makes the next state,
the command's own output is that state (the seam):

- ``blank``      — what ``nastavnik init --type …`` writes;
- ``september``  — banks only, every mentee waiting for a pair;
- ``approved``   — the pairs approved by order, no programmes yet;
- ``running``    — the year under way (the demo itself, without surveys);
- ``may``        — the year ending: pairs past their end completed, the plan done so far, surveys in;
- ``year2``      — what ``nastavnik new-year`` wrote from ``may``, then filled in Excel (openpyxl) as a curator
  would: a carried pair completed, a mentee and a mentor leaving, new mentees, a mentor of an archived pair
  paired again;
- ``collected``  — the copy ``nastavnik collect`` wrote from forms of ``running`` that people filled;
- ``matched``    — the copy ``nastavnik match --apply`` wrote from ``september``.

``build_books(root)`` returns ``{(type, state): Built}``; the CLI steps are run in-process with CliRunner and
kept (``Built.steps``), so that the matrix asserts on them instead of running them twice.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import vocab as v
from nastavnik.workbook.organisation import column_titles
from nastavnik.workbook.samples.demo import demo_data
from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
from nastavnik.workbook.samples.synth import Size, synth_data
from nastavnik.workbook.schema import SHEET_BY_KEY
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .year import snapshots

D = dt.timedelta
TYPES = ("школа", "детский сад", "колледж", "центр")
STATES = ("blank", "september", "approved", "running", "may", "year2", "collected", "matched")
# The synthetic kindergarten and college: small, so that the matrix stays fast, but with groups, ends and stops.
SMALL = Size(mentors=9, mentees=16, pairs=10, plan=60, group_share=0.2, books=1)
MAY = dt.date(2027, 5, 20)
NEW_YEAR_DAY = dt.date(2027, 8, 25)
YEAR2_DAY = dt.date(2027, 12, 1)


@dataclass
class Step:
    """A command run while building: what a matrix cell asserts about, without running it twice."""

    command: str  # the matrix's name of the command: «new-year», «match-apply», «forms», «collect», «init»
    line: str  # the command line, for a failing test's message
    result: object  # click's Result
    out: Path | None  # the folder or file it was told to write to
    book: Path | None = None  # the book it read


@dataclass
class Built:
    """A book of one type in one state: its file, the day to judge it on, and how it was made."""

    path: Path | None  # None when a command that makes this state did not write it
    today: dt.date
    steps: list = field(default_factory=list)  # Step of each command that made it
    filled: list[str] = field(default_factory=list)  # what the curator typed (codes only)


def cli(today: dt.date, *args) -> object:
    return CliRunner().invoke(main, ["--today", f"{today:%d.%m.%Y}", *map(str, args)])


def _data(type_word: str) -> tuple[dict, dict, dict | None]:
    if type_word == "центр":
        return (*demo_data(TODAY), None)
    if type_word == "школа":
        return (*school_demo_data(TODAY), LISTS)
    return (*synth_data(SMALL, 11, TODAY, org_type=ot.find(type_word)), None)


def _end(p: dict) -> dt.date:
    return p.get("new_end") or p["planned_end"]


def _may(tables: dict, today: dt.date) -> dict:
    """The year as it stands in May when the curator kept up: ended pairs closed, the plan done up to today."""
    tables = copy.deepcopy(tables)
    ended = set()
    for p in tables["pairs"]:
        if p["status"] in (v.PAIR_APPROVED, v.PAIR_RUNNING) and _end(p) <= today:
            p.update(status=v.PAIR_DONE, actual_end=_end(p), end_reason=v.REASON_FULL)
            ended.add(p["code"])
    still = {p["mentee"] for p in tables["pairs"] if p["status"] in v.PAIR_ACTIVE}
    for m in tables["mentees"]:
        if m.get("status") == v.MENTEE_IN_PAIR and m["code"] not in still:
            m["status"] = v.MENTEE_DONE
    ended_programmes = set()
    for pr in tables["programmes"]:
        if pr["pair"] in ended:
            pr["achieved_results"] = pr.get("achieved_results") or "Программа выполнена, затруднения преодолены."
            ended_programmes.add(pr["code"])
    for a in tables["plan"]:
        if a["status"] != v.ACT_DONE and a["programme"] in ended_programmes:
            a.update(status=v.ACT_DONE, actual_date=min(a["planned_date"], today), result=a.get("result") or "выполнено")
        elif a["status"] == v.ACT_PLANNED and a["planned_date"] <= today:
            a.update(status=v.ACT_DONE, actual_date=a["planned_date"], result=a.get("result") or "выполнено")
    return tables


# ---- a curator typing into the book in Excel -------------------------------------------------------------------
@functools.cache
def _titles(sheet_key: str) -> dict[str, str]:
    """Column key by every header it may have (a typed column is titled by the book's type)."""
    return {t: c.key for c in SHEET_BY_KEY[sheet_key].columns for t in column_titles(sheet_key, c.key)}


class Sheet:
    """One sheet of a book opened with openpyxl, addressed by column key and row code (as a curator reads it)."""

    def __init__(self, wb, key: str):
        self.key = key
        self.ws = wb[SHEET_BY_KEY[key].title]
        by_title = _titles(key)
        self.col = {by_title[t]: cell.column for cell in self.ws[1]
                    if (t := str(cell.value or "").removesuffix(" *")) in by_title}

    def rows(self) -> list[int]:
        return [r for r in range(2, self.ws.max_row + 1)
                if any(self.ws.cell(r, c).value not in (None, "") for c in self.col.values())]

    def get(self, row: int, key: str):
        value = self.ws.cell(row, self.col[key]).value
        return value.date() if isinstance(value, dt.datetime) else value

    def set(self, row: int, key: str, value) -> None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day)
        cell = self.ws.cell(row, self.col[key])
        cell.value = value
        if isinstance(value, dt.datetime):
            cell.number_format = "DD.MM.YYYY"

    def find(self, key: str, value) -> list[int]:
        return [r for r in self.rows() if self.get(r, key) == value]

    def append(self, values: dict) -> int:
        row = max(self.rows(), default=1) + 1
        for key, value in values.items():
            self.set(row, key, value)
        return row


def _next_code(sheet: Sheet, prefix: str) -> str:
    codes = [str(sheet.get(r, "code")) for r in sheet.rows()]
    width = max((len(c) - len(prefix) for c in codes if c.startswith(prefix)), default=3)
    numbers = [int(c[len(prefix):]) for c in codes if c.startswith(prefix) and c[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"


NEWCOMERS = (("Новикова Анна Петровна", "ж"), ("Белых Никита Олегович", "м"))


def fill_year2(path: Path, day: dt.date) -> list[str]:
    """Year 2 as a curator types it by ``day``: returns what was done (codes only), for a test's message."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    mentors, mentees, pairs = Sheet(wb, "mentors"), Sheet(wb, "mentees"), Sheet(wb, "pairs")
    programmes, plan, archive = Sheet(wb, "programmes"), Sheet(wb, "plan"), Sheet(wb, "archive_pairs")
    done: list[str] = []
    running = [r for r in pairs.rows() if pairs.get(r, "status") in (v.PAIR_APPROVED, v.PAIR_RUNNING)]
    busy_mentors = {pairs.get(r, "mentor") for r in running}
    # 1. A carried pair completes in October: its plan is done, its mentee has completed.
    if running:
        r = running[0]
        end = max(pairs.get(r, "start") + D(days=30), dt.date(day.year, 10, 20))
        code, mentee = pairs.get(r, "code"), pairs.get(r, "mentee")
        pairs.set(r, "status", v.PAIR_DONE)
        pairs.set(r, "actual_end", end)
        pairs.set(r, "end_reason", v.REASON_FULL)
        for pr in programmes.find("pair", code):
            programmes.set(pr, "achieved_results", "Программа выполнена в полном объёме.")
            for a in plan.find("programme", programmes.get(pr, "code")):
                if plan.get(a, "status") != v.ACT_DONE:
                    plan.set(a, "status", v.ACT_DONE)
                    plan.set(a, "actual_date", min(plan.get(a, "planned_date"), end))
                    plan.set(a, "result", "выполнено")
        others = [x for x in running[1:] if pairs.get(x, "mentee") == mentee]
        for m in mentees.find("code", mentee):
            if not others:
                mentees.set(m, "status", v.MENTEE_DONE)
        done.append(f"{code} завершена {end:%d.%m.%Y}")
    # 2. A waiting mentee leaves; a mentor with no pair leaves.
    waiting = mentees.find("status", v.MENTEE_WAITING)
    if waiting:
        m = waiting[-1]
        mentees.set(m, "status", v.MENTEE_LEFT)
        mentees.set(m, "left_date", dt.date(day.year, 11, 15))
        done.append(f"{mentees.get(m, 'code')} выбыл")
    idle = [r for r in mentors.rows() if mentors.get(r, "code") not in busy_mentors
            and mentors.get(r, "status") == v.MENTOR_STATUS_ACTIVE]
    again = [archive.get(r, "mentor") for r in archive.rows()]
    idle = [r for r in idle if mentors.get(r, "code") not in again] or idle
    if len(idle) > 1:
        mentors.set(idle[-1], "status", v.MENTOR_STATUS_LEFT)
        done.append(f"{mentors.get(idle[-1], 'code')} выбыл")
    # 3. New mentees: a copy of a bank row, as a curator copies a line and types over it.
    model = mentees.rows()[0]
    new_codes = []
    for fio, sex in NEWCOMERS:
        code = _next_code(mentees, "П-")
        values = {k: mentees.get(model, k) for k in mentees.col}
        for k in ("fio_gen", "fio_dat", "fio_acc", "note", "preferred_mentor", "left_date", "birth_date"):
            values[k] = None
        added = dt.date(day.year, 10, 1)
        values.update(code=code, fio=fio, sex=sex, status=v.MENTEE_WAITING, date_added=added,
                      consent_pd="да", consent_pd_date=added, consent_publish=None, consent_publish_date=None)
        mentees.append({k: val for k, val in values.items() if k in mentees.col})
        new_codes.append(code)
        done.append(f"{code} новый")
    # 4. A mentor of an archived pair is paired again with the first newcomer (a draft pair, for the council).
    present = {mentors.get(r, "code") for r in mentors.rows() if mentors.get(r, "status") == v.MENTOR_STATUS_ACTIVE}
    archived = [r for r in archive.rows() if archive.get(r, "mentor") in present]
    if archived:
        a = archived[0]
        code = _next_code(pairs, "ПР-")
        start = dt.date(day.year, 11, 1)
        pairs.append({"code": code, "mentor": archive.get(a, "mentor"), "mentee": new_codes[0],
                      "form": archive.get(a, "form"), "kind": v.KIND_ONE_TO_ONE, "start": start,
                      "planned_end": dt.date(day.year + 1, 5, 31), "status": v.PAIR_DRAFT,
                      "mentor_consent": "да", "mentor_consent_date": start})
        for m in mentees.find("code", new_codes[0]):
            mentees.set(m, "status", v.MENTEE_IN_PAIR)
        done.append(f"{code}: {archive.get(a, 'mentor')} снова наставник")
    wb.save(path)
    return done


# ---- forms filled by people ----------------------------------------------------------------------------------
ANSWERS = {
    "запрос": {"req_ict": "да", "request_text": "Хочу освоить цифровые инструменты.", "consent": "да"},
    "наставник": {"comp_digital": "да", "max_mentees": 3, "kinds=реверсивное": "да", "consent": "да"},
    "анкета": {**{q: 8 for q in ("q_satisfaction", "q_expectations", "q_meetings", "q_relationship", "q_usefulness",
                                 "q_growth", "q_continue")},
               "date": "20.11.2026", "comment": "Спасибо наставнику & коллегам"},
}
# One kind of form per type (forms are the slowest command): together they cover every kind.
FORM_KIND = {"школа": "запрос", "детский сад": "наставник", "колледж": "запрос", "центр": "анкета"}


def fill_forms(folder: Path, kind: str, inbox: Path) -> list[Path]:
    """The first two personal forms of ``kind`` in ``folder``, answered as people do in Excel."""
    import openpyxl

    from nastavnik.forms.xlsx_form import FORM_SHEET, KEY_COL

    inbox.mkdir(parents=True, exist_ok=True)
    filled = []
    forms = sorted(p for p in (folder / f"Анкеты — {kind}").glob("*.xlsx") if not p.name.startswith("Пустая"))
    for form in forms[:2]:
        wb = openpyxl.load_workbook(form)
        ws = wb[FORM_SHEET]
        for row in ws.iter_rows(min_row=1):
            if row[KEY_COL].value in ANSWERS[kind]:
                row[1].value = ANSWERS[kind][row[KEY_COL].value]
        target = inbox / form.name
        wb.save(target)
        filled.append(target)
    return filled


# ---- the books ------------------------------------------------------------------------------------------------
def command_line(today: dt.date, args) -> str:
    return f"nastavnik --today {today:%d.%m.%Y} " + " ".join(f"«{a}»" if " " in str(a) else str(a) for a in args)


def _run(steps: list, name: str, today: dt.date, *args, out: Path | None = None, book: Path | None = None):
    result = cli(today, *args)
    steps.append(Step(name, command_line(today, args), result, out, book))
    return result


def _the_copy(out: Path, other: str) -> Path | None:
    """The one copy of the book a command wrote into ``out`` (None if it wrote none)."""
    copies = [p for p in out.rglob("*.xlsx") if other not in p.name] if out.exists() else []
    return copies[0] if len(copies) == 1 else None


def build_type(root: Path, type_word: str) -> dict[str, Built]:
    """Every state of one type's year; the books in ``root / type key``, other outputs in ``root / работа``."""
    key = ot.find(type_word).key
    folder = root / "книги"  # every book of every type: the folder consolidate reads
    work = root / "работа" / key  # outputs that are not books stay outside it
    folder.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True)
    org, tables, lists = _data(type_word)
    snaps = snapshots(org, tables, TODAY)
    books: dict[str, Built] = {}

    blank = books["blank"] = Built(folder / f"{key} blank.xlsx", org["period_start"])
    _run(blank.steps, "init", blank.today, "init", blank.path, "--type", type_word, out=blank.path)

    for state, snap in (("september", "banks"), ("approved", "approved"), ("running", "running")):
        o, t, day = snaps[snap]
        books[state] = Built(write_workbook(folder / f"{key} {state}.xlsx", o, t, lists), day)

    o, t, _ = snaps["surveys"]
    books["may"] = Built(write_workbook(folder / f"{key} may.xlsx", o, _may(t, MAY), lists), MAY)

    year2 = books["year2"] = Built(folder / f"{key} year2.xlsx", YEAR2_DAY)
    _run(year2.steps, "new-year", NEW_YEAR_DAY, "new-year", books["may"].path, "--out", year2.path, out=year2.path,
         book=books["may"].path)
    if year2.path.exists():
        year2.filled = fill_year2(year2.path, YEAR2_DAY)
    else:
        year2.path = None

    running = books["running"]
    collected = books["collected"] = Built(None, running.today)
    forms = work / "анкеты"
    kind = FORM_KIND[type_word]
    _run(collected.steps, "forms", running.today, "forms", running.path, "--kind", kind, "--out", forms, out=forms,
         book=running.path)
    answers = work / "ответы"
    fill_forms(forms, kind, answers)
    _run(collected.steps, "collect", running.today, "collect", running.path, answers, "--out", work / "сбор",
         out=work / "сбор", book=running.path)
    copy_ = _the_copy(work / "сбор", "Отчёт")
    if copy_ is not None:
        collected.path = Path(shutil.copy2(copy_, folder / f"{key} collected.xlsx"))

    sept = books["september"]
    matched = books["matched"] = Built(None, sept.today)
    _run(matched.steps, "match-apply", sept.today, "match", sept.path, "--apply", "--out", work / "подбор",
         out=work / "подбор", book=sept.path)
    copy_ = _the_copy(work / "подбор", "Предложения")
    if copy_ is not None:
        matched.path = Path(shutil.copy2(copy_, folder / f"{key} matched.xlsx"))
    assert tuple(books) == STATES
    return books


def build_books(root: Path) -> dict[tuple[str, str], Built]:
    """{(type, state): Built} for every type; every book in ``root / книги``."""
    return {(t, state): built for t in TYPES for state, built in build_type(root, t).items()}


def answers_of(root: Path, type_word: str) -> Path:
    """The folder of forms people filled for the type's ``running`` book (issued by ``forms``)."""
    return root / "работа" / ot.find(type_word).key / "ответы"
