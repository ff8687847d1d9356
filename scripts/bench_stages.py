"""The measurements of ``scripts/bench.py``, each run in a fresh worker process.

Every function takes the workbook paths and the size, does its setup (reading
the workbook, importing libraries) before the clock starts, and returns a dict
with at least ``seconds``; ``worker`` adds the process's peak memory. A stage
whose module has not been written yet raises ``Missing`` and is shown as «нет».
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2026, 11, 25)  # the demo and the synthetic workbooks are consistent as of this date
READ_REPEAT = {"S": 10, "M": 5, "L": 5}
COMMAND_REPEAT = {"check": 5}
ROOT = Path(__file__).resolve().parent.parent


class Missing(Exception):
    """A stage whose module (another engineer's) does not exist yet."""


def need(module: str, name: str):
    import importlib

    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == module or module.startswith(exc.name + ".")):
            raise Missing(module) from exc
        raise
    if not hasattr(mod, name):
        raise Missing(f"{module}.{name}")
    return getattr(mod, name)


def _read(path):
    from nastavnik.workbook.reader import read_workbook

    return read_workbook(path, today=TODAY)


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _calamine_parse(path) -> None:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def read_ours(paths, size):
    """Our reader, best of N; calamine alone is timed in the same process, turn about, for a fair ratio."""
    import pandas  # noqa: F401 - imported before the clock, as in a real run after start-up

    ours, alone = float("inf"), float("inf")
    for _ in range(READ_REPEAT.get(size, 1)):
        ours = min(ours, _best(lambda: _read(paths[0]), 1))
        alone = min(alone, _best(lambda: _calamine_parse(paths[0]), 1))
    return {"seconds": ours, "calamine_same_process_seconds": alone}


def read_calamine(paths, size):
    """python-calamine alone in its own process: its time and its peak memory."""
    return {"seconds": _best(lambda: _calamine_parse(paths[0]), READ_REPEAT.get(size, 1))}


def read_pandas(paths, size):
    import pandas as pd

    return {"seconds": _best(lambda: pd.read_excel(paths[0], sheet_name=None, engine="openpyxl"),
                             1 if size == "L" else 2)}


def check_ours(paths, size):
    check_book = need("nastavnik.checks", "check_book")
    book = _read(paths[0])
    t = time.perf_counter()
    report = check_book(book, TODAY)
    return {"seconds": time.perf_counter() - t, "errors": len(report.errors), "warnings": len(report.warnings)}


def _match(paths, size, solver_name=None):
    import scipy.optimize  # noqa: F401 - start-up cost, not matching

    from nastavnik.match import core
    from nastavnik.match import solver as solvers

    match_book = need("nastavnik.match", "match_book")

    # The exact solvers are compared on the problem each of them solves: the flow with the group bonus on every
    # eligible arc (the first solve). What the matcher makes of it afterwards — the lone group members' repair,
    # proved optimal only on small books — depends on which of several optimal flows a solver returns.
    solver = getattr(solvers, solver_name) if solver_name else core.solve
    flows: list[int] = []

    def recorded(indptr, cols, cost, capacity, **options):
        pairs = solver(indptr, cols, cost, capacity, **options)
        flows.append(int(solvers.total_units(indptr, cols, cost, pairs)))
        return pairs

    core.solve = recorded
    book = _read(paths[0])
    t = time.perf_counter()
    result = match_book(book, TODAY, top=3)
    return {"seconds": time.perf_counter() - t, "mentees": result.pool_mentees, "mentors": len(result.capacity),
            "proposed": len(result.proposal), "inner": result.timings, "total_score": result.total_score,
            "flow_units": flows[0] if flows else None}


def match_ours(paths, size):
    return _match(paths, size)


def match_matching(paths, size):
    """scipy's sparse LAPJVsp over the whole feasible graph, one column per free place."""
    return _match(paths, size, "solve_matching")


def match_dense(paths, size):
    """``linear_sum_assignment`` over a dense mentees × places matrix (the former solver)."""
    return _match(paths, size, "solve_dense")


BIG = (10_000, 4_000)  # the district pool of issue 19: matched in memory, no workbook


