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
from importlib import resources
from typing import Callable

from .. import vocab as v
from ..safeio import safe_filename
from . import context as c

Docs = list[tuple[str, dict]]


@dataclass(frozen=True)
class Kind:
    key: str
    title: str  # Russian, shown to the curator
    template: str  # file name in doc_templates/
    folder: str  # output subfolder
    build: Callable[..., Docs]
    images: bool = False  # holds charts: rendered by docxtpl itself so InlineImage works (images.py)


def _polozhenie_text(short_name: str) -> dict:
    """The regulation's text (package data) with the organisation's name put in."""
    raw = resources.files("nastavnik").joinpath("data", "polozhenie.md").read_text(encoding="utf-8")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S).replace("{org}", short_name or "образовательной организации")
    title, sections = "", []
    for block in (b.strip() for b in raw.split("\n\n")):
        if not block:
            continue
        if block.startswith("# "):
            title = block[2:]
        elif block.startswith("## "):
            sections.append({"title": block[3:], "paragraphs": []})
        elif sections:
            sections[-1]["paragraphs"].append(block)
    return {"title": title, "sections": sections}


def build_polozhenie(book, today: dt.date) -> Docs:
    ctx = c.base(book)
    ctx["order"] = c.order(book.org.get("order_regulation_no"), book.org.get("order_regulation_date"))
    ctx["polozhenie"] = _polozhenie_text(ctx["org"]["short_name"])
    ctx["roadmap"] = [{k: c.text(r.get(k)) for k in ("stage", "stage_name", "activity", "deadline", "responsible")}
                      for r in c.records(book, "roadmap")]
    return [("Приказ об утверждении Положения о наставничестве", ctx)]


def build_curator(book, today: dt.date) -> Docs:
    ctx = c.base(book)
    ctx["order"] = c.order(book.org.get("order_curator_no"), book.org.get("order_curator_date"))
    ctx["acquainted"] = c.acquainted([ctx["curator"]])
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
    ctx = c.base(book) | {"members": members, "acquainted": c.acquainted(members)}
    ctx["order"] = c.order(book.org.get("order_council_no"), book.org.get("order_council_date"))
    return [("Приказ об утверждении методического совета наставников", ctx)]


def build_pairs(book, today: dt.date) -> Docs:
    people, progs = c.people_of(book), c.programme_of(book)
    groups = [c.pair_context(people, g, progs.get(g["code"])) for g in c.pair_groups(book)
              if c.is_new(g) and not g.get("order_no")]
    if not groups:
        return []
    rows = [{"mentor": g["mentor"], "mentees_text": g["mentees_text"], **g["pair"]} for g in groups]
    ctx = c.base(book) | {"order": c.order(None, None), "groups": rows}
    ctx["acquainted"] = c.acquainted([g["mentor"] for g in groups], [m for g in groups for m in g["mentees"]],
                                     [ctx["curator"]])
    return [("Приказ о закреплении наставнических пар (групп)", ctx)]


_CHANGE_KINDS = {"продление срока": "extend", "сокращение срока": "shorten", "корректировка содержания": "content",
                 "изменение формы или вида": "form", "замена наставника": "mentor"}
_CHANGE_TITLES = {"stop": "О досрочном завершении персонализированной программы наставничества",
                  "mentor": "О замене наставника"}


def build_changes(book, today: dt.date) -> Docs:
    people, progs, out = c.people_of(book), c.programme_of(book), []
    for g in c.pair_groups(book):
        events = []
        if g.get("change") in _CHANGE_KINDS:
            events.append(_CHANGE_KINDS[g["change"]])
        if g.get("status") == v.PAIR_STOPPED:
            events.append("stop")
        for kind in events:
            ctx = c.base(book) | c.pair_context(people, g, progs.get(g["code"]))
            stop = kind == "stop"
            ctx["change"] = {
                "kind": kind, "clause": "7.1" if stop else "5.1" if kind == "mentor" else "7.2",
                "title": _CHANGE_TITLES.get(kind, "О внесении изменений в персонализированную программу "
                                                  "наставничества"),
                "new_end": c.fdate(g.get("new_end")), "end_date": c.fdate(g.get("actual_end")),
                "reason": c.text(g.get("end_reason"), "не указана"),
                "basis": c.text(g.get("change_basis"), "заявление участников персонализированной программы "
                                                       "наставничества"),
            }
            ctx["order"] = c.order(None, None) if stop else c.order(g.get("change_order_no"),
                                                                    g.get("change_order_date"))
            ctx["acquainted"] = c.acquainted([ctx["mentor"]], ctx["mentees"], [ctx["curator"]])
            what = "о досрочном завершении" if stop else "об изменении"
            out.append((f"Приказ {what} — {g['code']}", ctx))
    return out


