"""From the typed Book to each document's context: plain dicts of ready-to-print Russian strings.

Everything a template shows is decided here, so the templates stay free of logic
a curator could break: dates in one form (ДД.ММ.ГГГГ), blanks («__.__.____»,
«____») where the workbook has no value yet, names already in the case the
sentence needs. The contexts are pickled to the worker processes, so they hold
only str, int, list and dict.
"""

from __future__ import annotations

import datetime as dt
import math
from contextlib import contextmanager
from typing import Any

from nastavnik.base import morph
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.rows import plain_records

from .declension import person_forms

BLANK_DATE = "__.__.____"
BLANK_NO = "____"


_PLAIN = (str, int, bool, dt.date, tuple)
NBSP, NBHYPHEN = "\u00a0", "\u2011"


def unbreakable(value: str) -> str:
    """«Санкт-Петербург» with a non-breaking hyphen, «№ 614» with a non-breaking space: neither the city's name
    nor a school's number splits at a line end (a line ending in a bare «№» reads as a blank to fill in)."""
    return value.replace("Санкт-Петербург", f"Санкт{NBHYPHEN}Петербург").replace("№ ", f"№{NBSP}")


def clean(value: Any) -> Any:
    """pandas' NaT / NaN / NA → None; Timestamps → date; everything else as is."""
    if value is None or type(value) in _PLAIN:  # most cells: answered without touching pandas
        return value
    try:
        import pandas as pd

        if value is pd.NaT or value is pd.NA:
            return None
        if isinstance(value, pd.Timestamp):
            return value.date()
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def fdate(value: Any, blank: str = BLANK_DATE) -> str:
    value = clean(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.day:02d}.{value.month:02d}.{value.year}"  # strftime's «%d.%m.%Y», 4 × faster
    return blank


def text(value: Any, blank: str = "") -> str:
    if type(value) is str:  # most values: answered at once (a district's planning asks half a million times)
        return value or blank
    value = clean(value)
    if value is None or value == "":
        return blank
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, (dt.date, dt.datetime)):
        return fdate(value)
    if isinstance(value, float):
        return f"{value:,.2f}".replace(",", " ").replace(".", ",").removesuffix(",00")
    if isinstance(value, (tuple, list)):
        return "; ".join(str(x) for x in value)
    return str(value)


def _rows(book, sheet_key: str) -> list[dict]:
    """The sheet's rows with ``clean``'s plain values, converted column by column (``workbook.rows``)."""
    return plain_records(book.tables.get(sheet_key))


class _Shared:
    """What every kind of one planning reads: each sheet's rows and both banks' people, built once.

    At district scale (10 000 people) rebuilding them for each of the dozen kinds cost more than
    everything else in planning; the book does not change while its documents are planned.
    """

    def __init__(self, book):
        self.book = book
        self.rows: dict[str, list[dict]] = {}
        self.people: People | None = None
        self.groups: list[dict] | None = None
        self.involvement: dict | None = None


_SHARED: _Shared | None = None


@contextmanager
def shared(book):
    """Within the block, ``records`` and ``people_of`` of ``book`` are built once and then reused.

    Scoped to a block rather than cached on the Book, so a caller that changes the book's tables
    between two plannings never gets stale rows.
    """
    global _SHARED
    if _SHARED is not None and _SHARED.book is book:  # nested in a block of the same book: its rows hold
        yield
        return
    outer = _SHARED
    _SHARED = _Shared(book)
    try:
        yield
    finally:
        _SHARED = outer


def _memo(book) -> _Shared | None:
    return _SHARED if _SHARED is not None and _SHARED.book is book else None


def records(book, sheet_key: str) -> list[dict]:
    """The sheet's rows as dicts of plain values; the dicts may be shared between kinds: read them, never change."""
    memo = _memo(book)
    if memo is None:
        return _rows(book, sheet_key)
    if sheet_key not in memo.rows:
        memo.rows[sheet_key] = _rows(book, sheet_key)
    return list(memo.rows[sheet_key])


# --- people -------------------------------------------------------------------------------------------------------

_BANK = {"mentors": ("наставник", "наставников"), "mentees": ("наставляемый", "наставляемых")}


_POSITION_OVERRIDE = {"gen": "position_gen", "dat": "position_dat", "acc": "position_acc"}


