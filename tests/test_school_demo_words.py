"""The school demo's documents and site speak of a school: no wording of supplementary education.

A general school's director signs orders about teachers of subjects; «объединения», «дополнительные
общеразвивающие программы» and «направленность» are the centre's words (issue 20). Only the regulation's own
«методическое объединение наставников» is a school's word too, and stays.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .test_docs_render import doc_text

CENTRE_WORDS = re.compile(r"(?<!методическое )(?<!методического )(?<!методическим )\b\w*(объединени|общеразвивающ|"
                          r"дополнительного образования|направленност|кружк)\w*", re.IGNORECASE)


def xml_text(path: Path) -> str:
    """Every text of a .docx (body, tables, headers, footers) as the XML holds it, tags removed."""
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", "", " ".join(parts)))  # NBSP kept: it is layout


def centre_words(text: str) -> list[str]:
    return [text[max(0, m.start() - 40):m.end() + 20] for m in CENTRE_WORDS.finditer(text)]


@pytest.fixture(scope="module")
def school(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("school")
    path = root / "школа.xlsx"
    write_workbook(path, *school_demo_data(TODAY), LISTS)
    return path


def run(*args):
    return CliRunner().invoke(main, ["--today", f"{TODAY:%d.%m.%Y}", *map(str, args)])


@pytest.fixture(scope="module")
def documents(school) -> list[Path]:
    out = school.parent / "документы"
    result = run("docs", school, "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    return sorted(out.rglob("*.docx"))


def test_the_school_documents_have_no_wording_of_supplementary_education(documents):
    assert len(documents) > 20
    found = {p.name: centre_words(xml_text(p)) for p in documents}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_school_site_has_no_wording_of_supplementary_education(school):
    out = school.parent / "сайт"
    result = run("site", school, "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    pages = [p for p in out.rglob("*") if p.suffix in (".html", ".js", ".json", ".txt")]
    assert pages
    found = {str(p.relative_to(out)): centre_words(p.read_text(encoding="utf-8")) for p in pages}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_replacement_order_names_a_woman_mentee_in_the_feminine(documents):
    order = next(p for p in documents if p.name == "Приказ об изменении — ПР-012.docx")
    text = doc_text(order)
    assert "закрепить за наставляемой Назаровой Миланой Руслановной наставника Кох Людмилу Фёдоровну" in text


def test_the_schools_number_never_parts_from_its_sign(documents):
    council = next(p for p in documents if "методического совета" in p.name)
    text = xml_text(council)
    assert "ГБОУ СОШ №\u00a0614" in text and "СОШ № 614" not in text


def test_the_site_names_one_woman_mentee_in_the_feminine_and_a_hidden_one_neutrally(school):
    out = school.parent / "сайт-метки"
    assert run("site", school, "--out", out).exit_code == 0
    page = re.sub(r"\s+", " ", (out / "programmy.html").read_text(encoding="utf-8"))
    assert "<dt>Наставляемая</dt><dd>Аксёнова Дарья Романовна</dd>" in page
    assert "<dt>Наставляемый</dt><dd>Зуев Никита Сергеевич</dd>" in page
    # Пак А.Д. gave no consent to publication: neither her name nor her sex is shown.
    assert "<dt>Наставляемый</dt><dd>участник программы</dd>" in page


def test_the_template_fields_of_a_school_book_are_explained_in_a_schools_words(school):
    result = run("docs", school, "--fields", "mentor_consent")
    assert result.exit_code == 0
    assert "«от учителя математики»" in result.output and "Вес: один учебный предмет" in result.output
    assert not centre_words(result.output)
