"""Fairness to those who wait, no repeat of a past pair, groups written by --apply."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from nastavnik.match import match_frames
from nastavnik.match.apply import new_pair_rows
from nastavnik.match.frames import mentee, mentor, table

from .conftest import TODAY  # 25.11.2026


def _one_place_two_mentees(org=None, **dates):
    mentors = [mentor("Н-001", comp_ict=True)]
    mentees = [mentee("П-001", req_ict=True, date_added=dates.get("first", dt.date(2026, 11, 1))),
               mentee("П-002", req_ict=True, date_added=dates.get("second", dt.date(2026, 7, 20)))]
    return match_frames(table("mentors", mentors), table("mentees", mentees), table("pairs", []), org, TODAY, 0)


def test_of_two_equal_mentees_the_one_who_waited_longer_gets_the_place():
    result = _one_place_two_mentees()
    assert [p["mentee"] for p in result.proposal] == ["П-002"]
    assert "ждёт 4 мес." in result.proposal[0]["reasons"]
    assert result.proposal[0]["parts"]["wait"] == 4


def test_wait_weight_zero_on_the_organisation_sheet_switches_fairness_off():
    result = _one_place_two_mentees({"w_wait": 0})
    assert result.weights["wait"] == 0
    scores = {c["mentee"]: c["score"] for c in result.candidates}
    assert scores["П-001"] == scores["П-002"]  # the four months no longer count
    assert not any("ждёт" in r for c in result.candidates for r in c["reasons"])


def test_the_wait_bonus_is_capped_by_the_organisation():
    capped = _one_place_two_mentees({"wait_cap_months": 2}, first=dt.date(2026, 9, 1), second=dt.date(2026, 1, 10))
    two = {c["mentee"]: c for c in capped.candidates}
    assert two["П-001"]["parts"]["wait"] == two["П-002"]["parts"]["wait"] == 2  # both waited past the cap
    assert two["П-001"]["score"] == two["П-002"]["score"]
    assert "ждёт 10 мес. (учтено 2)" in two["П-002"]["reasons"]


def _past(archive_rows=None, pairs_rows=None, **kw):
    mentors = [mentor("Н-001", comp_ict=True, ped_experience=30), mentor("Н-002", comp_ict=True)]
    mentees = [mentee("П-001", req_ict=True)]
    archive = None if archive_rows is None else table("pairs", archive_rows).assign(
        year=[r.get("year") for r in archive_rows])
    return match_frames(table("mentors", mentors), table("mentees", mentees), table("pairs", pairs_rows or []),
                        None, TODAY, archive=archive)


def test_without_history_the_stronger_mentor_is_proposed():
    assert [p["mentor"] for p in _past().proposal] == ["Н-001"]


def test_a_pair_of_the_archive_is_not_proposed_again_and_the_change_is_explained():
    result = _past([{"code": "ПР-004", "mentor": "Н-001", "mentee": "П-001", "status": "завершена", "year": 2025}])
    assert [p["mentor"] for p in result.proposal] == ["Н-002"]
    assert any("прежний наставник Н-001: пара ПР-004 уже была в 2025 году; повтор не предлагается" in r
               for r in result.proposal[0]["reasons"])


def test_a_finished_pair_of_this_year_is_not_proposed_again():
    result = _past(pairs_rows=[{"code": "ПР-001", "mentor": "Н-001", "mentee": "П-001", "status": "завершена"}])
    assert [p["mentor"] for p in result.proposal] == ["Н-002"]


def test_the_curator_may_allow_a_repeat_per_pair():
    result = _past([{"code": "ПР-004", "mentor": "Н-001", "mentee": "П-001", "status": "завершена", "year": 2025,
                     "repeat_allowed": True}])
    assert [p["mentor"] for p in result.proposal] == ["Н-001"]
    assert any("повтор прежней пары разрешён куратором" in r for r in result.proposal[0]["reasons"])


def test_apply_writes_a_group_as_one_code_with_a_row_per_member():
    mentors = [mentor("Н-001", max_mentees=3, kinds=["в группе"], comp_ict=True), mentor("Н-002", comp_ict=True)]
    mentees = [mentee(f"П-00{k}", kind="в группе", req_method=False, req_ict=True) for k in range(1, 4)]
    mentees.append(mentee("П-004", req_method=False, req_ict=True))
    result = match_frames(table("mentors", mentors), table("mentees", mentees), table("pairs", []), None, TODAY)
    book = SimpleNamespace(tables={"pairs": table("pairs", [{"code": "ПР-009", "mentor": "Н-009", "mentee": "П-9"}])})
    rows = new_pair_rows(book, result, TODAY)
    by_code: dict[str, list] = {}
    for r in rows:
        by_code.setdefault(r["code"], []).append(r)
    groups = [rs for rs in by_code.values() if len(rs) > 1]
    assert len(groups) == 1 and {r["mentee"] for r in groups[0]} == {"П-001", "П-002", "П-003"}
    assert {r["kind"] for r in groups[0]} == {"в группе"} and {r["mentor"] for r in groups[0]} == {"Н-001"}
    assert sorted(by_code) == ["ПР-010", "ПР-011"]


def test_the_archive_year_as_new_year_writes_it_names_the_academic_year():
    """`new-year` writes «Учебный год» as text «2026/2027»; the matcher once took it for an int and stopped."""
    result = _past([{"code": "ПР-004", "mentor": "Н-001", "mentee": "П-001", "status": "завершена",
                     "year": "2026/2027"}])
    assert [p["mentor"] for p in result.proposal] == ["Н-002"]
    assert any("пара ПР-004 уже была в 2026/2027 учебном году" in r for r in result.proposal[0]["reasons"])