def position_forms(position: str, row: dict | None = None) -> dict[str, str]:
    """``position_gen/_dat/_acc/_ins``: the head declined by morph («заместителя директора по УВР»), unless
    the curator wrote the form into the override column of the bank."""
    out = {}
    for case in ("gen", "dat", "acc", "ins"):
        value = (row or {}).get(_POSITION_OVERRIDE.get(case, ""))
        out[f"position_{case}"] = value.strip() if isinstance(value, str) and value.strip() else \
            morph.inflect_position(position, case)
    return out


def sex_words(sex: str | None) -> dict[str, str]:
    """The words of a form that follow the signer's sex («ознакомлен» / «ознакомлена»): from «Пол»."""
    return {"acquainted_word": morph.by_sex("ознакомлен", sex), "received": morph.by_sex("получил", sex),
            "registered": morph.by_sex("зарегистрированный", sex),
            "named": "именуемая" if sex == "ж" else "именуемый"}


def person(row: dict, bank: str) -> dict:
    """A person as every template sees them: the name in five cases, initials, position in four."""
    fio = text(row.get("fio"))
    sex = row.get("sex")
    forms = dict(person_forms(fio, sex, row))
    forms["short"] = forms["short"].replace(" ", NBSP)  # «А.С. Белых» never splits at a line end (ГОСТ Р 7.0.97)
    dep = unbreakable(text(row.get("department")))
    position = text(row.get("position"))
    return {
        "code": text(row.get("code")), "fio": forms["nom"], "sex": text(sex), **forms,
        "position": position, **position_forms(position, row), "department": dep,
        "department_text": f", {dep}" if dep else "", "contact": text(row.get("contact")),
        "contact_text": text(row.get("contact"), "_" * 40),
        "role": _BANK[bank][0], "bank_gen": _BANK[bank][1], **sex_words(sex if sex in ("м", "ж") else None),
    }


class People:
    """Both banks indexed by code, each person declined once (``people_of`` shares one per planning)."""

    def __init__(self, book):
        self.rows = {"mentors": {r["code"]: r for r in records(book, "mentors") if r.get("code")},
                     "mentees": {r["code"]: r for r in records(book, "mentees") if r.get("code")}}
        self._cache: dict[tuple[str, str], dict] = {}

    def get(self, bank: str, code: str | None) -> dict:
        key = (bank, code or "")
        if key not in self._cache:
            row = self.rows[bank].get(code) or {"code": code, "fio": f"[нет в банке: {code}]"}
            self._cache[key] = person(row, bank)
        return self._cache[key]


def people_of(book) -> People:
    """The planning's shared People of ``book`` (see ``shared``), or a new one outside a planning."""
    memo = _memo(book)
    if memo is None:
        return People(book)
    if memo.people is None:
        memo.people = People(book)
    return memo.people


def group_words(mentees: list[dict]) -> dict:
    """The mentees of a pair or group joined in every case, with the noun in the right number."""
    many = len(mentees) > 1
    # «наставляемый» is a participle: one woman is «закрепить за наставляемой», not «за наставляемым».
    sex = None if many or not mentees else (mentees[0].get("sex") or None)
    return {
        "mentees": mentees,
        "mentees_text": "\n".join(f"{m['fio']}, {m['position']}" for m in mentees),
        "mentees_gen": ", ".join(m["gen"] for m in mentees),
        "mentees_ins": ", ".join(m["ins"] for m in mentees),
        "mentees_word_gen": "наставляемых" if many else _of_sex("наставляемого", sex),
        "mentees_label": "Наставляемые" if many else _of_sex("Наставляемый", sex),
        "mentees_word_ins": "наставляемыми" if many else _of_sex("наставляемым", sex),
    }


def _of_sex(word: str, sex: str | None) -> str:
    """The word for a woman when «Пол» says «ж»; otherwise as written (the regulation's masculine)."""
    return morph.by_sex(word, "ж") if sex == "ж" else word


# --- organisation and orders ---------------------------------------------------------------------------------------

