"""`nastavnik new-year`: next year's workbook from the demo, with the archive that remembers the past year."""

from __future__ import annotations

import copy
import datetime as dt
import os
import re

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook import vocab as v
from nastavnik.workbook.newyear import next_year
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

RUNNING_DEMO = {"ПР-001", "ПР-002", "ПР-003", "ПР-004", "ПР-005", "ПР-006", "ПР-009"}
ENDED_DEMO = {"ПР-007": v.PAIR_DONE, "ПР-008": v.PAIR_STOPPED}


def cli(*args):
    return CliRunner().invoke(main, ["--today", f"{TODAY:%d.%m.%Y}", *map(str, args)])


@pytest.fixture(scope="module")
def first(tmp_path_factory, demo_parts):
    """The demo, and the workbook new-year made from it: (old path, new path, CLI result, new Book)."""
    folder = tmp_path_factory.mktemp("ny")
    old = folder / "наставничество 2026-2027.xlsx"
    write_workbook(old, *demo_parts)
    result = cli("new-year", old)
    new = folder / "наставничество 2027-2028.xlsx"
    return old, new, result, read_workbook(new, today=TODAY)


def codes(book, key, col="code"):
    return set(book.tables[key][col].dropna())


def test_new_year_writes_next_years_book_beside_the_old_one_and_says_so(first):
    old, new, result, book = first
    assert result.exit_code == 0, result.output
    assert new.exists()
    assert "Книга 2027/2028 учебного года" in result.output
    assert book.org["academic_year"] == "2027/2028"
    assert (book.org["period_start"], book.org["period_end"]) == (dt.date(2027, 9, 1), dt.date(2028, 8, 31))


def test_the_new_book_checks_clean(first):
    _, new, _, _ = first
    result = cli("check", new)
    assert result.exit_code == 0, result.output
    assert "0 ошибок" in result.output


def test_the_old_book_is_not_changed(tmp_path, demo_parts):
    old = tmp_path / "книга.xlsx"
    write_workbook(old, *demo_parts)
    before = (old.read_bytes(), os.stat(old).st_mtime_ns)
    assert cli("new-year", old).exit_code == 0
    assert (old.read_bytes(), os.stat(old).st_mtime_ns) == before


def test_archive_holds_exactly_the_completed_and_stopped_pairs(first):
    book = first[3]
    archive = book.tables["archive_pairs"]
    assert dict(zip(archive["code"], archive["status"])) == ENDED_DEMO
    assert set(archive["year"]) == {"2026/2027"}
    assert codes(book, "pairs") == RUNNING_DEMO
    assert codes(book, "archive_programmes", "pair") == set(ENDED_DEMO)


def test_running_pairs_are_carried_with_their_programmes_and_whole_plans(first, demo_book):
    book = first[3]
    kept = set(demo_book.tables["programmes"].query("pair in @RUNNING_DEMO")["code"])
    assert codes(book, "programmes") == kept
    old_plan = demo_book.tables["plan"]
    assert len(book.tables["plan"]) == int(old_plan["programme"].isin(kept).sum())
    assert len(book.tables["archive_plan"]) == int((~old_plan["programme"].isin(kept)).sum())
    assert codes(book, "archive_surveys", "programme") <= codes(book, "archive_programmes")


def test_leavers_are_gone_from_the_banks_and_listed_by_code_only(first, demo_book):
    book = first[3]
    left_mentors = set(demo_book.tables["mentors"].query("status == @v.MENTOR_STATUS_LEFT")["code"])
    left_mentees = set(demo_book.tables["mentees"].dropna(subset=["left_date"])["code"])
    assert left_mentors and left_mentees
    assert not (codes(book, "mentors") & left_mentors) and not (codes(book, "mentees") & left_mentees)
    assert codes(book, "archive_leavers") == left_mentors | left_mentees
    assert "fio" not in book.tables["archive_leavers"].columns


def test_experience_grows_by_a_year(first, demo_book):
    book = first[3]
    old = demo_book.tables["mentors"].set_index("code")
    new = book.tables["mentors"].set_index("code")
    assert (new["ped_experience"] == old.loc[new.index, "ped_experience"] + 1).all()
    assert (new["org_experience"] == old.loc[new.index, "org_experience"] + 1).all()


