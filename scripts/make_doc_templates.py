"""Regenerate the built-in document templates in ``doc_templates/`` from ``nastavnik/docs/blueprints.py``.

Run after changing a blueprint: ``python3 scripts/make_doc_templates.py``. Commit the script's output too,
so a curator can open the .docx templates directly.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nastavnik.base.safeio import write_bytes  # noqa: E402
from nastavnik.docs.blueprints import BLUEPRINTS  # noqa: E402
from nastavnik.docs.kinds import KINDS  # noqa: E402
from nastavnik.docs.orgprogramme import LAYOUTS as ORG_LAYOUTS  # noqa: E402
from nastavnik.docs.recognition import LAYOUTS  # noqa: E402
from nastavnik.docs.render import template_bytes_from_blueprint  # noqa: E402


def main() -> None:
    folder = ROOT / "doc_templates"
    for key, kind in KINDS.items():
        assert key in BLUEPRINTS or key in LAYOUTS or key in ORG_LAYOUTS, key
        write_bytes(folder / kind.template, template_bytes_from_blueprint(key))
        print(folder / kind.template)


if __name__ == "__main__":
    main()
