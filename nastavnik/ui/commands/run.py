"""``nastavnik run``: the one command a curator needs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import out_option, today_of, workbook_argument


@click.command("run")
@workbook_argument
@out_option()
@click.pass_context
def run(ctx, workbook: Path | None, out: Path) -> None:
    """Сделать всё: проверить книгу, подобрать пары, подготовить документы, отчёт и раздел сайта.

    Каждый запуск создаёт новую папку с датой и временем в папке результатов и не трогает прежние;
    путь к последней записан в файле «последний запуск.txt». Если в книге есть ошибки, работа
    останавливается до документов: выводится список ошибок и копия книги с подсвеченными ячейками.
    """
    from nastavnik.ui.pipeline import run_all

    from .common import find_workbook

    workbook = find_workbook(workbook) if workbook is not None else None
    bar = click.progressbar if sys.stdout.isatty() else None
    result = run_all(workbook, out, today_of(ctx), echo=click.echo, progress_bar=bar)
    ctx.exit(result.exit_code)
