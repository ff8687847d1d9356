"""The final analytic report (п. 3.4 Положения): its context, built from the monitoring indicators.

Every figure comes from ``report.report_for_book`` — the same numbers as the
xlsx report and ``nastavnik report --format json`` — so the curator never sees
two answers to one question. The report names no participant: people appear
only as counts, best practices only by the titles of programmes whose
participants agreed to publication. The conclusions and proposals are written
from the figures (``conclusions.py``); the charts are drawn only here, so no
other document imports matplotlib.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.base import morph
from nastavnik.workbook import vocab as v

from . import context as c
from .conclusions import conclusions, proposals, score
from .words import MENTEES, MENTORS, num, plural, points, verb

MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
          "декабрь"]
EVENTS_SHOWN = 25
TITLE = "Итоговый аналитический отчёт о реализации системы (целевой модели) наставничества педагогических работников"


def _report(book, today: dt.date):
    """The period of «Организация»; without it, the academic year the workbook names or today falls in
    (``report.indicators.period_of_book``: the site and «История» take the same one)."""
    from ..report import compute_indicators
    from ..report.indicators import period_of_book
    from ..report.statform import build_statform

    p = period_of_book(book, today)
    return p, compute_indicators(book, p.start, p.end, today), build_statform(book, p.start, p.end, today)


def period_words(p) -> str:
    if (p.start.month, p.start.day) == (9, 1) and p.end == dt.date(p.start.year + 1, 8, 31):
        return f"{p.start.year}/{p.start.year + 1} учебный год"
    return f"период с {p.start:%d.%m.%Y} по {p.end:%d.%m.%Y}"


def month_words(key: str) -> str:
    """«09.2026» → «сентябрь 2026»."""
    try:
        m, y = key.split(".")
        return f"{MONTHS[int(m) - 1]} {y}"
    except (ValueError, IndexError):
        return key


class _Known(dict):
    """Indicators by code; one that does not apply to the organisation's type reads as «no value»."""

    def __missing__(self, code):
        return {"name": "", "group": "", "value": None, "unit": "", "target": None, "target_text": "",
                "status": "", "formula": ""}


class Figures:
    """The indicators by code with the formatting the report needs."""

    def __init__(self, indicators):
        from ..report import indicators_dict

        self.d = _Known(indicators_dict(indicators))

    def has(self, code: str) -> bool:
        """Whether the indicator applies (``report.bytype``): tables leave out those that do not."""
        return code in self.d  # «in» does not call __missing__

    def rows(self, codes) -> list[dict]:
        return [self.row(x) for x in codes if self.has(x)]

    def value(self, code: str):
        return self.d[code]["value"]

    def part(self, code: str, key: str):
        return self.d[code].get(key)

    def breakdown(self, code: str) -> dict:
        return self.d[code].get("breakdown") or {}

    def shown(self, code: str) -> str:
        x = self.d[code]
        unit = x["unit"] if x["unit"] not in ("да/нет",) else ""
        if x["value"] is None:
            return "нет данных"
        if unit == "балл":
            return plural(x["value"], "балл", "балла", "баллов")
        return num(x["value"]) + (f" {unit}" if unit else "")

    def row(self, code: str, label: str | None = None) -> dict:
        x = self.d[code]
        value = "нет данных" if x["value"] is None else num(x["value"])
        of = f" ({num(x['numerator'])} из {num(x['denominator'])})" if x.get("denominator") and x["unit"] == "%" \
            else ""
        unit = "" if x["value"] is None or x["unit"] == "да/нет" else f" {x['unit']}"
        return {"label": label or x["name"], "unit": x["unit"], "value": value + of, "shown": value + unit + of,
                "target": target_words(x), "status": x["status"] or "—"}


def target_words(x: dict) -> str:
    """The target as the registry words it («100 %», «≥ 70 %»): the same text as in «Мониторинг.xlsx»."""
    return x.get("target_text") or "—"


