"""``nastavnik docs``: orders, programmes and consents as .docx (and PDF) from editable templates."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import load, out_option, today_of, workbook_argument

_KIND_KEYS = ["polozhenie", "curator", "council", "pairs", "changes", "programme", "final", "consent_pd",
              "consent_publish", "mentor_consent", "agreement", "analytic_report", "rewards", "thanks",
              "certificates"]


@click.command("docs")
@workbook_argument
@out_option()
@click.option("--only", "only", multiple=True, type=click.Choice(_KIND_KEYS), metavar="ВИД",
              help="Сделать только документы этого вида (можно повторять). Виды: " + ", ".join(_KIND_KEYS) + ".")
@click.option("--pdf", is_flag=True, help="Сделать ещё и PDF через LibreOffice (один запуск на все файлы).")
@click.option("--templates", "templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
              metavar="ПАПКА", help="Папка с вашими шаблонами .docx: шаблон с тем же именем файла заменяет "
                                    "встроенный.")
@click.option("--fields", "fields", type=click.Choice(_KIND_KEYS), metavar="ВИД",
              help="Показать поля, которые может использовать шаблон этого вида, и выйти.")
@click.pass_context
def docs(ctx, workbook: Path | None, out: Path, only: tuple[str, ...], pdf: bool, templates: Path | None,
         fields: str | None) -> None:
    """Подготовить приказы, программы и согласия (.docx) по книге.

    Приказы: об утверждении Положения (с Положением и дорожной картой), о назначении куратора,
    о методическом совете, о закреплении пар (групп), об изменениях и досрочном завершении,
    об итоговом мероприятии. Также персонализированные программы, согласия на обработку и
    распространение персональных данных, согласия наставников и доп. соглашения,
    итоговый аналитический отчёт с таблицами и диаграммами (по показателям мониторинга).
    Шаблоны — в папке doc_templates; свои шаблоны укажите параметром --templates.
    """
    from nastavnik.docs.fields import describe_fields
    from nastavnik.docs.render import BrokenTemplate, plan_documents, render_jobs

    today = today_of(ctx)
    if fields:  # only prints: without a book, the demo goes to a temporary folder, not into the results folder
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            book = load(ctx, workbook, Path(tmp))
            click.echo(describe_fields(book, today, fields))
        return
    book = load(ctx, workbook, out)
    folder = out / "Документы"
    from nastavnik.ui.actions import replacements

    jobs = plan_documents(book, folder, today, only or None, replacements(book, today))
    from nastavnik.docs.applies import not_ready
    from nastavnik.docs.kinds import KINDS

    waiting = [(KINDS[k].title, why) for k in (only or KINDS) if (why := not_ready(book, k, asked=bool(only)))]
    for title, why in waiting:
        click.echo(f"Пока не делаю: {title} — {why}.", err=True)
    if not jobs:
        click.echo("По книге пока нечего оформлять для выбранных видов документов.")
        return
    broken = None
    try:
        if sys.stdout.isatty():
            with click.progressbar(length=len(jobs), label="Документы", show_pos=True) as bar:
                paths = render_jobs(jobs, templates, bar.update)
        else:
            paths = render_jobs(jobs, templates)
    except BrokenTemplate as exc:  # the other kinds were made: say so, then report the broken template (code 2)
        broken, paths = exc, exc.made
        jobs = [j for j in jobs if j.kind not in exc.kinds]
    click.echo(f"Готово документов: {len(paths)} — в папке {folder}")
    counts: dict[str, int] = {}
    for job in jobs:
        counts[job.kind] = counts.get(job.kind, 0) + 1

    for key, n in counts.items():
        click.echo(f"  {KINDS[key].title}: {n}")
    if broken is not None:
        if pdf and paths:
            from nastavnik.docs.pdf import convert_to_pdf

            click.echo(f"Готово PDF: {len(convert_to_pdf(paths))}")
        raise broken
    if pdf:
        from nastavnik.docs.pdf import convert_to_pdf

        click.echo("Делаю PDF через LibreOffice…")
        pdfs = convert_to_pdf(paths)
        click.echo(f"Готово PDF: {len(pdfs)}")
