"""Page data for the website section, built from the Book under the publication rules.

Only whitelisted columns leave this module: programme titles, forms, kinds,
periods and directions; results of completed programmes whose results may be
published (п. 8.2); names only of people who consented (see ``privacy``); news
marked «публиковать»; the roadmap; the curator's position. Birth dates,
contacts, categories, request texts and ages are never read here, so no
template can print them by mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from nastavnik.workbook import schema as sch
from nastavnik.workbook import vocab as v
from nastavnik.workbook.organisation import one_order, regulation_order_key
from nastavnik.workbook.rows import records

from .documents import Published, attached_file, is_url, signed_orders_later
from .privacy import People, people, yes
from .values import _missing, _text, fmt_date

SITE_TITLE = "Наставничество"


@dataclass(frozen=True)
class Page:
    key: str
    file: str
    title: str
    nav: str  # short label for the menu


PAGES: tuple[Page, ...] = (
    Page("index", "index.html", "Система наставничества педагогических работников", "О наставничестве"),
    Page("programmes", "programmy.html", "Реализуемые программы наставничества", "Программы"),
    Page("results", "rezultaty.html", "Результаты завершённых программ", "Результаты"),
    Page("best", "luchshie-praktiki.html", "Лучшие практики наставничества", "Лучшие практики"),
    Page("normative", "normativnaya-baza.html", "Нормативная база", "Нормативная база"),
    Page("documents", "dokumenty.html", "Документы", "Документы"),
    Page("news", "novosti.html", "Новости и анонсы", "Новости"),
    Page("roadmap", "dorozhnaya-karta.html", "Дорожная карта", "Дорожная карта"),
    Page("contacts", "kontakty.html", "Контакты", "Контакты"),
)

# Headings of «Нормативная база» (п. 8.1: federal, regional and local base, methodological recommendations).
LEVELS: tuple[tuple[str, str, tuple[tuple[str | None, str], ...]], ...] = (
    ("federal", "Федеральный уровень", ((None, "федеральный"),)),
    ("regional", "Региональный уровень", (("Санкт-Петербург", "региональный (Санкт-Петербург)"),
                                          ("Район", "региональный (район)"))),
    ("local", "Локальные акты организации", ((None, "локальный"),)),
    ("methodical", "Методические рекомендации", ((None, "методические рекомендации"),)),
)

ABOUT = (
    "Система (целевая модель) наставничества педагогических работников помогает молодым и начинающим "
    "педагогам, педагогам на новой должности и тем, кто испытывает профессиональные затруднения: наставник "
    "и наставляемый работают по персонализированной программе сроком от 3 месяцев до 1 года.",
    "Цель системы — создание эффективной среды наставничества, способствующей непрерывному профессиональному "
    "росту и самоопределению педагогов, их адаптации и закреплению в профессии.",
    "В этом разделе публикуются сведения о реализуемых программах, результаты завершённых программ и лучшие "
    "практики, нормативная база, новости и анонсы, ход реализации дорожной карты.",
)

PRIVACY_NOTE = (
    "Фамилии, имена и отчества участников публикуются только с их согласия на распространение персональных "
    "данных. Если согласия нет, вместо ФИО указано «участник программы»."
)


@dataclass
class Programme:
    code: str
    title: str
    form: str | None
    kind: str | None
    period: str
    directions: list[str]
    mentor: str
    mentees: list[str]
    status: str | None
    pair: str | None = None
    results: str | None = None
    results_public: bool = False  # the programme's «Согласие на публикацию результатов»
    best: bool = False
    mentees_label: str = "Наставляемый"


@dataclass
class Stage:
    number: int
    name: str
    status: str
    rows: list[dict[str, Any]] = field(default_factory=list)


def _iso(value) -> str:
    return "" if _missing(value) else f"{value:%Y-%m-%d}"


def _int(value) -> int | None:
    """An Int64 cell as int; None for NA or anything unreadable."""
    try:
        return None if _missing(value) else int(value)
    except (TypeError, ValueError):
        return None


def _rows(book, key: str) -> list[dict]:
    frame = book.tables.get(key)
    return [] if frame is None else records(frame)


def _pairs(book) -> dict[str, dict]:
    """Pair (or group) code -> mentor, mentees, form, kind, status of its first row."""
    out: dict[str, dict] = {}
    for row in _rows(book, "pairs"):
        code = row.get("code")
        if not code:
            continue
        pair = out.setdefault(code, {**row, "mentees": []})
        if row.get("mentee") and row["mentee"] not in pair["mentees"]:
            pair["mentees"].append(row["mentee"])
    return out


def _directions(book) -> dict[str, list[str]]:
    """Programme code -> the directions of its plan, in the seed's order (two columns of the plan read, not rows)."""
    order = {d: n for n, d in enumerate(v.DIRECTIONS.values())}
    frame = book.tables.get("plan")
    found: dict[str, set[str]] = {}
    if frame is None or not {"programme", "direction"} <= set(frame.columns):
        return {}
    for programme, direction in zip(frame["programme"].tolist(), frame["direction"].tolist()):
        if programme and direction:
            found.setdefault(programme, set()).add(direction)
    return {code: sorted(dirs, key=lambda d: order.get(d, len(order))) for code, dirs in found.items()}


