"""``nastavnik docs --fields KIND``: the fields a template may use, read off a real context.

The list is derived from what the builder returns for the workbook (or for the
demo when the workbook has no such document), so it cannot drift from the
templates' data; column titles from the schema explain the leaves they match.
"""

from __future__ import annotations

import datetime as dt

from nastavnik.workbook import orgtypes
from nastavnik.workbook import schema as s

from .kinds import KINDS

_EXTRA = {
    "gen": "ФИО в родительном падеже", "dat": "ФИО в дательном падеже", "acc": "ФИО в винительном падеже",
    "ins": "ФИО в творительном падеже", "nom": "ФИО в именительном падеже", "short": "И.О. Фамилия",
    "list": "Фамилия И.О.", "no": "номер приказа (или «____»)", "date": "дата ДД.ММ.ГГГГ (или «__.__.____»)",
    "period": "«с ДД.ММ.ГГГГ по ДД.ММ.ГГГГ»", "mentees_text": "наставляемые с должностями, по строке на каждого",
    "position_gen": "должность в родительном падеже",
    "position_dat": "должность в дательном падеже", "position_acc": "должность в винительном падеже "
    "(«назначить … заместителя директора»)", "position_ins": "должность в творительном падеже",
    "full_name_dat": "полное наименование в дательном падеже («даю согласие … учреждению»)",
    "acquainted_word": "«ознакомлен» или «ознакомлена» по столбцу «Пол»", "received": "«получил» или «получила»",
    "registered": "«зарегистрированный» или «зарегистрированная»",
    "superior": "акты вышестоящих органов для преамбулы приказа (лист «Нормативная база», уровень «региональный»)",
    "label": "«Наставляемый» или «Наставляемая» по столбцу «Пол»",
    "participants_gen": "«наставника и наставляемой» или «наставника и наставляемых»",
    "agreements_until": "срок подготовки дополнительных соглашений (начало работы первой пары)",
    "programmes_until": "срок разработки программ (начало работы первой пары)",
}
# Leaves whose meaning depends on their parent: a contract's number is not an order's.
_OWN = {("contract", "no"): "№ трудового договора наставника (или «______»)",
        ("contract", "date"): "дата трудового договора наставника (или «__.__.____»)",
        ("agreement", "no"): "№ дополнительного соглашения (или «____»)",
        ("agreement", "date"): "дата дополнительного соглашения (или «__.__.____»)"}


def _titles(org_type: orgtypes.OrgType) -> dict[str, str]:
    """Titles as the book's type words them: a school's profile is «Учебный предмет», not «Направленность»."""
    from nastavnik.base import morph

    out = {f.key: f.title for f in s.org_fields_for(org_type)}
    for sheet in s.SHEETS:
        for col in s.sheet_for(sheet.key, org_type).columns:
            out.setdefault(col.key, col.title)
    out.update(_EXTRA)
    out["position_gen"] += f" («от {morph.inflect_position(org_type.position_example, 'gen')}»)"
    return out


# A field's parent names the sheet it comes from: ``programmes[].code`` is a programme's code, not a mentor's.
_PARENT_SHEET = {
    "mentor": "mentors", "mentors": "mentors", "mentee": "mentees", "mentees": "mentees", "people": "mentees",
    "pair": "pairs", "pairs": "pairs", "programme": "programmes", "programmes": "programmes",
    "plan": "plan", "activities": "plan", "rows": None, "events": "events", "roadmap": "roadmap",
    "stages": "roadmap", "news": "news", "surveys": "surveys",
}


def title_of(path: str, titles: dict[str, str], org_type: orgtypes.OrgType | None = None) -> str:
    parts = [p.rstrip("[]") for p in path.split(".")]
    leaf = parts[-1]
    parent = parts[-2] if len(parts) > 1 else ""
    if (parent, leaf) in _OWN:
        return _OWN[(parent, leaf)]
    sheet_key = _PARENT_SHEET.get(parent)
    if sheet_key and leaf in s.SHEET_BY_KEY[sheet_key].keys:
        return s.sheet_for(sheet_key, org_type).col(leaf).title
    if parent and parent not in ("org",) and leaf not in _EXTRA and leaf not in s.ORG_BY_KEY:
        return ""  # an ambiguous leaf: the example value says more than a wrong title
    return titles.get(leaf, "")


def flatten(value, prefix: str = "") -> list[tuple[str, object]]:
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            out += flatten(v, f"{prefix}.{k}" if prefix else k)
        return out
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return flatten(value[0], f"{prefix}[]")
    return [(prefix, value)]


def sample_context(book, today: dt.date, key: str) -> dict | None:
    docs = KINDS[key].build(book, today)
    return docs[0][1] if docs else None


def describe_fields(book, today: dt.date, key: str) -> str:
    ctx = sample_context(book, today, key)
    source = "по вашей книге"
    org_type = orgtypes.of(book.org)
    if ctx is None:
        import tempfile
        from pathlib import Path

        from nastavnik.workbook.reader import read_workbook
        from nastavnik.workbook.samples.demo import demo_data
        from nastavnik.workbook.samples.demo_school import LISTS, school_demo_data
        from nastavnik.workbook.template import write_workbook

        # The demo nearest the book: a school's curator sees a school's examples.
        org, tables = school_demo_data(today) if org_type is orgtypes.SCHOOL else demo_data(today)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "демо.xlsx"
            write_workbook(path, org, tables, LISTS if org_type is orgtypes.SCHOOL else None)
            ctx = sample_context(read_workbook(path, today=today), today, key)
        source = "по демонстрационной книге"
    titles = _titles(org_type)
    kind = KINDS[key]
    lines = [f"Поля шаблона «{kind.template}» ({kind.title}); пример {source}.",
             "В шаблоне пишите {{ поле }}; поля с [] — внутри цикла {%tr for x in список %} … {%tr endfor %}.", ""]
    for path, value in flatten(ctx or {}):
        example = str(value).replace("\n", " / ")
        example = example if len(example) <= 60 else example[:59] + "…"
        title = title_of(path, titles, org_type)
        lines.append(f"  {path}" + (f" — {title}" if title else "") + (f": «{example}»" if example else ""))
    return "\n".join(lines)
