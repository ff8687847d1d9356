"""The benchmark's table: a missing stage says «нет», a missed target says «НЕТ», the naive baseline is sane.

No timings are asserted here; speed is measured by ``scripts/bench.py`` itself.
"""

from __future__ import annotations

import pytest

from scripts import bench


def test_a_module_not_written_yet_is_missing_not_an_error():
    with pytest.raises(bench.Missing):
        bench.need("nastavnik.not_written_yet", "anything")
    with pytest.raises(bench.Missing):
        bench.need("nastavnik.workbook.reader", "not_a_function")


def test_missing_stage_prints_net(capsys):
    results = {"read": {"ours": {"seconds": 1.0, "peak_mb": 100.0}, "calamine": {"seconds": 0.9, "peak_mb": 50.0}},
               "check": {"ours": {"missing": "nastavnik.checks"}}}
    bench.print_table(bench.rows_of("S", results))
    check_line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Проверка"))
    assert "нет" in check_line


def test_a_missed_target_is_marked():
    results = {"report": {"ours": {"seconds": 7.0, "peak_mb": 300.0, "compute_seconds": 6.0}}}
    (row,) = bench.rows_of("L", results)
    assert row["met"] is False


def test_memory_over_two_gigabytes_misses_the_target_even_when_fast():
    results = {"report": {"ours": {"seconds": 1.0, "peak_mb": 2500.0, "compute_seconds": 0.5}}}
    (row,) = bench.rows_of("L", results)
    assert row["met"] is False


def test_greedy_baseline_never_beats_the_exact_solver():
    np = pytest.importorskip("numpy")
    solver = pytest.importorskip("nastavnik.match.solver")
    rng = np.random.default_rng(3)
    feasible = rng.random((30, 12)) < 0.6
    indptr = np.concatenate([[0], np.cumsum(feasible.sum(1))])
    cols = np.nonzero(feasible)[1].astype(np.int32)
    graph = (indptr, cols, rng.integers(1, 20, size=len(cols)).astype(np.int32) * 10_000)
    capacity = rng.integers(1, 4, size=12)
    exact = solver.solve(*graph, capacity)
    quick = bench.greedy(*graph, capacity)
    assert solver.total_units(*graph, quick) <= solver.total_units(*graph, exact)
    used = np.bincount([j for _, j in quick], minlength=12)
    assert (used <= capacity).all() and len({i for i, _ in quick}) == len(quick)


def test_memory_targets_of_the_matching_sizes_are_their_own():
    """5,000 × 2,000 must stay under 500 MB, 10,000 × 4,000 under 1.5 GB (issue 19), not the general 2 GB."""
    results = {"match": {"ours": {"seconds": 5.0, "peak_mb": 600.0, "mentees": 1, "mentors": 1}}}
    (row,) = bench.rows_of(bench.MATCH_SIZE, results)
    assert row["met"] is False and "500 МБ" in row["target"]
    (row,) = bench.rows_of(bench.BIG_SIZE, {"match": {"ours": {"seconds": 50.0, "peak_mb": 1400.0, "mentees": 1,
                                                                "mentors": 1}}})
    assert row["met"] is True and "1,5 ГБ" in row["target"]


def test_the_former_code_is_shown_beside_the_new():
    results = {"match": {"ours": {"seconds": 4.0, "peak_mb": 400.0, "total_score": 10.0, "mentees": 1, "mentors": 1},
                         "old": {"seconds": 6.0, "peak_mb": 650.0, "total_score": 10.0}}}
    (row,) = bench.rows_of(bench.MATCH_SIZE, results)
    assert "прежний код: 6.00 с, 650 МБ" in row["naive"] and row["met"] is True


def test_a_stage_that_grows_faster_than_the_book_fails_the_growth_guard():
    """S has 60 people, M 1,000: a linear stage keeps its time per person, a quadratic one multiplies it."""
    report = {"sizes": {"S": {"site": {"ours": {"seconds": 0.06}}, "check": {"ours": {"seconds": 0.06}}},
                        "M": {"site": {"ours": {"seconds": 0.06 * (1000 / 60) ** 2}},
                              "check": {"ours": {"seconds": 0.06 * 1000 / 60 * 2}}}}}
    grown = bench.growth(report)
    assert len(grown) == 1 and grown[0].startswith("Сайт") and "16.7 раза" in grown[0]


def test_whole_commands_have_their_own_targets():
    results = {"command": {"run": {"seconds": 2.5, "command_peak_mb": 200.0},
                           "check": {"seconds": 0.9, "command_peak_mb": 90.0}}}
    rows = {r["stage"]: r for r in bench.command_rows(bench.SCHOOL, results)}
    assert rows["command run"]["met"] is True and rows["command check"]["met"] is False
    (row,) = bench.command_rows(bench.MATCH_SIZE, {"command": {"match": {"seconds": 7.0, "command_peak_mb": 450.0}}})
    assert row["met"] is False and "400 МБ" in row["target"]
