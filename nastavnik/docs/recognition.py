"""Recognition (issue 32): the order on rewarding mentors, letters of thanks, mentees' certificates of completion.

Who is rewarded, how and on what ground lives on the sheet «Поощрение» (the council's proposals, п. 3.5
Положения); a certificate goes to every mentee whose pair is «завершена» with the plan done in full (п. 7.1).
Each kind has a builder (Book → ``[(file name, context)]``, registered in ``kinds``) and a layout drawn from the
blocks of ``layout`` (``LAYOUTS``, saved to ``doc_templates/`` by ``scripts/make_doc_templates.py``).

Layer: outputs. Imports ``layout``, ``context`` and ``nastavnik.base``/``nastavnik.workbook`` only, never ``kinds``.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base import morph
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v

from . import context as c
from . import layout as x
from .layout import BASIS, CONTROL, C, para, points

Docs = list[tuple[str, dict]]

# The kinds of reward as the order's points say them: the verb, and the case the mentor's name takes after it.
_VERBS = {s.REWARD_THANKS: ("Объявить благодарность", "dat"),
          s.REWARD_DIPLOMA: ("Наградить почётной грамотой", "acc"),
          s.REWARD_BONUS: ("Выплатить премию", "dat")}
_DEFAULT_GROUND = "за успешную реализацию персонализированной программы наставничества"


def completed_in_full(g: dict) -> bool:
    """A pair (group) whose programme ended with its plan done in full (п. 7.1 Положения)."""
    return g.get("status") == v.PAIR_DONE and g.get("end_reason") == v.REASON_FULL


def _money(amount) -> str:
    amount = c.clean(amount)
    if not isinstance(amount, (int, float)) or amount <= 0:
        return "________ рублей"
    whole = round(amount)
    rub = f"{whole:,}".replace(",", c.NBSP)
    return f"{rub}{c.NBSP}{morph.plural(whole, 'рубль')}"


def _proposals(book) -> list[dict]:
    """Each proposal of «Поощрение» with its mentor, programme and pair in context form, in sheet order."""
    people, progs = c.people_of(book), {p.get("code"): p for p in c.records(book, "programmes")}
    groups = {g["code"]: g for g in c.pair_groups(book)}
    out = []
    for r in c.records(book, "rewards"):
        if not r.get("mentor") or r.get("kind") not in _VERBS:
            continue
        prog = progs.get(r.get("programme")) or {}
        g = groups.get(prog.get("pair"))
        pc = c.pair_context(people, g, prog) if g else {"mentees_word_gen": "", "mentees_gen": ""}
        mentor = people.get("mentors", r["mentor"])
        title = c.text(prog.get("title"))
        what = f"{c.text(r.get('programme'))}" + (f" «{title}»" if title else "")
        ground = c.text(r.get("ground")).rstrip(" .;") or _DEFAULT_GROUND
        whom = f" в отношении {pc['mentees_word_gen']} {pc['mentees_gen']}" if pc["mentees_gen"] else ""
        out.append({"row": r, "mentor": mentor, "kind": r["kind"], "ground": ground, "programme": what,
                    "whom": whom, "amount": _money(r.get("amount")),
                    "protocol": c.order(r.get("protocol_no"), r.get("protocol_date"))})
    return out


def build_reward_order(book, today: dt.date) -> Docs:
    proposals = _proposals(book)
    if not proposals:
        return []
    sections, n = [], 0
    for kind, (verb, case) in _VERBS.items():
        rows = [p for p in proposals if p["kind"] == kind]
        if not rows:
            continue
        n += 1
        items = []
        for i, p in enumerate(rows):
            m = p["mentor"]
            sum_text = f" в размере {p['amount']}" if kind == s.REWARD_BONUS else ""
            items.append({"text": f"{m[case]}, {m['position_' + case]},{sum_text} — {p['ground']} (программа "
                                  f"{p['programme']}{p['whom']})" + (";" if i < len(rows) - 1 else "."),
                          "fio": m["fio"], "position": m["position"]})
        sections.append({"n": n, "head": f"{verb}:", "entries": items})
    protocols = list(dict.fromkeys(f"протокол от {p['protocol']['date']} №{c.NBSP}{p['protocol']['no']}"
                                   for p in proposals))
    bonus = any(p["kind"] == s.REWARD_BONUS for p in proposals)
    ctx = c.base(book) | {"order": c.order(None, None), "sections": sections,
                          "council": "; ".join(protocols), "bonus": bonus,
                          "n_bonus": n + 1, "n_curator": n + 1 + bonus, "n_control": n + 2 + bonus,
                          "count_text": morph.agree(len({p["mentor"]["code"] for p in proposals}), "наставник")}
    ctx["acquainted"] = c.acquainted(list({p["mentor"]["code"]: p["mentor"] for p in proposals}.values()),
                                     [ctx["curator"]])
    return [("Приказ о поощрении наставников", ctx)]


def build_thanks(book, today: dt.date) -> Docs:
    """One letter of thanks per proposed mentor, naming every programme the proposals give as ground."""
    by_mentor: dict[str, list[dict]] = {}
    for p in _proposals(book):
        by_mentor.setdefault(p["mentor"]["code"], []).append(p)
    common, out = c.base(book), []
    for code, props in by_mentor.items():
        m = props[0]["mentor"]
        parts = m["fio"].split()
        grounds = list(dict.fromkeys(f"программы {p['programme']}{p['whom']}" for p in props))
        ctx = common | {"mentor": m, "letter": {
            "address": ("Уважаемая" if m["sex"] == "ж" else "Уважаемый") + " " + " ".join(parts[1:] or parts) + "!",
            "programmes": ", ".join(grounds),
            "pupils": ot.type_words(getattr(getattr(book, "org_type", None), "key", "extra"))["pupils"],
            "council": "; ".join(dict.fromkeys(f"протокол от {p['protocol']['date']} №{c.NBSP}{p['protocol']['no']}"
                                               for p in props))}}
        out.append((f"Благодарственное письмо — {code} {m['list']}", ctx))
    return out


def build_certificates(book, today: dt.date) -> Docs:
    """One certificate per mentee of every pair (group) whose programme was completed in full."""
    people, progs, common, out = c.people_of(book), c.programme_of(book), c.base(book), []
    for g in c.pair_groups(book):
        if not completed_in_full(g):
            continue
        pc = c.pair_context(people, g, progs.get(g["code"]))
        for mentee in pc["mentees"]:
            sex = mentee["sex"] if mentee["sex"] in ("м", "ж") else None
            ctx = common | {"mentee": mentee, "mentor": pc["mentor"], "programme": pc["programme"],
                            "certificate": {
                                "completed": morph.by_sex("завершил", sex),
                                "period": f"с {c.fdate(g.get('start'))} по {c.fdate(g.get('actual_end'))}",
                                "date": c.fdate(g.get("actual_end")), "form": c.text(g.get("form"))}}
            out.append((f"Сертификат — {mentee['code']} {mentee['list']}", ctx))
    return out


# --- layouts --------------------------------------------------------------------------------------------------

_REG_REF = (", Положением о системе (целевой модели) наставничества педагогических работников, утверждённым "
            "приказом от {{ regulation.date }} № {{ regulation.no }}")


def reward_order():
    doc = x.new_document()
    title = "О поощрении наставников по итогам реализации персонализированных программ наставничества"
    x.order_head(doc, title)
    x.basis(doc, BASIS + _REG_REF + " (п. 3.5), по итогам реализации персонализированных программ наставничества "
            "и на основании предложения методического совета наставников ({{ council }})")
    points(doc, [
        "{%p for s in sections %}",
        "{{ s.n }}. {{ s.head }}",
        "{%p for i in s.entries %}",
        "{{ i.text }}",
        "{%p endfor %}",
        "{%p endfor %}",
        "{%p if bonus %}",
        "{{ n_bonus }}. Бухгалтерии произвести выплату премий в соответствии с локальным нормативным актом о "
        "материальном стимулировании работников.",
        "{%p endif %}",
        "{{ n_curator }}. Куратору реализации программ наставничества {{ curator.dat }} внести сведения о "
        "поощрении в банк наставников и разместить информацию об итогах на официальном сайте в разделе "
        "«Наставничество».",
        "{{ n_control }}. " + CONTROL,
    ])
    last = len(doc.paragraphs) - 1
    x.signature(doc, executor=True)
    for p in doc.paragraphs[last:]:  # the last point goes over to the signature's page rather than leave it alone
        p.paragraph_format.keep_with_next = True
    x.acquaintance(doc, f"«{title}»")
    return doc


def _letterhead(doc, title: str, subtitle: str = "", lines: str = "org.letterhead") -> None:
    """The organisation's name, its справочные данные (``lines``: only those the book has) and the city."""
    para(doc, "{{ org.full_name }}", align=C, indent=False, bold=True, size=12, after=6)
    x.tag(doc, "{%p for line in " + lines + " %}")
    para(doc, "{{ line }}", align=C, indent=False, size=10)
    x.tag(doc, "{%p endfor %}")
    para(doc, "{{ org.city }}", align=C, indent=False, size=12, before=6, after=48)
    para(doc, title, align=C, indent=False, bold=True, size=26, after=12 if subtitle else 36)
    if subtitle:
        para(doc, subtitle, align=C, indent=False, size=14, after=36)


