"""Alerts for pairs that have stalled: what a curator must look at this week, not what is unlawful.

Mentoring platforms alert on pairs stuck for three weeks; the regulation's
monitoring (этап 6 дорожной карты) needs a survey before a programme ends.
Three alerts, computed once here and shown the same in three places — ``check``
(as warnings), ``run``'s «Обратите внимание» and the report's «Внимание» list:

- a pair «реализуется» with nothing of its plan done for more than
  ``stall_days`` days of «Организация» (30 by default), counted from the later
  of the pair's start and the last activity done. What is planned ahead does
  not matter: a meeting next month does not make up for a month with nothing
  done. Its activities past their date are named in the same warning, so
  ``check`` warns once per stalled pair, not again at each of those activities
  (``stalled_programmes`` tells ``checks.programmes`` which ones to leave out);
- a pair in force whose (new) planned end falls within 30 days and none of
  whose programmes has a survey row yet;
- a mentor with more mentees in pairs in force than his «Максимум
  наставляемых» (already an error of ``checks.pairs``; here only listed).

The rule is stated for the curator in docs/match.md («Оповещения об остановившихся парах»).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nastavnik.base.problems import WARNING
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import active_pairs, by_code, codes_text, fmt_date, has, pair_heads, records, table

OPEN_ACTIVITY = {v.ACT_PLANNED, v.ACT_MOVED}  # as checks.programmes counts an activity overdue

SURVEY_DAYS = 30  # «a programme ending within a month»


@dataclass(frozen=True)
class Alert:
    """One alert: its problem code, the pair (or mentor) code, the sheet row that locates it, the text."""

    code: str
    subject: str
    row: int | None
    text: str
    overdue: bool = False  # the pair has activities past their date (named in the text)


def stall_days(book: Book) -> int:
    default = next(d for k, _t, _h, d, _lo, _hi in s.MATCH_PARAMS if k == "stall_days")
    try:
        return max(int(book.org.get("stall_days") or default), 1)
    except (TypeError, ValueError):
        return default


def _programmes_of(book: Book) -> dict[str, list[str]]:
    progs = table(book, "programmes").dropna(subset=["code", "pair"])
    out: dict[str, list[str]] = {}
    for code, pair in zip(progs["code"], progs["pair"]):
        out.setdefault(pair, []).append(code)
    return out


def _stalled(book: Book, today: dt.date) -> list[tuple[Alert, list[str]]]:
    """Each stalled pair's alert with the codes of its programmes; once per book and day (the check, its
    programmes rule and ``run``'s alerts all ask)."""
    return book.derived("stalled", ("pairs", "programmes", "plan"), _find_stalled, today, stall_days(book))


def _find_stalled(book: Book, today: dt.date, days: int) -> list[tuple[Alert, list[str]]]:
    import pandas as pd

    if not (has(book, "pairs", "code", "status", "start") and has(book, "programmes", "code", "pair")
            and has(book, "plan", "programme", "status", "planned_date", "actual_date")):
        return []  # a missing column is the reader's one problem, not a stalled pair at every row
    pairs = pair_heads(book)
    running = pairs[pairs["status"] == v.PAIR_RUNNING]
    if running.empty:
        return []
    plan = table(book, "plan")
    done = plan[(plan["status"] == v.ACT_DONE) & plan["actual_date"].notna()]
    last_by_prog = done.groupby("programme")["actual_date"].max().to_dict() if len(done) else {}
    now = pd.Timestamp(today)
    late = plan[plan["status"].isin(OPEN_ACTIVITY) & plan["planned_date"].notna()
                & (plan["planned_date"] < now)].sort_values("planned_date", kind="stable")
    plan_title = book.sheet_titles.get("plan", s.SHEET_BY_KEY["plan"].title)
    progs = _programmes_of(book)
    out = []
    for rec in records(running):
        mine = progs.get(rec["code"], [])
        lasts = [last_by_prog[p] for p in mine if p in last_by_prog]
        last = max(lasts) if lasts else None
        since = max([pd.Timestamp(x) for x in (last, rec["start"]) if x is not None and not pd.isna(x)],
                    default=None)
        if since is None or (now - since).days <= days:
            continue  # something was done within the period (or the pair started within it)
        what = (f"последнее выполненное мероприятие — {fmt_date(last)}" if last is not None
                else f"с начала {fmt_date(rec['start'])} не выполнено ни одного мероприятия плана")
        missed = late[late["programme"].isin(mine)]
        if len(missed):
            rows = [str(r) for r in missed["_row"]]
            what += (f"; не выполнены в срок: {codes_text(fmt_date(d) for d in missed['planned_date'])} (лист "
                     f"«{plan_title}», {'строка' if len(rows) == 1 else 'строки'} {codes_text(rows)})")
        text = (f"Пара {rec['code']} (наставник {rec['mentor'] or '—'}) реализуется, но больше {days} дн. "
                f"без выполненных мероприятий: {what}. Свяжитесь с наставником, обновите план или отметьте "
                "выполненное.")
        out.append((Alert("pair_stalled", rec["code"], rec["_row"], text, overdue=bool(len(missed))), mine))
    return out


