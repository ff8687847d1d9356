"""What the head of the organisation (директор, заведующий — «Организация»'s «Должность руководителя») is asked
to decide or sign: the lines of her letter from ``remind``.

Only she can do two things the curator cannot: bring in mentors for what nobody in the bank can help with (a
teacher of her own staff, or one from outside under a cooperation agreement), and sign the orders. So her letter
says, from the book:

- the mentees waiting for a pair: how many, since when the longest, and — by code, exactly as the curator's letter
  names them — who waits longer than «Допустимое ожидание пары»; no names, no requests of a person;
- the requests (the nine directions) of waiting mentees that no mentor of the bank covers, with how many ask for
  each: the reason a pair cannot be found, which matching cannot fix;
- the orders the program drafts for her signature that the book still holds without a number: those of
  «Организация» (the Положение and the curator, or the one order of introduction; the methodical council when
  the bank has members; the organisation's programme; the final event within a month of its date), the order assigning
  the pairs in «проект» and the orders on a change of a programme;
- the mentors' additional agreements to the labour contract (ТК РФ ст. 351.8) she signs as the employer: the pairs
  the checks ask one of (``checks.labour``) whose agreement has no number or date in the book.

Her address is the e-mail of «Контакт» when she is in a bank (a head is often a mentor too); «Организация» has
no field for it, so without it the draft has no «To:» and ``remind`` says so.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.morph import agree
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import vocab as v
from nastavnik.workbook.organisation import ORG_BY_KEY, one_order
from nastavnik.workbook.parse import fold

from .people import plain, table_rows

FINAL_ORDER_DAYS = 30  # the final event's order is asked for within a month of the event


CODES_SHOWN = 8  # a line names this many codes at most, then «и ещё N» (a district has hundreds)


def some(codes: list[str]) -> str:
    """«ПР-001, ПР-002 … и ещё 292»: the first codes of a list and how many more."""
    shown = ", ".join(codes[:CODES_SHOWN])
    return shown + (f" и ещё {len(codes) - CODES_SHOWN}" if len(codes) > CODES_SHOWN else "")


def _records(book, key: str) -> list[dict]:
    """The sheet's rows as plain values, made once per book (the letter and the month's list ask a dozen times):
    shared, so read them and never change them."""
    return book.derived("plain rows", (key,), _rows_of, key)


def _rows_of(book, key: str) -> list[dict]:
    return table_rows(book.tables.get(key))


def in_bank(book) -> dict:
    """The head's own row in a bank (mentors first), found by «ФИО руководителя»; {} when she is in none."""
    fio = fold(str(book.org.get("director_fio") or ""))
    if not fio:
        return {}
    for key in ("mentors", "mentees"):
        for rec in _records(book, key):
            if fold(str(rec.get("fio") or "")) == fio:
                return rec
    return {}


def head_sex(book) -> str | None:
    """«Пол руководителя» of «Организация», or her bank row's; None lets the greeting say both forms."""
    sex = book.org.get("director_sex")
    if sex in ("м", "ж"):
        return sex
    sex = in_bank(book).get("sex")
    return sex if sex in ("м", "ж") else None


def address_line(book) -> str:
    """«Директору ГБОУ СОШ № 1»: her position in the dative (``morph``), the organisation's short name."""
    from nastavnik.base.morph import inflect_position

    position = str(book.org.get("director_position") or book.org_type.director_position or "Руководитель")
    org = book.org.get("short_name") or book.org.get("full_name") or ""
    dat = inflect_position(position.strip(), "dat")
    return f"{dat[:1].upper() + dat[1:]} {org}".strip()


def of_head(book) -> str:
    """«директора», «заведующего»: her position in the genitive («на подписи у директора»)."""
    from nastavnik.base.morph import inflect_position

    position = str(book.org.get("director_position") or book.org_type.director_position or "Руководитель")
    return inflect_position(position.strip(), "gen").lower() or "руководителя"


def whom_word(book) -> str:
    """«директору», «заведующему»: her position in the dative, for the summary and the file's name."""
    return address_line(book).removesuffix(str(book.org.get("short_name") or book.org.get("full_name") or ""))\
        .strip().lower() or "руководителю"


