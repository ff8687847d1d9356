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
        return bool(value is not None and value == True)  # noqa: E712 - numpy and pandas booleans
    except TypeError:  # pd.NA refuses to be a bool
        return False


@dataclass
class People:
    """Names that may be shown, by code, and the patterns that must never appear."""

    shown: dict[str, str] = field(default_factory=dict)  # code -> ФИО, only with both consents
    patterns: list[re.Pattern] = field(default_factory=list)

    def name(self, code) -> str:
        return self.shown.get(code, HIDDEN_NAME) if code else HIDDEN_NAME

    def scrub(self, text) -> str | None:
        """Free text with non-consenting names, contacts and birth dates replaced."""
        if text is None:
            return None
        text = str(text)
        for pattern in self.patterns:
            text = pattern.sub(REDACTED, text)
        return text


def _name_patterns(fio: str) -> list[re.Pattern]:
    words = fio.split()
    surname = re.escape(words[0])
    endings = "|".join(_SURNAME_ENDINGS)
    out = [re.compile(r"\s+".join(re.escape(w) + r"\w{0,3}" for w in words), re.IGNORECASE)]
    # «Петров К. А.», «Петрову», but not «Петровна» (someone else's patronymic).
    out.append(re.compile(rf"(?<![\w-]){surname}(?:{endings})(?![\w-])(?:\s+[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.)?)?",
                          re.IGNORECASE))
    return out


def people(tables: dict) -> People:
    """Collect consents from both banks; build the scrubbing patterns."""
    result = People()
    secret: set[str] = set()
    for key in ("mentors", "mentees"):
        frame = tables.get(key)
        if frame is None:
            continue
        for row in frame.itertuples(index=False):
            code, fio = getattr(row, "code", None), getattr(row, "fio", None)
            if yes(row.consent_pd) and yes(row.consent_publish) and fio and code:
                result.shown[code] = str(fio)
            elif fio:
                result.patterns.extend(_name_patterns(str(fio)))
            contact = getattr(row, "contact", None)
            if contact:
                secret.add(str(contact))
            birth = getattr(row, "birth_date", None)
            if birth is not None and birth == birth:  # not NaT
                secret.update({f"{birth:%d.%m.%Y}", f"{birth:%Y-%m-%d}"})
    result.patterns.extend(re.compile(re.escape(s)) for s in sorted(secret, key=len, reverse=True))
    return result
