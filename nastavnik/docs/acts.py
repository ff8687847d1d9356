"""What several orders share: the Положение's text in the type's words, the roadmap's rows, the superior bodies'
acts of a preamble, and the лист ознакомления without the signer.

The order on the Положение, the one order of introduction and the organisation's programme of mentoring all
carry them, and the modules that make those documents (``kinds``, ``orgprogramme``) must not import each other.
"""

from __future__ import annotations

import re
from importlib import resources

from nastavnik.base import morph

from . import context as c
from .words import type_words


def polozhenie_text(short_name: str, org_type_key: str = "extra") -> dict:
    """The regulation's text (package data) with the organisation's name and its type's words put in."""
    raw = resources.files("nastavnik.docs").joinpath("data", "polozhenie.md").read_text(encoding="utf-8")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S).replace("{org}", short_name or "образовательной организации")
    for key, words in type_words(org_type_key).items():
        raw = raw.replace("{" + key + "}", words)
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


def superior_acts(book) -> str:
    """«, распоряжением Комитета по образованию от 08.04.2022 № 746-р «О …»» — the regional and district acts of
    the sheet «Нормативная база», cited in an order's preamble after the federal ones (real orders start from the
    superior body's act); empty when the book lists none with a date and a number."""
    out = []
    for r in c.records(book, "normative"):
        level, kind, title = c.text(r.get("level")), c.text(r.get("kind")), c.text(r.get("title"))
        if not level.startswith("региональный") or not (kind and title and r.get("number") and r.get("date")):
            continue
        kind = morph.inflect_phrase(kind, "ins")
        out.append(f", {kind[:1].lower()}{kind[1:]} от {c.fdate(r.get('date'))} № {c.text(r.get('number'))} "
                   f"«{title.strip('«»')}»")
    return "".join(out)


def roadmap_rows(records: list[dict]) -> list[dict]:
    """One number per stage: a stage of two lines is «1.1», «1.2», its name written once."""
    stages: dict[str, list[dict]] = {}
    for r in records:
        stages.setdefault(c.text(r.get("stage")), []).append(r)
    out = []
    for stage, rows in stages.items():
        for i, r in enumerate(rows, 1):
            out.append({"stage": stage if len(rows) == 1 else f"{stage}.{i}",
                        "stage_name": c.text(r.get("stage_name")) if i == 1 else "",
                        **{k: c.text(r.get(k)) for k in ("activity", "deadline", "responsible")}})
    return out


def acquainted(ctx: dict, *groups: list[dict]) -> list[dict]:
    """The лист ознакомления without the one who signs the order: the head does not sign that she has read her own
    order, even when she is also a mentor or a council member (the name is compared as the book writes it)."""
    signer = ctx["director"].get("nom", "")
    return [p for p in c.acquainted(*groups) if not signer or p["fio"] != signer]
