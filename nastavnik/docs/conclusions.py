"""Conclusions and proposals of the analytic report, written from the figures in plain Russian.

Each proposal is tied to a figure and appears only when that figure calls for
it (mentees waiting, the federal indicator below its target, overdue
activities, …), with the Положение's own remedy where it names one. The
curator can reword or delete any of them in the finished document.
"""

from __future__ import annotations

from .words import GROUPS, MENTEES, MENTORS, PAIRS, num, plural, points, verb


def score(x) -> str:
    """A mean score as Таблица 8 prints it: one decimal always («6,4», «9,0»)."""
    return "—" if x is None else f"{float(x):.1f}".replace(".", ",")


def conclusions(f, period_words: str) -> list[str]:
    if not (f.value("pairs_total") or f.value("groups_total")):
        return [f"За {period_words} наставнические пары и группы не работали: система (целевая модель) "
                "наставничества находится на этапе подготовки.",
                f"Выполнено пунктов готовности системы наставничества: {num(f.value('readiness_score'))} из "
                f"{num(f.d['readiness_score']['target'])}; этапов дорожной карты выполнено: "
                f"{num(f.value('roadmap_stages_done'))} из 7."]
    out = [
        f"За {period_words} система (целевая модель) наставничества педагогических работников реализуется: "
        f"в периоде — {plural(f.value('pairs_total'), *PAIRS)}"
        f" и {plural(f.value('groups_total'), *GROUPS)}, из них на дату отчёта "
        f"{verb(f.value('programmes_running'), 'работают')} {num(f.value('programmes_running'))}; в них участвуют {plural(f.value('mentors_active'), *MENTORS)} и "
        f"{plural(f.value('mentees_active'), *MENTEES)}.",
        f"Пар и групп, начавших работу в периоде, — {num(f.value('programmes_started'))}; программ, завершённых "
        f"в полном объёме, — {num(f.value('programmes_completed'))}, прекращённых досрочно — "
        f"{num(f.value('programmes_ended_early'))}, продлённых — {num(f.value('programmes_extended'))}.",
    ]
    if f.value("plan_due"):
        out.append(f"Мероприятия планов выполнены в срок на {f.shown('plan_done_on_time_share')}, просрочено "
                   f"{f.shown('plan_overdue_share')} мероприятий, срок которых наступил.")
    shown = [f"{f.shown(code)} ({who})" for code, who in (("survey_mean_mentors", "наставники"),
                                                           ("survey_mean_mentees", "наставляемые"))
             if f.value(code) is not None]  # a mean of fewer than 3 respondents is not shown (PRIVACY_RULE)
    if f.value("survey_forms") and shown:
        out.append(f"Участники оценивают программы в среднем на {' и '.join(shown)}.")
    grown = f.value("growth_improved_share")
    if grown is not None:
        out.append(f"Самооценка выросла хотя бы в одном направлении, по которому наставляемый запрашивал помощь, у "
                   f"{num(grown)} % наставляемых, заполнивших входную и итоговую анкеты.")
    fed = f.d["federal_under35_first3"]
    if fed["value"] is not None:
        verdict = "достигнуто" if fed["status"] == "достигнуто" else "не достигнуто"
        out.append(f"Целевое значение федерального показателя (не менее {num(fed['target'])} %) {verdict}: "
                   f"{num(fed['value'])} %.")
    out.append(f"Выполнено пунктов готовности системы наставничества: {num(f.value('readiness_score'))} из "
               f"{num(f.d['readiness_score']['target'])}; "
               f"этапов дорожной карты выполнено: {num(f.value('roadmap_stages_done'))} из 7.")
    return out


