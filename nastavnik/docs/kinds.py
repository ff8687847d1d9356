"""The registry of document kinds: what each is called, its template, and how its contexts are built.

A builder takes the Book and the date and returns ``[(file name, context), …]``:
one entry for an order, one per pair for a programme, one per person for a
consent. The field list of a kind (``nastavnik docs --fields``) is read off the
context its builder returns, so it can never drift from what the templates get.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from nastavnik.base import morph
from nastavnik.base.safeio import safe_filename
from nastavnik.workbook import vocab as v
from nastavnik.workbook.organisation import one_order

from . import context as c
from . import orgprogramme, recognition
from .acts import acquainted as _acquainted
from .acts import polozhenie_text as _polozhenie_text
from .acts import roadmap_rows, superior_acts  # noqa: F401 (roadmap_rows: part of this module's face)
from .words import direction_title, money

Docs = list[tuple[str, dict]]


@dataclass(frozen=True)
class Kind:
    key: str
    title: str  # Russian, shown to the curator
    template: str  # file name in doc_templates/
    folder: str  # output subfolder
    build: Callable[..., Docs]
    images: bool = False  # holds charts: rendered by docxtpl itself so InlineImage works (images.py)
    drafts: bool = False  # ``build(book, today, replacements)`` also drafts the early fit check's replacements


def build_polozhenie(book, today: dt.date) -> Docs:
    if one_order(book.org):
        return []  # the one order «О внедрении…» approves the Положение (orgprogramme.build_intro)
    ctx = _base(book)
    ctx["order"] = c.order(book.org.get("order_regulation_no"), book.org.get("order_regulation_date"))
    ctx["polozhenie"] = _polozhenie_text(ctx["org"]["short_name"], _type_key(book))
    ctx["roadmap"] = roadmap_rows(c.records(book, "roadmap"))
    return [("Приказ об утверждении Положения о наставничестве", ctx)]


def _base(book) -> dict:
    """The keys every document may use, and the superior bodies' acts an order's preamble cites."""
    return c.base(book) | {"superior": superior_acts(book)}


def _type_key(book) -> str:
    t = getattr(book, "org_type", None)
    return getattr(t, "key", "extra")


def _gone(row: dict | None, today: dt.date | None = None) -> bool:
    """A person who has left: status «выбыл», or a date of dismissal already past."""
    if not row:
        return False
    if row.get("status") in (v.MENTOR_STATUS_LEFT, v.MENTEE_LEFT):
        return True
    left = c.clean(row.get("left_date"))
    return isinstance(left, dt.date) and (today is None or left <= today)


def build_curator(book, today: dt.date) -> Docs:
    if one_order(book.org):
        return []  # the one order «О внедрении…» appoints the curator
    ctx = _base(book)
    ctx["order"] = c.order(book.org.get("order_curator_no"), book.org.get("order_curator_date"))
    ctx["acquainted"] = _acquainted(ctx, [ctx["curator"]])
    return [("Приказ о назначении куратора", ctx)]


def build_council(book, today: dt.date) -> Docs:
    people = c.people_of(book)
    rank = {r: i for i, r in enumerate(v.COUNCIL_ROLES)}
    rows = [r for r in people.rows["mentors"].values()
            if r.get("council_role") and r.get("status") != v.MENTOR_STATUS_LEFT]
    rows.sort(key=lambda r: (rank.get(r["council_role"], 99), c.text(r.get("fio"))))
    if not rows:
        return []
    members = []
    for i, r in enumerate(rows):
        p = people.get("mentors", r["code"])
        role = r["council_role"]
        members.append({**p, "role": role[0].upper() + role[1:], "end": "." if i == len(rows) - 1 else ";"})
    ctx = _base(book) | {"members": members}
    ctx["acquainted"] = _acquainted(ctx, members)
    ctx["order"] = c.order(book.org.get("order_council_no"), book.org.get("order_council_date"))
    return [("Приказ об утверждении методического совета наставников", ctx)]


def _first_start(groups: list[dict]) -> str:
    """The earliest start of the pairs an order names, «ДД.ММ.ГГГГ» (or a blank)."""
    starts = [dt.datetime.strptime(g["pair"]["start"], "%d.%m.%Y").date() for g in groups
              if g["pair"]["start"] != c.BLANK_DATE]
    return min(starts).strftime("%d.%m.%Y") if starts else c.BLANK_DATE


def build_pairs(book, today: dt.date) -> Docs:
    people, progs = c.people_of(book), c.programme_of(book)
    groups = [c.pair_context(people, g, progs.get(g["code"])) | {"agreement": agreement_of(g)}
              for g in c.pair_groups(book) if c.is_new(g) and not g.get("order_no")]
    if not groups:
        return []
    rows = [{"mentor": g["mentor"], "mentees_text": g["mentees_text"], **g["pair"],
             "payment": g["agreement"]["payment_text"]} for g in groups]
    ctx = _base(book) | {"order": c.order(None, None), "groups": rows,
                          "count_text": morph.agree(len(rows), "пара (группа)"),
                          "agreements": True,
                          # executors' deadlines: the agreements are signed, the programmes written before work starts
                          "agreements_until": _first_start(groups), "programmes_until": _first_start(groups),
                          # the order approves the programmes only once every pair in it has one written
                          "programmes_ready": all(progs.get(g["code"]) for g in c.pair_groups(book)
                                                  if c.is_new(g) and not g.get("order_no"))}
    ctx["acquainted"] = _acquainted(ctx, [g["mentor"] for g in groups], [m for g in groups for m in g["mentees"]],
                                    [ctx["curator"]])
    return [("Приказ о закреплении наставнических пар (групп)", ctx)]


_CHANGE_KINDS = {"продление срока": "extend", "сокращение срока": "shorten", "корректировка содержания": "content",
                 "изменение формы или вида": "form", "замена наставника": "mentor"}
_CHANGE_TITLES = {"stop": "О досрочном завершении персонализированной программы наставничества",
                  "mentor": "О замене наставника"}


_REPLACED = "замена наставника"


def draft_groups(book, replacements=()) -> list[dict]:
    """The running pairs the early fit check replaces, as they will stand after the order: the proposed mentor,
    the mentees who go to him, «замена наставника», and no order, consent or agreement yet.

    ``replacements`` are plain dicts a caller above the documents made from the matcher's proposal
    (``ui.actions.replacements``): ``pair``, ``mentees``, ``mentor`` (the proposed one), ``old_mentor``, ``why``.
    """
    groups = {g["code"]: g for g in c.pair_groups(book)}
    out = []
    for r in replacements or ():
        g = groups.get(r.get("pair"))
        mentees = [m for m in r.get("mentees", ()) if m in g["mentee_codes"]] if g else []
        if not mentees or not r.get("mentor"):
            continue
        blank = dict.fromkeys(("change_basis", "change_order_no", "change_order_date", "mentor_consent",
                               "mentor_consent_date", "agreement_no", "agreement_date", "agreement_until"))
        out.append(g | blank | {"mentor": r["mentor"], "mentee_codes": mentees, "change": _REPLACED,
                                "draft": {"old_mentor": r.get("old_mentor"), "why": c.text(r.get("why")),
                                          "old_agreement": agreement_ref(g),
                                          "whole": set(mentees) == set(g["mentee_codes"])}})
    return out


def build_changes(book, today: dt.date, replacements=()) -> Docs:
    """The orders on the changes of «Пары и группы», then the drafts of the replacements the early fit check asks
    for (``draft_groups``): an order with blanks for its number and date, made to be read and signed."""
    people, progs, out = c.people_of(book), c.programme_of(book), []
    for g in c.pair_groups(book) + draft_groups(book, replacements):
        events = []
        if g.get("change") in _CHANGE_KINDS:
            events.append(_CHANGE_KINDS[g["change"]])
        if g.get("status") == v.PAIR_STOPPED and not g.get("draft"):
            events.append("stop")
        for kind in events:
            ctx = _base(book) | c.pair_context(people, g, progs.get(g["code"]))
            stop = kind == "stop"
            reason = c.text(g.get("end_reason"))
            ctx["change"] = {
                "kind": kind, "clause": "7.1" if stop else "5.1" if kind == "mentor" else "7.2",
                "title": _CHANGE_TITLES.get(kind, "О внесении изменений в персонализированную программу "
                                                  "наставничества"),
                "new_end": c.fdate(g.get("new_end")), "end_date": c.fdate(g.get("actual_end")),
                "reason": reason or "не указана",
                "reason_text": reason_text(reason, _leaver(people, g) if reason == _DISMISSAL else ""),
                # п. 7.1 lists the initiatives and the completed plan; a dismissal ends the work by law, not by it
                "reason_ref": "" if reason == _DISMISSAL else " (п. 7.1 Положения)",
                "basis": c.text(g.get("change_basis")),
                "order_date": c.fdate(g.get("change_order_date")),
            }
            # the curator's own words are put in the genitive; the default is written in it
            ctx["change"]["basis_gen"] = (basis_gen(ctx["change"]["basis"]) if ctx["change"]["basis"] else
                                          fit_basis(ctx) if g.get("draft") else
                                          default_basis(reason if stop else kind, ctx, _leaver(people, g)))
            ctx["change"]["basis"] = ctx["change"]["basis"] or ctx["change"]["basis_gen"]
            ctx["change"]["clause_in_basis"] = "" if "п. " in ctx["change"]["basis_gen"] else \
                f" (п. {ctx['change']['clause']})"
            ctx["agreement"] = agreement_of(g)
            # the mentor's own agreement (ТК ст. 351.8) ends, changes or is made with the programme
            labour = labour_items(kind, g, ctx, people)
            ctx["labour"] = [{"n": i, "text": t} for i, t in enumerate(labour, 2)]
            ctx["change"].update(n_curator=len(labour) + 2, n_control=len(labour) + 3)
            ctx["order"] = c.order(None, None) if stop else c.order(g.get("change_order_no"),
                                                                    g.get("change_order_date"))
            # a draft knows the former mentor: his agreement ends or changes, so he signs that he has read it
            former = [people.get("mentors", g["draft"]["old_mentor"])] if g.get("draft") else []
            ctx["acquainted"] = _acquainted(ctx, [ctx["mentor"]], former, ctx["mentees"], [ctx["curator"]])
            what = "о досрочном завершении" if stop else "об изменении"
            out.append((f"Проект приказа о замене наставника — {g['code']}" if g.get("draft") else
                        f"Приказ {what} — {g['code']}", ctx))
    return out


def fit_basis(ctx: dict) -> str:
    """The basis of a replacement the early fit check asks for: the curator's memo on the answers after the first
    weeks, and the new mentor's written consent (ТК РФ ст. 351.8)."""
    return (f"служебной записки куратора реализации программ наставничества {ctx['curator']['gen']} о результатах "
            f"анкетирования участников программы в первые недели её реализации и письменного согласия наставника "
            f"{ctx['mentor']['gen']}")