def test_orders_of_the_year_are_cleared_and_standing_ones_kept(first, demo_book):
    org = first[3].org
    assert org["order_regulation_no"] == demo_book.org["order_regulation_no"]
    assert org["order_curator_no"] == demo_book.org["order_curator_no"]
    assert org["order_council_no"] is None and org["final_event_date"] is None
    assert "сохранены приказы, действующие до отмены" in first[2].output


def test_roadmap_starts_again_except_the_standing_first_stage(first):
    roadmap = first[3].tables["roadmap"]
    assert set(roadmap.loc[roadmap["stage"] != 1, "status"]) == {"не начат"}
    assert set(roadmap.loc[roadmap["stage"] == 1, "status"]) == {"выполнен"}


def test_summary_file_says_what_was_carried_archived_and_dropped_without_personal_data(first, demo_parts):
    old, new, result, _ = first
    note = new.with_name(f"{new.stem} — переход на новый учебный год.txt")
    text = note.read_text(encoding="utf-8")
    for part in ("Перенесено:", "В архив", "ПР-007 — завершена", "ПР-008 — прекращена досрочно",
                 "Исключены из банков:"):
        assert part in text and part in result.output
    people = demo_parts[1]["mentors"] + demo_parts[1]["mentees"]
    assert not [p["fio"] for p in people if p["fio"] in text]
    assert not re.search(r"\+7 900", text)


def _complete(tables, pair_codes):
    """Finish these pairs in full (plan done), as the curator would at the end of the year."""
    progs = {p["code"] for p in tables["programmes"] if p["pair"] in pair_codes}
    for r in tables["pairs"]:
        if r["code"] in pair_codes:
            r.update(status=v.PAIR_DONE, actual_end=r.get("new_end") or r["planned_end"], end_reason=v.REASON_FULL)
    for r in tables["plan"]:
        if r["programme"] in progs:
            r.update(status=v.ACT_DONE, actual_date=r["planned_date"])
    members = {r["mentee"] for r in tables["pairs"] if r["code"] in pair_codes}
    for r in tables["mentees"]:
        if r["code"] in members:
            r["status"] = v.MENTEE_DONE


def test_two_consecutive_new_years_keep_a_two_year_archive(tmp_path, demo_book):
    org, tables, _ = next_year(demo_book, TODAY)
    _complete(tables, {"ПР-001"})
    path = tmp_path / "второй.xlsx"
    write_workbook(path, org, tables)
    later = dt.date(2028, 8, 25)
    book = read_workbook(path, today=later)
    _, tables2, summary = next_year(book, later)
    archive = tables2["archive_pairs"]
    assert {(r["year"], r["code"]) for r in archive} == {
        ("2026/2027", "ПР-007"), ("2026/2027", "ПР-008"), ("2027/2028", "ПР-001")}
    assert summary.archive_years == ["2026/2027", "2027/2028"]
    assert "ПР-001" not in {r["code"] for r in tables2["pairs"]}


def test_a_completed_mentee_no_longer_waits_unless_she_asked_again(make_book):
    def change(org, tables):
        for r in tables["mentees"]:
            if r["code"] == "П-009":  # her pair ПР-007 completed; she asks for a new mentor after its end
                r["status"], r["date_added"] = v.MENTEE_WAITING, TODAY - dt.timedelta(days=5)
    asked = make_book(change)
    _, tables, _ = next_year(asked, TODAY)
    assert {r["code"]: r["status"] for r in tables["mentees"]}["П-009"] == v.MENTEE_WAITING

    def not_asked(org, tables):
        for r in tables["mentees"]:
            if r["code"] == "П-009":
                r["status"] = v.MENTEE_WAITING  # waiting, but with the request that led to the completed pair
    _, tables, summary = next_year(make_book(not_asked, name="б.xlsx"), TODAY)
    assert {r["code"]: r["status"] for r in tables["mentees"]}["П-009"] == v.MENTEE_DONE
    assert ("П-009", v.MENTEE_WAITING, v.MENTEE_DONE) in summary.status_changes


def test_a_mentee_still_waiting_keeps_her_waiting_date(first, demo_book):
    old = demo_book.tables["mentees"].set_index("code")
    new = first[3].tables["mentees"].set_index("code")
    waiting = old.index[old["status"] == v.MENTEE_WAITING]
    assert len(waiting)
    assert (new.loc[waiting, "status"] == v.MENTEE_WAITING).all()
    assert (new.loc[waiting, "date_added"] == old.loc[waiting, "date_added"]).all()


