"""What a records clerk still hands back (issue 26, third round; issue 34's loose ends in documents).

The documents of the centre's demo (the curator's phone and e-mail, the organisation's requisites filled in) and of a
kindergarten's and a college's synthetic books (none of them filled) are rendered by docxtpl and read as text; two
of them go through LibreOffice to see where a line ends. Each test is a class of mistake across every kind:
the council's гриф on a programme, the «отметка об исполнителе» under an order, the letterhead's справочные данные,
a kindergarten's own words, «№» parted from its number at a line end, the blank of an unnumbered order, and the
matching weight of a column that is no «предметная область».
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from nastavnik.docs import pdf as pdfmod
from nastavnik.docs import render_documents
from nastavnik.match.scoring import part_titles
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook.organisation import org_fields_for
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.demo import demo_data
from nastavnik.workbook.samples.synth import synth_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

SYNTH_TODAY = dt.date(2026, 5, 15)


def _paragraphs(path: Path) -> list[str]:
    """The document's paragraphs in reading order, tables' cells included (each cell's paragraphs one by one)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    out = []
    for child in doc.element.body.iterchildren():
        if child.tag.endswith("}p"):
            out.append(Paragraph(child, doc).text)
        elif child.tag.endswith("}tbl"):
            for row in Table(child, doc).rows:
                for cell in row.cells:
                    out += [p.text for p in cell.paragraphs]
    return out


def _make(folder: Path, org: dict, tables: dict, today: dt.date, only=None) -> dict[str, list[str]]:
    write_workbook(folder / "книга.xlsx", org, tables)
    book = read_workbook(folder / "книга.xlsx", today=today)
    paths = render_documents(book, folder / "out", today, only=only)
    return {f"{p.parent.name}/{p.stem}": _paragraphs(p) for p in paths if p.suffix == ".docx"}


@pytest.fixture(scope="module")
def centre(tmp_path_factory):
    org, tables = demo_data(TODAY)
    folder = tmp_path_factory.mktemp("centre")
    return {"org": org, "docs": _make(folder, org, tables, TODAY), "folder": folder}


@pytest.fixture(scope="module")
def kindergarten(tmp_path_factory):
    org, tables = synth_data("S", org_type=ot.KINDERGARTEN, today=SYNTH_TODAY)
    from nastavnik.docs.declension import person_forms

    short = person_forms(org["director_fio"], org.get("director_sex"))["short"]
    return {"org": org, "docs": _make(tmp_path_factory.mktemp("kg"), org, tables, SYNTH_TODAY), "short": short}


@pytest.fixture(scope="module")
def college(tmp_path_factory):
    org, tables = synth_data("S", org_type=ot.COLLEGE, today=SYNTH_TODAY)
    return {"org": org, "docs": _make(tmp_path_factory.mktemp("college"), org, tables, SYNTH_TODAY)}


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def _of(docs: dict, prefix: str) -> dict[str, list[str]]:
    found = {k: v for k, v in docs.items() if k.startswith(prefix)}
    assert found, (prefix, sorted(docs))
    return found


# --- the council's гриф -------------------------------------------------------------------------------------------

def test_programme_is_reviewed_by_the_council_before_it_is_approved(centre, kindergarten):
    for book in (centre, kindergarten):
        for name, paras in _of(book["docs"], "Программы/").items():
            text = _plain("\n".join(paras))
            assert "ПРИНЯТА\nна заседании методического совета наставников\n" in text, name
            assert re.search(r"протокол от __\.__\.____ № ____\nУТВЕРЖДЕНА\nприказом ", text), name


def test_without_a_council_the_programme_goes_to_the_pedagogical_council(tmp_path):
    org, tables = demo_data(TODAY)
    org.update(order_council_no=None, order_council_date=None)
    for r in tables["mentors"]:
        r["council_role"] = None
    docs = _make(tmp_path, org, tables, TODAY, only=["programme"])
    for name, paras in docs.items():
        text = "\n".join(paras)
        assert "на заседании педагогического совета" in text and "методического совета" not in text, name


def test_the_regulation_is_adopted_at_a_session_of_the_pedagogical_council(centre):
    text = _plain("\n".join(centre["docs"]["Приказы/Приказ об утверждении Положения о наставничестве"]))
    assert "ПРИНЯТО\nна заседании педагогического совета\n" in text


# --- the «отметка об исполнителе» ---------------------------------------------------------------------------------

def test_every_order_ends_with_the_executor_mark(centre):
    orders = _of(centre["docs"], "Приказы/")
    assert len(orders) >= 7
    for name, paras in orders.items():
        text = [_plain(p) for p in paras]
        at = text.index("Белых Анна Сергеевна")  # her full name, at the left, under the signature
        assert text[at + 1] == "(812) 000-00-11, belykh@cdjutt.example", name
        assert any(t.endswith("Контроль за исполнением настоящего приказа оставляю за собой.") for t in text[:at])
        assert not any(t.startswith("Приложение №") for t in text[:at]), name  # before the annexes


def test_no_phone_and_no_e_mail_leave_the_mark_out_without_a_gap(kindergarten):
    curator = kindergarten["org"]["curator_fio"]
    for name, paras in _of(kindergarten["docs"], "Приказы/").items():
        text = [_plain(p) for p in paras]
        signed = text.index(_plain(kindergarten["short"]))  # the head's name in the signature's row
        # then the annex or the acquaintance: the mark's lines are gone, and no empty line is left in their place
        following = text[signed + 1]
        assert following.startswith(("Приложение №", "ЛИСТ ОЗНАКОМЛЕНИЯ")) or following == "", name
        assert curator not in text[:signed + 3], name  # her name alone is no mark: not printed


def test_a_phone_alone_is_printed_without_a_dangling_comma(tmp_path):
    org, tables = demo_data(TODAY)
    org.update(curator_email=None)
    docs = _make(tmp_path, org, tables, TODAY, only=["curator"])
    text = [_plain(p) for p in docs["Приказы/Приказ о назначении куратора"]]
    at = text.index("Белых Анна Сергеевна")
    assert text[at + 1] == "(812) 000-00-11"


# --- the letterhead -----------------------------------------------------------------------------------------------

def test_letters_carry_the_organisations_requisites(centre):
    letter = [_plain(p) for p in next(iter(_of(centre["docs"], "Поощрение/Благодарственное письмо").values()))]
    head = letter[:letter.index("БЛАГОДАРСТВЕННОЕ ПИСЬМО")]
    assert "Санкт-Петербург, ул. Образцовая, д. 1 (адрес вымышлен)" in head
    assert any(t.startswith("тел. (812) 000-00-10, e-mail: info@cdjutt.example") for t in head)
    assert "ОГРН 1027800000000, ИНН 7805000000" in head
    certificate = [_plain(p) for p in next(iter(_of(centre["docs"], "Поощрение/Сертификат").values()))]
    head = certificate[:certificate.index("СЕРТИФИКАТ")]
    assert any(t.startswith("тел. (812) 000-00-10") for t in head)
    assert not any("ОГРН" in t or "ИНН" in t for t in head)  # a certificate is no letter


def test_a_letterhead_prints_only_what_the_book_has(kindergarten):
    for name, paras in _of(kindergarten["docs"], "Поощрение/").items():
        text = [_plain(p) for p in paras]
        head = text[:next(i for i, t in enumerate(text) if t in ("СЕРТИФИКАТ", "БЛАГОДАРСТВЕННОЕ ПИСЬМО"))]
        assert head[1] == "Санкт-Петербург (адрес вымышлен)", name  # the address, no empty «тел.», no «ИНН ____»
        assert head[2] == "Санкт-Петербург", name  # then the city: no empty line between
        assert not any("тел." in t or "e-mail" in t or "____" in t for t in head), name


# --- a type's own words -------------------------------------------------------------------------------------------

SCHOOL_WORDS = ("внеурочн", "обучающ", "ОО №", "учеников", "учебный кабинет", "знает предмет", " школьн",
                " урочн")


def test_a_kindergarten_reads_no_school_words(kindergarten):
    for name, paras in kindergarten["docs"].items():
        text = _plain("\n".join(paras))
        assert not [w for w in SCHOOL_WORDS if w in text], name
    plan = "\n".join(next(iter(_of(kindergarten["docs"], "Программы/").values())))
    assert "Направление: воспитательная деятельность и взаимодействие с семьёй" in plan
    letters = [p for k, paras in kindergarten["docs"].items() if k.startswith("Поощрение/Благо") for p in paras]
    assert not letters or any("благодарных воспитанников!" in p for p in letters)


def test_a_college_reads_its_own_words(college):
    for name, paras in college["docs"].items():
        text = _plain("\n".join(paras))
        assert not [w for w in ("внеурочн", "ОО №", "учеников", "знает предмет", "школьн") if w in text], name
    text = "\n".join("\n".join(p) for p in _of(college["docs"], "Программы/").values())
    assert "внеучебная и воспитательная деятельность" in text and "Разработка проекта со студентами" in text


def test_type_words_live_with_the_types():
    from nastavnik.docs import words

    assert words.type_words is ot.type_words  # one place
    assert ot.direction_title("upbringing", "kindergarten") == "воспитательная деятельность и взаимодействие с семьёй"
    assert ot.direction_title("внеурочная и воспитательная деятельность", "school") == \
        "внеурочная и воспитательная деятельность"
    assert ot.direction_title("ИКТ-компетенции", "kindergarten") == "ИКТ-компетенции"
    assert {t.short_name for t in ot.TYPES} == {"ГБОУ СОШ", "ГБДОУ детский сад", "ГБПОУ колледж", "ГБУ ДО ЦДТ",
                                                 "ГБУ центр"}


def test_the_free_text_weight_is_named_by_type():
    titles = {t.key: next(f.title for f in org_fields_for(t) if f.key == "w_subject") for t in ot.TYPES}
    assert titles["kindergarten"] == "Вес: близкие парциальные программы"
    assert titles["college"] == "Вес: близкая специальность (профессия)"
    assert titles["extra"] == titles["school"] == "Вес: близкая предметная область"
    assert part_titles(ot.KINDERGARTEN)["subject"] == "парциальные программы"
    assert "предметная область" not in " ".join(part_titles(ot.KINDERGARTEN).values())


def test_the_kindergartens_template_has_no_subject_area():
    import openpyxl

    path = Path(__file__).parent.parent / "workbook_templates" / "наставничество_детский_сад.xlsx"
    sheet = openpyxl.load_workbook(path, read_only=True)["Организация"]
    cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
    assert "Вес: близкие парциальные программы" in cells and "предметная область" not in cells


# --- «№» and its number; an unnumbered order -----------------------------------------------------------------------

def test_number_sign_is_never_parted_from_its_number(centre, kindergarten):
    for book in (centre, kindergarten):
        for name, paras in book["docs"].items():
            for p in paras:
                assert not re.search(r"№ [\d_A-ZА-ЯЁ]", p), (name, p[:120])


def test_an_unnumbered_order_has_a_blank_to_write_its_number_in(centre):
    text = [_plain(p) for p in centre["docs"]["Приказы/Приказ о поощрении наставников"]]
    assert "с приказом от __.__.____ № ________" in text  # the acquaintance sheet names the same blank
    assert "№ ________" in text  # the head's number, room for «123-о»


pdf_tools = pytest.mark.skipif(pdfmod.soffice() is None or not shutil.which("pdftotext"),
                               reason="LibreOffice или pdftotext не установлены")


@pdf_tools
def test_in_print_no_line_ends_with_a_bare_number_sign(centre, tmp_path):
    out = centre["folder"] / "out"
    docs = [out / "Приказы" / "Приказ о поощрении наставников.docx",
            out / "Приказы" / "Приказ об утверждении Положения о наставничестве.docx",
            next((out / "Программы").glob("Программа ПП-001*.docx"))]
    subprocess.run([pdfmod.soffice(), f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docs)], capture_output=True,
                   timeout=300, check=False)
    for doc in docs:
        pdf = tmp_path / (doc.stem + ".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert not [line for line in text.splitlines() if line.rstrip().endswith("№")], doc.stem
        if doc.stem.startswith("Приказ о поощрении"):
            pages = text.split("\f")
            signed = next(p for p in pages if "Контроль за исполнением" in p)
            assert "Белых Анна Сергеевна" in signed and "(812) 000-00-11" in signed  # the mark on the signed page
