"""Growth of the mentees' self-rating, the SWOT table and the privacy of answers, worked out by hand.

The small institution of ``test_report_indicators`` (period 01.09.2026–31.08.2027, report date 25.11.2026) gets
«Ответы анкет»: the anchor items Н05 (методические), Н06 (ИКТ-компетенции), Н03 (предметно-профессиональные),
Н09 (здоровьесбережение) at entry (05.09.2026) and at the end (20.11.2026):

    П-1 (ПП-1; asked: subject, method)  Н05 2 → 4   Н06 4 → 4
    П-2 (ПП-2; asked: method)           Н05 1 → 2   Н06 2, then 3 on 01.10 (the latest entry counts) → 3
    П-3 (ПП-2; asked: ict)              Н05 3 → 3   Н06 2 → 4
    П-8 (ПП-6; asked: health)           Н05 4 → 5   Н03 2 → 2   Н09 3 → 3
    П-8 Н06 1 → 5 on 10.12.2026: after the report date, not counted; an answer without a code: not counted.

By hand: методические — 4 mentees, entry 10/4 = 2,5, final 14/4 = 3,5, change +1,0, improved 3;
ИКТ — 3 mentees, entry 9/3 = 3,0, final 11/3 = 3,7, change 2/3 = +0,7, improved 1; предметно-профессиональные
and здоровьесбережение — one mentee each: «менее 3 ответов». All directions — 9 (mentee, direction) pairs:
entry 24/9 = 2,7, final 30/9 = 3,3, change 6/9 = +0,7; 4 mentees, all improved somewhere. In a direction they
asked help in, П-1, П-2, П-3 improved and П-8 did not: 3 of 4 = 75 %. Every programme has fewer than three
mentees: «менее 3 ответов».
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from nastavnik.report import compute_indicators
from nastavnik.report.registry import FEW_ANSWERS, PRIVACY_RULE
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY
from .test_report_indicators import END, START, small_parts

D = dt.date
ENTRY, FINAL = D(2026, 9, 5), D(2026, 11, 20)


def _a(who, role, programme, round_, when, question, answer):
    return {"respondent": who, "role": role, "programme": programme, "round": round_, "date": when,
            "question": question, "answer": str(answer)}


def _growth_answers() -> list[dict]:
    me, rows = "наставляемый", []
    marks = {("П-1", "ПП-1"): {"Н05": (2, 4), "Н06": (4, 4)},
             ("П-2", "ПП-2"): {"Н05": (1, 2), "Н06": (2, 3)},
             ("П-3", "ПП-2"): {"Н05": (3, 3), "Н06": (2, 4)},
             ("П-8", "ПП-6"): {"Н05": (4, 5), "Н03": (2, 2), "Н09": (3, 3)}}
    for (who, prog), items in marks.items():
        for q, (entry, final) in items.items():
            rows.append(_a(who, me, prog, "входная", ENTRY, q, entry))
            rows.append(_a(who, me, prog, "итоговая", FINAL, q, final))
    rows.append(_a("П-2", me, "ПП-2", "входная", D(2026, 10, 1), "Н06", 3))  # the latest entry answer counts
    rows.append(_a("П-8", me, "ПП-6", "входная", ENTRY, "Н06", 1))
    rows.append(_a("П-8", me, "ПП-6", "итоговая", D(2026, 12, 10), "Н06", 5))  # after the report date
    rows.append(_a(None, me, "ПП-6", "итоговая", FINAL, "Н05", 5))  # no code: cannot be followed
    return rows


def _swot_answers() -> list[dict]:
    me, mentor, cur = "наставляемый", "наставник", "куратор"
    return [
        _a("П-1", me, "ПП-1", "итоговая", FINAL, "Н14", "Разбор моих занятий после посещения"),
        _a("П-2", me, "ПП-2", "итоговая", FINAL, "Н14", "Совместная разработка программы"),
        _a("П-3", me, "ПП-2", "итоговая", FINAL, "Н14", "Поддержка перед открытым занятием"),
        _a("Н-1", mentor, "ПП-1", "итоговая", FINAL, "С06", "Не хватило времени у наставника Петрова"),
        _a("Н-2", mentor, "ПП-2", "итоговая", FINAL, "С06", "Мало методических материалов"),
        _a(None, cur, None, "итоговая", FINAL, "К01", 5),
        _a(None, cur, None, "итоговая", FINAL, "К03", 2),
        _a(None, cur, None, "итоговая", FINAL, "К07", "Нет общего времени для встреч пар"),
        _a(None, cur, None, "итоговая", FINAL, "К09", "Молодые педагоги могут уйти"),
    ]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    org, tables = copy.deepcopy(small_parts())
    tables["answers"] = _growth_answers() + _swot_answers()
    path = tmp_path_factory.mktemp("growth") / "книга.xlsx"
    write_workbook(path, org, tables)
    return read_workbook(path)


@pytest.fixture(scope="module")
def figures(book):
    return {i.code: i for i in compute_indicators(book, START, END, TODAY)}


@pytest.fixture(scope="module")
def analytic(book):
    from nastavnik.docs.analytic import build_analytic

    return build_analytic(book, TODAY)[0][1]


def _table(figures):
    from nastavnik.report.growth import Growth

    return Growth.from_dict(figures["growth_respondents"].extra["growth"])


def test_the_growth_table_by_direction_equals_the_hand_computation(figures):
    rows = {r.label: r for r in _table(figures).directions}
    method, ict = rows[v.DIRECTIONS["method"]], rows[v.DIRECTIONS["ict"]]
    assert (method.respondents, method.entry, method.final, method.change, method.improved) == (4, 2.5, 3.5, 1.0, 3)
    assert (ict.respondents, ict.entry, ict.final, ict.change, ict.improved) == (3, 3.0, 3.7, 0.7, 1)
    for key in ("subject", "health"):
        assert rows[v.DIRECTIONS[key]].respondents == 1 and rows[v.DIRECTIONS[key]].hidden
    assert rows[v.DIRECTIONS["theory"]].respondents == 0
    total = _table(figures).total
    assert (total.respondents, total.entry, total.final, total.change, total.improved) == (4, 2.7, 3.3, 0.7, 4)


def test_the_growth_indicators_equal_the_hand_computation(figures):
    assert figures["growth_respondents"].value == 4
    share = figures["growth_improved_share"]
    assert (share.value, share.numerator, share.denominator) == (75.0, 3, 4)
    assert figures["growth_mean_change"].value == 0.7
    by_dir = figures["growth_by_direction"].breakdown
    assert by_dir[v.DIRECTIONS["method"]] == 1.0 and by_dir[v.DIRECTIONS["subject"]] is None


def test_a_programme_of_fewer_than_three_mentees_shows_no_numbers(figures, analytic):
    progs = {r.label: (r.respondents, r.hidden, r.entry, r.change) for r in _table(figures).programmes}
    assert progs == {"ПП-1": (1, True, None, None), "ПП-2": (2, True, None, None), "ПП-6": (1, True, None, None)}
    rows = {r["label"]: r for r in analytic["growth"]["programmes"]}
    assert rows["ПП-2"]["entry"] == FEW_ANSWERS and rows["ПП-2"]["change"] == rows["ПП-2"]["final"] == ""


def test_fewer_than_three_respondents_show_no_satisfaction_average(figures, analytic):
    # Two mentees' forms and one mentor's in the period: no mean of either role, the total of three stays.
    assert figures["survey_mean_mentees"].value is None and figures["survey_mean_mentors"].value is None
    assert set(figures["survey_by_question_mentees"].breakdown.values()) == {None}
    assert figures["survey_mean"].value == 7.6
    assert {r["mentees"] for r in analytic["surveys"]["questions"]} == {FEW_ANSWERS}
    assert FEW_ANSWERS in analytic["surveys"]["text"]
    assert analytic["charts"]["surveys"] is None  # no bars drawn for hidden means
    assert analytic["surveys"]["privacy"] == PRIVACY_RULE


def test_the_analytic_report_shows_the_growth_table_and_chart(analytic):
    g = analytic["growth"]
    method = next(r for r in g["directions"] if r["label"] == v.DIRECTIONS["method"])
    assert (method["n"], method["entry"], method["final"], method["change"], method["improved"]) == (
        "4", "2,5", "3,5", "+1,0", "3")
    assert "75 %" in g["text"] and "3 из 4" in g["text"]
    assert analytic["charts"]["growth"] is not None  # two directions of three mentees or more
    assert [r[0] for r in g["chart_rows"]] == [v.DIRECTIONS["method"], v.DIRECTIONS["ict"]]


def test_swot_takes_the_open_answers_by_their_section_without_names(analytic, book):
    rows, part = {}, None
    for r in analytic["growth"]["swot"]:
        part = r["part"] or part
        rows.setdefault(part, []).append(r["text"])
    strengths, weaknesses, threats = rows["Сильные стороны"], rows["Слабые стороны"], rows["Угрозы"]
    assert "Разбор моих занятий после посещения (наставляемые)." in strengths
    assert any(t.startswith("«Нормативная база") and "5 из 5" in t for t in strengths)
    assert "Нет общего времени для встреч пар (куратор)." in weaknesses
    assert any(t.startswith("«В расписании есть время") and "2 из 5" in t for t in weaknesses)
    assert "Молодые педагоги могут уйти (куратор)." in threats
    # Two mentors answered «Чего вам не хватило как наставнику»: fewer than three, their answers stay out.
    assert not any("Петров" in t or "методических материалов" in t for texts in rows.values() for t in texts)
    assert any("Чего вам не хватило как наставнику" in t and FEW_ANSWERS in t for t in analytic["growth"]["swot_hidden"])
    names = {r["fio"] for key in ("mentors", "mentees") for r in book.tables[key].to_dict("records")}
    assert not any(n in t for n in names for texts in rows.values() for t in texts)


def test_monitoring_has_the_growth_sheet_with_hidden_programmes(book, figures, tmp_path):
    import openpyxl

    from nastavnik.report import build_statform, write_report_xlsx

    inds = compute_indicators(book, START, END, TODAY)
    path = write_report_xlsx(inds, build_statform(book, START, END, TODAY), tmp_path / "Мониторинг.xlsx")
    ws = openpyxl.load_workbook(path)["Рост наставляемых"]
    cells = [tuple(r) for r in ws.iter_rows(values_only=True)]
    method = next(r for r in cells if r[0] == v.DIRECTIONS["method"] and r[1] == 4)
    assert method[2:6] == (2.5, 3.5, 1.0, 3)
    pp2 = next(r for r in cells if r[0] == "ПП-2")
    assert pp2[1] == 2 and pp2[2] == FEW_ANSWERS and pp2[3] is None
    assert any(PRIVACY_RULE in r for r in cells)


def test_the_demos_answer_the_bank_and_the_school_shows_growth():
    """The centre has two mentees with both rounds (hidden); the school three (shown)."""
    import tempfile
    from pathlib import Path

    from nastavnik.report.indicators import book_figures
    from nastavnik.workbook.samples.demos import write_demo

    with tempfile.TemporaryDirectory() as folder:
        out = {}
        for key in ("extra", "school"):
            path = write_demo(Path(folder) / f"{key}.xlsx", key, TODAY)
            out[key] = book_figures(read_workbook(path), TODAY)
    assert out["extra"]["growth_respondents"].value == 2 and out["extra"]["growth_mean_change"].value is None
    assert out["school"]["growth_respondents"].value == 3
    assert out["school"]["growth_improved_share"].value is not None
    assert out["school"]["growth_mean_change"].value > 0
