"""The website names only people who agreed to publication, and shows no other personal data."""

from __future__ import annotations

import pytest

from .site_util import build, leaks, pages, person

NO_CONSENT = ["Н-003", "П-002", "П-008", "П-010", "П-014"]  # consent_publish «нет» in the demo


@pytest.fixture(scope="module")
def demo_site(demo_book, tmp_path_factory):
    return build(demo_book, tmp_path_factory.mktemp("site") / "сайт")


@pytest.mark.parametrize("code", NO_CONSENT)
def test_person_without_consent_appears_on_no_page(demo_site, demo_parts, code):
    assert leaks(demo_site, person(demo_parts, code)) == []


def test_person_with_consent_is_named_on_the_programmes_page(demo_site):
    assert "Кузнецов Андрей Викторович" in demo_site["programmy.html"]
    assert "Кузнецов Андрей Викторович" in demo_site["special/programmy.html"]


def test_placeholder_stands_for_a_participant_without_consent(demo_site):
    # ПР-002: mentor Смирнова consented, mentee Петров did not.
    text = demo_site["programmy.html"]
    card = text[text.index("3D-моделирование"):]
    card = card[:card.index("</article>")]
    assert "Смирнова Ольга Николаевна" in card and "участник программы" in card


def _set(tables, code, **values):
    for key in ("mentors", "mentees"):
        for row in tables[key]:
            if row["code"] == code:
                row.update(values)


def test_withdrawn_consent_removes_the_name_everywhere(make_book, demo_parts, tmp_path):
    book = make_book(lambda org, t: (_set(t, "Н-001", consent_publish=False), _set(t, "П-001", consent_publish=False)))
    files = build(book, tmp_path / "сайт")
    assert leaks(files, person(demo_parts, "Н-001")) == []
    assert leaks(files, person(demo_parts, "П-001")) == []


def test_given_consent_makes_the_name_appear(make_book, tmp_path):
    book = make_book(lambda org, t: _set(t, "П-002", consent_publish=True))
    files = build(book, tmp_path / "сайт")
    assert "Петров Кирилл Андреевич" in files["programmy.html"]


def test_publication_consent_without_processing_consent_is_not_enough(make_book, demo_parts, tmp_path):
    book = make_book(lambda org, t: _set(t, "Н-001", consent_pd=False, consent_publish=True))
    assert leaks(build(book, tmp_path / "сайт"), person(demo_parts, "Н-001")) == []


def test_names_without_consent_are_scrubbed_from_news_text(make_book, demo_parts, tmp_path):
    def add_news(org, tables):
        tables["news"].append({
            "date": tables["news"][0]["date"], "kind": "новость", "publish": True,
            "title": "Поздравляем Петрова Кирилла Андреевича",
            "text": "Благодарим наставника Васильева И. П. и Петрову К. А. за работу.",
        })

    files = build(make_book(add_news), tmp_path / "сайт")
    assert "Поздравляем [скрыто]" in files["novosti.html"]
    for code in ("П-002", "Н-003"):
        assert leaks(files, person(demo_parts, code)) == []


def test_no_birth_date_contact_category_or_request_of_anyone_is_published(demo_site, demo_parts):
    _org, tables = demo_parts
    html = "\n".join(pages(demo_site).values())
    for row in tables["mentors"] + tables["mentees"]:
        assert f"{row['birth_date']:%d.%m.%Y}" not in html
        assert row["contact"] not in html
    for row in tables["mentees"]:
        assert row["request_text"] not in html
        assert row["category"] not in html
    assert "+7" not in html


def test_the_curator_is_shown_by_position_only(demo_site, demo_parts):
    org, _ = demo_parts
    assert org["curator_position"] in demo_site["kontakty.html"]
    assert org["curator_fio"].split()[0] not in "\n".join(pages(demo_site).values())
