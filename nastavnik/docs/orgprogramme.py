"""The organisation's own programme of mentoring and the one order to begin (issue 32, points 3 and 4).

- «Программа наставничества педагогических работников» of the organisation — not a pair's personalized
  programme: the region's monitoring form asks for it (real.md §1.4, line 5). It is the annex of its own order
  «Об утверждении программы наставничества…» (what the head signs), made from the workbook: the explanatory note
  with the banks' figures, the goal and tasks of the Положение (п. 2.1–2.2), who manages what (the head, the
  curator, the council), the stages of «Дорожная карта», the forms and kinds in use, the expected results and the
  monitoring — the registry's indicators with their targets. Every sentence is in the type's words
  (``orgtypes.TYPE_WORDS``): a kindergarten's programme speaks of «детский сад» and «воспитанники».
- «О внедрении системы (целевой модели) наставничества педагогических работников» — one order that introduces
  the model, approves the Положение and the roadmap and appoints the curator (who may be the head herself), as many
  organisations begin (real.md §1.2). Made only when «Порядок приказов» on «Организация» says «один приказ о
  внедрении»; the separate orders on the Положение and the curator are then not made (``kinds``).

Layer: outputs. Imports ``acts``, ``blueprints``, ``context``, ``layout`` and the layers below, never ``kinds``.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base import morph
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import vocab as v
from nastavnik.workbook.organisation import one_order

from . import context as c
from . import layout as x
from .acts import acquainted, polozhenie_text, roadmap_rows
from .blueprints import regulation_annexes
from .layout import BASIS, CONTROL, C, L, para, points, tag
from .words import MENTEES, MENTORS, plural

Docs = list[tuple[str, dict]]

_REG = "Положения о системе (целевой модели) наставничества педагогических работников"


def _type_key(book) -> str:
    return getattr(getattr(book, "org_type", None), "key", "extra")


def head_is_curator(book) -> bool:
    """The head herself is the curator: her name on «Организация» is the curator's (п. 3.4 allows it)."""
    def key(value) -> str:
        return " ".join(c.text(value).lower().replace("ё", "е").split())

    return bool(key(book.org.get("curator_fio"))) and key(book.org.get("curator_fio")) == key(
        book.org.get("director_fio"))


# --- the one order of introduction ----------------------------------------------------------------------------

def build_intro(book, today: dt.date) -> Docs:
    """The one order «О внедрении…», only when «Порядок приказов» chooses it."""
    if not one_order(book.org):
        return []
    ctx = c.base(book)
    ctx["order"] = c.order(book.org.get("order_intro_no"), book.org.get("order_intro_date"))
    ctx["polozhenie"] = polozhenie_text(ctx["org"]["short_name"], _type_key(book))
    ctx["roadmap"] = roadmap_rows(c.records(book, "roadmap"))
    head = head_is_curator(book)
    ctx["intro"] = {"head_is_curator": head}
    ctx["acquainted"] = [] if head else acquainted(ctx, [ctx["curator"]])
    return [("Приказ о внедрении системы наставничества", ctx)]


