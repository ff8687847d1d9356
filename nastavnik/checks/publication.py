"""Publication only after completion (п. 8.2 Положения).

Results of a personalised programme are published after it ends, and the site
shows a programme's results and best practice only when its pair is
«завершена». Results, a best practice or a consent to publish recorded on a
programme whose pair is still in force is therefore held back: a warning, so
that the curator is not surprised by an empty page. (Publishing without the
participants' consent to distribution is ``publish_without_consent`` in
``programmes``.)
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base.problems import WARNING
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import Book

from .common import has, is_true, pair_heads, records_where, table

_MARKS = (("achieved_results", "достигнутые результаты"), ("best_practice", "«лучшая практика — да»"),
          ("consent_publish", "согласие на публикацию результатов"))


def published_before_end(book: Book, today: dt.date):
    """Results, best practice or consent to publish on a programme whose pair has not ended."""
    if not (has(book, "programmes", "code", "pair", *(k for k, _ in _MARKS)) and has(book, "pairs", "code", "status")):
        return
    status = pair_heads(book).set_index("code")["status"]
    progs = table(book, "programmes").dropna(subset=["pair"])
    progs = progs[progs["pair"].map(status).isin(v.PAIR_ACTIVE).to_numpy()]
    if progs.empty:
        return
    marked = {"achieved_results": progs["achieved_results"].notna(),
              "best_practice": is_true(progs["best_practice"]), "consent_publish": is_true(progs["consent_publish"])}
    any_mark = marked["achieved_results"] | marked["best_practice"] | marked["consent_publish"]
    for rec in records_where(progs, any_mark.to_numpy()):
        found = [(k, what) for k, what in _MARKS
                 if (rec[k] is True if k != "achieved_results" else isinstance(rec[k], str) and rec[k] != "")]
        yield book.problem(
            "published_before_end", WARNING,
            f"У программы {rec['code']} отмечено: {', '.join(w for _, w in found)}, а пара (группа) {rec['pair']} "
            f"ещё в статусе «{status[rec['pair']]}». Результаты публикуются только после завершения программы "
            f"(п. 8.2 Положения): сайт не покажет их, пока пара не «{v.PAIR_DONE}».",
            "programmes", rec["_row"], found[0][0] if found else "achieved_results")


RULES = [published_before_end]
