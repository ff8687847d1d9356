"""Pure pandas computations of every indicator of the registry, one function per group.

Each function takes the period's ``Frames`` and returns ``{code: Value}``;
``indicators.compute_indicators`` joins them with the registry's descriptions
and fails loudly in tests if a code is computed but not described or the
other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nastavnik.workbook import vocab as v
from nastavnik.workbook.organisation import curator_order_key, regulation_order_key

from .frames import Frames, mean_score, share
from .registry import FEW_ANSWERS, MIN_RESPONDENTS


@dataclass
class Value:
    value: Any
    numerator: float | None = None
    denominator: float | None = None
    breakdown: dict[str, float] | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)


def _counts(series, order: list[str] | None = None, missing: str | None = None) -> dict[str, int]:
    """Counts by label, in the vocabulary's order first, then any other labels found."""
    if missing is not None:
        series = series.fillna(missing)
    counts = series.dropna().value_counts()
    labels = list(order or []) + [x for x in counts.index if x not in (order or [])]
    if missing is not None and missing not in labels:
        labels.append(missing)
    return {str(k): int(counts.get(k, 0)) for k in labels}


def _breakdown(series, order=None, missing=None) -> Value:
    counts = _counts(series, order, missing)
    return Value(sum(counts.values()), breakdown=counts)


def participants(f: Frames) -> dict[str, Value]:
    import pandas as pd

    units, pairs = f.units, f.pairs
    mentees_in = pairs["mentee"].dropna().unique()
    people = f.raw["mentees"].drop_duplicates("code").set_index("code")
    involved = people.loc[people.index.intersection(pd.Index(mentees_in))]
    req_cols = [f"req_{k}" for k in v.DIRECTIONS]
    by_dir = involved[req_cols].fillna(False).astype(bool).sum()
    return {
        "mentors_bank": Value(int(f.mentors["code"].nunique())),
        "mentors_trained_3y_share": _trained(f),
        "mentees_bank": Value(int(f.mentees["code"].nunique())),
        "mentors_active": Value(int(pairs["mentor"].nunique())),
        "mentees_active": Value(int(len(mentees_in))),
        "mentees_waiting": Value(int((f.mentees["status"] == v.MENTEE_WAITING).sum())),
        "pairs_total": Value(int((~units["is_group"]).sum())),
        "groups_total": Value(int(units["is_group"].sum())),
        "units_by_form": _breakdown(units["u_form"], v.FORMS),
        "units_by_kind": _breakdown(units["u_kind"], v.KINDS),
        "mentees_by_direction": Value(
            int(len(involved)),
            breakdown={name: int(by_dir[f"req_{k}"]) for k, name in v.DIRECTIONS.items()},
            note="Один наставляемый может запросить несколько направлений; значение — число наставляемых."),
        "mentees_by_category": _breakdown(involved["category"], v.MENTEE_CATEGORIES),
        **_students(f, mentees_in),
    }


def _trained(f: Frames) -> Value:
    """Mentors of the bank with a training that ended within the three years up to the report's date."""
    import pandas as pd

    tr = f.raw["training"]
    recent = tr[(tr["end"] > f.as_of - pd.DateOffset(years=3)) & (tr["end"] <= f.as_of)]
    bank = set(f.mentors["code"].dropna())
    trained = len(bank & set(recent["mentor"].dropna()))
    return Value(share(trained, len(bank)), trained, len(bank))


def _students(f: Frames, mentees_in) -> dict[str, Value]:
    """Students and trainees from outside in the period's pairs, and those who completed their programme."""
    students = f.students()
    full, _ = f.ended(f.pairs)
    completed = set(f.pairs.loc[full.to_numpy(), "mentee"].dropna())
    # A mentor of the period who had a pair (this sheet or the archive) that started before the period.
    earlier = f.pairs_all[(f.pairs_all["u_status"] != v.PAIR_DRAFT) & (f.pairs_all["u_start"] < f.start)]
    mentors = set(f.pairs["mentor"].dropna())
    return {
        "mentors_again": Value(int(len(mentors & set(earlier["mentor"].dropna())))),
        "mentees_completed": Value(int(len(completed))),
        "students_active": Value(int(len(set(mentees_in) & students))),
        "students_completed": Value(int(len(completed & students))),
    }


