"""What each page of the website section shows, under the publication rules of section 8."""

from __future__ import annotations

import re

import pytest

from nastavnik.workbook.schema import NORMATIVE

from .site_util import build

DONE_TITLE = "начальное техническое моделирование"  # ПП-007, the completed programme of the demo
ACHIEVED = "обучающиеся стали призёрами районных соревнований"


@pytest.fixture(scope="module")
def demo_site(demo_book, tmp_path_factory):
    return build(demo_book, tmp_path_factory.mktemp("site") / "сайт")


def _programme(tables, code):
    return next(p for p in tables["programmes"] if p["code"] == code)


def test_programmes_page_lists_the_programmes_at_work_on_the_day_as_the_report_counts_them(demo_site):
    text = demo_site["programmy.html"]
    assert "Программы (5)" in text  # the report's «Пары и группы, работающие на дату отчёта» on 25.11.2026
    assert "электроника" not in text  # ПР-005 is approved but starts on 05.12.2026: not yet at work
    assert "компьютерная графика" not in text  # ПР-006 is a draft without an order
    assert "судомоделирование" not in text  # ПР-008 was stopped early
    assert DONE_TITLE not in text


def test_programme_card_shows_form_kind_period_and_directions(demo_site):
    text = demo_site["programmy.html"]
    assert "в группе" in text and "педагог – педагог" in text
    assert "21.09.2026 — 20.05.2027" in text
    assert "ИКТ-компетенции" in text


def test_results_of_the_completed_programme_are_published(demo_site):
    text = demo_site["rezultaty.html"]
    assert DONE_TITLE in text and ACHIEVED in text


def test_results_are_hidden_without_the_programme_consent(make_book, tmp_path):
    book = make_book(lambda org, t: _programme(t, "ПП-007").update(consent_publish=False))
    files = build(book, tmp_path / "сайт")
    assert ACHIEVED not in files["rezultaty.html"]
    assert "Результаты пока не опубликованы" in files["rezultaty.html"]


def test_results_of_a_running_programme_are_not_published(make_book, tmp_path):
    book = make_book(lambda org, t: _programme(t, "ПП-001").update(
        achieved_results="Промежуточный итог для сайта", consent_publish=True, best_practice=True))
    files = build(book, tmp_path / "сайт")
    assert not any("Промежуточный итог для сайта" in text for text in files.values())


def test_best_practice_page_shows_only_programmes_marked_best(demo_site, make_book, tmp_path):
    assert DONE_TITLE in demo_site["luchshie-praktiki.html"]
    book = make_book(lambda org, t: _programme(t, "ПП-007").update(best_practice=False))
    files = build(book, tmp_path / "сайт")
    assert DONE_TITLE not in files["luchshie-praktiki.html"]
    assert DONE_TITLE in files["rezultaty.html"]


def test_normative_base_names_the_federal_acts_and_the_regulation_order(demo_site):
    text = demo_site["normativnaya-baza.html"]
    for row in NORMATIVE.prefill:
        assert f"№ {row[4]}" in text and f"{row[3]:%d.%m.%Y}" in text
    assert "№ 273-ФЗ" in text and "статья 351.8" in text
    assert "№ АЗ-1128/08/657" in text and "№ 1264-р" in text
    assert "утверждено приказом от 02.09.2026 № 112-о" in text


def _section(html: str, key: str) -> str:
    start = html.index(f'<section class="level" id="{key}">')
    return html[start:html.index("</section>", start)]


def test_normative_base_has_three_levels_and_the_recommendations(demo_site):
    """п. 8.1: federal, regional (city and district) and local base, and methodological recommendations."""
    text = demo_site["normativnaya-baza.html"]
    assert "Об образовании в Российской Федерации" in _section(text, "federal")
    regional = _section(text, "regional")
    assert "<h3>Санкт-Петербург</h3>" in regional and "№ 746-р" in regional
    assert "<h3>Район</h3>" in regional and "№ ДЕМО-15" in regional
    local = _section(text, "local")
    assert "Положения о поощрении наставников" in local and "№ 112-о" in local
    methodical = _section(text, "methodical")
    assert "АЗ-1128/08/657" in methodical and 'href="https://imc.example/nastavniku"' in methodical


