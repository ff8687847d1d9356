"""Random banks of any size, for the benchmark and for brute-force tests of the solver.

The banks are plausible rather than uniform noise: subjects come from a short
list of real объединения, requests are sparse, capacities are 1–3, a few
mentees name a preferred mentor — so the score matrix has the ties and the
structure of a real centre, which is what makes an assignment solver slow.
"""

from __future__ import annotations

import datetime as dt
import time

from .. import vocab as v
from .frames import table

SUBJECTS = [
    "робототехника", "Робототехника и LEGO-конструирование", "3D-моделирование", "авиамоделирование",
    "судомоделирование", "программирование (Python)", "веб-разработка", "электроника и схемотехника",
    "компьютерная графика", "экология", "спортивное ориентирование", "шахматы", "хореография", "вокал",
    "краеведение", "журналистика", "начальное техническое моделирование", "картинг",
]
DEPARTMENTS = ["Отдел технического творчества", "Отдел информационных технологий", "Методический отдел",
               "Отдел спортивно-технических видов", "Отдел естественных наук", "Художественный отдел"]


def random_banks(n_mentees: int, n_mentors: int, seed: int = 0):
    """(mentors, mentees, pairs) DataFrames shaped like the reader's."""
    import numpy as np

    rng = np.random.default_rng(seed)
    dirs = list(v.DIRECTIONS)
    today = dt.date(2026, 11, 25)
    mentors = []
    for j in range(n_mentors):
        comps = set(rng.choice(dirs, size=int(rng.integers(2, 6)), replace=False))
        row = {
            "code": f"Н-{j + 1:05d}", "fio": f"Наставник{j} Иван Иванович", "sex": "м",
            "birth_date": dt.date(int(rng.integers(1960, 2000)), 1, 1), "position": "педагог",
            "department": DEPARTMENTS[int(rng.integers(len(DEPARTMENTS)))],
            "ped_experience": int(rng.integers(3, 40)),
            "qual_category": v.QUAL_CATEGORIES[int(rng.integers(1, len(v.QUAL_CATEGORIES)))],
            "focus": v.FOCUSES[int(rng.integers(len(v.FOCUSES)))],
            "subject": "; ".join(rng.choice(SUBJECTS, size=int(rng.integers(1, 3)), replace=False)),
            "kinds": () if rng.random() < 0.5 else tuple(rng.choice(v.KINDS, size=3, replace=False)),
            "format": v.FORMATS[int(rng.integers(3))], "max_mentees": int(rng.integers(1, 4)),
            "consent_pd": bool(rng.random() < 0.97), "date_added": today,
            "status": v.MENTOR_STATUS_ACTIVE if rng.random() < 0.95 else v.MENTOR_STATUS_LEFT,
        }
        row.update({f"comp_{d}": d in comps for d in dirs})
        mentors.append(row)
    mentees = []
    for i in range(n_mentees):
        reqs = set(rng.choice(dirs, size=int(rng.integers(1, 4)), replace=False))
        row = {
            "code": f"П-{i + 1:05d}", "fio": f"Наставляемый{i} Пётр Петрович", "sex": "м",
            "birth_date": dt.date(int(rng.integers(1965, 2005)), 1, 1), "position": "педагог",
            "department": DEPARTMENTS[int(rng.integers(len(DEPARTMENTS)))],
            "ped_experience": int(rng.integers(0, 30)),
            "qual_category": v.QUAL_CATEGORIES[int(rng.integers(0, 3))],
            "category": v.MENTEE_CATEGORIES[int(rng.integers(len(v.MENTEE_CATEGORIES)))],
            "focus": v.FOCUSES[int(rng.integers(len(v.FOCUSES)))],
            "subject": SUBJECTS[int(rng.integers(len(SUBJECTS)))],
            "format": v.FORMATS[int(rng.integers(3))],
            "kind": v.KINDS[int(rng.integers(len(v.KINDS)))] if rng.random() < 0.7 else None,
            "preferred_mentor": f"Н-{int(rng.integers(n_mentors)) + 1:05d}" if rng.random() < 0.1 else None,
            "consent_pd": bool(rng.random() < 0.97), "date_added": today, "status": v.MENTEE_WAITING,
        }
        row.update({f"req_{d}": d in reqs for d in dirs})
        mentees.append(row)
    return table("mentors", mentors), table("mentees", mentees), table("pairs", [])


def solve_random(n_mentees: int, n_mentors: int, seed: int = 0, top: int = 3):
    """Match a random instance; returns (MatchResult, seconds spent in ``match_frames``)."""
    from .core import match_frames

    mentors, mentees, pairs = random_banks(n_mentees, n_mentors, seed)
    start = time.perf_counter()
    result = match_frames(mentors, mentees, pairs, None, dt.date(2026, 11, 25), top)
    return result, time.perf_counter() - start
