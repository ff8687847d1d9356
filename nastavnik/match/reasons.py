"""Reasons in words: why a mentor suits a mentee, and why a mentee is left without one.

The council decides on people, not numbers, so every proposed pair carries
the facts behind its score in plain Russian, and every mentee left without a
mentor carries the cause and what the regulation suggests doing about it.
"""

from __future__ import annotations

from nastavnik.base.morph import agree
from nastavnik.workbook import vocab as v

from .scoring import DIGITAL, DIRS, Scorer, subject_ground

SHOW = 5  # mentor codes named in one reason; the rest are counted
GROUP_PLACE = "место в группе наставника"
ADVICE_EXTERNAL = ("пригласить наставника из организации — социального партнёра (школы, вузы, колледжи, "
                   "учреждения культуры и спорта, дополнительного профессионального образования; п. 1.2 Положения)")
ADVICE_SUPPORT = ("продолжить поиск наставника и организовать психолого-педагогическую поддержку наставляемого, "
                  "не сформировавшего пару (этап 5 дорожной карты)")
ADVICE_CAPACITY = ("с согласия подходящего наставника увеличить его «Максимум наставляемых» или объединить "
                   "наставляемых с одинаковыми запросами в группу (вид «в группе»)")


def plural(n: int, one: str, few: str, many: str) -> str:
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _of(n: int, one: str, many: str) -> str:
    """Genitive after «из N»: «из 1 запроса», «из 3 запросов»."""
    return one if n % 10 == 1 and n % 100 != 11 else many


def _list(names) -> str:
    return ", ".join(f"«{x}»" for x in names)


def category_words(cat) -> str | None:
    if not isinstance(cat, str):
        return None
    return f"{cat} категория" if cat in ("первая", "высшая") else cat


def pair_reasons(sc: Scorer, i: int, j: int, parts: dict) -> list[str]:
    """The facts behind one pair's score, strongest first as the council reads them."""
    me, mr = sc.me_rows[i], sc.mr_rows[j]
    out = []
    has = dict(zip(DIRS, sc.comp[j].tolist()))
    asked = [d for d, on in zip(DIRS, sc.req[i].tolist()) if on]
    if asked:
        got = [v.DIRECTIONS[d] for d in asked if has[d]]
        miss = [v.DIRECTIONS[d] for d in asked if not has[d]]
        text = f"закрывает {len(got)} из {len(asked)} {_of(len(asked), 'запроса', 'запросов')}"
        if got:
            text += ": " + ", ".join(got)
        if miss:
            text += "; не закрыт" + ("ы" if len(miss) > 1 else "") + ": " + ", ".join(miss)
        out.append(text)
    else:
        out.append("запросы наставляемого не отмечены — подбор по остальным признакам")
    kind_of = sc.org_type  # the profile and the level in the words of this organisation's type
    if parts["focus"] > 0:
        out.append(f"{kind_of.same_profile} ({mr['focus']})")
    elif isinstance(mr["focus"], str):
        out.append(f"{kind_of.other_profile} ({mr['focus']})")
    if parts.get("level", 0) > 0:
        common = [x for k, x in sc.levels_mr[j].items() if k in sc.levels_me[i]]
        head = kind_of.same_level if len(common) == 1 else agree(len(common), kind_of.same_level)
        out.append(f"{head} ({', '.join(common)})")
    if parts["subject"] > 0:
        ground = subject_ground(sc.org_type, me["subject"], mr["subject"])
        near = kind_of.same_subject  # in the type's words: «близкие парциальные программы»
        out.append(f"{near} ({ground}): «{me['subject']}» — «{mr['subject']}»" if ground
                   else f"{near}: «{me['subject']}» — «{mr['subject']}»")
    exp = mr["ped_experience"]
    words = []
    if exp == exp and exp is not None:
        exp = int(exp)
        words.append(f"стаж {exp} {plural(exp, 'год', 'года', 'лет')}")
    cat = category_words(mr["qual_category"])
    if cat:
        words.append(cat)
    if words:
        out.append(", ".join(words))
    if parts["department"] > 0:
        out.append("одно подразделение")
    fa, fb = me["format"], mr["format"]
    if isinstance(fa, str) and isinstance(fb, str):
        if fa == fb or v.FORMATS[2] in (fa, fb):
            out.append(f"совместимый формат ({fa} — {fb})" if fa != fb else f"один формат работы ({fa})")
        else:
            out.append(f"формат не совпадает: наставляемому удобно {fa}, наставнику — {fb}")
    kind = me["kind"]
    if sc.kind_me[i] and not sc.ready_kind[sc.kind_me[i], j]:
        out.append(f"вид «{kind}» не отмечен в готовности наставника")
    if not sc.form_ok[j]:
        out.append("форма «педагог – педагог» не отмечена в готовности наставника")
    by_mentee, by_mentor = sc.pref[i] == j, (i, j) in sc.named_set
    if by_mentee and by_mentor:
        out.append("взаимный выбор: наставляемый назвал его сам, наставник тоже назвал этого наставляемого")
    elif by_mentee:
        out.append("наставляемый назвал его сам")
    elif by_mentor:
        out.append("наставник сам назвал этого наставляемого")
    if parts["reverse"] > 0:
        strong = [v.DIRECTIONS[d] for n, d in enumerate(DIGITAL) if sc.asked[i, n] and sc.strong[j, n]]
        out.append("реверсивное наставничество: наставник моложе и сильнее в " + ", ".join(strong))
    spare, cap = int(sc.spare[j]), mr["max_mentees"]
    if cap == cap and cap is not None:
        out.append(f"свободно {spare} из {int(cap)} {_of(int(cap), 'места', 'мест')}")
    if parts.get("group"):
        out.append(f"{GROUP_PLACE} (он готов к виду «{v.KIND_GROUP}»)")
    if parts.get("wait", 0) > 0 and sc.weights.get("wait", 0) > 0:
        months = int(sc.months[i])
        capped = f" (учтено {int(sc.wait_cap)})" if months > sc.wait_cap else ""
        out.append(f"ждёт {months} мес.{capped}")
    return out


