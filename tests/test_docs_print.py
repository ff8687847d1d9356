"""Every document kind as a reader sees it: rendered, printed to PDF by LibreOffice, read back with pdftotext.

Two workbooks: the demo, and a second one filled differently (a school instead of the centre, hard
names, other positions, codes and dates). A word of the PDF that is not a word of the document is a
word broken in half by a column too narrow for it; after «даю согласие» the operator stands in the
dative; every count the final order and the analytic report print is the monitoring registry's.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from nastavnik.docs.kinds import KINDS

from .lo import needs_soffice

TODAY = dt.date(2026, 11, 25)
_TOKEN = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:(?:br|tab)/>|</w:p>")

SCHOOL = "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»"
MENTOR_NAMES = [("Шевченко Лев Ильич", "м", "педагог-психолог"), ("Седых Никита Львович", "м", "учитель-логопед"),
                ("Ким Илья Саввич", "м", "социальный педагог"), ("Мюллер Анна", "ж", "тренер-преподаватель"),
                ("Цой Любовь Андреевна", "ж", "заведующая библиотекой"),
                ("Гарсия Хуан", "м", "учитель информатики")]
MENTEE_NAMES = [("Иванова-Петрова Любовь Никитична", "ж", "учитель начальных классов"),
                ("Долгих Любовь Ильинична", "ж", "старшая вожатая"),
                ("Бондаренко Никита Ильич", "м", "учитель физической культуры"), ("Пак Илья", "м", "тьютор"),
                ("черных  лев  петрович", "м", "советник директора по воспитанию"),
                ("Мамедова Айгюн Ильхам кызы", "ж", "педагог-организатор")]


def _recode(value, mapping):
    return mapping.get(value, value) if isinstance(value, str) else value


def second_book_change(org: dict, tables: dict) -> None:
    """A school with hard names, other positions, other codes and dates two weeks later."""
    org.update(full_name=SCHOOL, short_name="МАОУ СОШ № 5", city="Великий Новгород",
               address="173000, Великий Новгород, ул. Примерная, д. 5", director_fio="Долгих Любовь Петровна",
               director_sex="ж", director_position="Директор", curator_fio="Шевченко Илья Никитич",
               curator_sex="м", curator_position="старший методист", inn="5321000000", ogrn="1025300000000",
               final_event_place="библиотека школы", report_recipient="Комитет образования Великого Новгорода",
               council_protocol_no="3", order_regulation_no="45/2-р")
    for row, (fio, sex, pos) in zip(tables["mentors"], MENTOR_NAMES):
        row.update(fio=fio, sex=sex, position=pos, department="")
    for row, (fio, sex, pos) in zip(tables["mentees"], MENTEE_NAMES):
        row.update(fio=fio, sex=sex, position=pos)
    pairs = {r["code"] for r in tables["pairs"]}
    pair_map = {c: f"НП-{c[-2:]}/26" for c in pairs}
    prog_map = {r["code"]: f"ИП-{r['code'][-3:]}" for r in tables["programmes"]}
    for r in tables["pairs"]:
        r["code"] = pair_map[r["code"]]
        if r.get("payment"):
            r["payment"] = 4500.0
    for r in tables["programmes"]:
        r["code"], r["pair"] = prog_map[r["code"]], _recode(r["pair"], pair_map)
    for key in ("plan", "surveys"):
        for r in tables[key]:
            r["programme"] = _recode(r["programme"], prog_map)


def docx_words(path: Path) -> set[str]:
    """Every word the document holds (body, tables, headers), as the renderer wrote it."""
    words: set[str] = set()
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name):
                xml = z.read(name).decode("utf-8")
                text = "".join(m.group(1) or " " for m in _TEXT.finditer(xml))
                text = _plain(text)
                words.update(w.lower() for w in _TOKEN.findall(text))
                # pdftotext joins a word broken after its hyphen («АЗ-» / «1128» → «АЗ1128»): a lawful break
                for compound in re.findall(r"[0-9A-Za-zА-Яа-яЁё]+(?:-[0-9A-Za-zА-Яа-яЁё]+)+", text):
                    parts = compound.lower().split("-")
                    words.update(a + b for a, b in zip(parts, parts[1:]))
    return words


def _plain(text: str) -> str:
    import html

    return html.unescape(text).replace("\u2011", "-").replace("\u00a0", " ")


def pdf_text(pdf: Path) -> str:
    return _plain(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                                 text=True).stdout)


def broken_words(docx: Path, pdf: Path) -> list[str]:
    """Tokens of the printed page that are no word of the document: fragments of a word split across lines."""
    known = docx_words(docx)
    text = pdf_text(pdf)
    pages = text.count("\f") + 1
    out = []
    for token in _TOKEN.findall(text):
        if token.lower() in known or (token.isdigit() and int(token) <= pages):  # page numbers come from a field
            continue
        out.append(token)
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Both workbooks rendered, every kind, and printed to PDF in one LibreOffice call."""
    import copy

    from nastavnik.docs.pdf import convert_to_pdf
    from nastavnik.docs.render import plan_documents, render_jobs
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.samples.demo import demo_data
    from nastavnik.workbook.template import write_workbook

    root = tmp_path_factory.mktemp("printed")
    books, docs = {}, []
    for name, change in (("demo", None), ("second", second_book_change)):
        org, tables = copy.deepcopy(demo_data(TODAY))
        if change:
            change(org, tables)
        path = root / f"{name}.xlsx"
        write_workbook(path, org, tables)
        book = read_workbook(path, today=TODAY)
        jobs = plan_documents(book, root / name, TODAY)
        paths = render_jobs(jobs)
        books[name] = (book, jobs, paths)
        docs += paths
    pdfs = dict(zip(docs, convert_to_pdf(docs)))
    return {name: (book, [(j, p, pdfs[p]) for j, p in zip(jobs, paths)]) for name, (book, jobs, paths) in
            books.items()}


