"""Names in the grammatical cases an order needs («назначить куратором Белых Анну Сергеевну»).

pytrovich was chosen by test (ENGINEERING.md): it declined the hard names best
when given an explicit sex and title-cased words. What no rule set gets right
is left to the curator: the override columns ``fio_gen``/``fio_dat``/``fio_acc``
win whenever they are filled.
"""

from __future__ import annotations

import re
from functools import lru_cache

CASES = ("nom", "gen", "dat", "acc", "ins", "pre")
# Turkic patronymic markers: the whole patronymic («Ильхам оглы») stays as it is.
_TURKIC = ("оглы", "кызы", "улы", "уулу", "гызы")
_OVERRIDE = {"gen": "fio_gen", "dat": "fio_dat", "acc": "fio_acc"}


@lru_cache(maxsize=1)
def _maker():
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


def _title(word: str) -> str:
    """«БЕЛОВА-орлова» → «Белова-Орлова»; Turkic markers stay lower-case."""
    if word.isalpha() and word.istitle():  # most names are typed so: letters only, the first capital
        return word.lower() if word.lower() in _TURKIC else word
    if word.lower() in _TURKIC:
        return word.lower()
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@lru_cache(maxsize=16384)
def split_fio(fio: str) -> tuple[str, str, str]:
    """(surname, first name, patronymic) of a full name; the patronymic may be empty or two words."""
    words = [_title(w) for w in re.split(r"\s+", (fio or "").strip()) if w]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return words[0], "", ""
    return words[0], words[1], " ".join(words[2:])


def guess_sex(fio: str) -> str | None:
    """«м»/«ж» from the patronymic when the sex column is empty; None when it cannot tell."""
    _, first, middle = split_fio(fio)
    low = middle.lower()
    if low.endswith(("вна", "чна", "кызы", "гызы")):
        return "ж"
    if low.endswith(("вич", "ич", "оглы", "улы", "уулу")):
        return "м"
    if first:
        from pytrovich.detector import PetrovichGenderDetector
        from pytrovich.enums import Gender

        try:
            g = PetrovichGenderDetector().detect(firstname=first)
        except Exception:  # noqa: BLE001 - unknown names are not an error
            return None
        return {Gender.MALE: "м", Gender.FEMALE: "ж"}.get(g)
    return None


def decline(fio: str, sex: str | None, case: str) -> str:
    """The full name in ``case`` (one of CASES); the input is title-cased first."""
    if case not in CASES:
        raise ValueError(case)
    return _cases(fio, sex, (case,))[0]


@lru_cache(maxsize=1)
def _enums() -> tuple[dict, dict, tuple]:
    from pytrovich.enums import Case, Gender, NamePart

    cases = {"gen": Case.GENITIVE, "dat": Case.DATIVE, "acc": Case.ACCUSATIVE, "ins": Case.INSTRUMENTAL,
             "pre": Case.PREPOSITIONAL}
    genders = {"м": Gender.MALE, "ж": Gender.FEMALE, None: Gender.ANDROGYNOUS}
    return cases, genders, (NamePart.LASTNAME, NamePart.FIRSTNAME, NamePart.MIDDLENAME)


def _cases(fio: str, sex: str | None, cases: tuple[str, ...]) -> list[str]:
    """The name in each of ``cases``, split and its sex settled once (a district declines 40,000 names)."""
    surname, first, middle = split_fio(fio)
    whole = " ".join(p for p in (surname, first, middle) if p)
    if not surname:
        return [whole for _ in cases]
    by_case, genders, (last_part, first_part, middle_part) = _enums()
    sex = sex or guess_sex(fio)
    gender = genders.get(sex if sex in ("м", "ж") else None)
    known = sex in ("м", "ж")
    words = middle.split() if middle else []
    turkic = bool(words) and words[-1].lower() in _TURKIC
    out = []
    for case in cases:
        if case == "nom":
            out.append(whole)
            continue
        pcase = by_case[case]
        parts = [_make(last_part, gender, pcase, surname, known)]
        if first:
            parts.append(_make(first_part, gender, pcase, first, known))
        if middle:
            parts.append(middle if turkic else _make(middle_part, gender, pcase, middle, known))
        out.append(" ".join(parts))
    return out


@lru_cache(maxsize=65536)
def _make(part, gender, pcase, word: str, known: bool) -> str:
    """One word declined by pytrovich, once: first names and patronymics repeat across a district's staff."""
    return _maker().make(part, gender, pcase, word, known)


def initials(fio: str, surname_first: bool = False) -> str:
    """«И.О. Фамилия» for a signature (or «Фамилия И.О.» for lists); no patronymic — «И. Фамилия»."""
    surname, first, middle = split_fio(fio)
    inits = "".join(f"{p[0]}." for p in (first, middle.split()[0] if middle else "") if p)
    if not inits:
        return surname
    return f"{surname} {inits}" if surname_first else f"{inits} {surname}"


def person_forms(fio: str, sex: str | None, overrides: dict | None = None) -> dict[str, str]:
    """Every form a document uses: ``nom gen dat acc ins`` plus ``short`` (И.О. Фамилия) and ``list`` (Фамилия И.О.).

    ``overrides`` is a row of the bank: a filled ``fio_gen``/``fio_dat``/``fio_acc`` is the curator's word and wins.
    """
    forms = dict(_declined(fio or "", sex))
    for case, key in _OVERRIDE.items():
        value = (overrides or {}).get(key)
        if isinstance(value, str) and value.strip():
            forms[case] = value.strip()
    return forms


@lru_cache(maxsize=16384)
def _declined(fio: str, sex: str | None) -> tuple[tuple[str, str], ...]:
    """A name's forms before the curator's overrides, once per name: pytrovich is the slow part of planning.

    A tuple, so no caller can change what the cache hands to the next.
    """
    names = ("nom", "gen", "dat", "acc", "ins")
    forms = list(zip(names, _cases(fio, sex, names)))
    return (*forms, ("short", initials(fio)), ("list", initials(fio, surname_first=True)))
