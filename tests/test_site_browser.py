"""The site as a browser sees it: headless Chromium loads every page, follows links, takes screenshots.

Needs the Debian package ``chromium``; skipped when it is absent. Set NASTAVNIK_SCREENSHOTS=DIR to keep
the screenshots (desktop 1280 px and phone 390 px wide) for a human look.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest

from nastavnik.site.content import PAGES

from .site_util import build, leaks, person

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="нет chromium (apt-get install -y chromium)")

NO_CONSENT = ["Н-003", "П-002", "П-008", "П-010", "П-014"]


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def site(demo_book, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser") / "сайт"
    build(demo_book, folder)
    return folder


@pytest.fixture(scope="module")
def dom(site, tmp_path_factory) -> dict[str, str]:
    """Relative path -> the DOM Chromium built from each page."""
    profile = tmp_path_factory.mktemp("profile")
    out = {}
    for path in sorted(site.rglob("*.html")):
        result = chromium(profile, "--dump-dom", path.as_uri())
        assert result.returncode == 0, result.stderr[-2000:]
        out[path.relative_to(site).as_posix()] = result.stdout
    return out


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def test_browser_shows_the_heading_of_every_page(dom):
    assert len(dom) == 2 * len(PAGES)
    for page in PAGES:
        for rel in (page.file, f"special/{page.file}"):
            headings = [_text(h) for h in re.findall(r"<h1[^>]*>(.*?)</h1>", dom[rel], re.S)]
            assert headings == [page.title], rel
    assert "Наставничество в цифрах" in dom["index.html"]


def test_every_internal_link_resolves_to_an_existing_file(dom, site):
    broken = []
    for rel, html in dom.items():
        page = site / rel
        for attr, target in re.findall(r'\b(href|src)="([^"]*)"', html):
            url, fragment = urldefrag(unescape(target))
            file = (page.parent / unquote(url)).resolve() if url else page
            if not file.is_file() or site.resolve() not in file.parents:
                broken.append(f"{rel}: {target}")
            elif fragment and f'id="{fragment}"' not in file.read_text(encoding="utf-8"):
                broken.append(f"{rel}: {target} (нет якоря)")
    assert broken == []


@pytest.mark.parametrize("code", NO_CONSENT)
def test_person_without_consent_appears_on_no_page_in_the_browser(dom, demo_parts, code):
    assert leaks(dom, person(demo_parts, code)) == []


@pytest.mark.parametrize("name,size,page", [
    ("desktop", "1280,1600", "programmy.html"),
    ("phone", "390,1600", "programmy.html"),
    ("special-phone", "390,1600", "special/index.html"),
])
def test_screenshot(site, tmp_path, name, size, page):
    shot = Path(os.environ.get("NASTAVNIK_SCREENSHOTS") or tmp_path) / f"сайт-{name}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    result = chromium(tmp_path / "profile", f"--screenshot={shot}", f"--window-size={size}", (site / page).as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    assert width == int(size.split(",")[0])
