"""Russian morphology of everything that is not a person's name: counts, positions, organisations, gender.

The project's one place for it (names stay with pytrovich in ``docs/declension.py``). pymorphy3 with
its OpenCorpora dictionary was chosen by test: it knows the nouns and adjectives of school
staff lists and organisation names, and ``make_agree_with_number`` gets «1 пара», «2 пары»,
«5 пар», «11 пар», «21 пара» right; a hand-made table of endings does not scale past the words
someone thought of. Every function is cached: documents repeat the same few phrases.

The API (all functions take and return plain str; cases are named as in ``declension.CASES``):

- ``agree(n, phrase, case="nom")`` — the number and its noun phrase: «14 наставников»,
  «1 пара (группа)», «2 пары (группы)»; with ``case`` the phrase after a preposition: «из 5 программ».
- ``plural(n, phrase, case="nom")`` — the same words without the number («из них завершена одна»).
- ``inflect_position(position, case)`` — the head of a position in a case, dependent words kept:
  «заместитель директора по УВР» → «заместителя директора по УВР» (acc of a person = gen).
- ``inflect_phrase(phrase, case)`` — the same for a thing: «Государственное бюджетное учреждение …»
  → «Государственному бюджетному учреждению …».
- ``by_sex(word, sex)`` — a past form or short participle for «м»/«ж»: «ознакомлен» → «ознакомлена».

A phrase the dictionary does not know is returned unchanged, never garbled: the workbook keeps an
override column for every generated form the curator may need to correct.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CASE = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "pre": "loct"}
_ADJ = ("ADJF", "PRTF")
_WORD = re.compile(r"^([(«\"„]*)([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)([)»\".,;:]*)$")
_SEGMENT = re.compile(r"\([^()]*\)|[^()]+")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _case(case: str) -> str:
    if case not in _CASE:
        raise ValueError(f"unknown case {case!r}; one of {', '.join(_CASE)}")
    return _CASE[case]


def _nominative(word: str, pos: tuple[str, ...]):
    """The word's most likely nominative parse of one of the parts of speech ``pos``, or None."""
    for p in _morph().parse(word):
        if p.tag.POS in pos and p.tag.case == "nomn" and "Abbr" not in p.tag and "Name" not in p.tag:
            return p
    return None


def _keep_case(original: str, new: str) -> str:
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _agrees(adj, noun) -> bool:
    if adj.tag.number != noun.tag.number:
        return False
    return noun.tag.number == "plur" or adj.tag.gender == noun.tag.gender or noun.tag.gender is None


def _head(tokens: list[str]) -> list[tuple[int, object]] | None:
    """Indices and parses of the words that change: leading adjectives and the head noun (or a substantivised
    adjective such as «заведующий»). None when the phrase does not start with a nominative noun phrase."""
    run: list[tuple[int, object]] = []
    for i, token in enumerate(tokens):
        m = _WORD.match(token)
        if not m or (m.group(1) and i) or m.group(2).isupper():
            break  # a quote, bracket or abbreviation ends the noun phrase
        word = m.group(2)
        first = word.split("-")[0]
        noun = _nominative(first, ("NOUN",))
        adj = _nominative(first, _ADJ) or (_nominative(word, _ADJ) if "-" in word else None)
        if noun and (not adj or not _followed_by_noun(tokens, i, adj)):
            if all(_agrees(a, noun) for _, a in run):
                return [*run, (i, noun)]
            break
        if adj:
            if run and not _agrees(adj, run[0][1]):
                break
            run.append((i, adj))
            if m.group(3):
                break
            continue
        break
    if run:
        return run  # «заведующий отделом», «исполняющий обязанности директора»: the last adjective is the head
    return None


def _followed_by_noun(tokens: list[str], i: int, adj) -> bool:
    """Whether an adjective at ``i`` qualifies a noun after it («старший методист») rather than heads the phrase."""
    for token in tokens[i + 1:]:
        m = _WORD.match(token)
        if not m or m.group(1):
            return False
        word = m.group(2).split("-")[0]
        noun = _nominative(word, ("NOUN",))
        if noun and _agrees(adj, noun):
            return True
        nxt = _nominative(word, _ADJ)
        if not nxt or not _agrees(adj, nxt):
            return False
    return False


def _inflect(parse, grammemes: set[str]) -> str | None:
    form = parse.inflect(grammemes)
    return form.word if form else None


def _phrase(phrase: str, case: str, person: bool, number: int | None = None) -> str:
    tokens = phrase.split(" ")
    head = _head(tokens)
    if not head:
        return phrase
    target = _case(case)
    noun = head[-1][1]
    if target == "accs" and (person or "anim" in noun.tag):
        # a person in the accusative: «назначить … заместителя директора», «старшего методиста», but
        # «заведующую отделом»; plural and masculine animates take the genitive form
        plural = noun.tag.number == "plur" if number is None else not (number % 10 == 1 and number % 100 != 11)
        if plural or noun.tag.gender in ("masc", None):
            target = "gent"
    out = list(tokens)
    for i, parse in head:
        m = _WORD.match(tokens[i])
        words = m.group(2).split("-")
        new_words = []
        if "-" in parse.word:  # «информационно-методический»: the dictionary knows the whole word
            new = _form(parse, target, number)
            out[i] = m.group(1) + (_keep_case(m.group(2), new) if new else m.group(2)) + m.group(3)
            continue
        for j, w in enumerate(words):
            p = parse if j == 0 else (_nominative(w, ("NOUN",)) or _nominative(w, _ADJ))
            new = _form(p, target, number) if p is not None else None
            new_words.append(_keep_case(w, new) if new else w)
        out[i] = m.group(1) + "-".join(new_words) + m.group(3)
    return " ".join(out)


