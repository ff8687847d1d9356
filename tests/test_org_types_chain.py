"""A kindergarten's and a college's year through the whole chain: no word of supplementary education.

The synthetic workbook of each type (samples.synth with ``org_type``) has its own profiles, levels and
positions; ``run`` makes every output from it, and what a director signs or a parent reads on the site must
speak of that organisation — not of «объединения» or «направленности».
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook.samples.synth import synth_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

CENTRE_WORDS = re.compile(r"объединени|общеразвивающ|дополнительного образования|направленност|кружк", re.IGNORECASE)
# A school's or a kindergarten's own words that contain them: a position and the regulation's council.
ALLOWED = re.compile(r"педагог(?:а|у|ом|е)? дополнительного образования|методическ\w+ объединени\w*|"
                     r"общественными объединениями", re.IGNORECASE)


def _texts(folder: Path):
    """(file, text) of every document, page and xlsx a run made."""
    for p in sorted(folder.rglob("*")):
        if p.suffix == ".docx":
            with zipfile.ZipFile(p) as z:
                yield p, re.sub(r"<[^>]+>", " ", z.read("word/document.xml").decode())
        elif p.suffix == ".html":
            yield p, re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8"))
        elif p.suffix == ".xlsx":
            with zipfile.ZipFile(p) as z:
                yield p, " ".join(re.sub(r"<[^>]+>", " ", z.read(n).decode()) for n in z.namelist()
                                  if n.startswith("xl/") and n.endswith(".xml"))


@pytest.fixture(scope="module", params=[ot.KINDERGARTEN, ot.COLLEGE], ids=lambda t: t.key)
def ran(request, tmp_path_factory):
    org_type = request.param
    folder = tmp_path_factory.mktemp(org_type.key)
    book = folder / "книга.xlsx"
    write_workbook(book, *synth_data("S", 11, TODAY, org_type=org_type))
    out = folder / "результаты"
    result = CliRunner().invoke(main, ["--today", TODAY.strftime("%d.%m.%Y"), "run", str(book), "--out", str(out)])
    return org_type, result, out


def test_the_whole_run_succeeds(ran):
    _t, result, _out = ran
    assert result.exit_code == 0, result.output
    assert "Готово" in result.output


def test_no_output_speaks_of_supplementary_education(ran):
    _t, _result, out = ran
    found = []
    for path, text in _texts(out):
        for m in CENTRE_WORDS.finditer(ALLOWED.sub(" ", text)):
            found.append(f"{path.name}: …{text[max(0, m.start() - 50):m.end() + 30]}…")
    assert found == []


def test_the_matching_speaks_of_the_types_profile(ran):
    org_type, _result, out = ran
    (proposals,) = out.rglob("Предложения пар.xlsx")
    text = dict(_texts(proposals.parent))[proposals]
    assert org_type.same_profile in text or org_type.other_profile in text