def proposals(f, ctx: dict) -> list[str]:
    out = []
    waiting, too_long = f.value("mentees_waiting") or 0, f.value("mentees_waiting_too_long") or 0
    if waiting:
        late = f", из них {num(too_long)} — дольше допустимого срока" if too_long else ""
        out.append(f"Пару {verb(waiting, 'ожидают')} {plural(waiting, *MENTEES)}{late}: "
                   "продолжить поиск наставников, привлечь наставников из организаций-партнёров, рассмотреть "
                   "групповую форму наставничества.")
    fed = f.d["federal_under35_first3"]
    if fed["value"] is not None and fed["status"] != "достигнуто":
        gap = round(fed["target"] - fed["value"], 1)
        missing = int((fed.get("denominator") or 0) - (fed.get("numerator") or 0))
        out.append(f"Федеральный показатель ниже целевого значения {num(fed['target'])} % на {points(gap)}: "
                   f"вовлечь в наставничество молодых педагогов до 35 лет со стажем менее 3 лет, ещё не "
                   f"участвующих в программах ({plural(missing, 'человек', 'человека', 'человек')}).")
    young = f.d["young_coverage"]
    if young["value"] is not None and young["value"] < 100 and (fed["status"] == "достигнуто"):
        rest = int((young.get("denominator") or 0) - (young.get("numerator") or 0))
        out.append(f"Охватить наставничеством молодых специалистов со стажем менее 3 лет, ещё не участвующих в "
                   f"программах ({plural(rest, 'человек', 'человека', 'человек')}).")
    overdue = f.part("plan_overdue_share", "numerator") or 0
    if overdue:
        out.append(f"Просрочено {plural(overdue, 'мероприятие', 'мероприятия', 'мероприятий')} планов: наставникам "
                   "выполнить их, куратору проверить реальность сроков и при необходимости внести изменения в "
                   "программы (п. 7.2 Положения).")
    if f.value("programmes_ended_early"):
        reasons = ", ".join(k for k, n in f.breakdown("programmes_ended_early_by_reason").items() if n)
        many = "программ" if f.value("programmes_ended_early") > 1 else "программы"
        out.append(f"Рассмотреть на методическом совете наставников причины досрочного прекращения {many}"
                   + (f" ({reasons})" if reasons else "") + ".")
    low = _lowest(f.breakdown("survey_by_question_mentees"))
    if low:
        out.append(f"Обсудить на методическом совете вопрос анкеты «{low[0]}», получивший наименьшую среднюю "
                   f"оценку наставляемых ({score(low[1])}).")
    elif not f.value("survey_forms"):
        out.append("Провести анкетирование наставников и наставляемых до итогового мероприятия.")
    pd = f.d["consent_pd_share"]
    if pd["value"] is not None and pd["value"] < 100:
        rest = int((pd.get("denominator") or 0) - (pd.get("numerator") or 0))
        out.append(f"Оформить согласия на обработку персональных данных "
                   f"({plural(rest, 'участник', 'участника', 'участников')} без согласия).")
    if f.value("mentors_overloaded"):
        many = plural(f.value("mentors_overloaded"), "наставника", "наставников", "наставников")
        out.append(f"Перераспределить наставляемых: у {many} их больше, чем наставник готов вести.")
    missing_ready = [r["label"] for r in ctx["federal"]["readiness"] if r["value"] == "нет"]
    if missing_ready:
        out.append("Подготовить недостающее для готовности системы наставничества: "
                   + "; ".join(m[0].lower() + m[1:] for m in missing_ready) + ".")
    open_stages = [s["stage"] for s in ctx["federal"]["stages"] if s["status"] != "выполнен"]
    if open_stages:
        out.append(f"Завершить этапы дорожной карты № {', '.join(open_stages)} в установленные сроки.")
    if ctx["best"]["programmes"]:
        out.append("Распространить лучшие практики наставничества: разместить их на официальном сайте в разделе "
                   "«Наставничество» и представить на мероприятиях муниципального уровня.")
    else:
        out.append("Методическому совету наставников выявить лучшие практики наставничества по итогам программ.")
    if f.value("events_participations"):
        out.append("Продолжить участие наставников и наставляемых в конкурсах профессионального мастерства, "
                   "конференциях и форумах.")
    else:
        out.append("Организовать участие наставников и наставляемых в конкурсах профессионального мастерства и "
                   "конференциях.")
    return [f"{i}. {p}" for i, p in enumerate(out, 1)]


def _lowest(means: dict) -> tuple[str, float] | None:
    pairs = [(q, m) for q, m in means.items() if m is not None]
    return min(pairs, key=lambda qm: qm[1]) if pairs else None
