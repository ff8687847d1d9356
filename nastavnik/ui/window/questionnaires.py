"""The window's questionnaire tasks: «Анкеты» (``nastavnik forms``) and «Собрать анкеты» (``nastavnik collect``).

Library calls only (``nastavnik.forms.make_forms``, ``preview``, ``collect``), no Tk, as in ``tasks``.
Collecting is two tasks with the curator's yes between them: the first reads the workbook and the answers
and says what merging would do (who is added, who is updated, what is refused and why); only after she
agrees does the second write the NEW copy of the workbook. Her own book is never modified.
"""

from __future__ import annotations

from pathlib import Path

from .tasks import Job, Outcome, Pending, _check, _finish, _folder, _read

# The questionnaires as the window offers them: (choice, what it is, for whom). A survey's choice names its round
# after a colon («анкета:входная»): the form and the round in one list, as the curator thinks of them.
ROUND_SEP = ":"
KINDS = (
    ("запрос", "Анкета педагога о профессиональных запросах",
     "для банка наставляемых: каждому, кто уже в банке, и пустая — для новых людей"),
    ("наставник", "Анкета потенциального наставника",
     "для банка наставников: каждому, кто уже в банке, и пустая — для новых людей"),
    ("анкета:входная", "Входная анкета (в начале программы)",
     "наставнику и наставляемому утверждённой или идущей программы; вопросы — с листа «Вопросы анкет»"),
    ("анкета:первые недели", "Анкета первых недель: подходит ли пара",
     "участникам идущих программ; «не подходит» — повод подобрать другого наставника"),
    ("анкета:промежуточная", "Промежуточная анкета", "участникам идущих программ"),
    ("анкета:итоговая", "Итоговая анкета: удовлетворённость и качество программы",
     "каждому участнику программы, которая идёт или закончилась, и анкета куратора"),
    ("дневник", "Дневник наставника",
     "план каждой идущей программы её наставнику: отметки о выполнении, даты, результаты"),
)


def make(job: Job, choice: str) -> Outcome:
    """The questionnaires of ``choice`` (a kind, or «анкета:ЭТАП») into a new results folder: personal .xlsx and
    .docx, blank ones, the questions for an online form."""
    from nastavnik.base.morph import agree
    from nastavnik.forms import make_forms

    kind, _, round_ = choice.partition(ROUND_SEP)
    folder = _folder(job)
    book = _read(job, folder)
    job.say(f"Готовлю анкеты «{kind}»" + (f", этап «{round_}»…" if round_ else "…"))
    result = make_forms(book, kind, folder, job.today, round_ or None)
    job.checkpoint()
    if kind == "дневник":
        summary = (f"В папке «{result.folder.name}»: {agree(len(result.personal), 'дневник')} наставников (.xlsx "
                   "для заполнения и .docx для печати). Разошлите их наставникам, сложите заполненные файлы в одну "
                   "папку и нажмите «Собрать анкеты».")
        return _finish(job, Outcome(0, summary, folder))
    people = len(result.personal) // 2
    if not people and not result.blank:
        summary = (f"Анкет этапа «{round_}» некому выдавать: нет программ в подходящем состоянии или на листе "
                   "«Вопросы анкет» нет вопросов этого этапа. Вопросы для онлайн-формы — в папке "
                   f"«{result.folder.name}».")
        return _finish(job, Outcome(0, summary, folder))
    parts = [f"{agree(people, 'личная анкета')} (.xlsx для заполнения и .docx для печати)"]
    if result.blank:
        parts.append("пустая анкета для новых людей")
    parts.append("вопросы для онлайн-формы")
    summary = (f"В папке «{result.folder.name}»: {', '.join(parts)}. Разошлите анкеты, сложите заполненные "
               "файлы в одну папку и нажмите «Собрать анкеты».")
    return _finish(job, Outcome(0, summary, folder))


def preview(job: Job, sources: Path, update: bool = False) -> Outcome:
    """Read the workbook and the answers in ``sources``; say what collecting them would do, write nothing.

    ``update`` is ``collect --update``: an answer replaces a value the curator had entered.
    """
    from nastavnik.base.problems import NastavnikError
    from nastavnik.forms import preview as merge_preview
    from nastavnik.workbook.reader import read_workbook

    if job.workbook is None:
        raise NastavnikError("Ответы собираются в копию вашей книги: сначала выберите рабочую книгу кнопкой "
                             "«Выбрать…».")
    job.say(f"Читаю книгу «{job.workbook.name}»…")
    book = read_workbook(job.workbook, today=job.today)
    job.checkpoint()
    job.say(f"Читаю ответы из папки «{sources.name}»…")
    lines = merge_preview(book, [sources], job.today, update=update)
    job.checkpoint()
    return Outcome(0, summary(lines), pending=Pending(book, [sources], lines, update))


def accepts(lines: list) -> bool:
    """Whether collecting would write anything into the copy (a newcomer, an answer, a stated consent)."""
    from nastavnik.forms.lines import ADDED, CONSENT, UPDATED

    return any(line.status in (ADDED, UPDATED, CONSENT) for line in lines)


def summary(lines: list) -> str:
    """One line of counts, in the merge report's own words («добавлен — 2, обновлён — 5, …»)."""
    from nastavnik.forms.lines import STATUSES
    from nastavnik.forms.report import contents, counts

    c = counts(lines)
    shown = [f"{status} — {c[status]}" for status in STATUSES if c.get(status)]
    what = "ответами" if contents(lines) == "ответами анкет" else contents(lines)
    return f"Что будет сделано с {what}: " + (", ".join(shown) if shown else "ответов не найдено") + "."


def write(job: Job, pending: Pending) -> Outcome:
    """Merge the previewed answers into a new copy of the workbook, with the report, and check the copy."""
    from nastavnik.checks.render import verdict
    from nastavnik.forms import collect
    from nastavnik.forms.report import gathered
    from nastavnik.workbook.reader import read_workbook

    folder = _folder(job)
    job.say("Собираю ответы в копию книги…")
    result = collect(pending.book, pending.sources, folder, job.today, update=pending.update)
    job.checkpoint()
    if result.copy is None:
        return _finish(job, Outcome(0, f"Принимать нечего: копия книги не создана, книга не изменена. Отчёт — "
                                       f"«{result.report.name}».", folder))
    job.say(f"Проверяю копию «{result.copy.name}»…")
    copy = read_workbook(result.copy, today=job.today)
    report, problems, marked = _check(job, copy, folder, always_mark=False)
    said = verdict(report)
    text = (f"{gathered(result.lines)} собраны в копию книги «{result.copy.name}»; ваша прежняя книга не изменена. "
            f"Теперь рабочая книга — эта копия: работайте в ней. Отчёт о сборе — «{result.report.name}». Проверка копии: "
            f"{said[0].lower()}{said[1:]}")
    outcome = _finish(job, Outcome(0 if report.valid else 1, text, folder, problems, marked))
    outcome.switch_to = outcome.folder / result.copy.relative_to(folder)
    return outcome
