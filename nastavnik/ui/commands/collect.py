"""``nastavnik collect``: answers of questionnaires and online forms merged into a COPY of the workbook."""

from __future__ import annotations

from pathlib import Path

import click

from .common import load, out_option, today_of


@click.command("collect")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path), metavar="КНИГА")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="ОТВЕТЫ...")
@click.option("--update", is_flag=True,
              help="Принимать ответ и там, где куратор уже внёс в книгу другое значение (по умолчанию такие "
                   "ответы отмечаются как конфликт, а значение куратора остаётся).")
@out_option()
@click.pass_context
def collect(ctx, workbook: Path, sources: tuple[Path, ...], update: bool, out: Path) -> None:
    """Собрать ответы анкет и отметки дневников в КОПИЮ книги и показать, что принято, что нет и почему.

    ОТВЕТЫ — заполненные анкеты и дневники наставников .xlsx (nastavnik forms), папки с ними, выгрузки
    онлайн-форм .xlsx или .csv (UTF-8, UTF-16 — «Юникод-текст» Excel — или Windows-1251; разделитель — запятая,
    точка с запятой или табуляция). Новые люди добавляются с новыми кодами, известные (по коду анкеты или по ФИО
    и дате рождения) обновляются, ответы анкетирования дописываются, отметки дневников переносятся в план
    мероприятий. Анкета или дневник, выданные на другой учебный год или со служебными данными, изменёнными после
    выдачи, — конфликт: из них ничего не записывается, даже с --update. Отчёт о сборе — на экране и в файле
    «Отчёт о сборе анкет.xlsx» («…дневников.xlsx» для дневников); исходная книга не изменяется. Отметка
    согласия в анкете не заменяет подписанного согласия на обработку ПДн.
    """
    from nastavnik.checks import check_book
    from nastavnik.forms import collect as collect_answers
    from nastavnik.forms.report import contents, render_text
    from nastavnik.workbook.reader import read_workbook

    today = today_of(ctx)
    book = load(ctx, workbook, out)
    result = collect_answers(book, list(sources), out, today, update=update)
    click.echo(render_text(result.lines), nl=False)
    click.echo(f"Отчёт о сборе: {result.report}")
    if result.copy is None:
        click.echo("Принимать нечего: копия книги не создана. Исходная книга не изменена.")
        return
    click.echo(f"Копия книги с {contents(result.lines)}: {result.copy}. Исходная книга не изменена.")
    report = check_book(read_workbook(result.copy, today=today), today)
    if report.valid:
        click.echo(f"Проверка копии: ошибок нет, предупреждений — {len(report.warnings)}.")
    else:
        click.echo(f"Проверка копии: ошибок — {len(report.errors)}; подробности: nastavnik check «{result.copy}».")
