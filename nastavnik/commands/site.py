"""``nastavnik site``: the website section «Наставничество» as a folder of static pages."""

from __future__ import annotations

from pathlib import Path

import click

from .common import load, today_of, workbook_argument

DEFAULT_SITE = Path("output") / "сайт"


@click.command("site")
@workbook_argument
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_SITE,
              show_default=True, metavar="ПАПКА",
              help="Папка сайта. Она создаётся заново целиком; чужую непустую папку программа не трогает.")
@click.pass_context
def site(ctx, workbook: Path | None, out: Path) -> None:
    """Сделать раздел сайта «Наставничество»: статические страницы HTML, готовые к загрузке.

    На сайт попадают реализуемые программы, результаты только завершённых программ (п. 8.2 Положения),
    лучшие практики, нормативная база, новости с отметкой «Публиковать», ход дорожной карты и
    должность куратора. ФИО — только тех, кто дал согласие на распространение персональных данных.
    Есть версия для слабовидящих (папка special). Если в книге есть ошибки, сайт не делается.
    """
    from ..checks import check_book
    from ..checks.render import render_text
    from ..site import build_site

    today = today_of(ctx)
    book = load(ctx, workbook, out.parent)
    report = check_book(book, today)
    if not report.valid:
        click.echo(render_text(report, book.name))
        click.echo("Сайт не сделан: сначала исправьте ошибки в книге.", err=True)
        ctx.exit(1)
    folder = build_site(book, out, today)
    pages = sum(1 for _ in folder.rglob("*.html"))
    click.echo(f"Раздел сайта готов: {folder} (страниц: {pages}, из них версия для слабовидящих — в папке special).")
    click.echo(f"Начальная страница: {folder / 'index.html'}. Загрузите содержимое папки на сайт организации.")
