"""The early fit check: a running pair whose mentor or mentee answered «не подходит» after the first weeks.

Not an error of the book — a decision the curator has to take: replace the mentor (п. 5.1 Положения,
«замена наставника» in «Изменение (п. 7.2)») or talk to the pair and keep it. The warning stands at the answer's
cell on «Ответы анкет» and says what the programs have already prepared: the mentee is back in the matching
without the old mentor, and the documents draft the replacement order. «Пока не ясно» is not a problem; ``run``
only notes it (``notes``).
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import WARNING
from nastavnik.workbook import fit
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import has


def unfit_pairs(book: Book, today: dt.date):
    if not has(book, "answers", "programme", "round", "question", "answer"):
        return
    for pair in fit.pair_fits(book):
        for answer in pair.bad:
            back = (answer.respondent,) if answer.role == v.ROLE_MENTEE else pair.back
            yield book.problem(
                "pair_unfit", WARNING,
                f"Пара {pair.pair} (программа {pair.programme}, наставник {pair.mentor}): в анкете первых недель "
                f"ответ {pair.who(answer)} — «{answer.answer}». Нужно решение куратора: поговорите с парой и, если "
                f"замена нужна, оформите замену наставника (п. 5.1 Положения). Подбор пар уже ищет для "
                f"{pair.of(back)} другого наставника (не {pair.mentor}), документы готовят проект приказа о замене "
                "наставника; если пара остаётся, запишите новый ответ «пара подходит».",
                "answers", answer.row, "answer", answer.answer)


def notes(book: Book) -> list[str]:
    """«Пока не ясно» of running pairs, for ``run``'s list: only noted, no warning."""
    out = []
    for pair in fit.pair_fits(book):
        if pair.unsure and not pair.bad:
            who = ", ".join(pair.who(a) for a in pair.unsure)
            out.append(f"Пара {pair.pair}: в анкете первых недель «пока не ясно» (ответ {who}) — спросите "
                       "участников ещё раз через две-три недели.")
    return out


def decisions(book: Book) -> list[str]:
    """Running pairs with «не подходит», for ``run``'s list of what needs the curator's decision."""
    return [f"Пара {pair.pair}: {pair.why()}. Нужно решение куратора о замене наставника: предложение нового "
            "наставника — в «Предложения пар.xlsx», проект приказа о замене — в папке «Документы/Приказы»."
            for pair in fit.pair_fits(book) if pair.bad]


RULES = [unfit_pairs]