_DISMISSAL = "увольнение участника"


def _leaver(people, g: dict) -> str:
    """Who of the pair left, in the genitive, for «в связи с увольнением наставника Иванова И.И.»."""
    mentor_row = people.rows["mentors"].get(g.get("mentor"))
    if _gone(mentor_row):
        return "наставника " + people.get("mentors", g.get("mentor"))["gen"]
    gone = [people.get("mentees", m) for m in g["mentee_codes"] if _gone(people.rows["mentees"].get(m))]
    if gone:
        word = "наставляемых" if len(gone) > 1 else c.group_words(gone)["mentees_word_gen"]
        return f"{word} " + ", ".join(m["gen"] for m in gone)
    return "участника персонализированной программы наставничества"


def default_basis(what: str, ctx: dict, leaver: str = "") -> str:
    """The basis after «на основании» when the curator wrote none: it follows the reason (п. 7.1) or the change.

    An application only where a party asked; the curator's memo where the curator decided or someone left."""
    mentor, mentees = f"наставника {ctx['mentor']['gen']}", f"{ctx['mentees_word_gen']} {ctx['mentees_gen']}"
    memo = f"служебной записки куратора реализации программ наставничества {ctx['curator']['gen']}"
    joint = f"совместного заявления {mentor} и {mentees}"
    return {
        "по инициативе наставника": f"заявления {mentor}",
        "по инициативе наставляемого": f"заявления {mentees}",
        "по обоюдному решению": joint,
        "по инициативе куратора": memo,
        _DISMISSAL: f"{memo} об увольнении {leaver}" if leaver else memo,
        "extend": joint, "shorten": joint, "content": joint, "form": joint,
        "mentor": f"{memo} и письменного согласия наставника {ctx['mentor']['gen']}",
    }.get(what, memo)


