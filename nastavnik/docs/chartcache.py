"""Charts drawn once: a chart's PNG kept by what it shows, beside the runs, and reused by the next run.

The analytic report's charts were the longest single job of a school's run: matplotlib is imported and
draws them in about a second, while every other document of the school takes a few hundredths. A curator
runs the same book many times a month and the figures change rarely, so, like the signed orders' PDFs
(``site.documents``), a chart is kept in the runs' service folder under a key made of its drawing function,
its data and the program's own fingerprint: a changed figure, title or version of the program is a new
key and a new picture. A folder that cannot be read or written is simply no cache.

The folder is set for the process that renders (``use``): the pipeline's workers get it in their
initializer. The oldest pictures beyond ``KEEP`` are removed, so the folder does not grow year after year.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from nastavnik.base.problems import EnvironmentProblem
from nastavnik.base.safeio import write_bytes

KEEP = 300  # about thirty runs' worth of changed charts
_PNG = b"\x89PNG\r\n\x1a\n"
_FOLDER: list[Path] = []


def set_folder(folder: Path | None) -> None:
    """Where this process keeps the charts it draws (None: draw each time)."""
    _FOLDER[:] = [Path(folder)] if folder is not None else []


@contextlib.contextmanager
def use(folder: Path | None):
    """The cache for the duration of a block in this process (the single-process rendering)."""
    before = list(_FOLDER)
    set_folder(folder)
    try:
        yield
    finally:
        _FOLDER[:] = before


def key(draw: Callable, args: tuple) -> str:
    """The drawing function, its data and the program's own fingerprint (``reuse.code_stamp``)."""
    from .reuse import code_stamp

    data = pickle.dumps((draw.__module__, draw.__qualname__, args), protocol=4)
    return hashlib.sha256(code_stamp().encode() + data).hexdigest()


def drawn(draw: Callable, args: tuple) -> bytes:
    """``draw(*args)``, from the folder when the same chart was drawn before (and kept there when not)."""
    if not _FOLDER:
        return draw(*args)
    folder = _FOLDER[0]
    path = folder / f"{key(draw, args)}.png"
    try:
        png = path.read_bytes()
    except OSError:
        png = b""
    if png.startswith(_PNG):
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept by the pruning
        return png
    png = draw(*args)
    try:
        write_bytes(path, png)  # whole or absent, as every output
        _prune(folder)
    except (OSError, EnvironmentProblem):
        pass
    return png


def _prune(folder: Path) -> None:
    pictures = sorted(folder.glob("*.png"), key=lambda p: p.stat().st_mtime)
    for old in pictures[:-KEEP] if len(pictures) > KEEP else []:
        with contextlib.suppress(OSError):
            old.unlink()
