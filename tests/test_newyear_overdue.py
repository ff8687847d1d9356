"""A pair past its end that was never closed is not carried into the new year as if it went on (issue 24, point 4).

The demo, left as it stands at the end of the year (25.08.2027): ПР-003, ПР-004 and ПР-005 planned to end on
25.06, 25.03 and 04.06.2027 and nobody closed them. new-year's summary asks the curator to decide about them, and
the new book's check says the same with its own code — once per pair, not also as «pair_past_end».
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook.newyear import next_year
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

END = dt.date(2027, 8, 25)


def cli(today, *args):
    return CliRunner().invoke(main, ["--today", f"{today:%d.%m.%Y}", *map(str, args)])


def overdue_in(book, day: dt.date) -> dict[str, dt.date]:
    """Open pairs of the old book whose (new) end is before ``day``, worked out from the sheet itself."""
    out = {}
    for rec in book.tables["pairs"].to_dict("records"):
        if rec["status"] in ("завершена", "прекращена досрочно"):
            continue
        end = rec["new_end"] if rec["new_end"] is not None and rec["new_end"] == rec["new_end"] else rec["planned_end"]
        if end.date() < day:
            out[rec["code"]] = end.date()
    return out


@pytest.fixture(scope="module")
def moved(tmp_path_factory, demo_parts):
    folder = tmp_path_factory.mktemp("overdue")
    old = folder / "наставничество 2026-2027.xlsx"
    write_workbook(old, *demo_parts)
    result = cli(END, "new-year", old)
    return read_workbook(old, today=END), folder / "наставничество 2027-2028.xlsx", result


def test_the_summary_asks_for_a_decision_on_each_pair_past_its_end(moved):
    old, new, result = moved
    assert result.exit_code == 0, result.output
    overdue = overdue_in(old, dt.date(2027, 9, 1))
    assert overdue, "the demo has pairs never closed"
    text = new.with_name(f"{new.stem} — переход на новый учебный год.txt").read_text(encoding="utf-8")
    for out in (text, result.output):
        assert "Нужно ваше решение" in out
        decision = out[out.index("Нужно ваше решение"):]
        for code, end in overdue.items():
            assert f"{code} — срок истёк {end:%d.%m.%Y}" in decision
        going = out[out.index("которые продолжаются"):].splitlines()[0]
        assert not [c for c in overdue if c in going], going  # not called «продолжаются»
        assert "завершите" in decision and "продлите" in decision


def test_the_new_books_check_warns_once_per_pair_with_its_own_code(moved):
    old, new, _ = moved
    overdue = overdue_in(old, dt.date(2027, 9, 1))
    result = cli(dt.date(2027, 9, 15), "check", new, "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    carried = [p for p in problems if p["code"] == "pair_carried_past_end"]
    assert sorted(p["value"] for p in carried) == sorted(f"{d:%d.%m.%Y}" for d in overdue.values())
    assert all(p["severity"] == "предупреждение" and p["sheet"] == "Пары и группы" for p in carried)
    past_end = [p for p in problems if p["code"] == "pair_past_end"]
    assert not [p for p in past_end if p["row"] in {c["row"] for c in carried}]
    assert result.exit_code == 0  # a warning, not an error


def test_a_pair_extended_into_the_new_year_or_closed_is_not_asked_about(make_book, demo_book):
    asked = {c for c, _, _ in next_year(demo_book, END)[2].pairs_overdue}
    assert {"ПР-003", "ПР-004"} <= asked

    def decide(org, tables):
        for r in tables["pairs"]:
            if r["code"] == "ПР-003":  # extended by an order into the new year
                r.update(change="продление срока", new_end=dt.date(2027, 12, 20), change_basis="приказ",
                         change_order_no="77-о", change_order_date=dt.date(2027, 3, 1))
    _, tables, summary = next_year(make_book(decide), END)
    now = {c for c, _, _ in summary.pairs_overdue}
    assert "ПР-003" not in now and "ПР-004" in now
    assert "ПР-003" in {r["code"] for r in tables["pairs"]}
