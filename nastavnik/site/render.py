"""Render the website section with Jinja2 and put it in place whole.

Every page exists twice: the regular one at the top of the folder and the
version for the visually impaired under ``special/`` (large font, high
contrast, no images). A link on every page leads to its twin. Two sets of
plain pages were chosen over a switch in JavaScript: they work with scripts
disabled, in a screen reader and on any hosting, and need no cookies.

The pages are built in a temporary folder beside the target and renamed into
place, so the site folder is either the previous whole site or the new whole
site. An existing folder is replaced only if it is a site made by this program
(its index.html carries ``<meta name="generator" content="nastavnik">``) or is
empty: a mistyped ``--out`` must not wipe someone's documents.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..parse import xml_safe
from ..problems import NastavnikError
from .content import PAGES, site_content

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEETS = ("style.css", "special.css")
SPECIAL_DIR = "special"
GENERATOR_MARK = '<meta name="generator" content="nastavnik">'


def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                       finalize=lambda x: xml_safe(x) if isinstance(x, str) else x, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_pages(content: dict) -> dict[str, str]:
    """Relative path -> text of every file of the site (pages of both versions and stylesheets)."""
    env = environment()
    files: dict[str, str] = {}
    for special in (False, True):
        prefix = f"{SPECIAL_DIR}/" if special else ""
        css = [f"../{name}" for name in STYLESHEETS] if special else [STYLESHEETS[0]]
        for page in PAGES:
            files[prefix + page.file] = env.get_template(f"{page.key}.html").render(
                c=content, page=page, pages=PAGES, special=special, css=css,
                alt_href=f"../{page.file}" if special else f"{SPECIAL_DIR}/{page.file}",
            )
    for name in STYLESHEETS:
        files[name] = (TEMPLATES / name).read_text(encoding="utf-8")
    return files


def _is_ours(folder: Path) -> bool:
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    if not any(folder.iterdir()):
        return True
    index = folder / "index.html"
    try:
        return index.is_file() and GENERATOR_MARK in index.read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        return False


def write_site(files: dict[str, str], out_dir: Path) -> Path:
    """Write the files into a temporary folder beside ``out_dir`` and swap it in."""
    out_dir = Path(out_dir)
    if not _is_ours(out_dir):
        raise NastavnikError(
            f"Папка «{out_dir}» уже существует, не пуста и не похожа на раздел сайта, сделанный программой. "
            "Чтобы ничего не потерять, укажите для сайта новую или пустую папку параметром --out.")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    except OSError as exc:
        raise NastavnikError(f"Не удалось создать папку для сайта рядом с «{out_dir}»: {exc.strerror or exc}.") \
            from exc
    old: Path | None = None
    try:
        for rel, text in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        mode = 0o777 & ~_umask()
        os.chmod(tmp, mode)
        (tmp / SPECIAL_DIR).chmod(mode)
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}-{time.monotonic_ns()}")
            os.replace(out_dir, old)
        os.replace(tmp, out_dir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not out_dir.exists():
            os.replace(old, out_dir)
        raise NastavnikError(f"Не удалось записать сайт в папку «{out_dir}»: {exc.strerror or exc}.") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not out_dir.exists():
            os.replace(old, out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return out_dir


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def build_site(book, out_dir: str | os.PathLike, today: dt.date | None = None) -> Path:
    """Build the whole website section from the Book into ``out_dir``; return that folder.

    The folder is replaced whole; its ``index.html`` is the start page and
    ``special/index.html`` the start of the version for the visually impaired.
    """
    content = site_content(book, today or dt.date.today())
    return write_site(render_pages(content), Path(out_dir))