def intro():
    doc = x.new_document()
    x.order_head(doc, "О внедрении системы (целевой модели) наставничества педагогических работников")
    x.basis(doc, BASIS + ", на основании решения педагогического совета {{ org.short_name }} (протокол от "
            "{{ protocol.date }} № {{ protocol.no }}), в целях создания условий для непрерывного профессионального "
            "роста педагогических работников и закрепления молодых специалистов в профессии")
    site = ("разместить Положение и дорожную карту на официальном сайте в специальном разделе «Наставничество» в "
            "течение десяти рабочих дней со дня издания приказа")
    points(doc, [
        "1. Внедрить со дня издания настоящего приказа систему (целевую модель) наставничества педагогических "
        "работников в {{ org.short_name }}.",
        "2. Утвердить Положение о системе (целевой модели) наставничества педагогических работников "
        "в {{ org.short_name }} (приложение № 1).",
        f"3. Утвердить дорожную карту (план мероприятий) по реализации {_REG} на {{{{ org.academic_year }}}} "
        "учебный год (приложение № 2).",
        "{%p if intro.head_is_curator %}",
        "4. Обязанности куратора реализации программ наставничества педагогических работников на "
        "{{ org.academic_year }} учебный год (п. 3.4 Положения) оставляю за собой: в течение десяти рабочих дней "
        "со дня издания приказа ознакомить педагогических работников с Положением под подпись, " + site
        + ", обеспечить выполнение дорожной карты в сроки, установленные ею.",
        "{%p else %}",
        "4. Назначить куратором реализации программ наставничества педагогических работников на "
        "{{ org.academic_year }} учебный год {{ curator.acc }}, {{ curator.position_acc }}.",
        "5. Куратору реализации программ наставничества {{ curator.dat }}:",
        "5.1. в течение десяти рабочих дней со дня издания приказа ознакомить педагогических работников с "
        "Положением под подпись и " + site + ";",
        "5.2. обеспечить выполнение дорожной карты в сроки, установленные ею (приложение № 2);",
        "5.3. не реже одного раза в год актуализировать банки наставников и наставляемых, осуществлять мониторинг "
        "реализации системы (целевой модели) наставничества и сформировать итоговый аналитический отчёт "
        "(п. 3.4 Положения).",
        "{%p endif %}",
        "{%p if intro.head_is_curator %}",
        "5. " + CONTROL,
        "{%p else %}",
        "6. " + CONTROL,
        "{%p endif %}",
    ])
    x.signature(doc, executor=True)
    # Whom the order names signs that she has read it right under it (the head does not sign her own order).
    tag(doc, "{%p if acquainted %}")
    para(doc, "С приказом ознакомлены:", align=L, indent=False, before=18, after=6, keep=True)
    tag(doc, "{%p for p in acquainted %}")
    x.two_columns(doc, "{{ p.fio }}", "__________ __.__.____", widths=(10.0, 6.5))
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    regulation_annexes(doc)
    return doc


# --- the organisation's programme of mentoring ----------------------------------------------------------------

def _goal_and_tasks(pol: dict) -> tuple[str, list[str]]:
    """The goal (п. 2.1) and the tasks (п. 2.2) of the Положение, already in the type's words."""
    section = next((s for s in pol["sections"] if s["title"].startswith("2.")), {"paragraphs": []})
    goal, tasks = "", []
    for p in section["paragraphs"]:
        if p.startswith("2.1."):
            goal = p.split(" – ", 1)[-1].rstrip(".")
        elif p.startswith("- ") and not any(q.startswith("2.3.") for q in section["paragraphs"][
                :section["paragraphs"].index(p)]):
            tasks.append(p[2:].rstrip(" ;."))
    return goal, tasks


def _sentence_list(items: list[str]) -> list[dict]:
    """Items of a list, each ending with «;» and the last with «.»."""
    return [{"text": t + (";" if i < len(items) - 1 else ".")} for i, t in enumerate(items)]


def _as_of(book, today: dt.date) -> dt.date:
    """The programme's figures as of its order's date when signed: a signed programme does not change later."""
    signed = c.clean(book.org.get("order_programme_date"))
    return signed if isinstance(signed, dt.date) else today


# The indicators whose targets the programme sets (the registry's), then those it follows without one.
_TARGETED = ("federal_under35_first3", "units_with_programme_share", "consent_pd_share", "mentors_overloaded",
             "mentees_waiting_too_long", "readiness_score")
_FOLLOWED = ("young_coverage", "staff_share_mentors", "staff_share_mentees", "programmes_completed",
             "plan_done_on_time_share", "survey_mean_mentees", "growth_improved_share", "mentors_trained_3y_share",
             "events_participations", "retention_share")


