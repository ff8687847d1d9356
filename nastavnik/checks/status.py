"""A pair's dates and its status agree (разделы 6–7 Положения).

The status is chosen from a list and the dates are typed by hand, at
different times of the year; they drift apart. A pair that has actually ended
but is still «реализуется», a reason for ending on a running pair, an
extension (п. 7.2) that does not extend, a status that contradicts its reason (п. 7.1: «прекращена
досрочно» with the plan done in full, «завершена» for a reason of early termination, a mentee «завершил» whose pair
still runs): each would put a wrong line into an
order or a wrong figure into the report. An approved pair needs a programme
with a plan; a running programme where nothing has been done for a month is
worth a look.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import coded, fmt_date, has, pair_heads, records, records_where, table

FINISHED = {v.PAIR_DONE, v.PAIR_STOPPED}
APPROVED = {v.PAIR_APPROVED, v.PAIR_RUNNING}
EXTEND, SHORTEN = "продление срока", "сокращение срока"
IDLE_DAYS = 30  # a running programme with nothing done this long after its start


def actual_end_against_start_and_status(book: Book, today: dt.date):
    """The actual end is not before the start, and is filled only for a finished pair."""
    import pandas as pd

    if not has(book, "pairs", "code", "status", "start", "actual_end"):
        return
    pairs = table(book, "pairs")
    end, start = pairs["actual_end"], pairs["start"]
    before = (end.notna() & start.notna() & (end < start)).to_numpy()
    for rec in records_where(pairs, before):
        yield book.problem(
            "end_before_start", ERROR,
            f"Фактическая дата окончания {fmt_date(rec['actual_end'])} раньше даты начала {fmt_date(rec['start'])}.",
            "pairs", rec["_row"], "actual_end", fmt_date(rec["actual_end"]), expected=f"после {fmt_date(rec['start'])}")
    # a future actual end is already «actual_end_in_future» at the same cell
    running = (pairs["status"].isin(v.PAIR_ACTIVE) & end.notna() & (end <= pd.Timestamp(today))).to_numpy()
    for rec in records_where(pairs, running & ~before):
        yield book.problem(
            "actual_end_not_finished", ERROR,
            f"У пары (группы) {rec['code']} указана фактическая дата окончания {fmt_date(rec['actual_end'])}, "
            f"а статус — «{rec['status']}». Если работа закончена, поставьте статус «{v.PAIR_DONE}» или "
            f"«{v.PAIR_STOPPED}» и причину; если продолжается — очистите фактическую дату.",
            "pairs", rec["_row"], "actual_end", fmt_date(rec["actual_end"]))


def reason_not_finished(book: Book, today: dt.date):
    """A reason for ending (п. 7.1) belongs to a finished pair only."""
    if not has(book, "pairs", "code", "status", "end_reason"):
        return
    pairs = table(book, "pairs")
    bad = (pairs["end_reason"].notna() & pairs["status"].notna() & ~pairs["status"].isin(FINISHED)).to_numpy()
    for rec in records_where(pairs, bad):
        yield book.problem(
            "reason_not_finished", ERROR,
            f"У пары (группы) {rec['code']} указана причина завершения «{rec['end_reason']}», а статус — "
            f"«{rec['status']}». Причина ставится только при статусе «{v.PAIR_DONE}» или «{v.PAIR_STOPPED}»: "
            "исправьте статус или очистите причину.",
            "pairs", rec["_row"], "end_reason", rec["end_reason"])


def term_changes(book: Book, today: dt.date):
    """An extension moves the end later, a shortening earlier; both need the new date and a basis (п. 7.2)."""
    import pandas as pd

    if not has(book, "pairs", "code", "change", "planned_end", "new_end"):
        return
    heads = pair_heads(book)
    changed = heads[heads["change"].notna().to_numpy()]
    for rec in records_where(changed, changed["change"].isin((EXTEND, SHORTEN)).to_numpy()):
        change, new, planned = rec["change"], rec["new_end"], rec["planned_end"]
        if pd.isna(new):
            yield book.problem(
                "new_end_wrong", ERROR,
                f"Изменение «{change}» у пары (группы) {rec['code']}, но не указана новая дата окончания (п. 7.2).",
                "pairs", rec["_row"], "new_end", expected="новая дата окончания")
        elif pd.notna(planned) and ((change == EXTEND and new <= planned) or (change == SHORTEN and new >= planned)):
            word = "позже" if change == EXTEND else "раньше"
            yield book.problem(
                "new_end_wrong", ERROR,
                f"Изменение «{change}» у пары (группы) {rec['code']}, а новая дата окончания {fmt_date(new)} не "
                f"{word} плановой {fmt_date(planned)}. Исправьте новую дату или вид изменения (п. 7.2).",
                "pairs", rec["_row"], "new_end", fmt_date(new), expected=f"{word} {fmt_date(planned)}")
    if has(book, "pairs", "change_basis"):
        for rec in records_where(changed, changed["change_basis"].isna().to_numpy()):
            yield book.problem(
                "change_without_basis", WARNING,
                f"Изменение «{rec['change']}» у пары (группы) {rec['code']} без основания. По п. 7.2 программа "
                "меняется по обоюдному согласию наставника и наставляемого: укажите основание (например, "
                "«заявление наставника и наставляемого»), иначе приказ об изменении назовёт общее «заявление "
                "участников персонализированной программы наставничества».",
                "pairs", rec["_row"], "change_basis", expected="основание изменения")


def _programmes(book: Book):
    """Programmes of approved or running pairs, with the pair's status and start, located at the programme."""
    heads = pair_heads(book)
    heads = heads[heads["status"].isin(APPROVED)][["code", "status", "start"]].rename(
        columns={"code": "pair", "status": "_status", "start": "_start"})
    progs = table(book, "programmes").dropna(subset=["code", "pair"]).drop_duplicates("code")
    return progs.merge(heads, on="pair")


