"""The score of a mentee–mentor pair: a sum of named, explainable parts.

Section 6.1 of the regulation asks that the mentor's profile answer the
mentee's requests and that the two have a mutual interest. Each part below
turns one such criterion into a number in [0, 1]; the curator weighs them on
«Организация» (``schema.MATCH_WEIGHTS``), and the score is
``round(Σ weight × part, 4)``. Parts are computed for whole blocks of mentees
against all mentors at once with numpy — never in a Python loop over pairs —
so five thousand mentees and two thousand mentors take about half a second.
``block`` gives every part of a block; ``block_total`` (the graph's) sums them
as it makes them and ``pairs`` (the reasons') gives the parts of chosen pairs
only — both equal to ``block`` to the last bit (``tests/test_match_scale.py``),
so the numbers in the reasons are exactly the numbers the solver used. Formulas
(also in ``docs/match.md``):

* coverage — share of the mentee's requested directions (``req_*``) that the
  mentor has as competencies (``comp_*``): |запросы ∩ компетенции| / |запросы|.
* focus — 1 when both have the same profile: the column the organisation's type defines
  (``orgtypes.OrgType.profile``: a school's учебный предмет, a kindergarten's образовательная
  область, a college's цикл дисциплин, a centre's направленность).
* level — the share of the mentee's levels (``level``, several values: a school's начальное /
  основное / среднее общее, a kindergarten's age groups, a centre's levels of programmes) that the
  mentor also has: |уровни наставляемого ∩ уровни наставника| / |уровни наставляемого|; 0 when the
  mentee has none. A book without the column scores 0 for every pair, so its optimum is unchanged.
* subject — share of the stems of the mentee's subject area found in the
  mentor's: words lower-cased, «ё» → «е», split on every character that is not
  a Latin or Russian letter or a digit, words shorter than ``MIN_WORD`` dropped
  unless they hold a digit («3D-моделирование» → «3d», «модели»: «3D» names the
  field), ``STOP_WORDS`` dropped, a stem is the first ``STEM`` letters.
* experience — ½·min(max(стаж наставника − стаж наставляемого, 0), 10)/10 +
  ½·min(max(ранг категории наставника − ранг наставляемого, 0), 2)/2
  (ranks from ``vocab.QUAL_RANK``, no category = 0).
* department — 1 when the structural units are the same.
* format — ½·(formats compatible: equal, either «смешанный» or either blank)
  + ½·(the mentor is ready for this work: his «Готов к видам» is blank or holds
  the mentee's preferred kind, and his «Готов к формам» is blank or holds
  «педагог – педагог»). Readiness is a soft penalty, not a filter: a curator
  may still agree a kind with the mentor in person.
* preference — ½ if the mentee named this mentor + ½ if the mentor named this mentee.
* reverse — only for a mentee who asks for reverse mentoring (category
  «опытный педагог (реверсивное наставничество)» or kind «реверсивное») and
  requests ИКТ-компетенции or цифровизация: (mentor is younger — by birth date,
  or by experience when a date is missing) × share of those requests he covers.
* load — the mentor's free share: свободных мест / максимум наставляемых.
* wait — fairness to those who wait: whole months since the mentee's «Дата
  включения в банк (запроса)», at most ``wait_cap_months`` of «Организация»
  (the one part counted in months, not in [0, 1]; its weight is per month).
* group — 1 when the mentee chose «в группе» and is placed in a group of the
  mentor, who marked «в группе» in «Готов к видам»; 0 for an individual pair.
  Every pair has two modes; the solver takes the better (see ``graph``).

Longer than most modules: every part of the score and its reason in words sit side by side so that
the number and its explanation cannot drift apart.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from nastavnik.workbook import orgtypes
from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v

PARTS = ("coverage", "focus", "level", "subject", "experience", "department", "format", "preference", "reverse", "load",
         "wait", "group")
# Neutral titles, for the documentation that speaks of every type; a person reading one book's proposal sees
# ``part_titles(org_type)``: the type's own column titles for the profile and the level.
PART_TITLES = {
    "coverage": "покрытие запросов",
    "focus": "профиль педагога",
    "level": "уровень или группа обучающихся",
    "subject": "предметная область",
    "experience": "стаж и категория",
    "department": "подразделение",
    "format": "формат и вид работы",
    "preference": "взаимный выбор",
    "reverse": "реверсивное наставничество",
    "load": "нагрузка наставника",
    "wait": "ожидание пары (мес.)",
    "group": "работа в группе",
}
DIRS = list(v.DIRECTIONS)
DIGITAL = ["ict", "digital"]
NEW_PAIR_FORM = v.FORMS[0]  # «педагог – педагог»: the form every proposed pair gets
REVERSE_CATEGORY = "опытный педагог (реверсивное наставничество)"
FORMAT_MIXED = "смешанный"
STEM = 6
_SPLIT = re.compile(r"[^0-9a-zа-я]+")
# A code with dots is one word, kept whole: a college's specialty «08.02.01» or module «МДК.01.01» names its field.
_CODE = re.compile(r"[0-9a-zа-я]+(?:\.[0-9]+)+")
STOP_WORDS = ("для", "или", "как", "при", "его", "над")  # connectives that would make any two subjects «близки»
_STOP = set(STOP_WORDS)
MIN_WORD = 3  # shorter words are dropped, unless they hold a digit («3D», «2D»): those name a field
# A number alone («5–9 классы») names no field, and these words say where or whom a teacher teaches, not what:
# a school's «5–9 классы; курс …», a kindergarten's «группа компенсирующей направленности; программа …».
# Dropped in every form (by lemma), so two teachers of 7–9 classes are not «близки» for that alone.
FRAME_WORDS = ("класс", "курс", "группа", "программа", "деятельность", "направленность")
CHUNK = 256  # mentees per block: bounds memory to a few blocks of (CHUNK × mentors) floats
DENSE_WORDS = 64  # levels fewer than this are multiplied as dense matrices (BLAS) in ``block_total``
UNIT = 10_000  # scores are kept as integers in units of 0.0001 (the rounding of ``total``)


# The columns of a person the reasons (``reasons.pair_reasons``) and the groups (``groups.form_groups``) name.
ROW_COLUMNS = {"mentees": ("code", "subject", "format", "kind", "focus"),
               "mentors": ("code", "focus", "subject", "ped_experience", "qual_category", "format", "max_mentees")}
DEFAULT_WEIGHTS: dict[str, float] = {k: d for k, (_t, d) in s.MATCH_WEIGHTS.items()}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def part_titles(org_type: orgtypes.OrgType) -> dict[str, str]:
    """Part → its title in this organisation's words: «учебный предмет», «уровень общего образования»."""
    return {**PART_TITLES, "focus": _lower_first(org_type.profile), "level": _lower_first(org_type.level),
            "subject": org_type.subject_part}