def _figures(book, as_of: dt.date):
    from ..report import compute_indicators
    from ..report.indicators import period_of_book
    from .analytic import Figures

    p = period_of_book(book, as_of)
    return Figures(compute_indicators(book, p.start, p.end, as_of))


def _monitoring(f) -> list[dict]:
    rows = []
    for code in _TARGETED + _FOLLOWED:
        if not f.has(code):
            continue  # an indicator switched off for the type (report.bytype)
        d = f.d[code]
        unit = "" if d["unit"] in ("да/нет", "%") else f", {d['unit']}"
        rows.append({"name": d["name"] + unit, "target": d.get("target_text") or "—"})
    return rows


def _forms(f, key: str) -> dict:
    """The forms and kinds of the Положение (п. 2.3–2.4) the pairs and groups use, with their counts."""
    def used(code: str, names: list[str]) -> str:
        counts = {k: n for k, n in f.breakdown(code).items() if n}
        if not counts:
            return ", ".join(f"«{n}»" if code == "units_by_form" else n for n in names if n != "другая")
        return "; ".join((f"«{k}»" if code == "units_by_form" else k) + f" — {morph.agree(int(n), 'пара (группа)')}"
                         for k, n in counts.items())
    directions = list(ot.directions(key).values())
    return {"forms": used("units_by_form", v.FORMS), "kinds": used("units_by_kind", v.KINDS),
            "used": bool(f.breakdown("units_by_form")),
            "directions": ", ".join(directions[:-1]) + " и " + directions[-1]}


def programme_context(book, today: dt.date) -> dict:
    key = _type_key(book)
    words = ot.type_words(key)
    org = c.org_context(book)
    pol = polozhenie_text(org["short_name"], key)
    goal, tasks = _goal_and_tasks(pol)
    as_of = _as_of(book, today)
    f = _figures(book, as_of)

    def n(code: str) -> int:
        return int(f.value(code) or 0) if f.has(code) else 0

    staff = int(c.clean(book.org.get("staff_count")) or 0)
    figures = (f"По данным банков наставников и наставляемых на {as_of:%d.%m.%Y} {words['in_org']} "
               + (f"{morph.agree(staff, 'педагогический работник')}; " if staff else "")
               + f"в банках — {plural(n('mentors_bank'), *MENTORS)} и {plural(n('mentees_bank'), *MENTEES)}, "
               f"из них молодых специалистов со стажем менее трёх лет — {n('young_bank')}; работают {morph.agree(n('pairs_total'), 'наставническая пара')} и "
               f"{morph.agree(n('groups_total'), 'наставническая группа')}.")
    council = c.council_of(book)["gen"] == "методического совета наставников"
    head = org["director_position"][:1].lower() + org["director_position"][1:]
    federal = f.d["federal_under35_first3"].get("target_text") if f.has("federal_under35_first3") else ""
    return {
        "years": f"{org['academic_year']} учебный год" if org["academic_year"] else "",
        "in_org": words["in_org"], "of_org": words["of_org"], "life": words["life"],
        "with_learners": words["with_learners"], "young_club": words["young_club"],
        "figures": figures, "goal": goal + "." if goal else "",
        "tasks": _sentence_list(tasks),
        "head_is_curator": head_is_curator(book), "council": council, "head": head,
        "management": _management(book, org, head, council),
        "results": _sentence_list(_results(words, federal)),
        "roadmap": roadmap_rows(c.records(book, "roadmap")),
        **_forms(f, key),
        "monitoring": _monitoring(f),
        "period_end": org["period_end"] or c.BLANK_DATE,
    }


