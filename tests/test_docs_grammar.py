"""The generated phrases of the documents, read as a director reads them (review F1–F22, issue 14)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from nastavnik.docs.kinds import KINDS, academic_years, reason_text, roadmap_rows
from nastavnik.docs.render import render_documents

from .test_docs_print import SCHOOL, second_book_change
from .test_docs_render import doc_text

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def made(tmp_path_factory, demo_book):
    out = tmp_path_factory.mktemp("grammar")
    return {str(p.relative_to(out)): doc_text(p) for p in render_documents(demo_book, out, TODAY)}


@pytest.fixture
def second(make_book, tmp_path):
    book = make_book(second_book_change, "школа.xlsx")
    return {str(p.relative_to(tmp_path / "out")): doc_text(p)
            for p in render_documents(book, tmp_path / "out", TODAY)}


def one(made, pattern: str) -> str:
    hits = [t for name, t in made.items() if re.search(pattern, name)]
    assert len(hits) == 1, pattern
    return hits[0]


def test_preamble_governs_the_instrumental(made):
    for name, text in made.items():
        if name.startswith("Приказы/") and "Положения о наставничестве" not in name:
            assert "Положением о системе (целевой модели) наставничества педагогических работников, утверждённым " \
                   "приказом от 02.09.2026 № 112-о" in text, name
            assert "Положения о системе (целевой модели) наставничества педагогических работников, утверждённого" \
                   not in text
            assert "от 21.12.2021 № АЗ-1128/08/657" in text and "Общероссийского Профсоюза образования" in text


def test_curator_is_appointed_with_the_position_in_the_accusative(made):
    text = one(made, "назначении куратора")
    assert "Белых Анну Сергеевну, заместителя директора по учебно-воспитательной работе." in text
    assert "(заместитель директора" not in text


def test_mentor_consent_declines_position_and_follows_sex(made):
    text = one(made, "Согласие наставника — ПР-005")
    assert "от Цоя Виктора Алексеевича,\nпедагога дополнительного образования" in text
    assert "ознакомлен." in text and "ознакомлен(а)" not in text
    assert "(форма наставничества — «педагог – педагог»" in text


def test_agreement_receipt_follows_sex(made):
    text = one(made, "Доп. соглашение — ПР-005")
    assert "Экземпляр соглашения получил:" in text and "получил(а)" not in text
    assert "не позднее чем за три рабочих дня" in text


def test_pairs_order_counts_with_agreement_and_both_consents(made):
    text = one(made, "закреплении наставнических пар")
    assert "согласно приложению № 1 (1 пара (группа))." in text
    assert "письменного согласия наставников и наставляемых" in text


def test_pairs_order_names_additional_agreements_and_payment_when_the_book_has_them(make_book, tmp_path):
    def paid(org, tables):
        for r in tables["pairs"]:
            if r["code"] in ("ПР-005", "ПР-006"):  # both await the order
                r.update(payment=2500.0, order_no=None, order_date=None)

    book = make_book(paid)
    text = doc_text(render_documents(book, tmp_path / "o", TODAY, only=["pairs"])[0])
    assert "(2 пары (группы))" in text
    assert "дополнительные соглашения к трудовым договорам" in text and "2 500 рублей в месяц" in text


def test_change_order_basis_in_the_genitive(made):
    text = one(made, "Приказ об изменении — ПР-009")
    assert "на основании заявления наставника и наставляемого" in text
    assert "на основании:" not in text


def test_early_completion_has_no_double_preposition(made):
    text = one(made, "досрочном завершении")
    assert "с 25.11.2026 по инициативе наставляемого (п. 7.1 Положения)" in text or \
        re.search(r"с \d\d\.\d\d\.\d{4} по инициативе наставляемого \(п\. 7\.1 Положения\)", text)
    assert "по причине" not in text


def test_reason_words():
    assert reason_text("по инициативе наставника") == "по инициативе наставника"
    assert reason_text("увольнение участника") == "в связи с увольнением участника"


def test_final_order_sheet_lists_everyone_it_names(made, demo_book):
    text = one(made, "итогового мероприятия")
    sheet = text.split("ЛИСТ ОЗНАКОМЛЕНИЯ", 1)[1]
    for name in ("Белова-Орлова Марина Сергеевна", "Никитин Илья Романович", "Белых Анна Сергеевна",
                 "Кузнецов Андрей Викторович"):
        assert name in sheet, name
    assert "в актовом зале центра" in text


def test_polozhenie_order_cites_the_council_protocol(made):
    text = one(made, "утверждении Положения")
    assert "на основании решения педагогического совета" in text
    assert re.search(r"протокол от \d\d\.\d\d\.\d{4} № 1\)", text)


def test_roadmap_rows_are_numbered_once_per_stage():
    rows = roadmap_rows([{"stage": 1, "stage_name": "Подготовка", "activity": "а"},
                         {"stage": 1, "stage_name": "Подготовка", "activity": "б"},
                         {"stage": 2, "stage_name": "Банк", "activity": "в"}])
    assert [(r["stage"], r["stage_name"]) for r in rows] == [("1.1", "Подготовка"), ("1.2", ""), ("2", "Банк")]


def test_programme_is_tied_to_its_order_and_its_own_years(made):
    text = one(made, "Программа ПП-003")
    assert re.search(r"УТВЕРЖДЕНА.*приказом .*от \d\d\.\d\d\.\d{4} № 133-о", text, re.S)
    assert "«Согласовано»" not in text
    assert "Сильные стороны наставляемых" in text and "Ожидаемый результат" in text  # a group of three
    assert re.search(r"Промежуточные результаты \| .*Срок: до \d\d\.\d\d\.\d{4}\.", text)


def test_academic_years_of_a_programme():
    assert academic_years(dt.date(2026, 1, 14), dt.date(2026, 10, 13)) == "2025/2026–2026/2027 учебные годы"
    assert academic_years(dt.date(2026, 9, 26), dt.date(2027, 6, 25)) == "2026/2027 учебный год"


def test_plan_rows_in_date_order_within_each_direction(demo_book):
    for _, ctx in KINDS["programme"].build(demo_book, TODAY):
        for d in ctx["plan"]:
            dates = [dt.datetime.strptime(a["planned_date"], "%d.%m.%Y") for a in d["activities"]]
            assert dates == sorted(dates), (ctx["programme"]["code"], d["direction"])


def test_consents_meet_152_fz(made):
    pd = one(made, "Согласие на обработку ПДн")
    assert "дата выдачи __.__.____" in pd and "зарегистрированный по адресу" in pd
    assert "Информационно-методическому центру Кировского района" in pd  # the district gets the workbook
    assert "ИНН 7805000000, ОГРН 1027800000000" in pd
    publish = one(made, "Согласие на распространение ПДн — П-002")
    assert "контактная информация" in publish and "+7 900 100-02-22" in publish
    assert "паспорт" not in publish
    assert "Условия, при которых полученные персональные данные могут передаваться оператором" in publish
    assert "Условия и запреты" in publish


def test_second_book_declines_a_school_and_other_positions(second):
    pd = next(t for n, t in second.items() if "Согласие на обработку ПДн" in n)
    assert "даю согласие Муниципальному автономному общеобразовательному учреждению «Средняя " \
           "общеобразовательная школа № 5»" in pd
    assert "Комитету образования Великого Новгорода" in pd
    curator = next(t for n, t in second.items() if "назначении куратора" in n)
    assert "Шевченко Илью Никитича, старшего методиста." in curator
    consent = next(t for n, t in second.items() if "Согласие наставника" in n and "Цой" in n)
    assert "от Цой Любови Андреевны,\nзаведующей библиотекой" in consent
    assert "ознакомлена." in consent
    assert SCHOOL in curator


def test_report_is_final_only_after_the_period_ends(demo_book):
    interim = KINDS["analytic_report"].build(demo_book, TODAY)[0]
    final = KINDS["analytic_report"].build(demo_book, dt.date(2027, 9, 5))[0]
    assert interim[0].startswith("Промежуточный аналитический отчёт")
    assert final[0].startswith("Итоговый аналитический отчёт") and final[1]["report"]["final"]


def test_the_month_of_the_report_date_is_marked_partial(demo_book):
    ctx = KINDS["analytic_report"].build(demo_book, TODAY)[0][1]
    months = [m["month"] for m in ctx["plan"]["months"]]
    assert "ноябрь 2026 (по 25.11)" in months
    assert "декабрь 2026" in months


def test_pairs_order_approves_the_programmes_when_they_are_written(made):
    text = one(made, "закреплении наставнических пар")
    assert "Закрепить наставнические пары (группы) и утвердить персонализированные программы" in text


def test_pairs_order_before_the_programmes_asks_to_write_them_instead(make_book, tmp_path):
    """An order cannot approve what does not exist yet: the roadmap writes programmes after the order."""
    def change(org, tables):
        drafts = {p["code"] for p in tables["pairs"] if not p.get("order_no")}
        gone = {p["code"] for p in tables["programmes"] if p["pair"] in drafts}
        tables["programmes"] = [p for p in tables["programmes"] if p["pair"] not in drafts]
        tables["plan"] = [r for r in tables["plan"] if r["programme"] not in gone]
        tables["surveys"] = [r for r in tables["surveys"] if r["programme"] not in gone]

    book = make_book(change)
    made = {str(p.relative_to(tmp_path / "out")): doc_text(p) for p in render_documents(book, tmp_path / "out", TODAY)}
    text = one(made, "закреплении наставнических пар")
    assert "утвердить персонализированные программы" not in text
    assert "Наставникам совместно с наставляемыми разработать персонализированные программы наставничества" in text
