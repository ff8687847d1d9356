"""Who may be named on the website, and scrubbing of free text.

A person is named only when both consents are «да»: processing (consent_pd)
and distribution (consent_publish, a separate document since 01.09.2025).
Anything else — an empty cell, «нет», an unreadable value — means «not named»,
so a mistake in the workbook can only hide a name, never reveal one.

Free text the curator typed (programme titles, results, news) may mention a
person by name; the names of those who did not consent, and everyone's
contacts and birth dates, are replaced before the text reaches a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HIDDEN_NAME = "участник программы"
REDACTED = "[скрыто]"
# Endings a Russian surname takes when declined: Петров → Петрова, Петрову, Петровым…
_SURNAME_ENDINGS = ("", "а", "у", "ым", "ом", "е", "ой", "ою", "ы", "ых", "им", "ими", "ому", "ого")


def yes(value) -> bool:
    """True only for a real «да»: NA, None and «нет» are all «no»."""
    try:
        return bool(value is not None and value == True)  # numpy and pandas booleans
    except TypeError:  # pd.NA refuses to be a bool
        return False


@dataclass
class People:
    """Names that may be shown, by code, and the patterns that must never appear."""

    shown: dict[str, str] = field(default_factory=dict)  # code -> ФИО, only with both consents
    patterns: list = field(default_factory=list)  # re.Pattern, or one compiled on first use
    # For each pattern, a text every match of it contains: (text, casefolded?), or None to always try it.
    needles: list[tuple[str, bool] | None] = field(default_factory=list)
    _index: dict | None = field(default=None, repr=False)

    def name(self, code) -> str:
        return self.shown.get(code, HIDDEN_NAME) if code else HIDDEN_NAME

    def scrub(self, text) -> str | None:
        """Free text with non-consenting names, contacts and birth dates replaced.

        The patterns apply one after another, as written; a district has tens of thousands of them, so
        only those whose needle occurs in the text are tried (the others cannot match), and the
        candidates are looked for again after a replacement changes the text.
        """
        if text is None:
            return None
        text = str(text)
        start = 0
        while True:
            for k in self._candidates(text, start):
                new = self.patterns[k].sub(REDACTED, text)
                if new != text:
                    text, start = new, k + 1
                    break
            else:
                return text

    def _candidates(self, text: str, start: int) -> list[int]:
        if self._index is None:
            self._index = _needle_index(self.patterns, self.needles)
        always, by_prefix = self._index
        found = set(always)
        for source, folded in ((text.casefold(), True), (text, False)):
            # A needle occurs in the text exactly when one of the text's three-letter pieces is its beginning
            # and the needle is found: the pieces as a set, the search in C (a district's site: 17,000 texts).
            grams = {source[i:i + 3] for i in range(len(source) - 2)}
            for gram in grams.intersection(by_prefix):
                for k, needle, fold in by_prefix[gram]:
                    if fold == folded and needle in source:
                        found.add(k)
        return sorted(k for k in found if k >= start)


def _needle_index(patterns: list, needles: list) -> tuple[list[int], dict]:
    """Patterns to try on every text, and the others by the first three characters of their needle."""
    always, by_prefix = [], {}
    for k in range(len(patterns)):
        needle = needles[k] if k < len(needles) else None
        if needle is None or len(needle[0]) < 3:
            always.append(k)
        else:
            by_prefix.setdefault(needle[0][:3], []).append((k, needle[0], needle[1]))
    return always, by_prefix


# A name's first word may be looked for in the casefolded text only when it is Cyrillic: every character that
# matches a Cyrillic letter under re.IGNORECASE casefolds to that letter (checked over all of Unicode).
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё-]+")


def _name_sources(fio: str) -> list[str]:
    words = fio.split()
    surname = re.escape(words[0])
    endings = "|".join(_SURNAME_ENDINGS)
    # The whole name in any case; «Петров К. А.», «Петрову», but not «Петровна» (someone else's patronymic).
    return [r"\s+".join(re.escape(w) + r"\w{0,3}" for w in words),
            rf"(?<![\w-]){surname}(?:{endings})(?![\w-])(?:\s+[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.)?)?"]


def _name_patterns(fio: str) -> list[re.Pattern]:
    return [re.compile(source, re.IGNORECASE) for source in _name_sources(fio)]


class _Lazy:
    """A name's pattern compiled on its first use: a district has thousands of people who did not consent, and
    a text mentions few of them (compiling every pattern up front took longer than the whole site)."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = re.IGNORECASE):
        self.source, self.flags, self._compiled = source, flags, None

    def sub(self, repl: str, text: str) -> str:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled.sub(repl, text)


_PEOPLE_COLUMNS = ("code", "fio", "consent_pd", "consent_publish", "contact", "birth_date")


def people(tables: dict) -> People:
    """Collect consents from both banks; build the scrubbing patterns."""
    import pandas as pd

    result = People()
    secret: set[str] = set()
    for key in ("mentors", "mentees"):
        frame = tables.get(key)
        if frame is None:
            continue
        # Only the columns read here: a district's banks have thirty more, dates among them, each boxed per row.
        frame = frame[[c for c in _PEOPLE_COLUMNS if c in frame.columns]]
        for row in frame.itertuples(index=False):
            code, fio = getattr(row, "code", None), getattr(row, "fio", None)
            if yes(row.consent_pd) and yes(row.consent_publish) and fio and code:
                result.shown[code] = str(fio)
            elif fio:
                found = [_Lazy(source) for source in _name_sources(str(fio))]
                first = str(fio).split()[0]
                needle = (first.casefold(), True) if _CYRILLIC_WORD.fullmatch(first) else None
                result.patterns.extend(found)
                result.needles.extend([needle] * len(found))
            contact = getattr(row, "contact", None)
            if contact:
                secret.add(str(contact))
            birth = getattr(row, "birth_date", None)
            if birth is not None and not pd.isna(birth):
                secret.update({f"{birth:%d.%m.%Y}", f"{birth:%Y-%m-%d}"})
    literals = sorted(secret, key=len, reverse=True)
    result.patterns.extend(_Lazy(re.escape(s), 0) for s in literals)
    result.needles.extend((s, False) for s in literals)
    return result
