#!/usr/bin/env python3
"""Benchmark of nastavnik at school, district and city scale, each figure beside the naive way.

A district methodologist holds thousands of teachers and a city tens of
thousands: we must know the figures rather than guess them. For each size the
synthetic workbooks of ``nastavnik.synth`` are generated once (cached under
/tmp) and every stage — read, check, match, documents, report, site, the
whole run, the city roll-up — runs in a fresh Python process, so that its
peak memory (``ru_maxrss``) is its own and not what an earlier stage left
behind. Beside each stage the naive way is measured in the same run:
pandas ``read_excel`` with openpyxl and python-calamine alone for reading, a
greedy assignment for matching, a template reloaded for every document,
files consolidated one after another. A stage whose module is not there
prints «нет» and the benchmark still exits 0 (``--strict`` makes a crash or a
missed target exit 1).

    python scripts/bench.py --sizes S                 # CI: a school, under a minute
    python scripts/bench.py --sizes L,XL --json bench.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 25)  # the demo and the synthetic workbooks are consistent as of this date
SEED = 1
MATCH_SIZE = "5000×2000"
GB = 1024.0
READ_REPEAT = {"S": 10, "M": 5, "L": 5}
# Stages in the order they run at a size; each is (stage, variant) run in its own process.
PER_SIZE = [("read", "ours"), ("read", "calamine"), ("read", "pandas"), ("check", "ours"), ("match", "ours"),
            ("match", "greedy"), ("docs", "ours"), ("docs", "naive"), ("report", "ours"), ("site", "ours"),
            ("run", "ours")]
PER_CITY = [("consolidate", "ours"), ("consolidate", "serial")]


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


# ---------------------------------------------------------------- workbooks

def fingerprint() -> str:
    """Cached workbooks are regenerated when the generator, the schema or the template change."""
    h = hashlib.sha1(f"{SEED}/{TODAY}".encode())
    for name in ("synth.py", "schema.py", "template.py", "vocab.py", "demo.py"):
        h.update((ROOT / "nastavnik" / name).read_bytes())
    return h.hexdigest()[:12]


def workbooks(size: str, cache: Path) -> list[Path]:
    """The cached workbook(s) of a size, generated on first use: one file, or 50 for the city (XL)."""
    from nastavnik.synth import SIZES, write_synth

    current = fingerprint()
    folder = cache / current / size
    if cache.is_dir():  # workbooks of an older generator or schema are of no further use
        import re
        import shutil

        for old in cache.iterdir():
            if old.is_dir() and old.name != current and re.fullmatch(r"[0-9a-f]{12}", old.name):
                shutil.rmtree(old, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"ddt-{n + 1:03d}.xlsx" for n in range(SIZES[size].books)]
    todo = [(n, p) for n, p in enumerate(paths) if not p.exists()]
    if todo:
        t = time.perf_counter()
        for n, p in todo:
            write_synth(p, size, SEED, TODAY, book_no=n)
        print(f"  [{size}: создано книг {len(todo)} за {time.perf_counter() - t:.1f} с → {folder}]", flush=True)
    return paths


# ---------------------------------------------------------------- stages (run inside a worker process)

def _read(path):
    from nastavnik.reader import read_workbook

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


def match_ours(paths, size):
    match_book = need("nastavnik.match", "match_book")
    import scipy.optimize  # noqa: F401 - start-up cost, not matching
    book = _read(paths[0])
    t = time.perf_counter()
    result = match_book(book, TODAY, top=3)
    return {"seconds": time.perf_counter() - t, "mentees": result.pool_mentees, "mentors": len(result.capacity),
            "proposed": len(result.proposal), "inner": result.timings}


def greedy(score, feasible, capacity) -> list[tuple[int, int]]:
    """The naive way: take the best remaining pair while places last (what a person does by hand)."""
    import numpy as np

    cap = np.asarray(capacity, dtype=np.int64).copy()
    n, m = score.shape
    flat = np.flatnonzero((feasible & (score > 0)).ravel())
    order = flat[np.argsort(-score.ravel()[flat], kind="stable")]
    taken = np.zeros(n, dtype=bool)
    pairs, left = [], min(n, int(cap.sum()))
    for idx in order.tolist():
        i, j = divmod(idx, m)
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
    from nastavnik.match.candidates import build_pool
    from nastavnik.match.scoring import Scorer, weights_from_org
    from nastavnik.match.solver import solve, total_of

    import scipy.optimize  # noqa: F401
    book = _read(paths[0])
    t = book.tables
    pool = build_pool(t["mentors"], t["mentees"], t.get("pairs"))
    sc = Scorer(pool.mentees, pool.mentors, weights_from_org(book.org))
    score, feasible = sc.matrix(set())
    capacity = sc.spare.astype(int)
    t0 = time.perf_counter()
    exact = solve(score, feasible, capacity)
    t1 = time.perf_counter()
    quick = greedy(score, feasible, capacity)
    t2 = time.perf_counter()
    best, got = total_of(score, exact), total_of(score, quick)
    return {"seconds": t2 - t1, "solver_seconds": t1 - t0, "optimum": best, "greedy_total": got,
            "share_of_optimum": got / best if best else None, "pairs_exact": len(exact), "pairs_greedy": len(quick)}


DOCS_CAP = 1000  # programmes rendered at most (a district has ~3,300; the rate is what matters)


def match_random(paths, size):
    """The matching module's own random banks of the same shape (sparser: some without consent, capacity 1–3)."""
    solve_random = need("nastavnik.match", "solve_random")
    import scipy.optimize  # noqa: F401

    result, seconds = solve_random(5000, 2000)
    return {"seconds": seconds, "mentees": result.pool_mentees, "mentors": len(result.capacity),
            "inner": result.timings}


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
    run_all = need("nastavnik.pipeline", "run_all")
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        result = run_all(paths[0], Path(tmp), TODAY, echo=lambda *a, **k: None)
        seconds = time.perf_counter() - t
        inner = {k: round(x, 3) for k, x in getattr(result, "timings", {}).items()}
        return {"seconds": seconds, "outputs": len(result.made), "exit_code": result.exit_code, "inner": inner}


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


