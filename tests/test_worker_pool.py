"""The guarded pool: a stop signal that lands while its workers are forked still stops the caller.

A SIGTERM (or Ctrl+C) delivered inside ``os.fork`` is raised in an after-fork hook, where Python prints it
as «Exception ignored» and goes on: the run went on making documents after «Снять задачу», or ended by the
bare signal with no note in its folder. The test puts the signal exactly there, with an after-fork hook.
"""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from nastavnik.base import workers

from .test_interrupts import _alive

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and signals of Linux")

_ARMED: list[bool] = []


def _stop_inside_the_fork() -> None:
    if _ARMED:
        _ARMED.clear()
        os.kill(os.getpid(), signal.SIGTERM)


os.register_at_fork(after_in_parent=_stop_inside_the_fork)


def _raise(signum, frame):
    raise KeyboardInterrupt


def test_a_stop_that_lands_in_the_fork_is_raised_by_pool_and_leaves_no_worker():
    before = signal.signal(signal.SIGTERM, _raise)
    try:
        _ARMED.append(True)
        with pytest.raises(KeyboardInterrupt):
            workers.pool(2)
    finally:
        _ARMED.clear()
        signal.signal(signal.SIGTERM, before)
    import multiprocessing

    left = [p.pid for p in multiprocessing.active_children()]
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in left) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in left)


def test_workers_of_a_pool_made_with_the_signals_held_can_still_be_terminated():
    made = workers.pool(2)
    pids = [p.pid for p in made._pool]
    made.terminate()  # SIGTERM to each: a worker that kept the parent's held mask would never die
    made.join()
    assert not any(_alive(pid) for pid in pids)


def test_the_callers_signal_mask_is_as_it_was():
    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    with workers.pool(1) as made:
        assert made.apply(os.getpid) != os.getpid()
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before


def _write_slowly(target: str, ready: str) -> None:
    from nastavnik.base.safeio import atomic_path

    with atomic_path(target) as tmp:
        tmp.write_bytes(b"half a document")
        open(ready, "w").close()
        time.sleep(30)


def _fail_when(ready: str) -> None:
    deadline = time.monotonic() + 20
    while not os.path.exists(ready) and time.monotonic() < deadline:
        time.sleep(0.02)
    raise OSError(28, "No space left on device")


def test_a_worker_ended_with_the_pool_leaves_no_half_written_file(tmp_path):
    """One worker fails (a full disk) while the other is writing: the pool is terminated on leaving, and the
    file being written must go with it, not stay beside the documents as «.Приказ….tmp»."""
    from nastavnik.base.safeio import swept_on_failure

    target, ready = tmp_path / "Приказ.docx", tmp_path / "ready"
    (tmp_path / ".старый.tmp").write_bytes(b"")  # not this step's: left alone
    os.utime(tmp_path / ".старый.tmp", (0, 0))
    with pytest.raises(OSError), swept_on_failure(tmp_path), workers.pool(2) as made:
        writing = made.apply_async(_write_slowly, (str(target), str(ready)))
        made.apply_async(_fail_when, (str(ready),)).get(timeout=30)
        writing.get(timeout=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".старый.tmp", "ready"]
