"""``nastavnik init`` and ``nastavnik demo``: write a blank or a demo workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..problems import NastavnikError
from .common import today_of


def _guard(path: Path, force: bool) -> None:
    if path.suffix.lower() != ".xlsx":
        raise NastavnikError(f"Имя файла должно оканчиваться на .xlsx: «{path.name}».")
    if path.exists() and not force:
        raise NastavnikError(
            f"Файл «{path}» уже существует и не будет перезаписан. Укажите другое имя или добавьте --force.")


def academic_year(today: dt.date) -> tuple[str, dt.date, dt.date]:
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}/{start + 1}", dt.date(start, 9, 1), dt.date(start + 1, 8, 31)


@click.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), metavar="ФАЙЛ")
@click.option("--org", "org_name", metavar="НАЗВАНИЕ", help="Полное наименование организации, как в уставе.")
@click.option("--short", "short_name", metavar="НАЗВАНИЕ", help="Сокращённое наименование организации.")
@click.option("--force", is_flag=True, help="Перезаписать существующий файл.")
@click.pass_context
def init(ctx, path: Path, org_name: str | None, short_name: str | None, force: bool) -> None:
    """Создать чистую рабочую книгу по текущему шаблону."""
    from ..template import write_workbook

    _guard(path, force)
    year, start, end = academic_year(today_of(ctx))
    org = {"academic_year": year, "period_start": start, "period_end": end}
    if org_name:
        org["full_name"] = org_name
    if short_name:
        org["short_name"] = short_name
    from ..schema import ORG_FIELDS

    org = {**{f.key: f.default for f in ORG_FIELDS}, **org}
    write_workbook(path, org)
    click.echo(f"Создана чистая книга: {path}")
    click.echo("Откройте её, заполните лист «Организация» и банки, затем запустите: nastavnik check " + str(path))


@click.command("demo")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), metavar="ФАЙЛ")
@click.option("--force", is_flag=True, help="Перезаписать существующий файл.")
@click.option("--size", type=click.Choice(["S", "M", "L"], case_sensitive=False), default=None,
              help="Вместо демонстрационной — синтетическая книга для замеров скорости: S — 60 человек, "
                   "M — 1 000, L — 10 000 (4 000 пар, 40 000 мероприятий плана).")
@click.option("--seed", type=int, default=1, show_default=True, metavar="ЧИСЛО",
              help="Начальное число синтетической книги: одно и то же число даёт одну и ту же книгу.")
@click.pass_context
def demo(ctx, path: Path, force: bool, size: str | None, seed: int) -> None:
    """Создать демонстрационную книгу (вымышленный центр технического творчества)."""
    from ..demo import demo_data
    from ..template import write_workbook

    _guard(path, force)
    if size:
        from ..synth import synth_data

        org, tables = synth_data(size.upper(), seed, today_of(ctx))
    else:
        org, tables = demo_data(today_of(ctx))
    write_workbook(path, org, tables)
    what = f"синтетическая книга размера {size.upper()}" if size else "демонстрационная книга"
    click.echo(f"Создана {what}: {path}")
