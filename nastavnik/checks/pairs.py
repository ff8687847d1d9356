"""The regulation's rules about pairs and groups (разделы 5–7 Положения, ТК РФ ст. 351.8).

Who may be paired with whom, how many mentees a mentor may lead, what a pair
needs before it is approved (order, programme, consents) and what a finished
pair must record. A group is several rows with one code: rules about the
group as a whole report at its first row, rules about a member at his row.

ТК РФ ст. 351.8 (in force since 01.03.2025) allows mentoring duties only with
the employee's written consent. A pair approved or running without it is an
**error** when it started on or after 01.03.2025 (the order would be unlawful)
and a **warning** when it started earlier (arranged before the article, but the
consent should now be collected).
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .carried import carried_codes
from .common import (
    active_pairs,
    bank_rows,
    by_code,
    coded,
    employees_only,
    first_rows,
    fmt_date,
    has,
    is_true,
    lookup,
    pair_heads,
    person_key,
    records,
    records_where,
    table,
    where,
)

MENTOR_CONSENT_LAW = dt.date(2025, 3, 1)
APPROVED = {v.PAIR_APPROVED, v.PAIR_RUNNING}
FINISHED = {v.PAIR_DONE, v.PAIR_STOPPED}


def self_mentoring(book: Book, today: dt.date):
    """Mentor and mentee are the same person: the same code, or the same ФИО and date of birth."""
    if not has(book, "pairs", "mentor", "mentee"):
        return
    pairs = table(book, "pairs")
    same = pairs["mentor"].notna() & (pairs["mentor"] == pairs["mentee"])
    keys = {}
    for bank in ("mentors", "mentees"):
        if has(book, bank, "code", "fio", "birth_date") and not table(book, bank).empty:
            keys[bank] = person_key(by_code(book, bank))  # indexed by code, the first row of each
    if len(keys) == 2:
        mk = lookup(pairs["mentor"], keys["mentors"])
        ek = lookup(pairs["mentee"], keys["mentees"])
        same = same | (mk.notna() & (mk == ek))
    for rec in records_where(pairs, same.to_numpy()):
        yield book.problem(
            "self_mentoring", ERROR,
            f"Наставник {rec['mentor']} и наставляемый {rec['mentee']} — один и тот же человек "
            "(совпадают код или ФИО с датой рождения). Человек не может быть наставником самому себе.",
            "pairs", rec["_row"], "mentee", rec["mentee"])


def mentee_in_two_pairs(book: Book, today: dt.date):
    """A mentee belongs to one pair or group at a time (проект, утверждена, реализуется)."""
    if not has(book, "pairs", "code", "mentee", "status"):
        return
    act = active_pairs(book).dropna(subset=["code", "mentee"]).sort_values("_row", kind="stable")
    act = act.drop_duplicates(["code", "mentee"])
    extra = act[act.duplicated("mentee", keep="first")]
    if extra.empty:
        return
    first = act.drop_duplicates("mentee").set_index("mentee")[["code", "_row", "status"]]
    for rec in records(extra):
        other = first.loc[rec["mentee"]]
        what = "в проекте пары (группы)" if other["status"] == v.PAIR_DRAFT else "в действующей паре (группе)"
        yield book.problem(
            "mentee_in_two_pairs", ERROR,
            f"Наставляемый {rec['mentee']} уже состоит {what} {other['code']} "
            f"(строка {other['_row']}). Одновременно — только одна пара; завершите прежнюю или уберите эту строку.",
            "pairs", rec["_row"], "mentee", rec["mentee"])


def mentor_load(book: Book, today: dt.date):
    """A mentor leads no more distinct mentees in pairs in force than his «Максимум наставляемых»."""
    if not (has(book, "pairs", "mentor", "mentee", "status") and has(book, "mentors", "code", "max_mentees")):
        return
    act = active_pairs(book).dropna(subset=["mentor", "mentee"]).sort_values("_row", kind="stable")
    act = act.drop_duplicates(["mentor", "mentee"])
    act = act.assign(_n=act.groupby("mentor").cumcount() + 1)
    limits = bank_rows(book, "mentors", "max_mentees")
    limit = lookup(act["mentor"], limits["max_mentees"]).astype("Float64")
    over = act[(limit.notna() & (act["_n"] > limit)).fillna(False).to_numpy()]
    over = over.drop_duplicates("mentor")  # one problem per mentor, at the row that crosses the limit
    totals = act.groupby("mentor").size()
    for rec in records(over):
        m = rec["mentor"]
        yield book.problem(
            "mentor_over_limit", ERROR,
            f"У наставника {m} в действующих парах и проектах пар {totals[m]} наставляемых, а его максимум — "
            f"{int(limits.loc[m, 'max_mentees'])} ({where(book, 'mentors', limits.loc[m, '_row'])}). "
            "Уменьшите число наставляемых или увеличьте максимум с согласия наставника.",
            "pairs", rec["_row"], "mentor", m, expected=f"не больше {int(limits.loc[m, 'max_mentees'])}")


def group_size(book: Book, today: dt.date):
    """«в группе» needs at least two mentees; «один-на-один» has exactly one."""
    if not has(book, "pairs", "code", "mentee", "kind"):
        return
    pairs = coded(book, "pairs")
    if pairs.empty:
        return
    sizes = pairs.dropna(subset=["mentee"]).drop_duplicates(["code", "mentee"]).groupby("code").size()
    heads = first_rows(pairs)
    n = heads["code"].map(sizes).fillna(0).astype(int)
    small = ((heads["kind"] == v.KIND_GROUP) & (n < 2)).to_numpy()
    for rec, count in zip(records_where(heads, small), n[small]):
        yield book.problem(
            "group_too_small", ERROR,
            f"Вид «{v.KIND_GROUP}», а в группе {rec['code']} наставляемых: {count}. В группе должно быть не "
            "меньше двух наставляемых (по строке на каждого с одним кодом группы) — или выберите другой вид.",
            "pairs", rec["_row"], "kind", rec["kind"], expected="не меньше 2 наставляемых")
    single = pairs[pairs["kind"] == v.KIND_ONE_TO_ONE].dropna(subset=["mentee"]).drop_duplicates(["code", "mentee"])
    extra = single[single.duplicated("code", keep="first")].drop_duplicates("code")
    for rec in records(extra):
        yield book.problem(
            "one_to_one_many", ERROR,
            f"Вид «{v.KIND_ONE_TO_ONE}», а у пары {rec['code']} больше одного наставляемого "
            f"({sizes.get(rec['code'], 0)}). Для нескольких наставляемых выберите вид «{v.KIND_GROUP}» "
            "или дайте паре отдельный код.",
            "pairs", rec["_row"], "kind", rec["kind"], expected="один наставляемый")


def group_consistency(book: Book, today: dt.date):
    """All rows of one group share the mentor and the kind: they are one group under one order."""
    if not has(book, "pairs", "code", "mentor", "kind"):
        return
    pairs = coded(book, "pairs")
    for col, what in (("mentor", "наставник"), ("kind", "вид наставничества")):
        first = pairs.groupby("code", sort=False)[col].transform("first")
        first_row = pairs.groupby("code", sort=False)["_row"].transform("first")
        bad = pairs[col].notna() & first.notna() & (pairs[col] != first)
        for rec, expected, row in zip(records_where(pairs, bad.to_numpy()), first[bad], first_row[bad]):
            yield book.problem(
                "group_mismatch", ERROR,
                f"В строках группы {rec['code']} разный {what}: здесь «{rec[col]}», а в строке {row} — "
                f"«{expected}». У всех строк одной группы он должен совпадать.",
                "pairs", rec["_row"], col, rec[col], expected=str(expected))


def approval_requirements(book: Book, today: dt.date):
    """An approved or running pair has an order number (п. 6.2), a programme and participants' consents."""
    import pandas as pd

    if not has(book, "pairs", "code", "status", "mentor", "mentee"):
        return
    pairs = coded(book, "pairs")
    approved = pairs[pairs["status"].isin(APPROVED)]
    if approved.empty:
        return
    heads = first_rows(approved)
    if has(book, "pairs", "order_no"):
        with_order = set(approved.loc[approved["order_no"].notna(), "code"])
        for rec in records_where(heads, ~heads["code"].isin(with_order)):
            yield book.problem(
                "no_order", ERROR,
                f"Пара (группа) {rec['code']} в статусе «{rec['status']}», но не указан № приказа о закреплении "
                "(п. 6.2). Укажите номер и дату приказа или верните статус «проект».",
                "pairs", rec["_row"], "order_no")
    if has(book, "programmes", "pair"):
        with_prog = set(table(book, "programmes")["pair"].dropna())
        sheet = book.sheet_titles.get("programmes", "Программы")
        for rec in records_where(heads, ~heads["code"].isin(with_prog)):
            # The roadmap puts the programme after the order: an approved pair has weeks to write it, a
            # working pair cannot work without one.
            if rec["status"] == v.PAIR_APPROVED:
                yield book.problem(
                    "programme_pending", WARNING,
                    f"Пара (группа) {rec['code']} утверждена, а персонализированной программы у неё ещё нет: "
                    f"составьте её на листе «{sheet}» с этим кодом пары до начала работы пары.",
                    "pairs", rec["_row"], "code", rec["code"])
                continue
            yield book.problem(
                "no_programme", ERROR,
                f"У пары (группы) {rec['code']} в статусе «{rec['status']}» нет персонализированной программы: "
                f"добавьте её на лист «{sheet}» с этим кодом пары.",
                "pairs", rec["_row"], "code", rec["code"])
    for col, bank, who, rows in (("mentor", "mentors", "наставника", heads), ("mentee", "mentees",
                                                                              "наставляемого", approved)):
        if not has(book, bank, "code", "consent_pd"):
            continue
        consent = bank_rows(book, bank, "consent_pd")
        known = rows[col].isin(consent.index)
        given = lookup(rows[col], consent["consent_pd"]).astype("boolean").fillna(False).astype(bool)
        for rec in records_where(rows, (known & ~given).to_numpy()):
            code = rec[col]
            yield book.problem(
                "no_consent_pd", ERROR,
                f"Нет согласия {who} {code} на обработку персональных данных "
                f"({where(book, bank, consent.loc[code, '_row'])}), а пара (группа) {rec['code']} "
                f"в статусе «{rec['status']}». Получите согласие и отметьте «да».",
                "pairs", rec["_row"], col, code, expected="согласие «да»")
    if has(book, "pairs", "mentor_consent", "start"):
        consented = set(approved.loc[is_true(approved["mentor_consent"]).to_numpy(), "code"])
        law = pd.Timestamp(MENTOR_CONSENT_LAW)
        for rec in records(employees_only(heads[~heads["code"].isin(consented)])):  # ст. 351.8: employees
            before = pd.notna(rec["start"]) and rec["start"] < law
            yield book.problem(
                "no_mentor_consent", WARNING if before else ERROR,
                f"Нет письменного согласия наставника {rec['mentor']} на наставничество (ТК РФ ст. 351.8, "
                f"с 01.03.2025), а пара (группа) {rec['code']} в статусе «{rec['status']}»."
                + (" Пара начата до 01.03.2025, но согласие стоит оформить." if before
                   else " Без согласия закрепление наставника незаконно."),
                "pairs", rec["_row"], "mentor_consent", expected="«да»")


