"""The mentor's diary (issue 31 point 1): the plan goes out, what the mentor marked comes back into the plan.

Diaries are made by the library for the demo, filled in code as a mentor fills them in Excel (openpyxl types into
the yellow cells), and collected into a copy of the workbook; the copy is read and checked again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.checks.stalled import stalled
from nastavnik.cli import main
from nastavnik.forms import collect, make_forms
from nastavnik.forms.diary import (
    C_ACT,
    C_ACTUAL,
    C_DIR,
    C_FORM,
    C_KEY,
    C_MARK,
    C_MOVED,
    C_NOTE,
    C_RESULT,
    DIARY_SHEET,
    EXTRA_KEY,
)
from nastavnik.forms.lines import ADDED, CONFLICT, UPDATED
from nastavnik.forms.xlsx_form import SERVICE_SHEET
from nastavnik.workbook.reader import read_workbook

from .conftest import TODAY


def _stall_pr001(org, tables):
    """ПР-001's only done activity becomes a planned one inside the last 30 days: the pair is stalled."""
    first = tables["plan"][0]
    assert first["programme"] == "ПП-001"
    first.update(planned_date=dt.date(2026, 11, 10), status="запланировано", actual_date=None, result=None)
    for row in tables["plan"]:  # ПР-002 met on 20.11: only ПР-001 is stalled (nothing done for 30 days)
        if row["programme"] == "ПП-002" and row["status"] == "выполнено":
            row["actual_date"] = dt.date(2026, 11, 20)


@pytest.fixture
def stalled_book(make_book):
    return make_book(_stall_pr001)


def diaries(book, out: Path) -> dict[str, Path]:
    result = make_forms(book, "дневник", out, TODAY)
    return {p.name.split()[1]: p for p in result.personal}


def fill(path: Path, rows: dict, extra: list[dict] = ()) -> None:
    """``rows``: plan activity text → {column: value}; ``extra``: rows typed below the plan."""
    wb = openpyxl.load_workbook(path)
    ws = wb[DIARY_SHEET]
    seen, free = set(), []
    for row in ws.iter_rows(min_row=1):
        key = row[C_KEY].value
        if key == EXTRA_KEY:
            free.append(row)
        elif key and row[C_ACT].value in rows and row[C_ACT].value not in seen:
            seen.add(row[C_ACT].value)
            for col, value in rows[row[C_ACT].value].items():
                row[col].value = value
    assert seen == set(rows)
    for row, values in zip(free, extra):
        for col, value in values.items():
            row[col].value = value
    wb.save(path)


def plan_rows(book, programme: str) -> list[dict]:
    frame = book.tables["plan"]
    return [dict(r) for _, r in frame[frame["programme"] == programme].iterrows()]


def test_a_diary_per_running_programme_shows_its_plan(demo_book, tmp_path):
    made = diaries(demo_book, tmp_path)
    assert sorted(made) == ["ПП-001", "ПП-002", "ПП-003", "ПП-004", "ПП-009"]  # the five pairs «реализуется»
    ws = openpyxl.load_workbook(made["ПП-003"])[DIARY_SHEET]
    shown = [(r[C_ACT].value, r[4].value.date()) for r in ws.iter_rows(min_row=6) if r[C_KEY].value
             and r[C_KEY].value != EXTRA_KEY]
    assert shown == [(r["activity"], r["planned_date"].date()) for r in plan_rows(demo_book, "ПП-003")]
    assert sum(1 for r in ws.iter_rows() if r[C_KEY].value == EXTRA_KEY) >= 5
    assert ws.protection.sheet and not ws.cell(6, C_MARK + 1).protection.locked  # only the mentor's cells open
    assert "Никитина Татьяна Юрьевна" in ws.cell(3, 1).value and "ПР-003" in ws.cell(3, 1).value
    from docx import Document

    printed = Document(made["ПП-003"].with_suffix(".docx"))
    cells = [[c.text for c in row.cells] for row in printed.tables[0].rows]
    assert [(r[1], r[2]) for r in cells[1:7]] == [(r["activity"], f"{r['planned_date']:%d.%m.%Y}")
                                                  for r in plan_rows(demo_book, "ПП-003")]


