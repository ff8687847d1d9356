"""What each page of the website section shows, under the publication rules of section 8."""

from __future__ import annotations

import re

import pytest

from nastavnik.site.content import FEDERAL_ACTS

from .site_util import build

DONE_TITLE = "начальное техническое моделирование"  # ПП-007, the completed programme of the demo
ACHIEVED = "обучающиеся стали призёрами районных соревнований"


@pytest.fixture(scope="module")
def demo_site(demo_book, tmp_path_factory):
    return build(demo_book, tmp_path_factory.mktemp("site") / "сайт")


def _programme(tables, code):
    return next(p for p in tables["programmes"] if p["code"] == code)


def test_programmes_page_lists_approved_and_running_programmes_only(demo_site):
    text = demo_site["programmy.html"]
    assert "Программы (6)" in text
    assert "электроника" in text  # ПР-005 approved, starts in December
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
    for act in FEDERAL_ACTS:
        assert act in text
    assert "№ 273-ФЗ" in text and "статья 351.8" in text
    assert "№ АЗ-1128/08" in text and "№ 1264-р" in text
    assert "утверждено приказом от 02.09.2026 № 112-о" in text


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
    assert '<span class="num">6</span> реализуемые программы' in text


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
