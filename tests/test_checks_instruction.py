"""The workbook tells the curator each new rule where she fills that column.

Column hints go into «Инструкция» (and the header's note); a parameter's hint stands beside it on
«Организация». The phrases below are what a curator would look for before `nastavnik check` tells her.
"""

from __future__ import annotations

import openpyxl
import pytest

from nastavnik.workbook import schema as s
from nastavnik.workbook.template import write_workbook

# (problem code, sheet title or «Организация», column or parameter title, phrase of its hint)
RULES = [
    ("experience_over_age", "Наставники", "Педагогический стаж, лет", "возраст минус 16 лет"),
    ("experience_over_age", "Наставляемые", "Педагогический стаж, лет", "возраст минус 16 лет"),
    ("org_over_total", "Наставники", "Стаж в организации, лет", "обычно не больше педагогического стажа"),
    ("hired_too_young", "Наставляемые", "Дата приёма на работу", "не раньше 16-летия"),
    ("mentor_less_experienced", "Пары и группы", "Код наставника", "кроме реверсивного"),
    ("bank_without_consent", "Наставляемые", "Согласие на обработку ПДн", "не вносится в банк"),
    ("consent_without_date", "Наставники", "Дата согласия на обработку ПДн", "нужна при «да»"),
    ("actual_end_not_finished", "Пары и группы", "Фактическая дата окончания", "«прекращена досрочно»"),
    ("reason_not_finished", "Пары и группы", "Причина завершения (п. 7.1)", "у продолжающейся пары — пусто"),
    ("new_end_wrong", "Пары и группы", "Новая дата окончания", "позже плановой даты окончания"),
    ("change_without_basis", "Пары и группы", "Основание изменения", "Обязательно при изменении"),
    ("programme_without_plan", "Программы", "Код программы", "должен быть план"),
    ("running_without_activity", "План мероприятий", "Статус", "хотя бы одно мероприятие"),
    ("agreement_incomplete", "Пары и группы", "Доплата за наставничество, руб./мес.", "обязателен для утверждённой"),
    ("agreement_too_short", "Пары и группы", "Срок доп. соглашения (до)", "с учётом продления"),
    ("mentor_consent_after_order", "Пары и группы", "Дата согласия наставника", "Не позже даты приказа"),
    ("published_before_end", "Программы", "Лучшая практика", "после завершения пары (п. 8.2)"),
    ("future_date", "Мероприятия", "Дата", "Мероприятие с результатом — уже прошедшее"),
    ("future_date", "План мероприятий", "Фактическая дата", "не позже сегодняшнего дня"),
    ("order_number_sign", "Пары и группы", "№ приказа о закреплении", "без знака «№»"),
    ("order_incomplete", "Пары и группы", "Дата приказа о закреплении", "вместе с номером"),
    ("staff_below_bank", "Организация", "Число педагогических работников", "не меньше числа работающих"),
    ("period_not_a_year", "Организация", "Конец отчётного периода", "период — около года"),
    ("org_person_mismatch", "Организация", "Пол куратора", "как в строке банка"),
    ("order_incomplete", "Организация", "№ приказа о назначении куратора", "заполняется вместе с датой"),
]


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    path = tmp_path_factory.mktemp("шаблон") / "шаблон.xlsx"
    write_workbook(path)
    return openpyxl.load_workbook(path, read_only=True)


def _instruction_line(wb, sheet_title: str, column: str) -> str:
    lines = [r[0] for r in wb[s.INSTRUCTION_TITLE].iter_rows(values_only=True) if r and isinstance(r[0], str)]
    start = lines.index(f"Лист «{sheet_title}»")
    for line in lines[start + 1:]:
        if line.startswith("Лист «"):
            break
        if line.split(" — ")[0].rstrip(" *") == column:
            return line
    raise AssertionError(f"нет строки «{column}» в разделе листа «{sheet_title}»")


def _org_hint(wb, title: str) -> str:
    for name, _, hint in wb[s.ORG_TITLE].iter_rows(min_row=2, values_only=True):
        if str(name).rstrip(" *") == title:
            return hint or ""
    raise AssertionError(title)


@pytest.mark.parametrize("code,sheet,column,phrase", RULES, ids=[f"{r[0]}-{r[2]}" for r in RULES])
def test_the_rule_is_named_where_the_column_is_filled(blank, code, sheet, column, phrase):
    text = _org_hint(blank, column) if sheet == s.ORG_TITLE else _instruction_line(blank, sheet, column)
    assert phrase in text
