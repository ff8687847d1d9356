"""Template versions: what each version of the workbook added, and how an older book is read as a newer one.

A curator's workbook lives for years while the template grows. Reading an older book must not flood the
check with «нет листа» and «нет столбца» for things that did not exist when the book was made: those
sheets and columns are taken as empty (or as their declared default), and one note says which version was
read and what was added. ``nastavnik new-year`` then writes the next year's book on the current template,
which is where the migration becomes permanent.

``CHANGES`` must get an entry whenever ``schema.TEMPLATE_VERSION`` is raised (a test ties the two).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from nastavnik.workbook import schema as s

OLDEST = "1.0"  # a book without a version mark is of the first template


@dataclass(frozen=True)
class Change:
    """What one template version added to the one before it."""

    sheets: tuple[str, ...] = ()  # sheet keys
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # sheet key -> column keys
    defaults: dict[tuple[str, str], Any] = field(default_factory=dict)  # (sheet, column) -> value for old rows
    org: tuple[str, ...] = ()  # «Организация» rows added; an old book takes their default
    note: str = ""


CHANGES: dict[str, Change] = {
    "1.1": Change(sheets=(s.NORMATIVE.key, *(sh.key for sh in s.ARCHIVE_SHEETS
                                             if sh not in (s.ARCHIVE_ROADMAP, s.ARCHIVE_ORG, s.ARCHIVE_REWARDS,
                                                           s.ARCHIVE_TRAINING))),
                  columns={"mentors": ("position_gen", "position_dat", "position_acc"),
                           "mentees": ("position_gen", "position_dat", "position_acc"),
                           "pairs": ("mentor_consent_date",),
                           "programmes": ("strengths", "intermediate_date"),
                           "plan": ("expected_result",)},
                  note="нормативная база для сайта, должности в падежах, дата согласия наставника, сильные "
                       "стороны и ожидаемые результаты в программах, архив прошлых учебных лет для nastavnik "
                       "new-year"),
    # Templates before 1.2 were a centre's (the regulation behind the product): their books keep that type.
    "1.2": Change(columns={"mentors": ("level",), "mentees": ("level",)}, org=("org_type", "w_level"),
                  note="тип организации (до этой версии книга считается книгой организации дополнительного "
                       "образования), уровень программ в банках, вес уровня в подборе пар; списки организации на "
                       "листе «Справочники» можно дополнять"),
    # nastavnik new-year keeps what a year changes: nothing of the old year is lost.
    "1.3": Change(sheets=(s.ARCHIVE_ROADMAP.key, s.ARCHIVE_ORG.key),
                  note="дорожная карта и изменившиеся параметры «Организации» прошлых лет сохраняются в архиве"),
    "1.4": Change(sheets=(s.REWARDS.key, s.ARCHIVE_REWARDS.key, s.TRAINING.key, s.ARCHIVE_TRAINING.key),
                  note="лист «Поощрение»: предложения методического совета о поощрении наставников; лист "
                       "«Обучение наставников»"),
    "1.5": Change(columns={"mentors": ("contract_no", "contract_date")},
                  note="номер и дата трудового договора наставника для дополнительного соглашения о наставничестве"),
    # Books before 1.6 have no staff register: their counts come from «Число педагогических работников».
    "1.6": Change(sheets=(s.STAFF.key,),
                  note="штатный список педагогов (nastavnik import-staff) для числа педагогов, педагогов до 35 "
                       "лет и в первые три года работы; без него числа берутся с листа «Организация»"),
    # Books before 1.7 take the bundled question bank (questionbank.QUESTIONS.prefill) while they have no sheet.
    "1.7": Change(sheets=(s.QUESTIONS.key, s.ANSWERS.key, s.ARCHIVE_ANSWERS.key),
                  org=("phone", "email", "curator_email", "curator_phone", "orders_mode", "order_intro_no",
                       "order_intro_date", "order_programme_no", "order_programme_date"),
                  note="вопросы анкет по ролям и этапам (входная, первые недели, промежуточная, итоговая) и ответы "
                       "на них; телефон и почта организации и куратора для бланка документов и писем; порядок приказов (один приказ "
                       "о внедрении или отдельные), приказ о внедрении и приказ об утверждении программы "
                       "наставничества организации"),
}


def _key(version: str) -> tuple:
    return tuple(int(x) if x.isdigit() else x for x in version.split("."))


def added_since(version: str | None) -> list[tuple[str, Change]]:
    """The changes of every version after ``version`` up to the current one, oldest first."""
    version = version or OLDEST
    try:
        base = _key(version)
    except (TypeError, ValueError):
        return []
    return sorted(((v, c) for v, c in CHANGES.items() if _key(v) > base and _key(v) <= _key(s.TEMPLATE_VERSION)),
                  key=lambda vc: _key(vc[0]))


def is_older(version: str | None) -> bool:
    return bool(added_since(version))


def describe(version: str | None) -> list[str]:
    """Russian lines: what the current template added to a book of ``version``, one line per version."""
    lines = []
    for v, change in added_since(version):
        parts = []
        if change.sheets:
            titles = ", ".join(f"«{s.SHEET_BY_KEY[k].title}»" for k in change.sheets)
            parts.append(("добавлен лист " if len(change.sheets) == 1 else "добавлены листы ") + titles)
        for sheet_key, cols in change.columns.items():
            sheet = s.SHEET_BY_KEY[sheet_key]
            titles = ", ".join(f"«{sheet.col(c).title}»" for c in cols)
            parts.append(("добавлен столбец " if len(cols) == 1 else "добавлены столбцы ") + titles
                         + f" на листе «{sheet.title}»")
        if change.org:
            titles = ", ".join(f"«{s.ORG_BY_KEY[k].title}»" for k in change.org)
            parts.append(("добавлена строка " if len(change.org) == 1 else "добавлены строки ") + titles
                         + f" на листе «{s.ORG_TITLE}»")
        lines.append(f"в версии {v} " + "; ".join(parts) + (f" ({change.note})" if change.note else ""))
    return lines


def migrate_book(book) -> list[str]:
    """Read an older book as the current template: fill what later versions added, drop the false alarms.

    Returns the notes (also kept in ``book.migration``). The reader calls this once, after reading.
    """
    if not is_older(book.version):
        return []
    changes = [c for _, c in added_since(book.version)]
    new_sheets = {s.SHEET_BY_KEY[k].title for c in changes for k in c.sheets}
    new_cols = {(s.SHEET_BY_KEY[k].title, s.SHEET_BY_KEY[k].col(col).title)
                for c in changes for k, cols in c.columns.items() for col in cols}
    for change in changes:
        for (sheet_key, col_key), value in change.defaults.items():
            frame = book.tables.get(sheet_key)
            if frame is not None and col_key not in book.columns.get(sheet_key, {}) and len(frame):
                frame[col_key] = [value] * len(frame)
    new_org = {s.ORG_BY_KEY[k].title for c in changes for k in c.org}
    for change in changes:
        for key in change.org:
            if key not in book.org_rows and key == "org_type":
                from nastavnik.workbook import orgtypes

                book.org["org_type"] = orgtypes.DEFAULT.title
    kept = []
    for p in book.problems:
        if p.code == "missing_parameter" and p.column in new_org:
            continue
        if p.code == "missing_sheet" and p.sheet in new_sheets:
            continue
        if p.code == "missing_column" and (p.sheet, p.column) in new_cols:
            continue
        kept.append(p)
    found = f"версии {book.version}" if book.version else f"без отметки версии (считается {OLDEST})"
    notes = [f"Книга сделана по шаблону {found} и прочитана как книга версии {s.TEMPLATE_VERSION}: "
             + "; ".join(describe(book.version)) + ". В этой книге добавленное считается пустым"
             + (" или заполнено значением по умолчанию." if any(c.defaults for c in changes) else ".")]
    advice = (" Перенести книгу на новый шаблон: nastavnik new-year (для нового учебного года) или "
              "nastavnik init НОВАЯ.xlsx и перенос данных по листам.")
    book.problems[:] = [replace(p, message=notes[0] + advice) if p.code == "old_template" else p for p in kept]
    book.migration = notes
    return notes