def _mentees_label(codes: list, who: People, sex: dict) -> str:
    """«Наставляемая» for one woman whose name is shown; a hidden name keeps the neutral masculine, so that the
    label does not tell what the name does not."""
    if len(codes) > 1:
        return "Наставляемые"
    if codes and codes[0] in who.shown and sex.get(codes[0]) == "ж":
        return "Наставляемая"
    return "Наставляемый"


def programmes(book, who: People) -> list[Programme]:
    """Every programme with its pair, names replaced by the placeholder where there is no consent."""
    pairs, directions = _pairs(book), _directions(book)
    frame = book.tables.get("mentees")
    sex = dict(zip(frame["code"], frame["sex"])) if frame is not None and {"code", "sex"} <= set(frame) else {}
    out = []
    for row in _rows(book, "programmes"):
        code = row.get("code")
        if not code:
            continue
        pair = pairs.get(row.get("pair"), {})
        start = pair.get("start") if _missing(row.get("start")) else row["start"]
        end = pair.get("planned_end") if _missing(row.get("end")) else row["end"]
        period = " — ".join(x for x in (fmt_date(start), fmt_date(end)) if x)
        out.append(Programme(
            code=code,
            title=who.scrub(_text(row.get("title"))) or f"Персонализированная программа наставничества {code}",
            form=pair.get("form"), kind=pair.get("kind"), period=period,
            directions=directions.get(code, []),
            mentor=who.name(pair.get("mentor")),
            mentees=[who.name(m) for m in pair.get("mentees", [])] or [],
            status=pair.get("status"),
            pair=row.get("pair"),
            results=who.scrub(_text(row.get("achieved_results"))),
            results_public=yes(row.get("consent_publish")),
            best=yes(row.get("best_practice")),
            mentees_label=_mentees_label(pair.get("mentees", []), who, sex),
        ))
    return out


def roadmap(book, who: People) -> list[Stage]:
    stages: dict[int, Stage] = {}
    rows = [r for r in _rows(book, "roadmap") if _int(r.get("stage")) is not None]
    for row in sorted(rows, key=lambda r: (_int(r["stage"]), _int(r.get("_row")) or 0)):
        number = _int(row["stage"])
        name = _text(row.get("stage_name")) or (
            v.ROADMAP_STAGES[number - 1] if 1 <= number <= len(v.ROADMAP_STAGES) else f"Этап {number}")
        stage = stages.setdefault(number, Stage(number, name, ""))
        stage.rows.append({
            "activity": who.scrub(_text(row.get("activity"))),
            "deadline": who.scrub(_text(row.get("deadline"))),
            "responsible": who.scrub(_text(row.get("responsible"))),
            "status": row.get("status") or v.STAGE_STATUSES[0],
        })
    from nastavnik.report.compute import stage_state  # the monitoring's rule, so the site says what the report says

    for stage in stages.values():
        stage.status = stage_state([r["status"] for r in stage.rows])
    return [stages[k] for k in sorted(stages)]