def measure(stage: str, variant: str, size: str, paths: list[Path], timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", stage, variant, size, *map(str, paths)]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=str(ROOT))
    except subprocess.TimeoutExpired:
        return {"failed": f"дольше {timeout:.0f} с"}
    wall = time.perf_counter() - t
    lines = [x for x in proc.stdout.splitlines() if x.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"failed": tail[:200]}
    out = json.loads(lines[-1])
    out["process_seconds"] = wall
    return out


# ---------------------------------------------------------------- the table

TARGETS = {
    # (stage, size): (text, test on the results of the size)
    ("read", "L"): ("чтение+проверка < 10 с", lambda r: _sec(r, "read") + _sec(r, "check") < 10),
    ("check", "L"): ("чтение+проверка < 10 с", lambda r: _sec(r, "read") + _sec(r, "check") < 10),
    ("calamine", "L"): ("≤ 1,5 × calamine", lambda r: _sec(r, "read") <= 1.5 * _alone(r)),
    ("report", "L"): ("< 5 с", lambda r: _sec(r, "report") < 5),
    ("match", MATCH_SIZE): ("< 10 с", lambda r: _sec(r, "match") < 10),
    ("docs", "L"): ("≥ 50 программ/с", lambda r: (r["docs"]["ours"].get("per_second") or 0) >= 50),
    ("consolidate", "XL"): ("< 60 с", lambda r: _sec(r, "consolidate") < 60),
}
LABELS = {
    "read": "Чтение / read", "calamine": "  calamine отдельно / calamine alone", "check": "Проверка / check",
    "match": "Подбор пар / match", "docs": "Программы / programmes", "report": "Отчёт / report",
    "site": "Сайт / site", "run": "Весь запуск / whole run", "consolidate": "Свод города / city roll-up",
}


def _sec(results: dict, stage: str, variant: str = "ours") -> float:
    r = results.get(stage, {}).get(variant, {})
    if "seconds" not in r:
        raise KeyError(stage)
    return r["seconds"]


def _alone(results: dict) -> float:
    alone = results.get("read", {}).get("ours", {}).get("calamine_same_process_seconds")
    return alone if alone else _sec(results, "read", "calamine")


def _naive(stage: str, res: dict) -> str:
    ours = res.get("ours", {})
    if stage == "read":
        pd_ = res.get("pandas", {})
        if "seconds" in pd_ and "seconds" in ours:
            return f"pandas+openpyxl {pd_['seconds']:.2f} с: в {pd_['seconds'] / ours['seconds']:.1f} раза медленнее"
    if stage == "calamine":
        alone = ours.get("calamine_same_process_seconds")
        if alone and "seconds" in ours:
            return (f"calamine {alone:.3f} с (в том же процессе, попеременно); наше чтение = "
                    f"{ours['seconds'] / alone:.2f} × calamine")
    if stage == "match":
        g = res.get("greedy", {})
        if "seconds" in g and g.get("share_of_optimum") is not None:
            text = (f"жадный {g['seconds']:.2f} с против точного {g['solver_seconds']:.2f} с; "
                    f"жадный набирает {100 * g['share_of_optimum']:.2f} % оптимума")
            rnd = res.get("random", {})
            if "seconds" in rnd:
                text += f"; случайные банки модуля match ({rnd['mentees']}×{rnd['mentors']}): {rnd['seconds']:.2f} с"
            return text
    if stage == "docs":
        n = res.get("naive", {})
        if "seconds" in n:
            one = n["ours_one_process_seconds"]
            return (f"шаблон заново для каждого: {n['per_second']:.0f} док./с; один раз: "
                    f"{n['documents'] / one:.0f} док./с в 1 процессе — в {n['seconds'] / one:.1f} раза быстрее")
    if stage == "consolidate":
        s = res.get("serial", {})
        if "seconds" in s and "seconds" in ours:
            return (f"в одном процессе, файл за файлом: {s['seconds']:.1f} с "
                    f"(пул процессов быстрее в {s['seconds'] / ours['seconds']:.2f} раза)")
    return ""


def rows_of(size: str, results: dict) -> list[dict]:
    rows = []
    for stage in ("read", "calamine", "check", "match", "docs", "report", "site", "run", "consolidate"):
        res = results.get("read" if stage == "calamine" else stage)
        if res is None:
            continue
        ours = res.get("ours", {})
        row = {"stage": stage, "size": size, "label": LABELS[stage], "seconds": None, "peak_mb": None,
               "target": "", "met": None, "naive": "", "note": ""}
        if "missing" in ours:
            row["note"] = "нет"
        elif "failed" in ours:
            row["note"] = f"сбой: {ours['failed']}"
        elif stage == "calamine":
            cal = res.get("calamine", {})
            row["seconds"] = cal.get("seconds")
            row["peak_mb"] = cal.get("peak_mb")
        else:
            row["seconds"], row["peak_mb"] = ours.get("seconds"), ours.get("peak_mb")
            if ours.get("children_peak_mb"):
                row["note"] = f"пик дочерних процессов {ours['children_peak_mb']:.0f} МБ"
            if stage == "docs" and ours.get("per_second"):
                row["note"] = f"{ours['documents']} программ, {ours['per_second']:.0f} в секунду"
            if stage == "match":
                inner = ours.get("inner", {})
                row["note"] = (f"{ours['mentees']} наставляемых × {ours['mentors']} наставников; из них решение "
                               f"{inner.get('solve', 0):.2f} с, баллы {inner.get('scores', 0):.2f} с, "
                               f"пояснения {inner.get('reasons', 0):.2f} с")
            if stage == "run" and ours.get("inner"):
                row["note"] = "; ".join(f"{k} {x:.1f} с" for k, x in ours["inner"].items())
            if stage == "check":
                row["note"] = f"ошибок {ours['errors']}, предупреждений {ours['warnings']}"
            if stage == "report":
                row["note"] = f"расчёт {ours['compute_seconds']:.2f} с + xlsx"
        row["naive"] = _naive(stage, res)
        target = TARGETS.get((stage, size))
        if target:
            row["target"] = target[0]
            try:
                row["met"] = bool(target[1](results))
            except KeyError:
                row["met"] = None
        if size in ("L", "XL", MATCH_SIZE) and row["peak_mb"] is not None:
            peak = max(row["peak_mb"], ours.get("children_peak_mb") or 0)
            memory_ok = peak < 2 * GB
            row["met"] = memory_ok if not target else False if row["met"] is False or not memory_ok else row["met"]
            row["target"] = (row["target"] + "; " if row["target"] else "") + "память < 2 ГБ"
        rows.append(row)
    return rows


def print_table(rows: list[dict]) -> None:
    head = ("Этап / stage", "Размер", "Время, с", "Пик, МБ", "Цель / target", "Итог", "Наивный способ / naive")
    print()
    print(" | ".join(head))
    print("-" * 140)
    for r in rows:
        sec = f"{r['seconds']:.3f}" if r["seconds"] is not None else (r["note"] if r["note"] else "—")
        peak = f"{r['peak_mb']:.0f}" if r["peak_mb"] is not None else "—"
        met = {True: "да", False: "НЕТ", None: "?"}[r["met"]] if r["target"] else ""
        naive = r["naive"] + (f"  [{r['note']}]" if r["note"] and r["seconds"] is not None else "")
        print(f"{r['label']:<44} | {r['size']:<9} | {sec:>9} | {peak:>6} | {r['target']:<34} | {met:<4} | {naive}")


def markdown(rows: list[dict]) -> str:
    """The same rows as a Markdown table, for the README."""
    out = ["| Этап / stage | Размер | Время | Пик памяти | Цель | Итог | Наивный способ / naive |",
           "|---|---|---:|---:|---|---|---|"]
    for r in rows:
        sec = (f"{r['seconds']:.{2 if r['seconds'] >= 1 else 3}f} с" if r["seconds"] is not None
               else (r["note"] or "—"))
        peak = f"{r['peak_mb']:.0f} МБ" if r["peak_mb"] is not None else "—"
        met = {True: "да", False: "**нет**", None: "?"}[r["met"]] if r["target"] else ""
        naive = r["naive"] + (f" ({r['note']})" if r["note"] and r["seconds"] is not None else "")
        out.append(f"| {r['label'].strip()} | {r['size']} | {sec} | {peak} | {r['target']} | {met} | {naive} |")
    return "\n".join(out)


# ---------------------------------------------------------------- main

def run_size(size: str, cache: Path, timeout: float) -> tuple[dict, dict]:
    """{stage: {variant: result}} for one size (and for the 5,000 × 2,000 matching bank at L)."""
    plan = PER_CITY if size == "XL" else PER_SIZE
    paths = workbooks(size, cache)
    results: dict = {}
    for stage, variant in plan:
        if variant != "ours" and "missing" in results.get(stage, {}).get("ours", {}):
            continue
        t = time.perf_counter()
        res = measure(stage, variant, size, paths, timeout)
        results.setdefault(stage, {})[variant] = res
        state = "нет" if "missing" in res else "сбой" if "failed" in res else f"{res['seconds']:.2f} с"
        print(f"  {size:<3} {stage:<12} {variant:<9} {state:<10} ({time.perf_counter() - t:.1f} с с запуском)",
              flush=True)
    extra: dict = {}
    if size == "L":
        match_paths = workbooks("MATCH", cache)
        for variant in ("ours", "greedy", "random"):
            res = measure("match", variant, MATCH_SIZE, match_paths, timeout)
            extra.setdefault("match", {})[variant] = res
            state = "нет" if "missing" in res else "сбой" if "failed" in res else f"{res['seconds']:.2f} с"
            print(f"  {MATCH_SIZE} match {variant:<9} {state}", flush=True)
    return results, extra


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        stage, variant, size, *paths = argv[1:]
        print(json.dumps(worker(stage, variant, size, paths), ensure_ascii=False, default=str))
        return 0
    ap = argparse.ArgumentParser(description="Замеры скорости и памяти nastavnik на синтетических книгах.")
    ap.add_argument("--sizes", default="S", help="Размеры через запятую: S, M, L, XL (по умолчанию S).")
    ap.add_argument("--json", dest="json_path", type=Path, help="Записать результаты в этот JSON-файл.")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "nastavnik-bench",
                    help="Папка для сгенерированных книг (не в git).")
    ap.add_argument("--timeout", type=float, default=1800, help="Предел одного замера, с.")
    ap.add_argument("--strict", action="store_true", help="Код возврата 1 при сбое этапа или недостигнутой цели.")
    ap.add_argument("--markdown", action="store_true", help="Напечатать ещё и таблицу Markdown (для README).")
    args = ap.parse_args(argv)
    sizes = [x.strip().upper() for x in args.sizes.split(",") if x.strip()]
    from nastavnik.synth import SIZES

    bad = [x for x in sizes if x not in SIZES or x == "MATCH"]
    if bad:
        ap.error(f"неизвестный размер: {', '.join(bad)} (есть S, M, L, XL)")
    print(f"nastavnik bench: {platform.python_version()}, {os.cpu_count()} ядра, дата {TODAY:%d.%m.%Y}, "
          f"seed {SEED}", flush=True)
    started = time.perf_counter()
    report = {"today": TODAY.isoformat(), "seed": SEED, "python": platform.python_version(),
              "cpus": os.cpu_count(), "machine": platform.platform(), "sizes": {}, "rows": []}
    for size in sizes:
        results, extra = run_size(size, args.cache, args.timeout)
        report["sizes"][size] = results
        report["rows"] += rows_of(size, results)
        if extra:
            report["sizes"][MATCH_SIZE] = extra
            report["rows"] += rows_of(MATCH_SIZE, extra)
    report["seconds"] = time.perf_counter() - started
    print_table(report["rows"])
    if args.markdown:
        print()
        print(markdown(report["rows"]))
    print(f"\nВсего {report['seconds']:.0f} с. Повторить: python scripts/bench.py --sizes {','.join(sizes)}")
    if args.json_path:
        args.json_path.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        print(f"JSON: {args.json_path}")
    failed = [r for r in report["rows"] if r["note"].startswith("сбой") or r["met"] is False]
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
