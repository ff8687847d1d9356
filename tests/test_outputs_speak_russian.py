"""Every output a user reads speaks Russian (issue 34, «done when»): no exception class, no JSON field name, no
English word of the programmer's trade in any file of a whole year's run — for both demos and for a
kindergarten's and a college's synthetic books (their types' own words).

Allowed: addresses and file names, the proper names of products (PDF, Python, Windows…), and in the files
written for the command line (the check's text, the book's own «Инструкция») the command lines themselves.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pytest

from nastavnik.ui.pipeline import run_all
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook.samples.demos import DEMOS, write_demo
from nastavnik.workbook.samples.synth import synth_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

ADDRESS = re.compile(r"(https?://|www\.)\S+|[\w.+-]+@[\w.-]+|[\w.\-]+\.(?:xlsx|docx|pdf|csv|txt|html|ics|eml|png|json|"
                     r"toml)\b", re.IGNORECASE)
COMMAND = re.compile(r"«?nastavnik(?: [a-z-]+)?(?: [А-ЯЁA-Z.]+)*(?: --?[a-z-]+(?: [\w.:/-]+)?)*»?")
CLASS = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception)\b")
FIELD = re.compile(r"\b[a-z]+_[a-z_]+\b")
LATIN = re.compile(r"(?<![\w/.\\-])[A-Za-z]{3,}(?![\w/.\\-])")
# Proper names of products, languages and formats a teacher reads as they are.
NAMES = {"PDF", "Python", "Windows", "Arduino", "LEGO", "Scratch", "Excel", "Word", "LibreOffice", "Calc", "CMS",
         "Google", "Enter", "Microsoft", "Яндекс", "Telegram", "Linux", "Astra", "ALT", "Office", "WeDo",
         "Tinkercad", "Blender", "Fusion", "iframe", "SWOT", "Canva", "Zoom", "Meet", "Moodle", "VK", "Max",
         "Kodu", "Minecraft", "Education", "Unity", "MIT", "App", "Inventor", "Roblox", "Studio", "HTML",
         "CSS", "JavaScript", "Java", "Kotlin", "SQL", "API", "Pascal", "Mindstorms", "EV3", "Spike",
         "nastavnik"}  # the program's own name («раздел сделан программой nastavnik»)
MARKUP = re.compile(r"<[^>]+>")  # an HTML snippet the administrator pastes (the site's «КАК ОПУБЛИКОВАТЬ.txt»)
COMMAND_FILES = ("проверка.txt",)  # written for the command line, as the command line speaks


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def texts(path: Path):
    """(where, text) of everything a reader of ``path`` sees."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        for ws in wb.worksheets:
            if ws.title == "Инструкция" and "nastavnik" in " ".join(
                    str(v) for row in ws.iter_rows(max_row=40, values_only=True) for v in row if v):
                continue  # the book's own manual names the commands on purpose
            for row in ws.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, str):
                        yield ws.title, value
    elif suffix == ".docx":
        document = docx.Document(str(path))
        for p in document.paragraphs:
            yield "", p.text
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield "", cell.text
    elif suffix == ".html":
        parser = _Visible()
        parser.feed(path.read_text(encoding="utf-8"))
        for part in parser.parts:
            yield "", part
    elif suffix == ".txt":
        yield "", path.read_text(encoding="utf-8")


def foreign(folder: Path) -> list[tuple[str, str]]:
    """(file and sheet, word) of every class name, field name or English word in ``folder``'s outputs."""
    out = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".xlsx", ".docx", ".html", ".txt"):
            continue
        if path.name.startswith("демо-книга"):
            continue  # the curator's own book, copied in: its rows are hers
        for where, text in texts(path):
            text = ADDRESS.sub(" ", MARKUP.sub(" ", text) if path.suffix == ".txt" else text)
            if path.name in COMMAND_FILES or path.name.endswith("— проверка.xlsx"):
                text = COMMAND.sub(" ", text)
            for rx in (CLASS, FIELD, LATIN):
                for m in rx.finditer(text):
                    if m.group(0) not in NAMES:
                        out.append((f"{path.name} {where}".strip(), m.group(0)))
    return out


def _synth(path: Path, org_type: ot.OrgType) -> Path:
    org, tables = synth_data("S", 7, TODAY, org_type=org_type)
    write_workbook(path, org, tables)
    return path


BOOKS = [d.key for d in DEMOS] + [ot.KINDERGARTEN.key, ot.COLLEGE.key]


@pytest.mark.parametrize("key", BOOKS)
def test_a_whole_runs_outputs_speak_russian(tmp_path, key):
    if key in [d.key for d in DEMOS]:
        book = write_demo(tmp_path / "книга.xlsx", key, TODAY)
    else:
        book = _synth(tmp_path / "книга.xlsx", next(x for x in ot.TYPES if x.key == key))
    result = run_all(book, tmp_path / "out", TODAY, echo=lambda *a, **k: None)
    found = foreign(result.folder)
    assert not found, sorted(set(found))[:20]