def labour_items(kind: str, g: dict, ctx: dict, people) -> list[str]:
    """The operative items on the mentor's additional agreement and payment (ТК РФ ст. 351.8), in the order's words."""
    if g.get("form") == v.FORM_OUTSIDE:
        return []  # an outside mentor works under a cooperation agreement: ст. 351.8 does not bind her
    a = ctx["agreement"]
    ref = f"от {a['date']} № {a['no']}"
    law = "(статья 351.8 Трудового кодекса Российской Федерации)"
    pay = c.clean(g.get("payment")) is not None
    mentor = ctx["mentor"]
    if kind == "stop":
        if _gone(people.rows["mentors"].get(g.get("mentor"))):
            return []  # the labour contract has ended, and with it the agreement
        end = ctx["change"]["end_date"]
        return [f"Отменить с {end} поручение наставнику {mentor['dat']} о выполнении работы по наставничеству, "
                f"прекратить действие дополнительного соглашения к трудовому договору {ref}"
                + (f" и выплату доплаты за наставничество с {end}" if pay else "")
                + f", письменно уведомив наставника не позднее чем за три рабочих дня {law}."]
    if kind in ("extend", "shorten"):
        return [f"Заключить с наставником {mentor['ins']} дополнительное соглашение об изменении срока выполнения "
                f"работы по наставничеству, установленного дополнительным соглашением к трудовому договору {ref}, "
                f"определив срок до {ctx['change']['new_end']}" + (" с сохранением доплаты за наставничество"
                                                                  if pay else "") + f" {law}."]
    if kind == "mentor":
        since = ctx["change"]["order_date"]
        items = [f"Заключить с наставником {mentor['ins']} дополнительное "
                 f"соглашение к трудовому договору о выполнении работы по наставничеству на срок до "
                 f"{ctx['pair']['end']}"
                 + (f" с доплатой в размере {a['payment_text']}" if pay else "") + f" {law}."]
        draft = g.get("draft")
        if not draft:
            return items + [
                f"Прекратить с {since} действие дополнительного соглашения к трудовому договору о выполнении "
                f"работы по наставничеству по этой программе, заключённого с прежним наставником, и выплату доплаты "
                f"за наставничество по нему {law}."]
        old = people.get("mentors", draft["old_mentor"])
        old_row = people.rows["mentors"].get(draft["old_mentor"])
        if _gone(old_row):
            return items  # his labour contract has ended, and with it the agreement
        if draft["whole"]:  # the old mentor keeps no one of this programme: his agreement and payment end
            return items + [
                f"Отменить с {since} поручение наставнику {old['dat']} о выполнении работы по наставничеству по "
                f"персонализированной программе наставничества {ctx['programme']['code']}, прекратить действие "
                f"дополнительного соглашения к трудовому договору {draft['old_agreement']}"
                + (" и выплату доплаты за наставничество" if pay else "")
                + f" с {since}, письменно уведомив наставника не позднее чем за три рабочих дня {law}."]
        return items + [  # a mentee leaves a group: the old mentor keeps the others, his agreement changes
            f"Заключить с наставником {old['ins']} дополнительное соглашение об изменении дополнительного "
            f"соглашения к трудовому договору {draft['old_agreement']} в связи с уменьшением числа наставляемых "
            f"{law}."]
    return []


