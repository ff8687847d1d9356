"""Documents on the demo workbook: every kind is made, and reads right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from nastavnik.docs import KINDS, plan_documents, render_documents

from .conftest import TODAY


def doc_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines = [[p.text for p in cell.paragraphs] for cell in row.cells]
            if len({len(x) for x in lines}) == 1 and len(lines[0]) > 1:  # a signature block: a line for each
                parts.extend(" | ".join(line) for line in zip(*lines))
            else:
                parts.append(" | ".join(cell.text for cell in row.cells))
    # non-breaking spaces and hyphens are layout («А.С.\u00a0Белых», «Санкт\u2011Петербург»): read them as plain
    return "\n".join(parts).replace("\u00a0", " ").replace("\u2011", "-")


@pytest.fixture(scope="module")
def made(tmp_path_factory, demo_book) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docs")
    paths = render_documents(demo_book, out, TODAY)
    return {str(p.relative_to(out)): p for p in paths}


def find(made, pattern: str) -> str:
    hits = [p for name, p in made.items() if re.search(pattern, name)]
    assert len(hits) == 1, (pattern, sorted(made))
    return doc_text(hits[0])


def test_every_kind_is_made(demo_book, tmp_path):
    kinds = {job.kind for job in plan_documents(demo_book, tmp_path, TODAY)}
    # the one order of introduction stands in for the Положение's and the curator's: the demo has separate orders
    assert kinds == set(KINDS) - {"intro"}


def test_documents_are_counted_per_pair_and_person(made):
    names = list(made)
    assert sum(n.startswith("Программы/") for n in names) == 9
    # five people have no distribution consent; one of them (П-010) has left («выбыл»): no form for her
    assert sum("Согласие на распространение ПДн" in n for n in names) == 4
    assert sum("Согласие на обработку ПДн" in n for n in names) == 1


def test_no_template_tag_is_left(made):
    for name, path in made.items():
        text = doc_text(path)
        assert "{{" not in text and "{%" not in text and "}}" not in text, name


def test_curator_order_declines_the_name(made):
    text = find(made, "назначении куратора")
    assert "куратором реализации программ наставничества педагогических работников" in text
    assert "Белых Анну Сергеевну" in text
    assert "Белых Анне Сергеевне" in text
    assert "02.09.2026" in text and "№ 113-о" in text
    assert "ПРИКАЗЫВАЮ:" in text and "Е.В. Соколова" in text


def test_regulation_order_has_regulation_and_roadmap(made):
    text = find(made, "утверждении Положения")
    assert "Приложение № 1" in text and "Приложение № 2" in text
    assert "к приказу от 02.09.2026 № 112-о" in text
    assert "ПРИНЯТО" in text and "УТВЕРЖДЕНО" in text
    assert "в ГБУ ДО ЦДЮТТ Кировского района Санкт-Петербурга определяет цели" in text
    assert "9.2. В настоящее Положение могут быть внесены изменения" in text
    assert "Формирование банка наставников" in text  # a roadmap row
    assert "на 2026/2027 учебный год" in text


def test_pairs_order_lists_only_pairs_without_an_order(made):
    text = find(made, "закреплении наставнических пар")
    assert "Фёдорова Светлана Павловна, педагог-психолог" in text  # ПР-006, a draft
    assert "Медведева Дарья Алексеевна" in text
    assert "с 10.12.2026 по 09.04.2027" in text
    assert "Цой Виктор" not in text  # ПР-005 already has order 135-о
    assert "№ ____" in text and "__.__.____" in text
    assert "ЛИСТ ОЗНАКОМЛЕНИЯ" in text


def test_change_and_early_end_orders(made):
    extend = find(made, "об изменении — ПР-009")
    assert "Продлить срок реализации персонализированной программы наставничества ПП-009" in extend
    assert "наставника Гусейнова Рашида Ильхам оглы и наставляемого Никитина Ильи Романовича" in extend
    assert "№ 171-о" in extend
    stop = find(made, "досрочном завершении — ПР-008")
    assert "Прекратить досрочно" in stop and "по инициативе наставляемого" in stop
    assert "Васильева Игоря Петровича" in stop and "Егоровой Ксении Викторовны" in stop


def test_group_programme_has_every_parameter_and_the_plan(made):
    text = find(made, "Программа ПП-003")
    for label in ("Описание проблемы", "Цель", "Задачи", "Сроки реализации", "Промежуточные результаты",
                  "Планируемые результаты", "Расписание встреч", "Режим работы", "Условия обучения",
                  "Форма наставничества", "Вид наставничества"):
        assert label in text
    assert "Никитина Татьяна Юрьевна" in text
    for mentee in ("Сидорова Алина Дмитриевна", "Ким Денис Вячеславович", "Шевченко Полина Игоревна"):
        assert mentee in text
    assert "Направление: методические" in text
    assert "СОГЛАСОВАНО" in text and "А.С. Белых" in text
    assert "Наставляемая | __________ П.И. Шевченко" in text


def test_final_order_and_consents(made):
    final = find(made, "итогового мероприятия")
    assert final.startswith("Государственное бюджетное учреждение")
    assert "О проведении итогового мероприятия в рамках реализации системы (целевой модели) наставничества" in final
    assert "20.05.2027" in final and "в актовом зале центра" in final
    pd = find(made, "обработку ПДн — П-014")
    assert "Нуриев Тимур Ринатович" in pd and "152-ФЗ" in pd
    pub = find(made, "распространение ПДн — П-002")
    assert "10.1" in pub and "Петров Кирилл Андреевич" in pub


def test_mentor_consent_and_agreement_for_new_pairs(made):
    consent = find(made, "Согласие наставника — ПР-005")
    assert "351.8" in consent and "Цой Виктор Алексеевич" in consent and "Ткаченко Романа Олеговича" in consent
    agreement = find(made, "Доп. соглашение — ПР-005")
    assert "ДС-05" in agreement and "3 000 рублей" in agreement
    assert "в лице директора Соколовой Елены Викторовны, действующей" in agreement


def test_only_limits_the_kinds(demo_book, tmp_path):
    paths = render_documents(demo_book, tmp_path, TODAY, only=["curator"])
    assert [p.name for p in paths] == ["Приказ о назначении куратора.docx"]
