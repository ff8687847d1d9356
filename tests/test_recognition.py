"""Recognition (issue 32 point 1): the reward order, letters of thanks and certificates, read as rendered PDF text;
the check that refuses a proposal resting on a programme that did not complete in full."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from nastavnik.base.problems import ERROR
from nastavnik.checks import check_book
from nastavnik.docs import pdf as pdfmod
from nastavnik.docs import render_documents
from nastavnik.workbook import vocab as v

from .conftest import TODAY

needs_pdf = pytest.mark.skipif(pdfmod.soffice() is None or shutil.which("pdftotext") is None,
                               reason="нужны LibreOffice и pdftotext")

COUNCIL = {"protocol_no": "7", "protocol_date": dt.date(2026, 11, 20)}


def _complete(tables, pair: str) -> None:
    for r in tables["pairs"]:
        if r["code"] == pair:
            r.update(status=v.PAIR_DONE, end_reason=v.REASON_FULL, actual_end=dt.date(2026, 11, 10))


def proposals(org, tables):
    """Two more programmes completed in full (ПР-001: Кузнецов → Иванова; ПР-002: Смирнова → Петров);
    the council proposes Смирнова (a woman) and Морозов (a man), not Кузнецов."""
    _complete(tables, "ПР-001")
    _complete(tables, "ПР-002")
    tables["rewards"] = [
        {"mentor": "Н-002", "programme": "ПП-002", "kind": "благодарность", **COUNCIL},
        {"mentor": "Н-007", "programme": "ПП-007", "kind": "почётная грамота",
         "ground": "за значительный вклад в развитие наставничества", **COUNCIL},
        {"mentor": "Н-007", "programme": "ПП-007", "kind": "премия", "amount": 7500, **COUNCIL},
    ]


def pdf_texts(paths) -> dict[str, str]:
    return {p.name: re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(p), "-"], capture_output=True,
                                                       text=True, check=True).stdout)
            for p in paths if p.suffix == ".pdf"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, demo_parts):
    import copy

    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.template import write_workbook

    folder = tmp_path_factory.mktemp("recognition")
    org, tables = copy.deepcopy(demo_parts)
    proposals(org, tables)
    write_workbook(folder / "книга.xlsx", org, tables)
    book = read_workbook(folder / "книга.xlsx", today=TODAY)
    paths = render_documents(book, folder / "out", TODAY, only=["rewards", "thanks", "certificates"], pdf=True)
    return book, paths, pdf_texts(paths)


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@needs_pdf
def test_reward_order_lists_exactly_the_proposed_mentors_in_case_and_gender(rendered):
    _, _, texts = rendered
    order = texts["Приказ о поощрении наставников.pdf"]
    body = order.split("ПРИКАЗЫВАЮ:")[1].split("ЛИСТ ОЗНАКОМЛЕНИЯ")[0]
    # «Объявить благодарность» whom (dative, feminine), «наградить грамотой» whom (accusative), «премию» (dative)
    assert "Объявить благодарность: Смирновой Ольге Николаевне" in body
    assert "Наградить почётной грамотой: Морозова Дмитрия Александровича" in body
    assert "Выплатить премию: Морозову Дмитрию Александровичу" in body
    assert "в размере 7 500 рублей" in body
    # each with its ground: the programme completed and whom it supported, or the council's own wording
    assert "ПП-002" in body and "в отношении наставляемого Петрова Кирилла Андреевича" in body
    assert "за значительный вклад в развитие наставничества" in body
    assert "протокол от 20.11.2026 № 7" in order
    # nobody else: Кузнецов also completed a programme in full but was not proposed
    others = ["Кузнецов", "Никитин", "Цой", "Васильев", "Павлов", "Гусейнов", "Фёдоров"]
    assert [name for name in others if name in body] == []
    assert "Бухгалтерии произвести выплату премий" in body


@needs_pdf
def test_one_letter_of_thanks_per_proposed_mentor_on_one_page(rendered):
    _, paths, texts = rendered
    letters = sorted(name for name in texts if name.startswith("Благодарственное письмо"))
    assert letters == ["Благодарственное письмо — Н-002 Смирнова О.Н.pdf",
                       "Благодарственное письмо — Н-007 Морозов Д.А.pdf"]
    assert "Уважаемая Ольга Николаевна!" in texts[letters[0]]
    assert "Уважаемый Дмитрий Александрович!" in texts[letters[1]]
    assert all(_pages(p) == 1 for p in paths if p.suffix == ".pdf" and "Приказ" not in p.name)


@needs_pdf
def test_certificates_only_for_mentees_who_completed_in_full(rendered):
    _, _, texts = rendered
    certs = sorted(name for name in texts if name.startswith("Сертификат"))
    # П-001, П-002 and П-009 completed; П-010's programme was stopped early, the rest still run
    assert certs == ["Сертификат — П-001 Иванова М.П.pdf", "Сертификат — П-002 Петров К.А.pdf",
                     "Сертификат — П-009 Соловьёв А.С.pdf"]
    ivanova = texts["Сертификат — П-001 Иванова М.П.pdf"]
    assert "Иванова Мария Петровна" in ivanova and "завершила в полном объёме" in ivanova
    assert "под руководством наставника Кузнецова Андрея Викторовича" in ivanova
    assert "завершил в полном объёме" in texts["Сертификат — П-002 Петров К.А.pdf"]


def test_check_refuses_a_proposal_for_a_programme_that_did_not_complete(make_book):
    def change(org, tables):
        tables["rewards"] = [
            {"mentor": "Н-004", "programme": "ПП-003", "kind": "благодарность", **COUNCIL},  # still running
            {"mentor": "Н-003", "programme": "ПП-008", "kind": "благодарность", **COUNCIL},  # stopped early
            {"mentor": "Н-007", "programme": "ПП-007", "kind": "благодарность", **COUNCIL},  # completed: fine
        ]

    book = make_book(change)
    found = [p for p in check_book(book, TODAY).problems if p.code == "reward_not_completed"]
    assert [(p.severity, p.sheet, p.row, p.column) for p in found] == [
        (ERROR, "Поощрение", 2, "Код программы *"), (ERROR, "Поощрение", 3, "Код программы *")]
    assert "п. 7.1 Положения" in found[0].message and "«реализуется»" in found[0].message
    assert "«прекращена досрочно»" in found[1].message


def test_check_wants_the_sum_of_a_bonus_and_the_programmes_own_mentor(make_book):
    def change(org, tables):
        tables["rewards"] = [{"mentor": "Н-007", "programme": "ПП-007", "kind": "премия", **COUNCIL},
                             {"mentor": "Н-001", "programme": "ПП-007", "kind": "благодарность", **COUNCIL}]

    problems = {p.code: p for p in check_book(make_book(change), TODAY).problems if p.code.startswith("reward")}
    assert problems["reward_amount"].severity == ERROR and problems["reward_amount"].row == 2
    assert problems["reward_not_mentor"].row == 3 and "Н-007" in problems["reward_not_mentor"].message


def test_the_demo_proposals_are_clean_and_make_every_recognition_document(demo_book):
    assert [p for p in check_book(demo_book, TODAY).problems if p.code.startswith("reward")] == []


# --- point 2: the mentors' training ---------------------------------------------------------------------------

def test_share_of_mentors_trained_in_the_last_three_years_equals_a_hand_count(make_book, demo_parts):
    from nastavnik.report import compute_indicators

    def change(org, tables):
        def course(mentor, end, hours=36):
            return {"mentor": mentor, "course": "Наставничество в образовательной организации",
                    "organiser": "ИРО", "hours": hours, "start": end - dt.timedelta(days=30), "end": end,
                    "document": "удостоверение о повышении квалификации"}
        tables["training"] = [
            course("Н-001", dt.date(2025, 5, 20)),  # recent
            course("Н-002", dt.date(2023, 11, 20)),  # three years and five days before the report: too old
            course("Н-003", dt.date(2024, 3, 1)), course("Н-003", dt.date(2026, 10, 1), 72),  # twice, one mentor
            course("Н-004", dt.date(2023, 12, 1)),  # within three years
        ]

    book = make_book(change)
    got = {i.code: i for i in compute_indicators(book, dt.date(2026, 9, 1), dt.date(2027, 8, 31), TODAY)}
    bank = [m["code"] for m in demo_parts[1]["mentors"] if m.get("status") == v.MENTOR_STATUS_ACTIVE]
    trained = {"Н-001", "Н-003", "Н-004"} & set(bank)  # by hand: Н-002's course ended before 25.11.2023
    share = got["mentors_trained_3y_share"]
    assert share.value == round(100 * len(trained) / len(bank), 1)
    assert got["mentors_bank"].value == len(bank)


def test_docs_command_makes_the_recognition_documents(demo_path, tmp_path):
    from click.testing import CliRunner

    from nastavnik.cli import main

    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", str(demo_path), "--out", str(tmp_path),
                                       "--only", "rewards", "--only", "thanks", "--only", "certificates"])
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in tmp_path.rglob("*.docx"))
    assert made == ["Благодарственное письмо — Н-007 Морозов Д.А.docx", "Приказ о поощрении наставников.docx",
                    "Сертификат — П-009 Соловьёв А.С.docx"]
