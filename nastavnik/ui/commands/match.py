"""``nastavnik match``: the best mentor for each mentee, optimally, with reasons."""

from __future__ import annotations

from pathlib import Path

import click

from .common import out_option, resolve_workbook, today_of, workbook_argument


def _not_negative(ctx, param, value: int) -> int:
    if value < 0:
        raise click.BadParameter(f"нужно целое число не меньше 0, а получено {value}")
    return value


@click.command("match")
@workbook_argument
@click.option("--top", type=int, default=3, show_default=True, metavar="N", callback=_not_negative,
              help="Сколько лучших кандидатов показать каждому наставляемому; 0 — все возможные пары.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "xlsx"]), default="text", show_default=True,
              help="text — таблица на экран, json — для других программ, xlsx — файл «Предложения пар» "
                   "для методического совета в папке результатов.")
@click.option("--apply", "apply_", is_flag=True,
              help="Записать предложенные пары со статусом «проект» в КОПИЮ книги в папке результатов "
                   "(исходная книга не меняется).")
@out_option()
@click.pass_context
def match(ctx, workbook: Path | None, top: int, fmt: str, apply_: bool, out: Path) -> None:
    """Подобрать наставников наставляемым (раздел 6 Положения).

    Для каждого наставляемого, ожидающего пару, — лучшие кандидаты с оценкой и обоснованием; общее
    предложение пар и групп с наибольшей суммарной оценкой при ограничении нагрузки наставников
    (дольше ждущие — вперёд при равных парах; прежние пары не повторяются без разрешения куратора);
    для оставшихся без наставника — причина и что делать. Веса составляющих оценки задаются на
    листе «Организация» (раздел «Подбор пар»).
    """
    from nastavnik.base.problems import ERROR
    from nastavnik.match import apply_proposal, match_book, write_match_xlsx
    from nastavnik.match.core import SHEETS
    from nastavnik.match.output import XLSX_NAME, org_title, render_json, render_text
    from nastavnik.workbook.reader import read_workbook

    today = today_of(ctx)
    # Only the sheets the matching reads: a district's plans, events and surveys are not typed for it.
    book = read_workbook(resolve_workbook(ctx, workbook), today=today, sheets=SHEETS)
    errors = sum(1 for p in book.problems if p.severity == ERROR)
    if errors:
        click.echo(f"Внимание: в листах книги «{book.name}», нужных для подбора, есть ошибки ({errors}); подбор "
                   "сделан по тем данным, что удалось прочитать. Подробности: nastavnik check.", err=True)
    result = match_book(book, today, top=top)
    if fmt == "json":
        click.echo(render_json(result))
    elif fmt == "xlsx":
        path = write_match_xlsx(result, out / XLSX_NAME, org_title(book.org))
        click.echo(f"Предложения пар для методического совета: {path}")
    else:
        click.echo(render_text(result), nl=False)
    if apply_:
        from nastavnik.match.apply import new_pairs

        replaced = [p for p in result.proposal if p.get("replaces")]
        if replaced:
            click.echo("Замены наставника по анкете первых недель (" + ", ".join(p["replaces"]["pair"] for p in replaced)
                       + ") в копию книги не записаны: их оформляет приказ о замене наставника (nastavnik docs "
                       "готовит проект).", err=True)
        if not new_pairs(result):
            click.echo("Предложение пусто: копия книги не создана.", err=True)
        else:
            copy = apply_proposal(book, result, out, today)
            groups = f", из них в группах: {sum(len(g['mentees']) for g in result.groups)}" if result.groups else ""
            click.echo(f"Копия книги с парами «проект» (наставляемых: {len(new_pairs(result))}{groups}): {copy}. "
                       "Исходная книга не изменена.", err=fmt == "json")