def match_big(paths, size):
    """10,000 × 4,000 from the synthetic generator, in memory (also works with the former code: --compare)."""
    solve_random = need("nastavnik.match", "solve_random")
    import scipy.optimize  # noqa: F401
    result, seconds = solve_random(*BIG, 1)
    return {"seconds": seconds, "mentees": result.pool_mentees, "mentors": len(result.capacity),
            "proposed": len(result.proposal), "inner": result.timings, "total_score": result.total_score}


def greedy(indptr, cols, cost, capacity) -> list[tuple[int, int]]:
    """The naive way: take the best remaining pair while places last (what a person does by hand)."""
    import numpy as np

    cap = np.asarray(capacity, dtype=np.int64).copy()
    n = len(indptr) - 1
    rows = np.repeat(np.arange(n), np.diff(indptr))
    order = np.argsort(-np.asarray(cost), kind="stable")
    order = order[np.asarray(cost)[order] > 0]
    taken = np.zeros(n, dtype=bool)
    pairs, left = [], min(n, int(cap.sum()))
    for idx in order.tolist():
        i, j = int(rows[idx]), int(cols[idx])
        if not taken[i] and cap[j] > 0:
            taken[i] = True
            cap[j] -= 1
            pairs.append((i, j))
            left -= 1
            if left == 0:
                break
    return pairs


def match_greedy(paths, size):
    need("nastavnik.match", "match_book")
    import scipy.optimize  # noqa: F401

    from nastavnik.match.candidates import build_pool
    from nastavnik.match.scoring import Scorer, wait_cap, weights_from_org
    from nastavnik.match.solver import solve, total_units
    book = _read(paths[0])
    t = book.tables
    pool = build_pool(t["mentors"], t["mentees"], t.get("pairs"))
    sc = Scorer(pool.mentees, pool.mentors, weights_from_org(book.org), today=TODAY, wait_cap=wait_cap(book.org))
    graph = sc.graph(set())[:3]
    capacity = sc.spare.astype(int)
    t0 = time.perf_counter()
    exact = solve(*graph, capacity)
    t1 = time.perf_counter()
    quick = greedy(*graph, capacity)
    t2 = time.perf_counter()
    best, got = total_units(*graph, exact) / 1e4, total_units(*graph, quick) / 1e4
    return {"seconds": t2 - t1, "solver_seconds": t1 - t0, "optimum": best, "greedy_total": got,
            "share_of_optimum": got / best if best else None, "pairs_exact": len(exact), "pairs_greedy": len(quick)}


DOCS_CAP = 1000  # programmes rendered at most (a district has ~3,300; the rate is what matters)


def docs_ours(paths, size):
    plan_documents = need("nastavnik.docs", "plan_documents")
    render_jobs = need("nastavnik.docs", "render_jobs")
    book = _read(paths[0])
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        jobs = plan_documents(book, Path(tmp), TODAY, only=["programme"])[:DOCS_CAP]
        planned = time.perf_counter()
        render_jobs(jobs)
        done = time.perf_counter()
    return {"seconds": done - t, "documents": len(jobs), "plan_seconds": planned - t,
            "per_second": len(jobs) / (done - t) if jobs else None}


def docs_naive(paths, size):
    """Both ways on the same documents (the module's own bench): compiled once vs reloaded for each."""
    bench = need("nastavnik.docs.render", "bench_programmes")
    n = 40
    naive = bench(n, naive=True)
    ours = bench(n, workers=1)
    return {"seconds": naive, "documents": n, "ours_one_process_seconds": ours, "per_second": n / naive}


def report_ours(paths, size):
    report_for_book = need("nastavnik.report", "report_for_book")
    write_report_xlsx = need("nastavnik.report", "write_report_xlsx")
    book = _read(paths[0])
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        _, indicators, statform = report_for_book(book, TODAY)
        computed = time.perf_counter()
        write_report_xlsx(indicators, statform, Path(tmp) / "отчёт.xlsx")
        done = time.perf_counter()
    return {"seconds": done - t, "compute_seconds": computed - t, "indicators": len(indicators)}


