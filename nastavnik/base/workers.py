"""Process pools that never outlive the command that started them.

When a run is killed (kill -9, «Снять задачу», the OOM killer), a pool worker is
reparented to PID 1 and, holding its copy of the terminal's pipe, would wait for
work for ever: a launcher that waits for the output then hangs. Each worker asks
Linux to kill it when its parent dies (``PR_SET_PDEATHSIG``) and, everywhere,
watches its parent and leaves as soon as it is gone. Workers ignore Ctrl+C: the
parent decides, then ends the whole pool at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5
# The signals that end a run. They are held back while the pool forks its workers: a Ctrl+C or SIGTERM that
# lands inside ``os.fork`` is raised in an after-fork hook, where Python only prints it and goes on, so the run
# was not stopped at all (or was ended by the bare signal, exit −2, with no note in its folder).
_STOPS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
_CAN_HOLD = hasattr(signal, "pthread_sigmask")


def _ask_kernel_to_kill_us_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def guard_worker(parent: int | None = None) -> None:
    """Call first in a pool worker's initializer; ``parent`` is the pid of the process that made the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _CAN_HOLD:  # forked while the parent held them back: a worker must be stoppable by ``terminate``
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    _ask_kernel_to_kill_us_with_parent()
    parent = parent or os.getppid()
    if os.getppid() != parent:  # the parent died before we got here
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="parent-watch").start()


def pool(workers: int, initializer=None, initargs: tuple = ()):
    """A ``multiprocessing.Pool`` of guarded workers (fork where available: the templates are shared, not pickled).

    Used as a context manager it is terminated on leaving — at once on Ctrl+C or SIGTERM, instead of
    finishing every queued job as ``ProcessPoolExecutor`` would.
    """
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with _stops_held() as came:
        made = ctx.Pool(workers, initializer=_guarded, initargs=(os.getpid(), initializer, initargs))
    if came:  # a stop came while forking: the pool goes, and the stop is what it would have been
        made.terminate()
        signum, frame = came[0]
        handler = signal.getsignal(signum)
        if callable(handler):
            handler(signum, frame)
        elif handler == signal.SIG_DFL:
            signal.raise_signal(signum)
    return made


@contextlib.contextmanager
def _stops_held():
    """Hold back the stop signals while the pool forks; yield the list of those that came meanwhile.

    Two things are needed. The forking thread blocks them, so that a worker is born with them blocked and
    dies of a ``terminate`` only once it has its own handlers (``guard_worker`` unblocks them). And, in the
    main thread, their Python handlers are swapped for one that only notes the signal: a signal the kernel
    hands to another thread (pytest-xdist's, a window's) still runs its Python handler in the main thread, in
    whatever after-fork hook is running there.
    """
    came: list = []
    swapped = {}
    if threading.current_thread() is threading.main_thread():
        for signum in _STOPS:
            swapped[signum] = signal.signal(signum, lambda signum, frame: came.append((signum, frame)))
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS) if _CAN_HOLD else None
    try:
        yield came
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        _checkpoint()  # the Python handler of a signal that came meanwhile runs here: it is noted
        for signum, handler in swapped.items():
            signal.signal(signum, handler)


def _checkpoint() -> None:
    """A Python call: the interpreter runs the handlers of signals that arrived before it, at its start."""


def _guarded(parent: int, initializer, initargs: tuple) -> None:
    guard_worker(parent)
    if initializer is not None:
        initializer(*initargs)
