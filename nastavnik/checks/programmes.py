"""The regulation's rules about programmes, their plans and the publication of results.

A personalised programme lasts from three months to a year (Примерный шаблон
программы); a longer or shorter one is lawful only as a recorded change under
п. 7.2 (продление или сокращение срока with a new end date on the pair). Its
plan lies within its period, a pair closed «в полном объёме» has every
activity done, and a best practice is published only with the participants'
consent to the distribution of their personal data (152-ФЗ, ст. 10.1).
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import (
    add_months,
    by_code,
    coded,
    codes_text,
    fmt_date,
    has,
    is_true,
    lookup,
    pair_heads,
    records_where,
    table,
)
from .stalled import OPEN_ACTIVITY, stalled_programmes

MIN_MONTHS, MAX_MONTHS = 3, 12
TERM_CHANGES = {"продление срока", "сокращение срока"}


def _recorded_change(book: Book):
    """Codes of pairs whose term was changed under п. 7.2 (a change of term and a new end date)."""
    if not has(book, "pairs", "code", "change", "new_end"):
        return set()
    pairs = table(book, "pairs")
    return set(pairs.loc[(pairs["change"].isin(TERM_CHANGES) & pairs["new_end"].notna()).to_numpy(), "code"])


def _wrong_start(frame, end_col: str, twin):
    """Per row: whether the start, not the end, is the typo of a period that ends before it starts. ``twin`` is
    the same period on the other sheet (the pair's programme, the programme's pair) as (start, end, sheet, its
    name) by row: when its end is this end and its start is not, the start is the cell that is wrong."""
    if twin is None:
        return frame["start"].isna() & False
    other_start, other_end = twin[0], twin[1]
    return (other_end.notna() & (other_end == frame[end_col]).fillna(False)
            & other_start.notna() & (other_start != frame["start"]).fillna(False))


def _period_problems(book: Book, sheet_key: str, frame, pair_codes, end_col: str, what: str, twin=None):
    import pandas as pd

    changed = _recorded_change(book)
    pairs_title = book.sheet_titles.get("pairs", "Пары и группы")
    start, end = frame["start"], frame[end_col]
    known = start.notna() & end.notna()
    backwards = known & (end < start)
    short = known & ~backwards & (end < add_months(start, MIN_MONTHS) - pd.Timedelta(days=1))
    long = known & (end > add_months(start, MAX_MONTHS))
    free = ~pair_codes.isin(changed)
    # One typo, one message, at the cell that is wrong: the end, unless the other sheet agrees with the end.
    starts_wrong = _wrong_start(frame, end_col, twin)
    for rec, start_wrong in zip(records_where(frame, backwards.to_numpy()), starts_wrong[backwards.to_numpy()]):
        if start_wrong:
            yield book.problem(
                "end_before_start", ERROR,
                f"Дата начала {fmt_date(rec['start'])} позже даты окончания {fmt_date(rec[end_col])}; "
                f"на листе «{book.sheet_titles.get(twin[2], twin[2])}» {twin[3]} с тем же окончанием начинается "
                f"{fmt_date(twin[0][rec['_index']])}. Исправьте дату начала.",
                sheet_key, rec["_row"], "start", fmt_date(rec["start"]), expected=f"до {fmt_date(rec[end_col])}")
            continue
        yield book.problem(
            "end_before_start", ERROR,
            f"Дата окончания {fmt_date(rec[end_col])} раньше даты начала {fmt_date(rec['start'])}.",
            sheet_key, rec["_row"], end_col, fmt_date(rec[end_col]), expected=f"после {fmt_date(rec['start'])}")
    for mask, code, text in ((short, "period_too_short", "короче 3 месяцев"),
                             (long, "period_too_long", "длиннее одного года")):
        for rec in records_where(frame, (mask & free).to_numpy()):
            yield book.problem(
                code, ERROR,
                f"Срок {what} с {fmt_date(rec['start'])} по {fmt_date(rec[end_col])} {text}, а должен быть "
                "от 3 месяцев до 1 года. Исправьте даты или оформите изменение срока (п. 7.2): на листе "
                f"«{pairs_title}» укажите «продление срока» или «сокращение срока» и новую дату окончания.",
                sheet_key, rec["_row"], end_col, fmt_date(rec[end_col]), expected="от 3 месяцев до 1 года")


def periods(book: Book, today: dt.date):
    """Pairs and programmes last from three months to a year unless the term was changed under п. 7.2."""
    pairs = progs = None
    if has(book, "pairs", "code", "start", "planned_end"):
        pairs = pair_heads(book)
    if has(book, "programmes", "pair", "start", "end"):
        progs = table(book, "programmes")
    if pairs is not None:
        twin = None
        if progs is not None:
            by_pair = progs.dropna(subset=["pair"]).drop_duplicates("pair").set_index("pair")
            twin = (lookup(pairs["code"], by_pair["start"]), lookup(pairs["code"], by_pair["end"]), "programmes",
                    "программа пары")
        yield from _period_problems(book, "pairs", pairs.assign(_index=pairs.index), pairs["code"], "planned_end",
                                    "пары (группы)", twin)
    if progs is not None:
        twin = None
        if pairs is not None:
            heads = by_code(book, "pairs")
            twin = (lookup(progs["pair"], heads["start"]), lookup(progs["pair"], heads["planned_end"]),
                    "pairs", "пара (группа)")
        yield from _period_problems(book, "programmes", progs.assign(_index=progs.index), progs["pair"], "end",
                                    "программы", twin)


def plan_within_period(book: Book, today: dt.date):
    """An activity of the plan is planned inside its programme's period (extended by п. 7.2 if recorded)."""
    import pandas as pd

    if not (has(book, "plan", "programme", "planned_date") and has(book, "programmes", "code", "start", "end")):
        return
    plan = table(book, "plan")
    progs = by_code(book, "programmes")
    end = progs["end"]
    if has(book, "pairs", "code", "new_end"):
        new_end = table(book, "pairs").dropna(subset=["code", "new_end"]).groupby("code")["new_end"].max().to_dict()
        ext = pd.to_datetime(progs["pair"].map(lambda c: new_end.get(c)), errors="coerce")
        end = end.where(ext.isna() | (ext <= end), ext)
    start = lookup(plan["programme"], progs["start"])
    stop = lookup(plan["programme"], end)
    when = plan["planned_date"]
    # A programme whose end is before its start has one message, at that date («end_before_start»): its
    # activities are not each reported against a period that does not exist.
    backwards = start.notna() & stop.notna() & (stop < start)
    bad = when.notna() & ~backwards & ((start.notna() & (when < start)) | (stop.notna() & (when > stop)))
    for rec, a, b in zip(records_where(plan, bad.to_numpy()), start[bad], stop[bad]):
        yield book.problem(
            "activity_outside_period", ERROR,
            f"Плановый срок {fmt_date(rec['planned_date'])} вне срока программы {rec['programme']} "
            f"({fmt_date(a) or '…'} — {fmt_date(b) or '…'}). Перенесите мероприятие в срок программы.",
            "plan", rec["_row"], "planned_date", fmt_date(rec["planned_date"]),
            expected=f"с {fmt_date(a)} по {fmt_date(b)}" if pd.notna(a) and pd.notna(b) else None)