def _plan_by_direction(rows: list[dict]) -> list[dict]:
    order = list(v.DIRECTIONS.values())
    groups: dict[str, list] = {}
    for r in sorted(rows, key=lambda r: (order.index(r["direction"]) if r.get("direction") in order else 99,
                                         r.get("planned_date") or dt.date.max)):
        groups.setdefault(c.text(r.get("direction"), "без направления"), []).append(r)
    out, n = [], 0
    for direction, items in groups.items():
        entries = []
        for r in items:
            n += 1
            done = f"выполнено {c.fdate(r.get('actual_date'))}" if r.get("status") == v.ACT_DONE else \
                c.text(r.get("status"))
            entries.append({"n": n, "activity": c.text(r.get("activity")), "form": c.text(r.get("form")),
                            "planned_date": c.fdate(r.get("planned_date")),
                            "responsible": c.text(r.get("responsible")), "done": done})
        out.append({"direction": direction, "activities": entries})
    return out


def build_programme(book, today: dt.date) -> Docs:
    people, out = c.people_of(book), []
    groups = {g["code"]: g for g in c.pair_groups(book)}
    plans: dict[str, list] = {}
    for r in c.records(book, "plan"):
        plans.setdefault(r.get("programme"), []).append(r)
    common = c.base(book)
    for p in c.records(book, "programmes"):
        g = groups.get(p.get("pair"))
        if g is None or not p.get("code"):
            continue
        ctx = common | c.pair_context(people, g, p)
        tasks = [t.strip(" ;.") for t in re.split(r"[\n;]+", c.text(p.get("tasks"))) if t.strip(" ;.")]
        prog = {k: c.text(p.get(k)) for k in ("code", "title", "problem", "goal", "content",
                                              "intermediate_results", "planned_results", "schedule", "mode",
                                              "conditions", "achieved_results")}
        prog.update(start=c.fdate(p.get("start")), end=c.fdate(p.get("end")),
                    period=f"с {c.fdate(p.get('start'))} по {c.fdate(p.get('end'))}", tasks=tasks,
                    tasks_text="\n".join(f"{i}) {t};" if i < len(tasks) else f"{i}) {t}."
                                         for i, t in enumerate(tasks, 1)),
                    agreed=f"«Согласовано» {c.fdate(p.get('acquainted_date'))}" if p.get("curator_agreed")
                    else c.BLANK_DATE,
                    acquainted=c.fdate(p.get("acquainted_date")))
        prog["title"] = prog["title"] or "Персонализированная программа наставничества"
        ctx["programme"] = prog
        ctx["plan"] = _plan_by_direction(plans.get(p["code"], []))
        names = ", ".join(m["list"] for m in ctx["mentees"])
        out.append((f"Программа {prog['code']} — {names}", ctx))
    return out


def build_final(book, today: dt.date) -> Docs:
    people, progs = c.people_of(book), c.programme_of(book)
    groups = [g for g in c.pair_groups(book) if g.get("status") in (v.PAIR_RUNNING, v.PAIR_DONE)]
    rows = []
    for g in groups:
        pc = c.pair_context(people, g, progs.get(g["code"]))
        rows.append({"mentor": pc["mentor"], "mentees_text": pc["mentees_text"],
                     "programme": pc["programme"]["code"], "status": pc["pair"]["status"]})
    ctx = c.base(book)
    event_date = book.org.get("final_event_date")
    ctx["order"] = c.order(book.org.get("order_final_no"), book.org.get("order_final_date"))
    ctx["event"] = {"date": c.fdate(event_date), "place": c.text(book.org.get("final_event_place"), "__________"),
                    "survey_until": c.fdate(event_date - dt.timedelta(days=7)) if event_date else c.BLANK_DATE}
    all_groups = c.pair_groups(book)
    ctx["stats"] = {"programmes": len(c.records(book, "programmes")),
                    "finished": sum(1 for g in all_groups if g.get("status") == v.PAIR_DONE)}
    chair = next((r for r in people.rows["mentors"].values() if r.get("council_role") == v.COUNCIL_ROLES[0]
                  and r.get("status") != v.MENTOR_STATUS_LEFT), None)
    ctx["chair"] = people.get("mentors", chair["code"])["fio"] if chair else "__________"
    ctx["groups"] = rows
    ctx["acquainted"] = c.acquainted([r["mentor"] for r in rows], [ctx["curator"]])
    return [("Приказ о проведении итогового мероприятия", ctx)]


