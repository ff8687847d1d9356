"""Who owes which survey round today, and that person's own form for it (for the letters of ``remind``).

The rounds of «Вопросы анкет» (template 1.7) have their own moments in a programme:

- **входная** — as soon as the pair is approved or running, until «Ответы анкет» holds an entry answer of that
  person for that programme, or the programme reaches its middle (below): an entry answer is late then, and the
  midway form is the one she fills (``entry_late``);
- **первые недели** — the fit check, 3 to 6 weeks after the programme's start, while the pair is running and
  «Ответы анкет» has no answer of hers of that round;
- **промежуточная** — once the programme passes its middle: its own «Срок промежуточных результатов» of
  «Программы» when the curator set one, else halfway between its start and its end; while the pair is running,
  its end is more than a month away (then the final round is the one due) and «Ответы анкет» has no answer of
  hers of that round;
- **итоговая** — the existing rule of ``checks.stalled.survey_due``: the pair ends within a month and
  «Анкетирование» has nothing of its programmes. It takes over: a programme near its end asks nobody its entry
  questions.

A round is due only to a role the bank asks something in it. A book without «Ответы анкет» (before template 1.7)
cannot record the entry and fit rounds, so it is reminded of the final survey only: everyone's entry survey would
otherwise be due at once, months after the start.

The person's form is the one ``forms --kind анкета --round ЭТАП`` makes for her (same folder, same name), written
only for her, so that her letter carries it as the mentor's letter carries his diary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import vocab as v

from .people import plain, table_rows

FIT_FROM, FIT_UNTIL = 21, 42  # days after the start: «через 3–6 недель»
KIND = "анкета"


@dataclass(frozen=True)
class SurveyDue:
    code: str  # the person
    role: str  # v.ROLE_MENTOR or v.ROLE_MENTEE
    programme: str
    pair: str
    round: str
    end: dt.date | None = None  # for the final round: the programme's (new) end
    middle: dt.date | None = None  # for the midway round: the date it became due
    own_middle: bool = False  # that date is the programme's «Срок промежуточных результатов», not half its term


def _answered(book) -> set[tuple] | None:
    """(respondent, programme, round) answered on «Ответы анкет»; None when the book has no such sheet."""
    columns = getattr(book, "columns", {}) or {}
    frame = (getattr(book, "tables", {}) or {}).get(qb.ANSWERS.key)
    if qb.ANSWERS.key not in columns or frame is None:
        return None
    if not {"respondent", "programme", "round"} <= set(frame.columns):
        return None  # an old sheet without a column: the reader names it
    return {(plain(r), plain(p), plain(o)) for r, p, o in zip(frame["respondent"], frame["programme"], frame["round"])}


def middle_of(prog: dict, start, end) -> dt.date | None:
    """When a programme is halfway: «Срок промежуточных результатов» when set, else the middle of its term."""
    own = prog.get("intermediate_date")
    if isinstance(own, dt.date):
        return own
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end > start:
        return start + (end - start) / 2
    return None


def _midway(today: dt.date, start, end, middle) -> bool:
    """Past the middle and more than a month before the end, when the final round takes over."""
    from nastavnik.checks.stalled import SURVEY_DAYS

    return middle is not None and middle <= today and (not isinstance(end, dt.date)
                                                       or today < end - dt.timedelta(days=SURVEY_DAYS)) \
        and (not isinstance(start, dt.date) or start <= today)


def entry_late(today: dt.date, middle) -> bool:
    """The entry round is no longer asked once the programme reaches its middle, when the midway round is due:
    «what do you expect» half-way through is a late answer of another question; the midway form is hers then."""
    return middle is not None and middle <= today


def surveys_due(book, today: dt.date) -> list[SurveyDue]:
    """Every (person, programme, round) due today, mentors and mentees alike, in the sheet's order."""
    from nastavnik.checks.stalled import survey_due

    pairs, progs = book.tables.get("pairs"), book.tables.get("programmes")
    if pairs is None or progs is None or pairs.empty or progs.empty \
            or not {"code", "status", "mentor", "mentee"} <= set(pairs.columns) \
            or not {"code", "pair"} <= set(progs.columns):
        return []
    final = {a.subject for a in survey_due(book, today)}
    answered = _answered(book)
    asks = {(role, r): bool(qb.asked(book, role, r)) for role in v.ROLES
            for r in (qb.ROUND_ENTRY, qb.ROUND_FIT, qb.ROUND_MID)}
    out, seen = [], set()
    by_code: dict = {}
    for pair in table_rows(pairs):  # a group is several rows of one code, in the sheet's order
        if pair.get("code") is not None:
            by_code.setdefault(pair["code"], []).append(pair)
    for prog in table_rows(progs):
        for pair in by_code.get(prog.get("pair"), ()):
            status = pair.get("status")
            if status not in (v.PAIR_APPROVED, v.PAIR_RUNNING) or not prog.get("code"):
                continue
            start = prog.get("start") if isinstance(prog.get("start"), dt.date) else pair.get("start")
            end = pair.get("new_end") or pair.get("planned_end")
            middle = middle_of(prog, start, prog.get("end") if isinstance(prog.get("end"), dt.date) else end)
            for role, code in ((v.ROLE_MENTOR, pair.get("mentor")), (v.ROLE_MENTEE, pair.get("mentee"))):
                if not code or (code, prog["code"]) in seen:
                    continue
                seen.add((code, prog["code"]))
                due = []
                if pair["code"] in final:
                    due.append(qb.ROUND_FINAL)
                elif answered is not None:
                    if asks[role, qb.ROUND_ENTRY] and not entry_late(today, middle) \
                            and (code, prog["code"], qb.ROUND_ENTRY) not in answered:
                        due.append(qb.ROUND_ENTRY)
                    weeks = (today - start).days if isinstance(start, dt.date) else None
                    if status == v.PAIR_RUNNING and weeks is not None and FIT_FROM <= weeks <= FIT_UNTIL \
                            and asks[role, qb.ROUND_FIT] and (code, prog["code"], qb.ROUND_FIT) not in answered:
                        due.append(qb.ROUND_FIT)
                    if status == v.PAIR_RUNNING and _midway(today, start, end, middle) \
                            and asks[role, qb.ROUND_MID] and (code, prog["code"], qb.ROUND_MID) not in answered:
                        due.append(qb.ROUND_MID)
                own = isinstance(prog.get("intermediate_date"), dt.date)
                out += [SurveyDue(code, role, prog["code"], pair["code"], r,
                                  end if isinstance(end, dt.date) else None,
                                  middle if r == qb.ROUND_MID else None, own and r == qb.ROUND_MID) for r in due]
    return out