@needs_soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext не установлен")
@pytest.mark.parametrize("name", ["demo", "second"])
def test_every_kind_is_printed_without_a_word_broken_in_half(printed, name):
    book, docs = printed[name]
    assert {j.kind for j, _, _ in docs} == set(KINDS) - {"intro"}  # the demo has separate orders
    broken = {p.name: bad for _, d, p in docs if (bad := broken_words(d, p))}
    assert broken == {}


@needs_soffice
@pytest.mark.parametrize("name", ["demo", "second"])
def test_operator_is_in_the_dative_after_i_give_consent(printed, name):
    book, docs = printed[name]
    consents = [p for j, _, p in docs if j.kind in ("consent_pd", "consent_publish")]
    assert consents
    for pdf in consents:
        text = " ".join(pdf_text(pdf).split())
        after = text.split("даю согласие ", 1)[1]
        assert after.startswith(("Государственному бюджетному учреждению", "Муниципальному автономному "
                                 "общеобразовательному учреждению")), (pdf.name, after[:80])
        assert "ИНН" in after and "ОГРН" in after


@needs_soffice
@pytest.mark.parametrize("name", ["demo", "second"])
def test_counts_printed_are_the_registrys(printed, name):
    from nastavnik.base.morph import agree
    from nastavnik.docs.analytic import Figures, _report

    book, docs = printed[name]
    period, indicators, _ = _report(book, TODAY)
    f = Figures(indicators)
    texts = {j.kind: " ".join(pdf_text(p).split()) for j, _, p in docs if j.kind in ("final", "analytic_report")}
    programmes = int(f.part("units_with_programme_share", "numerator"))
    assert f"({agree(programmes, 'программа')}, из них завершено в полном объёме — " \
           f"{int(f.value('programmes_completed'))})" in texts["final"]
    report = texts["analytic_report"]
    assert f"из них на дату отчёта работают {int(f.value('programmes_running'))}" in report
    assert f"{agree(int(f.value('pairs_total')), 'наставническая пара')}" in report
    for wrong in ("≥ 100 %", "≤ 0 чел."):
        assert wrong not in report
