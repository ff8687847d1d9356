"""Time ``nastavnik match`` on a random centre: python3 scripts/bench_match.py [MENTEES MENTORS SEED]."""

from __future__ import annotations

import sys
import time

from nastavnik.match import solve_random


def main(argv: list[str]) -> None:
    n_me, n_mr, seed = (int(x) for x in (argv + ["5000", "2000", "1"][len(argv):])[:3])
    start = time.perf_counter()
    result, seconds = solve_random(n_me, n_mr, seed)
    slots = sum(result.capacity.values())
    print(f"{n_me} наставляемых × {n_mr} наставников, свободных мест {slots}: "
          f"пар {len(result.proposal)}, без пары {len(result.unmatched)}, сумма {result.total_score}")
    print(f"подбор: {seconds:.2f} с (с генерацией данных {time.perf_counter() - start:.2f} с); этапы: {result.timings}")


if __name__ == "__main__":
    main(sys.argv[1:])
