"""Render the website section with Jinja2 and put it in place whole.

Every page exists in the regular version at the top of the folder and in the
version for the visually impaired under ``special/``: one set of pages for each
combination of font size, colour scheme and images (ГОСТ Р 52872-2019), the
default set in ``special/`` itself. A link on every page leads to its twin.
Sets of plain pages were chosen over a switch in JavaScript: they work with
scripts disabled, in a screen reader and on any hosting, and need no cookies.

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

from nastavnik.base.oserrors import os_message
from nastavnik.base.problems import EnvironmentProblem, NastavnikError
from nastavnik.workbook.parse import xml_safe

from .content import PAGES, site_content

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEETS = ("style.css", "special.css")
SPECIAL_DIR = "special"
GENERATOR_MARK = '<meta name="generator" content="nastavnik">'
HOWTO = "КАК ОПУБЛИКОВАТЬ.txt"

# The version for the visually impaired (ГОСТ Р 52872-2019): font size, colour scheme, images. Without
# JavaScript a choice can be kept across pages only by the address, so every combination is a set of pages
# of its own: special/ is the default one, the others are special/<size>-<scheme>-<images>/.
SIZES = (("1", "крупный"), ("2", "очень крупный"), ("3", "максимальный"))
SCHEMES = (("bw", "чёрным по белому"), ("wb", "белым по чёрному"), ("blue", "тёмно-синим по голубому"))
IMAGES = (("on", "показывать"), ("off", "скрыть"))
DEFAULT_SET = ("1", "bw", "on")


def special_sets() -> list[tuple[str, str, str]]:
    return [(a, b, c) for a, _ in SIZES for b, _ in SCHEMES for c, _ in IMAGES]


def set_dir(variant: tuple[str, str, str]) -> str:
    """Folder of a set of special pages, relative to the site's root, with a trailing slash."""
    return f"{SPECIAL_DIR}/" if variant == DEFAULT_SET else f"{SPECIAL_DIR}/{'-'.join(variant)}/"


def environment(autoescape: bool = True):
    from jinja2 import FileSystemLoader, StrictUndefined

    from nastavnik.base.morph import plural
    from nastavnik.base.sandbox import sandboxed_environment

    # The pages are the program's own, yet every template the program evaluates is sandboxed (base.sandbox).
    env = sandboxed_environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=autoescape,
                                undefined=StrictUndefined, finalize=lambda x: xml_safe(x) if isinstance(x, str) else x,
                                trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    # «14 наставников», «2 реализуемые программы»: the words after a count agree with it (pymorphy3).
    env.filters["plural"] = lambda n, phrase, case="nom": plural(int(n or 0), phrase, case)
    return env


def _switches(variant: tuple[str, str, str], root: str, page_file: str) -> list[dict]:
    """The panel of the special version: for each setting, its choices as links to the same page."""
    out = []
    for axis, (label, options) in enumerate((("Размер шрифта", SIZES), ("Цвет", SCHEMES), ("Изображения", IMAGES))):
        choices = []
        for key, name in options:
            target = list(variant)
            target[axis] = key
            choices.append({"name": name, "href": root + set_dir(tuple(target)) + page_file,
                            "current": key == variant[axis]})
        out.append({"label": label, "choices": choices})
    return out


def render_pages(content: dict) -> dict[str, str]:
    """Relative path -> text of every file of the site (pages of every version and stylesheets)."""
    import uuid

    env = environment()
    files: dict[str, str] = {}
    # A page's content depends only on the page and the way back to the root, not on the version's colours and
    # sizes: rendered once for each (page, root), not for each of the 19 versions (a district's 4 000 programmes
    # were rendered 19 times). The frame of each version is rendered around a marker the content then replaces.
    marker = f"<!--content-{uuid.uuid4().hex}-->"
    frame = env.from_string('{% extends "base.html" %}{% block content %}' + marker + '{% endblock %}')
    # Nor on the way back to the root, but for the links that begin with it: a body is rendered once with a mark
    # in the root's place, and each of the three ways back put in (a district's 8,000 programme cards were
    # rendered three times, in the sandbox: 1.5 of the site's 2.8 seconds of pages).
    root_mark = f"@root-{uuid.uuid4().hex}@"
    bodies: dict[str, str] = {}
    for variant in [None, *special_sets()]:
        prefix = "" if variant is None else set_dir(variant)
        root = "../" * prefix.count("/")
        css = [root + STYLESHEETS[0]] + ([root + STYLESHEETS[1]] if variant else [])
        for page in PAGES:
            values = {"c": content, "page": page, "pages": PAGES, "special": variant is not None, "css": css,
                      "root": root, "variant": variant or DEFAULT_SET,
                      "switches": _switches(variant, root, page.file) if variant else [],
                      "alt_href": root + page.file if variant else f"{SPECIAL_DIR}/{page.file}"}
            if page.key not in bodies:
                template = env.get_template(f"{page.key}.html")
                context = template.new_context({**values, "root": root_mark})
                bodies[page.key] = "".join(template.blocks["content"](context))
            body = bodies[page.key].replace(root_mark, root)
            files[prefix + page.file] = frame.render(values).replace(marker, body, 1)
    for name in STYLESHEETS:
        files[name] = (TEMPLATES / name).read_text(encoding="utf-8")
    howto = environment(autoescape=False).get_template("howto.txt")  # plain text: nothing to escape
    files[HOWTO] = howto.render(c=content, pages=PAGES, special_dir=SPECIAL_DIR, sets=len(special_sets()))
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
        raise EnvironmentProblem(os_message(exc, out_dir.parent, "создать папку для сайта в"),
                                 other_folder=True) from exc
    old: Path | None = None
    try:
        for rel, text in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            elif rel == HOWTO:  # read on Windows in Notepad: a BOM and CRLF line ends
                path.write_text(text, encoding="utf-8-sig", newline="\r\n")
            else:
                path.write_text(text, encoding="utf-8", newline="\n")
        mode = 0o777 & ~_umask()
        for folder in (tmp, *(p for p in tmp.rglob("*") if p.is_dir())):
            folder.chmod(mode)
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}-{time.monotonic_ns()}")
            os.replace(out_dir, old)
        os.replace(tmp, out_dir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not out_dir.exists():
            os.replace(old, out_dir)
        raise EnvironmentProblem(os_message(exc, out_dir, "записать сайт в папку"), other_folder=True) from exc
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


def build_site(book, out_dir: str | os.PathLike, today: dt.date | None = None, documents=(),
               pdf_cache: Path | None = None) -> Path:
    """Build the whole website section from the Book into ``out_dir``; return that folder.

    The folder is replaced whole; its ``index.html`` is the start page, ``special/index.html`` the start
    of the version for the visually impaired and «КАК ОПУБЛИКОВАТЬ.txt» the administrator's instructions.
    ``documents`` are ``SiteDocument(kind, path)`` of the files the documents step made; the signed
    orders among them are published as PDF in ``dokumenty/`` (see ``site.documents``); ``pdf_cache`` — a folder
    where their PDFs are kept by the content of the cleaned .docx, so an unchanged order is not converted again.
    """
    content = site_content(book, today or dt.date.today(), documents, pdf_cache)
    files: dict = render_pages(content)
    files.update(content["files"])
    return write_site(files, Path(out_dir))
