"""The «Организация» sheet agrees with itself and with the banks.

Its parameters are typed once a year and feed every report and order: a
reporting period that ends before it starts, a staff count below the number of
people in the banks (every share over the staff would run above 100 %), a
curator whose «Пол» contradicts her own row in a bank (the orders would decline
her name wrongly), an order number without its date or typed with its own «№»
(the documents print «№ № 12»).
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.parse import fold
from nastavnik.workbook.reader import Book

from .common import add_months, fmt_date, has, records, records_where, table

PERIOD_MIN_MONTHS, PERIOD_MAX_MONTHS = 9, 13  # «about one year»: an academic year of 9 to 12 months and a margin
NOT_STAFF = {v.MENTEE_STUDENT}  # a student on practice is not yet on the staff
ORDERS = [f.key[:-3] for f in s.ORG_FIELDS if f.key.startswith("order_") and f.key.endswith("_no")]
_NUMBER_SIGNS = ("№", "N ", "N.", "No", "Nº")


def period(book: Book, today: dt.date):
    """The reporting period ends after it starts and lasts about a year."""
    import pandas as pd

    start, end = book.org.get("period_start"), book.org.get("period_end")
    if not (isinstance(start, dt.date) and isinstance(end, dt.date)):
        return
    if end <= start:
        yield book.problem(
            "end_before_start", ERROR,
            f"Конец отчётного периода {fmt_date(end)} не позже его начала {fmt_date(start)}.",
            "org", col_key="period_end", value=fmt_date(end), expected=f"после {fmt_date(start)}")
        return
    first = pd.Series([pd.Timestamp(start)])
    short = pd.Timestamp(end) < add_months(first, PERIOD_MIN_MONTHS)[0] - pd.Timedelta(days=1)
    long = pd.Timestamp(end) > add_months(first, PERIOD_MAX_MONTHS)[0]
    if short or long:
        yield book.problem(
            "period_not_a_year", WARNING,
            f"Отчётный период с {fmt_date(start)} по {fmt_date(end)} {'короче' if short else 'длиннее'} "
            "обычного: показатели считаются за учебный год (около года, например с 01.09 по 31.08). "
            "Проверьте даты начала и конца периода.",
            "org", col_key="period_end", value=fmt_date(end), expected="около одного года")


def _working_people(book: Book) -> set:
    """Distinct people of both banks still on the staff, by folded ФИО (namesakes merged: never an overcount)."""
    people: set = set()
    if has(book, "mentors", "fio", "status"):
        m = table(book, "mentors")
        fio = m["fio"][(m["status"] != v.MENTOR_STATUS_LEFT).to_numpy()]
        people.update(fold(x) for x in set(fio.dropna()) if isinstance(x, str))
    if has(book, "mentees", "fio", "status"):
        e = table(book, "mentees")
        keep = e["status"] != v.MENTEE_LEFT
        if has(book, "mentees", "left_date"):
            keep &= e["left_date"].isna()
        if has(book, "mentees", "category"):
            keep &= ~e["category"].isin(NOT_STAFF)
        keep &= ~e["code"].isin(_student_form_mentees(book))
        people.update(fold(x) for x in set(e["fio"][keep.to_numpy()].dropna()) if isinstance(x, str))
    return people


def _student_form_mentees(book: Book) -> set:
    """Mentees of a pair of the form «работодатель – студент»: students on practice, whatever their category."""
    if not has(book, "pairs", "form", "mentee"):
        return set()
    p = table(book, "pairs")
    return set(p.loc[(p["form"] == v.FORM_STUDENT).to_numpy(), "mentee"].dropna())


def staff_count(book: Book, today: dt.date):
    """«Число педагогических работников» is at least the number of distinct working people in the banks."""
    staff = book.org.get("staff_count")
    if not isinstance(staff, int) or isinstance(staff, bool):
        return
    n = len(_working_people(book))
    if staff < n:
        yield book.problem(
            "staff_below_bank", ERROR,
            f"Число педагогических работников — {staff}, а в банках наставников и наставляемых {n} разных "
            "работающих людей (без выбывших и студентов-стажёров). Доли охвата от числа работников превысили бы "
            "100 %: впишите число всех педагогических работников организации.",
            "org", col_key="staff_count", value=staff, expected=f"не меньше {n}")


def org_people(book: Book, today: dt.date):
    """A curator or director who is also in a bank has the same «Пол» there as on «Организация»."""
    import numpy as np

    named = [(fio_key, sex_key, who, fold(book.org[fio_key]), book.org.get(sex_key))
             for fio_key, sex_key, who in (("curator_fio", "curator_sex", "куратора"),
                                           ("director_fio", "director_sex", "руководителя"))
             if isinstance(book.org.get(fio_key), str) and book.org.get(sex_key) in v.SEX]
    if not named:
        return
    for bank in ("mentors", "mentees"):
        if not has(book, bank, "fio", "sex"):
            continue
        frame = table(book, bank)
        low = frame["fio"].astype(str).str.casefold().str.replace("ё", "е", regex=False)
        fios, sexes, rows = frame["fio"].tolist(), frame["sex"].tolist(), frame["_row"].tolist()
        for fio_key, sex_key, who, folded, sex in named:
            surname = folded.split(" ")[0]
            near = np.flatnonzero(low.str.contains(surname, regex=False).to_numpy())  # cheap, before the exact fold
            other = [i for i in near if isinstance(fios[i], str) and fold(fios[i]) == folded
                     and sexes[i] in v.SEX and sexes[i] != sex]
            if other:
                row, found = rows[other[0]], sexes[other[0]]
                yield book.problem(
                    "org_person_mismatch", WARNING,
                    f"Пол {who} на листе «Организация» — «{sex}», а у того же ФИО в строке {row} листа "
                    f"«{book.sheet_titles.get(bank, s.SHEET_BY_KEY[bank].title)}» — «{found}». Приказы "
                    "склоняют ФИО по полу: исправьте одно из значений.",
                    "org", col_key=sex_key, value=sex, expected=found)


def _number_sign(value) -> bool:
    return isinstance(value, str) and value.strip().startswith(_NUMBER_SIGNS)


def org_orders(book: Book, today: dt.date):
    """Each order of «Организация» has both its number and its date, and the number carries no «№»."""
    for key in ORDERS:
        no, date = book.org.get(f"{key}_no"), book.org.get(f"{key}_date")
        title = s.ORG_BY_KEY[f"{key}_no"].title[len("№ "):]
        if (no in (None, "")) != (date is None):
            missing = f"{key}_date" if date is None else f"{key}_no"
            yield book.problem(
                "order_incomplete", WARNING,
                f"У {title[0].lower() + title[1:]} указан{'а только дата' if no in (None, '') else ' только номер'}: "
                "в документах приказ называется номером и датой. Заполните оба параметра или ни одного.",
                "org", col_key=missing)
        if _number_sign(no):
            yield book.problem(
                "order_number_sign", WARNING,
                f"Номер «{no}» начинается со знака номера: документы сами пишут «№», и получится «№ {no}». "
                "Впишите только номер.",
                "org", col_key=f"{key}_no", value=no)


def pair_orders(book: Book, today: dt.date):
    """On «Пары и группы» an order or agreement number comes with its date and without «№»."""
    for no_col, date_col, what in (("order_no", "order_date", "приказа о закреплении"),
                                   ("change_order_no", "change_order_date", "приказа об изменении"),
                                   ("agreement_no", "agreement_date", "доп. соглашения")):
        if not has(book, "pairs", "code", no_col, date_col):
            continue
        pairs = table(book, "pairs")
        half = (pairs[no_col].notna() != pairs[date_col].notna()).to_numpy()
        seen: set = set()
        for rec in records_where(pairs, half):
            if rec["code"] in seen:
                continue
            seen.add(rec["code"])
            only_no = rec[no_col] is not None and rec[no_col] == rec[no_col]
            yield book.problem(
                "order_incomplete", WARNING,
                f"У {what} пары (группы) {rec['code']} указан{' только номер' if only_no else 'а только дата'}: "
                "в документах он называется номером и датой. Заполните оба.",
                "pairs", rec["_row"], date_col if only_no else no_col)
        signed = pairs[pairs[no_col].map(_number_sign).astype(bool).to_numpy()].drop_duplicates("code")
        for rec in records(signed):
            yield book.problem(
                "order_number_sign", WARNING,
                f"Номер «{rec[no_col]}» начинается со знака номера: документы сами пишут «№», и получится "
                f"«№ {rec[no_col]}». Впишите только номер.",
                "pairs", rec["_row"], no_col, rec[no_col])


RULES = [period, staff_count, org_people, org_orders, pair_orders]
