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
