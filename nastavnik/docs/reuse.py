"""A document that would come out the same as in the last run is copied from it instead of made again.

A curator runs the same book many times a month, and between two runs a few rows change: at district scale
the run rendered its 7,900 documents again each time (two workers busy for four seconds). Each document is a
function of its kind's template, its context (the data the planning gave it) and the code that renders it, so
a document is keyed by all three: the SHA-256 of the template's bytes, of its pickled context and of the
package's own source with the rendering libraries' versions. A run leaves beside the runs, in the service
folder, a list of the documents it made with their keys and their files' size and modification time. The
next run copies a document from the last complete run only when the key is the same **and** the earlier file is untouched
(the curator may have opened it in Word and edited it: then it is made again, and her file is not touched).

Anything unusual — no list, another version of the program, a file gone or changed, a context that cannot be
pickled — means the document is simply made. A copy is written like a made document (whole or absent).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import pickle
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MANIFEST = "документы.json"
_LIBRARIES = ("docxtpl", "python-docx", "jinja2", "lxml", "matplotlib", "pymorphy3")


@cache  # once per process: the source does not change under a running program
def code_stamp() -> str:
    """The program's own fingerprint: every source file of the package and the rendering libraries' versions."""
    from importlib import metadata

    import nastavnik

    h = hashlib.sha256()
    root = Path(nastavnik.__file__).parent
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{name}={metadata.version(name)}".encode())
    return h.hexdigest()


@dataclass
class Reuse:
    """What a worker needs: where this run writes, the last run's documents, and the keys' common part."""

    out_dir: Path
    stamp: str
    earlier_dir: Path | None = None
    earlier: dict[str, list] = field(default_factory=dict)  # relative path → [key, size, mtime_ns]
    templates: dict[str, str] = field(default_factory=dict)  # kind → SHA-256 of its template's bytes


def prepare(manifest: Path | None, earlier_dir: Path | None, out_dir: Path,
            sources: dict[str, tuple[str, bytes]]) -> Reuse | None:
    """The reuse of this run (None: none at all): ``earlier_dir`` is the documents' folder of the last complete
    run, ``manifest`` the list a run leaves. A list and a folder that do not belong together are harmless: a
    document is copied only when its file is exactly as listed, to the nanosecond of its modification time."""
    if manifest is None:
        return None
    reuse = Reuse(Path(out_dir), code_stamp(),
                  templates={k: hashlib.sha256(data).hexdigest() for k, (_, data) in sources.items()})
    if earlier_dir is None or not Path(earlier_dir).is_dir():
        return reuse
    try:
        earlier = json.loads(manifest.read_text(encoding="utf-8"))
        if earlier.get("stamp") == reuse.stamp:
            reuse.earlier_dir, reuse.earlier = Path(earlier_dir), dict(earlier["documents"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return reuse


def packed(context) -> bytes | None:
    """The context as the key hashes it (and as a worker unpickles it); None when pickle cannot take it."""
    try:
        return pickle.dumps(context, protocol=4)
    except Exception:  # noqa: BLE001 - a context pickle cannot take is only never reused
        return None


def key(reuse: Reuse, kind: str, context) -> str | None:
    return key_of(reuse, kind, packed(context))


def key_of(reuse: Reuse, kind: str, data: bytes | None) -> str | None:
    """The key of a context already pickled (``packed``)."""
    if data is None:
        return None
    return hashlib.sha256(f"{reuse.stamp}\0{kind}\0{reuse.templates.get(kind, '')}\0".encode() + data).hexdigest()


def copied(reuse: Reuse, relative: str, document_key: str | None, target: Path) -> bool:
    """Copy the last run's document to ``target`` when it is the same document and still as it was made."""
    from nastavnik.base.safeio import write_bytes

    entry = reuse.earlier.get(relative)
    if document_key is None or reuse.earlier_dir is None or not entry or entry[0] != document_key:
        return False
    source = reuse.earlier_dir / relative
    try:
        before = source.stat()
        if [before.st_size, before.st_mtime_ns] != list(entry[1:]):
            return False  # opened and saved since: made again
        write_bytes(target, source.read_bytes())
    except OSError:
        return False
    return True


def save(manifest: Path | None, reuse: Reuse | None, made: dict[str, str | None]) -> None:
    """The list for the next run: this run's documents (relative path → key), with their files' size and time."""
    if manifest is None or reuse is None:
        return
    from nastavnik.base.safeio import write_text

    documents = {}
    for relative, document_key in made.items():
        if document_key is None:
            continue
        with contextlib.suppress(OSError):
            st = (reuse.out_dir / relative).stat()
            documents[relative] = [document_key, st.st_size, st.st_mtime_ns]
    with contextlib.suppress(OSError):
        manifest.parent.mkdir(parents=True, exist_ok=True)
        write_text(manifest, json.dumps({"stamp": reuse.stamp, "documents": documents}, ensure_ascii=False))