def test_new_year_refuses_a_book_with_errors_and_lists_them(tmp_path, demo_parts):
    org, tables = copy.deepcopy(demo_parts)
    tables["pairs"][0]["mentor"] = "Н-999"
    old = tmp_path / "с ошибкой.xlsx"
    write_workbook(old, org, tables)
    result = cli("new-year", old, "--out", tmp_path / "новая.xlsx")
    assert result.exit_code == 1
    assert "Н-999" in result.output and "не создана" in result.output
    assert not (tmp_path / "новая.xlsx").exists()


def test_new_year_does_not_write_over_an_existing_file(tmp_path, demo_path):
    target = tmp_path / "есть.xlsx"
    target.write_bytes(b"x")
    result = cli("new-year", demo_path, "--out", target)
    assert result.exit_code == 2 and "уже есть" in result.output
    assert target.read_bytes() == b"x"


@pytest.mark.parametrize("year", ["2027", "2027/2029", "прошлый"])
def test_a_year_that_is_not_a_school_year_is_refused(tmp_path, demo_path, year):
    result = cli("new-year", demo_path, "--year", year, "--out", tmp_path / "н.xlsx")
    assert result.exit_code == 2 and "ГГГГ/ГГГГ" in result.output


def test_the_year_can_be_given_and_names_the_period(tmp_path, demo_path):
    out = tmp_path / "через год.xlsx"
    assert cli("new-year", demo_path, "--year", "2028/2029", "--out", out).exit_code == 0
    book = read_workbook(out, today=TODAY)
    assert book.org["period_start"] == dt.date(2028, 9, 1)
    assert set(book.tables["archive_pairs"]["year"]) == {"2026/2027"}


def test_a_preference_for_someone_who_left_is_dropped_so_the_new_book_still_checks(tmp_path, demo_parts):
    org, tables = copy.deepcopy(demo_parts)
    tables["mentors"][0]["preferred_mentees"] = ["П-010", "П-012"]  # П-010 leaves the organisation
    left_mentor = next(m["code"] for m in tables["mentors"] if m["status"] == v.MENTOR_STATUS_LEFT)
    tables["mentees"][11]["preferred_mentor"] = left_mentor
    old, out = tmp_path / "старая.xlsx", tmp_path / "новая.xlsx"
    write_workbook(old, org, tables)
    assert cli("new-year", old, "--out", out).exit_code == 0
    book = read_workbook(out, today=TODAY)
    assert book.tables["mentors"].set_index("code").loc["Н-001", "preferred_mentees"] == ("П-012",)
    assert cli("check", out).exit_code == 0


def test_a_group_goes_on_when_one_of_its_mentees_stopped_early(make_book):
    def change(org, tables):
        row = next(r for r in tables["pairs"] if r["code"] == "ПР-003" and r["mentee"] == "П-005")
        row.update(status=v.PAIR_STOPPED, actual_end=TODAY - dt.timedelta(days=3),
                   end_reason="по инициативе наставляемого")
        next(m for m in tables["mentees"] if m["code"] == "П-005")["status"] = v.MENTEE_WAITING
    org, tables, summary = next_year(make_book(change), TODAY)
    assert {r["mentee"] for r in tables["pairs"] if r["code"] == "ПР-003"} == {"П-003", "П-004"}
    assert [r["mentee"] for r in tables["archive_pairs"] if r["code"] == "ПР-003"] == ["П-005"]
    assert "ПР-003" in {p["pair"] for p in tables["programmes"]}
    assert {r["code"]: r["status"] for r in tables["mentees"]}["П-005"] == v.MENTEE_WAITING


def test_a_year_not_after_the_books_own_is_refused(tmp_path, demo_path):
    result = cli("new-year", demo_path, "--year", "2026/2027", "--out", tmp_path / "н.xlsx")
    assert result.exit_code == 2 and "--year 2027/2028" in result.output
    assert not (tmp_path / "н.xlsx").exists()


@pytest.mark.parametrize("command", [["match"], ["match", "--format", "xlsx"]])
def test_match_reads_the_archive_that_new_year_wrote(first, tmp_path, command):
    """The seam: the archive's «Учебный год» is text («2026/2027»); matching the new book must not stop on it."""
    _, new, _, _ = first
    result = cli(*command, new, "--out", tmp_path / "подбор")
    assert result.exit_code in (0, 1), result.output
    assert "Внутренняя ошибка" not in result.output