def stalled(book: Book, today: dt.date) -> list[Alert]:
    """Pairs «реализуется» with nothing of their plan done for more than ``stall_days`` days."""
    return [alert for alert, _mine in _stalled(book, today)]


def stalled_programmes(book: Book, today: dt.date) -> set[str]:
    """The programmes of stalled pairs: their overdue activities are named in the pair's one warning."""
    return {p for _alert, mine in _stalled(book, today) for p in mine}


def survey_due(book: Book, today: dt.date) -> list[Alert]:
    """Pairs in force ending within a month whose programmes have no survey yet."""
    import pandas as pd

    if not (has(book, "pairs", "code", "status", "planned_end") and has(book, "programmes", "code", "pair")
            and has(book, "surveys", "programme")):
        return []
    pairs = pair_heads(book)
    live = pairs[pairs["status"].isin({v.PAIR_APPROVED, v.PAIR_RUNNING})]
    if live.empty:
        return []
    end = live["new_end"].fillna(live["planned_end"]) if "new_end" in live else live["planned_end"]
    now = pd.Timestamp(today)
    soon = live[((end >= now) & (end <= now + pd.Timedelta(days=SURVEY_DAYS))).fillna(False).to_numpy()]
    surveyed = set(table(book, "surveys")["programme"].dropna())
    progs = _programmes_of(book)
    out = []
    for rec, last in zip(records(soon), end[soon.index]):
        if any(p in surveyed for p in progs.get(rec["code"], ())):
            continue
        out.append(Alert("survey_missing_before_end", rec["code"], rec["_row"],
                         f"Пара {rec['code']} заканчивается {fmt_date(last)}, а анкетирования по её программе ещё "
                         "нет. Проведите анкетирование наставника и наставляемого до окончания (этап 6 дорожной "
                         "карты)."))
    return out


def over_limit(book: Book) -> list[Alert]:
    """Mentors leading more distinct mentees in pairs in force than allowed (the error of ``checks.pairs``)."""
    import pandas as pd

    if not (has(book, "pairs", "mentor", "mentee", "status") and has(book, "mentors", "code", "max_mentees")):
        return []
    act = active_pairs(book).dropna(subset=["mentor", "mentee"]).drop_duplicates(["mentor", "mentee"])
    counts = act.groupby("mentor").size()
    mentors = by_code(book, "mentors")
    out = []
    for code, n in counts.items():
        if code in mentors.index:
            limit = mentors.loc[code, "max_mentees"]
            if not pd.isna(limit) and n > int(limit):
                out.append(Alert("mentor_over_limit", code, int(mentors.loc[code, "_row"]),
                                 f"У наставника {code} в действующих парах {n} наставляемых при максимуме "
                                 f"{int(limit)}."))
    return out


def alerts(book: Book, today: dt.date) -> list[Alert]:
    """Every alert, in the order: stalled pairs, surveys due, mentors over their limit."""
    return [*stalled(book, today), *survey_due(book, today), *over_limit(book)]


def stalled_rule(book: Book, today: dt.date):
    """Every stalled pair, once, as the report and ``run`` list it (its overdue activities in the same text)."""
    for a in stalled(book, today):
        yield book.problem("pair_stalled", WARNING, a.text, "pairs", a.row, "status", v.PAIR_RUNNING)


def survey_rule(book: Book, today: dt.date):
    for a in survey_due(book, today):
        yield book.problem("survey_missing_before_end", WARNING, a.text, "pairs", a.row, "planned_end")


RULES = [stalled_rule, survey_rule]  # the over-limit alert is checks.pairs' error already
