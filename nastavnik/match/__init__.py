"""Pair matching (section 6 of the regulation): who should mentor whom, optimally, and why.

``match_book(book, today, top)`` returns a ``MatchResult``; ``write_match_xlsx``
writes it for the methodological council; ``apply_proposal`` writes the
proposal as pairs «проект» into a copy of the workbook. See ``docs/match.md``.

Layer: analysis. May import ``nastavnik.workbook`` and ``nastavnik.base``; nothing else of the package.
"""

from .core import DEFAULT_TOP, MatchResult, match_book, match_frames

__all__ = ["DEFAULT_TOP", "MatchResult", "match_book", "match_frames", "write_match_xlsx", "apply_proposal",
           "solve_random"]


def write_match_xlsx(result, path, org: str | None = None):
    """The council's «Предложения пар.xlsx»; ``org`` names the organisation in each sheet's title line."""
    from .output import write_match_xlsx as write

    return write(result, path, org)


def apply_proposal(book, result, out_dir, today):
    from .apply import apply_proposal as apply

    return apply(book, result, out_dir, today)


def solve_random(n_mentees: int, n_mentors: int, seed: int = 1, top: int = DEFAULT_TOP):
    """Match the synthetic bank of ``workbook.samples.synth`` in memory: (MatchResult, seconds in ``match_frames``)."""
    from .synthetic import solve_random as run

    return run(n_mentees, n_mentors, seed, top)