def weight_titles(org_type: orgtypes.OrgType) -> dict[str, str]:
    """Part → the title of its weight on «Организация» for this type («Вес: один учебный предмет»)."""
    return {f.key[2:]: f.title for f in s.org_fields_for(org_type) if f.key in s.MATCH_WEIGHTS}


def wait_cap(org: dict | None) -> int:
    """«Ожидание пары: учитывать не больше, месяцев» of «Организация», or its default."""
    default = next(d for k, _t, _h, d, _lo, _hi in s.MATCH_PARAMS if k == "wait_cap_months")
    try:
        value = int(float((org or {}).get("wait_cap_months")))
    except (TypeError, ValueError):
        return default
    return min(max(value, 0), 60)


def months_between(start, today) -> int:
    """Whole months from ``start`` to ``today`` (0 when either is missing or start is later)."""
    import pandas as pd

    if start is None or today is None or pd.isna(start):
        return 0
    a, b = pd.Timestamp(start), pd.Timestamp(today)
    n = (b.year - a.year) * 12 + b.month - a.month - (1 if b.day < a.day else 0)
    return max(n, 0)


def weights_from_org(org: dict | None) -> dict[str, float]:
    """Part name → weight, from «Организация»; an empty or unreadable cell falls back to the default."""
    out = {}
    for key, default in DEFAULT_WEIGHTS.items():
        value = (org or {}).get(key)
        try:
            value = float(value)
        except (TypeError, ValueError):
            value = float(default)
        if math.isnan(value):
            value = float(default)
        out[key[2:]] = min(max(value, 0.0), 100.0)
    return out


@lru_cache(maxsize=4096)
def _frame_word(word: str) -> bool:
    """Whether ``word`` is a form of one of ``FRAME_WORDS`` (by its lemma: «классов», «группы», «курса»)."""
    if not any(word.startswith(f[:-1]) and len(word) <= len(f) + 3 for f in FRAME_WORDS):
        return False  # not an inflected form of one («программирование»): the dictionary is not even loaded
    from nastavnik.base.morph import _morph

    return any(p.normal_form in FRAME_WORDS for p in _morph().parse(word)[:1]) or word in FRAME_WORDS


def stems(text) -> list[str]:
    """Stems of a subject area, so «робототехника» and «Робототехника и LEGO-конструирование» meet."""
    if not isinstance(text, str):
        return []
    return list(_stems_of(text))


@lru_cache(maxsize=1 << 16)
def _stems_of(text: str) -> tuple[str, ...]:
    """``stems`` of one text, kept: a district's reasons ask for the same few hundred subject areas ten
    thousand times (``subject_ground`` of every pair shown)."""
    text = text.casefold().replace("ё", "е")
    out = list(dict.fromkeys(_CODE.findall(text)))
    for w in _SPLIT.split(_CODE.sub(" ", text)):
        if not w or w.isdigit() or w in _STOP or _frame_word(w):
            continue
        if len(w) >= MIN_WORD or any(ch.isdigit() for ch in w):
            stem = w[:STEM]
            if stem not in out:
                out.append(stem)
    return tuple(out)