def coverage(f: Frames) -> dict[str, Value]:
    """Shares of the pedagogical staff: a student or trainee from outside is in none of them (see ``students``)."""
    register = f.staff_register()
    staff = len(register) if register is not None else (f.org.get("staff_count") or 0)
    mentors_n = int(f.pairs["mentor"].nunique())
    students = f.students()
    active = set(f.pairs["mentee"].dropna())
    active_staff = active - students
    bank = f.mentees[~f.mentees["code"].isin(students).to_numpy()]
    in_pairs = bank["code"].isin(active)
    young = (bank["ped_experience"] < 3).fillna(False).astype(bool)
    under = f.under35(bank["birth_date"])
    people = f.people_banks()
    people = people[~((people["_role"] == "mentee") & people["code"].isin(students)).to_numpy()]
    target = f.under35(people["birth_date"]) & (people["ped_experience"] < 3).fillna(False).astype(bool)
    fed_den = int(target.sum())
    fed_num = int((target & (people["_role"] == "mentee") & people["code"].isin(active)).sum())
    no_staff = "" if staff else "Не заполнено «Число педагогических работников» на листе «Организация»."
    fed_note = _unknown_birth(int(people["birth_date"].isna().sum()))
    if register is not None:
        fed_den = int((register["under35"] & register["first3"]).sum())
        fed_note = f"Знаменатель — лист «Педагогический состав»: {fed_den} чел. на дату отчёта."
        if fed_num > fed_den:
            fed_note += (" Наставляемых до 35 лет в первые три года работы больше, чем таких людей в штатном "
                         "списке: обновите лист «Педагогический состав» (выгрузка кадровой программы).")
    left_out = len(active & students)
    students_note = f"Студенты и стажёры не учтены: {left_out} чел." if left_out else ""

    def pct(num, den, note=""):
        return Value(share(num, den), num, den, note=note)

    staff_people = len(set(f.pairs["mentor"].dropna()) | active_staff)
    return {
        "staff_share_participants": pct(staff_people, staff, no_staff),
        "staff_share_mentors": pct(mentors_n, staff, no_staff),
        "staff_share_mentees": pct(len(active_staff), staff, " ".join(x for x in (no_staff, students_note) if x)),
        "young_bank": Value(int(young.sum())),
        "young_coverage": pct(int((young & in_pairs).sum()), int(young.sum())),
        "under35_bank": Value(int(under.sum()),
                              note=_unknown_birth(int(bank["birth_date"].isna().sum()))),
        "under35_coverage": pct(int((under & in_pairs).sum()), int(under.sum())),
        "federal_under35_first3": pct(fed_num, fed_den, fed_note),
        **_staff_counts(f, register),
    }


def _staff_counts(f: Frames, register) -> dict[str, Value]:
    """The staff counts: from «Педагогический состав» when it is filled, else the total from «Организация»."""
    if register is None:
        empty = "Лист «Педагогический состав» не заполнен (его заполняют из выгрузки кадровой программы)."
        return {"staff_total": Value(f.org.get("staff_count"), note="С листа «Организация». " + empty),
                "staff_under35": Value(None, note=empty), "staff_first3": Value(None, note=empty),
                "staff_under35_first3": Value(None, note=empty)}
    under, first3 = register["under35"], register["first3"]
    return {"staff_total": Value(len(register), note="По листу «Педагогический состав»."),
            "staff_under35": Value(int(under.sum())), "staff_first3": Value(int(first3.sum())),
            "staff_under35_first3": Value(int((under & first3).sum()))}


def _unknown_birth(n: int) -> str:
    return f"Без даты рождения (не учтены): {n} чел." if n else ""


def programmes(f: Frames) -> dict[str, Value]:
    u, s, e, a = f.units, f.start, f.end, f.as_of
    started = u["u_start"].between(s, min(e, a))
    running = running_mask(f)
    full, early = f.ended(u)
    progs = f.programmes
    has_prog = u["code"].isin(progs["pair"].dropna())
    prog_in = progs[progs["pair"].isin(u["code"])]
    reasons = u.loc[early, "u_end_reason"]
    by_reason = _breakdown(reasons, [r for r in v.END_REASONS if r != v.REASON_FULL], missing="причина не указана")
    by_reason.breakdown = {k: n for k, n in by_reason.breakdown.items() if n or k != "причина не указана"}
    return {
        "programmes_started": Value(int(started.sum())),
        "programmes_running": Value(int(running.sum()), extra={"pairs": sorted(u.loc[running, "code"])}),
        "programmes_completed": Value(int(full.sum())),
        "programmes_ended_early": Value(int(early.sum())),
        "programmes_ended_early_by_reason": by_reason,
        "programmes_extended": Value(int(((u["u_change"] == "продление срока")
                                          & (u["u_change_order_date"].isna() | (u["u_change_order_date"] <= a))).sum())),
        "units_with_programme_share": Value(share(int(has_prog.sum()), len(u)), int(has_prog.sum()), len(u)),
        "best_practices": Value(int(prog_in["best_practice"].fillna(False).astype(bool).sum())),
    }