def site_ours(paths, size):
    build_site = need("nastavnik.site", "build_site")
    book = _read(paths[0])
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        build_site(book, Path(tmp) / "site", TODAY)
        return {"seconds": time.perf_counter() - t}


def run_ours(paths, size):
    """The curator's run as she runs it again and again: the second run into the same results folder (what the
    first kept — the signed orders' PDFs, the charts — is used); the first run's time is given beside it."""
    run_all = need("nastavnik.ui.pipeline", "run_all")
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        run_all(paths[0], Path(tmp), TODAY, echo=lambda *a, **k: None)
        first = time.perf_counter() - t
        t = time.perf_counter()
        result = run_all(paths[0], Path(tmp), TODAY, echo=lambda *a, **k: None)
        seconds = time.perf_counter() - t
        inner = {k: round(x, 3) for k, x in getattr(result, "timings", {}).items()}
        return {"seconds": seconds, "first_seconds": first, "outputs": len(result.made),
                "exit_code": result.exit_code, "inner": inner}


def _consolidate(paths, workers):
    consolidate = need("nastavnik.report.consolidate", "consolidate")
    t = time.perf_counter()
    rollup = consolidate(list(paths), TODAY, workers=workers)
    seconds = time.perf_counter() - t
    write = getattr(sys.modules["nastavnik.report.consolidate"], "write_rollup_xlsx", None)
    if write:
        with tempfile.TemporaryDirectory() as tmp:
            write(rollup, Path(tmp) / "свод.xlsx", TODAY)
        seconds = time.perf_counter() - t
    return {"seconds": seconds, "files": len(rollup.files), "unreadable": len(rollup.unreadable)}


def consolidate_ours(paths, size):
    return _consolidate(paths, workers=os.cpu_count() or 2)


def consolidate_serial(paths, size):
    return _consolidate(paths, workers=1)


def _command(args: list[str]) -> dict:
    """A whole ``nastavnik`` command as the curator runs it (start-up, reading, work, output): wall time and the
    child's peak memory."""
    import compileall
    import resource
    import statistics
    import subprocess

    # An installed program runs from its compiled bytecode (pip compiles it at installation, Python keeps it after
    # the first start); a machine with PYTHONDONTWRITEBYTECODE set would compile every module on every start — a
    # tenth of a second of a check that the curator never waits for.
    compileall.compile_dir(str(ROOT / "nastavnik"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "nastavnik", "--today", f"{TODAY:%d.%m.%Y}", *args,
               *(["--out", tmp] if args[0] == "run" else [])]
        if args[0] == "run":  # the curator's second run into the same folder: what is kept from the first is used
            subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=tmp)
        times = []
        for _ in range(COMMAND_REPEAT.get(args[0], 1)):  # a short command: the median of a few
            t = time.perf_counter()
            proc = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=tmp)
            times.append(time.perf_counter() - t)
        seconds = statistics.median(times)
    if proc.returncode not in (0, 1):
        raise RuntimeError((proc.stderr.strip().splitlines() or ["?"])[-1])
    return {"seconds": seconds, "command_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0}


def command_match(paths, size):
    """``nastavnik match`` on the workbook, text output, as a whole command."""
    return _command(["match", str(paths[0])])


def command_run(paths, size):
    return _command(["run", str(paths[0])])


def command_check(paths, size):
    return _command(["check", str(paths[0])])


def school_book(folder: Path) -> Path:
    """The school's demonstration workbook exactly as ``nastavnik demo --type школа`` writes it (its own lists
    included: without them its plan's forms are errors and ``run`` would stop at the check), written afresh."""
    from nastavnik.workbook.samples.demos import write_demo

    folder.mkdir(parents=True, exist_ok=True)
    return write_demo(folder / "школа.xlsx", "school", TODAY)


def worker(stage: str, variant: str, size: str, paths: list[str]) -> dict:
    """Run one measurement in this (fresh) process; peak memory is this process's own."""
    import resource

    fn = globals()[f"{stage}_{variant}"]
    try:
        out = fn([Path(p) for p in paths], size)
    except Missing as exc:
        return {"missing": str(exc)}
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    if children:
        out["children_peak_mb"] = children
    return out
