"""What a visitor of the public site reads: no stale announcements, no empty headings of levels with no documents."""

from __future__ import annotations

import datetime as dt

from nastavnik.site.content import PAST_ANNOUNCEMENT, site_content

from .conftest import TODAY


def _news(make_book, rows, today=TODAY):
    def change(org, tables):
        tables["news"] = rows

    book = make_book(change)
    return site_content(book, today)["news"]


def _row(kind, day):
    return {"date": day, "kind": kind, "title": "Семинар наставников", "text": "Приглашаем.", "publish": True}


def test_an_announcement_whose_date_has_passed_is_not_shown_as_coming(make_book):
    items = _news(make_book, [_row("анонс", TODAY - dt.timedelta(days=16)), _row("анонс", TODAY + dt.timedelta(days=3))])
    kinds = {n["iso"]: n["kind"] for n in items}
    assert kinds[f"{TODAY - dt.timedelta(days=16):%Y-%m-%d}"] == PAST_ANNOUNCEMENT
    assert kinds[f"{TODAY + dt.timedelta(days=3):%Y-%m-%d}"] == "анонс"


def test_a_regional_sub_level_without_documents_is_not_a_heading_on_the_public_page(make_book):
    def change(org, tables):
        tables["normative"] = [r for r in tables["normative"] if r.get("level") != "региональный (район)"]

    levels = {lv["key"]: lv for lv in site_content(make_book(change), TODAY)["normative"]}
    titles = [g["title"] for g in levels["regional"]["groups"]]
    assert "Район" not in titles
    assert all(g["acts"] for g in levels["regional"]["groups"]) or titles == [None]
