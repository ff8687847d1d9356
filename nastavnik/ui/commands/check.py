"""``nastavnik check``: every problem of the workbook, at its cell, in plain Russian."""

from __future__ import annotations

from pathlib import Path

import click

from .common import load, out_option, today_of, workbook_argument


@click.command("check")
@workbook_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text — для человека, json — для других программ (список записей о проблемах).")
@click.option("--annotate", is_flag=True,
              help="Сохранить в папку результатов копию книги: ячейки с ошибками залиты красным, "
                   "с предупреждениями — жёлтым, с примечаниями; первый лист «Проверка» — список проблем "
                   "со ссылками. Исходная книга не изменяется.")
@click.option("--codes", "show_codes", is_flag=True,
              help="Показать справочник кодов проблем (код, важность, что означает, что делать) "
                   "и выйти; книга не читается.")
@out_option()
@click.pass_context
def check(ctx, workbook: Path | None, fmt: str, annotate: bool, show_codes: bool, out: Path) -> None:
    """Проверить книгу: все ошибки и предупреждения с листом, строкой и столбцом.

    Код выхода: 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки, 2 — файл нельзя прочитать.
    """
    if show_codes:
        _print_codes(fmt)
        ctx.exit(0)
    from nastavnik.checks import check_book
    from nastavnik.checks.render import render_json, render_text

    book = load(ctx, workbook, out)
    report = check_book(book, today_of(ctx))
    click.echo(render_json(report, book.name) if fmt == "json" else render_text(report, book.name))
    if annotate:
        from nastavnik.checks.annotate import annotate as write_annotated
        from nastavnik.checks.annotate import annotated_name

        path = write_annotated(book, report, out / annotated_name(book))
        click.echo(f"Копия книги с пометками: {path}", err=fmt == "json")
    ctx.exit(0 if report.valid else 1)


def _print_codes(fmt: str) -> None:
    """The catalogue of problem codes, for the curator (text) or for a program (json)."""
    from nastavnik.checks import codes

    if fmt == "json":
        import json

        click.echo(json.dumps(codes.catalogue(), ensure_ascii=False, indent=2))
    else:
        click.echo(codes.render_text(), nl=False)