@lru_cache(maxsize=16)
def generic_stems(org_type: orgtypes.OrgType) -> frozenset[str]:
    """Stems the type's profile list shares between several of its values and that are not a value by itself:
    a school's «язык» («русский язык», «иностранный язык»), a kindergarten's «развитие», a college's «цикл».

    Teachers who write their subject in the free-text column in these words («русский язык» — «английский
    язык») are not close for that word alone; the profile part already compares the subjects themselves.
    """
    from collections import Counter

    counts = Counter(w for value in org_type.profiles for w in set(stems(value)))
    alone = {tuple(stems(value)) for value in org_type.profiles}
    trade = {w for word in org_type.trade_words for w in stems(word)}  # «мастер», «ремонт»: a kind, not a field
    return frozenset({w for w, n in counts.items() if n >= 2 and (w,) not in alone} | trade)


# A specialty's or profession's code under the order of the Ministry of Education (ФГОС СПО): «08.02.01»; its
# first two digits are its enlarged group («08.00.00 Техника и технологии строительства»).
_SPECIALTY = re.compile(r"\d{2}\.\d{2}\.\d{2}")
GROUP_PREFIX = "угс:"


def _with_groups(words: list[str]) -> list[str]:
    """A college's specialty codes also stand for their enlarged group: 08.02.01 and 08.01.08 meet on it."""
    groups = [f"{GROUP_PREFIX}{w[:2]}" for w in words if _SPECIALTY.fullmatch(w)]
    return words + [g for g in dict.fromkeys(groups) if g not in words]


def subject_ground(org_type: orgtypes.OrgType, mine, theirs) -> str | None:
    """On what ground two subject areas are close, in words: the same specialty, its enlarged group, or the
    words they share (as the curator wrote them). None when they are not close."""
    if isinstance(mine, str) and isinstance(theirs, str):  # a district's reasons ask for the same pairs of texts
        return _subject_ground(org_type, mine, theirs)
    return _subject_ground.__wrapped__(org_type, mine, theirs)


@lru_cache(maxsize=1 << 16)
def _subject_ground(org_type: orgtypes.OrgType, mine, theirs) -> str | None:
    common = generic_stems(org_type)
    a = [w for w in _with_groups(stems(mine)) if w not in common]
    b = {w for w in _with_groups(stems(theirs)) if w not in common}
    shared = [w for w in a if w in b]
    if not shared:
        return None
    codes = [w for w in shared if _SPECIALTY.fullmatch(w) or _CODE.fullmatch(w)]
    groups = [w[len(GROUP_PREFIX):] for w in shared if w.startswith(GROUP_PREFIX)]
    rest = {w for w in shared if w not in codes and not w.startswith(GROUP_PREFIX)}
    out = []
    if codes:
        out.append("одна специальность или дисциплина: " + ", ".join(codes))
    if groups and not codes:
        out.append("одна укрупнённая группа специальностей: " + ", ".join(f"{g}.00.00" for g in groups))
    if rest:
        words = []
        for w in re.findall(r"[0-9a-zа-я]+", str(mine).casefold().replace("ё", "е")):
            if w[:STEM] in rest and w not in words:
                words.append(w)
        out.append("общие слова: " + ", ".join(f"«{w}»" for w in words or sorted(rest)))
    return "; ".join(out)


def _bools(frame, cols):
    import numpy as np

    if not len(frame):
        return np.zeros((0, len(cols)), dtype=bool)
    return np.column_stack([frame[c].astype("boolean").fillna(False).to_numpy(dtype=bool) for c in cols])


def _nums(series, fill=0.0):
    import pandas as pd

    return pd.to_numeric(series, errors="coerce").astype("float64").fillna(fill).to_numpy()


def _days(series):
    import numpy as np
    import pandas as pd

    d = pd.to_datetime(series, errors="coerce")
    out = (d - pd.Timestamp("1900-01-01")).dt.days.astype("float64").to_numpy()
    return np.where(np.isnan(out), np.nan, out)


def _multi(value) -> tuple[str, ...]:
    """The values of a several-values cell as the reader gives them (a tuple), or a «;»-list of text."""
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, (tuple, list)):
        return ()
    return tuple(x.strip() for x in value if isinstance(x, str) and x.strip())


def _codes(values, table: dict) -> object:
    """Map text values to small ints shared by both banks; 0 means blank."""
    import numpy as np

    out = np.zeros(len(values), dtype=np.int32)
    for n, x in enumerate(values):
        if isinstance(x, str) and x.strip():
            out[n] = table.setdefault(_fold(x), len(table) + 1)
    return out


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """``parse.fold``, kept per text: a bank repeats a few dozen departments, formats and levels thousands of times."""
    from nastavnik.workbook.parse import fold

    return fold(text)