def full_plan_done(book: Book, today: dt.date):
    """«план выполнен в полном объёме» (п. 7.1) only when every activity of the programme is done."""
    if not (has(book, "pairs", "code", "end_reason") and has(book, "programmes", "code", "pair")
            and has(book, "plan", "programme", "status")):
        return
    pairs = pair_heads(book)
    # «прекращена досрочно» with this reason is already «status_contradicts_reason» at the same cell
    full = pairs[(pairs["end_reason"] == v.REASON_FULL) & (pairs["status"] != v.PAIR_STOPPED)]
    if full.empty:
        return
    progs = table(book, "programmes").dropna(subset=["code", "pair"])
    plan = table(book, "plan")
    open_plan = plan[plan["status"] != v.ACT_DONE].merge(
        progs[["code", "pair"]].rename(columns={"code": "programme"}), on="programme")
    open_rows = open_plan.sort_values("_row").groupby("pair")["_row"].agg(list)
    for rec in records_where(full, full["code"].isin(open_rows.index)):
        rows = open_rows[rec["code"]]
        yield book.problem(
            "full_plan_not_done", ERROR,
            f"Причина «{v.REASON_FULL}», но в плане пары (группы) {rec['code']} не выполнено мероприятий: "
            f"{len(rows)} (лист «{book.sheet_titles.get('plan', 'План мероприятий')}», строки "
            f"{codes_text(rows)}). Отметьте их выполнение или выберите другую причину.",
            "pairs", rec["_row"], "end_reason", rec["end_reason"], expected="все мероприятия «выполнено»")


