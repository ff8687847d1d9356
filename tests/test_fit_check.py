"""The early fit check (issue 29, п. 5): «не подходит» after the first weeks, from either side, re-pairs.

The curator sees it four ways: ``check`` warns at the answer's cell, the matching proposes another mentor (never
the old one) and says which pair it replaces, the documents draft the order replacing the mentor with the ТК РФ
ст. 351.8 consequences, and ``run`` lists the pair under what needs her decision. «Пара подходит» changes nothing;
«пока не ясно» is only noted.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from nastavnik.checks import check_book
from nastavnik.checks.fit import decisions, notes
from nastavnik.match import match_book, write_match_xlsx
from nastavnik.ui.actions import replacements
from nastavnik.workbook.questionbank import FIT_BAD, FIT_OK, FIT_UNSURE, ROUND_FIT
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

ASKED = TODAY - dt.timedelta(days=20)


def _answer(who: str, role: str, programme: str, answer: str, date: dt.date = ASKED) -> dict:
    return {"respondent": who, "role": role, "programme": programme, "round": ROUND_FIT, "date": date,
            "question": "Ф01", "answer": answer}


# ПР-001: Н-001 with П-001; ПР-002: Н-002 with П-002 — both «реализуется» in the demo.
BOOKS = {
    "mentee_says_no": [_answer("П-001", "наставляемый", "ПП-001", FIT_BAD),
                       _answer("Н-001", "наставник", "ПП-001", FIT_OK),
                       _answer("П-002", "наставляемый", "ПП-002", FIT_UNSURE)],
    "mentor_says_no": [_answer("Н-002", "наставник", "ПП-002", FIT_BAD),
                       _answer("П-002", "наставляемый", "ПП-002", FIT_OK)],
    "both_fine": [_answer("П-001", "наставляемый", "ПП-001", FIT_OK),
                  _answer("Н-001", "наставник", "ПП-001", FIT_OK)],
    # a «не подходит» taken back later by the same mentee: the latest answer counts
    "changed_mind": [_answer("П-001", "наставляемый", "ПП-001", FIT_BAD, ASKED - dt.timedelta(days=10)),
                     _answer("П-001", "наставляемый", "ПП-001", FIT_OK)],
}


@pytest.fixture(scope="module")
def books(tmp_path_factory, demo_parts):
    folder = tmp_path_factory.mktemp("fit")
    out = {}
    for name, answers in {"plain": [], **BOOKS}.items():
        org, tables = copy.deepcopy(demo_parts)
        tables["answers"] = answers
        path = folder / f"{name}.xlsx"
        write_workbook(path, org, tables)
        out[name] = read_workbook(path, today=TODAY)
    return out


@pytest.fixture(scope="module")
def matched(books):
    return {name: match_book(book, TODAY) for name, book in books.items()}


def _proposal_of(result, mentee: str) -> dict | None:
    return next((p for p in result.proposal if p["mentee"] == mentee), None)


def test_mentee_saying_no_gets_another_mentor_and_the_proposal_names_the_pair(matched, tmp_path):
    result = matched["mentee_says_no"]
    rec = _proposal_of(result, "П-001")
    assert rec is not None, "the mentee of ПР-001 is back in the matching"
    assert rec["mentor"] != "Н-001"
    assert rec["replaces"]["pair"] == "ПР-001" and rec["replaces"]["mentor"] == "Н-001"
    assert "не подходит" in rec["reasons"][0] and "ПР-001" in rec["reasons"][0]
    assert all(c["mentor"] != "Н-001" for c in result.candidates if c["mentee"] == "П-001")
    # the council's file says which pair the proposal replaces and why
    import openpyxl

    path = write_match_xlsx(result, tmp_path / "Предложения пар.xlsx")
    ws = openpyxl.load_workbook(path)["Предложение"]
    header = [c.value for c in ws[2]]
    row = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] == "П-001")
    assert row[header.index("Заменяет пару")] == "ПР-001 (наставник Н-001)"
    assert "анкете первых недель" in row[header.index("Обоснование")]
    # «пока не ясно» of ПР-002 does not send its mentee back
    assert _proposal_of(result, "П-002") is None


def test_the_mentors_answer_counts_as_much_as_the_mentees(matched):
    rec = _proposal_of(matched["mentor_says_no"], "П-002")
    assert rec is not None and rec["mentor"] != "Н-002"
    assert rec["replaces"]["pair"] == "ПР-002"
    assert "наставника Н-002" in rec["replaces"]["why"]


def test_a_fitting_pair_changes_nothing(books, matched):
    plain = matched["plain"].to_dict()
    for name in ("both_fine", "changed_mind"):
        other = matched[name].to_dict()
        assert {k: x for k, x in other.items() if k != "workbook"} == \
            {k: x for k, x in plain.items() if k != "workbook"}, name
        assert replacements(books[name], TODAY) == []
        assert not [p for p in check_book(books[name], TODAY).problems if p.code == "pair_unfit"]
        assert decisions(books[name]) == [] and notes(books[name]) == []


def test_check_warns_at_the_answer_and_says_what_to_do(books):
    book = books["mentee_says_no"]
    found = [p for p in check_book(book, TODAY).problems if p.code == "pair_unfit"]
    assert len(found) == 1
    p = found[0]
    assert p.severity == "предупреждение" and p.sheet == "Ответы анкет" and p.row == 2
    assert p.column.startswith("Ответ") and p.letter == "G"
    assert "ПР-001" in p.message and "решение куратора" in p.message and "замену наставника" in p.message
    assert "для наставляемого П-001" in p.message or "для наставляемой П-001" in p.message
    mentor = [p for p in check_book(books["mentor_says_no"], TODAY).problems if p.code == "pair_unfit"]
    assert len(mentor) == 1 and mentor[0].row == 2 and "ответ наставника Н-002" in mentor[0].message
    # run's summary: the pair under the curator's decisions, «пока не ясно» only as a note
    assert any("ПР-001" in d and "решение куратора" in d for d in decisions(book))
    assert [n for n in notes(book) if "ПР-002" in n and "пока не ясно" in n]


def _text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for t in doc.tables for row in t.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_draft_order_replaces_the_mentor_with_the_proposed_one(books, matched, tmp_path):
    from nastavnik.docs import render_documents

    book = books["mentee_says_no"]
    drafts = replacements(book, TODAY, matched["mentee_says_no"])
    new = _proposal_of(matched["mentee_says_no"], "П-001")["mentor"]
    assert drafts == [{"pair": "ПР-001", "mentor": new, "old_mentor": "Н-001", "why": drafts[0]["why"],
                       "mentees": ["П-001"]}]
    assert replacements(book, TODAY) == drafts  # without a match at hand the documents ask for one
    paths = render_documents(book, tmp_path, TODAY, only=["changes", "mentor_consent", "agreement"],
                             replacements=drafts)
    names = {p.name: p for p in paths}
    order = names["Проект приказа о замене наставника — ПР-001.docx"]
    text = _text(order)
    fio = {r["code"]: r["fio"] for r in book.tables["mentors"].to_dict("records")}
    new_surname, old_surname = fio[new].split()[0], fio["Н-001"].split()[0]
    assert "О замене наставника" in text
    assert "закрепить за" in text and new_surname[:-1] in text
    # ТК РФ ст. 351.8: the new mentor's agreement; the old one's agreement and payment end
    assert "Заключить с наставником" in text and "дополнительное соглашение" in text
    assert "прекратить действие дополнительного соглашения к трудовому договору от" in text and "ДС-01" in text
    assert "выплату доплаты" in text and old_surname[:-1] in text
    assert fio["Н-001"] in text.split("ЛИСТ ОЗНАКОМЛЕНИЯ")[-1]  # the former mentor signs he has read it
    assert "анкетирования участников программы в первые недели" in text
    # the new mentor's consent and agreement are prepared as for any replacement
    assert any(n.startswith("Согласие наставника — ПР-001") for n in names)
    assert any(n.startswith("Доп. соглашение — ПР-001") for n in names)


def test_without_a_fit_answer_the_documents_are_as_before(books, tmp_path):
    from nastavnik.docs import render_documents

    paths = render_documents(books["both_fine"], tmp_path, TODAY, only=["changes"],
                             replacements=replacements(books["both_fine"], TODAY))
    assert not [p for p in paths if p.name.startswith("Проект приказа о замене")]


def test_apply_leaves_the_replacement_to_the_order(books, tmp_path):
    """«--apply» does not put the mentee into a second pair: her running pair is changed by the order."""
    import openpyxl
    from click.testing import CliRunner

    from nastavnik.cli import main

    book = books["mentee_says_no"]
    run = CliRunner().invoke(main, ["--today", "25.11.2026", "match", str(book.path), "--apply", "--out",
                                    str(tmp_path)])
    assert run.exit_code == 0, run.output
    assert "ПР-001" in run.stderr and "приказ о замене наставника" in run.stderr
    copy_path = next(tmp_path.glob("*с проектами пар*.xlsx"))
    ws = openpyxl.load_workbook(copy_path)["Пары и группы"]
    mentees = [row[2] for row in ws.iter_rows(min_row=2, values_only=True) if row[8] == "проект"]
    assert mentees and "П-001" not in mentees


def test_run_lists_the_pair_for_the_curators_decision_and_drafts_the_order(books, tmp_path):
    from nastavnik.ui.pipeline import run_all

    result = run_all(books["mentee_says_no"].path, tmp_path, TODAY, echo=lambda *a, **k: None)
    decided = [a for a in result.attention if a.startswith("Пара ПР-001") and "решение куратора" in a]
    noted = [a for a in result.attention if a.startswith("Пара ПР-002") and "пока не ясно" in a]
    assert len(decided) == 1 and len(noted) == 1
    assert (result.folder / "Документы" / "Приказы" / "Проект приказа о замене наставника — ПР-001.docx").is_file()


def test_the_words_of_a_participant_follow_her_sex_and_are_made_only_when_asked():
    from nastavnik.workbook.fit import FitAnswer, PairFit

    fit = PairFit("ПР-001", "Н-001", ("П-001", "П-002"), "ПРГ-001", 2,
                  roles={"Н-001": ("наставник", "ж"), "П-001": ("наставляемый", "ж"), "П-002": ("наставляемый", "м")})
    assert fit.of(["П-001"]) == "наставляемой П-001"
    assert fit.of(["П-002"]) == "наставляемого П-002"
    assert fit.who(FitAnswer("Н-001", "наставник", "не подходит", None, 3, "В-1")) == "наставника Н-001"