def label(frame, code: str) -> str:
    row = frame[frame["code"] == code]
    fio = row["fio"].iloc[0] if len(row) else None
    return f"{code} {fio}" if isinstance(fio, str) else code


def unmatched_reasons(sc: Scorer, pool, i: int, feasible_row, blocked: dict) -> tuple[list, list]:
    """(causes, advice) for mentee ``i`` left without a mentor.

    ``blocked`` maps (i, j) to why that pair is forbidden (same person, stopped early).
    """
    import numpy as np

    causes: list[str] = []
    advice: list[str] = []
    fits = np.flatnonzero(feasible_row)
    codes = sc.mr_codes
    if len(fits):
        names = ", ".join(codes[j] for j in fits[:SHOW])
        if len(fits) > SHOW:
            names += f" и ещё {len(fits) - SHOW}"
        causes.append(
            f"все подходящие наставники ({names}) заняты: их свободные места в предложении отданы "
            "наставляемым с более высокой оценкой пары")
        advice.append(ADVICE_CAPACITY)
    else:
        asked = [d for d in DIRS if sc.req[i, DIRS.index(d)]]
        free = sc.spare > 0
        for d in asked:
            k = DIRS.index(d)
            name = v.DIRECTIONS[d]
            cover = sc.comp[:, k]
            open_ = [j for j in np.flatnonzero(cover & free) if (i, j) not in blocked]
            if open_:
                continue
            why = []
            shut = [j for j in np.flatnonzero(cover & free) if (i, j) in blocked]
            for j in shut:
                why.append(f"{codes[j]} — {blocked[(i, j)]}")
            full = np.flatnonzero(cover & ~free)
            if len(full):
                more = f" и ещё {len(full) - SHOW}" if len(full) > SHOW else ""
                why.append(", ".join(codes[j] for j in full[:SHOW]) + more + " — нет свободных мест")
            other = pool.others
            gone = other[other[f"comp_{d}"].astype("boolean").fillna(False).astype(bool)]
            for row in gone.head(SHOW).to_dict("records"):
                consent = row["consent_pd"] is True
                person = label(other, row["code"]) if consent else row["code"]  # no name without consent
                if row["status"] != v.MENTOR_STATUS_ACTIVE:
                    why.append(f"{person} — {row['status'] or 'не активен'}")
                else:
                    why.append(f"{person} — нет согласия на обработку ПДн")
            text = f"никто из наставников со свободными местами не закрывает запрос «{name}»"
            if why:
                text += " (его могли бы закрыть: " + "; ".join(why) + ")"
            causes.append(text)
        if not asked:
            causes.append("нет наставников со свободными местами" if not free.any()
                          else "нет ни одного наставника, с которым возможна пара")
        if not causes:
            causes.append("оценка всех возможных пар равна нулю — проверьте веса на листе «Организация» "
                          "(раздел «Подбор пар»)")
        if any("нет свободных мест" in c for c in causes):
            advice.append(ADVICE_CAPACITY)
    advice[:0] = [ADVICE_EXTERNAL]
    advice.append(ADVICE_SUPPORT)
    return causes, advice
