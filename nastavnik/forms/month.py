"""«Что сделать в этом месяце» (issue 31, point 4): the curator's list for ``run``'s summary, the window's journal
and her letter from ``remind``.

It holds the roadmap's stages due this month or overdue in this academic year, then what the book's state leaves
to do — each in one short line, by counts agreeing with their nouns (``morph.agree``) and codes, naming no person:

- the orders and the mentors' additional agreements waiting for the head's signature — the same definitions as
  her letter (``head.orders_to_sign``, ``head.agreements_to_sign``);
- the people of both banks without a consent to processing (152-ФЗ) — as ``checks.consent`` finds them;
- the survey rounds due (``surveys_due``), by round and programme;
- the mentees waiting for a pair (``head.waiting_mentees``, as the head's letter counts them).

When nothing waits, the list is one line saying so (``MONTH_NOTHING``): the curator sees that the month was
looked at, not that the list was lost. Her letter takes the lines without that one: no letter is written to say
nothing.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.morph import agree
from nastavnik.workbook import vocab as v

from .people import row_values


def roadmap_todo(book, today: dt.date) -> list[str]:
    """The roadmap's stages due this month or overdue in this academic year (September first) and not done."""
    from .deadlines import deadline_month

    frame = book.tables.get("roadmap")
    if frame is None or frame.empty or not {"stage", "activity", "deadline", "status"} <= set(frame.columns):
        return []
    now = (today.month - 9) % 12
    out = []
    for i in frame.index:
        row = row_values(frame, i)
        month = deadline_month(row.get("deadline"))
        if month is None or row.get("status") == v.STAGE_STATUSES[-1] or not row.get("activity"):
            continue
        when = (month - 9) % 12
        if when > now:
            continue
        late = "срок прошёл" if when < now else "срок — этот месяц"
        out.append(f"Дорожная карта, этап {row.get('stage') or '—'} ({row['deadline']}, {late}; статус "
                   f"«{row.get('status') or 'не указан'}»): {row['activity']}.")
    return out


MONTH_NOTHING = ("Что сделать в этом месяце: ничего не ждёт — этапы дорожной карты в срок, приказы и "
                 "дополнительные соглашения подписаны, согласия на обработку персональных данных есть у всех, "
                 "анкеты заполнены, ожидающих пару нет.")


def _codes(codes: list[str]) -> str:
    from .head import some

    return some(codes)


def _no_consent(book, today: dt.date) -> dict[str, list[str]]:
    """Bank → the codes of its rows without a consent to processing (``checks.consent``: the one definition)."""
    from nastavnik.checks.consent import bank_without_consent

    where = {}
    for key in ("mentors", "mentees"):
        frame = book.tables.get(key)
        if frame is not None and not frame.empty and {"code", "_row"} <= set(frame.columns):
            sheet = book.locate(key, None).get("sheet")
            where.update({(sheet, row): (key, code) for row, code in zip(frame["_row"], frame["code"]) if code})
    out: dict[str, list[str]] = {}
    for problem in bank_without_consent(book, today):
        key, code = where.get((problem.sheet, problem.row), (None, None))
        if key:
            out.setdefault(key, []).append(code)
    return out


def state_todo(book, today: dt.date) -> list[str]:
    """What the book's state leaves to do, one short line each, by counts and codes (no person's name): the orders
    and additional agreements waiting for the head's signature (``head``: the same definition as her letter), the
    people in the banks without a consent to processing (152-ФЗ), the surveys due (``surveys_due``) and the
    mentees waiting for a pair."""
    from .head import agreements_to_sign, of_head, orders_to_sign, waiting_mentees
    from .surveys_due import surveys_due

    out = []
    orders = orders_to_sign(book, today)
    if orders:
        out.append(f"На подписи у {of_head(book)} — {agree(len(orders), 'приказ')}: "
                   + "; ".join(what for what, _ in orders) + ".")
    pairs = agreements_to_sign(book, today)
    if pairs:
        out.append(f"Дополнительные соглашения с наставниками (ТК РФ ст. 351.8) без номера и даты — у "
                   f"{agree(len(pairs), 'пара (группа)', 'gen')}: {_codes(pairs)}.")
    missing = _no_consent(book, today)
    if missing:
        counts = [agree(len(missing[k]), word) for k, word in (("mentors", "наставник"), ("mentees", "наставляемый"))
                  if missing.get(k)]
        out.append(f"Нет согласия на обработку персональных данных (152-ФЗ) — {' и '.join(counts)}: "
                   f"{_codes(missing.get('mentors', []) + missing.get('mentees', []))}.")
    dues = surveys_due(book, today)
    if dues:
        rounds: dict[str, list] = {}
        for due in dues:
            rounds.setdefault(due.round, []).append(due)
        parts = [f"этап «{r}» — {len(ds)} ({_codes(list(dict.fromkeys(d.programme for d in ds)))})"
                 for r, ds in rounds.items()]
        out.append(f"Анкетирование — {agree(len(dues), 'анкета')} к заполнению: {', '.join(parts)}.")
    waiting = [m["code"] for m in waiting_mentees(book)]
    if waiting:
        out.append(f"В ожидании пары — {agree(len(waiting), 'наставляемый')}: {_codes(waiting)}.")
    return out


def month_todo(book, today: dt.date) -> list[str]:
    """«Что сделать в этом месяце» for ``run``'s summary and the window: the roadmap's stages due or overdue, then
    what the book's state leaves to do (``state_todo``); one line saying nothing waits when nothing does."""
    return roadmap_todo(book, today) + state_todo(book, today) or [MONTH_NOTHING]