def _participants(f: Figures, statform) -> dict:
    codes = ["mentors_bank", "mentees_bank", "mentors_active", "mentees_active", "mentees_waiting", "pairs_total",
             "groups_total", "students_active", "students_completed", "staff_share_mentors", "staff_share_mentees",
             "mentor_load_mean", "days_to_pair_mean"]
    from ..report.statform import STAFF_ROW, STUDENTS_DONE_ROW, STUDENTS_ROW

    rows = dict(statform.rows)
    apart = (STAFF_ROW, STUDENTS_ROW, STUDENTS_DONE_ROW)  # beside the categories, not one of them
    cats = [{"label": label, "value": num(rows.get(label, [0])[0]), "chart": True} for label in v.MENTEE_CATEGORIES]
    cats += [{"label": label, "value": num(vals[0]), "chart": label not in apart} for label, vals in statform.rows
             if label not in v.MENTEE_CATEGORIES and label not in (statform.rows[0][0], statform.rows[1][0])]
    forms = [{"label": k, "value": num(n)} for k, n in f.breakdown("units_by_form").items()]
    kinds = [{"label": k, "value": num(n)} for k, n in f.breakdown("units_by_kind").items()]
    text = (f"В банке наставников — {f.shown('mentors_bank')}, в банке наставляемых — {f.shown('mentees_bank')} "
            f"Пары и группы {verb(f.value('mentors_active'), 'ведут')} "
            f"{plural(f.value('mentors_active'), *MENTORS)}, в них {verb(f.value('mentees_active'), 'участвуют')} "
            f"{plural(f.value('mentees_active'), *MENTEES)}; "
            f"в периоде — {morph.agree(f.value('pairs_total') or 0, 'наставническая пара')}"
            f" и {morph.agree(f.value('groups_total') or 0, 'наставническая группа')}, из них на дату отчёта "
            f"{verb(f.value('programmes_running'), 'работают')} {num(f.value('programmes_running'))}. "
            f"{verb(f.value('mentees_waiting'), 'Ожидают')} пару "
            f"{plural(f.value('mentees_waiting'), *MENTEES)}")
    students = f.value("students_active") or 0
    if students:
        text += (f". Студентов и стажёров среди наставляемых — {num(students)} (категория «{v.MENTEE_STUDENT}» "
                 f"или форма «{v.FORM_STUDENT}»): они участники наставничества, но не педагогические работники "
                 "организации, и доли охвата педагогических работников рассчитаны без них; завершили программу "
                 f"в полном объёме — {num(f.value('students_completed') or 0)}")
    return {"text": text + ".", "rows": f.rows(codes), "categories": cats, "forms": forms,
            "kinds": kinds, "mentors": num(rows.get(statform.rows[0][0], [0])[0]),
            "mentees": num(rows.get(statform.rows[1][0], [0])[0])}


def _programmes(f: Figures) -> dict:
    rows = f.rows(("programmes_started", "programmes_running", "programmes_completed", "programmes_ended_early"))
    rows += [{"label": f"в том числе {reason}", "unit": "ед.", "value": num(n), "shown": f"{num(n)} ед.",
              "target": "—", "status": "—"}
             for reason, n in f.breakdown("programmes_ended_early_by_reason").items() if n]
    rows += f.rows(("programmes_extended", "units_with_programme_share", "units_by_order", "best_practices"))
    return {"rows": rows}


def partial_month(as_of: dt.date) -> str | None:
    """«11.2026» when the report date falls inside that month: its «выполнено» counts only the days so far."""
    if (as_of + dt.timedelta(days=1)).month == as_of.month:
        return f"{as_of:%m.%Y}"
    return None


def _plan(f: Figures, as_of: dt.date | None = None) -> dict:
    planned, done = f.breakdown("plan_planned_by_month"), f.breakdown("plan_done_by_month")
    partial = partial_month(as_of) if as_of else None
    months = [{"month": month_words(k) + (f" (по {as_of:%d.%m})" if k == partial else ""), "planned": num(n),
               "done": "—" if done.get(k) is None else num(done[k])}
              for k, n in planned.items()]
    due = f.value("plan_due") or 0
    text = (f"Срок наступил у {plural(due, 'мероприятия', 'мероприятий', 'мероприятий')} планов "
            "персонализированных программ. ")
    if due:
        text += (f"Выполнено в срок — {num(f.part('plan_done_on_time_share', 'numerator'))} "
                 f"({f.shown('plan_done_on_time_share')}), с опозданием — "
                 f"{num(f.part('plan_done_late_share', 'numerator'))} ({f.shown('plan_done_late_share')}), "
                 f"просрочено — {num(f.part('plan_overdue_share', 'numerator'))} "
                 f"({f.shown('plan_overdue_share')}).")
    rows = f.rows(("plan_due", "plan_done_on_time_share", "plan_done_late_share", "plan_overdue_share"))
    return {"text": text.strip(), "rows": rows, "months": months,
            "planned_total": num(sum(n or 0 for n in planned.values())),
            "done_total": num(sum(n or 0 for n in done.values()))}


