"""The demos' «Ответы анкет»: the bundled bank answered by mentees, mentors and the curator, round by round.

Entry forms for every pair that has begun (a mentee rates all nine directions, low where she asked for help);
final forms where a programme ended — completed in full, or stopped, when the mentee fills the final form on
leaving; the curator's form about the conditions with her SWOT answers. A mentee's final rating rises mostly in
the directions she asked help in, so the growth table has something to show. The answers are a pure function
of the demo's pairs and a seed; no other sheet changes, so every other figure of the demos stays as it was.
"""

from __future__ import annotations

import datetime as dt
import random

from nastavnik.workbook import questionbank as qb
from nastavnik.workbook import vocab as v

D = dt.timedelta
DIRECTION_ITEMS = {key: f"Н{i:02d}" for i, key in enumerate(v.DIRECTIONS, 1)}
_FORMS = ("консультации", "посещение и анализ занятий", "совместная разработка материалов",
          "открытые занятия наставника", "мастер-классы", "дистанционное общение")
_EXPERIENCE = ("нет опыта", "до 1 года", "от 1 до 3 лет", "больше 3 лет")


def demo_answers(pairs: list[dict], mentees: list[dict], programmes: list[dict], as_of: dt.date, seed: int,
                 texts: dict[str, tuple[str, ...]]) -> list[dict]:
    """The rows of «Ответы анкет» for the demo's pairs as of ``as_of``.

    ``texts`` holds the open answers in the organisation's own words: ``valuable``, ``missing`` (mentees),
    ``mentor_valuable``, ``mentor_missing``, ``mentor_support`` and the curator's ``curator`` (four answers:
    strengths, weaknesses, opportunities, threats).
    """
    rnd = random.Random(seed)
    people = {m["code"]: m for m in mentees}
    programme_of = {p["pair"]: p["code"] for p in programmes}
    rows: list[dict] = []

    def add(who, role, programme, round_, when, question, answer):
        rows.append({"respondent": who, "role": role, "programme": programme, "round": round_, "date": when,
                     "question": question, "answer": str(answer)})

    seen_mentor: set[tuple[str, str]] = set()
    for p in pairs:
        if p.get("status") == v.PAIR_DRAFT or p["start"] > as_of or p["code"] not in programme_of:
            continue
        prog, mentee = programme_of[p["code"]], people[p["mentee"]]
        entry = min(as_of, p["start"] + D(days=2))
        ended = p.get("actual_end")
        final = ended if ended is not None and ended <= as_of else None
        asked = {k for k in v.DIRECTIONS if mentee.get(f"req_{k}")}
        marks = {}
        for key, code in DIRECTION_ITEMS.items():
            marks[key] = rnd.randint(1, 3) if key in asked else rnd.randint(3, 5)
            add(mentee["code"], qb.Q_MENTEE, prog, qb.ROUND_ENTRY, entry, code, marks[key])
        add(mentee["code"], qb.Q_MENTEE, prog, qb.ROUND_ENTRY, entry, "Н10", mentee.get("request_text") or "—")
        add(mentee["code"], qb.Q_MENTEE, prog, qb.ROUND_ENTRY, entry, "Н11", "; ".join(rnd.sample(_FORMS, 2)))
        mentor_key = (p["mentor"], p["code"])
        if mentor_key not in seen_mentor:  # a group's mentor answers once for the group
            seen_mentor.add(mentor_key)
            add(p["mentor"], qb.Q_MENTOR, prog, qb.ROUND_ENTRY, entry, "С01", rnd.choice(_EXPERIENCE[1:]))
            add(p["mentor"], qb.Q_MENTOR, prog, qb.ROUND_ENTRY, entry, "С02",
                texts["mentor_support"][len(seen_mentor) % len(texts["mentor_support"])])
        if final is None:
            continue
        stopped = p.get("status") == v.PAIR_STOPPED
        for key, code in DIRECTION_ITEMS.items():
            step = (rnd.randint(0, 1) if stopped else rnd.randint(1, 2)) if key in asked else rnd.randint(0, 1)
            add(mentee["code"], qb.Q_MENTEE, prog, qb.ROUND_FINAL, final, code, min(5, marks[key] + step))
        n = len([r for r in rows if r["question"] == "Н14"])
        add(mentee["code"], qb.Q_MENTEE, prog, qb.ROUND_FINAL, final, "Н12", 3 if stopped else rnd.randint(4, 5))
        add(mentee["code"], qb.Q_MENTEE, prog, qb.ROUND_FINAL, final, "Н14", texts["valuable"][n % len(texts["valuable"])])
        add(mentee["code"], qb.Q_MENTEE, prog, qb.ROUND_FINAL, final, "Н15", texts["missing"][n % len(texts["missing"])])
        add(mentee["code"], qb.Q_MENTEE, prog, qb.ROUND_FINAL, final, "Н16", "нет" if stopped else "да")
        add(p["mentor"], qb.Q_MENTOR, prog, qb.ROUND_FINAL, final, "С03", 3 if stopped else rnd.randint(4, 5))
        add(p["mentor"], qb.Q_MENTOR, prog, qb.ROUND_FINAL, final, "С04", 3 if stopped else rnd.randint(4, 5))
        add(p["mentor"], qb.Q_MENTOR, prog, qb.ROUND_FINAL, final, "С05",
            texts["mentor_valuable"][n % len(texts["mentor_valuable"])])
        add(p["mentor"], qb.Q_MENTOR, prog, qb.ROUND_FINAL, final, "С06",
            texts["mentor_missing"][n % len(texts["mentor_missing"])])
    when = as_of - D(days=3)
    for code, mark in zip(("К01", "К02", "К03", "К04", "К05"), (5, 4, 2, 4, 3)):
        add(None, qb.Q_CURATOR, None, qb.ROUND_FINAL, when, code, mark)
    for code, text in zip(("К06", "К07", "К08", "К09"), texts["curator"]):
        add(None, qb.Q_CURATOR, None, qb.ROUND_FINAL, when, code, text)
    return rows
