"""Time ``nastavnik match`` on a random centre.

    python3 scripts/bench_match.py [MENTEES MENTORS SEED]            # the matching alone, in memory
    python3 scripts/bench_match.py 10000 4000 --command [--format F]  # the whole command on a workbook

With ``--command`` a synthetic workbook of that size is written once (kept under /tmp) and ``nastavnik match``
runs on it in a fresh process, as the curator runs it — start-up, reading, matching, reasons, output — and the
wall time and the process's peak memory are printed (the figures of issue 28: 5,000 × 2,000 < 8 s and < 400 MB,
10,000 × 4,000 < 30 s).
"""

from __future__ import annotations

import sys
import time

from nastavnik.match import solve_random

TODAY = "25.11.2026"


def in_memory(n_me: int, n_mr: int, seed: int) -> None:
    start = time.perf_counter()
    result, seconds = solve_random(n_me, n_mr, seed)
    slots = sum(result.capacity.values())
    print(f"{n_me} наставляемых × {n_mr} наставников, свободных мест {slots}: "
          f"пар {len(result.proposal)}, без пары {len(result.unmatched)}, сумма {result.total_score}")
    print(f"подбор: {seconds:.2f} с (с генерацией данных {time.perf_counter() - start:.2f} с); этапы: {result.timings}")


def workbook(n_me: int, n_mr: int, seed: int):
    """The synthetic workbook of this size, written on first use."""
    import datetime as dt
    import tempfile
    from pathlib import Path

    from nastavnik.workbook.samples.synth import Size, write_synth

    path = Path(tempfile.gettempdir()) / "nastavnik-bench-match" / f"{n_me}x{n_mr}-{seed}.xlsx"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_synth(path, Size(n_mr, n_me, 0, 0), seed, dt.datetime.strptime(TODAY, "%d.%m.%Y").date())
    return path


def command(n_me: int, n_mr: int, seed: int, fmt: str) -> None:
    import resource
    import subprocess
    import tempfile

    path = workbook(n_me, n_mr, seed)
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "nastavnik", "--today", TODAY, "match", str(path), "--format", fmt,
               "--out", out]
        start = time.perf_counter()
        proc = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"nastavnik match завершился с кодом {proc.returncode}: {proc.stderr.strip()[-300:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print(f"nastavnik match --format {fmt}, {n_me} наставляемых × {n_mr} наставников ({path}): "
          f"{seconds:.2f} с, пик памяти {peak:.0f} МБ")


def main(argv: list[str]) -> None:
    fmt = "text"
    if "--format" in argv:
        at = argv.index("--format")
        fmt = argv[at + 1]
        del argv[at:at + 2]
    whole = "--command" in argv
    args = [x for x in argv if x != "--command"]
    n_me, n_mr, seed = (int(x) for x in (args + ["5000", "2000", "1"][len(args):])[:3])
    if whole:
        command(n_me, n_mr, seed, fmt)
    else:
        in_memory(n_me, n_mr, seed)


if __name__ == "__main__":
    main(sys.argv[1:])
