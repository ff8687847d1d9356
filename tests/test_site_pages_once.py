"""Each page's content is rendered once and put into every version: the pages are those each version's own
full rendering gives, with the links back to the root right in every folder."""

from __future__ import annotations

from nastavnik.site import render
from nastavnik.site.content import site_content

from .conftest import TODAY


def test_every_page_of_every_version_is_its_own_full_rendering(demo_book):
    content = site_content(demo_book, TODAY)
    # a signed order published as PDF: its link in the page's body begins with the way back to the root
    content["own_documents"] = [*content["own_documents"],
                                {"text": "Приказ о закреплении", "href": "dokumenty/prikaz.pdf", "pdf": True}]
    files = render.render_pages(content)
    env = render.environment()
    seen = 0
    for variant in [None, *render.special_sets()]:
        prefix = "" if variant is None else render.set_dir(variant)
        root = "../" * prefix.count("/")
        css = [root + render.STYLESHEETS[0]] + ([root + render.STYLESHEETS[1]] if variant else [])
        for page in render.PAGES:
            values = {"c": content, "page": page, "pages": render.PAGES, "special": variant is not None, "css": css,
                      "root": root, "variant": variant or render.DEFAULT_SET,
                      "switches": render._switches(variant, root, page.file) if variant else [],
                      "alt_href": root + page.file if variant else f"{render.SPECIAL_DIR}/{page.file}"}
            assert files[prefix + page.file] == env.get_template(f"{page.key}.html").render(values), prefix + page.file
            seen += 1
    assert seen == (1 + len(render.special_sets())) * len(render.PAGES)
    assert any('href="../../dokumenty/prikaz.pdf"' in text for name, text in files.items() if name.count("/") == 2)