def agreement_ref(g: dict) -> str:
    """«от 01.09.2026 № ДС-03» of the pair's agreement as the book has it (blanks where it has none)."""
    return f"от {c.fdate(g.get('agreement_date'))} № {c.text(g.get('agreement_no'), c.BLANK_NO)}"


def reason_text(reason, leaver: str = "") -> str:
    """The reason of п. 7.1 as it follows a date: «по инициативе наставляемого», «в связи с увольнением …»."""
    reason = c.text(reason)
    if not reason:
        return "по основаниям, предусмотренным пунктом 7.1 Положения"
    if reason == _DISMISSAL and leaver:
        return f"в связи с увольнением {leaver}"
    if reason.startswith(("по ", "в связи")):
        return reason
    if reason == v.REASON_FULL:
        return "в связи с выполнением плана в полном объёме"
    return "в связи с " + morph.inflect_phrase(reason, "ins")


def basis_gen(basis: str) -> str:
    """«заявление наставника» (as the curator writes it) → «заявления наставника» after «на основании»."""
    return morph.inflect_phrase(basis, "gen")


def _plan_by_direction(rows: list[dict], org_type_key: str = "school") -> list[dict]:
    """The plan grouped by the seed's nine directions; the direction of upbringing in the type's own words
    (a kindergarten has no «внеурочная» activity)."""
    order = {d: n for n, d in enumerate(v.DIRECTIONS.values())}
    groups: dict[str, list] = {}
    for r in sorted(rows, key=lambda r: (order.get(r.get("direction"), 99), r.get("planned_date") or dt.date.max)):
        groups.setdefault(c.text(r.get("direction"), "без направления"), []).append(r)
    out, n = [], 0
    for direction, items in groups.items():
        entries = []
        for r in items:
            n += 1
            done = f"выполнено\n{c.fdate(r.get('actual_date'))}" if r.get("status") == v.ACT_DONE else \
                c.text(r.get("status"))
            entries.append({"n": n, "activity": c.text(r.get("activity")), "form": c.text(r.get("form")),
                            "planned_date": c.fdate(r.get("planned_date")),
                            "responsible": c.text(r.get("responsible")),
                            "expected": c.text(r.get("expected_result"), "—"), "done": done})
        out.append({"direction": direction_title(direction, org_type_key), "activities": entries})
    return out


