"""The SWOT analysis of the analytic report (МР-42/02, Раздел 2.4): open answers and figures in four quadrants.

The open questions of the bank say which quadrant their answers go to («Раздел SWOT-анализа»: the curator's
К06–К09, the mentees' and mentors' «что было особенно ценно» → strengths, «чего не хватило» → weaknesses). The
figures add what the curator would otherwise copy by hand: her own ratings of the conditions (К01–К05: high →
strengths, low → weaknesses), the growth of the mentees, the federal indicator against its target, overdue
activities. Answers appear without names; the answers of mentors and mentees to a question only when at least
``MIN_RESPONDENTS`` people gave them (``registry.PRIVACY_RULE``). The curator's answers are her own, the author's
of the report, and always appear.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nastavnik.workbook import questionbank as qb

from .frames import Frames
from .registry import FEW_ANSWERS, MIN_RESPONDENTS

STRENGTHS, WEAKNESSES, OPPORTUNITIES, THREATS = qb.SWOT
_WHO = {qb.Q_MENTEE: "наставляемые", qb.Q_MENTOR: "наставники", qb.Q_CURATOR: "куратор"}


@dataclass
class Swot:
    quadrants: dict[str, list[str]] = field(default_factory=lambda: {q: [] for q in qb.SWOT})
    hidden: list[str] = field(default_factory=list)  # «… : менее 3 ответов» for the questions left out

    def add(self, quadrant: str, text: str) -> None:
        if text not in self.quadrants[quadrant]:
            self.quadrants[quadrant].append(text)

    @property
    def empty(self) -> bool:
        return not any(self.quadrants.values())


def _period_answers(f: Frames):
    import pandas as pd

    a = f.answers
    if a.empty:
        return a
    when = pd.to_datetime(a["date"])
    a = a[when.between(f.start, f.as_of).to_numpy() & a["answer"].notna().to_numpy()].copy()
    a["answer"] = a["answer"].astype(str).str.strip()
    return a[a["answer"] != ""]


def _open_answers(s: Swot, a, bank: dict[str, qb.BankQuestion]) -> None:
    for q in bank.values():
        if q.kind != qb.K_TEXT or q.swot not in s.quadrants:
            continue
        part = a[a["question"] == q.code]
        for role, rows in part.groupby("role", sort=False):
            who = _WHO.get(role, str(role))
            if role != qb.Q_CURATOR:
                people = rows["respondent"].dropna().nunique() + int(rows["respondent"].isna().sum())
                if people < MIN_RESPONDENTS:
                    s.hidden.append(f"«{q.text}» ({who}): {FEW_ANSWERS}, ответы не приводятся.")
                    continue
            for text in dict.fromkeys(rows["answer"]):
                s.add(q.swot, f"{text.rstrip('.')} ({who}).")


def _curator_ratings(s: Swot, a, bank: dict[str, qb.BankQuestion]) -> None:
    """The curator's own ratings of the conditions: the upper quarter of the scale a strength, the lower half a
    weakness; the latest answer of each question counts."""
    rated = a[(a["role"] == qb.Q_CURATOR) & a["question"].isin([c for c, q in bank.items() if q.scale])]
    for code, rows in rated.groupby("question", sort=False):
        q = bank[code]
        try:
            mark = float(str(rows.sort_values("date")["answer"].iloc[-1]).replace(",", "."))
        except ValueError:
            continue
        lo, hi = q.scale
        place = (mark - lo) / (hi - lo)
        text = f"«{q.text}» — {mark:g} из {hi} (оценка куратора)."
        if place >= 0.75:
            s.add(STRENGTHS, text)
        elif place <= 0.5:
            s.add(WEAKNESSES, text)


def _figures(s: Swot, d: dict) -> None:
    """A few monitoring figures, by code as ``indicators_dict`` gives them."""
    def val(code):
        return (d.get(code) or {}).get("value")

    share = val("growth_improved_share")
    if share is not None:
        s.add(STRENGTHS if share >= 50 else WEAKNESSES,
              f"Самооценка выросла хотя бы в одном запрошенном направлении у {_n(share)} % наставляемых, "
              "ответивших на входную и итоговую анкеты.")
    fed = d.get("federal_under35_first3") or {}
    if fed.get("value") is not None:
        number = _n(fed["value"])
        if fed.get("status") == "достигнуто":
            s.add(STRENGTHS, f"Федеральный показатель вовлечённости молодых педагогов — {number} % при цели "
                             f"{fed.get('target_text')}.")
        else:
            s.add(WEAKNESSES, f"Федеральный показатель вовлечённости молодых педагогов — {number} %, ниже цели "
                              f"{fed.get('target_text')}.")
    overdue = val("plan_overdue_share")
    if overdue:
        s.add(WEAKNESSES, f"Просрочено {_n(overdue)} % мероприятий планов, срок которых "
                          "наступил.")
    waiting = val("mentees_waiting_too_long")
    if waiting:
        s.add(THREATS, f"Наставляемые ждут пару дольше допустимого срока: {waiting} чел.")


def _n(x) -> str:
    return f"{x:g}".replace(".", ",")


def compute_swot(f: Frames, figures: dict) -> Swot:
    """The SWOT table of the period: open answers by their question's quadrant, the curator's ratings, figures.

    ``figures`` is ``indicators_dict`` of the same period (the report passes the figures it already has)."""
    s = Swot()
    bank = {q.code: q for q in f.bank}
    a = _period_answers(f)
    if not a.empty:
        _open_answers(s, a, bank)
        _curator_ratings(s, a, bank)
    _figures(s, figures)
    return s
