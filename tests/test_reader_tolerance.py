"""The reader tolerates what people do in Excel, and reports precisely what it cannot read."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.schema import MENTORS

from .conftest import TODAY


def edit_mentors(src, dst, edit):
    """Open the demo in openpyxl as a person would, change the mentors sheet, save under a new name."""
    wb = openpyxl.load_workbook(src)
    edit(wb[MENTORS.title])
    wb.save(dst)
    return read_workbook(dst, today=TODAY)


def header_col(ws, title_start: str) -> int:
    for cell in ws[1]:
        if str(cell.value or "").startswith(title_start):
            return cell.column
    raise KeyError(title_start)


def codes(book, sheet="mentors"):
    return list(book.tables[sheet]["code"])


def errors(book):
    return [p for p in book.problems if p.severity == "ошибка"]


def test_demo_reads_without_problems(demo_book):
    assert demo_book.problems == []
    assert len(demo_book.tables["mentors"]) == 15
    assert demo_book.org["short_name"].startswith("ГБУ ДО ЦДЮТТ")


def test_columns_reordered_and_added(demo_path, tmp_path):
    def edit(ws):
        ws.move_range("A1:A100", rows=0, cols=60)  # the code column goes far right
        ws.cell(1, 61).value = "Код наставника *"
        ws.insert_cols(1)
        ws.cell(1, 1).value = "Мой столбец"

    book = edit_mentors(demo_path, tmp_path / "b.xlsx", edit)
    assert codes(book)[:2] == ["Н-001", "Н-002"]
    assert not errors(book)
    unknown = [p for p in book.problems if p.code == "unknown_column"]
    assert unknown and unknown[0].letter == "A" and unknown[0].severity == "предупреждение"
    # a problem in the moved column is located at its new letter
    assert book.locate("mentors", 2, "code")["letter"] == "BJ"


def test_headers_differ_in_case_spaces_and_yo(demo_path, tmp_path):
    def edit(ws):
        ws.cell(1, header_col(ws, "Квалификационная")).value = "  КВАЛИФИКАЦИОННАЯ   категория "
        ws.cell(1, header_col(ws, "Согласие на распространение")).value = "согласие на распространение пдн (сайт)"
        ws.cell(1, header_col(ws, "Педагогический стаж")).value = "Педагогический стаж лет*"

    book = edit_mentors(demo_path, tmp_path / "b.xlsx", edit)
    assert book.problems == []
    assert book.tables["mentors"]["qual_category"].iloc[0] == "высшая"


def test_blank_rows_are_skipped_and_rows_keep_excel_numbers(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx", lambda ws: ws.insert_rows(4, 3))
    assert len(book.tables["mentors"]) == 15
    assert list(book.tables["mentors"]["_row"][:4]) == [2, 3, 7, 8]


def test_trailing_and_nonbreaking_spaces(demo_path, tmp_path):
    def edit(ws):
        ws.cell(2, 1).value = "\u00a0Н-001  "
        ws.cell(2, header_col(ws, "Направленность")).value = "Техническая\u00a0"
        ws.cell(2, header_col(ws, "ФИО")).value = "Кузнецов\u00a0Андрей  Викторович "

    book = edit_mentors(demo_path, tmp_path / "b.xlsx", edit)
    row = book.tables["mentors"].iloc[0]
    assert (row["code"], row["focus"], row["fio"]) == ("Н-001", "техническая", "Кузнецов Андрей Викторович")
    assert not errors(book)


@pytest.mark.parametrize("typed, expected", [
    ("01.09.2024", dt.date(2024, 9, 1)),
    ("1.9.2024", dt.date(2024, 9, 1)),
    ("01.09.24", dt.date(2024, 9, 1)),
    ("01.09.2024 г.", dt.date(2024, 9, 1)),
    ("1 сентября 2024", dt.date(2024, 9, 1)),
    ("1 сентября 2024 г.", dt.date(2024, 9, 1)),
    ("2024-09-01", dt.date(2024, 9, 1)),
    ("01/09/2024", dt.date(2024, 9, 1)),
    ("15 мая 2024", dt.date(2024, 5, 15)),
    ("3 янв. 2024", dt.date(2024, 1, 3)),
    (45536, dt.date(2024, 9, 1)),  # an Excel serial stored as a number
    ("45536", dt.date(2024, 9, 1)),  # and as text
])
def test_dates_typed_as_text_or_serials(demo_path, tmp_path, typed, expected):
    def edit(ws):
        ws.cell(2, header_col(ws, "Дата включения")).value = typed

    book = edit_mentors(demo_path, tmp_path / "b.xlsx", edit)
    assert book.tables["mentors"]["date_added"].iloc[0].date() == expected
    assert not errors(book)


def test_numbers_stored_as_text(demo_path, tmp_path):
    def edit(ws):
        ws.cell(2, header_col(ws, "Педагогический стаж")).value = " 28 "
        ws.cell(2, header_col(ws, "Максимум")).value = "2,0"

    book = edit_mentors(demo_path, tmp_path / "b.xlsx", edit)
    row = book.tables["mentors"].iloc[0]
    assert (row["ped_experience"], row["max_mentees"]) == (28, 2)
    assert not errors(book)


def test_merged_cells_are_read_into_each_row_with_a_warning(demo_path, tmp_path):
    def edit(ws):
        col = header_col(ws, "Структурное")
        ws.cell(3, col).value = None
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)

    book = edit_mentors(demo_path, tmp_path / "b.xlsx", edit)
    deps = book.tables["mentors"]["department"]
    assert deps.iloc[0] == deps.iloc[1] == "Отдел технического творчества"
    merged = [p for p in book.problems if p.code == "merged_cells"]
    assert merged and merged[0].row == 2 and merged[0].severity == "предупреждение"


def test_header_in_a_lower_row_is_found(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx", lambda ws: ws.insert_rows(1, 2))
    assert codes(book)[0] == "Н-001"
    assert book.tables["mentors"]["_row"].iloc[0] == 4
    assert [p.code for p in book.problems] == ["header_moved"]


# --- what cannot be read is reported precisely ---------------------------------------------------

def only(book, code):
    found = [p for p in book.problems if p.code == code]
    assert len(found) == 1, book.problems
    return found[0]


def test_unreadable_date_is_reported_at_its_cell(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx",
                        lambda ws: setattr(ws.cell(5, header_col(ws, "Дата включения")), "value", "31.02.2024"))
    p = only(book, "bad_type")
    assert (p.sheet, p.row, p.column, p.severity) == ("Наставники", 5, "Дата включения в банк *", "ошибка")
    assert p.cell == f"{p.letter}5" and "ДД.ММ.ГГГГ" in p.message and p.value == "31.02.2024"
    assert book.tables["mentors"]["date_added"].isna().iloc[3]  # never guessed


def test_text_in_a_number_column(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx",
                        lambda ws: setattr(ws.cell(3, header_col(ws, "Педагогический стаж")), "value", "много"))
    p = only(book, "bad_type")
    assert p.row == 3 and "целое число" in p.message


def test_value_not_in_list(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx",
                        lambda ws: setattr(ws.cell(2, header_col(ws, "Квалификационная")), "value", "вторая"))
    p = only(book, "not_in_list")
    assert p.row == 2 and "Квалификационная категория" in p.message and p.value == "вторая"


def test_out_of_range(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx",
                        lambda ws: setattr(ws.cell(2, header_col(ws, "Максимум")), "value", 25))
    p = only(book, "out_of_range")
    assert p.expected == "от 1 до 10"


def test_missing_required_column(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx", lambda ws: ws.delete_cols(header_col(ws, "Статус")))
    p = only(book, "missing_column")
    assert p.severity == "ошибка" and p.column == "Статус" and p.sheet == "Наставники"


def test_missing_sheet(demo_path, tmp_path):
    wb = openpyxl.load_workbook(demo_path)
    del wb["Пары и группы"]
    wb.save(tmp_path / "b.xlsx")
    book = read_workbook(tmp_path / "b.xlsx", today=TODAY)
    p = only(book, "missing_sheet")
    assert p.severity == "ошибка" and p.sheet == "Пары и группы"
    assert len(book.tables["pairs"]) == 0


def test_required_value_missing(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx",
                        lambda ws: setattr(ws.cell(4, header_col(ws, "Должность")), "value", "  "))
    p = only(book, "required_missing")
    assert (p.row, p.column) == (4, "Должность *")


def test_fio_that_is_not_a_name(demo_path, tmp_path):
    book = edit_mentors(demo_path, tmp_path / "b.xlsx",
                        lambda ws: setattr(ws.cell(2, header_col(ws, "ФИО")), "value", "Кузнецов"))
    assert only(book, "bad_fio").row == 2
