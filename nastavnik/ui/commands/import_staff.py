"""``nastavnik import-staff``: the school's staff list read into «Педагогический состав» of a COPY of the book."""

from __future__ import annotations

from pathlib import Path

import click

from .common import load, out_option


@click.command("import-staff")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path), metavar="КНИГА")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path), metavar="СПИСОК")
@click.option("--apply", "apply_", is_flag=True,
              help="Записать список в КОПИЮ книги (без этого параметра — только показать, что будет сделано).")
@out_option()
@click.pass_context
def import_staff(ctx, workbook: Path, source: Path, apply_: bool, out: Path) -> None:
    """Загрузить штатный список педагогов в лист «Педагогический состав».

    СПИСОК — выгрузка из кадровой программы .xlsx или .csv (UTF-8 или Windows-1251): столбцы могут называться
    по-своему («Ф.И.О.», «Должность», «Дата рождения», «Дата приёма», «Стаж педагогический», «Категория»,
    «Дата увольнения»), стоять в любом порядке, лишние столбцы не мешают. Сначала показывается, кто будет
    добавлен, обновлён и кто не принят и почему (не педагогическая должность, повтор, нечитаемая дата);
    с --apply список записывается в КОПИЮ книги в папке результатов, исходная книга не изменяется. По листу
    считаются число педагогов, педагогов до 35 лет и в первые три года работы в отчёте мониторинга.
    """
    from nastavnik.workbook.staff import describe, plan_import, write_copy

    book = load(ctx, workbook, out)
    plan = plan_import(book, source)
    for line in describe(plan, applied=apply_):
        click.echo(line)
    if not apply_:
        click.echo("Это предварительный просмотр: книга не изменена. Записать в копию книги — с параметром --apply.")
        return
    if not plan.changes:
        click.echo("Записывать нечего: копия книги не создана. Исходная книга не изменена.")
        return
    copy = write_copy(book, plan, out)
    click.echo(f"Копия книги с педагогическим составом: {copy}. Исходная книга не изменена.")