def _surveys(f: Figures) -> dict:
    from ..report.registry import FEW_ANSWERS, PRIVACY_RULE

    mentors, mentees = f.breakdown("survey_by_question_mentors"), f.breakdown("survey_by_question_mentees")
    questions = list(dict.fromkeys([*mentors, *mentees]))
    by_role = (_count(f.part("survey_mean_mentors", "note")), _count(f.part("survey_mean_mentees", "note")))

    def cell(means: dict, q: str, forms: str) -> str:  # a hidden mean says why, an absent one is a dash
        return FEW_ANSWERS if means.get(q) is None and forms != "0" else score(means.get(q))

    rows = [{"question": q, "mentors": cell(mentors, q, by_role[0]), "mentees": cell(mentees, q, by_role[1])}
            for q in questions or v.SURVEY_QUESTIONS.values()]
    forms = f.value("survey_forms") or 0
    if forms:
        means = [f.shown(code) if f.value(code) is not None else FEW_ANSWERS + " — среднее не показывается"
                 for code in ("survey_mean_mentors", "survey_mean_mentees")]
        text = (f"Заполнено {plural(forms, 'анкета', 'анкеты', 'анкет')} (наставниками — {by_role[0]}, "
                f"наставляемыми — {by_role[1]}). Средняя оценка наставников — {means[0]}, "
                f"наставляемых — {means[1]} по шкале от {v.SURVEY_SCALE[0]} до {v.SURVEY_SCALE[1]}.")
    else:
        text = "Анкетирование участников в периоде не проводилось (на листе «Анкетирование» нет анкет периода)."
    return {"text": text, "questions": rows, "mean_mentors": num(f.value("survey_mean_mentors")),
            "mean_mentees": num(f.value("survey_mean_mentees")), "privacy": PRIVACY_RULE}


def _growth(book, period, f: Figures, trend: bool) -> dict:
    """Section «Рост наставляемых и SWOT-анализ»: the growth table (``report.growth``) and the SWOT table
    (``report.swot``), numbered after «Динамика…» when the report has it."""
    from ..report.frames import Frames
    from ..report.growth import Growth
    from ..report.registry import FEW_ANSWERS, PRIVACY_RULE
    from ..report.swot import compute_swot

    g = Growth.from_dict(f.part("growth_respondents", "growth") or {})

    def row(r) -> dict:
        if r.hidden:
            return {"label": r.label, "n": num(r.respondents), "entry": FEW_ANSWERS, "final": "", "change": "",
                    "improved": ""}
        change = "—" if r.change is None else ("+" if r.change > 0 else "") + score(r.change)
        return {"label": r.label, "n": num(r.respondents), "entry": score(r.entry), "final": score(r.final),
                "change": change, "improved": num(r.improved)}

    n = f.value("growth_respondents") or 0
    first = 16 if trend else 15
    if not n:
        text = ("Входную и итоговую анкеты с опорными вопросами о направлениях наставнической деятельности в "
                "периоде не заполнил ни один наставляемый: рост самооценки не измерен.")
    elif g.total.hidden:
        text = (f"Входную и итоговую анкеты заполнили {plural(n, 'наставляемый', 'наставляемых', 'наставляемых')}"
                f" — {FEW_ANSWERS}: средние оценки и их изменение не приводятся.")
    else:
        share = f.value("growth_improved_share")
        text = (f"Входную и итоговую анкеты заполнили {plural(n, 'наставляемый', 'наставляемых', 'наставляемых')}."
                f" Самооценка по направлениям в среднем изменилась с {score(g.total.entry)} до "
                f"{score(g.total.final)} балла (на {row(g.total)['change']})"
                + (f"; хотя бы в одном направлении, по которому наставляемый запрашивал помощь, она выросла у "
                   f"{num(share)} % ({num(f.part('growth_improved_share', 'numerator'))} из "
                   f"{num(f.part('growth_improved_share', 'denominator'))})" if share is not None else "")
                + f". Подробно — в таблицах {first} и {first + 1} и на рисунке {5 if trend else 4}.")
    swot = compute_swot(Frames(book, period), f.d)
    titles = {q: q[0].upper() + q[1:] for q in swot.quadrants}
    swot_rows = []
    for quadrant, items in swot.quadrants.items():
        for j, item in enumerate(items or ["не отмечено"]):
            swot_rows.append({"part": titles[quadrant] if j == 0 else "", "text": item})
    return {"text": text, "directions": [row(r) for r in [*g.directions, g.total]],
            "programmes": [row(r) for r in g.programmes] or [{"label": "нет ответов", "n": "0", "entry": "—",
                                                               "final": "—", "change": "—", "improved": "—"}],
            "swot": swot_rows, "swot_hidden": swot.hidden, "privacy": PRIVACY_RULE,
            "no": "9" if trend else "8", "t1": str(first), "t2": str(first + 1), "t3": str(first + 2),
            "fig": "5" if trend else "4",
            "chart_rows": [(r.label, r.entry, r.final) for r in g.directions if not r.hidden]}


