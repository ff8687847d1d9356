"""Charts drawn once: a chart's PNG kept by what it shows, beside the runs, and reused by the next run.

The analytic report's charts were the longest single job of a school's run: matplotlib is imported and
draws them in about a second, while every other document of the school takes a few hundredths. A curator
runs the same book many times a month and the figures change rarely, so, like the signed orders' PDFs
(``site.documents``), a chart is kept in the runs' service folder under a key made of its drawing function,
its data and the code that draws it: a changed figure, title or drawing code is a new key and a new
picture. A folder that cannot be read or written is simply no cache.

The folder is set for the process that renders (``use``): the pipeline's workers get it in their
initializer. The oldest pictures beyond ``KEEP`` are removed, so the folder does not grow year after year.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

KEEP = 300  # about thirty runs' worth of changed charts
_PNG = b"\x89PNG\r\n\x1a\n"
_FOLDER: list[Path] = []
_STAMPS: dict[str, bytes] = {}


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


def _stamp(module: str) -> bytes:
    """The drawing code's own fingerprint: its module's source and matplotlib's version."""
    if module not in _STAMPS:
        from importlib import metadata

        h = hashlib.sha256()
        with contextlib.suppress(OSError, AttributeError, TypeError):
            h.update(Path(sys.modules[module].__file__).read_bytes())
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(metadata.version("matplotlib").encode())
        _STAMPS[module] = h.digest()
    return _STAMPS[module]


def key(draw: Callable, args: tuple) -> str:
    data = pickle.dumps((draw.__module__, draw.__qualname__, args), protocol=4)
    return hashlib.sha256(_stamp(draw.__module__) + data).hexdigest()


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
        folder.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(png)
        part.replace(path)
        _prune(folder)
    except OSError:
        pass
    return png


def _prune(folder: Path) -> None:
    pictures = sorted(folder.glob("*.png"), key=lambda p: p.stat().st_mtime)
    for old in pictures[:-KEEP] if len(pictures) > KEEP else []:
        with contextlib.suppress(OSError):
            old.unlink()