def academic_years(start, end) -> str:
    """The programme's own academic year(s): «2025/2026 учебный год» or «2025/2026–2026/2027 учебные годы»."""
    def year(d):
        d = c.clean(d)
        if not isinstance(d, dt.date):
            return None
        first = d.year if d.month >= 9 else d.year - 1
        return f"{first}/{first + 1}"

    a, b = year(start), year(end)
    if not a and not b:
        return ""
    if not a or not b or a == b:
        return f"{a or b} учебный год"
    return f"{a}–{b} учебные годы"


def _sentence(text: str) -> str:
    """The curator's sentence closed with a full stop, so that «Срок: до …» after it starts a sentence of its own."""
    text = (text or "").rstrip()
    return text + "." if text and text[-1] not in ".!?…" else text


def build_programme(book, today: dt.date) -> Docs:
    people, out = c.people_of(book), []
    groups = {g["code"]: g for g in c.pair_groups(book)}
    plans: dict[str, list] = {}
    for r in c.records(book, "plan"):
        plans.setdefault(r.get("programme"), []).append(r)
    common = _base(book) | {"review": c.council_of(book)}
    for p in c.records(book, "programmes"):
        g = groups.get(p.get("pair"))
        if g is None or not p.get("code"):
            continue
        ctx = common | c.pair_context(people, g, p)
        tasks = [t.strip(" ;.") for t in re.split(r"[\n;]+", c.text(p.get("tasks"))) if t.strip(" ;.")]
        prog = {k: c.text(p.get(k)) for k in ("code", "title", "problem", "goal", "content", "strengths",
                                              "intermediate_results", "planned_results", "schedule", "mode",
                                              "conditions", "achieved_results")}
        prog["strengths"] = prog["strengths"] or "—"
        inter = c.fdate(p.get("intermediate_date"), "")
        prog.update(start=c.fdate(p.get("start")), end=c.fdate(p.get("end")),
                    intermediate_date=inter,
                    intermediate_text=(_sentence(prog["intermediate_results"])
                                       + (f" Срок: до {inter}." if inter else "")),
                    planned_text=_sentence(prog["planned_results"]) + f" Срок: до {c.fdate(p.get('end'))}.",
                    years=academic_years(p.get("start"), p.get("end")),
                    approval=c.order(g.get("order_no"), g.get("order_date")),
                    period=f"с {c.fdate(p.get('start'))} по {c.fdate(p.get('end'))}", tasks=tasks,
                    tasks_text="\n".join(f"{i}) {t};" if i < len(tasks) else f"{i}) {t}."
                                         for i, t in enumerate(tasks, 1)),
                    agreed=agreed_date(p, g),
                    acquainted=c.fdate(p.get("acquainted_date")),
                    acquainted_word="ознакомлены" if len(ctx["mentees"]) > 1 else
                    morph.by_sex("ознакомлен", ctx["mentees"][0]["sex"] or None) if ctx["mentees"] else
                    "ознакомлен(а)")
        prog["title"] = prog["title"] or "Персонализированная программа наставничества"
        ctx["programme"] = prog
        ctx |= programme_words(ctx["mentees"])
        ctx["plan"] = _plan_by_direction(plans.get(p["code"], []), _type_key(book))
        names = ", ".join(m["list"] for m in ctx["mentees"])
        out.append((f"Программа {prog['code']} — {names}", ctx))
    return out