def _consents(column: str, what: str):
    def build(book, today: dt.date) -> Docs:
        people, out, common = c.people_of(book), [], c.base(book)
        for bank in ("mentors", "mentees"):
            for code, row in people.rows[bank].items():
                if row.get(column) is True:
                    continue
                p = people.get(bank, code)
                out.append((f"{what} — {code} {p['list']}", common | {"person": p}))
        return out
    return build


def _new_pairs(book) -> list[dict]:
    people, progs, common = c.people_of(book), c.programme_of(book), c.base(book)
    out = []
    for g in c.pair_groups(book):
        if c.is_new(g):
            ctx = common | c.pair_context(people, g, progs.get(g["code"]))
            ctx["agreement"] = {"no": c.text(g.get("agreement_no"), c.BLANK_NO),
                                "date": c.fdate(g.get("agreement_date")),
                                "until": c.fdate(g.get("agreement_until") or g.get("planned_end")),
                                "payment": c.text(g.get("payment"), "________")}
            out.append((g["code"], ctx))
    return out


def build_mentor_consent(book, today: dt.date) -> Docs:
    return [(f"Согласие наставника — {code} {ctx['mentor']['list']}", ctx) for code, ctx in _new_pairs(book)]


def build_agreement(book, today: dt.date) -> Docs:
    return [(f"Доп. соглашение — {code} {ctx['mentor']['list']}", ctx) for code, ctx in _new_pairs(book)]


def build_analytic_report(book, today: dt.date) -> Docs:
    from .analytic import build_analytic  # pandas, the monitoring and (when drawing) matplotlib: only for this kind

    return build_analytic(book, today)


_ORDERS, _PROGRAMMES, _CONSENTS, _REPORTS = "Приказы", "Программы", "Согласия и соглашения", "Отчёты"
KINDS: dict[str, Kind] = {k.key: k for k in (
    Kind("polozhenie", "Приказ об утверждении Положения (приложения: Положение, дорожная карта)",
         "Приказ об утверждении Положения.docx", _ORDERS, build_polozhenie),
    Kind("curator", "Приказ о назначении куратора", "Приказ о назначении куратора.docx", _ORDERS, build_curator),
    Kind("council", "Приказ об утверждении состава методического совета наставников",
         "Приказ о методическом совете.docx", _ORDERS, build_council),
    Kind("pairs", "Приказ о закреплении наставнических пар (групп) с листом ознакомления",
         "Приказ о закреплении пар.docx", _ORDERS, build_pairs),
    Kind("changes", "Приказы об изменении и досрочном завершении программ", "Приказ о внесении изменений.docx",
         _ORDERS, build_changes),
    Kind("programme", "Персонализированные программы наставничества", "Программа наставничества.docx",
         _PROGRAMMES, build_programme),
    Kind("final", "Приказ о проведении итогового мероприятия", "Приказ об итоговом мероприятии.docx", _ORDERS,
         build_final),
    Kind("consent_pd", "Согласия на обработку персональных данных", "Согласие на обработку ПДн.docx", _CONSENTS,
         _consents("consent_pd", "Согласие на обработку ПДн")),
    Kind("consent_publish", "Согласия на распространение персональных данных (сайт)",
         "Согласие на распространение ПДн.docx", _CONSENTS,
         _consents("consent_publish", "Согласие на распространение ПДн")),
    Kind("mentor_consent", "Согласия наставников на наставничество (ТК РФ ст. 351.8)", "Согласие наставника.docx",
         _CONSENTS, build_mentor_consent),
    Kind("agreement", "Дополнительные соглашения к трудовому договору о наставничестве",
         "Дополнительное соглашение.docx", _CONSENTS, build_agreement),
    Kind("analytic_report", "Итоговый аналитический отчёт о реализации системы наставничества (с диаграммами)",
         "Итоговый аналитический отчёт.docx", _REPORTS, build_analytic_report, images=True),
)}


def file_name(stem: str, n: int = 1) -> str:
    """The document's file name; the n-th of equal names gets « (n)», kept even when the stem is shortened."""
    return safe_filename(stem, "документ", suffix=(f" ({n})" if n > 1 else "") + ".docx")