def _count(note) -> str:
    """The number of forms from the indicator's note («Анкет: 5.»)."""
    import re

    m = re.search(r"\d+", note or "")
    return m.group(0) if m else "0"


def _events(book, f: Figures, period) -> dict:
    levels, prizes = f.breakdown("events_by_level"), f.breakdown("events_prizes_by_level")
    by_level = [{"level": k, "count": num(n), "prizes": num(prizes.get(k, 0))} for k, n in levels.items()]
    grouped: dict[tuple, dict] = {}
    for r in c.records(book, "events"):
        when = r.get("date")
        if not isinstance(when, dt.date) or not (period.start <= when <= period.as_of):  # as the indicators
            continue
        key = (c.text(r.get("event")), c.text(r.get("type")), c.text(r.get("level")), when)
        g = grouped.setdefault(key, {"people": 0, "prizes": 0})
        g["people"] += 1
        g["prizes"] += r.get("result") in (v.EVENT_RESULTS[1], v.EVENT_RESULTS[2])
    # A long list would bury the report: the highest levels and most prizes first, at most EVENTS_SHOWN rows.
    rank = {lv: i for i, lv in enumerate(reversed(v.EVENT_LEVELS))}
    chosen = sorted(grouped.items(), key=lambda kv: (rank.get(kv[0][2], 99), -kv[1]["prizes"], kv[0][3]))
    chosen = sorted(chosen[:EVENTS_SHOWN], key=lambda kv: (kv[0][3], kv[0][0]))
    events = [{"event": k[0], "type": k[1], "level": k[2], "date": c.fdate(k[3]), "people": num(g["people"]),
               "prizes": num(g["prizes"])} for k, g in chosen]
    list_note = (f"В таблице — {EVENTS_SHOWN} мероприятий самого высокого уровня из {len(grouped)}; полный перечень "
                 "— на листе «Мероприятия» книги." if len(grouped) > EVENTS_SHOWN else "")
    rows = f.rows(("mentors_trained_3y_share", "events_participations", "events_people", "events_prizes"))
    n = f.value("events_participations") or 0
    if n:
        text = (f"Наставники и наставляемые приняли участие в мероприятиях {plural(n, 'раз', 'раза', 'раз')} "
                f"(разных участников — {num(f.value('events_people'))}), побед и призовых мест — "
                f"{num(f.value('events_prizes'))}.")
    else:
        text = "В периоде участие в конкурсах, конференциях и других мероприятиях не отмечено."
        events = [{"event": "мероприятий в периоде нет", "type": "—", "level": "—", "date": "—", "people": "0",
                   "prizes": "0"}]
    return {"text": text, "training": _training(f), "rows": rows, "levels": by_level, "list": events,
            "list_note": list_note}


def _training(f: Figures) -> str:
    """The mentors' own professional development: the registry's share of mentors trained in the last three years
    (sheet «Обучение наставников»), with its numerator and denominator."""
    code = "mentors_trained_3y_share"
    if not f.has(code):
        return ""
    trained, bank = f.part(code, "numerator"), f.part(code, "denominator")
    if not bank:
        return "Обучение наставников не оценивается: в банке наставников нет ни одного наставника."
    if not trained:
        return ("За последние три года ни один наставник из банка не прошёл обучение по вопросам наставничества "
                "(лист «Обучение наставников» книги): повышение квалификации наставников — задача следующего "
                "периода (п. 3.4 Положения).")
    return (f"Обучение по вопросам наставничества за последние три года прошли {plural(trained, *MENTORS)} из "
            f"{num(bank)} в банке — {f.shown(code)} (лист «Обучение наставников» книги; курсы, стажировки, "
            "школы наставников).")


