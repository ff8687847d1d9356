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

from .problems import NastavnikError

_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(name: str, fallback: str = "файл", limit: int = 120) -> str:
    """A file name that is valid on Windows and Linux and cannot leave its folder."""
    cleaned = _UNSAFE.sub("_", name or "")
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .")
    cleaned = cleaned.replace("..", "_")
    if not cleaned:
        cleaned = fallback
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned[:limit].rstrip(" .") or fallback


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over the target only on success."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise NastavnikError(_os_message(exc, target)) from exc
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, target)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise NastavnikError(_os_message(exc, target)) from exc
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


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


def _os_message(exc: OSError, target: Path) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return f"Не хватает места на диске для записи файла «{target}». Освободите место и повторите."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Нет прав на запись в папку «{target.parent}». Укажите другую папку параметром --out."
    return f"Не удалось записать файл «{target}»: {exc.strerror or exc}."
