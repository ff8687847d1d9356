"""The organisation's programme of mentoring and the one order of introduction (issue 32, points 3 and 4), and the
analytic report's section on the mentors' professional development (point 2): read as the rendered text a director
or a methodist reads."""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import zipfile

import pytest

from nastavnik.docs import plan_documents, render_jobs
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.synth import synth_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

ONE = "один приказ о внедрении"
INTRO = {"orders_mode": ONE, "order_intro_no": "41-о", "order_intro_date": dt.date(2026, 9, 1),
         "order_programme_no": "42-о", "order_programme_date": dt.date(2026, 9, 2)}
KINDS = ("intro", "polozhenie", "curator", "council", "org_programme")
# What a type's documents must not say: another type's people and places. (The regulation's own forms of
# п. 2.3 — «работодатель – студент», «педагог вуза/колледжа» — are every type's.)
FOREIGN = {
    "school": r"воспитанник|со студентами|детск\w+ сад|в колледже|направленност",
    "kindergarten": r"учител|\bурок|\bшкол|обучающ|со студентами|направленност",
    "college": r"учител|урок|воспитанник|детск\w+ сад|в школе|направленност",
    "extra": r"учител|урок|воспитанник|со студентами|детск\w+ сад|в школе|в колледже",
    "other": r"учител|урок|воспитанник|со студентами|детск\w+ сад|в школе|в колледже|направленност",
}


def docx_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode()
    xml = re.sub(r"</w:p>", "\n", xml)
    return re.sub(r"[ \u00a0]+", " ", re.sub(r"<[^>]+>", "", xml))


def _make(folder, org, tables, kinds=KINDS):
    path = folder / "книга.xlsx"
    write_workbook(path, org, tables)
    book = read_workbook(path, today=TODAY)
    jobs = plan_documents(book, folder / "docs", TODAY, only=kinds)
    render_jobs(jobs)
    return book, jobs, {j.kind: docx_text(j.path) for j in jobs}


@pytest.fixture(scope="module", params=[t.key for t in ot.TYPES])
def typed(request, tmp_path_factory):
    """A synthetic book of each type with the one order chosen and both orders signed; at the kindergarten the
    head is her own curator."""
    key = request.param
    org, tables = synth_data("S", 11, TODAY, org_type=ot.BY_KEY[key])
    org.update(INTRO)
    if key == "kindergarten":
        org.update(curator_fio=org["director_fio"], curator_sex=org.get("director_sex"))
    book, jobs, texts = _make(tmp_path_factory.mktemp(key), org, tables)
    return key, book, jobs, texts


def test_the_one_order_replaces_the_separate_ones(typed):
    _key, _book, jobs, texts = typed
    kinds = {j.kind for j in jobs}
    assert {"intro", "org_programme"} <= kinds
    assert not {"polozhenie", "curator"} & kinds


def test_both_render_in_the_types_own_words(typed):
    key, _book, _jobs, texts = typed
    words = ot.type_words(key)
    programme, intro = texts["org_programme"], texts["intro"]
    for text in (programme, intro):
        foreign = [m.group(0) for m in re.finditer(FOREIGN[key], text, re.IGNORECASE)]
        assert foreign == [], (key, foreign)
    assert words["in_org"] in programme and words["with_learners"] in programme
    assert words["young_club"] in programme and words["life"] in programme
    # the goal and the tasks are the Положение's, in the type's words
    assert words["levels"] in programme and "Задачи Программы (п. 2.2 Положения)" in programme
    for heading in ("1. Пояснительная записка", "2. Цель и задачи Программы", "3. Механизм управления Программой",
                    "4. Этапы реализации Программы", "5. Формы и виды наставничества", "6. Ожидаемые результаты",
                    "7. Мониторинг и оценка эффективности"):
        assert heading in programme
    assert "{{" not in programme + intro and "{%" not in programme + intro


def test_the_programme_takes_its_stages_and_targets_from_the_book_and_the_registry(typed):
    _key, book, _jobs, texts = typed
    programme = texts["org_programme"]
    from nastavnik.report.registry import SPECS

    federal = next(s for s in SPECS if s.code == "federal_under35_first3")
    assert federal.name in programme and federal.target_text in programme
    for r in book.tables["roadmap"].to_dict("records"):
        assert str(r["stage_name"]).split()[0] in programme
    # approved by its own order: its гриф carries that order's number and date
    assert "УТВЕРЖДЕНА" in programme and "от 02.09.2026 № 42-о" in programme
    # no one's name in a document the site publishes, except the head's signature
    assert book.org["curator_fio"] not in programme.split("Приложение № 1")[1]


def test_the_one_order_introduces_approves_and_appoints(typed):
    key, book, _jobs, texts = typed
    intro = texts["intro"]
    assert "О внедрении системы (целевой модели) наставничества педагогических работников" in intro
    assert "Утвердить Положение о системе" in intro and "Утвердить дорожную карту" in intro
    assert "приложение № 1" in intro and "ДОРОЖНАЯ КАРТА" in intro and "ПОЛОЖЕНИЕ" in intro
    assert "от 01.09.2026 № 41-о" in intro  # the Положение's гриф «УТВЕРЖДЕНО приказом …»
    if key == "kindergarten":  # the head is her own curator: she keeps the duties, and signs nothing twice
        assert "Назначить куратором" not in intro and "оставляю за собой" in intro.split("Контроль")[0]
        assert "С приказом ознакомлены" not in intro
    else:
        assert "Назначить куратором реализации программ наставничества" in intro
        assert "С приказом ознакомлены" in intro and book.org["curator_fio"] in intro