def running_mask(f: Frames):
    """Pairs and groups of the period at work on the report date: begun by it and not ended before it."""
    u, a = f.units, f.as_of
    return ((u["u_start"] <= a) & (u["u_actual_end"].isna() | (u["u_actual_end"] >= a))).astype(bool)


def _month_labels(f: Frames) -> list[str]:
    import pandas as pd

    months = pd.period_range(f.start, f.end, freq="M")
    return [f"{m.month:02d}.{m.year}" for m in months]


def _by_month(dates, labels: list[str]) -> dict[str, int]:
    keys = dates.dt.strftime("%m.%Y")
    counts = keys.value_counts()
    return {m: int(counts.get(m, 0)) for m in labels}


def plan(f: Frames) -> dict[str, Value]:
    p = f.plan
    planned = p["planned_date"]
    in_period = planned.between(f.start, f.end)
    due = in_period & (planned <= f.as_of)
    done = (p["status"] == v.ACT_DONE) & (p["actual_date"].isna() | (p["actual_date"] <= f.as_of))
    late_done = done & p["actual_date"].notna() & (p["actual_date"] > planned)
    on_time = due & done & ~late_done
    overdue = due & ~done & (planned < f.as_of)
    n_due = int(due.sum())
    labels = _month_labels(f)
    passed = set(labels[: len([m for m in labels if (int(m[3:]), int(m[:2])) <= (f.as_of.year, f.as_of.month)])])
    done_date = p["actual_date"].fillna(planned)
    done_rows = done & done_date.between(f.start, f.end)
    return {
        "plan_due": Value(n_due),
        "plan_done_on_time_share": Value(share(int(on_time.sum()), n_due), int(on_time.sum()), n_due),
        "plan_done_late_share": Value(share(int((due & late_done).sum()), n_due), int((due & late_done).sum()),
                                      n_due),
        "plan_overdue_share": Value(share(int(overdue.sum()), n_due), int(overdue.sum()), n_due),
        "plan_planned_by_month": Value(int(in_period.sum()), breakdown=_by_month(planned[in_period], labels)),
        "plan_done_by_month": Value(int(done_rows.sum()), breakdown={
            m: (n if m in passed else None) for m, n in _by_month(done_date[done_rows], labels).items()},
            note="Месяцы после даты отчёта пусты: они ещё не наступили."),
    }


def respondents(rows) -> int:
    """How many people answered: distinct respondent codes; a form without a code counts as one person."""
    codes = rows["respondent"]
    return int(codes.dropna().nunique() + codes.isna().sum())


def surveys(f: Frames) -> dict[str, Value]:
    """The satisfaction survey of «Анкетирование»; no mean for fewer than MIN_RESPONDENTS people (PRIVACY_RULE)."""
    s = f.surveys
    s = s[s["date"].between(f.start, min(f.end, f.as_of))]
    qs = list(v.SURVEY_QUESTIONS)
    out: dict[str, Value] = {"survey_forms": Value(int(len(s)))}
    for role, suffix in ((v.ROLE_MENTOR, "mentors"), (v.ROLE_MENTEE, "mentees")):
        rows = s[(s["role"] == role).to_numpy()]
        part = rows[qs].astype("Float64")
        few = respondents(rows) < MIN_RESPONDENTS
        flat = part.stack().dropna()
        mean = mean_score(float(flat.mean())) if len(flat) and not few else None
        note = f"Анкет: {len(part)}." + (f" Ответили {respondents(rows)} — {FEW_ANSWERS}: среднее не показывается."
                                         if few and len(part) else "")
        out[f"survey_mean_{suffix}"] = Value(mean, note=note, extra={"respondents": respondents(rows)})
        means = part.mean()
        out[f"survey_by_question_{suffix}"] = Value(
            mean, breakdown={v.SURVEY_QUESTIONS[q]: (mean_score(float(means[q]))
                                                      if respondents(rows[part[q].notna().to_numpy()])
                                                      >= MIN_RESPONDENTS else None) for q in qs})
    few = respondents(s) < MIN_RESPONDENTS
    flat = s[qs].astype("Float64").stack().dropna().astype(int)
    out["survey_mean"] = Value(mean_score(float(flat.mean())) if len(flat) and not few else None,
                               note=f"Анкет: {len(s)}.")
    counts = flat.value_counts()
    lo, hi = v.SURVEY_SCALE
    out["survey_distribution"] = Value(int(len(flat)), breakdown={
        str(b): (None if few else int(counts.get(b, 0))) for b in range(lo, hi + 1)})
    return out


