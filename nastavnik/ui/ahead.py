"""The pairs matched in a process of their own while the run checks the book.

Matching a district's banks keeps one core busy for a quarter of a minute (the graph, the exact flow twice); the
check, the alerts and the month's list that come before it in ``run`` need the other one. With ``fork`` the
child has the book already read (nothing is pickled on the way in) and gives back only the ``MatchResult``; its
arrays — a gigabyte and a half at four times a district — die with it, so the documents' workers are later
forked from a smaller process.

Whatever goes wrong in the child (an error, a result pickle cannot carry, no ``fork`` on this system) only means
that the step matches in the run's own process, exactly as before: the curator meets the same message there.
A check that finds errors ends the run, and the child with it (the pool is terminated on leaving).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_BOOK: list = []  # the book, for the forked child


@contextmanager
def matched_ahead(book, today: dt.date) -> Iterator[Callable[[], object | None]]:
    """Start matching ``book`` now; yield a function that waits for the ``MatchResult`` (None: match here)."""
    import multiprocessing as mp

    if "fork" not in mp.get_all_start_methods():
        yield lambda: None
        return
    from nastavnik.base.workers import pool

    _BOOK[:] = [book]
    try:
        with pool(1) as workers:
            pending = workers.apply_async(_match, (today,))
            _BOOK.clear()  # the child has its own copy; this process keeps no second reference

            def wait():
                try:
                    return pending.get()
                except Exception:  # noqa: BLE001 - any failure of the child: the step matches itself
                    return None
                finally:
                    workers.terminate()  # its work is done: its memory goes now, not at the end of the run

            yield wait
    finally:
        _BOOK.clear()


def _match(today: dt.date):
    from nastavnik.match import match_book

    try:
        return match_book(_BOOK[0], today)
    except Exception:  # noqa: BLE001 - the run's own process matches again and reports the error there
        return None
