"""Synthetic banks of any size as the matcher's frames, for the benchmark and for brute-force tests.

The people come from ``nastavnik.workbook.samples.synth``, the project's one generator, so the
matcher is timed and tested on the same plausible centre as every other stage
(subjects by focus, sparse requests, capacities 1–4, a few preferred mentors);
only the frames are built here, in memory, without writing a workbook.
"""

from __future__ import annotations

import datetime as dt
import time

from .frames import table

TODAY = dt.date(2026, 11, 25)  # the synthetic data are consistent as of this date, like the demo


def synth_banks(n_mentees: int, n_mentors: int, seed: int = 1, today: dt.date = TODAY):
    """(mentors, mentees, pairs): ``n_mentees`` waiting for a pair, ``n_mentors`` with free places, no pairs.

    The synthetic organisation's weights are the schema's defaults, which is what ``org=None`` gives the matcher.
    """
    from nastavnik.workbook.samples.synth import Size, synth_data

    _, tables = synth_data(Size(n_mentors, n_mentees, 0, 0), seed, today)
    return table("mentors", tables["mentors"]), table("mentees", tables["mentees"]), table("pairs", [])


def solve_random(n_mentees: int, n_mentors: int, seed: int = 1, top: int = 3):
    """Match a synthetic instance; returns (MatchResult, seconds spent in ``match_frames``)."""
    from .core import match_frames

    mentors, mentees, pairs = synth_banks(n_mentees, n_mentors, seed)
    start = time.perf_counter()
    result = match_frames(mentors, mentees, pairs, None, TODAY, top)
    return result, time.perf_counter() - start