def test_curator_adds_and_hides_acts_in_the_workbook(make_book, tmp_path):
    def edit(org, tables):
        tables["normative"].append({"level": "региональный (Санкт-Петербург)", "kind": "Распоряжение Комитета по "
                                    "образованию", "title": "Новое городское распоряжение", "number": "999-р",
                                    "publish": True})
        tables["normative"][0]["publish"] = False  # 273-ФЗ

    files = build(make_book(edit), tmp_path / "сайт")
    text = files["normativnaya-baza.html"]
    assert "Новое городское распоряжение" in _section(text, "regional") and "№ 999-р" in text
    assert "№ 273-ФЗ" not in text


def test_a_pdf_beside_the_workbook_is_published_from_the_normative_sheet(make_book, tmp_path):
    (tmp_path / "распоряжение района.pdf").write_bytes(b"%PDF-1.4 district act")
    book = make_book(lambda org, t: t["normative"][6].update(link="распоряжение района.pdf"))
    files = build(book, tmp_path / "сайт")
    link = re.search(r'<a href="(dokumenty/baza-\d+\.pdf)">[^<]*ДЕМО-15', files["normativnaya-baza.html"])
    assert link and (tmp_path / "сайт" / link.group(1)).read_bytes() == b"%PDF-1.4 district act"


def test_every_page_shows_the_date_it_was_made_and_links_back_to_the_main_site(demo_site):
    for rel, text in demo_site.items():
        if rel.endswith(".html"):
            assert 'Раздел обновлён <time datetime="2026-11-25">25.11.2026</time>' in text, rel
            assert '<a href="https://cdutt.example/">На главную страницу сайта организации</a>' in text, rel
            assert 'Адрес раздела: <a href="https://cdutt.example/nastavnichestvo">' in text, rel


def test_news_carry_their_dates(demo_site):
    text = demo_site["novosti.html"]
    assert re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', text)[:3] == ["2026-11-20", "2026-10-01", "2026-09-03"]


def test_the_site_folder_tells_the_administrator_how_to_publish_it(demo_site):
    text = demo_site["КАК ОПУБЛИКОВАТЬ.txt"]
    for words in ("ЧТО ЗАГРУЖАТЬ", "КУДА", "КАК СВЯЗАТЬ С ОСНОВНЫМ САЙТОМ", "КАК ОБНОВЛЯТЬ", "главное меню",
                  "https://cdutt.example/nastavnichestvo", "special/index.html"):
        assert words in text


def test_news_shows_only_published_items_newest_first(demo_site):
    text = demo_site["novosti.html"]
    assert "Черновик: итоги полугодия" not in text
    titles = re.findall(r"<h2>(.*?)</h2>", text)
    assert titles == ["Установочная сессия наставников", "Сформированы наставнические пары",
                      "Утверждено Положение о системе наставничества"]


def test_roadmap_shows_stage_statuses_and_progress(demo_site, make_book, tmp_path):
    assert "Выполнено этапов: 3 из 7" in demo_site["dorozhnaya-karta.html"]
    assert demo_site["dorozhnaya-karta.html"].count("Статус: в работе") == 3

    def finish(org, tables):
        for row in tables["roadmap"]:
            row["status"] = "выполнен"

    files = build(make_book(finish), tmp_path / "сайт")
    assert "Выполнено этапов: 7 из 7" in files["dorozhnaya-karta.html"]


def test_start_page_links_every_section_and_shows_counts(demo_site):
    text = demo_site["index.html"]
    for page in ("programmy.html", "rezultaty.html", "luchshie-praktiki.html", "normativnaya-baza.html",
                 "novosti.html", "dorozhnaya-karta.html", "kontakty.html"):
        assert f'href="{page}"' in text
    assert '<span class="num">5</span> реализуемых программ' in text


def test_empty_cells_and_missing_sheets_do_not_break_the_site(make_book, tmp_path):
    def blank(org, tables):
        tables["news"][0]["date"] = None
        tables["roadmap"][0]["stage"] = None
        tables["programmes"][1]["title"] = None

    book = make_book(blank)
    del book.tables["plan"], book.tables["events"]
    files = build(book, tmp_path / "сайт")
    assert "без даты" in files["novosti.html"]
    assert "Персонализированная программа наставничества ПП-002" in files["programmy.html"]
    del book.tables["roadmap"], book.tables["news"]
    files = build(book, tmp_path / "сайт")
    assert "Дорожная карта пока не заполнена" in files["dorozhnaya-karta.html"]
    assert "Новостей пока нет" in files["novosti.html"]