def test_filled_diaries_land_in_the_right_plan_rows_and_unstall_the_pair(stalled_book, tmp_path):
    assert [a.subject for a in stalled(stalled_book, TODAY)] == ["ПР-001"]
    made = diaries(stalled_book, tmp_path / "out")
    fill(made["ПП-001"], {
        "Разработка учебного проекта для объединения": {C_MARK: "выполнено", C_ACTUAL: dt.datetime(2026, 11, 12),
                                                       C_RESULT: "проект «Умный дом»"},
    }, extra=[{C_ACT: "Взаимопосещение занятий", C_DIR: "методические", C_FORM: "мастер-класс",
               C_ACTUAL: dt.datetime(2026, 11, 20), C_NOTE: "по просьбе наставляемого"}])
    fill(made["ПП-004"], {"Составление плана занятия и дополнительной общеразвивающей программы":
                          {C_MARK: "перенесено", C_MOVED: dt.datetime(2026, 12, 19)}})
    result = collect(stalled_book, [made["ПП-001"], made["ПП-004"]], tmp_path / "copy", TODAY)
    assert result.copy is not None
    statuses = [line.status for line in result.lines]
    assert statuses.count(ADDED) == 1 and CONFLICT not in statuses

    copy = read_workbook(result.copy, today=TODAY)
    before, after = plan_rows(stalled_book, "ПП-001"), plan_rows(copy, "ПП-001")
    assert after[0]["_row"] == before[0]["_row"]
    assert (after[0]["status"], after[0]["actual_date"].date(), after[0]["result"]) == (
        "выполнено", dt.date(2026, 11, 12), "проект «Умный дом»")
    assert [r["status"] for r in after[1:len(before)]] == [r["status"] for r in before[1:]]  # the rest untouched
    extra = after[-1]
    assert len(after) == len(before) + 1
    assert (extra["activity"], extra["status"], extra["actual_date"].date(), extra["direction"]) == (
        "Взаимопосещение занятий", "выполнено", dt.date(2026, 11, 20), "методические")
    assert "по просьбе наставляемого" in extra["result"]
    moved = [r for r in plan_rows(copy, "ПП-004") if r["status"] == "перенесено"]
    assert [(r["activity"], r["planned_date"].date()) for r in moved] == [
        ("Составление плана занятия и дополнительной общеразвивающей программы", dt.date(2026, 12, 19))]
    assert plan_rows(copy, "ПП-002") == plan_rows(stalled_book, "ПП-002")  # another pair's plan is not touched

    assert stalled(copy, TODAY) == []
    assert read_workbook(stalled_book.path, today=TODAY).tables["plan"].equals(stalled_book.tables["plan"])


def test_a_diary_edited_to_claim_another_pair_is_a_conflict(demo_book, tmp_path):
    made = diaries(demo_book, tmp_path / "out")
    path = made["ПП-001"]
    fill(path, {"Составление плана занятия и дополнительной общеразвивающей программы":
                {C_MARK: "выполнено", C_ACTUAL: dt.datetime(2026, 11, 24)}})
    wb = openpyxl.load_workbook(path)
    for row in wb[SERVICE_SHEET].iter_rows():
        if row[0].value == "Код":
            row[1].value = "ПР-002"
        if row[0].value == "Программа":
            row[1].value = "ПП-002"
    wb.save(path)
    result = collect(demo_book, [path], tmp_path / "copy", TODAY)
    assert result.copy is None
    assert [line.status for line in result.lines] == [CONFLICT]
    assert "контрольное значение" in result.lines[0].reason


def test_the_curators_own_later_edit_is_kept(make_book, tmp_path):
    book = make_book()
    made = diaries(book, tmp_path / "out")
    # After the diaries went out, the curator marked ПП-002's November activity «не выполнено» herself.
    changed = make_book(lambda org, tables: tables["plan"][7].update(status="не выполнено"), name="позже.xlsx")
    fill(made["ПП-002"], {"Составление плана занятия и дополнительной общеразвивающей программы":
                          {C_MARK: "выполнено", C_ACTUAL: dt.datetime(2026, 11, 24)}})
    result = collect(changed, [made["ПП-002"]], tmp_path / "copy", TODAY)
    conflicts = [line for line in result.lines if line.status == CONFLICT]
    assert [(c.field, c.old, c.new) for c in conflicts] == [("Статус", "не выполнено", "выполнено")]
    assert not [line for line in result.lines if line.status == UPDATED] and result.copy is None


def test_cli_forms_and_collect_diaries(demo_path, tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["--today", "25.11.2026", "forms", str(demo_path), "--kind", "дневник",
                               "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "5 дневников" in res.output
    assert len(list((tmp_path / "Дневники наставников").glob("*.docx"))) == 5
    folder = tmp_path / "Дневники наставников"
    res = runner.invoke(main, ["--today", "25.11.2026", "collect", str(demo_path), str(folder), "--out",
                               str(tmp_path / "copy")])
    assert res.exit_code == 0, res.output
    assert "Принимать нечего" in res.output  # unfilled diaries change nothing
