"""``nastavnik check``: every problem of the workbook, at its cell, in plain Russian."""

from __future__ import annotations

from pathlib import Path

import click

from .common import load, out_option, today_of, workbook_argument


@click.command("check")
@workbook_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text — для человека, json — для других программ.")
@out_option()
@click.pass_context
def check(ctx, workbook: Path | None, fmt: str, out: Path) -> None:
    """Проверить книгу: все ошибки и предупреждения с листом, строкой и столбцом.

    Код выхода: 0 — ошибок нет, 1 — есть ошибки, 2 — файл нельзя прочитать.
    """
    from ..checks import check_book
    from ..checks.render import render_json, render_text

    book = load(ctx, workbook, out)
    report = check_book(book, today_of(ctx))
    click.echo(render_json(report, book.name) if fmt == "json" else render_text(report, book.name))
    ctx.exit(0 if report.valid else 1)
