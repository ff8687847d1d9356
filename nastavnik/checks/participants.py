"""Who takes part, and in what form (issue 26, «Checks»).

- The form of mentoring follows its participants (п. 2.3 Положения): «руководитель ОО – педагог» has the head or
  a deputy as mentor; «работодатель – студент» has a student or trainee as mentee; and the reverse.
- A mentor is a pedagogical worker (п. 1.2 Положения, ТК РФ ст. 351.8): a position outside the nomenclature of
  pedagogical positions (постановление Правительства РФ от 21.02.2022 № 225) — младший воспитатель, помощник
  воспитателя, лаборант, секретарь — cannot carry mentoring. Positions that are not recognised either way are
  left alone: the column is free text.
- Consent comes first (152-ФЗ, ст. 9): a consent to the processing of personal data dated after the person was
  entered into the bank, or after the order naming her pair, means the data were processed without it. Consents
  are often signed anew each year and the book keeps the latest date, so only entries and orders of the
  reporting period (from «Начало отчётного периода») are compared with it.
- The curator's name on «Организация» that differs by one letter from a person in the banks is a typo that
  would go into every order.

Layer: analysis. May import ``nastavnik.workbook`` and ``nastavnik.base``.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import vocab as v
from nastavnik.workbook.parse import fold
from nastavnik.workbook.reader import Book

from .common import bank_rows, coded, fmt_date, has, lookup, records, records_where, table, where

_BANKS = (("mentors", "наставника"), ("mentees", "наставляемого"))


def _is_head(book: Book, mentor_code, positions, fios) -> bool:
    director = book.org.get("director_fio")
    fio = fios.get(mentor_code)
    if isinstance(director, str) and isinstance(fio, str) and fold(director) == fold(fio):
        return True
    return ot.is_leader(positions.get(mentor_code))


def form_against_participants(book: Book, today: dt.date):
    """п. 2.3: the form of mentoring names who the mentor and the mentee are."""
    if not (has(book, "pairs", "code", "form", "mentor", "mentee") and has(book, "mentors", "code", "position")
            and has(book, "mentees", "code", "category")):
        return
    pairs = coded(book, "pairs")
    if pairs.empty:
        return
    mentors = bank_rows(book, "mentors", "position", "fio")
    positions, fios = mentors["position"].to_dict(), mentors["fio"].to_dict()
    category = lookup(pairs["mentee"], bank_rows(book, "mentees", "category")["category"])
    pairs = pairs.assign(_category=category)
    seen: set = set()
    # Only the two forms that name a participant can be wrong here: the rows of others are not made into records.
    named = pairs["form"].isin([v.FORM_HEAD, v.FORM_STUDENT]).to_numpy()
    for rec in records_where(pairs, named):
        form, code = rec["form"], rec["code"]
        if code in seen:
            continue
        if form == v.FORM_HEAD and rec["mentor"] in positions and not _is_head(book, rec["mentor"], positions, fios):
            seen.add(code)
            yield book.problem(
                "form_mismatch", ERROR,
                f"Форма «{v.FORM_HEAD}», а наставник {rec['mentor']} пары (группы) {code} — не руководитель и не "
                f"заместитель руководителя (должность «{positions.get(rec['mentor'])}»). По п. 2.3 Положения в этой "
                f"форме наставник — руководитель образовательной организации: выберите «{v.FORM_PEERS}» или "
                "другого наставника.",
                "pairs", rec["_row"], "form", form, expected=v.FORM_PEERS)
        elif form == v.FORM_STUDENT and isinstance(rec["_category"], str) and rec["_category"] != v.MENTEE_STUDENT:
            seen.add(code)
            yield book.problem(
                "form_mismatch", ERROR,
                f"Форма «{v.FORM_STUDENT}», а наставляемый {rec['mentee']} пары (группы) {code} — не студент и не "
                f"стажёр (категория «{rec['_category']}»). По п. 2.3 Положения эта форма — для студентов и "
                f"стажёров: выберите форму по участникам, например «{v.FORM_PEERS}».",
                "pairs", rec["_row"], "form", form, expected=v.FORM_PEERS)
    # The reverse, for the pair as a whole: every mentee a student, or the head as the mentor.
    heads = pairs.drop_duplicates("code")
    students = (pairs["_category"] == v.MENTEE_STUDENT).groupby(pairs["code"]).all()  # every mentee a student
    head_itself: dict = {}  # a mentor of many pairs is looked at once (a district: 16,000 pairs, 12,000 mentors)

    def is_head(mentor) -> bool:
        if mentor not in head_itself:
            head_itself[mentor] = _head_itself(book, mentor, positions, fios)
        return head_itself[mentor]

    for rec in records_where(heads, (heads["form"] == v.FORM_PEERS).to_numpy()):
        if rec["code"] in seen:
            continue
        if students.get(rec["code"], False):
            yield book.problem(
                "form_mismatch", WARNING,
                f"Наставляемый {rec['mentee']} пары (группы) {rec['code']} — студент или стажёр, а форма — "
                f"«{v.FORM_PEERS}». По п. 2.3 Положения для студента форма — «{v.FORM_STUDENT}»: она войдёт в приказ.",
                "pairs", rec["_row"], "form", rec["form"], expected=v.FORM_STUDENT)
        elif rec["mentor"] in positions and is_head(rec["mentor"]):
            yield book.problem(
                "form_mismatch", WARNING,
                f"Наставник пары (группы) {rec['code']} — руководитель организации, а форма — «{v.FORM_PEERS}». "
                f"По п. 2.3 Положения это форма «{v.FORM_HEAD}»: она войдёт в приказ.",
                "pairs", rec["_row"], "form", rec["form"], expected=v.FORM_HEAD)


def _head_itself(book: Book, mentor_code, positions, fios) -> bool:
    """The head herself (by name on «Организация», or a head's title), not a deputy."""
    director = book.org.get("director_fio")
    fio = fios.get(mentor_code)
    if isinstance(director, str) and isinstance(fio, str) and fold(director) == fold(fio):
        return True
    return ot.is_leader(positions.get(mentor_code)) and not fold(positions.get(mentor_code) or "").startswith(
        "заместитель")


def mentor_is_pedagogical(book: Book, today: dt.date):
    """п. 1.2, ТК РФ ст. 351.8: a mentor holds a pedagogical position (номенклатура № 225)."""
    if not has(book, "mentors", "code", "position"):
        return
    mentors = table(book, "mentors").dropna(subset=["code", "position"])
    if has(book, "mentors", "status"):
        mentors = mentors[(mentors["status"] != v.MENTOR_STATUS_LEFT).to_numpy()]
    outside = set()
    if has(book, "pairs", "mentor", "form"):
        pairs = table(book, "pairs")
        outside = set(pairs.loc[(pairs["form"] == v.FORM_OUTSIDE).to_numpy(), "mentor"].dropna())
    verdicts = {p: ot.non_pedagogical(p, book.org_type) for p in set(mentors["position"])}
    for rec in records_where(mentors, mentors["position"].map(verdicts).notna().to_numpy()):
        if rec["code"] in outside:
            continue
        yield book.problem(
            "mentor_not_pedagogical", ERROR,
            f"Наставник {rec['code']} — «{rec['position']}»: это не должность педагогического работника "
            "(номенклатура, утверждённая постановлением Правительства РФ от 21.02.2022 № 225). Наставником по "
            "п. 1.2 Положения и ТК РФ ст. 351.8 может быть только педагогический работник: исправьте должность "
            "или отметьте наставника «выбыл».",
            "mentors", rec["_row"], "position", rec["position"], expected="должность педагогического работника")


def consent_before_processing(book: Book, today: dt.date):
    """152-ФЗ ст. 9: consent to processing precedes the bank entry and the order naming the person's pair."""
    import pandas as pd

    start = book.org.get("period_start")
    since = pd.Timestamp(start) if isinstance(start, dt.date) else pd.Timestamp.min
    orders = None
    if has(book, "pairs", "mentor", "mentee", "order_date"):
        pairs = table(book, "pairs").dropna(subset=["order_date"])
        pairs = pairs[(pairs["order_date"] >= since).to_numpy()]
        orders = {col: pairs.dropna(subset=[col]).sort_values("order_date").drop_duplicates(col).set_index(col)[
            ["order_date", "code"]] for col in ("mentor", "mentee")}
    for bank, who in _BANKS:
        if not has(book, bank, "code", "consent_pd_date", "date_added"):
            continue
        frame = table(book, bank).dropna(subset=["code", "consent_pd_date"])
        if frame.empty:
            continue
        col = "mentor" if bank == "mentors" else "mentee"
        order = lookup(frame["code"], orders[col]["order_date"]) if orders is not None else None
        pair = lookup(frame["code"], orders[col]["code"]) if orders is not None else None
        # A consent is often signed anew each year and the book keeps the latest date: only this period's bank
        # entries and orders are compared with it.
        after_bank = (frame["date_added"].notna() & (frame["consent_pd_date"] > frame["date_added"])
                      & (frame["date_added"] >= since))
        # An order before the person's own bank entry is another inconsistency, not this rule's.
        after_order = (order.notna() & (frame["consent_pd_date"] > order) & (order >= since)
                       & (frame["date_added"].isna() | (order >= frame["date_added"]))) \
            if order is not None else pd.Series(False, index=frame.index)
        bad = (after_bank | after_order).to_numpy()
        for rec, by_bank, when, code in zip(records_where(frame, bad), after_bank[bad],
                                            (order[bad] if order is not None else [None] * int(bad.sum())),
                                            (pair[bad] if pair is not None else [None] * int(bad.sum()))):
            if by_bank:
                what = f"а в банк {who} {rec['code']} внесён {fmt_date(rec['date_added'])}"
                limit = rec["date_added"]
            else:
                what = f"а приказ о закреплении пары (группы) {code} издан {fmt_date(when)}"
                limit = when
            yield book.problem(
                "consent_after_processing", ERROR,
                f"Согласие на обработку персональных данных {who} {rec['code']} датировано "
                f"{fmt_date(rec['consent_pd_date'])}, {what}: данные обрабатывались без согласия (152-ФЗ, ст. 9 — "
                "согласие даётся до обработки). Проверьте дату согласия; если она верна, получите согласие "
                "до включения в банк и в приказ.",
                bank, rec["_row"], "consent_pd_date", fmt_date(rec["consent_pd_date"]),
                expected=f"не позже {fmt_date(limit)}")


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter replaced, added or dropped (not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def curator_name_typo(book: Book, today: dt.date):
    """The curator's ФИО on «Организация» one letter away from a person in the banks (and equal to nobody)."""
    curator = book.org.get("curator_fio")
    if not isinstance(curator, str):
        return
    key = fold(curator)
    near = None
    for bank, who in _BANKS:
        if not has(book, bank, "code", "fio"):
            continue
        frame = table(book, bank).dropna(subset=["code", "fio"])
        for rec in records(frame[["code", "fio", "_row"]]):
            other = fold(rec["fio"])
            if other == key:
                return  # the curator is in a bank, spelt the same
            if near is None and _one_letter_apart(key, other):
                near = (bank, who, rec)
    if near is not None:
        bank, who, rec = near
        yield book.problem(
            "curator_name_typo", WARNING,
            f"ФИО куратора отличается одной буквой от ФИО {who} {rec['code']} ({where(book, bank, rec['_row'])}). "
            "Если это один человек, исправьте опечатку: ФИО куратора входит в приказ о его назначении (п. 3.4 "
            "Положения) и во все приказы.",
            "org", col_key="curator_fio", expected="ФИО как в банке")


RULES = [form_against_participants, mentor_is_pedagogical, consent_before_processing, curator_name_typo]
