"""Regenerate the blank workbooks in workbook_templates/ from the schema, one per type of organisation.

Run after any change to the declaration (nastavnik/workbook/: schema and its parts, orgtypes); a test fails while a committed file
differs from what this script writes. ``nastavnik init --type ТИП`` writes the same book with this year's dates.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nastavnik.workbook import orgtypes as ot  # noqa: E402
from nastavnik.workbook.schema import org_fields_for  # noqa: E402
from nastavnik.workbook.template import write_workbook  # noqa: E402

FOLDER = ROOT / "workbook_templates"
TEMPLATES = {t.key: FOLDER / f"наставничество_{t.word.replace(' ', '_')}.xlsx" for t in ot.TYPES}
TEMPLATE = TEMPLATES[ot.DEFAULT.key]  # the centre's, the regulation behind the product


def build(path: Path | None = None, org_type: ot.OrgType = ot.DEFAULT) -> Path:
    org = {**{f.key: f.default for f in org_fields_for(org_type)}, "org_type": org_type.title}
    return write_workbook(path or TEMPLATES[org_type.key], org)


if __name__ == "__main__":
    for t in ot.TYPES:
        print(build(org_type=t))