def agreed_date(p: dict, g: dict) -> str:
    """The date of the curator's «СОГЛАСОВАНО»: agreement comes before approval (the roadmap's order, п. 6.2).

    The book keeps no date of the curator's agreement, only the mentee's acquaintance, which follows the approving
    order; the гриф then carries the order's date (agreed at the latest the day it was approved), never a later one.
    """
    if not p.get("curator_agreed"):
        return c.BLANK_DATE
    seen, approved = c.clean(p.get("acquainted_date")), c.clean(g.get("order_date"))
    if isinstance(approved, dt.date) and (not isinstance(seen, dt.date) or seen > approved):
        return c.fdate(approved)
    return c.fdate(seen)


def programme_words(mentees: list[dict]) -> dict:
    """A programme's words about its mentees, from «Пол»: «Сильные стороны наставляемой», one signature label per
    person («Наставляемая»), and the plural for a group."""
    many = len(mentees) > 1
    words = c.group_words(mentees)
    return {"signers": [{"label": morph.by_sex("Наставляемый", m["sex"]) if m.get("sex") in ("м", "ж")
                         else "Наставляемый", "short": m["short"]} for m in mentees],
            "participants_gen": "наставника и наставляемых" if many else f"наставника и {words['mentees_word_gen']}"}


def build_final(book, today: dt.date) -> Docs:
    people, progs = c.people_of(book), c.programme_of(book)
    groups = [g for g in c.pair_groups(book) if g.get("status") in (v.PAIR_RUNNING, v.PAIR_DONE)]
    rows = []
    for g in groups:
        pc = c.pair_context(people, g, progs.get(g["code"]))
        rows.append({"mentor": pc["mentor"], "mentees_text": pc["mentees_text"],
                     "programme": pc["programme"]["code"], "status": pc["pair"]["status"]})
    ctx = _base(book)
    event_date = book.org.get("final_event_date")
    ctx["order"] = c.order(book.org.get("order_final_no"), book.org.get("order_final_date"))
    place = c.text(book.org.get("final_event_place"))
    ctx["event"] = {"date": c.fdate(event_date), "place": place or "__________",
                    "place_text": f"в {morph.inflect_phrase(place, 'pre')}" if place else "(место проведения — "
                                                                                        "__________)",
                    "survey_until": c.fdate(event_date - dt.timedelta(days=7)) if event_date else c.BLANK_DATE}
    ctx["stats"] = final_stats(book, today)
    council = [r for r in people.rows["mentors"].values() if r.get("council_role")
               and r.get("status") != v.MENTOR_STATUS_LEFT]
    chair = next((r for r in council if r.get("council_role") == v.COUNCIL_ROLES[0]), None)
    ctx["chair"] = people.get("mentors", chair["code"])["fio"] if chair else "__________"
    ctx["groups"] = rows
    mentees = [m for g in groups for m in c.pair_context(people, g, None)["mentees"]]
    ctx["acquainted"] = _acquainted(ctx, [r["mentor"] for r in rows], mentees,
                                    [people.get("mentors", r["code"]) for r in council], [ctx["curator"]])
    return [("Приказ о проведении итогового мероприятия", ctx)]


def final_stats(book, today: dt.date) -> dict:
    """The final order's figures, from the monitoring registry: the analytic report prints the same ones.

    As of the order's own date when it has one: a signed order does not change its text when printed later."""
    from .analytic import Figures, _report

    signed = book.org.get("order_final_date")
    period, indicators, _ = _report(book, signed if isinstance(signed, dt.date) else today)
    f = Figures(indicators)
    total = int(f.part("units_with_programme_share", "numerator") or 0)
    done = int(f.value("programmes_completed") or 0)
    return {"programmes": total, "finished": done,
            "text": f"{morph.agree(total, 'программа')}, из них завершено в полном объёме — {done}"}


