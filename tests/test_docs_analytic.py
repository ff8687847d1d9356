"""The final analytic report (issue item 9): figures from the monitoring, tables, charts, no personal data."""

from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.docs import pdf as pdfmod
from nastavnik.docs import render_documents
from nastavnik.report import indicators_dict, report_for_book

from .conftest import TODAY
from .test_docs_render import doc_text


def make_report(book, out: Path) -> Path:
    paths = render_documents(book, out, TODAY, only=["analytic_report"])
    assert len(paths) == 1
    return paths[0]


@pytest.fixture(scope="module")
def report(tmp_path_factory, demo_book) -> Path:
    return make_report(demo_book, tmp_path_factory.mktemp("analytic"))


@pytest.fixture(scope="module")
def text(report) -> str:
    return doc_text(report)


@pytest.fixture(scope="module")
def figures(demo_book):
    period, indicators, statform = report_for_book(demo_book, TODAY)
    return indicators_dict(indicators), statform


def ru(x) -> str:
    """A figure as the report prints it: decimal comma, no trailing zeros."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x).replace(".", ",")


def one(x) -> str:
    """A mean score as the report prints it: always one decimal («9,0», «8,4»)."""
    return f"{x:.1f}".replace(".", ",")


def test_report_is_made_in_its_folder_with_the_period_in_its_name(report):
    assert report.parent.name == "Отчёты"
    # made on 25.11.2026, before the year's end: an interim report, not a final one (F21)
    assert report.name == "Промежуточный аналитический отчёт за 2026-2027 учебный год.docx"


def test_title_page_names_the_organisation_period_city_and_year(text):
    head = text[:1200]
    assert head.startswith("Государственное бюджетное учреждение дополнительного образования Центр детского")
    assert "ПРОМЕЖУТОЧНЫЙ АНАЛИТИЧЕСКИЙ ОТЧЁТ" in head
    assert "о реализации системы (целевой модели) наставничества педагогических работников" in head
    assert "за 2026/2027 учебный год" in head and "(по состоянию на 25.11.2026)" in head
    assert "\nСанкт-Петербург\n2026\n" in head


def test_introduction_cites_the_regulation_and_the_period(text):
    assert "в соответствии с пунктом 3.4 Положения о системе (целевой модели) наставничества" in text
    assert "утверждённого приказом от 02.09.2026 № 112-о" in text
    assert "за период 01.09.2026–31.08.2027 по состоянию на 25.11.2026" in text


def test_indicator_tables_print_the_monitoring_figures(text, figures):
    d, _ = figures
    for code in ("mentors_bank", "mentees_bank", "mentors_active", "mentees_active", "mentees_waiting",
                 "pairs_total", "groups_total", "programmes_started", "programmes_running", "programmes_completed",
                 "programmes_ended_early", "programmes_extended", "plan_due", "events_participations",
                 "events_prizes"):
        x = d[code]
        assert f"{x['name']} | {x['unit']} | {ru(x['value'])}" in text, code
    share = d["plan_overdue_share"]
    assert (f"{share['name']} | % | {ru(share['value'])} ({share['numerator']} из {share['denominator']})"
            in text)


def test_participants_by_category_form_and_kind(text, figures):
    d, statform = figures
    for label, values in statform.rows[2:]:
        assert f"\n{label} | {values[0]}\n" in text, label
    for code in ("units_by_form", "units_by_kind"):
        for label, n in d[code]["breakdown"].items():
            assert f"\n{label} | {n}\n" in text, label


def test_early_ends_are_broken_down_by_reason(text, figures):
    d, _ = figures
    reasons = {k: n for k, n in d["programmes_ended_early_by_reason"]["breakdown"].items() if n}
    assert reasons
    for reason, n in reasons.items():
        assert f"в том числе {reason} | ед. | {n}" in text


def test_plan_by_month_table(text, figures):
    d, _ = figures
    planned = d["plan_planned_by_month"]["breakdown"]
    done = d["plan_done_by_month"]["breakdown"]
    assert f"\nсентябрь 2026 | {planned['09.2026']} | {done['09.2026']}\n" in text
    assert f"\nянварь 2027 | {planned['01.2027']} | —\n" in text  # a month after the report date


def test_survey_means_by_question_and_role(text, figures):
    d, _ = figures
    mentors = d["survey_by_question_mentors"]["breakdown"]
    mentees = d["survey_by_question_mentees"]["breakdown"]
    for q in mentors:
        assert f"\n{q} | {one(mentors[q])} | {one(mentees[q])}\n" in text, q
    assert f"Средняя оценка наставников — {ru(d['survey_mean_mentors']['value'])} балл" in text


def test_events_are_listed_without_participants(text):
    assert "Районный конкурс методических разработок | конкурс | районный | 10.11.2026 | 1 | 1" in text
    assert "Конкурс педагогических достижений" not in text  # 24.05.2026: before the period


def test_federal_indicator_against_its_target(text, figures):
    d, _ = figures
    fed = d["federal_under35_first3"]
    assert fed["status"] == "достигнуто"
    assert (f"{fed['name']} | {ru(fed['value'])} % ({fed['numerator']} из {fed['denominator']}) | ≥ 70 % | "
            "достигнуто") in text
    assert "целевое значение достигнуто" in text
    assert "Лучшие практики наставничества | да" in text  # the readiness checklist
    assert "Выполнено пунктов готовности: 11 из 11." in text


def test_federal_indicator_below_target_says_by_how_much(make_book, tmp_path):
    def change(org, tables):
        template = next(m for m in tables["mentees"] if m["code"] == "П-012")
        for i, fio in enumerate(["Юрьева Яна Олеговна", "Ильина Инна Ильинична"], 16):
            tables["mentees"].append(dict(copy.deepcopy(template), code=f"П-{i:03d}", fio=fio))

    book = make_book(change)
    fed = indicators_dict(report_for_book(book, TODAY)[1])["federal_under35_first3"]
    # Students and trainees are not pedagogical workers: the demo's students are in neither part.
    assert fed["value"] == 62.5
    text = doc_text(make_report(book, tmp_path))
    assert "62,5 % (5 из 8 чел.) при целевом значении не менее 70 %: ниже целевого на 7,5 процентного пункта." in text
    assert "Федеральный показатель ниже целевого значения 70 % на 7,5 процентного пункта" in text


def test_proposals_follow_from_the_figures(text):
    assert "Пару ожидают 4 наставляемых, из них 1 — дольше допустимого срока: продолжить поиск наставников, " \
           "привлечь наставников из организаций-партнёров" in text
    assert "Просрочено 2 мероприятия планов" in text
    assert "причины досрочного прекращения программы (по инициативе наставляемого)" in text
    assert "Готовность продолжить участие в наставничестве», получивший наименьшую среднюю оценку" in text


def test_best_practices_only_by_title_and_with_consent(text, make_book, tmp_path):
    assert "1) «Персонализированная программа: начальное техническое моделирование» (ПП-007)." in text

    def change(org, tables):
        next(p for p in tables["programmes"] if p["code"] == "ПП-007")["consent_publish"] = False

    hidden = doc_text(make_report(make_book(change), tmp_path))
    assert "начальное техническое моделирование" not in hidden
    assert "не разрешены к публикации" in hidden


def test_nobody_without_consent_to_publish_is_named(text, demo_parts):
    org, tables = demo_parts
    silent = [p["fio"] for bank in ("mentors", "mentees") for p in tables[bank] if not p.get("consent_publish")]
    assert "Васильев Игорь Петрович" in silent and "Петров Кирилл Андреевич" in silent
    for fio in silent:
        surname, name = fio.split()[:2]
        assert surname not in text and f"{name} " not in text, fio
    assert "Васильев" not in text and "Петров К" not in text


def test_charts_are_pictures_in_the_document(report):
    with zipfile.ZipFile(report) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/") and n.endswith(".png")]
        assert len(media) >= 2
        for name in media:
            assert z.read(name)[:8] == b"\x89PNG\r\n\x1a\n"
        assert z.read("word/document.xml").count(b"<w:drawing>") == len(media)


def test_no_template_tag_is_left(text):
    assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text


def test_same_workbook_gives_the_same_file(report, demo_book, tmp_path):
    assert make_report(demo_book, tmp_path).read_bytes() == report.read_bytes()


def test_without_a_period_the_academic_year_is_taken(make_book, tmp_path):
    def change(org, tables):
        org["period_start"] = org["period_end"] = None

    text = doc_text(make_report(make_book(change), tmp_path))
    assert "за 2026/2027 учебный год" in text and "01.09.2026–31.08.2027" in text


def test_fields_lists_the_report_fields(demo_path, tmp_path):
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", str(demo_path), "--out", str(tmp_path),
                                       "--fields", "analytic_report"])
    assert result.exit_code == 0, result.output
    assert "charts.plan: «диаграмма «Мероприятия планов по месяцам»»" in result.output
    assert "federal.rows[].target" in result.output and "proposals" in result.output


def test_other_kinds_do_not_import_matplotlib(demo_path, tmp_path):
    code = ("import sys, datetime as dt; from pathlib import Path; "
            "from nastavnik.workbook.reader import read_workbook; "
            "from nastavnik.docs import render_documents; d = dt.date(2026, 11, 25); "
            f"b = read_workbook(Path({str(demo_path)!r}), today=d); "
            f"render_documents(b, Path({str(tmp_path)!r}), d, only=['programme', 'final']); "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run(["python3", "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert out.stdout.strip() == "False", out.stderr


@pytest.mark.skipif(pdfmod.soffice() is None, reason="LibreOffice (soffice) не установлен")
def test_report_converts_to_pdf_with_its_charts(report, tmp_path):
    src = tmp_path / report.name
    shutil.copy(report, src)
    pdf = pdfmod.convert_to_pdf([src])[0]
    assert pdf.exists() and pdf.stat().st_size > 50_000  # three raster charts inside
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "ПРОМЕЖУТОЧНЫЙ АНАЛИТИЧЕСКИЙ ОТЧЁТ" in out and "Рисунок 2" in out and "Предложения" in out


def test_an_empty_workbook_gives_a_report_without_charts(tmp_path):
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.template import write_workbook

    path = write_workbook(tmp_path / "пустая.xlsx", {"full_name": "МБОУ «Школа № 1»", "city": "Тверь"}, {})
    report = make_report(read_workbook(path, today=TODAY), tmp_path / "out")
    text = doc_text(report)
    assert "наставнические пары и группы не работали" in text
    assert "(нет данных для диаграммы)" in text
    assert "{{" not in text and "{%" not in text


def test_ampersand_and_angle_brackets_print_as_written(make_book, tmp_path):
    def change(org, tables):
        org["full_name"] = "АНО «Наука & Техника» <филиал>"
        next(e for e in tables["events"] if e["person"] == "П-001")["event"] = "Конкурс «Код & Робот» <2026>"

    text = doc_text(make_report(make_book(change), tmp_path))
    assert text.startswith("АНО «Наука & Техника» <филиал>")
    assert "Конкурс «Код & Робот» <2026> | конкурс | районный" in text
