"""What a mentee still has to sign, by the book: the lines of her letter from ``remind``.

The regulation asks of a mentee two signatures the book records:

- the consent to the processing of personal data (roadmap stage 2, «обеспечение согласий на сбор и обработку
  персональных данных»; 152-ФЗ) — «Согласие на обработку ПДн» of «Банк наставляемых» not «да», for anyone still
  in the bank (not left, not finished);
- her acquaintance with her personalised programme («С программой ознакомлен(а)» under the programme) —
  «Дата ознакомления наставляемого» of «Программы» empty while the pair is approved or running.

Each line names only the mentee's own programme (by code); a group's programme is the same for all its mentees,
and each of them gets the line in her own letter.
"""

from __future__ import annotations

from nastavnik.base.morph import by_sex
from nastavnik.workbook import vocab as v

from .people import row_values

GONE = {v.MENTEE_LEFT, v.MENTEE_DONE}


def consent_missing(book) -> dict[str, str]:
    """Mentee code → the line asking for the consent to process her personal data."""
    frame = book.tables.get("mentees")
    if frame is None or frame.empty or not {"code", "consent_pd"} <= set(frame.columns):
        return {}
    out = {}
    for i in frame.index:
        rec = row_values(frame, i)
        if rec.get("code") and rec.get("status") not in GONE and rec.get("consent_pd") is not True:
            out[rec["code"]] = ("Подпишите согласие на обработку персональных данных (152-ФЗ): в книге "
                                "наставничества его нет, а без него вас нельзя включить в пару и в документы "
                                "программы. Бланк согласия — у куратора.")
    return out


def acquaintance_missing(book) -> dict[str, list[str]]:
    """Mentee code → the lines asking her to read and sign her programme (one per programme not yet signed)."""
    pairs, progs, mentees = (book.tables.get(k) for k in ("pairs", "programmes", "mentees"))
    if pairs is None or progs is None or pairs.empty or progs.empty \
            or not {"code", "status", "mentee"} <= set(pairs.columns) \
            or not {"code", "pair", "acquainted_date"} <= set(progs.columns):
        return {}
    sex = {}
    if mentees is not None and {"code", "sex"} <= set(mentees.columns):
        sex = dict(zip(mentees["code"], mentees["sex"]))
    live = pairs[pairs["status"].isin({v.PAIR_APPROVED, v.PAIR_RUNNING})]
    out: dict[str, list[str]] = {}
    for i in progs.index:
        prog = row_values(progs, i)
        if not prog.get("code") or prog.get("acquainted_date") is not None:
            continue
        for mentee in live.loc[live["code"] == prog.get("pair"), "mentee"].dropna().unique():
            word = by_sex("ознакомлен", sex.get(mentee) if isinstance(sex.get(mentee), str) else None)
            out.setdefault(mentee, []).append(
                f"Программа {prog['code']}: ознакомьтесь с вашей персонализированной программой наставничества и "
                f"подпишите её («С программой {word}»). Программу для подписи даст куратор.")
    return out


def mentee_agreements(book) -> dict[str, list[str]]:
    """Mentee code → every signature missing in the book: the consent first, then the programmes."""
    out: dict[str, list[str]] = {code: [line] for code, line in consent_missing(book).items()}
    for code, lines in acquaintance_missing(book).items():
        out.setdefault(code, []).extend(lines)
    return out