def _federal(book, f: Figures) -> dict:
    value, target = f.value("federal_under35_first3"), f.d["federal_under35_first3"]["target"]
    name = f.d["federal_under35_first3"]["name"]
    if value is None:
        text = (f"Показатель «{name}» не рассчитан: в банках нет педагогов до 35 лет со стажем менее 3 лет "
                "(или не заполнены даты рождения).")
    else:
        text = (f"{name} — {num(value)} % ({num(f.part('federal_under35_first3', 'numerator'))} из "
                f"{num(f.part('federal_under35_first3', 'denominator'))} чел.) при целевом значении не менее "
                f"{num(target)} %: ")
        gap = round(target - value, 1)
        text += "целевое значение достигнуто." if gap <= 0 else f"ниже целевого на {points(gap)}."
    rows = f.rows(("federal_under35_first3", "young_coverage", "under35_coverage", "retention_share",
                   "consent_pd_share", "mentors_overloaded", "mentees_waiting_too_long"))
    ready = [{"label": f.d[code]["name"], "value": "да" if f.value(code) else "нет"}
             for code in f.d if f.d[code]["group"] == "readiness" and code != "readiness_score"]
    names = {}
    for r in c.records(book, "roadmap"):
        names.setdefault(r.get("stage"), c.text(r.get("stage_name")))
    stages = [{"stage": s, "name": names.get(int(s), ""), "status": st}
              for s, st in (f.part("roadmap_stages_done", "stages") or {}).items()]
    return {"text": text, "rows": rows, "readiness": ready, "stages": stages,
            "readiness_text": f"Выполнено пунктов готовности: {num(f.value('readiness_score'))} из {len(ready)}."}


def _best(book, period) -> dict:
    """Best practices of the period: titles only, and only of programmes whose participants agreed to publish."""
    from ..report.frames import Frames

    units = set(Frames(book, period).units["code"])
    best = [r for r in c.records(book, "programmes") if r.get("best_practice") is True and r.get("pair") in units]
    items = [{"code": c.text(r.get("code")), "title": c.text(r.get("title"), "без названия")}
             for r in best if r.get("consent_publish") is True]
    hidden = len(best) - len(items)
    if items:
        text = ("Методическим советом наставников признаны лучшими практиками наставничества и разрешены к "
                "публикации следующие персонализированные программы:")
    elif best:
        text = "Программы, признанные лучшими практиками, есть, но их результаты не разрешены к публикации."
    else:
        text = "В периоде программы, признанные лучшими практиками наставничества, не отмечены."
    note = (f"Ещё {plural(hidden, 'программа признана', 'программы признаны', 'программ признаны')} лучшими "
            "практиками, но участники не дали согласия на публикацию результатов; в отчёт они не включены."
            if hidden and items else "")
    return {"text": text, "programmes": items, "note": note, "count": num(len(best)), "hidden": num(hidden)}


def _charts(part: dict, plan: dict, surveys: dict, f: Figures) -> dict:
    from . import charts

    out = {"categories": None, "plan": None, "surveys": None}
    shown = [x for x in part["categories"] if x["chart"]]
    values = [int(x["value"]) for x in shown]
    if any(values):
        labels = [x["label"] for x in shown]
        out["categories"] = charts.bar_chart("Наставляемые по категориям", labels, values)
    planned, done = f.breakdown("plan_planned_by_month"), f.breakdown("plan_done_by_month")
    if any(planned.values()):
        partial = partial_month(f.as_of) if getattr(f, "as_of", None) else None
        labels = [f"{month_words(k)[:3]}\n{k[-4:]}" + (f"\n(по {f.as_of:%d.%m})" if k == partial else "")
                  for k in planned]
        out["plan"] = charts.line_chart("Мероприятия планов по месяцам", labels,
                                        {"запланировано": list(planned.values()),
                                         "выполнено": [done.get(k) for k in planned]})
    m, e = f.breakdown("survey_by_question_mentors"), f.breakdown("survey_by_question_mentees")
    qs = [q["question"] for q in surveys["questions"]]
    # A role with fewer than three respondents has no bars at all (registry.PRIVACY_RULE), not bars of zero.
    series = {name: [means.get(q) for q in qs] for name, means in (("наставники", m), ("наставляемые", e))
              if any(means.get(q) is not None for q in qs)}
    if f.value("survey_forms") and series:
        out["surveys"] = charts.grouped_bars("Средние оценки по вопросам анкеты", qs, series, v.SURVEY_SCALE)
    return out


