"""``nastavnik new-year``: next academic year's workbook from this year's; the old one is never changed."""

from __future__ import annotations

from pathlib import Path

import click

from .common import today_of


@click.command("new-year")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path), metavar="КНИГА")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), metavar="ФАЙЛ",
              help="Куда записать книгу нового года (по умолчанию — рядом, с новым годом в имени).")
@click.option("--year", "year", metavar="ГГГГ/ГГГГ",
              help="Новый учебный год, например 2027/2028 (по умолчанию — следующий за годом с листа "
                   "«Организация»).")
@click.pass_context
def new_year(ctx, workbook: Path, out: Path | None, year: str | None) -> None:
    """Новый учебный год: новая книга из книги прошлого года.

    Переносит банки (без выбывших, со стажем на год больше и пересчитанными статусами), пары и
    группы, которые продолжаются, с их программами и планом; завершённые и прекращённые пары с их
    программами, планом, анкетами и мероприятиями прошлого года уходят на листы «Архив …».
    На листе «Организация» — новый период, приказы прошлого года очищены (приказы об утверждении
    Положения и о назначении куратора сохраняются); дорожная карта начинается заново. Что перенесено, что в архиве и кто
    исключён, выводится на экран и в файл рядом с новой книгой. Книга старой версии шаблона
    переносится на новый шаблон. Если в книге есть ошибки, новая книга не создаётся (код выхода 1).
    """
    from nastavnik.checks.render import count_words, render_text
    from nastavnik.ui.actions import BookHasErrors
    from nastavnik.ui.actions import new_year as make_new_year

    today = today_of(ctx)
    try:
        made = make_new_year(workbook, today, year, out)  # the window's «Новый учебный год» too
    except BookHasErrors as exc:
        click.echo(render_text(exc.report, exc.book.name))
        click.echo("")
        click.echo(f"В книге {count_words(exc.report)}: книга нового учебного года не создана, пока ошибки не "
                   f"исправлены. Ячейки с ошибками можно подсветить: nastavnik check «{workbook}» --annotate")
        ctx.exit(1)
    path, note, summary, completed = made.path, made.note, made.summary, made.completed
    for line in summary.lines():
        click.echo(line)
    click.echo("")
    if completed:
        click.echo(f"Прошлый запуск перехода был прерван: книга «{path.name}» уже была записана, а итогов перехода "
                   "рядом не было. Книга та же, что получилась бы сейчас; записаны итоги перехода.")
    click.echo(f"Книга {summary.new_year} учебного года: {path}")
    click.echo(f"Итоги перехода: {note}")
    click.echo(f"Прежняя книга не изменена: {workbook}")
