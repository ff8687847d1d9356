"""``nastavnik import-staff``: a staff list as a school's HR program exports it, into a copy of the book.

Each list is built the way schools send them: columns named their own way and in their own order, extra columns
(табельный номер, подразделение), text dates, .xlsx with a title above the header, .csv in Windows-1251 or UTF-8.
Every list goes into a blank book of each type (``nastavnik init --type …``).
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.workbook import migrate
from nastavnik.workbook import schema as s
from nastavnik.workbook.orgtypes import TYPES
from nastavnik.workbook.reader import read_workbook

HEADER = ["Таб. №", "Ф.И.О.", "Дата рождения", "Должность", "Стаж педагогический", "Категория", "Дата приёма",
          "Подразделение"]
ROWS = [
    ["17", "Иванова Мария Петровна", "05.03.1995", "учитель математики", "2 г. 3 мес.", "без категории",
     "01.09.2023", "МО"],
    ["18", "Петров Пётр Петрович", "02.01.1980", "завхоз", "10", "", "01.09.2010", "АХЧ"],
    ["19", "Сидорова Анна Ивановна", "31.02.1990", "учитель", "5", "первая", "01.09.2019", "МО"],
    ["20", "Иванова Мария Петровна", "05.03.1995", "учитель математики", "2", "", "01.09.2023", "МО"],
    ["21", "Козлов Илья Сергеевич", "12 мая 1999 г.", "Педагог-психолог", "1", "", "1.9.2024", ""],
    ["22", "Орлова Ольга Олеговна", "01.01.1970", "Заместитель директора по УВР", "30", "высшая", "01.09.2000", ""],
    ["23", "Белых Вера Андреевна", "1988-11-20", "помощник воспитателя", "3", "", "01.09.2020", ""],
    ["24", "Цой Виктор Робертович", "21.06.1962", "воспитатель", "35 лет", "высшая", "15.08.1990", ""],
]
KEPT = {"учитель математики", "Педагог-психолог", "воспитатель"}


def write_csv(path: Path, encoding: str, delimiter: str = ";") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    w.writerow(HEADER)
    w.writerows(ROWS)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path) -> Path:
    """Another column order, a title and an empty line above the header, dates as text and as Excel dates."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Сотрудники"
    ws.append(["Список работников на 01.09.2025"])
    ws.append([])
    order = [6, 3, 1, 4, 0, 2, 5, 7]
    ws.append([HEADER[i] for i in order])
    for row in ROWS:
        ws.append([row[i] for i in order])
    wb.save(path)
    return path


def blank_book(tmp_path: Path, word: str) -> Path:
    path = tmp_path / f"книга {word}.xlsx"
    result = CliRunner().invoke(main, ["init", str(path), "--type", word])
    assert result.exit_code == 0, result.output
    return path


def run(*args):
    return CliRunner().invoke(main, ["--today", "01.12.2025", "import-staff", *map(str, args)])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


LISTS = {
    "csv-1251": lambda p: write_csv(p / "список.csv", "cp1251"),
    "csv-utf8": lambda p: write_csv(p / "список.csv", "utf-8-sig", ","),
    "xlsx": lambda p: write_xlsx(p / "список.xlsx"),
}


@pytest.mark.parametrize("kind", sorted(LISTS))
@pytest.mark.parametrize("org_type", TYPES, ids=lambda t: t.key)
def test_a_list_imports_into_a_blank_book_of_each_type(tmp_path, kind, org_type):
    book = blank_book(tmp_path, org_type.word)
    before = digest(book)
    source = LISTS[kind](tmp_path)
    preview = run(book, source, "--out", tmp_path / "out")
    assert preview.exit_code == 0, preview.output
    out = preview.output
    assert "Просмотр: добавить — 3, обновить — 0, без изменений — 0, не принять — 5." in out
    assert "«Ф.И.О.» → «ФИО»" in out and "«Стаж педагогический» → «Педагогический стаж, лет»" in out
    assert "Не используются: «Таб. №», «Подразделение»." in out
    assert "должность «завхоз» не педагогическая" in out
    assert "должность «помощник воспитателя» не педагогическая" in out
    assert "должность руководителя" in out
    assert "не читается дата: столбец «Дата рождения»" in out
    assert "повторяет строку" in out
    assert "Иванова" not in out and "05.03.1995" not in out  # no personal data in the preview (152-ФЗ)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())  # a preview writes nothing

    applied = run(book, source, "--apply", "--out", tmp_path / "out")
    assert applied.exit_code == 0, applied.output
    assert digest(book) == before  # the original is never modified
    copy = next((tmp_path / "out").glob("*.xlsx"))
    staff = read_workbook(copy).tables["staff"]
    assert set(staff["position"]) == KEPT
    row = staff[staff["position"] == "Педагог-психолог"].iloc[0]
    assert row["birth_date"].date().isoformat() == "1999-05-12"
    assert row["hire_date"].date().isoformat() == "2024-09-01"
    assert int(staff[staff["position"] == "учитель математики"].iloc[0]["ped_experience"]) == 2

    again = run(copy, source)  # the same list again: nobody is added twice
    assert "Просмотр: добавить — 0, обновить — 0, без изменений — 3, не принять — 5." in again.output


