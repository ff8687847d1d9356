"""Consent to be in a bank at all (152-ФЗ).

The «Инструкция» says a person is entered into a bank only with a written
consent to the processing of his personal data. The pair rules already stop an
order naming someone without it; here every row of both banks is looked at,
paired or not, and a consent marked «да» without its date is reported too (the
date is what proves it came before the processing). Both are warnings: the
workbook can be used, but the consent document is to be collected now —
``nastavnik docs КНИГА --only consent_pd`` prints the forms.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import WARNING
from nastavnik.workbook.reader import Book

from .common import coded, has, is_true, records_where

_BANKS = (("mentors", "наставника"), ("mentees", "наставляемого"))
FORM_HINT = "бланк согласия печатает команда «nastavnik docs КНИГА --only consent_pd»"


def bank_without_consent(book: Book, today: dt.date):
    """A row of a bank without «Согласие на обработку ПДн = да»."""
    for bank, who in _BANKS:
        if not has(book, bank, "code", "consent_pd"):
            continue
        frame = coded(book, bank)
        for rec in records_where(frame, (~is_true(frame["consent_pd"])).to_numpy()):
            yield book.problem(
                "bank_without_consent", WARNING,
                f"В банке есть строка {who} {rec['code']} без согласия на обработку персональных данных, а вносить "
                f"человека в банк можно только с письменным согласием (152-ФЗ). Получите согласие ({FORM_HINT}) "
                "и отметьте «да» с датой подписания — или удалите строку.",
                bank, rec["_row"], "consent_pd", expected="«да»")


def consent_without_date(book: Book, today: dt.date):
    """A consent marked «да» with no date of signing."""
    for bank, who in _BANKS:
        for flag, date, what in (("consent_pd", "consent_pd_date", "на обработку персональных данных"),
                                 ("consent_publish", "consent_publish_date", "на распространение персональных данных")):
            if not has(book, bank, "code", flag, date):
                continue
            frame = coded(book, bank)
            missing = is_true(frame[flag]) & frame[date].isna()
            for rec in records_where(frame, missing.to_numpy()):
                yield book.problem(
                    "consent_without_date", WARNING,
                    f"Согласие {what} {who} {rec['code']} отмечено «да», но не указана дата его подписания. "
                    "Впишите дату из документа согласия.",
                    bank, rec["_row"], date, expected="дата подписания")


RULES = [bank_without_consent, consent_without_date]
