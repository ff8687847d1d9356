"""Formula cells without a saved value, found in the file itself.

A workbook written by a program (or saved by some converters) keeps the formula but not its result;
python-calamine then reads the cell as empty, and the check would say «не заполнен» about a cell the
curator can see filled in Excel. The sheet XML tells the two apart: a formula with no value.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_SHEET = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"')
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"')
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"')
# A cell whose content is a formula and then nothing, an empty <v/> or <v></v>.
_UNCACHED = re.compile(rb'<c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)\s*'
                       rb'(?:<v\s*/>|<v>\s*</v>)?\s*</c>')


def _unescape(raw: bytes) -> str:
    import html

    return html.unescape(raw.decode("utf-8"))


def uncached_formulas(path: Path) -> dict[str, list[str]]:
    """{sheet title: [cell references]} of formulas without a saved value; {} for anything but a plain .xlsx."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names:
                return {}
            book = zf.read("xl/workbook.xml")
            rels = zf.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
            targets = {rid: t for rid, t in _REL.findall(rels)} | {rid: t for t, rid in _REL_REVERSED.findall(rels)}
            found: dict[str, list[str]] = {}
            for title, rid in _SHEET.findall(book):
                target = targets.get(rid, b"").decode("utf-8").lstrip("/")
                member = target if target.startswith("xl/") else f"xl/{target}"
                if member not in names:
                    continue
                data = zf.read(member)
                if b"<f" not in data:  # the usual case: no formulas at all
                    continue
                cells = [ref.decode() for ref in _UNCACHED.findall(data)]
                if cells:
                    found[_unescape(title)] = cells
            return found
    except (zipfile.BadZipFile, OSError, KeyError, UnicodeDecodeError):
        return {}
