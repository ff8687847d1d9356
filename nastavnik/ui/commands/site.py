"""``nastavnik site``: the website section «Наставничество» as a folder of static pages."""

from __future__ import annotations

from pathlib import Path

import click

from .common import load, out_option, today_of, workbook_argument


@click.command("site")
@workbook_argument
@out_option("сайт", help="Папка сайта. Она создаётся заново целиком; чужую непустую папку программа не трогает.")
@click.option("--docs", "docs", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              metavar="ПАПКА",
              help="Папка документов, сделанных командой docs (в ней папка «Приказы»): подписанные приказы "
                   "(с номером и датой на листе «Организация») будут опубликованы в PDF без ФИО людей без "
                   "согласия. Нужен LibreOffice.")
@click.pass_context
def site(ctx, workbook: Path | None, out: Path, docs: Path | None) -> None:
    """Сделать раздел сайта «Наставничество»: статические страницы HTML, готовые к загрузке.

    На сайт попадают реализуемые программы, результаты только завершённых программ (п. 8.2 Положения),
    лучшие практики, нормативная база, новости с отметкой «Публиковать», ход дорожной карты и
    должность куратора. ФИО — только тех, кто дал согласие на распространение персональных данных.
    Есть версия для слабовидящих (папка special). Если в книге есть ошибки, сайт не делается.
    """
    from nastavnik.checks import check_book
    from nastavnik.checks.render import render_text
    from nastavnik.site import build_site

    today = today_of(ctx)
    book = load(ctx, workbook, out.parent)
    report = check_book(book, today)
    if not report.valid:
        click.echo(render_text(report, book.name))
        click.echo("Сайт не сделан: сначала исправьте ошибки в книге.", err=True)
        ctx.exit(1)
    folder = build_site(book, out, today, _documents(book, docs, today) if docs else ())
    pages = sum(1 for _ in folder.rglob("*.html"))
    pdfs = sum(1 for _ in folder.rglob("*.pdf"))
    click.echo(f"Раздел сайта готов: {folder} (страниц: {pages}, из них версия для слабовидящих — в папке special"
               + (f"; документов PDF: {pdfs}" if pdfs else "") + ").")
    click.echo(f"Начальная страница: {folder / 'index.html'}. Загрузите содержимое папки на сайт организации: "
               f"как — в файле «{folder / 'КАК ОПУБЛИКОВАТЬ.txt'}».")


def _documents(book, docs: Path, today):
    """The orders the documents step made in ``docs`` (or in its «Документы» folder), for the site."""
    from nastavnik.docs.render import plan_documents
    from nastavnik.site import SiteDocument
    from nastavnik.site.documents import ORDERS

    for base in (docs, docs / "Документы", docs.parent):
        jobs = [j for j in plan_documents(book, base, today, list(ORDERS)) if j.path.is_file()]
        if jobs:
            return [SiteDocument(j.kind, j.path) for j in jobs]
    return []