def overdue_activities(book: Book, today: dt.date):
    """An activity whose planned date has passed and that is still «запланировано» or «перенесено».

    An activity of a stalled pair is named in that pair's one warning (``stalled``), not again here.
    """
    import pandas as pd

    if not has(book, "plan", "planned_date", "status"):
        return
    plan = table(book, "plan")
    late = plan["status"].isin(OPEN_ACTIVITY) & plan["planned_date"].notna() & (
        plan["planned_date"] < pd.Timestamp(today)) & ~plan["programme"].isin(stalled_programmes(book, today))
    for rec in records_where(plan, late.to_numpy()):
        yield book.problem(
            "activity_overdue", WARNING,
            f"Плановый срок {fmt_date(rec['planned_date'])} прошёл, а мероприятие программы {rec['programme']} "
            f"всё ещё в статусе «{rec['status']}». Отметьте выполнение или перенесите срок.",
            "plan", rec["_row"], "status", rec["status"])


def one_programme_per_pair(book: Book, today: dt.date):
    """One personalised programme for each pair or group: a second one makes plan and reports ambiguous."""
    if not has(book, "programmes", "code", "pair"):
        return
    progs = table(book, "programmes").dropna(subset=["pair"]).sort_values("_row", kind="stable")
    first = progs.drop_duplicates("pair").set_index("pair")["code"]
    for rec in records_where(progs, progs.duplicated("pair", keep="first")):
        yield book.problem(
            "pair_two_programmes", WARNING,
            f"У пары (группы) {rec['pair']} уже есть программа {first[rec['pair']]}; программа — одна на пару. "
            "Объедините программы или исправьте код пары.",
            "programmes", rec["_row"], "pair", rec["pair"])


def publication_consent(book: Book, today: dt.date):
    """A best practice marked for publication needs every participant's consent to publish (152-ФЗ)."""
    if not (has(book, "programmes", "pair", "best_practice", "consent_publish")
            and has(book, "pairs", "code", "mentor", "mentee")):
        return
    progs = table(book, "programmes")
    marked = progs[(is_true(progs["best_practice"]) & is_true(progs["consent_publish"])).to_numpy()]
    if marked.empty:
        return
    pairs = table(book, "pairs")
    people = (pairs.melt(id_vars=["code"], value_vars=["mentor", "mentee"], value_name="person")
              .dropna().drop_duplicates(["code", "person"]))
    consent: dict = {}
    for bank in ("mentors", "mentees"):
        if has(book, bank, "code", "consent_publish"):
            frame = coded(book, bank)
            consent.update(zip(frame["code"], is_true(frame["consent_publish"])))
    people = people[people["code"].isin(set(marked["pair"]))]
    agreed = people["person"].map(lambda c: bool(consent.get(c, False))).astype(bool).to_numpy()
    people = people[~agreed]
    missing = people.groupby("code")["person"].agg(list)
    for rec in records_where(marked, marked["pair"].isin(missing.index)):
        yield book.problem(
            "publish_without_consent", ERROR,
            f"Программа {rec['code']} отмечена к публикации как лучшая практика, но нет согласия на "
            f"распространение персональных данных у участников: {codes_text(missing[rec['pair']])}. "
            "Получите согласия или снимите отметку о публикации.",
            "programmes", rec["_row"], "consent_publish", expected="согласия всех участников")


RULES = [periods, plan_within_period, full_plan_done, overdue_activities, one_programme_per_pair,
         publication_consent]