def growth(f: Frames) -> dict[str, Value]:
    """Entry vs final self-ratings of the mentees (``growth.compute_growth``: one definition for every output)."""
    from .growth import growth_values

    return {code: Value(value, num, den, breakdown, note, extra or {})
            for code, (value, num, den, breakdown, note, extra) in growth_values(f).items()}


PRIZES = ("победитель", "призёр")


def events(f: Frames) -> dict[str, Value]:
    e = f.events
    e = e[e["date"].between(f.start, min(f.end, f.as_of))]
    prize = e["result"].isin(PRIZES)
    return {
        "events_participations": Value(int(len(e))),
        "events_people": Value(int(e["person"].nunique())),
        "events_prizes": Value(int(prize.sum())),
        "events_by_level": _breakdown(e["level"], v.EVENT_LEVELS),
        "events_prizes_by_level": _breakdown(e.loc[prize, "level"], v.EVENT_LEVELS),
        "events_by_type": _breakdown(e["type"], f.lists.get("event_type") or v.EVENT_TYPES),  # her own types too
    }


def people(f: Frames) -> dict[str, Value]:
    import pandas as pd

    pairs = f.pairs.dropna(subset=["mentor", "mentee"])
    load = pairs.groupby("mentor")["mentee"].nunique()
    active = f.pairs_all[f.pairs_all["u_status"].isin(v.PAIR_ACTIVE)].dropna(subset=["mentor", "mentee"])
    now = active.groupby("mentor")["mentee"].nunique()
    limits = f.raw["mentors"].drop_duplicates("code").set_index("code")["max_mentees"]
    over = (now > limits.reindex(now.index)).fillna(False)
    dist = load.value_counts().reindex(range(1, int(load.max()) + 1) if len(load) else [], fill_value=0)
    out = {
        "mentor_load_mean": Value(round(float(load.mean()), 2) if len(load) else None, int(load.sum()),
                                  int(len(load))),
        "mentor_load_max": Value(int(load.max()) if len(load) else None),
        "mentors_overloaded": Value(int(over.sum())),
        "mentor_load_distribution": Value(int(len(load)), breakdown={str(k): int(n) for k, n in dist.items()}),
    }
    # Retention: the one-year mark after the mentee's last programme end falls within the period.
    mentees = f.raw["mentees"].drop_duplicates("code").set_index("code")
    # Those who completed a programme in full (this sheet and «Архив пар»: pairs_all holds both).
    allp = f.pairs_all
    full = (allp["u_actual_end"].notna() & (allp["u_status"] != v.PAIR_STOPPED)
            & (allp["u_end_reason"] == v.REASON_FULL).fillna(False).astype(bool))
    done = allp[full.to_numpy()]
    last_end = done.dropna(subset=["mentee"]).groupby("mentee")["u_actual_end"].max()
    year_after = last_end + pd.DateOffset(years=1)
    left = mentees["left_date"].reindex(last_end.index)
    archived_left = f.archive_left_dates()
    if archived_left is not None:
        left = left.fillna(archived_left.reindex(last_end.index))
    measurable = year_after.between(f.start, f.as_of)
    retained = measurable & (left.isna() | (left > year_after))
    not_yet = (year_after > f.as_of) & (last_end <= f.end) & (year_after >= f.start)
    n_meas = int(measurable.sum())
    out["retention_measured"] = Value(n_meas)
    out["retention_share"] = Value(share(int(retained.sum()), n_meas), int(retained.sum()), n_meas,
                                   note="" if n_meas else "Ни у одного наставляемого годовой срок после программы "
                                                          "не истёк в периоде.")
    out["retention_not_yet"] = Value(int(not_yet.sum()), extra={"mentees": sorted(last_end.index[not_yet])})
    # Days from the request (date added to the bank) to the pair (order date, else start).
    started = pairs[pairs["u_start"].between(f.start, f.end)]
    when = started["u_order_date"].fillna(started["u_start"])
    asked = pd.Series(mentees["date_added"].reindex(started["mentee"]).to_numpy(), index=started.index,
                      dtype=mentees["date_added"].dtype)  # reindex keeps the date type even when empty
    days = (when - asked).dt.days.dropna()
    bad = int((days < 0).sum())
    days = days[days >= 0]
    note = f"Не учтено из-за даты запроса позже даты пары: {bad}." if bad else ""
    out["days_to_pair_mean"] = Value(round(float(days.mean()), 1) if len(days) else None, note=note)
    out["days_to_pair_median"] = Value(round(float(days.median()), 1) if len(days) else None, note=note)
    limit = f.org.get("max_wait_days") or 30
    waiting = f.mentees[f.mentees["status"] == v.MENTEE_WAITING]
    waited = (f.as_of - waiting["date_added"]).dt.days
    out["mentees_waiting_too_long"] = Value(int((waited > limit).sum()), note=f"Допустимо: {limit} дн.")
    return out