@dataclass
class Scorer:
    """Features of both banks as arrays; ``block(rows)`` gives every part for those mentees × all mentors."""

    mentees: object
    mentors: object
    weights: dict
    today: object = None  # datetime.date: months waited are counted up to it
    wait_cap: int = 6
    org_type: orgtypes.OrgType = orgtypes.DEFAULT  # whose words the reasons speak

    def __post_init__(self) -> None:
        import numpy as np
        from scipy import sparse

        me, mr = self.mentees, self.mentors
        self.n, self.m = len(me), len(mr)
        # Plain rows for the words (pandas row access is slow), of the columns the reasons name only: a
        # district's banks have some sixty columns, and ``to_dict`` of all of them was a tenth of the matching.
        self.me_rows = me[[c for c in ROW_COLUMNS["mentees"] if c in me]].to_dict("records")
        self.mr_rows = mr[[c for c in ROW_COLUMNS["mentors"] if c in mr]].to_dict("records")
        self.me_codes, self.mr_codes = list(me["code"]), list(mr["code"])
        self.req = _bools(me, [f"req_{d}" for d in DIRS])
        self.comp = _bools(mr, [f"comp_{d}" for d in DIRS])
        self.nreq = self.req.sum(1)
        focus: dict = {}
        self.focus_me, self.focus_mr = _codes(list(me["focus"]), focus), _codes(list(mr["focus"]), focus)
        # Levels: each side's values folded and deduplicated; ``levels_*`` keep the words as written.

        def levels(frame):
            out = []
            for cell in (frame["level"] if "level" in frame else [()] * len(frame)):
                seen: dict[str, str] = {}
                for x in _multi(cell):
                    seen.setdefault(_fold(x), x)
                out.append(seen)
            return out

        self.levels_me, self.levels_mr = levels(me), levels(mr)
        words = dict.fromkeys(w for x in self.levels_me + self.levels_mr for w in x)
        level_ids = {w: k for k, w in enumerate(words)}
        self.lvl_me = self._incidence(self.levels_me, level_ids, self.n)
        self.lvl_mr_rows = self._incidence(self.levels_mr, level_ids, self.m)  # mentors × words, for ``pairs``
        self.lvl_mr = self.lvl_mr_rows.T.tocsr()
        self.nlevels = np.array([len(x) for x in self.levels_me], dtype=np.float64)
        dept: dict = {}
        self.dept_me, self.dept_mr = _codes(list(me["department"]), dept), _codes(list(mr["department"]), dept)
        fmt = {x: n for n, x in enumerate(v.FORMATS, start=1)}
        self.fmt_me = _codes(list(me["format"]), dict(fmt))
        self.fmt_mr = _codes(list(mr["format"]), dict(fmt))
        self.mixed = fmt[FORMAT_MIXED]
        vocab: dict = {}
        common = generic_stems(self.org_type)
        self.stems_me = [[w for w in _with_groups(stems(x)) if w not in common] for x in me["subject"]]
        self.stems_mr = [[w for w in _with_groups(stems(x)) if w not in common] for x in mr["subject"]]

        def matrix(lists):
            rows, cols = [], []
            for r, words in enumerate(lists):
                for w in words:
                    rows.append(r)
                    cols.append(vocab.setdefault(w, len(vocab)))
            return rows, cols

        a, b = matrix(self.stems_me), matrix(self.stems_mr)
        size = max(len(vocab), 1)
        self.subj_me = sparse.csr_matrix((np.ones(len(a[0])), a), shape=(self.n, size))
        self.subj_mr_rows = sparse.csr_matrix((np.ones(len(b[0])), b), shape=(self.m, size))
        self.subj_mr = self.subj_mr_rows.T.tocsr()
        self.nstems = np.array([len(x) for x in self.stems_me], dtype=np.float64)
        self.exp_me, self.exp_mr = _nums(me["ped_experience"]), _nums(mr["ped_experience"])
        self.rank_me = np.array([v.QUAL_RANK.get(x, 0) for x in me["qual_category"]], dtype=np.float64)
        self.rank_mr = np.array([v.QUAL_RANK.get(x, 0) for x in mr["qual_category"]], dtype=np.float64)
        self.birth_me, self.birth_mr = _days(me["birth_date"]), _days(mr["birth_date"])
        # Readiness: row k of ``ready_kind`` says which mentors accept kind k (row 0 = no preference).
        kinds = {x: n for n, x in enumerate(v.KINDS, start=1)}
        self.kind_me = np.array([kinds.get(x, 0) for x in me["kind"]], dtype=np.int32)
        ready = np.ones((len(v.KINDS) + 1, self.m), dtype=bool)
        form_ok = np.ones(self.m, dtype=bool)
        for j, (ks, fs) in enumerate(zip(mr["kinds"], mr["forms"])):
            ks, fs = tuple(ks or ()), tuple(fs or ())
            if ks:
                ready[1:, j] = [k in ks for k in v.KINDS]
            if fs:
                form_ok[j] = NEW_PAIR_FORM in fs
        self.ready_kind, self.form_ok = ready, form_ok
        index = {c: j for j, c in enumerate(mr["code"])}
        self.pref = np.array([index.get(c, -1) if isinstance(c, str) else -1 for c in me["preferred_mentor"]])
        mentee_index = {c: i for i, c in enumerate(me["code"])}
        named = sorted({(mentee_index[c], j) for j, codes in enumerate(mr["preferred_mentees"])
                        for c in codes or () if c in mentee_index})
        self.named_set = set(named)
        rows, cols = [x[0] for x in named], [x[1] for x in named]
        self.named = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(self.n, self.m))
        self.wants_rev = np.array([c == REVERSE_CATEGORY or k == v.KIND_REVERSE
                                   for c, k in zip(me["category"], me["kind"])], dtype=bool)
        d_idx = [DIRS.index(d) for d in DIGITAL]
        self.asked = self.req[:, d_idx]
        self.strong = self.comp[:, d_idx]
        cap = _nums(mr["max_mentees"]) if self.m else np.zeros(0)
        self.spare = _nums(mr["spare"]) if "spare" in mr else cap.copy()
        self.load = np.where(cap > 0, np.clip(self.spare / np.maximum(cap, 1), 0, 1), 0.0)
        self.months = np.array([months_between(d, self.today) for d in me["date_added"]], dtype=np.float64)
        self.wait = np.minimum(self.months, float(self.wait_cap))
        # Group mode: the mentee chose «в группе» and has requests (a group shares them); the mentor marked it.
        self.group_ready = np.array([v.KIND_GROUP in tuple(ks or ()) for ks in mr["kinds"]], dtype=bool)
        keys: dict = {}
        self.group_key = np.array([keys.setdefault(tuple(self.req[i]), len(keys))
                                   if (k == v.KIND_GROUP and self.nreq[i]) else -1
                                   for i, k in enumerate(me["kind"])], dtype=np.int64)

    @staticmethod
    def _incidence(lists, ids: dict, n: int):
        """Rows × words as a sparse 0/1 matrix; ``ids`` numbers the words of both banks, so the shapes agree."""
        import numpy as np
        from scipy import sparse

        rows = [r for r, words in enumerate(lists) for _w in words]
        cols = [ids[w] for words in lists for w in words]
        return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(len(ids), 1)))

    # -- parts --------------------------------------------------------------------------------------
    def block(self, rows) -> dict:
        """Every part for mentees ``rows`` × all mentors, as float64 arrays of shape (len(rows), m)."""
        import numpy as np

        r = np.asarray(rows)
        req = self.req[r].astype(np.float64)
        parts = {}
        parts["coverage"] = (req @ self.comp.T.astype(np.float64)) / np.maximum(self.nreq[r], 1)[:, None]
        fa, fb = self.focus_me[r][:, None], self.focus_mr[None, :]
        parts["focus"] = ((fa == fb) & (fa > 0)).astype(np.float64)
        parts["level"] = (self.lvl_me[r] @ self.lvl_mr).toarray() / np.maximum(self.nlevels[r], 1)[:, None]
        common = (self.subj_me[r] @ self.subj_mr).toarray()
        parts["subject"] = common / np.maximum(self.nstems[r], 1)[:, None]
        gap = np.clip(self.exp_mr[None, :] - self.exp_me[r][:, None], 0, 10) / 10
        rank = np.clip(self.rank_mr[None, :] - self.rank_me[r][:, None], 0, 2) / 2
        parts["experience"] = 0.5 * gap + 0.5 * rank
        da, db = self.dept_me[r][:, None], self.dept_mr[None, :]
        parts["department"] = ((da == db) & (da > 0)).astype(np.float64)
        xa, xb = self.fmt_me[r][:, None], self.fmt_mr[None, :]
        fmt_ok = (xa == 0) | (xb == 0) | (xa == xb) | (xa == self.mixed) | (xb == self.mixed)
        ready = self.ready_kind[self.kind_me[r]] & self.form_ok[None, :]
        parts["format"] = 0.5 * fmt_ok + 0.5 * ready
        named_by_mentee = self.pref[r][:, None] == np.arange(self.m)[None, :]
        parts["preference"] = 0.5 * named_by_mentee + 0.5 * self.named[r].toarray()
        ba, bb = self.birth_me[r][:, None], self.birth_mr[None, :]
        known = ~np.isnan(ba) & ~np.isnan(bb)
        with np.errstate(invalid="ignore"):
            younger = np.where(known, bb > ba, self.exp_mr[None, :] < self.exp_me[r][:, None])
        asked = self.asked[r].astype(np.float64)
        strength = (asked @ self.strong.T.astype(np.float64)) / np.maximum(asked.sum(1), 1)[:, None]
        parts["reverse"] = self.wants_rev[r][:, None] * younger * strength
        parts["load"] = np.broadcast_to(self.load[None, :], (len(r), self.m)).astype(np.float64)
        parts["wait"] = np.broadcast_to(self.wait[r][:, None], (len(r), self.m)).astype(np.float64)
        parts["group"] = np.zeros((len(r), self.m))
        return parts

    def pairs(self, ii, jj) -> dict:
        """Every part of the pairs (ii[k], jj[k]) only, as float64 arrays of length len(ii).

        The same formulas as ``block``, element by element instead of a mentee × every mentor: the reasons
        need the parts of the few pairs a person reads (the proposal, each mentee's top candidates), and
        ``block`` for them would score the whole graph a second time. Every part is a count over a count or
        a product of the same float64 numbers, so each value equals ``block``'s to the last bit
        (``tests/test_match_scale.py`` compares them on every pair of the demonstration books).
        """
        import numpy as np

        i = np.asarray(ii, dtype=np.int64)
        j = np.asarray(jj, dtype=np.int64)

        def shared(a, b):  # per pair: how many of row i of ``a`` are in row j of ``b`` (0/1 sparse rows)
            return np.asarray(a[i].multiply(b[j]).sum(1), dtype=np.float64).ravel()

        parts = {}
        parts["coverage"] = ((self.req[i] & self.comp[j]).sum(1).astype(np.float64)
                             / np.maximum(self.nreq[i], 1))
        fa, fb = self.focus_me[i], self.focus_mr[j]
        parts["focus"] = ((fa == fb) & (fa > 0)).astype(np.float64)
        parts["level"] = shared(self.lvl_me, self.lvl_mr_rows) / np.maximum(self.nlevels[i], 1)
        parts["subject"] = shared(self.subj_me, self.subj_mr_rows) / np.maximum(self.nstems[i], 1)
        gap = np.clip(self.exp_mr[j] - self.exp_me[i], 0, 10) / 10
        rank = np.clip(self.rank_mr[j] - self.rank_me[i], 0, 2) / 2
        parts["experience"] = 0.5 * gap + 0.5 * rank
        da, db = self.dept_me[i], self.dept_mr[j]
        parts["department"] = ((da == db) & (da > 0)).astype(np.float64)
        xa, xb = self.fmt_me[i], self.fmt_mr[j]
        fmt_ok = (xa == 0) | (xb == 0) | (xa == xb) | (xa == self.mixed) | (xb == self.mixed)
        ready = self.ready_kind[self.kind_me[i], j] & self.form_ok[j]
        parts["format"] = 0.5 * fmt_ok + 0.5 * ready
        named = np.array([(a, b) in self.named_set for a, b in zip(i.tolist(), j.tolist())], dtype=np.float64)
        parts["preference"] = 0.5 * (self.pref[i] == j) + 0.5 * named
        ba, bb = self.birth_me[i], self.birth_mr[j]
        known = ~np.isnan(ba) & ~np.isnan(bb)
        with np.errstate(invalid="ignore"):
            younger = np.where(known, bb > ba, self.exp_mr[j] < self.exp_me[i])
        asked = self.asked[i]
        strength = (asked & self.strong[j]).sum(1).astype(np.float64) / np.maximum(asked.sum(1), 1)
        parts["reverse"] = self.wants_rev[i] * younger * strength
        parts["load"] = self.load[j].astype(np.float64)
        parts["wait"] = self.wait[i].astype(np.float64)
        parts["group"] = np.zeros(len(i))
        return parts

    def group_mode(self, rows):
        """(len(rows) × m) bool: where the group mode exists (the mentee chose a group, the mentor is ready)."""
        import numpy as np

        r = np.asarray(rows)
        return (self.group_key[r] >= 0)[:, None] & self.group_ready[None, :]

    def total(self, parts: dict):
        """The score: Σ weight × part, rounded to 4 decimals so anyone can recompute the optimum from JSON."""
        import numpy as np

        acc = np.zeros_like(parts["coverage"])
        for name in PARTS:
            w = self.weights.get(name, 0.0)
            if w:
                acc += w * parts[name]
        return np.round(acc, 4)

    def feasible_block(self, rows, parts, total):
        """The hard constraints for one block: a free place and at least one request covered."""

        return (self.spare[None, :] > 0) & ((parts["coverage"] > 0) | (self.nreq[rows] == 0)[:, None]) & (total > 0)

    def in_group(self, i: int, j: int) -> bool:
        """Whether pair (i, j) takes the group mode (it exists and ``w_group`` > 0): the mode is never stored."""
        return bool(self.group_key[i] >= 0 and self.group_ready[j] and self.weights.get("group", 0.0) > 0)

    def block_total(self, rows):
        """(total, coverage) of mentees ``rows`` × all mentors: ``total(block(rows))`` without the parts.

        The graph needs only the score and the coverage (a hard constraint). Each weighted part is added to the
        sum as soon as it is made, in the order of ``PARTS``, so the float sums are those of ``total`` to the
        last bit; a part that is zero for a whole row (reverse mentoring nobody asked for) or outside a few
        cells (the mutual choice) is added only where it is not zero, and adding nothing is what adding 0.0
        did (``tests/test_match_scale.py`` compares the two on the demonstration books and synthetic banks).
        """
        import numpy as np

        r = np.asarray(rows)
        w = {k: self.weights.get(k, 0.0) for k in PARTS}
        req = self.req[r].astype(np.float64)
        coverage = (req @ self.comp.T.astype(np.float64)) / np.maximum(self.nreq[r], 1)[:, None]
        # The quotients are made in place (w·(a/b) is (a/b)·w to the last bit): fewer block-sized temporaries.
        acc = w["coverage"] * coverage if w["coverage"] else np.zeros((len(r), self.m))
        if w["focus"]:
            fa, fb = self.focus_me[r][:, None], self.focus_mr[None, :]
            acc += w["focus"] * ((fa == fb) & (fa > 0)).astype(np.float64)
        if w["level"] and self.lvl_me.nnz:
            if self.lvl_me.shape[1] <= DENSE_WORDS:  # a few levels: a dense product (BLAS), the same counts
                shared = self.lvl_me[r].toarray() @ self._lvl_mr_dense()
            else:
                shared = (self.lvl_me[r] @ self.lvl_mr).toarray()
            shared = np.divide(shared, np.maximum(self.nlevels[r], 1)[:, None], dtype=np.float64)
            shared *= w["level"]
            acc += shared
            del shared
        if w["subject"]:
            common = (self.subj_me[r] @ self.subj_mr).toarray()
            common = np.divide(common, np.maximum(self.nstems[r], 1)[:, None], dtype=np.float64)
            common *= w["subject"]
            acc += common
            del common
        if w["experience"]:  # w·(½·gap + ½·rank), each operation as ``block`` makes it, in place
            gap = self.exp_mr[None, :] - self.exp_me[r][:, None]
            np.clip(gap, 0, 10, out=gap)
            gap /= 10
            gap *= 0.5
            rank = self.rank_mr[None, :] - self.rank_me[r][:, None]
            np.clip(rank, 0, 2, out=rank)
            rank /= 2
            rank *= 0.5
            gap += rank
            gap *= w["experience"]
            acc += gap
            del gap, rank
        if w["department"]:
            da, db = self.dept_me[r][:, None], self.dept_mr[None, :]
            acc += w["department"] * ((da == db) & (da > 0)).astype(np.float64)
        if w["format"]:  # ½·compatible + ½·ready is 0, ½ or 1: w times it looked up by the count of the two
            xa, xb = self.fmt_me[r], self.fmt_mr
            either = ((xa == 0) | (xa == self.mixed))[:, None] | ((xb == 0) | (xb == self.mixed))[None, :]
            either |= xa[:, None] == xb[None, :]
            ready = self.ready_kind[self.kind_me[r]] & self.form_ok[None, :]
            count = either.view(np.uint8) + ready.view(np.uint8)
            acc += np.array([w["format"] * 0.0, w["format"] * 0.5, w["format"] * 1.0])[count]
            del either, ready, count
        if w["preference"]:  # ½ named by the mentee + ½ named by the mentor: a few cells of the block
            named = self.named[r].tocoo()
            chose = np.flatnonzero(self.pref[r] >= 0)
            cells = np.concatenate([named.row.astype(np.int64) * self.m + named.col,
                                    chose * self.m + self.pref[r][chose]])
            cells, times = np.unique(cells, return_counts=True)
            i, j = np.divmod(cells, self.m)
            acc[i, j] += w["preference"] * np.where(times > 1, 0.5 + 0.5, 0.5)
        wants = np.flatnonzero(self.wants_rev[r])
        if w["reverse"] and len(wants):
            q = r[wants]
            ba, bb = self.birth_me[q][:, None], self.birth_mr[None, :]
            known = ~np.isnan(ba) & ~np.isnan(bb)
            with np.errstate(invalid="ignore"):
                younger = np.where(known, bb > ba, self.exp_mr[None, :] < self.exp_me[q][:, None])
            asked = self.asked[q].astype(np.float64)
            strength = (asked @ self.strong.T.astype(np.float64)) / np.maximum(asked.sum(1), 1)[:, None]
            acc[wants] += w["reverse"] * (self.wants_rev[q][:, None] * younger * strength)
        if w["load"]:
            acc += w["load"] * self.load[None, :]
        if w["wait"]:
            acc += w["wait"] * self.wait[r][:, None]
        # «group» is 0 in every cell of a block: the bonus is the graph's and the exact solver's (``exact``).
        return np.round(acc, 4), coverage

    def _columns(self, keep):
        """This scorer with the mentors ``keep`` only (ascending indices), for ``block_total``."""
        import copy

        import numpy as np

        view = copy.copy(self)
        view.m = len(keep)
        for name in ("comp", "focus_mr", "exp_mr", "rank_mr", "dept_mr", "fmt_mr", "form_ok", "birth_mr", "strong",
                     "load", "spare", "group_ready"):
            setattr(view, name, getattr(self, name)[keep])
        view.ready_kind = self.ready_kind[:, keep]
        view.lvl_mr, view.subj_mr, view.named = self.lvl_mr[:, keep], self.subj_mr[:, keep], self.named[:, keep]
        view._lvl_mr_d = None
        at = np.full(self.m + 1, -1, dtype=np.int64)  # a preferred mentor who is full: no preferred cell
        at[keep] = np.arange(len(keep))
        view.pref = at[np.asarray(self.pref, dtype=np.int64)]  # no mentee: an empty float array
        return view

    def _lvl_mr_dense(self):
        if getattr(self, "_lvl_mr_d", None) is None:
            self._lvl_mr_d = self.lvl_mr.toarray()
        return self._lvl_mr_d

    def graph(self, blocked=frozenset()):
        """The feasible pairs as a sparse graph, built block by block: memory grows with the pairs, not n × m.

        Returns ``(indptr, cols, cost)``: the pairs of mentee ``i`` are ``cols[indptr[i]:indptr[i+1]]``
        (mentor indices, ascending) and ``cost`` their score in units of 0.0001 (``UNIT``) in the better of
        the two modes (the group bonus only ever adds, so the group mode wins exactly where ``in_group``).
        Each block keeps only its feasible pairs (int32), joined once at the end.
        """
        import numpy as np

        # Only the mentors with a free place are scored: the others' pairs are not feasible, and a district's
        # mentors are a quarter full (each cell is computed from its own mentee and mentor, so the scores of the
        # open ones are the same).
        open_idx = np.flatnonzero(self.spare > 0)
        view = self if len(open_idx) == self.m else self._columns(open_idx)
        at = np.full(self.m, -1, dtype=np.int64)
        at[open_idx] = np.arange(len(open_idx))
        by_row: dict[int, list[int]] = {}
        for i, j in blocked:
            if at[j] >= 0:
                by_row.setdefault(i, []).append(int(at[j]))
        counts = np.zeros(self.n + 1, dtype=np.int64)
        bonus = round(self.weights.get("group", 0.0) * UNIT)
        col_parts, cost_parts = [], []
        for start in range(0, self.n, CHUNK):
            rows = np.arange(start, min(start + CHUNK, self.n))
            total, coverage = view.block_total(rows)
            ok = ((coverage > 0) | (self.nreq[rows] == 0)[:, None]) & (total > 0)
            del coverage
            for i in set(by_row) & set(rows.tolist()):
                ok[i - start, by_row[i]] = False
            r, c = np.nonzero(ok)
            del ok
            units = np.rint(total[r, c] * UNIT).astype(np.int64)
            c = open_idx[c]
            if bonus > 0:
                units += bonus * ((self.group_key[rows][r] >= 0) & self.group_ready[c])
            counts[rows + 1] = np.bincount(r, minlength=len(rows))
            col_parts.append(c.astype(np.int32))
            cost_parts.append(units.astype(np.int32))
            del total, r, c, units
        return np.cumsum(counts), _joined(col_parts), _joined(cost_parts)

    def matrix(self, blocked: set[tuple[int, int]] = frozenset()):
        """(score n×m, feasible n×m) as dense arrays — only for small instances, tests and the dense solver."""
        import numpy as np

        indptr, cols, cost = self.graph(blocked)
        score = np.zeros((self.n, self.m))
        feasible = np.zeros((self.n, self.m), dtype=bool)
        rows = np.repeat(np.arange(self.n), np.diff(indptr))
        score[rows, cols] = cost / UNIT
        feasible[rows, cols] = True
        return score, feasible


def _joined(parts: list):
    """``np.concatenate(parts)`` that frees each part once copied (``parts`` is emptied): the graph's arrays are
    joined without holding every part beside the whole (a quarter of a gigabyte each at four times a district)."""
    import numpy as np

    out = np.empty(sum(len(p) for p in parts), dtype=np.int32)
    at = 0
    parts.reverse()
    while parts:
        part = parts.pop()
        out[at:at + len(part)] = part
        at += len(part)
    return out