def _management(book, org: dict, head: str, council: bool) -> list[dict]:
    """Who manages what (раздел 3 Положения), by position only: the programme is published on the site."""
    curator = org.get("curator_position") or "куратор"
    rows = [
        {"who": f"Руководитель ({head})",
         "what": "общее руководство и координация внедрения системы (целевой модели) наставничества; издание "
                 "приказов о внедрении системы наставничества и о закреплении наставнических пар (групп); "
                 "утверждение Положения, дорожной карты, настоящей Программы и персонализированных программ "
                 "наставничества; условия для повышения профессионального мастерства педагогов и поощрения "
                 "наставников (п. 3.3 Положения)"},
        {"who": "Куратор реализации программ наставничества" + (" (руководитель)" if head_is_curator(book) else
                                                              f" ({curator})"),
         "what": "ведение банков наставников и наставляемых; разработка дорожной карты; подбор наставнических пар "
                 "(групп) и сопровождение разработки и выполнения персонализированных программ; обучение "
                 "наставников; мониторинг, анкетирование участников и итоговый аналитический отчёт; раздел "
                 "«Наставничество» на сайте (п. 3.4 Положения)"},
    ]
    if council:
        rows.append({"who": "Методический совет наставников",
                     "what": "участие в подборе пар (групп) и в разработке персонализированных программ, их "
                             "рассмотрение; подготовка участников к конкурсам профессионального мастерства; банк "
                             "лучших практик; предложения о поощрении наставников (п. 3.5 Положения)"})
    rows += [
        {"who": "Педагогический совет",
         "what": "принятие Положения; рассмотрение итогов реализации Программы"
                 + ("" if council else " и персонализированных программ наставничества")},
        {"who": "Наставники",
         "what": "разработка совместно с наставляемыми персонализированных программ наставничества и выполнение их "
                 "планов мероприятий; участие в анкетировании и в итоговом мероприятии (раздел 4 Положения)"},
        {"who": "Наставляемые",
         "what": "выполнение персонализированной программы наставничества, участие в анкетировании, представление "
                 "результатов на итоговом мероприятии (раздел 5 Положения)"},
    ]
    return rows


def _results(words: dict, federal: str) -> list[str]:
    out = [f"молодые и начинающие специалисты адаптированы к условиям работы {words['in_org']} и закрепляются в "
           "профессии",
           "у наставляемых выросли профессиональные компетенции по направлениям их запросов (по сравнению ответов "
           "входной и итоговой анкет)",
           "каждая наставническая пара (группа) работает по утверждённой персонализированной программе "
           "наставничества, мероприятия её плана выполняются в срок"]
    if federal:
        out.append(f"доля педагогических работников в возрасте до 35 лет, вовлечённых в формы поддержки и "
                   f"сопровождения в первые три года работы, — {federal.replace('≥ ', 'не менее ')}")
    out += ["наставники прошли обучение по вопросам наставничества за последние три года",
            "наставники и наставляемые участвуют в конкурсах профессионального мастерства, конференциях и "
            "методических мероприятиях",
            "сформирован банк лучших практик наставничества, он размещён на официальном сайте в разделе "
            "«Наставничество»",
            f"{words['in_org']} сложилась психологически комфортная профессиональная среда, в которой педагог "
            f"уверенно работает {words['with_learners']}"]
    return out


def build_programme_order(book, today: dt.date) -> Docs:
    """The order approving the organisation's programme of mentoring, the programme its annex."""
    ctx = c.base(book)
    ctx["order"] = c.order(book.org.get("order_programme_no"), book.org.get("order_programme_date"))
    ctx["oprog"] = programme_context(book, today)
    return [("Приказ об утверждении программы наставничества", ctx)]


_PROGRAMME = "программы наставничества педагогических работников"
_TASKS = "{%p for t in oprog.tasks %}"


