"""The site as a browser sees it: headless Chromium loads every page of every version at 1366 and 320 px.

One browser (puppeteer-core driving the Debian package ``chromium``) runs ``tests/browser/check_site.js``
over all pages: horizontal overflow, every internal link and linked PDF, axe-core, screenshots. Needs
``chromium``, ``node`` and ``npm ci --prefix tests/browser`` (puppeteer-core and axe-core from the npm
registry; puppeteer-core downloads no browser); skipped when one is missing. Set
NASTAVNIK_SCREENSHOTS=DIR to keep the screenshots for a human look.

axe-core runs on every page of the regular version and of the three colour schemes of the special
version (contrast depends on the scheme only), at both widths, and on the start page of every one of
the 18 special sets; overflow and links are checked on all pages of all sets.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from nastavnik.site import SiteDocument, build_site
from nastavnik.site.content import PAGES
from nastavnik.site.render import DEFAULT_SET, set_dir, special_sets

from .conftest import TODAY
from .site_util import leaks, person

HERE = Path(__file__).parent / "browser"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NODE = shutil.which("node")
READY = CHROMIUM and NODE and (HERE / "node_modules" / "puppeteer-core").is_dir() and (
    HERE / "node_modules" / "axe-core").is_dir()
pytestmark = pytest.mark.skipif(not READY, reason="нет chromium, node или tests/browser/node_modules "
                                                  "(npm ci --prefix tests/browser)")

NO_CONSENT = ["Н-003", "П-002", "П-008", "П-010", "П-014"]
WIDTHS = (1366, 320)


@pytest.fixture(scope="module")
def site(demo_book, tmp_path_factory) -> Path:
    """The demo's section with its signed orders as PDF (when LibreOffice is there to make them)."""
    folder = tmp_path_factory.mktemp("browser")
    documents = []
    if shutil.which("soffice"):
        from nastavnik.docs import plan_documents, render_jobs

        jobs = plan_documents(demo_book, folder / "docs", TODAY, only=("polozhenie", "curator", "council"))
        render_jobs(jobs)
        documents = [SiteDocument(j.kind, j.path) for j in jobs]
    return build_site(demo_book, folder / "сайт", TODAY, documents)


def _all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _axe_pages() -> list[str]:
    regular = [p.file for p in PAGES]
    schemes = [set_dir((DEFAULT_SET[0], scheme, DEFAULT_SET[2])) + p.file for scheme in ("bw", "wb", "blue")
               for p in PAGES]
    starts = [set_dir(v) + "index.html" for v in special_sets()]
    return sorted(set(regular + schemes + starts))


@pytest.fixture(scope="module")
def shots_dir(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("NASTAVNIK_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def seen(site, shots_dir, tmp_path_factory) -> dict:
    """"<width> <page>" -> what the browser found on that page."""
    spec = tmp_path_factory.mktemp("spec") / "pages.json"
    spec.write_text(json.dumps({"pages": _all_pages(site), "axe": _axe_pages(),
                                "shots": ["index.html", "special/index.html", "special/3-wb-on/dorozhnaya-karta.html"]},
                               ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([NODE, str(HERE / "check_site.js"), str(site), ",".join(map(str, WIDTHS)), str(spec),
                             str(shots_dir)], capture_output=True, text=True, timeout=1200, check=False,
                            env={**os.environ, "CHROMIUM": CHROMIUM})
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)["pages"]


def test_every_page_of_every_version_is_loaded_at_both_widths(seen, site):
    assert len(_all_pages(site)) == (1 + len(special_sets())) * len(PAGES)
    assert set(seen) == {f"{w} {p}" for w in WIDTHS for p in _all_pages(site)}


def test_browser_shows_the_heading_of_every_page(seen):
    for key, page in seen.items():
        headings = [unescape(re.sub(r"<[^>]+>", "", h)).strip()
                    for h in re.findall(r"<h1[^>]*>(.*?)</h1>", page["html"], re.S)]
        rel = key.split(" ", 1)[1]
        assert headings == [next(p.title for p in PAGES if rel.endswith(p.file))], key


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(seen, width):
    """Nothing runs off the screen, «персонализированных» at 320 px in the largest font included."""
    wide = {k: (v["scrollWidth"], v["wide"]) for k, v in seen.items() if k.startswith(f"{width} ") and v["overflow"]}
    assert wide == {}


def test_every_internal_link_and_linked_pdf_exists(seen, site):
    assert {k: v["broken"] for k, v in seen.items() if v["broken"]} == {}
    if shutil.which("soffice"):
        assert any("dokumenty/prikaz-ob-utverzhdenii-polozheniya.pdf" in v["html"] for v in seen.values())


def test_axe_core_finds_no_violation(seen):
    checked = [k for k in seen if k.split(" ", 1)[1] in _axe_pages()]
    assert len(checked) == 2 * len(_axe_pages())
    assert {k: v["violations"] for k, v in seen.items() if v["violations"]} == {}


@pytest.mark.parametrize("code", NO_CONSENT)
def test_person_without_consent_appears_on_no_page_in_the_browser(seen, demo_parts, code):
    dom = {k: v["html"] for k, v in seen.items() if k.startswith("1366 ")}
    assert leaks({k.split(" ", 1)[1]: v for k, v in dom.items()}, person(demo_parts, code)) == []


@pytest.mark.parametrize("name", ["index", "special_index", "special_3-wb-on_dorozhnaya-karta"])
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshot(seen, shots_dir, name, width):
    data = (shots_dir / f"сайт-{name}-{width}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == width