def organisation(f: Frames) -> dict[str, Value]:
    banks = f.people_banks()
    n = len(banks)
    pd_yes = int(banks["consent_pd"].fillna(False).astype(bool).sum())
    pub_yes = int(banks["consent_publish"].fillna(False).astype(bool).sum())
    u = f.units
    ordered = u["u_order_no"].notna()
    r = f.roadmap.dropna(subset=["stage"])
    by_stage = r["status"].groupby(r["stage"]).apply(list)
    stages = range(1, len(v.ROADMAP_STAGES) + 1)
    state = {st: stage_state(by_stage.get(st, [])) for st in stages}  # seven stages: a tiny fixed loop
    by_status = {s: sum(1 for x in state.values() if x == s) for s in v.STAGE_STATUSES}
    return {
        "consent_pd_share": Value(share(pd_yes, n), pd_yes, n),
        "consent_publish_share": Value(share(pub_yes, n), pub_yes, n),
        "units_by_order": Value(int(ordered.sum())),
        "pairs_by_order": Value(int((ordered & ~u["is_group"]).sum())),
        "groups_by_order": Value(int((ordered & u["is_group"]).sum())),
        "roadmap_stages_done": Value(by_status["выполнен"], extra={"stages": {str(k): s for k, s in state.items()}}),
        "roadmap_stages_by_status": Value(len(state), breakdown=by_status),
    }


def stage_state(statuses) -> str:
    """A roadmap stage's status from its rows: «выполнен» when all are, «не начат» when none began (or no rows),
    else «в работе». The one rule for «Мониторинг.xlsx», the analytic report and the site's roadmap."""
    done, started, idle = v.STAGE_STATUSES[2], v.STAGE_STATUSES[1], v.STAGE_STATUSES[0]
    statuses = [x if isinstance(x, str) and x else idle for x in statuses]
    if statuses and all(x == done for x in statuses):
        return done
    return idle if all(x == idle for x in statuses) else started


def readiness(f: Frames) -> dict[str, Value]:
    org, t = f.org, f.raw

    def filled(key):
        x = org.get(key)
        return x is not None and str(x).strip() != ""

    pairs = f.pairs_all
    active = pairs[pairs["u_status"].isin({v.PAIR_APPROVED, v.PAIR_RUNNING})]["code"]
    progs = t["programmes"]
    checks = {
        "ready_site": filled("site_url"),
        # One order «О внедрении…» (when chosen on «Организация») introduces the system, approves the Положение
        # and appoints the curator: it stands for all three.
        "ready_order_system": filled(regulation_order_key(org) + "_no"),
        "ready_regulation": filled(regulation_order_key(org) + "_no"),
        "ready_roadmap": len(t["roadmap"]) > 0,
        "ready_programmes": len(progs) > 0 and bool(active.isin(progs["pair"].dropna()).all()),
        "ready_curator_order": filled(curator_order_key(org) + "_no"),
        "ready_mentor_bank": len(t["mentors"]) > 0,
        "ready_mentee_bank": len(t["mentees"]) > 0,
        "ready_reward_rules": org.get("reward_rules") is True,
        "ready_pairs_order": bool(t["pairs"]["order_no"].notna().any()),
        "ready_best_cases": bool(progs["best_practice"].fillna(False).astype(bool).any()),
    }
    out = {k: Value(bool(x)) for k, x in checks.items()}
    out["readiness_score"] = Value(sum(checks.values()), sum(checks.values()), len(checks))
    return out


GROUP_FUNCTIONS = (participants, coverage, programmes, plan, surveys, growth, events, people, organisation, readiness)