def finished_pairs(book: Book, today: dt.date):
    """A finished pair records when it ended and why (п. 7.1)."""
    if not has(book, "pairs", "code", "status", "actual_end", "end_reason"):
        return
    pairs = table(book, "pairs")
    done = pairs[pairs["status"].isin(FINISHED)]
    for rec in records_where(done, done["actual_end"].isna().to_numpy()):
        yield book.problem(
            "finished_without_end_date", ERROR,
            f"Пара (группа) {rec['code']} в статусе «{rec['status']}», но не указана фактическая дата окончания.",
            "pairs", rec["_row"], "actual_end")
    for rec in records_where(done, done["end_reason"].isna().to_numpy()):
        yield book.problem(
            "finished_without_reason", ERROR,
            f"Пара (группа) {rec['code']} в статусе «{rec['status']}», но не указана причина завершения "
            "(п. 7.1 Положения). Выберите её из списка.",
            "pairs", rec["_row"], "end_reason")


def overdue_pairs(book: Book, today: dt.date):
    """A pair still approved or running after its (possibly extended) end: finish or extend it (п. 7.2)."""
    import pandas as pd

    if not has(book, "pairs", "code", "status", "planned_end"):
        return
    pairs = pair_heads(book)
    pairs = pairs[pairs["status"].isin(APPROVED)]
    extended = (pairs["new_end"].notna() if has(book, "pairs", "new_end")
                else pd.Series(False, index=pairs.index))
    end = pairs["new_end"].where(extended, pairs["planned_end"])
    # An end before the start is a typo, said once at its cell («end_before_start»): not also «срок истёк».
    backwards = end.notna() & pairs["start"].notna() & (end < pairs["start"]) if "start" in pairs else False
    late = (end.notna() & (end < pd.Timestamp(today)) & ~backwards
            & ~pairs["code"].isin(carried_codes(book)))  # a carried pair's end is said there
    for rec, is_ext, when in zip(records_where(pairs, late.to_numpy()), extended[late], end[late]):
        yield book.problem(
            "pair_past_end", WARNING,
            f"Срок пары (группы) {rec['code']} истёк {fmt_date(when)}, а она всё ещё в статусе «{rec['status']}». "
            "Завершите её (фактическая дата и причина) или оформите продление (п. 7.2).",
            "pairs", rec["_row"], "new_end" if is_ext else "planned_end", fmt_date(when))