def programme_order():
    doc = x.new_document()
    x.order_head(doc, f"Об утверждении {_PROGRAMME} {{{{ org.short_name }}}} на {{{{ oprog.years }}}}")
    x.basis(doc, BASIS + ", Положением о системе (целевой модели) наставничества педагогических работников, "
            "утверждённым приказом от {{ regulation.date }} № {{ regulation.no }}, в целях организации "
            "наставничества педагогических работников {{ oprog.in_org }} на {{ oprog.years }}")
    points(doc, [
        "1. Утвердить Программу наставничества педагогических работников {{ org.short_name }} на "
        "{{ oprog.years }} (приложение).",
        "{%p if oprog.head_is_curator %}",
        "2. Организацию реализации Программы, мониторинг её показателей и подготовку в срок до "
        "{{ oprog.period_end }} итогового аналитического отчёта о её выполнении как куратор реализации программ "
        "наставничества оставляю за собой.",
        "{%p else %}",
        "2. Куратору реализации программ наставничества {{ curator.dat }} обеспечить реализацию Программы, "
        "мониторинг её показателей и в срок до {{ oprog.period_end }} представить итоговый аналитический отчёт "
        "о её выполнении.",
        "{%p endif %}",
        "3. Разместить Программу на официальном сайте в специальном разделе «Наставничество» в течение десяти "
        "рабочих дней со дня издания приказа.",
        "4. " + CONTROL,
    ])
    x.signature(doc, executor=True)
    x.annex_mark(doc, 1)
    # The programme's own гриф: approved by this order (ГОСТ Р 7.0.97-2016, п. 5.18: at the top right).
    para(doc, "УТВЕРЖДЕНА", align=L, indent=False, left=9.5, bold=True, size=12)
    para(doc, "приказом {{ org.short_name }}", align=L, indent=False, left=9.5, size=12)
    para(doc, "от {{ order.date }} № {{ order.no }}", align=L, indent=False, left=9.5, size=12, after=18)
    para(doc, "ПРОГРАММА НАСТАВНИЧЕСТВА", align=C, indent=False, bold=True)
    para(doc, "педагогических работников", align=C, indent=False, bold=True)
    para(doc, "{{ org.full_name }}", align=C, indent=False)
    para(doc, "на {{ oprog.years }}", align=C, indent=False, after=12)

    _section(doc, "1. Пояснительная записка")
    para(doc, "Программа наставничества педагогических работников {{ org.short_name }} (далее — Программа) "
         "разработана в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской "
         "Федерации», статьёй 351.8 Трудового кодекса Российской Федерации, письмом Министерства просвещения "
         "Российской Федерации и Общероссийского Профсоюза образования от 21.12.2021 № АЗ-1128/08/657 «О "
         "направлении методических рекомендаций по разработке и внедрению системы (целевой модели) наставничества "
         "педагогических работников в образовательных организациях»{{ superior }}, Положением о системе "
         "(целевой модели) наставничества педагогических работников, утверждённым приказом от "
         "{{ regulation.date }} № {{ regulation.no }}.")
    para(doc, "Программа определяет, как {{ oprog.in_org }} организуется наставничество педагогических работников "
         "на {{ oprog.years }}: кто и как им управляет, по каким этапам и в каких формах оно идёт, каких "
         "результатов от него ждут и как их проверяют. Она адресована молодым и начинающим специалистам, "
         "педагогам, пришедшим из других организаций или сменившим должность, педагогам, которым нужна помощь в "
         "освоении новых технологий и в работе {{ oprog.with_learners }}, и наставникам — опытным педагогам, "
         "готовым делиться своим опытом. Каждая наставническая пара (группа) работает по своей персонализированной "
         "программе наставничества; настоящая Программа — общая рамка для них.")
    para(doc, "Актуальность Программы в том, что наставничество помогает новому педагогу быстрее освоиться в "
         "профессии, в традициях и укладе {{ oprog.life }}, преодолеть профессиональные затруднения первых лет и "
         "закрепиться в профессии, а наставнику — осмыслить и передать свой опыт. {{ oprog.figures }}")

    _section(doc, "2. Цель и задачи Программы")
    para(doc, "Цель Программы (п. 2.1 Положения): {{ oprog.goal }}")
    para(doc, "Задачи Программы (п. 2.2 Положения):", keep=True)
    tag(doc, _TASKS)
    para(doc, "— {{ t.text }}")
    tag(doc, "{%p endfor %}")

    _section(doc, "3. Механизм управления Программой")
    para(doc, "Программой управляют руководитель, куратор реализации программ наставничества и "
         "{% if oprog.council %}методический совет наставников{% else %}педагогический совет{% endif %} "
         "(раздел 3 Положения):", keep=True)
    grid = x.grid(doc, ["Участник", "Функции в реализации Программы"],
                  ["{{ r.who }}", "{{ r.what }}"], "for r in oprog.management", widths=[4.5, 12.0])
    del grid
    tag(doc, "{%p if oprog.head_is_curator %}")
    para(doc, "Обязанности куратора реализации программ наставничества исполняет {{ oprog.head }} "
         "лично.", before=6)
    tag(doc, "{%p endif %}")

    _section(doc, "4. Этапы реализации Программы")
    para(doc, "Программа реализуется по этапам дорожной карты (плана мероприятий) на {{ oprog.years }}:", keep=True)
    x.grid(doc, ["№", "Этап", "Содержание деятельности", "Срок", "Ответственные"],
           ["{{ r.stage }}", "{{ r.stage_name }}", "{{ r.activity }}", "{{ r.deadline }}", "{{ r.responsible }}"],
           "for r in oprog.roadmap", widths=[1.0, 4.3, 5.6, 2.2, 3.4], size=11)

    _section(doc, "5. Формы и виды наставничества")
    para(doc, "Форма наставничества выбирается по цели наставничества, профессиональным затруднениям и запросу "
         "наставляемого и по кадровым ресурсам {{ oprog.of_org }} (п. 2.3 Положения). "
         "{% if oprog.used %}Применяются формы: {% else %}Могут применяться формы: {% endif %}{{ oprog.forms }}.")
    para(doc, "{% if oprog.used %}Виды наставничества (п. 2.4 Положения): {% else %}Виды наставничества (п. 2.4 "
         "Положения) — {% endif %}{{ oprog.kinds }}. Виды применяются как по отдельности, так и в комплексе.")
    para(doc, "Содержание персонализированных программ строится по направлениям наставнической деятельности: "
         "{{ oprog.directions }}. Формы работы: консультации, посещение и взаимопосещение занятий с их анализом, "
         "мастер-классы, совместная подготовка мероприятий, {{ oprog.young_club }}, участие в конкурсах "
         "профессионального мастерства и методических мероприятиях.")

    _section(doc, "6. Ожидаемые результаты")
    tag(doc, "{%p for t in oprog.results %}")
    para(doc, "— {{ t.text }}")
    tag(doc, "{%p endfor %}")

    _section(doc, "7. Мониторинг и оценка эффективности")
    para(doc, "Мониторинг реализации Программы ведёт куратор реализации программ наставничества совместно с "
         "руководителем (п. 3.4 Положения): по банкам наставников и наставляемых, планам мероприятий "
         "персонализированных программ, анкетам участников (входной, в первые недели, промежуточной и итоговой) и "
         "SWOT-анализу. Промежуточные итоги подводятся в середине учебного года, итоговые — в итоговом аналитическом "
         "отчёте до {{ oprog.period_end }}; они рассматриваются на {% if oprog.council %}методическом совете "
         "наставников{% else %}педагогическом совете{% endif %} и размещаются на официальном сайте в разделе "
         "«Наставничество».")
    para(doc, "Эффективность Программы оценивается по показателям мониторинга:", keep=True)
    x.grid(doc, ["Показатель", "Целевое значение"], ["{{ r.name }}", "{{ r.target }}"], "for r in oprog.monitoring",
           widths=[12.5, 4.0])
    para(doc, "«—» — показатель отслеживается без целевого значения: его изменение за год оценивается в итоговом "
         "аналитическом отчёте.", size=12, before=4)
    return doc


def _section(doc, title: str) -> None:
    para(doc, title, align=C, indent=False, bold=True, before=12, after=6, keep=True)


LAYOUTS = {"intro": intro, "org_programme": programme_order}
