"""Numbers in Russian text: a decimal comma, no trailing zeros, and the noun in the right form."""

from __future__ import annotations

PAIRS = ("наставническая пара", "наставнические пары", "наставнических пар")
GROUPS = ("наставническая группа", "наставнические группы", "наставнических групп")
MENTORS = ("наставник", "наставника", "наставников")
MENTEES = ("наставляемый", "наставляемых", "наставляемых")


def num(x) -> str:
    """8 → «8», 13.8 → «13,8», 8.51 → «8,51», None → «—», True → «да»."""
    if x is None:
        return "—"
    if isinstance(x, bool):
        return "да" if x else "нет"
    if isinstance(x, float):
        if x.is_integer():
            return str(int(x))
        return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(x, int) and abs(x) >= 10_000:
        return f"{x:,}".replace(",", "\u00a0")  # 10 000: digits in threes from five digits on
    return str(x)


def plural(n, one: str, few: str, many: str) -> str:
    """«1 пара», «3 пары», «5 пар», «11 пар», «21 пара» (a fraction takes the genitive singular: «1,5 пары»)."""
    if isinstance(n, float) and not n.is_integer():
        return f"{num(n)} {few}"
    n = int(n or 0)
    tail, tail2 = n % 10, n % 100
    if tail == 1 and tail2 != 11:
        word = one
    elif 2 <= tail <= 4 and not 12 <= tail2 <= 14:
        word = few
    else:
        word = many
    return f"{n} {word}"


def points(gap: float) -> str:
    """A gap in percentage points: «5 процентных пунктов», «12,5 процентного пункта»."""
    if float(gap).is_integer():
        return plural(int(gap), "процентный пункт", "процентных пункта", "процентных пунктов")
    return f"{num(gap)} процентного пункта"


# --- a type's own words --------------------------------------------------------------------------------------------
# They live in one place, with the types themselves (``workbook.orgtypes``); the documents read them from there.
from nastavnik.workbook.orgtypes import TYPE_WORDS, direction_title, type_words  # noqa: E402,F401

# --- agreement with a count ----------------------------------------------------------------------------------------

def _is_one(n) -> bool:
    """A count that takes the singular verb: 1, 21, 101 … but not 11 (and not a fraction)."""
    if isinstance(n, float) and not n.is_integer():
        return False
    n = abs(int(n or 0))
    return n % 10 == 1 and n % 100 != 11


def verb(n, plural_verb: str) -> str:
    """The verb before or after a count: «участвует 21 наставляемый», «участвуют 22 наставляемых».

    The singular comes from the morphology dictionary (pymorphy), not from a table of endings."""
    if not _is_one(n):
        return plural_verb
    from nastavnik.base import morph

    for p in morph._morph().parse(plural_verb):
        if p.tag.POS == "VERB" and "plur" in p.tag:
            form = p.inflect({"sing"} | ({"3per"} if "pres" in p.tag or "futr" in p.tag else {"neut"}))
            if form:
                return morph._keep_case(plural_verb, form.word)
    return plural_verb


def money(value) -> str:
    """«2 875,50 рубля», «3 000 рублей», «1 рубль»: thousands apart, kopecks when there are any, the noun agreed."""
    from nastavnik.base import morph

    amount = round(float(value), 2)
    whole = int(amount)
    digits = f"{whole:,}".replace(",", "\u00a0")
    if amount != whole:
        return f"{digits},{round((amount - whole) * 100):02d} {morph.plural(amount, 'рубль')}"
    return f"{digits} {morph.plural(whole, 'рубль')}"