ANNOUNCEMENT = "анонс"
PAST_ANNOUNCEMENT = "прошедшее мероприятие"


def _news_kind(row: dict, today: dt.date | None) -> str:
    """An announcement whose date has passed is no longer announced to the visitor as coming."""
    kind = _text(row.get("kind")) or "новость"
    when = row.get("date")
    day = when.date() if isinstance(when, dt.datetime) else when
    if kind.lower() == ANNOUNCEMENT and today is not None and not _missing(when) and day < today:
        return PAST_ANNOUNCEMENT
    return kind


def news(book, who: People, today: dt.date | None = None) -> list[dict]:
    items = [
        {"date": fmt_date(r.get("date")), "iso": _iso(r.get("date")), "kind": _news_kind(r, today),
         "title": who.scrub(_text(r.get("title"))) or "", "paragraphs": _paragraphs(who.scrub(_text(r.get("text"))))}
        for r in _rows(book, "news") if yes(r.get("publish"))
    ]
    items.sort(key=lambda n: n["iso"], reverse=True)  # undated items last
    return items


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").splitlines() if p.strip()]


def regulation(org: dict) -> str:
    name = _text(org.get("short_name")) or _text(org.get("full_name")) or "образовательной организации"
    text = f"Положение о системе (целевой модели) наставничества педагогических работников в {name}"
    key = regulation_order_key(org)  # the one order of introduction approves it when the book chose that order
    no, date = _text(org.get(f"{key}_no")), fmt_date(org.get(f"{key}_date"))
    if no or date:
        text += ", утверждено приказом" + (f" от {date}" if date else "") + (f" № {no}" if no else "")
    return text


def _act_text(row: dict) -> str:
    kind, title = _text(row.get("kind")), _text(row.get("title")) or ""
    date, no = fmt_date(row.get("date")), _text(row.get("number"))
    head = " ".join(x for x in (kind, f"от {date}" if date else None, f"№ {no}" if no else None) if x)
    return f"{head} «{title}»" if head else title


def normative(book, who: People, orders: list[Published], files: dict, notes: list) -> list[dict]:
    """The sections of «Нормативная база»; a workbook without the sheet gets the pre-filled federal acts."""
    frame = book.tables.get("normative")
    if frame is None or len(frame) == 0:
        rows = [dict(zip(sch.NORMATIVE.keys, r)) for r in sch.NORMATIVE.prefill]
    else:
        rows = [r for r in records(frame) if yes(r.get("publish"))]
    acts: dict[str, list[dict]] = {}
    for n, row in enumerate(rows, start=1):
        if not _text(row.get("title")):
            continue
        href, data, note = attached_file(book, _text(row.get("link")), n)
        if data is not None:
            files[href] = data
        if note:
            notes.append(note)
        acts.setdefault(row.get("level") or "", []).append(
            {"text": who.scrub(_act_text(row)), "href": href, "pdf": data is not None})
    local = own_documents(book.org or {}, orders)
    out = []
    for key, title, groups in LEVELS:
        parts = []
        for sub, level in groups:
            found = acts.get(level, [])
            if key == "local":
                found = local + found
            parts.append({"title": sub, "acts": found})
        # A sub-level with nothing in it is not shown on a public page; a level with nothing at all says so once.
        parts = [p for p in parts if p["acts"]] or [{"title": None, "acts": []}]
        out.append({"key": key, "title": title, "groups": parts})
    return out


