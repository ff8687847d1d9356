"""Which kinds of document the workbook is ready for, and why not the others.

A real workbook passes through every state of the year: a blank template, an
organisation without banks, pairs without programmes. A document made too early
is worse than none — an order with blanks for the director's name, a final-event
order naming no pair, an analytic report with nothing to sum up — because it
looks finished and gets signed. Each kind waits for what it needs, and the
curator is told what that is.
"""

from __future__ import annotations

from nastavnik.workbook import vocab as v

from .context import pair_groups

_NAME = (("full_name", "Полное наименование"),)
_SIGNED = _NAME + (("director_fio", "ФИО руководителя"),)  # what an order or an agreement cannot go without
_ORDERS = {"polozhenie", "curator", "council", "pairs", "changes", "final", "agreement", "org_programme", "intro"}
_STARTED = {v.PAIR_RUNNING, v.PAIR_DONE, v.PAIR_STOPPED}


def _missing_org(book, keys) -> list[str]:
    return [title for key, title in keys if not book.org.get(key)]


def not_ready(book, key: str, asked: bool = False) -> str | None:
    """Why documents of ``key`` are not made now (Russian, for the curator), or None when they are.

    ``asked``: the curator asked for this kind by name (``--only``); then only what would leave blanks
    in it stops it, not the state of the year.
    """
    missing = _missing_org(book, _SIGNED if key in _ORDERS else _NAME)
    if missing:
        return "на листе «Организация» не заполнено: " + ", ".join(f"«{t}»" for t in missing)
    if key == "curator" and _missing_org(book, (("curator_fio", "ФИО куратора"),)):
        return "на листе «Организация» не заполнено «ФИО куратора»"
    if asked:
        return None
    statuses = {g.get("status") for g in pair_groups(book)}
    if key == "final" and not statuses & {v.PAIR_RUNNING, v.PAIR_DONE}:
        return "ни одна пара (группа) ещё не реализует программу"
    if key == "analytic_report" and not statuses & _STARTED:
        return "подводить итоги пока нечему: ни одна пара (группа) ещё не начала работу по программе"
    return None