def reverse_mentoring(book: Book, today: dt.date):
    """In reverse mentoring the younger colleague teaches the experienced one."""
    if not (has(book, "pairs", "kind", "mentor", "mentee") and has(book, "mentors", "code", "birth_date")
            and has(book, "mentees", "code", "birth_date")):
        return
    pairs = table(book, "pairs")
    rev = pairs[pairs["kind"] == v.KIND_REVERSE]
    if rev.empty:
        return
    mb = lookup(rev["mentor"], bank_rows(book, "mentors", "birth_date")["birth_date"])
    eb = lookup(rev["mentee"], bank_rows(book, "mentees", "birth_date")["birth_date"])
    bad = mb.notna() & eb.notna() & (mb <= eb)
    for rec in records_where(rev, bad.to_numpy()):
        yield book.problem(
            "reverse_not_younger", WARNING,
            f"Вид «{v.KIND_REVERSE}», но наставник {rec['mentor']} не моложе наставляемого {rec['mentee']}. "
            "В реверсивном наставничестве наставником обычно выступает более молодой коллега.",
            "pairs", rec["_row"], "mentor", rec["mentor"])


RULES = [self_mentoring, mentee_in_two_pairs, mentor_load, group_size, group_consistency, approval_requirements,
         finished_pairs, overdue_pairs, reverse_mentoring]
