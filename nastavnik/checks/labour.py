"""ТК РФ ст. 351.8: the additional agreement and the mentor's written consent.

Since 01.03.2025 mentoring is assigned with the employee's written consent, on
the basis of an additional agreement to the labour contract that states the
term, the content and the payment. The agreement must therefore cover the
whole mentoring, an extension under п. 7.2 included (an **error** when it ends
earlier), and the consent comes no later than the order that assigns the
mentor (an **error**). A missing number, date, term or payment is a
**warning**: Роструд (письмо от 02.10.2025 № ТЗ/7300-6-1) does not apply the
article where mentoring is part of the job description already paid in the
salary, which the workbook cannot know. None of this binds a mentor from outside (the form «педагог
вуза/колледжа – молодой педагог», п. 2.3 Положения): she has no labour contract with the organisation and works
under its cooperation agreement with her university or college.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook.reader import Book

from .common import employees_only, fmt_date, has, pair_heads, records, records_where, unreadable_rows
from .pairs import APPROVED, MENTOR_CONSENT_LAW
from .programmes import TERM_CHANGES

_PARTS = (("agreement_no", "номер"), ("agreement_date", "дата"), ("agreement_until", "срок (до)"),
          ("payment", "размер доплаты"))


def _approved_since_law(book: Book):
    import pandas as pd

    heads = employees_only(pair_heads(book))
    heads = heads[heads["status"].isin(APPROVED)]
    return heads[(heads["start"].isna() | (heads["start"] >= pd.Timestamp(MENTOR_CONSENT_LAW))).to_numpy()]


def agreement_details(book: Book, today: dt.date):
    """An approved or running pair begun since 01.03.2025 records the agreement's number, date, term and payment."""
    if not has(book, "pairs", "code", "status", "start", *(k for k, _ in _PARTS)):
        return
    heads = _approved_since_law(book)
    incomplete = heads[heads[[k for k, _ in _PARTS]].isna().any(axis=1).to_numpy()]
    if incomplete.empty:
        return
    unread = {k: unreadable_rows(book, "pairs", k) for k, _ in _PARTS}  # already «не читается» at its cell
    for rec in records(incomplete):
        missing = [(k, what) for k, what in _PARTS
                   if (rec[k] is None or rec[k] != rec[k]) and rec["_row"] not in unread[k]]
        if not missing:
            continue
        yield book.problem(
            "agreement_incomplete", WARNING,
            f"У пары (группы) {rec['code']} в статусе «{rec['status']}» не заполнены сведения о дополнительном "
            f"соглашении к трудовому договору наставника {rec['mentor']}: {', '.join(w for _, w in missing)}. "
            "По ТК РФ ст. 351.8 наставничество поручается по соглашению, где указаны срок и оплата "
            "(кроме случая, когда оно уже входит в должностные обязанности); бланк — «nastavnik docs КНИГА "
            "--only agreement».",
            "pairs", rec["_row"], missing[0][0], expected="сведения о доп. соглашении")


def agreement_term(book: Book, today: dt.date):
    """The agreement lasts at least until the pair's end, or its new end when the term was changed (п. 7.2)."""
    import pandas as pd

    if not has(book, "pairs", "code", "status", "planned_end", "agreement_until"):
        return
    heads = employees_only(pair_heads(book))
    heads = heads[heads["status"].isin(APPROVED) & heads["agreement_until"].notna()]
    if has(book, "pairs", "change", "new_end"):
        changed = heads["change"].isin(TERM_CHANGES) & heads["new_end"].notna()
        end = heads["new_end"].where(changed, heads["planned_end"])
    else:
        changed = pd.Series(False, index=heads.index)
        end = heads["planned_end"]
    short = (end.notna() & (heads["agreement_until"] < end)).to_numpy()
    for rec, when, ext in zip(records_where(heads, short), end[short], changed[short]):
        yield book.problem(
            "agreement_too_short", ERROR,
            f"Доп. соглашение наставника пары (группы) {rec['code']} действует до {fmt_date(rec['agreement_until'])}, "
            f"а наставничество длится до {fmt_date(when)}" + (" (новая дата окончания после изменения срока)"
                                                              if ext else "")
            + ". Соглашение должно охватывать весь срок наставничества (ТК РФ ст. 351.8): продлите его.",
            "pairs", rec["_row"], "agreement_until", fmt_date(rec["agreement_until"]),
            expected=f"не раньше {fmt_date(when)}")


def consent_after_order(book: Book, today: dt.date):
    """The mentor's written consent is dated no later than the order that assigns him."""
    if not has(book, "pairs", "code", "mentor_consent_date", "order_date"):
        return
    heads = employees_only(pair_heads(book))
    late = (heads["mentor_consent_date"].notna() & heads["order_date"].notna()
            & (heads["mentor_consent_date"] > heads["order_date"])).to_numpy()
    for rec in records_where(heads, late):
        yield book.problem(
            "mentor_consent_after_order", ERROR,
            f"Согласие наставника {rec['mentor']} датировано {fmt_date(rec['mentor_consent_date'])}, позже приказа о "
            f"закреплении пары (группы) {rec['code']} от {fmt_date(rec['order_date'])}. По ТК РФ ст. 351.8 "
            "наставника закрепляют только с его письменного согласия: оно должно быть получено до приказа.",
            "pairs", rec["_row"], "mentor_consent_date", fmt_date(rec["mentor_consent_date"]),
            expected=f"не позже {fmt_date(rec['order_date'])}")


RULES = [agreement_details, agreement_term, consent_after_order]
