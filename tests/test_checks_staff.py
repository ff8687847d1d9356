"""The banks against the staff register (issue 30, п. 3): a bank's person missing from «Педагогический состав»
and a person the register shows as dismissed are warnings at the bank's cell; no register, no warning."""

from __future__ import annotations

import datetime as dt

from nastavnik.checks import check_book

from .conftest import TODAY


def _register(tables, drop: str | None = None, dismissed: str | None = None) -> None:
    staff = []
    for bank in ("mentors", "mentees"):
        for r in tables[bank]:
            if r["code"] == drop or r.get("status") == "выбыл":
                continue
            left = dt.date(2026, 10, 1) if r["code"] == dismissed else None
            staff.append({"fio": r["fio"], "position": r["position"], "birth_date": r.get("birth_date"),
                          "left_date": left})
    tables["staff"] = staff


def _codes(book, code):
    return [p for p in check_book(book, TODAY).problems if p.code == code]


def test_a_complete_register_adds_no_warning(make_book):
    book = make_book(lambda org, tables: _register(tables))
    assert not _codes(book, "not_in_staff_register") and not _codes(book, "dismissed_in_register")


def test_a_mentee_missing_from_the_register_is_warned_at_her_name(make_book):
    book = make_book(lambda org, tables: _register(tables, drop="П-001"))
    found = _codes(book, "not_in_staff_register")
    assert len(found) == 1 and found[0].sheet == "Наставляемые" and "П-001" in found[0].message
    assert found[0].column.startswith("ФИО")


def test_a_mentor_dismissed_in_the_register_is_warned_at_his_status(make_book):
    book = make_book(lambda org, tables: _register(tables, dismissed="Н-002"))
    found = _codes(book, "dismissed_in_register")
    assert len(found) == 1 and "Н-002" in found[0].message and "01.10.2026" in found[0].message


def test_without_a_register_nothing_is_said(demo_book):
    assert not _codes(demo_book, "not_in_staff_register")


def test_the_request_form_goes_to_everyone_on_the_register_not_yet_in_a_bank(make_book, tmp_path):
    """Stage 2 asks every teacher's requests: a newcomer on the register gets a form pre-filled from it, and the
    filled form brings her into the bank of mentees."""
    import openpyxl

    from nastavnik.forms import collect, make_forms
    from nastavnik.forms.xlsx_form import FORM_SHEET, KEY_COL
    from nastavnik.workbook.reader import read_workbook

    from .test_collect import fill

    def change(org, tables):
        _register(tables)
        tables["staff"].append({"fio": "Новикова Дарья Олеговна", "position": "педагог дополнительного образования",
                                "birth_date": dt.date(1999, 4, 2), "hire_date": dt.date(2026, 8, 30)})
        tables["staff"].append({"fio": "Уволенная Анна Ивановна", "position": "педагог-организатор",
                                "left_date": dt.date(2026, 9, 30)})

    book = make_book(change)
    folder = make_forms(book, "запрос", tmp_path / "анкеты", TODAY).folder
    mine = list(folder.glob("Штат *.xlsx"))
    assert [p.name for p in mine] == ["Штат Новикова Дарья Олеговна.xlsx"]
    ws = openpyxl.load_workbook(mine[0])[FORM_SHEET]
    shown = {r[KEY_COL].value: r[1].value for r in ws.iter_rows() if r[KEY_COL].value}
    assert shown["fio"] == "Новикова Дарья Олеговна" and shown["position"] == "педагог дополнительного образования"
    fill(mine[0], {"sex": "ж", "req_method": "да", "format": "очно", "consent": "да", "ped_experience": 0,
                   "category": "молодой специалист", "focus": "техническая"})
    result = collect(book, [mine[0]], tmp_path / "out", TODAY)
    assert result.copy, [(x.status, x.reason) for x in result.lines]
    mentees = read_workbook(result.copy, today=TODAY).tables["mentees"]
    assert "Новикова Дарья Олеговна" in set(mentees["fio"])