def programme_plan(book: Book, today: dt.date):
    """An approved or running pair's programme has a plan; a running one has done something after a month."""
    import pandas as pd

    if not (has(book, "pairs", "code", "status", "start") and has(book, "programmes", "code", "pair")
            and has(book, "plan", "programme", "status")):
        return
    progs = _programmes(book)
    if progs.empty:
        return
    plan = table(book, "plan").dropna(subset=["programme"])
    planned = set(plan["programme"])
    done = set(plan.loc[(plan["status"] == v.ACT_DONE).to_numpy(), "programme"])
    plan_title = book.sheet_titles.get("plan", "План мероприятий")
    for rec in records_where(progs, ~progs["code"].isin(planned).to_numpy()):
        yield book.problem(
            "programme_without_plan", ERROR,
            f"У программы {rec['code']} пары (группы) {rec['pair']} в статусе «{rec['_status']}» нет ни одного "
            f"мероприятия на листе «{plan_title}». Персонализированная программа включает план мероприятий: "
            "добавьте его.",
            "programmes", rec["_row"], "code", rec["code"])
    idle = (progs["code"].isin(planned) & ~progs["code"].isin(done) & (progs["_status"] == v.PAIR_RUNNING)
            & progs["_start"].notna() & (progs["_start"] + pd.Timedelta(days=IDLE_DAYS) < pd.Timestamp(today)))
    for rec in records_where(progs, idle.to_numpy()):
        yield book.problem(
            "running_without_activity", WARNING,
            f"Пара (группа) {rec['pair']} реализует программу {rec['code']} с {fmt_date(rec['_start'])}, но ни одно "
            f"мероприятие её плана не отмечено «{v.ACT_DONE}». Отметьте проведённые мероприятия или проверьте "
            "статус пары.",
            "programmes", rec["_row"], "code", rec["code"])


def status_against_reason(book: Book, today: dt.date):
    """п. 7.1 keeps the two endings apart: «завершена» is the plan done in full, «прекращена досрочно» any
    other reason. A status that says one and a reason that says the other makes the wrong order (or none)."""
    if not has(book, "pairs", "code", "status", "end_reason"):
        return
    heads = pair_heads(book)
    full = heads["end_reason"] == v.REASON_FULL
    stopped_full = (heads["status"] == v.PAIR_STOPPED) & full
    done_early = (heads["status"] == v.PAIR_DONE) & heads["end_reason"].notna() & ~full
    for rec in records_where(heads, stopped_full.to_numpy()):
        yield book.problem(
            "status_contradicts_reason", ERROR,
            f"Пара (группа) {rec['code']} «{v.PAIR_STOPPED}», а причина — «{v.REASON_FULL}». По п. 7.1 Положения "
            "программа с выполненным планом завершается, а досрочно прекращается по другим основаниям: поставьте "
            f"статус «{v.PAIR_DONE}» или выберите причину досрочного прекращения (от неё зависит приказ).",
            "pairs", rec["_row"], "end_reason", rec["end_reason"], expected="причина досрочного прекращения")
    for rec in records_where(heads, done_early.to_numpy()):
        yield book.problem(
            "status_contradicts_reason", ERROR,
            f"Пара (группа) {rec['code']} «{v.PAIR_DONE}», а причина — «{rec['end_reason']}»: это досрочное "
            f"прекращение, а не завершение (п. 7.1 Положения). Поставьте статус «{v.PAIR_STOPPED}» — тогда будет "
            f"подготовлен приказ о досрочном завершении — или причину «{v.REASON_FULL}», если план выполнен.",
            "pairs", rec["_row"], "status", rec["status"], expected=v.PAIR_STOPPED)


def mentee_done_while_paired(book: Book, today: dt.date):
    """A mentee «завершил» while her pair or group is still a draft, approved or running."""
    if not (has(book, "mentees", "code", "status") and has(book, "pairs", "code", "mentee", "status")):
        return
    pairs = table(book, "pairs").dropna(subset=["code", "mentee"])
    running = pairs[pairs["status"].isin(v.PAIR_ACTIVE).to_numpy()].sort_values("_row").drop_duplicates("mentee")
    running = running.set_index("mentee")[["code", "status"]]
    mentees = coded(book, "mentees")
    done = mentees[((mentees["status"] == v.MENTEE_DONE) & mentees["code"].isin(running.index)).to_numpy()]
    for rec in records(done):
        pair = running.loc[rec["code"]]
        yield book.problem(
            "mentee_done_pair_running", ERROR,
            f"У наставляемого {rec['code']} статус «{v.MENTEE_DONE}», а его пара (группа) {pair['code']} ещё "
            f"в статусе «{pair['status']}». Программу завершают вместе с парой (п. 7.1 Положения): поставьте статус "
            f"«{v.MENTEE_IN_PAIR}» или завершите пару — с фактической датой и причиной.",
            "mentees", rec["_row"], "status", rec["status"], expected=v.MENTEE_IN_PAIR)


RULES = [actual_end_against_start_and_status, reason_not_finished, term_changes, programme_plan,
         status_against_reason, mentee_done_while_paired]