def _consents(column: str, what: str):
    def build(book, today: dt.date) -> Docs:
        people, out, common = c.people_of(book), [], _base(book)
        for bank in ("mentors", "mentees"):
            for code, row in people.rows[bank].items():
                if row.get(column) is True or _gone(row, today):
                    continue  # a form for someone who has left concerns nobody
                p = people.get(bank, code)
                out.append((f"{what} — {code} {p['list']}", common | {"person": p,
                                                                      "published": _published(book, bank, code)}))
        return out
    return build


def _published(book, bank: str, code: str) -> dict:
    """What the site would show of a person beyond the name: their programmes' titles and their events."""
    titles, events = c.involvement(book, bank, code)
    return {"programmes": "; ".join(titles) or "участие в персонализированной программе наставничества",
            "events": "; ".join(events) or "сведения об участии, если оно будет",
            "photos": "фотографии с мероприятий системы наставничества"}


PAYMENT_BLANK = "________ рублей в месяц"


def agreement_of(g: dict) -> dict:
    """The additional agreement (ТК РФ ст. 351.8). The payment reads the same in the agreement and in the pairs
    order's annex: «2 875,50 рубля в месяц», or one blank to fill in when the book has no amount."""
    payment = c.clean(g.get("payment"))
    amount = money(payment) if isinstance(payment, (int, float)) and not isinstance(payment, bool) else None
    return {"no": c.text(g.get("agreement_no"), c.BLANK_NO), "date": c.fdate(g.get("agreement_date")),
            "until": c.fdate(g.get("agreement_until") or g.get("new_end") or g.get("planned_end")),
            "payment": amount or "________ рублей",
            "payment_text": f"{amount} в месяц" if amount else PAYMENT_BLANK}


def _new_pairs(book, replacements=()) -> list[dict]:
    people, progs, common = c.people_of(book), c.programme_of(book), _base(book)
    out = []
    for g in c.pair_groups(book) + draft_groups(book, replacements):
        # a replacement mentor of a running pair gives her own consent and signs her own agreement (ТК ст. 351.8)
        replaced = (g.get("change") == "замена наставника" and g.get("status") == v.PAIR_RUNNING
                    and (g.get("mentor_consent") is not True or not c.clean(g.get("mentor_consent_date"))))
        if ((c.is_new(g) or replaced) and not _gone(people.rows["mentors"].get(g.get("mentor")))
                and g.get("form") != v.FORM_OUTSIDE):  # no labour contract with us, no ст. 351.8 papers
            ctx = common | c.pair_context(people, g, progs.get(g["code"]))
            if replaced:  # her work starts with the change order, not with the programme
                since = c.fdate(g.get("change_order_date"))
                ctx["pair"] = ctx["pair"] | {"start": since, "period": f"с {since} по {ctx['pair']['end']}"}
            ctx["agreement"] = agreement_of(g)
            ctx["contract"] = contract_of(people.rows["mentors"].get(g.get("mentor")))
            out.append((g["code"], ctx))
    return out


def contract_of(row: dict | None) -> dict:
    """The mentor's employment contract the additional agreement amends: its number and date, or blanks."""
    row = row or {}
    return {"no": c.text(row.get("contract_no"), "______"), "date": c.fdate(row.get("contract_date"))}


def build_mentor_consent(book, today: dt.date, replacements=()) -> Docs:
    return [(f"Согласие наставника — {code} {ctx['mentor']['list']}", ctx)
            for code, ctx in _new_pairs(book, replacements)]


def build_agreement(book, today: dt.date, replacements=()) -> Docs:
    return [(f"Доп. соглашение — {code} {ctx['mentor']['list']}", ctx) for code, ctx in _new_pairs(book, replacements)]


def build_analytic_report(book, today: dt.date) -> Docs:
    from .analytic import build_analytic  # pandas, the monitoring and (when drawing) matplotlib: only for this kind

    return build_analytic(book, today)


def _with_superior(build: Callable[..., Docs]) -> Callable[..., Docs]:
    """An order built elsewhere gets the preamble's superior acts too (layout.BASIS names them)."""
    def wrapped(book, today: dt.date) -> Docs:
        acts = superior_acts(book)
        return [(name, ctx | {"superior": acts}) for name, ctx in build(book, today)]
    return wrapped


