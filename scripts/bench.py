#!/usr/bin/env python3
"""Benchmark of nastavnik at school, district and city scale, each figure beside the naive way.

A district methodologist holds thousands of teachers and a city tens of
thousands: we must know the figures rather than guess them. For each size the
synthetic workbooks of ``nastavnik.workbook.samples.synth`` are generated once (cached under
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
    python scripts/bench.py --sizes MATCH,BIG,4L --compare /tmp/old   # the matcher's figures, old code beside new

At L the 5,000 × 2,000 matching bank is also matched with each exact solver
(``nastavnik.match.solver``: ours, scipy's LAPJVsp over the whole graph, the
former dense ``linear_sum_assignment``) and with a greedy baseline. ``BIG`` is
the 10,000 × 4,000 pool matched in memory, ``4L`` the whole run at four times L.
``--compare DIR`` runs the matching and run stages once more with the code of
another checkout (e.g. ``git worktree add /tmp/old main``): old and new in one run.
"""

from __future__ import annotations

import argparse
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

from scripts.bench_stages import TODAY, Missing, greedy, need, worker

__all__ = ["Missing", "greedy", "main", "need", "rows_of"]

SEED = 1
MATCH_SIZE = "5000×2000"
BIG_SIZE = "BIG"  # 10,000 × 4,000 in memory (scripts.bench_stages.BIG)
RUN4_SIZE = "4L"  # the whole run at four times L
GB = 1024.0
# 4 × L's memory goal is the command's (below, COMMAND_TARGETS): the in-process row runs twice in one process, and
# its second run starts on the first one's heap (memory freed is not given back to the system), which no
# curator's run does — each ``nastavnik run`` is a process of its own.
MEMORY_MB = {"L": 2 * GB, "XL": 2 * GB, MATCH_SIZE: 500, BIG_SIZE: 1.5 * GB}
SHOWN = {BIG_SIZE: "10 000 × 4 000", RUN4_SIZE: "4 × L", MATCH_SIZE: "5 000 × 2 000"}


def extra_sizes() -> dict:
    from nastavnik.workbook.samples.synth import SIZES, Size

    big = SIZES["L"]
    return {RUN4_SIZE: Size(4 * big.mentors, 4 * big.mentees, 4 * big.pairs, 4 * big.plan)}
# Stages in the order they run at a size; each is (stage, variant) run in its own process.
PER_SIZE = [("read", "ours"), ("read", "calamine"), ("read", "pandas"), ("check", "ours"), ("match", "ours"),
            ("match", "greedy"), ("docs", "ours"), ("docs", "naive"), ("report", "ours"), ("site", "ours"),
            ("run", "ours")]
PER_CITY = [("consolidate", "ours"), ("consolidate", "serial")]
SCHOOL = "SCHOOL"  # the school's demonstration book: the curator's own commands, whole
PER_SCHOOL = [("command", "check"), ("command", "run")]
# CI's growth guard (``--growth``): our stages only, at S and M; a stage whose time per person at M is more than
# GROWTH × its time per person at S grows faster than the book (a quadratic step shows 20 ×).
PER_GROWTH = [("read", "ours"), ("check", "ours"), ("match", "ours"), ("docs", "ours"), ("report", "ours"),
              ("site", "ours"), ("run", "ours")]
GROWTH = 3.0
COMMAND_TARGETS = {(SCHOOL, "run"): (3.0, None), (SCHOOL, "check"): (0.6, None), (MATCH_SIZE, "match"): (8.0, 400.0),
                   (BIG_SIZE, "match"): (30.0, None), (RUN4_SIZE, "run"): (60.0, 2 * GB)}


# ---------------------------------------------------------------- workbooks