def test_a_changed_row_updates_the_register(tmp_path):
    book = blank_book(tmp_path, "школа")
    run(book, write_csv(tmp_path / "список.csv", "cp1251"), "--apply", "--out", tmp_path / "out")
    copy = next((tmp_path / "out").glob("*.xlsx"))
    ROWS_NEW = [r[:] for r in ROWS]
    ROWS_NEW[0][5] = "первая"
    ROWS_NEW[7][-2] = "01.09.1991"
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows([HEADER, *ROWS_NEW])
    (tmp_path / "новый.csv").write_text(buf.getvalue(), encoding="utf-8")
    result = run(copy, tmp_path / "новый.csv", "--apply", "--out", tmp_path / "out2")
    assert "Добавлено: 0; обновлено: 2; без изменений: 1" in result.output
    assert "изменено: «Квалификационная категория»" in result.output
    staff = read_workbook(next((tmp_path / "out2").glob("*.xlsx"))).tables["staff"]
    assert "первая" in set(staff["qual_category"])


def test_an_older_book_without_the_sheet_reads_and_gets_the_sheet_in_its_copy(tmp_path):
    book = blank_book(tmp_path, "детский сад")
    wb = openpyxl.load_workbook(book)
    del wb[s.STAFF.title]
    for row in wb[s.INSTRUCTION_TITLE].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("Версия шаблона:"):
                cell.value = "Версия шаблона: 1.2"
    wb.save(book)
    read = read_workbook(book)
    assert read.version == "1.2"
    assert not [p for p in read.problems if p.code == "missing_sheet"]
    assert any(s.STAFF.title in note for note in read.migration)
    assert any(s.STAFF.key in change.sheets for change in migrate.CHANGES.values())
    result = run(book, write_csv(tmp_path / "список.csv", "cp1251"), "--apply", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    staff = read_workbook(next((tmp_path / "out").glob("*.xlsx"))).tables["staff"]
    assert len(staff) == 3


def test_a_file_that_is_not_a_staff_list_is_exit_2_in_russian(tmp_path):
    book = blank_book(tmp_path, "колледж")
    bad = tmp_path / "другое.csv"
    bad.write_text("a;b\n1;2\n", encoding="utf-8")
    result = run(book, bad)
    assert result.exit_code == 2
    assert "не найдена строка заголовков" in result.output and "«другое.csv»" in result.output
    assert "Traceback" not in result.output
    doc = tmp_path / "список.docx"
    doc.write_bytes(b"PK")
    result = run(book, doc)
    assert result.exit_code == 2 and "нужен файл .xlsx или .csv" in result.output


# --- The staff counts in the indicators -------------------------------------------------------------------------
SURNAMES = ("Орлова", "Соколова", "Лебедева", "Новикова", "Морозова", "Волкова", "Зайцева", "Павлова", "Семёнова",
            "Голубева", "Виноградова", "Богданова", "Воробьёва", "Фёдорова", "Михайлова")


def young(n: int, **kw) -> list:
    """A row of the list: under 35 on 25.11.2026, in the first three years (стаж 1)."""
    row = [str(100 + n), f"{SURNAMES[n]} Анна Петровна", "14.04.2000", "учитель", "1", "", "01.09.2025", ""]
    for i, v in kw.items():
        row[HEADER.index(i)] = v
    return row


def older(n: int) -> list:
    return [str(200 + n), f"{SURNAMES[-1 - n]} Вера Ивановна", "14.04.1975", "учитель", "25", "высшая", "01.09.2001", ""]


def report_json(book: Path, tmp_path: Path) -> dict:
    import json

    result = CliRunner().invoke(main, ["--today", "25.11.2026", "report", str(book), "--format", "json", "--out",
                                       str(tmp_path / "отчёт")])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_under35_indicator_divides_by_the_staff_list(tmp_path, demo_path):
    header = HEADER + ["Дата увольнения"]
    rows = [young(i) + [""] for i in range(8)] + [older(i) + [""] for i in range(3)]
    rows.append(young(8) + ["01.10.2026"])  # dismissed before the report's date
    rows.append(young(9, **{"Дата приёма": "01.02.2027"}) + [""])  # hired after it
    rows.append(young(10, **{"Стаж педагогический": "12"}) + [""])  # young but not in the first three years
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows([header, *rows])
    (tmp_path / "штат.csv").write_bytes(buf.getvalue().encode("cp1251"))

    before = report_json(demo_path, tmp_path)
    result = run(demo_path, tmp_path / "штат.csv", "--apply", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    after = report_json(next((tmp_path / "out").glob("*.xlsx")), tmp_path)

    fed = after["federal_under35_first3"]
    assert fed["denominator"] == 8 == after["staff_under35_first3"]["value"]
    assert before["federal_under35_first3"]["denominator"] != 8  # before: the people in the banks
    assert fed["numerator"] == before["federal_under35_first3"]["numerator"]
    assert after["staff_total"]["value"] == 12  # 8 young + 3 older + 1 young with 12 years; not the two others
    assert after["staff_under35"]["value"] == 9 and after["staff_first3"]["value"] == 8
    assert after["staff_share_mentors"]["denominator"] == 12
    assert before["staff_total"]["value"] == before["staff_share_mentors"]["denominator"]  # «Организация»
    assert "Педагогический состав" in fed["note"]
