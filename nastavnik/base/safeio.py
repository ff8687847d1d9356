"""Outputs are written whole or not at all, and only inside the output folder.

Every file goes to a temporary name beside its target and is renamed over it
when complete, so an interrupted run or a full disk never leaves half a file
that the curator could mistake for a real one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from nastavnik.base.oserrors import as_os_error, os_message
from nastavnik.base.problems import EnvironmentProblem

_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


# A file name is at most 255 bytes on Linux file systems (ext4, btrfs) whatever the characters, and Windows
# keeps a whole path under 260 characters: a Cyrillic letter is 2 bytes, an emoji 4. The margin leaves room
# for a «~$» lock file, a «(2)» counter and a PDF beside the document.
MAX_NAME_BYTES = 200
MAX_NAME_CHARS = 120
_EXT = re.compile(r"\.[A-Za-z]{2,4}$")


def _cut(text: str, max_bytes: int, max_chars: int) -> str:
    """At most so many UTF-8 bytes and characters, cut on a character boundary."""
    text = text[:max_chars]
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    return data[:max_bytes].decode("utf-8", errors="ignore")


def safe_filename(name: str, fallback: str = "файл", suffix: str = "") -> str:
    """A file name that is valid on Windows and Linux, fits the file system and cannot leave its folder.

    A trailing extension of ``name`` and the given ``suffix`` (a counter, an extension) are kept whole;
    only the stem is shortened.
    """
    cleaned = _UNSAFE.sub("_", name or "")
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .")
    cleaned = cleaned.replace("..", "_")
    m = _EXT.search(cleaned)
    ext = m.group(0) if m and m.start() > 0 else ""
    stem = cleaned[: len(cleaned) - len(ext)] if ext else cleaned
    if not stem.strip(" ._"):
        stem = fallback
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    tail = ext + suffix
    room = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    stem = _cut(stem, room, MAX_NAME_CHARS - len(tail)).rstrip(" .") or fallback
    return stem + tail


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over the target only on success."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{_cut(target.name, 40, 40)}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise EnvironmentProblem(os_message(exc, target, "записать файл"), other_folder=True) from exc
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, target)
    except BaseException as exc:
        _remove(tmp_path)
        refusal = as_os_error(exc) if isinstance(exc, Exception) else None
        if refusal is None or isinstance(exc, EnvironmentProblem):
            raise
        # A full disk, a read-only folder… from any writer: OSError, xlsxwriter's FileCreateError, zipfile's.
        raise EnvironmentProblem(os_message(refusal, target, "записать файл"), other_folder=True) from exc


# The temporary names ``atomic_path`` gives (``tempfile.mkstemp``: eight random characters) and the one a PDF
# is moved through (``docs.pdf``).
_LEFTOVER = re.compile(r"^\..+\.tmp$")


@contextlib.contextmanager
def swept_on_failure(folder: str | os.PathLike) -> Iterator[None]:
    """Around a pool of processes writing into ``folder``: if the step fails, remove the temporary files its
    workers left there.

    A failure in one worker (a full disk) ends the pool with SIGTERM while another worker is writing; a killed
    process removes nothing, and «.Приказ о закреплении….tmp» would stay beside the documents. Only files made
    since the step began are removed: a temporary file is never the curator's. Put the pool inside: it is
    terminated, and its workers are gone, before the sweep.
    """
    import time

    since = time.time() - 1.0
    try:
        yield
    except BaseException:
        for path in Path(folder).rglob(".*.tmp"):
            with contextlib.suppress(OSError):
                if _LEFTOVER.match(path.name) and path.is_file() and path.stat().st_mtime >= since:
                    path.unlink()
        raise


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only folder: the temporary name was never written either


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(target: str | os.PathLike, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_text(target: str | os.PathLike, text: str) -> Path:
    return write_bytes(target, text.encode("utf-8"))
