"""Questionnaires from the organisation's own bank («Вопросы анкет»): a form for each role and round, answers
back into «Ответы анкет» (issue 29, points 1, 2 and 7).

A curator edits the bank as she would in Excel (a question added, one hidden, one reworded); the forms then ask
exactly those items; answers of two rounds come back through ``collect`` one row per answer.
"""

from __future__ import annotations

import copy as _copy
from pathlib import Path

import openpyxl
import pytest

from nastavnik.checks import check_book
from nastavnik.forms import collect, make_forms
from nastavnik.forms.lines import ADDED, CONFLICT, REJECTED
from nastavnik.forms.online import question_list
from nastavnik.forms.xlsx_form import FORM_SHEET, KEY_COL
from nastavnik.workbook import questionbank as qb
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .test_collect import fill


def _bank_rows() -> list[dict]:
    return [dict(zip(qb.QUESTIONS.keys, r)) for r in qb.QUESTIONS.prefill]


@pytest.fixture(scope="module")
def edited(tmp_path_factory, demo_parts):
    """The demo whose curator added a mentee question, hid С01 and reworded Н10."""
    org, tables = _copy.deepcopy(demo_parts)
    rows = _bank_rows()
    for r in rows:
        if r["code"] == "С01":
            r["show"] = False
        if r["code"] == "Н10":
            r["text"] = "Какие трудности в работе вы хотите преодолеть"
    rows.append({"code": "Н50", "roles": ("наставляемый",), "rounds": ("входная",),
                 "text": "Сколько лет вы работаете в нашей организации", "kind": qb.K_ONE,
                 "options": "меньше года; 1–3 года; больше 3 лет", "order": 5, "show": True})
    tables["questions"] = rows
    tables["answers"] = []  # the demo's own answers would mix with the ones these tests collect
    path = tmp_path_factory.mktemp("bank") / "книга.xlsx"
    write_workbook(path, org, tables)
    return read_workbook(path, today=TODAY)


