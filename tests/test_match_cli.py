"""``nastavnik match`` on the demo workbook, as the curator runs it."""

from __future__ import annotations

import itertools
import json

import openpyxl
from click.testing import CliRunner

from nastavnik.base.problems import ERROR
from nastavnik.cli import main
from nastavnik.match import match_book
from nastavnik.workbook.reader import read_workbook

from .conftest import TODAY


def run(*args):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "match", *map(str, args)])
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return result


def test_text_names_the_unmatched_mentee_and_why(demo_path, tmp_path):
    out = run(demo_path, "--out", tmp_path).stdout
    section = out.split("БЕЗ НАСТАВНИКА:")[1]
    assert "П-013" in section
    assert "не закрывает запрос «здоровьесбережение»" in section
    assert "Н-015" in section and "выбыл" in section
    assert "социального партнёра" in section and "этап 5 дорожной карты" in section


def test_text_reports_mentee_without_consent_without_name(demo_path, tmp_path):
    out = run(demo_path, "--out", tmp_path).stdout
    section = out.split("НЕ УЧАСТВУЮТ В ПОДБОРЕ:")[1]
    assert "П-014" in section and "согласия" in section
    assert "Нуриев" not in out


def test_json_top0_lists_every_feasible_pair_and_the_optimum_can_be_recomputed(demo_path, tmp_path):
    data = json.loads(run(demo_path, "--format", "json", "--top", "0", "--out", tmp_path).stdout)
    pairs = {(c["mentee"], c["mentor"]): c["score"] for c in data["candidates"]}
    assert len(pairs) == len(data["candidates"])
    # Demo: П-012 (методические, ИКТ) and П-015 (методические, нормативные) can go to every free mentor with one
    # of those competencies; П-013 to none.
    book = read_workbook(demo_path, today=TODAY)
    mentors = book.tables["mentors"]
    free = {c for c, x in data["capacity"].items() if x > 0}
    for code, asks in (("П-012", ("comp_method", "comp_ict")), ("П-015", ("comp_method", "comp_legal"))):
        fit = mentors[mentors[list(asks)].fillna(False).any(axis=1)]["code"]
        assert {m for (me, m) in pairs if me == code} == set(fit) & free
    assert not any(me == "П-013" for me, _ in pairs)
    mentees = sorted({me for me, _ in pairs})
    best = 0.0
    options = [[None] + [m for (me, m) in pairs if me == code] for code in mentees]
    for choice in itertools.product(*options):
        used = [m for m in choice if m]
        if all(used.count(m) <= data["capacity"][m] for m in used):
            best = max(best, sum(pairs[(me, m)] for me, m in zip(mentees, choice) if m))
    assert round(best, 4) == data["total_score"] == round(sum(p["score"] for p in data["proposal"]), 4)


def test_json_carries_score_parts_of_every_proposed_pair(demo_path, tmp_path):
    data = json.loads(run(demo_path, "--format", "json", "--out", tmp_path).stdout)
    w = data["weights"]
    for p in data["proposal"]:
        assert round(sum(w[k] * x for k, x in p["parts"].items()), 4) == p["score"]


def test_xlsx_for_the_council_has_four_sheets(demo_path, tmp_path):
    run(demo_path, "--format", "xlsx", "--out", tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "Предложения пар.xlsx", read_only=True)
    assert wb.sheetnames[:4] == ["Предложение", "Кандидаты", "Группы", "Без пары"]
    rows = list(wb["Без пары"].iter_rows(values_only=True))
    assert any(r[0] == "П-013" and "здоровьесбережение" in r[2] for r in rows)


def test_apply_writes_drafts_into_a_copy_and_leaves_the_original(demo_path, tmp_path):
    before = demo_path.read_bytes()
    book = read_workbook(demo_path, today=TODAY)
    proposal = match_book(book, TODAY).proposal
    run(demo_path, "--apply", "--out", tmp_path)
    assert demo_path.read_bytes() == before
    copy = read_workbook(tmp_path / f"{demo_path.stem} — с проектами пар.xlsx", today=TODAY)
    pairs = copy.tables["pairs"]
    drafts = pairs[pairs["code"] > "ПР-009"]
    assert list(drafts["code"]) == ["ПР-010", "ПР-011"][: len(proposal)]
    assert set(drafts["status"]) == {"проект"}
    assert {(r["mentee"], r["mentor"]) for r in proposal} == set(zip(drafts["mentee"], drafts["mentor"]))
    assert str(drafts["planned_end"].iloc[0].date()) == "2027-08-24"
    assert [p for p in copy.problems if p.severity == ERROR] == []
    assert len(copy.problems) == len(book.problems)


def test_matching_the_applied_copy_proposes_nothing_twice(demo_path, tmp_path):
    run(demo_path, "--apply", "--out", tmp_path)
    copy = read_workbook(tmp_path / f"{demo_path.stem} — с проектами пар.xlsx", today=TODAY)
    assert match_book(copy, TODAY).proposal == []


def test_negative_top_is_refused_in_russian(demo_path, tmp_path):
    result = CliRunner().invoke(main, ["match", str(demo_path), "--top", "-1", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "не меньше 0" in result.stderr


def test_xlsx_title_line_names_the_organisation(demo_path, demo_book, tmp_path):
    """The council's printout says whose proposals these are, as the monitoring file does."""
    run(demo_path, "--format", "xlsx", "--out", tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "Предложения пар.xlsx", read_only=True)
    assert demo_book.org["short_name"] in str(wb.worksheets[0]["A1"].value)
