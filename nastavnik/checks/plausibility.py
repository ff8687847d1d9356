"""A person is plausible as a whole, not only cell by cell.

The reader judged each number and date alone (a stage from 0 to 60 years, a
date of hire that has passed). Here the cells of one person are set against
each other: nobody teaches before about sixteen, the years in this organisation
are usually part of all the years of teaching, and nobody is hired before sixteen. A
mentor with less experience than his mentee, or more years here than years of
teaching, is only worth a look (a warning): in reverse mentoring the first is
the point, and years here may include work other than teaching.

Messages give ages, never birth dates (152-ФЗ).
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .cells import AGE_MAX, AGE_MIN
from .common import age_on, bank_rows, fmt_date, has, records_where, table, years_text

MIN_WORK_AGE = 16  # ТК РФ ст. 63: a labour contract from 16 (earlier only for light work, never teaching)
BANKS = (("mentors", "наставника"), ("mentees", "наставляемого"))


def experience_over_age(book: Book, today: dt.date):
    """Pedagogical experience cannot exceed the age minus about sixteen years."""
    for bank, _ in BANKS:
        if not has(book, bank, "birth_date", "ped_experience"):
            continue
        frame = table(book, bank)
        known = frame["birth_date"].notna() & frame["ped_experience"].notna()
        if not known.any():
            continue
        sub = frame[known.to_numpy()]
        age = age_on(sub["birth_date"], today)
        bad = ((age >= AGE_MIN) & (age <= AGE_MAX) & (sub["ped_experience"] > age - MIN_WORK_AGE)).fillna(False)
        for rec, years in zip(records_where(sub, bad.to_numpy()), age[bad]):
            yield book.problem(
                "experience_over_age", ERROR,
                f"Педагогический стаж {years_text(rec['ped_experience'])} при возрасте {years_text(years)}: стаж "
                f"не может быть больше, чем возраст минус {MIN_WORK_AGE} лет. Проверьте стаж и год рождения.",
                bank, rec["_row"], "ped_experience", rec["ped_experience"],
                expected=f"не больше {years_text(max(int(years) - MIN_WORK_AGE, 0))}")


def org_over_total(book: Book, today: dt.date):
    """The years in this organisation are usually part of the pedagogical experience, not more.

    A warning, not an error: someone may have worked here as an engineer or a laboratory assistant before
    he taught, and then his years here rightly exceed his years of teaching.
    """
    if not has(book, "mentors", "ped_experience", "org_experience"):
        return
    frame = table(book, "mentors")
    bad = (frame["org_experience"] > frame["ped_experience"]).fillna(False)
    for rec in records_where(frame, bad.to_numpy()):
        yield book.problem(
            "org_over_total", WARNING,
            f"Стаж в организации ({years_text(rec['org_experience'])}) больше педагогического стажа "
            f"({years_text(rec['ped_experience'])}). Проверьте оба числа; если часть этих лет человек работал в "
            "организации не педагогом, всё верно.",
            "mentors", rec["_row"], "org_experience", rec["org_experience"],
            expected=f"не больше {years_text(rec['ped_experience'])}")


def hired_too_young(book: Book, today: dt.date):
    """A date of hire before the person was about sixteen is a typing error in one of the two dates.

    (A hire date after today is the reader's «future_date»: the column is past-only.)
    """
    if not has(book, "mentees", "birth_date", "hire_date"):
        return
    frame = table(book, "mentees")
    known = (frame["birth_date"].notna() & frame["hire_date"].notna()).to_numpy()
    sub = frame[known]
    if sub.empty:
        return
    age = age_on(sub["birth_date"], sub["hire_date"])
    bad = (age < MIN_WORK_AGE).fillna(False)
    for rec, years in zip(records_where(sub, bad.to_numpy()), age[bad]):
        yield book.problem(
            "hired_too_young", ERROR,
            f"На дату приёма на работу {fmt_date(rec['hire_date'])} возраст по дате рождения — "
            f"{years_text(max(int(years), 0))}, а принять на работу педагога можно не раньше {MIN_WORK_AGE} лет. "
            "Проверьте дату приёма и год рождения.",
            "mentees", rec["_row"], "hire_date", fmt_date(rec["hire_date"]),
            expected=f"не раньше {MIN_WORK_AGE}-летия")


# Mentees whom a colleague with fewer years may rightly lead: a teacher on a new position or direction learns
# it from whoever knows it, and the category «опытный педагог» names reverse mentoring itself.
SENIOR_MENTEES = {"педагог на новой должности или новом направлении", "опытный педагог (реверсивное наставничество)"}


def mentor_less_experienced(book: Book, today: dt.date):
    """A mentor with a shorter pedagogical experience than the mentee, outside reverse mentoring."""
    if not (has(book, "pairs", "code", "mentor", "mentee", "kind", "status")
            and has(book, "mentors", "code", "ped_experience") and has(book, "mentees", "code", "ped_experience")):
        return
    pairs = table(book, "pairs")
    pairs = pairs[(pairs["status"].isin(v.PAIR_ACTIVE) & (pairs["kind"] != v.KIND_REVERSE)).to_numpy()]
    if pairs.empty:
        return
    pairs = pairs.dropna(subset=["code", "mentor", "mentee"]).drop_duplicates(["code", "mentee"])
    mentor = pairs["mentor"].map(bank_rows(book, "mentors", "ped_experience")["ped_experience"]).astype("Float64")
    mentees = bank_rows(book, "mentees", "ped_experience", *(["category"] if has(book, "mentees", "category") else []))
    mentee = pairs["mentee"].map(mentees["ped_experience"]).astype("Float64")
    senior = pairs["mentee"].map(mentees["category"]).isin(SENIOR_MENTEES) if "category" in mentees else False
    bad = ((mentor < mentee).fillna(False) & ~senior).astype(bool)
    for rec, a, b in zip(records_where(pairs, bad.to_numpy()), mentor[bad], mentee[bad]):
        yield book.problem(
            "mentor_less_experienced", WARNING,
            f"У наставника {rec['mentor']} педагогический стаж {years_text(a)}, меньше, чем у наставляемого "
            f"{rec['mentee']} ({years_text(b)}), а вид наставничества — «{rec['kind']}». Проверьте коды участников; "
            f"если младший коллега учит старшего, выберите вид «{v.KIND_REVERSE}».",
            "pairs", rec["_row"], "mentor", rec["mentor"])


RULES = [experience_over_age, org_over_total, hired_too_young, mentor_less_experienced]