def _growth_chart(growth: dict):
    from . import charts

    rows = growth["chart_rows"]
    if not rows:
        return None
    return charts.grouped_bars("Самооценка наставляемых по направлениям", [r[0] for r in rows],
                               {"входная анкета": [r[1] for r in rows], "итоговая анкета": [r[2] for r in rows]},
                               (1, 5))


def _history(book, today: dt.date, period=None) -> dict:
    """The main figures by academic year, from the archive (``report.history``), when there are two or more."""
    from ..report.history import compute_history

    h = compute_history(book, today, period)
    rows = [{"year": r.year + (" (текущий)" if r.current else ""), "pairs": num(r.pairs),
             "completed": num(r.completed), "staff_share": score(r.staff_share), "score": score(r.survey_mean)}
            for r in h.rows]
    first, last = (h.rows[0], h.rows[-1]) if h.rows else (None, None)
    text = ""
    if h.trend:
        text = (f"Основные показатели по учебным годам приведены в таблице 15 и на рисунке 4: пар и групп — "
                f"{num(first.pairs)} ({first.year}) и {num(last.pairs)} ({last.year}), завершили программу — "
                f"{num(first.completed)} и {num(last.completed)} чел."
                + (" Текущий год ещё не окончен: его пары и группы продолжают работу." if last.current else "")
                + " Охват педагогических работников рассчитан от нынешнего «Числа педагогических работников» "
                "(прежних значений книга не хранит), без студентов и стажёров; средняя оценка — среднее всех оценок "
                "в анкетах года.")
    return {"trend": h.trend, "rows": rows, "text": text, "conclusions_no": "10" if h.trend else "9"}


def _trend_chart(book, today: dt.date, period=None):
    from ..report.history import compute_history
    from . import charts

    h = compute_history(book, today, period)
    if not h.trend:
        return None
    years = [r.year + ("\n(текущий)" if r.current else "") for r in h.rows]
    return charts.trend_chart("Основные показатели по учебным годам", years,
                              {"пары и группы": [r.pairs for r in h.rows],
                               "завершили программу, чел.": [r.completed for r in h.rows]},
                              ("охват педагогических работников, %", [r.staff_share for r in h.rows]),
                              ("средняя оценка в анкетах, балл", [r.survey_mean for r in h.rows]), v.SURVEY_SCALE)


def build_analytic(book, today: dt.date) -> list[tuple[str, dict]]:
    period, indicators, statform = _report(book, today)
    f = Figures(indicators)
    f.as_of = period.as_of
    words = period_words(period)
    ctx = c.base(book)
    as_of = period.as_of
    final = as_of >= period.end
    kind = "Итоговый аналитический отчёт" if final else "Промежуточный аналитический отчёт"
    ctx["report"] = {
        "title": kind + TITLE.removeprefix("Итоговый аналитический отчёт"), "final": final,
        "kind_title": kind, "kind_upper": kind.upper(), "period_words": words, "dates": f"{period.start:%d.%m.%Y}–{period.end:%d.%m.%Y}",
        "as_of": c.fdate(as_of), "date": c.fdate(today), "year": str(today.year),
        "as_of_text": f"по состоянию на {c.fdate(as_of)}" if as_of < period.end else "",
        "as_of_clause": f" по состоянию на {c.fdate(as_of)}" if as_of < period.end else "",
    }
    ctx["participants"] = _participants(f, statform)
    ctx["programmes"] = _programmes(f)
    ctx["plan"] = _plan(f, as_of)
    ctx["surveys"] = _surveys(f)
    ctx["events"] = _events(book, f, period)
    ctx["federal"] = _federal(book, f)
    ctx["best"] = _best(book, period)
    ctx["conclusions"] = conclusions(f, words)
    ctx["proposals"] = proposals(f, ctx)
    ctx["history"] = _history(book, today, period)
    ctx["growth"] = _growth(book, period, f, ctx["history"]["trend"])
    ctx["charts"] = _charts(ctx["participants"], ctx["plan"], ctx["surveys"], f)
    ctx["charts"]["trend"] = _trend_chart(book, today, period) if ctx["history"]["trend"] else None
    ctx["charts"]["growth"] = _growth_chart(ctx["growth"])
    stem = f"{kind} за {words.replace('/', '-')}"
    return [(stem, ctx)]