def keys(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    return [r[KEY_COL].value for r in ws.iter_rows() if r[KEY_COL].value]


def test_an_edited_bank_gives_each_role_exactly_its_items(tmp_path, edited):
    folder = make_forms(edited, "анкета", tmp_path, TODAY, "входная").folder
    mentee = keys(next(folder.glob("* П-001 *.xlsx")))
    mentor = keys(next(folder.glob("* Н-001 *.xlsx")))
    assert mentee[:2] == ["date", "bank:Н50"]  # order 5: before the directions
    assert "bank:Н10" in mentee and "bank:С01" not in mentor and "bank:С02" in mentor
    assert not any(k.startswith("bank:С") for k in mentee)
    assert not any(k.startswith("bank:Н") for k in mentor)
    ws = openpyxl.load_workbook(next(folder.glob("* П-001 *.xlsx")))[FORM_SHEET]
    texts = [r[0].value for r in ws.iter_rows()]
    assert "Какие трудности в работе вы хотите преодолеть" in texts
    assert not list(folder.glob("Куратор*")), "the bank asks the curator nothing at entry"


def test_the_final_round_keeps_the_satisfaction_scores_and_adds_the_curators_form(tmp_path, edited):
    folder = make_forms(edited, "анкета", tmp_path, TODAY).folder
    mentee = keys(next(folder.glob("* П-001 *.xlsx")))
    assert "q_satisfaction" in mentee and "bank:Н14" in mentee
    curator = keys(next(folder.glob("Куратор *.xlsx")))
    assert curator[0] == "date" and "bank:К06" in curator and "q_satisfaction" not in curator


def _answer_all(path: Path, mark: int) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    answers = {}
    for row in ws.iter_rows():
        key = row[KEY_COL].value
        if not key:
            continue
        if key.startswith("bank:Н0"):
            answers[key] = mark
        elif key == "bank:Н10":
            answers[key] = "Дисциплина на уроке"
        elif key == "bank:Н50":
            answers[key] = "1–3 года"
        elif key == "date":
            answers[key] = "01.10.2026" if mark < 4 else "20.11.2026"
    fill(path, answers)


def test_two_rounds_come_back_one_row_per_answer(tmp_path, edited):
    entry = make_forms(edited, "анкета", tmp_path / "вх", TODAY, "входная").folder
    form = next(entry.glob("* П-001 *.xlsx"))
    _answer_all(form, 2)
    first = collect(edited, [form], tmp_path / "out1", TODAY)
    assert [x for x in first.lines if x.status == ADDED]
    book1 = read_workbook(first.copy, today=TODAY)
    rows = book1.tables["answers"]
    mine = rows[(rows["respondent"] == "П-001") & (rows["round"] == "входная")]
    assert len(mine) == 11  # nine directions, Н10, Н50
    assert set(mine.loc[mine["question"].str.startswith("Н0"), "answer"]) == {"2"}
    assert check_book(book1, TODAY).valid

    final = make_forms(book1, "анкета", tmp_path / "ит", TODAY).folder
    form2 = next(final.glob("* П-001 *.xlsx"))
    _answer_all(form2, 4)
    second = collect(book1, [form2], tmp_path / "out2", TODAY)
    book2 = read_workbook(second.copy, today=TODAY)
    rows = book2.tables["answers"]
    both = rows[(rows["respondent"] == "П-001") & (rows["question"] == "Н03")]
    assert sorted(zip(both["round"], both["answer"])) == [("входная", "2"), ("итоговая", "4")]
    assert check_book(book2, TODAY).valid


def test_a_changed_answer_of_the_same_round_is_a_conflict_kept_unless_update(tmp_path, edited):
    folder = make_forms(edited, "анкета", tmp_path / "вх", TODAY, "входная").folder
    form = next(folder.glob("* П-001 *.xlsx"))
    _answer_all(form, 2)
    book1 = read_workbook(collect(edited, [form], tmp_path / "o1", TODAY).copy, today=TODAY)
    fill(form, {"bank:Н01": 3})
    again = collect(book1, [form], tmp_path / "o2", TODAY)
    assert [x for x in again.lines if x.status == CONFLICT and "Н01" in x.reason]
    updated = collect(book1, [form], tmp_path / "o3", TODAY, update=True)
    rows = read_workbook(updated.copy, today=TODAY).tables["answers"]
    assert set(rows.loc[(rows["respondent"] == "П-001") & (rows["question"] == "Н01"), "answer"]) == {"3"}


def test_a_mark_outside_the_scale_is_rejected_at_its_cell(tmp_path, edited):
    folder = make_forms(edited, "анкета", tmp_path, TODAY, "входная").folder
    form = next(folder.glob("* П-001 *.xlsx"))
    fill(form, {"bank:Н01": 7, "bank:Н02": 3})
    result = collect(edited, [form], tmp_path / "out", TODAY)
    rejected = [x for x in result.lines if x.status == REJECTED]
    assert rejected and rejected[0].row and "5" in rejected[0].reason
    rows = read_workbook(result.copy, today=TODAY).tables["answers"]
    assert list(rows["question"]) == ["Н02"]


def test_the_curators_form_comes_back_without_a_code(tmp_path, edited):
    folder = make_forms(edited, "анкета", tmp_path, TODAY).folder
    form = next(folder.glob("Куратор *.xlsx"))
    fill(form, {"bank:К01": 4, "bank:К07": "Мало времени на встречи"})
    result = collect(edited, [form], tmp_path / "out", TODAY)
    rows = read_workbook(result.copy, today=TODAY).tables["answers"]
    assert list(zip(rows["role"], rows["question"], rows["answer"])) == [
        ("куратор", "К01", "4"), ("куратор", "К07", "Мало времени на встречи")]
    assert rows["respondent"].isna().all()


def test_the_online_list_names_the_round_and_whose_questions(edited):
    text = question_list("анкета", edited, "входная")
    assert "Этап анкетирования" in text and "входная" in text
    assert "(для наставляемого)" in text and "Сколько лет вы работаете в нашей организации" in text
    assert "Удовлетворённость участием" not in text  # the satisfaction scores are the final round's


def test_an_online_export_of_a_round_lands_with_its_round(tmp_path, edited):
    header = ["Отметка времени", "ФИО", "Ваша роль в программе", "Этап анкетирования",
              qb.QUESTIONS.prefill[0][3]]
    fio = edited.tables["mentees"].set_index("code").at["П-001", "fio"]
    path = tmp_path / "выгрузка.csv"
    path.write_text(",".join(f'"{h}"' for h in header) + "\n"
                    + f'"05.10.2026 10:00","{fio}","наставляемый","входная","2"\n', encoding="utf-8")
    result = collect(edited, [path], tmp_path / "out", TODAY)
    rows = read_workbook(result.copy, today=TODAY).tables["answers"]
    assert list(zip(rows["respondent"], rows["round"], rows["question"], rows["answer"])) == [
        ("П-001", "входная", "Н01", "2")]


def test_new_year_carries_the_curators_bank_and_archives_answers_with_their_programme(tmp_path, edited):
    import datetime as dt

    from nastavnik.workbook.newyear import next_year

    folder = make_forms(edited, "анкета", tmp_path, TODAY, "входная").folder
    form = next(folder.glob("* П-001 *.xlsx"))
    _answer_all(form, 2)
    book = read_workbook(collect(edited, [form], tmp_path / "out", TODAY).copy, today=TODAY)
    _org, tables, _summary = next_year(book, dt.date(2027, 6, 30))
    bank = {r["code"]: r for r in tables["questions"]}
    assert bank["Н50"]["text"] == "Сколько лет вы работаете в нашей организации"
    assert bank["С01"]["show"] is False
    assert bank["Н10"]["text"] == "Какие трудности в работе вы хотите преодолеть"
    pairs = book.tables["pairs"]
    running = set(pairs.loc[~pairs["status"].isin(["завершена", "прекращена досрочно"]), "code"])
    prog = book.tables["programmes"].set_index("code").at[
        book.tables["answers"]["programme"].iloc[0], "pair"]
    where = "answers" if prog in running else "archive_answers"
    assert len(tables[where]) == 11
