"""Proposals to reward mentors (sheet «Поощрение», п. 3.5 Положения) against the programmes they rest on.

A reward's ground is a programme completed in full (п. 7.1 Положения: the plan done in full): a proposal
naming a programme whose pair is still running, was stopped early or ended otherwise is an error, and so is
a proposal for a mentor who did not lead that programme. A bonus needs its sum in roubles.
"""

from __future__ import annotations

import datetime as dt
import math

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import has, pair_heads, records, table


def proposals_rest_on_completed_programmes(book: Book, today: dt.date):
    if not has(book, "rewards", "mentor", "programme", "kind"):
        return
    rewards = table(book, "rewards")
    if rewards.empty:
        return
    progs = {r["code"]: r for r in records(table(book, "programmes")) if isinstance(r.get("code"), str)}
    pairs = {r["code"]: r for r in records(pair_heads(book))}
    for r in records(rewards):
        prog = progs.get(r.get("programme"))
        if prog is None or not r.get("mentor"):
            continue  # an unknown code is the reader's «ссылка» problem already
        pair = pairs.get(prog.get("pair"))
        if pair is None:
            continue
        status, reason = pair.get("status"), pair.get("end_reason")
        if not isinstance(status, str) or not status or (status == v.PAIR_DONE and not isinstance(reason, str)):
            continue  # the pair's own missing status or reason is its problem, said once at its cell
        if pair.get("status") != v.PAIR_DONE or pair.get("end_reason") != v.REASON_FULL:
            state = f"в статусе «{pair.get('status')}»" if pair.get("status") != v.PAIR_DONE else \
                f"завершена с причиной «{pair.get('end_reason') or 'не указана'}»"
            yield book.problem(
                "reward_not_completed", ERROR,
                f"Поощрение наставника {r['mentor']} предложено по программе {r['programme']}, а она не завершена "
                f"в полном объёме: пара (группа) {pair['code']} {state}. Основание поощрения — программа, "
                f"завершённая выполнением плана мероприятий в полном объёме (п. 7.1 Положения): укажите такую "
                f"программу или перенесите предложение на время после её завершения.",
                "rewards", r["_row"], "programme", r["programme"])
        elif pair.get("mentor") != r["mentor"]:
            yield book.problem(
                "reward_not_mentor", ERROR,
                f"Поощрение предложено наставнику {r['mentor']} по программе {r['programme']}, а наставник этой "
                f"программы — {pair.get('mentor')} (лист «Пары и группы»). Укажите программу, которую вёл этот "
                f"наставник.",
                "rewards", r["_row"], "mentor", r["mentor"])
        amount = r.get("amount")
        has_amount = isinstance(amount, (int, float)) and not math.isnan(amount) and amount > 0
        if r.get("kind") == s.REWARD_BONUS and not has_amount:
            yield book.problem("reward_amount", ERROR, "Для премии не указан размер в рублях: приказ о поощрении "
                               "назовёт сумму, которую выплатит бухгалтерия.", "rewards", r["_row"], "amount")
        elif r.get("kind") in (s.REWARD_THANKS, s.REWARD_DIPLOMA) and has_amount:
            yield book.problem("reward_amount", WARNING, f"Сумма указана, а вид поощрения — «{r['kind']}»: "
                               "в приказ она не попадёт. Если это премия, выберите вид «премия».",
                               "rewards", r["_row"], "amount", amount)


RULES = [proposals_rest_on_completed_programmes]
