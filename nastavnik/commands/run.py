"""``nastavnik run``: the one command a curator needs."""

from __future__ import annotations

from pathlib import Path

import click

from .common import out_option, today_of, workbook_argument


@click.command("run")
@workbook_argument
@out_option()
@click.pass_context
def run(ctx, workbook: Path | None, out: Path) -> None:
    """Сделать всё: проверить книгу и подготовить результаты в новой папке с датой.

    Каждый запуск создаёт новую папку в папке результатов и не трогает прежние.
    """
    from ..pipeline import run_all

    result = run_all(workbook, out, today_of(ctx), echo=click.echo)
    ctx.exit(result.exit_code)