def test_later_orders_cite_the_one_order_as_the_regulations(typed):
    _key, _book, _jobs, texts = typed
    if "council" in texts:
        assert "утверждённым приказом от 01.09.2026 № 41-о" in texts["council"]
    assert "утверждённым приказом от 01.09.2026 № 41-о" in texts["org_programme"]


@pytest.fixture(scope="module")
def demo_made(demo_parts, tmp_path_factory):
    """The centre's demo in both orders of orders."""
    out = {}
    for mode in ("отдельные приказы", ONE):
        org, tables = copy.deepcopy(demo_parts)
        org.update(INTRO | {"orders_mode": mode})
        out[mode] = _make(tmp_path_factory.mktemp("demo"), org, tables)
    return out


def test_separate_orders_stay_when_chosen(demo_made):
    _book, jobs, _texts = demo_made["отдельные приказы"]
    kinds = {j.kind for j in jobs}
    assert {"polozhenie", "curator", "org_programme"} <= kinds and "intro" not in kinds


def test_the_preamble_cites_the_district_act(demo_made):
    _book, _jobs, texts = demo_made[ONE]
    preamble = texts["intro"].split("ПРИКАЗЫВАЮ")[0]
    assert "распоряжением администрации района" in preamble and "№ ДЕМО-15" in preamble


def test_readiness_counts_the_one_order_for_the_regulation_and_the_curator(demo_made):
    from nastavnik.report import compute_indicators, indicators_dict

    book, _jobs, _texts = demo_made[ONE]
    book.org.update(order_regulation_no=None, order_curator_no=None)
    d = indicators_dict(compute_indicators(book, book.org["period_start"], book.org["period_end"], TODAY))
    assert d["ready_order_system"]["value"] and d["ready_regulation"]["value"] and d["ready_curator_order"]["value"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice не установлен")
def test_the_site_publishes_the_one_order_and_the_programme_when_signed(demo_made, tmp_path):
    from nastavnik.site import SiteDocument, build_site

    book, jobs, _texts = demo_made[ONE]
    site = build_site(book, tmp_path / "сайт", TODAY, [SiteDocument(j.kind, j.path) for j in jobs])
    pdfs = {p.name for p in (site / "dokumenty").glob("*.pdf")}
    assert {"prikaz-o-vnedrenii-sistemy-nastavnichestva.pdf",
            "prikaz-ob-utverzhdenii-programmy-nastavnichestva.pdf"} <= pdfs
    assert not {"prikaz-ob-utverzhdenii-polozheniya.pdf", "prikaz-o-naznachenii-kuratora.pdf"} & pdfs
    html = (site / "dokumenty.html").read_text(encoding="utf-8")
    assert 'href="dokumenty/prikaz-o-vnedrenii-sistemy-nastavnichestva.pdf"' in html
    assert "утверждено приказом от 01.09.2026 № 41-о" in html

    unsigned = copy.copy(book)
    unsigned.org = dict(book.org, order_intro_no=None, order_intro_date=None)
    site2 = build_site(unsigned, tmp_path / "сайт2", TODAY, [SiteDocument(j.kind, j.path) for j in jobs])
    assert "prikaz-o-vnedrenii-sistemy-nastavnichestva.pdf" not in {p.name for p in (site2 / "dokumenty").glob("*")}


# --- point 2: the analytic report's section on the mentors' professional development --------------------------

def test_the_report_section_uses_the_training_indicator(demo_parts, tmp_path):
    org, tables = copy.deepcopy(demo_parts)
    active = [m["code"] for m in tables["mentors"] if m.get("status") == "активен"]
    recent, old = TODAY - dt.timedelta(days=200), TODAY - dt.timedelta(days=4 * 365)
    tables["training"] = [
        {"mentor": active[0], "course": "Наставничество в образовательной организации", "organiser": "ЦНППМ",
         "hours": 36, "end": recent},
        {"mentor": active[0], "course": "Школа наставника", "organiser": "ИРО", "hours": 16, "end": recent},
        {"mentor": active[1], "course": "Школа наставника", "organiser": "ИРО", "hours": 16, "end": recent},
        {"mentor": active[2], "course": "Школа наставника", "organiser": "ИРО", "hours": 16, "end": old},
    ]
    _book, _jobs, texts = _make(tmp_path, org, tables, ("analytic_report",))
    report = texts["analytic_report"]
    section = report.split("5. Профессиональное развитие наставников")[1].split("6. Федеральный")[0]
    n = len(active)  # hand count: two mentors trained in the last three years (one twice), one too long ago
    assert f"прошли 2 наставника из {n} в банке" in section
    assert "Доля наставников, прошедших обучение за последние три года" in section and f"(2 из {n})" in section


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="нужны LibreOffice и pdftotext")
def test_the_new_orders_print_without_a_word_broken_in_half(typed):
    from nastavnik.docs.pdf import convert_to_pdf

    from .test_docs_print import broken_words

    key, _book, jobs, _texts = typed
    if key not in ("kindergarten", "college"):
        pytest.skip("the longest words: a kindergarten's and a college's")
    docs = [j.path for j in jobs if j.kind in ("intro", "org_programme")]
    broken = {p.name: bad for p, pdf in zip(docs, convert_to_pdf(docs)) if (bad := broken_words(p, pdf))}
    assert broken == {}
