"""Who may take part in matching, and which pairs are forbidden outright.

The hard constraints of the matcher are decided here, before any score is
computed, so that no weight on «Организация» can ever override them: a person
without consent to the processing of personal data (152-ФЗ) is not matched at
all, a mentor is never offered more mentees than his spare capacity, and a
past pair is not proposed again: a pair of this year's «Пары и группы» in any
status but «проект» (a «проект» is what a new proposal may reproduce), or a pair
of the archive of past years (``book.tables["archive_pairs"]``, with ``year``),
unless the curator marked «Повтор пары разрешён» = да on one of its rows.

The early fit check (``workbook.fit``) brings a mentee of a running pair back: when she or her mentor
answered «не подходит» after the first weeks she is matched as if waiting, and her running pair is the past
pair the proposal may not repeat — with the answer as the reason, even where a repeat was allowed. Her old
mentor keeps her place in his load until the replacement is ordered: the council may still decide otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nastavnik.workbook import vocab as v
from nastavnik.workbook.parse import fold


@dataclass
class Pool:
    """The banks as the matcher sees them; both frames sorted by code, index 0..n-1."""

    mentees: object  # DataFrame of mentees waiting for a pair, with consent
    mentors: object  # DataFrame of active mentors with consent; column ``spare`` (may be 0), ``busy``
    others: object  # DataFrame of mentors who cannot be matched (left, no consent) — only to explain gaps
    excluded: list[dict] = field(default_factory=list)  # mentees left out: {"code", "reason", "advice"}
    forbidden: dict = field(default_factory=dict)  # (mentee code, mentor code) → why the pair may not repeat
    waiting: int = 0  # mentees with status «ожидает пару», before the consent filter
    history: dict = field(default_factory=dict)  # mentee code → [(mentor code, when, allowed)] of past pairs
    refit: dict = field(default_factory=dict)  # mentee code → (pair, old mentor, why): back after «не подходит»


def _truthy(series) -> "object":
    return series.astype("boolean").fillna(False).astype(bool)


def _sorted(frame):
    return frame.sort_values("code", kind="stable").reset_index(drop=True)


def active_load(pairs) -> dict[str, set[str]]:
    """Mentor code → distinct mentees in pairs that still hold a place (проект, утверждена, реализуется)."""
    load: dict[str, set[str]] = {}
    if pairs is None or len(pairs) == 0:
        return load
    live = pairs[pairs["status"].isin(v.PAIR_ACTIVE)]
    for mentor, mentee in zip(live["mentor"], live["mentee"]):
        if mentor and mentee:
            load.setdefault(mentor, set()).add(mentee)
    return load


def _rows(frame, *keys):
    """Plain tuples of ``keys`` (a missing column gives None: the archive may lack a newer column)."""
    if frame is None or len(frame) == 0:
        return []
    cols = [frame[k] if k in frame else [None] * len(frame) for k in keys]
    return list(zip(*cols))


def _yes(value) -> bool:
    import pandas as pd

    return value is not None and not (isinstance(value, float) or value is pd.NA) and bool(value)


def _when(year) -> str:
    """«в 2025/2026 учебном году» for the archive's «Учебный год» as the schema and `new-year` write it.

    The column is text («2025/2026»); an older or hand-typed book may hold a calendar year (2025, 2025.0 or
    «2025»). Anything else is shown as it stands rather than stopping the matching of a whole book.
    """
    import pandas as pd

    if year is None or (not isinstance(year, str) and pd.isna(year)):
        return "в прошлые годы"
    text = str(year).strip()
    if isinstance(year, float) and year.is_integer():
        text = str(int(year))
    if not text:
        return "в прошлые годы"
    if text.isdigit():
        return f"в {text} году"
    if "/" in text:
        return f"в {text} учебном году"
    return f"в прошлые годы ({text})"


def past_pairs(pairs, archive=None) -> tuple[dict, dict]:
    """(forbidden, history): the past pairs a proposal may not repeat, and every mentee's past mentors.

    ``forbidden`` maps (mentee, mentor) to the reason in words; a pair with «Повтор пары разрешён» = да on
    any of its rows is allowed and left out. ``history`` maps a mentee to [(mentor, when, allowed)].
    """

    seen: dict[tuple[str, str], tuple[str, bool]] = {}
    allowed: set[tuple[str, str]] = set()
    for code, mentor, mentee, status, ok in _rows(pairs, "code", "mentor", "mentee", "status", "repeat_allowed"):
        if not (mentor and mentee) or status == v.PAIR_DRAFT:
            continue
        if _yes(ok):
            allowed.add((mentee, mentor))
        if status == v.PAIR_STOPPED:
            seen[(mentee, mentor)] = (f"пара {code} с ним уже прекращалась досрочно", True)
        else:
            seen.setdefault((mentee, mentor), (f"пара {code} с ним уже была в этом году ({status or 'без статуса'})",
                                               True))
    for code, mentor, mentee, status, ok, year in _rows(archive, "code", "mentor", "mentee", "status",
                                                        "repeat_allowed", "year"):
        if not (mentor and mentee):
            continue
        if _yes(ok):
            allowed.add((mentee, mentor))
        when = _when(year)
        if (mentee, mentor) not in seen or status == v.PAIR_STOPPED:
            stopped = " (прекращена досрочно)" if status == v.PAIR_STOPPED else ""
            seen[(mentee, mentor)] = (f"пара {code} с ним уже была {when}{stopped}", False)
    forbidden = {k: why for k, (why, _this_year) in seen.items() if k not in allowed}
    history: dict[str, list] = {}
    for (mentee, mentor), (why, _this_year) in sorted(seen.items()):
        history.setdefault(mentee, []).append((mentor, why, (mentee, mentor) in allowed))
    return forbidden, history


def _refit(forbidden: dict, history: dict, refit: dict) -> None:
    """The running pair a mentee called unfit is forbidden with the answer as its reason, allowed or not."""
    for mentee, (pair, mentor, why) in refit.items():
        reason = f"пара {pair} с ним не подошла — {why}"
        forbidden[(mentee, mentor)] = reason
        past = [(m, w, a) for m, w, a in history.get(mentee, []) if m != mentor]
        history[mentee] = [(mentor, reason, False)] + past


def build_pool(mentors, mentees, pairs=None, archive=None, refit: dict | None = None) -> Pool:
    """Select the candidates; every mentee waiting for a pair is either in the pool or in ``excluded``.

    ``refit`` (``workbook.fit.refits``): mentees of running pairs with «не подходит», matched again."""
    import pandas as pd

    refit = dict(refit or {})
    load = active_load(pairs)
    in_pair: dict[str, str] = {}
    if pairs is not None and len(pairs):
        for code, mentee, status in zip(pairs["code"], pairs["mentee"], pairs["status"]):
            if status in v.PAIR_ACTIVE and mentee and refit.get(mentee, (None,))[0] != code:
                in_pair.setdefault(mentee, f"{code} ({status})")
    forbidden, history = past_pairs(pairs, archive)
    _refit(forbidden, history, refit)

    mentees = mentees[mentees["code"].notna()]
    back = mentees["code"].isin(list(refit)) & mentees["status"].isin([v.MENTEE_WAITING, v.MENTEE_IN_PAIR])
    waiting = mentees[(mentees["status"] == v.MENTEE_WAITING) | back]
    consent = _truthy(waiting["consent_pd"])
    excluded = []
    for code in sorted(waiting.loc[~consent, "code"]):
        excluded.append({
            "code": code,
            "reason": "нет согласия на обработку персональных данных (152-ФЗ)",
            "advice": "получите письменное согласие и отметьте его в книге; до этого подбор пары невозможен",
        })
    chosen = waiting[consent]
    busy = chosen["code"].isin(in_pair)
    for code in sorted(chosen.loc[busy, "code"]):
        excluded.append({
            "code": code,
            "reason": f"уже есть действующая пара {in_pair[code]}",
            "advice": "если пара действует, поставьте наставляемому статус «в паре»",
        })
    chosen = _sorted(chosen[~busy].drop_duplicates("code"))

    mentors = mentors[mentors["code"].notna()].drop_duplicates("code")
    ok = (mentors["status"] == v.MENTOR_STATUS_ACTIVE) & _truthy(mentors["consent_pd"])
    pool = _sorted(mentors[ok].copy())
    cap = pd.to_numeric(pool["max_mentees"], errors="coerce").fillna(0).astype(int)
    busy_n = pool["code"].map(lambda c: len(load.get(c, ()))).astype(int)
    pool["busy"] = busy_n.to_numpy()
    pool["spare"] = (cap - busy_n).clip(lower=0).to_numpy()
    others = _sorted(mentors[~ok].copy())
    return Pool(chosen, pool, others, excluded, forbidden, waiting=len(waiting), history=history,
                refit={k: x for k, x in refit.items() if k in set(waiting["code"])})


def person_key(fio, birth) -> tuple[str, object]:
    return (fold(fio) if isinstance(fio, str) else "", birth)


def same_person_pairs(mentees, mentors) -> set[tuple[int, int]]:
    """Row pairs that are one human being in both banks: the same code, or the same ФИО and birth date.

    When a birth date is missing on either side the same ФИО is enough: a
    namesake left unmatched is a small loss, a person made his own mentor is not.
    """
    import pandas as pd

    found: set[tuple[int, int]] = set()
    by_code = {c: j for j, c in enumerate(mentors["code"])}
    by_fio: dict[str, list[int]] = {}
    for j, fio in enumerate(mentors["fio"]):
        if isinstance(fio, str):
            by_fio.setdefault(fold(fio), []).append(j)
    mr_birth = list(mentors["birth_date"])
    for i, (code, fio, birth) in enumerate(zip(mentees["code"], mentees["fio"], mentees["birth_date"])):
        if code in by_code:
            found.add((i, by_code[code]))
        if not isinstance(fio, str):
            continue
        for j in by_fio.get(fold(fio), ()):
            other = mr_birth[j]
            if pd.isna(birth) or pd.isna(other) or pd.Timestamp(birth) == pd.Timestamp(other):
                found.add((i, j))
    return found