def long_waiting(book, today: dt.date) -> list[str]:
    """The codes of mentees waiting longer than allowed: the curator's letter names exactly these (``checks``)."""
    from nastavnik.checks.people import waiting_too_long

    rows = {rec.get("_row"): rec.get("code") for rec in _records(book, "mentees")}
    return [rows[p.row] for p in waiting_too_long(book, today) if rows.get(p.row)]


def waiting(book, today: dt.date) -> list[str]:
    """The line on mentees waiting for a pair, when any waits longer than allowed; codes only of those."""
    long = long_waiting(book, today)
    if not long:
        return []
    mine = waiting_mentees(book)
    since = min((m["date_added"] for m in mine if isinstance(m.get("date_added"), dt.date)), default=None)
    days = book.org.get("max_wait_days") or ORG_BY_KEY["max_wait_days"].default
    first = f", дольше всех — с {since:%d.%m.%Y} ({(today - since).days} дн.)" if since else ""
    return [(f"Наставляемых, ожидающих пару: {len(mine)}{first}. Срок ожидания дольше допустимого "
            f"({int(days)} дн.): {some(long)}. Куратор подбирает наставников (этапы 4–5 дорожной карты); "
            "если подходящего наставника в организации нет, нужно ваше решение — привлечь педагога из другой "
            "организации по договору о сотрудничестве или организовать поддержку без пары.")]


def waiting_mentees(book) -> list[dict]:
    """Mentees «ожидает пару» in no pair in force or in preparation (as ``checks.people`` counts them)."""
    busy = {p.get("mentee") for p in _records(book, "pairs") if p.get("status") in v.PAIR_ACTIVE}
    return [m for m in _records(book, "mentees")
            if m.get("code") and m.get("status") == v.MENTEE_WAITING and m["code"] not in busy]


def uncovered(book) -> list[str]:
    """The line on the waiting mentees' requests no active mentor of the bank helps with, in the type's words."""
    mine = waiting_mentees(book)
    if not mine:
        return []
    mentors = [m for m in _records(book, "mentors") if m.get("status") != v.MENTOR_STATUS_LEFT]
    type_key = getattr(book.org_type, "key", "extra")
    parts = []
    for key in v.DIRECTIONS:
        asking = sum(1 for m in mine if plain(m.get(f"req_{key}")) is True)
        if asking and not any(plain(m.get(f"comp_{key}")) is True for m in mentors):
            parts.append(f"«{ot.direction_title(key, type_key)}» (у {agree(asking, 'наставляемый', 'gen')})")
    if not parts:
        return []
    return [(f"Запросы наставляемых, ожидающих пару, которых не покрывает ни один наставник банка: "
            f"{', '.join(parts)}. Пару по ним подобрать не из кого: нужны наставники с этими компетенциями — "
            "педагоги организации или приглашённые по договору о сотрудничестве.")]


def _org_orders(book, today: dt.date) -> list[str]:
    """The keys of «Организация»'s orders the program drafts now (``docs``) and the book holds unnumbered."""
    org = book.org
    if not org.get("full_name") or not org.get("director_fio"):
        return []  # no order is drafted yet (docs.applies): nothing to sign
    keys = ["order_intro"] if one_order(org) else ["order_regulation", "order_curator"]
    if any(m.get("council_role") and m.get("status") != v.MENTOR_STATUS_LEFT for m in _records(book, "mentors")):
        keys.append("order_council")
    keys.append("order_programme")
    event = plain(org.get("final_event_date"))
    if isinstance(event, dt.date) and event - dt.timedelta(days=FINAL_ORDER_DAYS) <= today:
        keys.append("order_final")  # signed a month ahead, not in the autumn for May
    return [k for k in keys if org.get(f"{k}_no") in (None, "") or plain(org.get(f"{k}_date")) is None]