def thanks():
    doc = x.new_document()
    _letterhead(doc, "БЛАГОДАРСТВЕННОЕ ПИСЬМО")
    para(doc, "{{ letter.address }}", align=C, indent=False, bold=True, size=16, after=18)
    para(doc, "Администрация {{ org.short_name }} выражает Вам искреннюю благодарность за добросовестный труд "
         "наставника, профессиональную поддержку коллег и успешную реализацию персонализированной "
         "{{ letter.programmes }}.")
    para(doc, "Ваш опыт, внимание и готовность делиться знаниями помогают педагогам уверенно входить в "
         "профессию и расти в ней. Желаем Вам здоровья, новых профессиональных успехов и благодарных "
         "{{ letter.pupils }}!")
    para(doc, "Основание: предложение методического совета наставников ({{ letter.council }}).", size=12,
         before=12)
    x.signature(doc)
    para(doc, "М. П.", indent=False, size=12)
    return doc


def certificate():
    doc = x.new_document()
    # a certificate is no letter: the contacts without the registry numbers
    _letterhead(doc, "СЕРТИФИКАТ", "о прохождении персонализированной программы наставничества", "org.contacts")
    para(doc, "Настоящим подтверждается, что", align=C, indent=False, after=12)
    para(doc, "{{ mentee.fio }}", align=C, indent=False, bold=True, size=18, after=6)
    para(doc, "{{ mentee.position }}", align=C, indent=False, after=18)
    para(doc, "{{ certificate.completed }} в полном объёме персонализированную программу наставничества "
         "{{ programme.code }} «{{ programme.title }}» (форма наставничества — «{{ certificate.form }}») "
         "в период {{ certificate.period }} под руководством наставника {{ mentor.gen }}, "
         "{{ mentor.position_gen }}.")
    x.signature(doc)
    x.two_columns(doc, "Дата выдачи: {{ certificate.date }}", "М. П.")
    return doc


LAYOUTS = {"rewards": reward_order, "thanks": thanks, "certificates": certificate}
