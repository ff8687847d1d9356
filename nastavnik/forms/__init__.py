"""Questionnaires out and answers back in (этапы 2, 3 и 6 дорожной карты); mentors' diaries, letters, calendars.

``make_forms`` writes, from the schema, a personal pre-filled questionnaire per
person (.xlsx with dropdowns and only the answers unlocked, and a printable
.docx), a blank one for newcomers and the question list for an online form.
``collect`` reads filled questionnaires and online-form exports, merges them
into a COPY of the workbook and writes the merge report; the window and other
front ends call these two functions, the commands are thin layers over them.

``diary`` carries each running programme's plan to its mentor and the marks back
into «План мероприятий»; ``remind`` and ``calendar`` turn the alerts into letters
and the plan into .ics files; ``month`` is the curator's «что сделать в этом месяце».

Layer: outputs. May import the analysis (checks), the workbook and the base.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.safeio import safe_filename, write_text

KINDS = ("запрос", "наставник", "анкета", "дневник")


@dataclass
class FormsResult:
    folder: Path
    personal: list[Path] = field(default_factory=list)
    blank: list[Path] = field(default_factory=list)
    printed: list[Path] = field(default_factory=list)  # the diaries' .docx for print
    online: Path | None = None


def forms_folder_name(kind: str, round_: str | None = None) -> str:
    from nastavnik.workbook.questionbank import ROUND_FINAL

    from .diary import FOLDER, KIND

    if kind == KIND:
        return FOLDER
    return f"Анкеты — {kind}" + (f", {round_}" if round_ not in (None, ROUND_FINAL) else "")


def make_forms(book, kind: str, out_dir, today: dt.date, round_: str | None = None) -> FormsResult:
    """Every questionnaire of ``kind`` for the people of ``book`` into ``out_dir/Анкеты — <kind>/``.

    A survey (``анкета``) is of a round (the final one unless said): each participant gets her role's questions
    of «Вопросы анкет» for it, and the curator her own form when the bank asks her in that round.
    """
    from nastavnik.workbook.newyear import year_label, year_of
    from nastavnik.workbook.questionbank import ROUND_FINAL

    from .docx_form import write_form_docx
    from .online import question_list
    from .people import targets
    from .xlsx_form import write_form

    if kind == "анкета" and round_ is None:
        round_ = ROUND_FINAL
    folder = Path(out_dir) / forms_folder_name(kind, round_)
    org = book.org.get("short_name") or book.org.get("full_name")
    year = year_label(year_of(book, today))
    result = FormsResult(folder)
    if kind == "дневник":
        from .diary import make_diaries

        made = make_diaries(book, folder, today, org, year, printed=True)
        result.personal = [p for p in made if p.suffix == ".xlsx"]
        result.printed = [p for p in made if p.suffix == ".docx"]
        return result
    for t in targets(book, kind, round_):
        stem = f"{t.programme} {t.code}" if t.programme else (t.code or ("Куратор" if t.role else "Штат"))
        name = safe_filename(f"{stem} {t.fio or ''}".strip())
        result.personal.append(write_form(folder / f"{name}.xlsx", kind, t, today, org, book, year, round_))
        result.personal.append(write_form_docx(folder / f"{name}.docx", kind, t, book, round_))
    if kind != "анкета":
        name = safe_filename(f"Пустая анкета — {kind}")
        result.blank.append(write_form(folder / f"{name}.xlsx", kind, None, today, org, book, year))
        result.blank.append(write_form_docx(folder / f"{name}.docx", kind, None, book))
    suffix = f", {round_}" if round_ not in (None, ROUND_FINAL) else ""
    result.online = write_text(folder / safe_filename(f"Вопросы для онлайн-формы — {kind}{suffix}.txt"),
                               question_list(kind, book, round_))
    return result


@dataclass
class CollectResult:
    lines: list
    copy: Path | None
    report: Path
    plan: object = None


def _plan(book, sources, today: dt.date, update: bool):
    from .diary_merge import merge_diaries, read_all
    from .merge import merge

    answers, diaries, lines = read_all([Path(p) for p in sources], today, book)
    plan = merge(book, answers, today, update)
    merge_diaries(book, diaries, today, update, plan)
    order: dict = {}
    for line in lines + plan.lines:
        order.setdefault(line.source, len(order))
    return plan, sorted(lines + plan.lines, key=lambda x: (order[x.source], x.row or 0))


def preview(book, sources: list[Path], today: dt.date, update: bool = False) -> list:
    """The merge report's lines without writing anything: what ``collect`` would do with ``sources``.

    For ``run`` and the window, to say how many answers wait to be collected (lines «добавлен»,
    «обновлён», «конфликт»).
    """
    return _plan(book, sources, today, update)[1]


def collect(book, sources: list[Path], out_dir, today: dt.date, update: bool = False) -> CollectResult:
    """Read ``sources``, merge into a copy of ``book``; the report is written even when nothing is merged."""
    from .copy import write_copy
    from .report import contents, report_name, write_report

    plan, all_lines = _plan(book, sources, today, update)
    copy = write_copy(book, plan, out_dir, contents(all_lines)) if (plan.writes or plan.appends) else None
    report = write_report(all_lines, Path(out_dir) / report_name(all_lines), copy)
    return CollectResult(all_lines, copy, report, plan)