def org_context(book) -> dict:
    """Every organisation field of the schema as text, plus the director's and curator's forms."""
    org = {f.key: (fdate(book.org.get(f.key), "") if f.kind == s.DATE else text(book.org.get(f.key)))
           for f in s.ORG_FIELDS}
    position = org.get("director_position") or "Директор"
    director = person_forms(org.get("director_fio", ""), book.org.get("director_sex"))
    dat, gen = morph.inflect_position(position, "dat"), morph.inflect_position(position, "gen")
    org.update(director_position=position, director_short=director["short"].replace(" ", NBSP),
               director_position_gen=gen[:1].lower() + gen[1:],
               director_position_dat=dat[:1].upper() + dat[1:],
               full_name_dat=org.get("full_name_dat") or morph.inflect_phrase(org.get("full_name", ""), "dat"))
    recipient = org.get("report_recipient")
    org["report_recipient_text"] = (morph.inflect_phrase(recipient, "dat") if recipient else
                                    "органу, которому оператор представляет отчётность о наставничестве (учредителю, "
                                    "районному методическому центру): ______________________________")
    org["contacts"], org["letterhead"] = letterhead(book)
    for key, blank in (("inn", "__________"), ("ogrn", "_____________"), ("address", "______________________")):
        org[key] = org.get(key) or blank
    for key in ("full_name", "full_name_dat", "short_name", "city", "address", "report_recipient_text"):
        org[key] = unbreakable(org[key])
    return org


def letterhead(book) -> tuple[list[str], list[str]]:
    """The organisation's справочные данные under its name on a letterhead (ГОСТ Р 7.0.97-2016, п. 5.5): the
    address; phone, e-mail and site; and, on letters, ОГРН and ИНН. Only what the book has: an empty field leaves
    its words out, and an empty line leaves no gap. Returns (contacts, contacts with the registry numbers)."""
    def field(key: str) -> str:
        return unbreakable(text(book.org.get(key)).strip())

    reach = ", ".join(x for x in (f"тел. {field('phone')}" if field("phone") else "",
                                  f"e-mail: {field('email')}" if field("email") else "",
                                  field("main_site_url")) if x)
    registry = ", ".join(x for x in (f"ОГРН {field('ogrn')}" if field("ogrn") else "",
                                     f"ИНН {field('inn')}" if field("inn") else "") if x)
    contacts = [x for x in (field("address"), reach) if x]
    return contacts, contacts + ([registry] if registry else [])


def protocol(book) -> dict:
    """The pedagogical council's decision the Положение rests on (blanks until the curator fills them)."""
    return {"no": text(book.org.get("council_protocol_no"), BLANK_NO),
            "date": fdate(book.org.get("council_protocol_date"))}


def director_context(book) -> dict:
    sex = book.org.get("director_sex")
    forms = person_forms(text(book.org.get("director_fio")), sex)
    surname_dat = forms["dat"].split(" ")[0] if forms["dat"] else ""
    inits = forms["short"].rsplit(" ", 1)[0] if " " in forms["short"] else ""
    return {**forms, "dat_short": f"{surname_dat}{NBSP}{inits}".strip(NBSP),
            "acting": "действующей" if sex == "ж" else "действующего"}


def curator_context(book) -> dict:
    row = {"fio": book.org.get("curator_fio"), "sex": book.org.get("curator_sex"),
           "position": book.org.get("curator_position")}
    return person(row, "mentors") | {"role": "куратор"}


ORDER_BLANK_NO = "________"  # an order's number written by hand when it is signed: room for «123-о»


def order(no: Any, date: Any) -> dict:
    """An order's number and date, or blanks to fill in by hand (the book keeps no number for an order not yet
    signed: the pairs, early-completion and reward orders are numbered in the office's register)."""
    return {"no": text(no, ORDER_BLANK_NO), "date": fdate(date)}


def executor_context(book) -> dict:
    """The «отметка об исполнителе» of an order (ГОСТ Р 7.0.97-2016, п. 5.26): the curator, who prepares the
    orders, with her phone and e-mail from «Организация»; ``show`` is false when the book has neither."""
    fio = text(book.org.get("curator_fio")).strip()
    contact = ", ".join(x for x in (text(book.org.get("curator_phone")).strip(),
                                    text(book.org.get("curator_email")).strip()) if x)
    return {"show": bool(fio and contact), "fio": fio, "contact": contact}


def base(book) -> dict:
    """The keys every document may use."""
    return {"org": org_context(book), "curator": curator_context(book), "director": director_context(book),
            # the order that approved the Положение: the one order of introduction when the book chose it
            "regulation": order(book.org.get(s.regulation_order_key(book.org) + "_no"),
                                book.org.get(s.regulation_order_key(book.org) + "_date")),
            "protocol": protocol(book), "executor": executor_context(book)}


