"""Regenerate the blank workbook in workbook_templates/ from the schema.

Run after any change to nastavnik/schema.py; a test fails while the committed
file differs from what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nastavnik.schema import ORG_FIELDS  # noqa: E402
from nastavnik.template import write_workbook  # noqa: E402

TEMPLATE = ROOT / "workbook_templates" / "наставничество_шаблон.xlsx"


def build(path: Path = TEMPLATE) -> Path:
    return write_workbook(path, {f.key: f.default for f in ORG_FIELDS})


if __name__ == "__main__":
    print(build())