def fingerprint() -> str:
    """Cached workbooks are regenerated when the generator, the schema or the template change."""
    h = hashlib.sha1(f"{SEED}/{TODAY}".encode())
    workbook = ROOT / "nastavnik" / "workbook"
    for path in sorted([*workbook.glob("*.py"), *(workbook / "samples").glob("*.py")]):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def workbooks(size: str, cache: Path) -> list[Path]:
    """The cached workbook(s) of a size, generated on first use: one file, or 50 for the city (XL)."""
    from nastavnik.workbook.samples.synth import SIZES, write_synth

    current = fingerprint()
    spec = extra_sizes().get(size, size)
    folder = cache / current / size
    if cache.is_dir():  # workbooks of an older generator or schema are of no further use
        import re
        import shutil

        for old in cache.iterdir():
            if old.is_dir() and old.name != current and re.fullmatch(r"[0-9a-f]{12}", old.name):
                shutil.rmtree(old, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    books = spec.books if not isinstance(spec, str) else SIZES[size].books
    paths = [folder / f"ddt-{n + 1:03d}.xlsx" for n in range(books)]
    todo = [(n, p) for n, p in enumerate(paths) if not p.exists()]
    if todo:
        t = time.perf_counter()
        for n, p in todo:
            write_synth(p, spec, SEED, TODAY, book_no=n)
        print(f"  [{size}: создано книг {len(todo)} за {time.perf_counter() - t:.1f} с → {folder}]", flush=True)
    return paths


# ---------------------------------------------------------------- stages (run inside a worker process)
def measure(stage: str, variant: str, size: str, paths: list[Path], timeout: float, code: Path | None = None) -> dict:
    """Run one stage in a fresh process; ``code`` — the root of another checkout whose ``nastavnik`` to time."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", stage, variant, size, *map(str, paths)]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("NASTAVNIK_BENCH_CODE", None)
    if code is not None:
        env["NASTAVNIK_BENCH_CODE"] = str(code)
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=timeout, env=env,
                              cwd=str(ROOT))
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
    ("match", MATCH_SIZE): ("< 10 с, не медленнее прежнего", lambda r: _sec(r, "match") < 10 and (
        "old" not in r["match"] or "seconds" not in r["match"]["old"] or _sec(r, "match") <= _sec(r, "match", "old"))),
    ("match", BIG_SIZE): ("точно < 60 с", lambda r: _sec(r, "match") < 60),
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
    if stage in ("match", "run"):
        parts = []
        old = res.get("old", {})
        if "seconds" in old:
            same = ("" if old.get("total_score") is None or old["total_score"] == ours.get("total_score")
                    else f", сумма {old['total_score']} против {ours.get('total_score')}")
            parts.append(f"прежний код: {old['seconds']:.2f} с, {old['peak_mb']:.0f} МБ{same}")
        elif "failed" in old:
            parts.append(f"прежний код: сбой ({old['failed'][:60]})")
        for variant, name in (("matching", "LAPJVsp по всему графу"), ("dense", "плотный linear_sum_assignment")):
            other = res.get(variant, {})
            if "seconds" in other:
                same = "тот же оптимум" if other.get("flow_units") == ours.get("flow_units") else "ДРУГОЙ ОПТИМУМ"
                parts.append(f"{name}: {other['seconds']:.2f} с, {other['peak_mb']:.0f} МБ, {same}")
        g = res.get("greedy", {})
        if "seconds" in g and g.get("share_of_optimum") is not None:
            parts.append(f"жадный {g['seconds']:.2f} с против точного {g['solver_seconds']:.2f} с; "
                         f"жадный набирает {100 * g['share_of_optimum']:.2f} % оптимума")
        return "; ".join(parts)
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
        row = {"stage": stage, "size": SHOWN.get(size, size), "label": LABELS[stage], "seconds": None, "peak_mb": None,
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
                if ours.get("first_seconds"):
                    row["note"] = f"повторный запуск; первый — {ours['first_seconds']:.1f} с. {row['note']}"
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
        if size in MEMORY_MB and row["peak_mb"] is not None:
            peak = max(row["peak_mb"], ours.get("children_peak_mb") or 0)
            limit = MEMORY_MB[size]
            memory_ok = peak < limit
            row["met"] = memory_ok if not target else False if row["met"] is False or not memory_ok else row["met"]
            text = f"{limit / GB:.1f} ГБ".replace(".", ",").replace(",0 ", " ") if limit >= GB else f"{limit:.0f} МБ"
            row["target"] = (row["target"] + "; " if row["target"] else "") + f"память < {text}"
        rows.append(row)
    return rows


def command_rows(size: str, results: dict) -> list[dict]:
    """Rows of the whole commands (``nastavnik run``, ``check``, ``match``) measured at this size."""
    rows = []
    for variant, res in sorted(results.get("command", {}).items()):
        row = {"stage": f"command {variant}", "size": SHOWN.get(size, size), "naive": "", "note": "",
               "label": f"Команда nastavnik {variant} целиком", "seconds": res.get("seconds"),
               "peak_mb": res.get("command_peak_mb"), "target": "", "met": None}
        if "failed" in res:
            row["note"] = f"сбой: {res['failed']}"
        limit = COMMAND_TARGETS.get((size, variant))
        if limit and row["seconds"] is not None:
            seconds, memory = limit
            row["target"] = f"< {seconds:g} с".replace(".", ",") + (f"; память < {memory:.0f} МБ" if memory else "")
            row["met"] = row["seconds"] < seconds and (memory is None or (row["peak_mb"] or 0) < memory)
        rows.append(row)
    return rows


def growth(report: dict, small: str = "S", large: str = "M", limit: float = GROWTH) -> list[str]:
    """Stages whose time per person grows more than ``limit`` × from ``small`` to ``large`` (Russian lines)."""
    from nastavnik.workbook.samples.synth import SIZES

    out = []
    people = {k: SIZES[k].mentors + SIZES[k].mentees for k in (small, large)}
    a, b = report["sizes"].get(small, {}), report["sizes"].get(large, {})
    for stage in sorted(set(a) & set(b)):
        x, y = a[stage].get("ours", {}), b[stage].get("ours", {})
        if not x.get("seconds") or not y.get("seconds"):
            continue
        ratio = (y["seconds"] / people[large]) / (x["seconds"] / people[small])
        if ratio > limit:
            out.append(f"{LABELS.get(stage, stage)}: на человека при {large} в {ratio:.1f} раза дольше, чем при "
                       f"{small} (допустимо до {limit:g})")
    return out


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

def _old(variant: str) -> bool:
    return variant == "old"


def run_size(size: str, cache: Path, timeout: float, compare: Path | None = None,
             growth_only: bool = False) -> tuple[dict, dict]:
    """{stage: {variant: result}} for one size (and for the 5,000 × 2,000 matching bank at L)."""
    plan = {"XL": PER_CITY, BIG_SIZE: [("match", "ours")], RUN4_SIZE: [("run", "ours"), ("command", "run")], "MATCH": [],
            SCHOOL: PER_SCHOOL}.get(size, PER_GROWTH if growth_only else PER_SIZE)
    if compare is not None and size in (BIG_SIZE, RUN4_SIZE):
        plan = [*plan, (plan[0][0], "old")]
    from scripts.bench_stages import school_book

    paths = ([] if size in (BIG_SIZE, "MATCH") else [school_book(cache / "school")] if size == SCHOOL
             else workbooks(size, cache))
    results: dict = {}
    for stage, variant in plan:
        if variant != "ours" and "missing" in results.get(stage, {}).get("ours", {}):
            continue
        t = time.perf_counter()
        fn_variant = "big" if size == BIG_SIZE else "ours" if _old(variant) else variant
        if stage == "command":
            fn_variant = variant
        res = measure(stage, fn_variant, size, paths, timeout, compare if _old(variant) else None)
        results.setdefault(stage, {})[variant] = res
        state = "нет" if "missing" in res else "сбой" if "failed" in res else f"{res['seconds']:.2f} с"
        print(f"  {size:<3} {stage:<12} {variant:<9} {state:<10} ({time.perf_counter() - t:.1f} с с запуском)",
              flush=True)
    extra: dict = {}
    if size in ("L", "MATCH"):
        match_paths = workbooks("MATCH", cache)
        for variant in ("ours", "command", "greedy", "dense", "matching", *(("old",) if compare else ())):
            stage = "command" if variant == "command" else "match"
            res = measure(stage, "ours" if _old(variant) else "match" if variant == "command" else variant,
                          MATCH_SIZE, match_paths, timeout, compare if _old(variant) else None)
            extra.setdefault("match", {})[variant] = res
            state = "нет" if "missing" in res else "сбой" if "failed" in res else f"{res['seconds']:.2f} с"
            print(f"  {MATCH_SIZE} match {variant:<9} {state}", flush=True)
    return results, extra


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        stage, variant, size, *paths = argv[1:]
        if os.environ.get("NASTAVNIK_BENCH_CODE"):  # time another checkout's nastavnik (--compare)
            sys.path.insert(0, os.environ["NASTAVNIK_BENCH_CODE"])
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
    ap.add_argument("--compare", type=Path, help="Корень другой копии проекта (например, прежней версии): подбор "
                    "и весь запуск замеряются ещё и с её кодом.")
    ap.add_argument("--growth", action="store_true", help="Только наши этапы; код возврата 1, если время этапа на "
                    f"человека при M больше чем в {GROWTH:g} раза превышает время при S (нужны размеры S и M).")
    args = ap.parse_args(argv)
    sizes = [x.strip().upper() for x in args.sizes.split(",") if x.strip()]
    from nastavnik.workbook.samples.synth import SIZES

    bad = [x for x in sizes if x not in SIZES and x not in (BIG_SIZE, RUN4_SIZE, SCHOOL)]
    if bad:
        ap.error(f"неизвестный размер: {', '.join(bad)} (есть S, M, L, XL, MATCH — только подбор 5 000 × 2 000, "
                 "BIG — подбор 10 000 × 4 000, 4L — весь запуск на 4 × L, SCHOOL — команды на демо-книге школы)")
    print(f"nastavnik bench: {platform.python_version()}, {os.cpu_count()} ядра, дата {TODAY:%d.%m.%Y}, "
          f"seed {SEED}", flush=True)
    started = time.perf_counter()
    report = {"today": TODAY.isoformat(), "seed": SEED, "python": platform.python_version(),
              "cpus": os.cpu_count(), "machine": platform.platform(), "sizes": {}, "rows": []}
    for size in sizes:
        results, extra = run_size(size, args.cache, args.timeout, args.compare, growth_only=args.growth)
        report["sizes"][size] = results
        report["rows"] += rows_of(size, results) + command_rows(size, results)
        if extra:
            report["sizes"][MATCH_SIZE] = extra
            report["rows"] += rows_of(MATCH_SIZE, extra) + command_rows(MATCH_SIZE, extra)
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
    if args.growth:
        grown = growth(report)
        print("\nРост времени на человека от S к M: " + ("; ".join(grown) if grown else
                                                         f"у всех этапов не больше {GROWTH:g} ×"))
        if grown:
            return 1
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