def site_content(book, today: dt.date, documents=(), pdf_cache=None) -> dict[str, Any]:
    """Everything the templates may print, and nothing else.

    ``documents`` are the files the documents step made (``SiteDocument``); the signed orders among
    them that pass the privacy check are published as PDF. The result's ``files`` maps a path in the
    site to the bytes of each PDF, and ``notes`` says what was left out and why.
    """
    who = people(book.tables)
    org = book.org or {}
    files: dict[str, bytes] = {}
    from nastavnik.report.indicators import book_figures

    with signed_orders_later(book, documents, who, pdf_cache) as signed:  # LibreOffice works meanwhile
        figures = book_figures(book, today)  # the registry's definitions: the same numbers as the report
        progs = programmes(book, who)
        at_work = set((figures["programmes_running"].extra or {}).get("pairs", []))
        running = [p for p in progs if p.pair in at_work]
        # п. 8.2: results only after completion, and only with the participants' consent to publish them.
        completed = [p for p in progs if p.status == v.PAIR_DONE and p.results_public and p.results]
        best = [p for p in completed if p.best]
        stages = roadmap(book, who)
        done = figures["roadmap_stages_done"].value
        latest = news(book, who, today)
        orders, notes = signed()
    for o in orders:
        files[o.href] = o.data
    return {
        "org_name": _text(org.get("full_name")) or _text(org.get("short_name")) or "Образовательная организация",
        "short_name": _text(org.get("short_name")) or _text(org.get("full_name")) or "",
        "address": _text(org.get("address")),
        "academic_year": _text(org.get("academic_year")),
        "curator_position": _text(org.get("curator_position")),
        "site_url": _text(org.get("site_url")) if is_url(_text(org.get("site_url"))) else None,
        "main_site_url": _text(org.get("main_site_url")) if is_url(_text(org.get("main_site_url"))) else None,
        "updated_iso": _iso(today),
        "updated": fmt_date(today),
        "about": ABOUT,
        "privacy_note": PRIVACY_NOTE,
        "counts": {"mentors": figures["mentors_bank"].value, "running": figures["programmes_running"].value, "completed": len(completed),
                   "best": len(best)},
        "programmes": running,
        "results": completed,
        "best": best,
        "normative": normative(book, who, orders, files, notes),
        "own_documents": own_documents(org, orders),
        "files": files,
        "notes": notes,
        "news": latest,
        "stages": stages,
        "stages_done": done,
        "final_event": _final_event(org),
    }


def own_documents(org: dict, orders: list[Published]) -> list[dict]:
    """The Положение and the signed orders of the organisation: a link to the PDF where one is published."""
    by_kind = {o.kind: o for o in orders}
    out = []
    pol = by_kind.get("intro") if one_order(org) else by_kind.get("polozhenie")
    out.append({"text": regulation(org) + (" (с приложениями: Положение и дорожная карта)" if pol else ""),
                "href": pol.href if pol else None, "pdf": bool(pol)})
    for o in orders:
        if o is not pol:
            out.append({"text": o.title + (f" от {fmt_date(o.date)}" if fmt_date(o.date) else "")
                        + (f" № {o.number}" if o.number else ""), "href": o.href, "pdf": True})
    out += [{"text": text, "href": None, "pdf": False}
            for text in _local_acts(org, set(by_kind) | {"intro" if one_order(org) else "polozhenie"})]
    return out


def _local_acts(org: dict, published: set[str] = frozenset()) -> list[str]:
    """Signed orders of the organisation that are not published as PDF: shown as text on «Документы»."""
    acts = []
    for kind, key, what in (("intro", "order_intro", "О внедрении системы (целевой модели) наставничества "
                             "педагогических работников"),
                            ("polozhenie", "order_regulation", "Об утверждении Положения о системе (целевой модели) "
                             "наставничества педагогических работников"),
                            ("curator", "order_curator", "О назначении куратора системы наставничества"),
                            ("council", "order_council", "Об утверждении методического совета наставников"),
                            ("org_programme", "order_programme", "Об утверждении программы наставничества "
                             "педагогических работников"),
                            ("final", "order_final", "О проведении итогового мероприятия")):
        if kind in published:
            continue
        no, date = _text(org.get(f"{key}_no")), fmt_date(org.get(f"{key}_date"))
        if no or date:
            acts.append(f"Приказ «{what}»" + (f" от {date}" if date else "") + (f" № {no}" if no else ""))
    return acts


def _final_event(org: dict) -> str | None:
    date, place = fmt_date(org.get("final_event_date")), _text(org.get("final_event_place"))
    if not date:
        return None
    return f"Итоговое мероприятие: {date}" + (f", {place}" if place else "")
