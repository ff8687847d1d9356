"""Every command on every state of the year, for the centre's demo, the school's demo and a synthetic book.

A curator runs the tool from the blank template in September to the next September; each
state must end with exit 0 (all well) or 1 (the workbook has errors), a Russian message and
no internal error, and what it makes must fit the state: no order with blanks, no analytic
report before anything has started, no «Готово» after a run stopped by errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook.samples.demo import demo_data
from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
from nastavnik.workbook.samples.synth import synth_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .year import STATES, snapshots

COMMANDS = {
    "check": ["check"],
    "check-annotate": ["check", "--annotate", "--out", "{out}"],
    "check-json": ["check", "--format", "json"],
    "match": ["match"],
    "match-apply": ["match", "--apply", "--out", "{out}"],
    "docs": ["docs", "--out", "{out}"],
    "report": ["report", "--out", "{out}"],
    "site": ["site", "--out", "{out}"],
    "run": ["run", "--out", "{out}"],
}


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """{(workbook, state): (path, today)} for the two demos (a centre's, a school's) and a synthetic book."""
    root = tmp_path_factory.mktemp("year")
    made = {}
    books = {"demo": demo_data(TODAY), "school": school_demo_data(TODAY), "synth": synth_data("S", 7, TODAY)}
    for label, (org, tables) in books.items():
        for state, (o, t, today) in snapshots(org, tables, TODAY).items():
            path = root / f"{label}-{state}.xlsx"
            write_workbook(path, o, t, LISTS if label == "school" else None)
            made[label, state] = (path, today)
    return made


def invoke(year, label: str, state: str, command: str, out: Path):
    path, today = year[label, state]
    args = [a.format(out=out) for a in COMMANDS[command]]
    return CliRunner().invoke(main, ["--today", f"{today:%d.%m.%Y}", args[0], str(path), *args[1:]])


def assert_clean_end(result) -> None:
    text = result.output + (result.stderr or "")
    assert result.exit_code in (0, 1), text[-2000:]
    assert "Внутренняя ошибка" not in text and "Traceback" not in text, text[-2000:]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("label", ["demo", "school"])
def test_every_command_ends_cleanly_in_every_state_of_the_demo_year(year, tmp_path, label, state, command):
    assert_clean_end(invoke(year, label, state, command, tmp_path))


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("command", ["check", "run"])
def test_a_second_workbook_goes_through_the_year_as_well(year, tmp_path, state, command):
    assert_clean_end(invoke(year, "synth", state, command, tmp_path))


@pytest.mark.parametrize("label", ["demo", "school"])
def test_the_blank_template_checks_with_what_to_fill_in_not_a_crash(year, tmp_path, label):
    result = invoke(year, label, "blank", "check", tmp_path)
    assert result.exit_code == 1
    assert "«Организация»" in result.output and "ФИО руководителя" in result.output


@pytest.mark.parametrize("label", ["demo", "school"])
def test_no_document_is_made_from_a_blank_workbook_and_the_curator_is_told_why(year, tmp_path, label):
    result = invoke(year, label, "blank", "docs", tmp_path)
    assert result.exit_code == 0
    assert not list(tmp_path.rglob("*.docx"))
    assert "ФИО руководителя" in result.stderr


@pytest.mark.parametrize("label", ["demo", "school"])
def test_before_any_pair_works_there_is_no_final_order_and_no_analytic_report(year, tmp_path, label):
    result = invoke(year, label, "banks", "docs", tmp_path)
    names = [p.name for p in tmp_path.rglob("*.docx")]
    assert any("Положения" in n for n in names)
    assert not any("итогов" in n.lower() for n in names), names
    assert "подводить итоги пока нечему" in result.stderr


@pytest.mark.parametrize("label", ["demo", "school"])
def test_once_pairs_work_the_final_order_and_the_report_are_made(year, tmp_path, label):
    invoke(year, label, "running", "docs", tmp_path)
    names = [p.name for p in tmp_path.rglob("*.docx")]
    assert any("итогового мероприятия" in n for n in names)
    assert any("аналитический отчёт" in n for n in names)


@pytest.mark.parametrize("label", ["demo", "school"])
def test_a_run_stopped_by_errors_does_not_say_done(year, tmp_path, label):
    result = invoke(year, label, "blank", "run", tmp_path)
    assert result.exit_code == 1
    assert "Готово" not in result.output


@pytest.mark.parametrize("label", ["demo", "school"])
def test_check_json_of_every_state_is_a_report(year, tmp_path, label):
    for state in STATES:
        result = invoke(year, label, state, "check-json", tmp_path)
        report = json.loads(result.output)
        assert report["valid"] == (result.exit_code == 0)


def test_consolidate_takes_the_whole_year_of_workbooks(year, tmp_path):
    folder = tmp_path / "район"
    folder.mkdir()
    for (label, state), (path, _) in year.items():
        if label in ("demo", "school"):  # a district has centres and schools
            (folder / path.name).write_bytes(path.read_bytes())
    result = CliRunner().invoke(main, ["consolidate", str(folder), "--out", str(tmp_path / "свод")])
    assert_clean_end(result)
    assert list((tmp_path / "свод").rglob("*.xlsx"))


@pytest.mark.parametrize("state", [s for s in STATES if s not in ("blank", "approved", "programmes")])
def test_the_school_year_checks_without_errors_wherever_the_curator_has_nothing_left_to_write(year, tmp_path, state):
    # «approved» and «programmes» rightly miss programmes and plans; the blank misses the organisation.
    result = invoke(year, "school", state, "check", tmp_path)
    assert result.exit_code == 0, result.output[-2000:]