def orders_to_sign(book, today: dt.date) -> list[tuple[str, str]]:
    """Each order waiting for her signature (number and date not yet in the book) as (what it is about, her line).

    The one definition of an unsigned order: her letter says the lines, the curator's month (``remind``) counts
    them and names them by what they are about.
    """
    out = []
    for key in _org_orders(book, today):
        what = ORG_BY_KEY[f"{key}_no"].title[len("№ приказа "):]
        out.append((what, (f"Приказ {what}: не подписан — на листе «Организация» нет его номера и даты. Проект "
                           "приказа подготовлен, его передаст куратор.")))
    pairs = _records(book, "pairs")
    if not book.org.get("director_fio"):
        return out
    drafts = sorted({p["code"] for p in pairs if p.get("code") and p.get("status") in (v.PAIR_DRAFT, v.PAIR_APPROVED)
                     and p.get("order_no") in (None, "")})
    if drafts:
        what = f"о закреплении наставнических пар (групп) {some(drafts)}"
        out.append((what, (f"Приказ {what}: не подписан — пары не могут начать работу по программам без приказа "
                           "(п. 6.2 Положения). Проект приказа с листом ознакомления передаст куратор.")))
    changed = sorted({p["code"] for p in pairs if p.get("code") and p.get("change")
                      and p.get("status") in (v.PAIR_APPROVED, v.PAIR_RUNNING)
                      and p.get("change_order_no") in (None, "")})
    if changed:
        what = f"об изменении программы наставничества ({some(changed)})"
        out.append((what, (f"Приказ {what}: не подписан — изменение (п. 7.2 Положения) действует с даты приказа. "
                           "Проект приказа передаст куратор.")))
    return out


def unsigned_orders(book, today: dt.date) -> list[str]:
    """One line per order waiting for her signature: number and date not yet in the book."""
    return [line for _, line in orders_to_sign(book, today)]


def agreements_to_sign(book, today: dt.date) -> list[str]:
    """The codes of pairs (groups) whose mentor's additional agreement (ТК РФ ст. 351.8) has no number or date.

    Which pairs need one at all is the check's knowledge (``checks.labour.agreement_details``: approved or running,
    begun since 01.03.2025, the mentor an employee — not one from outside under a cooperation agreement); of those,
    the head signs the ones the book holds without a number or a date. The term and the payment missing alone are
    the curator's to fill in, not a signature.
    """
    from nastavnik.checks.labour import agreement_details

    rows = {rec.get("_row"): rec for rec in _records(book, "pairs")}
    out = []
    for problem in agreement_details(book, today):
        rec = rows.get(problem.row) or {}
        if rec.get("code") and (rec.get("agreement_no") in (None, "") or plain(rec.get("agreement_date")) is None):
            out.append(rec["code"])
    return sorted(set(out))


def agreements_line(book, today: dt.date) -> list[str]:
    """Her letter's line on the additional agreements she signs as the employer, by the pairs' codes."""
    codes = agreements_to_sign(book, today)
    if not codes:
        return []
    return [(f"Дополнительные соглашения к трудовым договорам наставников (ТК РФ ст. 351.8): в книге нет номера и "
             f"даты соглашения у {agree(len(codes), 'пара (группа)', 'gen')} — {some(codes)}. Наставничество "
             "поручается по такому соглашению с указанием срока и доплаты; его подписываете вы и наставник. "
             "Проекты соглашений передаст куратор." + _own(book, codes))]


def _own(book, codes: list[str]) -> str:
    """When she is the mentor of one of those pairs: her own agreement is not hers to sign as the employer — her
    labour contract is with the founder (ТК РФ ст. 275)."""
    me = in_bank(book).get("code")
    mine = sorted({p["code"] for p in _records(book, "pairs") if me and p.get("mentor") == me and p.get("code") in codes})
    if not mine:
        return ""
    return (f" {', '.join(mine)} — ваша собственная пара (группа): соглашение к вашему трудовому договору "
            "подписывает учредитель (ТК РФ ст. 275).")


def head_items(book, today: dt.date) -> list[str]:
    """Every line of her letter: the waiting mentees, the requests nobody covers, the orders and the additional
    agreements to sign."""
    return waiting(book, today) + uncovered(book) + unsigned_orders(book, today) + agreements_line(book, today)