def council_of(book) -> dict:
    """The collegial body whose гриф a programme carries before the head approves it: the methodological council of
    mentors when the organisation has one (п. 3.5 «при его наличии»: an order on its membership, or members marked
    in the bank), else the pedagogical council. The book keeps no protocol of a programme's review: blanks."""
    has = bool(book.org.get("order_council_no")) or any(
        r.get("council_role") for r in records(book, "mentors"))
    return {"gen": "методического совета наставников" if has else "педагогического совета",
            "protocol": {"no": BLANK_NO, "date": BLANK_DATE}}


# --- pairs and programmes ------------------------------------------------------------------------------------------

def pair_groups(book) -> list[dict]:
    """Pairs and groups: the rows of one code joined, in workbook order.

    Within a planning (``shared``) built once: a district's consents ask for them once per person.
    The dicts are shared then: read them, never change.
    """
    memo = _memo(book)
    if memo is None:
        return _pair_groups(book)
    if memo.groups is None:
        memo.groups = _pair_groups(book)
    return list(memo.groups)


def involvement(book, bank: str, code: str) -> tuple[list[str], list[str]]:
    """(titles of the programmes of ``code``'s pairs, names of the events ``code`` took part in), in book order.

    Indexed once per planning: looked up for each person of a district's banks, a walk over every pair,
    programme and event per person made the consents quadratic.
    """
    memo = _memo(book)
    index = memo.involvement if memo is not None else None
    if index is None:
        index = _involvement(book)
        if memo is not None:
            memo.involvement = index
    pairs = index["pairs"].get((bank, code), ())
    titles = sorted(t for pair in dict.fromkeys(pairs) for t in index["titles"].get(pair, ()))
    return [t for _n, t in titles], list(index["events"].get(code, ()))


def _involvement(book) -> dict:
    pairs: dict[tuple[str, str], list[str]] = {}
    for g in pair_groups(book):
        owners = [("mentors", g.get("mentor"))] + [("mentees", m) for m in g["mentee_codes"]]
        for key in dict.fromkeys(owners):
            pairs.setdefault(key, []).append(g["code"])
    titles: dict[str, list[tuple[int, str]]] = {}  # pair → (row of «Программы», title): the sheet's order
    for n, p in enumerate(records(book, "programmes")):
        if p.get("title"):
            titles.setdefault(p.get("pair"), []).append((n, text(p.get("title"))))
    events: dict[str, list[str]] = {}
    for e in records(book, "events"):
        events.setdefault(e.get("person"), []).append(text(e.get("event")))
    return {"pairs": pairs, "titles": titles, "events": events}


def _pair_groups(book) -> list[dict]:
    groups: dict[str, dict] = {}
    for row in records(book, "pairs"):
        code = row.get("code")
        if not code:
            continue
        g = groups.setdefault(code, {**row, "mentee_codes": []})
        if row.get("mentee"):
            g["mentee_codes"].append(row["mentee"])
    return list(groups.values())


def programme_of(book) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for row in records(book, "programmes"):
        out.setdefault(row.get("pair"), row)
    return out


def pair_context(people: People, g: dict, programme: dict | None) -> dict:
    mentor = people.get("mentors", g.get("mentor"))
    mentees = [people.get("mentees", c) for c in g["mentee_codes"]]
    end = g.get("new_end") or g.get("planned_end")
    pair = {"code": text(g.get("code")), "form": text(g.get("form")), "kind": text(g.get("kind")),
            "start": fdate(g.get("start")), "end": fdate(end), "status": text(g.get("status")),
            "period": f"с {fdate(g.get('start'))} по {fdate(end)}"}
    prog = {"code": text((programme or {}).get("code"), "—"), "title": text((programme or {}).get("title"), "—")}
    return {"pair": pair, "mentor": mentor, "programme": prog, **group_words(mentees)}


def acquainted(*groups: list[dict]) -> list[dict]:
    """Everyone named, each once, for the лист ознакомления."""
    seen, out = set(), []
    for group in groups:
        for p in group:
            if p["fio"] not in seen:
                seen.add(p["fio"])
                out.append({"fio": p["fio"], "position": p["position"],
                            "person_text": f"{p['fio']}, {p['position']}"})
    return out


def is_new(g: dict) -> bool:
    return g.get("status") in (v.PAIR_DRAFT, v.PAIR_APPROVED)