def item(due: SurveyDue, attached: bool) -> str:
    """The letter's line about one survey: the round by its name on «Вопросы анкет», and where the form is."""
    where = ("анкета приложена к письму: заполните её и верните куратору" if attached
             else "анкету пришлёт куратор")
    if due.round == qb.ROUND_FINAL:
        when = f" до окончания программы ({due.end:%d.%m.%Y})" if due.end else " до окончания программы"
        return (f"Программа {due.programme}: пройдите итоговое анкетирование (этап «{due.round}»){when} — о "
                f"удовлетворённости и качестве программы (этап 6 дорожной карты); {where}.")
    if due.round == qb.ROUND_MID:
        when = ("наступил срок промежуточных результатов" if due.own_middle else "позади половина срока") + \
            (f" ({due.middle:%d.%m.%Y})" if due.middle else "")
        return (f"Программа {due.programme}: {when} — заполните промежуточную анкету "
                f"(этап «{due.round}»): как идёт работа по программе; {where}.")
    if due.round == qb.ROUND_FIT:
        return (f"Программа {due.programme}: позади первые недели работы — заполните анкету первых недель (этап "
                f"«{due.round}»): подходит ли вам пара (группа); {where}.")
    return (f"Программа {due.programme}: заполните входную анкету (этап «{due.round}», в начале программы); "
            f"{where}.")


class Forms:
    """The personal forms ``forms`` makes for a round, looked up by (person, programme); written on demand."""

    def __init__(self, book, today: dt.date):
        self.book, self.today = book, today
        self._targets: dict[str, dict] = {}

    def target(self, due: SurveyDue):
        from .people import targets

        if due.round not in self._targets:
            self._targets[due.round] = {(t.code, t.programme): t for t in targets(self.book, KIND, due.round)
                                        if t.code}
        return self._targets[due.round].get((due.code, due.programme))

    def write(self, due: SurveyDue, out_dir) -> Path | None:
        """Her form of the round (.xlsx) where ``forms`` would put it; None when the bank gives her no form."""
        from nastavnik.base.safeio import safe_filename
        from nastavnik.forms import forms_folder_name
        from nastavnik.workbook.newyear import year_label, year_of

        from .xlsx_form import write_form

        t = self.target(due)
        if t is None:
            return None
        org = self.book.org.get("short_name") or self.book.org.get("full_name")
        year = year_label(year_of(self.book, self.today))
        folder = Path(out_dir) / forms_folder_name(KIND, due.round)
        name = safe_filename(f"{t.programme} {t.code} {t.fio or ''}".strip())
        return write_form(folder / f"{name}.xlsx", KIND, t, self.today, org, self.book, year, due.round)
