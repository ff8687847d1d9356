"""Synthetic workbooks for the benchmark: readable, consistent and reproducible."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.synth import SIZES, synth_data, write_synth

from .conftest import TODAY


@pytest.fixture(scope="module")
def synth_s(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "S.xlsx"
    write_synth(path, "S", seed=1, today=TODAY)
    return read_workbook(path, today=TODAY)


def test_s_reads_back_without_reader_problems(synth_s):
    assert [p.message for p in synth_s.problems] == []


def test_s_has_the_sizes_it_promises(synth_s):
    spec = SIZES["S"]
    assert len(synth_s.tables["mentors"]) + len(synth_s.tables["mentees"]) == 60
    assert len(synth_s.tables["pairs"]) == spec.pairs
    assert len(synth_s.tables["plan"]) == spec.plan


def test_s_passes_the_checks_without_errors(synth_s):
    from nastavnik.checks import check_book

    report = check_book(synth_s, TODAY)
    assert [f"{p.where()}: {p.message}" for p in report.errors] == []


def test_every_pair_refers_to_people_in_the_banks(synth_s):
    t = synth_s.tables
    assert set(t["pairs"]["mentor"]) <= set(t["mentors"]["code"])
    assert set(t["pairs"]["mentee"]) <= set(t["mentees"]["code"])
    assert set(t["programmes"]["pair"]) == set(t["pairs"]["code"])


def test_names_do_not_repeat_at_district_scale():
    _, tables = synth_data("M", seed=3, today=TODAY)
    names = [r["fio"] for key in ("mentors", "mentees") for r in tables[key]]
    assert len(names) == len(set(names)) == 1000


def test_same_seed_same_tables():
    assert synth_data("S", seed=7, today=TODAY) == synth_data("S", seed=7, today=TODAY)


def test_another_seed_other_people():
    _, a = synth_data("S", seed=1, today=TODAY)
    _, b = synth_data("S", seed=2, today=TODAY)
    assert [r["fio"] for r in a["mentees"]] != [r["fio"] for r in b["mentees"]]


def test_same_seed_same_file(tmp_path):
    one = write_synth(tmp_path / "a.xlsx", "S", seed=5, today=TODAY)
    two = write_synth(tmp_path / "b.xlsx", "S", seed=5, today=TODAY)
    assert one.read_bytes() == two.read_bytes()


def test_matching_bank_is_5000_waiting_mentees_and_2000_mentors():
    _, tables = synth_data("MATCH", seed=1, today=TODAY)
    assert len(tables["mentors"]) == 2000
    assert len(tables["mentees"]) == 5000
    assert {r["status"] for r in tables["mentees"]} == {"ожидает пару"}
    assert tables["pairs"] == []


def test_demo_command_writes_a_synthetic_workbook_of_the_asked_size(tmp_path):
    path = tmp_path / "s.xlsx"
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "demo", str(path), "--size", "S", "--seed", "4"])
    assert result.exit_code == 0, result.output
    assert "синтетическая" in result.output
    book = read_workbook(path, today=TODAY)
    assert len(book.tables["mentors"]) + len(book.tables["mentees"]) == 60