_ORDERS, _PROGRAMMES, _CONSENTS, _REPORTS = "Приказы", "Программы", "Согласия и соглашения", "Отчёты"
KINDS: dict[str, Kind] = {k.key: k for k in (
    # Made instead of the Положение's and the curator's orders when «Порядок приказов» is «один приказ о внедрении».
    Kind("intro", "Приказ о внедрении системы (целевой модели) наставничества (один приказ вместо приказов об "
                  "утверждении Положения и о назначении куратора; приложения: Положение, дорожная карта)",
         "Приказ о внедрении системы наставничества.docx", _ORDERS, _with_superior(orgprogramme.build_intro)),
    Kind("polozhenie", "Приказ об утверждении Положения (приложения: Положение, дорожная карта)",
         "Приказ об утверждении Положения.docx", _ORDERS, build_polozhenie),
    Kind("curator", "Приказ о назначении куратора", "Приказ о назначении куратора.docx", _ORDERS, build_curator),
    Kind("council", "Приказ об утверждении состава методического совета наставников",
         "Приказ о методическом совете.docx", _ORDERS, build_council),
    Kind("pairs", "Приказ о закреплении наставнических пар (групп) с листом ознакомления",
         "Приказ о закреплении пар.docx", _ORDERS, build_pairs),
    Kind("changes", "Приказы об изменении и досрочном завершении программ (и проекты приказов о замене наставника "
                    "по анкете первых недель)", "Приказ о внесении изменений.docx", _ORDERS, build_changes,
         drafts=True),
    Kind("org_programme", "Приказ об утверждении программы наставничества организации (приложение: программа "
                          "наставничества педагогических работников на учебный год)",
         "Приказ об утверждении программы наставничества.docx", _ORDERS,
         _with_superior(orgprogramme.build_programme_order)),
    Kind("programme", "Персонализированные программы наставничества", "Программа наставничества.docx",
         _PROGRAMMES, build_programme),
    Kind("final", "Приказ о проведении итогового мероприятия", "Приказ об итоговом мероприятии.docx", _ORDERS,
         build_final),
    Kind("consent_pd", "Согласия на обработку персональных данных (для тех, чьё согласие в книге не отмечено)",
         "Согласие на обработку ПДн.docx", _CONSENTS,
         _consents("consent_pd", "Согласие на обработку ПДн")),
    Kind("consent_publish", "Согласия на распространение персональных данных (сайт; для тех, чьё согласие в книге "
                            "не отмечено)",
         "Согласие на распространение ПДн.docx", _CONSENTS,
         _consents("consent_publish", "Согласие на распространение ПДн")),
    Kind("mentor_consent", "Согласия наставников на наставничество (ТК РФ ст. 351.8)", "Согласие наставника.docx",
         _CONSENTS, build_mentor_consent, drafts=True),
    Kind("agreement", "Дополнительные соглашения к трудовому договору о наставничестве",
         "Дополнительное соглашение.docx", _CONSENTS, build_agreement, drafts=True),
    Kind("analytic_report", "Аналитический отчёт о реализации системы наставничества (итоговый или промежуточный, "
                            "с диаграммами)",
         "Итоговый аналитический отчёт.docx", _REPORTS, build_analytic_report, images=True),
    # Recognition (issue 32): the council's proposals on «Поощрение» and the programmes completed in full.
    Kind("rewards", "Приказ о поощрении наставников (по предложениям методического совета)",
         "Приказ о поощрении наставников.docx", _ORDERS, _with_superior(recognition.build_reward_order)),
    Kind("thanks", "Благодарственные письма наставникам", "Благодарственное письмо.docx", "Поощрение",
         recognition.build_thanks),
    Kind("certificates", "Сертификаты наставляемых о прохождении программы в полном объёме",
         "Сертификат наставляемого.docx", "Поощрение", recognition.build_certificates),
)}


def file_name(stem: str, n: int = 1) -> str:
    """The document's file name; the n-th of equal names gets « (n)», kept even when the stem is shortened."""
    return safe_filename(stem, "документ", suffix=(f" ({n})" if n > 1 else "") + ".docx")
