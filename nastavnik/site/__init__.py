"""The website section «Наставничество» (section 8 of the regulation) as static HTML.

``build_site(book, out_dir, today)`` is the one entry point: ``content`` turns
the Book into page data while applying the publication rules, ``render``
writes the pages with Jinja2 into a temporary folder and renames it into place.

Layer: outputs. May import the analysis layer, the workbook and the base; it does not
import ``docs``.
"""

from __future__ import annotations

from .documents import SiteDocument
from .render import build_site

__all__ = ["SiteDocument", "build_site"]