def _counted(agreed) -> str:
    """The counting form after a numeral. The dictionary lists two genitive plurals for a few nouns and
    pymorphy3 takes the first: «5 годов». After a number Russian takes the other, dictionary form «лет»
    (OpenCorpora lists it in the same lexeme, so it is looked up there, not spelled here)."""
    if agreed.normal_form == "год" and {"plur", "gent"} <= set(agreed.tag.grammemes):
        forms = [f.word for f in agreed.lexeme if {"plur", "gent"} <= set(f.tag.grammemes)
                 and "Abbr" not in f.tag.grammemes]
        return forms[-1] if forms else agreed.word
    return agreed.word


def _form(parse, target: str, number: int | None) -> str | None:
    if number is not None and target in ("nomn", "accs"):
        agreed = parse.make_agree_with_number(number)
        if agreed is None:
            return None
        if target == "accs" and agreed.tag.case == "nomn":
            return _inflect(agreed, {"accs", "inan"} if agreed.tag.POS in _ADJ else {"accs"}) or agreed.word
        return _counted(agreed)
    gram = {target}
    if number is not None:
        gram.add("sing" if number % 10 == 1 and number % 100 != 11 else "plur")
    if target == "accs" and parse.tag.POS in _ADJ and (parse.tag.gender == "masc" or "plur" in gram):
        gram.add("inan")  # «старший» has an animate and an inanimate accusative; a feminine one has one
    return _inflect(parse, gram) or _inflect(parse, gram - {"inan"})


@lru_cache(maxsize=4096)
def inflect_position(position: str, case: str) -> str:
    """A position with its head in ``case`` and the rest as written: «педагог дополнительного образования»
    → «педагога дополнительного образования» (gen), «старшему методисту» (dat), «заведующую отделом» (acc)."""
    text = (position or "").strip()
    if not text or case == "nom":
        return text
    return _phrase(text, case, person=True)


@lru_cache(maxsize=1024)
def inflect_phrase(phrase: str, case: str) -> str:
    """A thing's name with its head noun phrase in ``case``: an organisation's full name after «даю согласие»."""
    text = (phrase or "").strip()
    if not text or case == "nom":
        return text
    return _phrase(text, case, person=False)


def _number(n) -> str:
    if isinstance(n, int) and abs(n) >= 10_000:
        return f"{n:,}".replace(",", "\u00a0")
    return str(n)


@lru_cache(maxsize=4096)
def plural(n: int, phrase: str, case: str = "nom") -> str:
    """The words of ``phrase`` as they follow the number ``n``: «пары (группы)» for 2, «наставников» for 14.

    Each part of the phrase is agreed on its own: «пара (группа)» → «пар (групп)». A fraction takes the
    genitive singular («1,5 пары»)."""
    if isinstance(n, float):
        if not n.is_integer():
            return "".join(_segment(s, "gen", 1) for s in _SEGMENT.findall(phrase))
        n = int(n)
    n = abs(int(n))
    return "".join(_segment(s, case, n) for s in _SEGMENT.findall(phrase))


def _segment(segment: str, case: str, n: int) -> str:
    inner = segment.startswith("(")
    body = segment[1:-1] if inner else segment
    lead = body[:len(body) - len(body.lstrip())]
    tail = body[len(body.rstrip()):]
    core = body.strip()
    new = _phrase(core, case, person=False, number=n) if core else core
    new = lead + new + tail
    return f"({new})" if inner else new


def agree(n: int, phrase: str, case: str = "nom") -> str:
    """The number and its noun: «0 пар», «1 пара (группа)», «2 пары (группы)», «21 наставник», «14 наставников»."""
    value = n if not isinstance(n, float) or not n.is_integer() else int(n)
    shown = _number(value) if isinstance(value, int) else str(value).replace(".", ",")
    return f"{shown} {plural(value, phrase, case)}"


@lru_cache(maxsize=512)
def by_sex(word: str, sex: str | None) -> str:
    """«ознакомлен», «получил», «зарегистрированный» for «м» (as written) and their feminine forms for «ж».

    Without a sex the masculine form with «(а)» is the honest fallback: «ознакомлен(а)»."""
    if sex == "м":
        return word
    feminine = None
    for p in _morph().parse(word):
        if p.tag.gender == "masc" and p.tag.POS in ("VERB", "PRTS", "PRTF", "ADJF", "ADJS"):
            grams = {"femn"} if p.tag.POS != "VERB" else {"femn", "past"}
            form = p.inflect(grams)
            if form:
                feminine = _keep_case(word, form.word)
                break
    if sex == "ж":
        return feminine or word
    if not feminine:
        return word
    common = 0
    while common < min(len(word), len(feminine)) and word[common] == feminine[common]:
        common += 1
    return f"{word}({feminine[common:]})" if common == len(word) else f"{word} ({feminine})"
