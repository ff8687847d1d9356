"""``nastavnik init`` and ``nastavnik demo``: write a blank or a demo workbook."""

from __future__ import annotations

from pathlib import Path

import click

from nastavnik.base.problems import NastavnikError
from nastavnik.workbook import orgtypes

from .common import today_of


def _guard(path: Path, force: bool) -> None:
    if path.suffix.lower() != ".xlsx":
        raise NastavnikError(f"Имя файла должно оканчиваться на .xlsx: «{path.name}».")
    if path.exists() and not force:
        raise NastavnikError(
            f"Файл «{path}» уже существует и не будет перезаписан. Укажите другое имя или добавьте --force.")


def academic_year(today):
    """Kept for ``window.tasks``, which imports it from here; the one definition is ``template.academic_year``."""
    from nastavnik.workbook.template import academic_year as of_template

    return of_template(today)


def _other_year(org: dict, today) -> str:
    """In August, when the choice is the curator's, the year that is ending; otherwise the form of the value."""
    first = org["period_start"].year
    return f"{first - 1}/{first}" if today.month == 8 else "ГГГГ/ГГГГ"


_TYPE_HELP = ("Тип организации: " + ", ".join(f"«{w}»" for w in orgtypes.words())
              + " (можно и «сош», «гимназия», «доу», «техникум», «спо»). По умолчанию — «"
              + orgtypes.DEFAULT.word + "».")


def _org_type(word: str | None) -> orgtypes.OrgType:
    """The type named by ``--type`` (any case, a word or an alias); a wrong word is a usage error (exit 2)."""
    if word is None:
        return orgtypes.DEFAULT
    found = orgtypes.find(word)
    if found is None:
        raise click.BadParameter(
            f"«{word}» — неизвестный тип организации. Укажите один из: " + ", ".join(orgtypes.words()) + ".",
            param_hint="--type")
    return found


@click.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), metavar="ФАЙЛ")
@click.option("--type", "type_word", metavar="ТИП", help=_TYPE_HELP)
@click.option("--org", "org_name", metavar="НАЗВАНИЕ", help="Полное наименование организации, как в уставе.")
@click.option("--short", "short_name", metavar="НАЗВАНИЕ", help="Сокращённое наименование организации.")
@click.option("--year", "year", metavar="ГГГГ/ГГГГ",
              help="Учебный год книги, например 2026/2027. По умолчанию — текущий, а с 1 августа — следующий, "
                   "который начнётся 1 сентября.")
@click.option("--force", is_flag=True, help="Перезаписать существующий файл.")
@click.pass_context
def init(ctx, path: Path, type_word: str | None, org_name: str | None, short_name: str | None,
         year: str | None, force: bool) -> None:
    """Создать чистую рабочую книгу по текущему шаблону для организации своего типа."""
    from nastavnik.workbook.newyear import YearError, parse_year
    from nastavnik.workbook.template import blank_org, write_workbook

    org_type = _org_type(type_word)
    first_year = None
    if year is not None:
        try:
            first_year = parse_year(year)
        except YearError as exc:
            raise click.BadParameter(str(exc), param_hint="--year") from None
    _guard(path, force)
    org = blank_org(today_of(ctx), org_type, org_name, short_name, first_year)
    write_workbook(path, org)
    click.echo(f"Создана чистая книга: {path}")
    click.echo(f"Тип организации: {org_type.title}.")
    click.echo(f"Учебный год: {org['academic_year']} (период {org['period_start']:%d.%m.%Y} – "
               f"{org['period_end']:%d.%m.%Y})." + ("" if year else " Другой год: параметр --year "
                                                     + _other_year(org, today_of(ctx)) + "."))
    if type_word is None:
        others = [w for w in orgtypes.words() if w != org_type.word]
        click.echo(f"Тип не указан, записан тип по умолчанию. Для другого типа создайте книгу заново с --type, "
                   f"например: nastavnik init {path} --type {orgtypes.SCHOOL.word} --force "
                   f"(типы: {', '.join(others)}).")
    click.echo("Откройте её, заполните лист «Организация» и банки, затем запустите: nastavnik check " + str(path))


@click.command("demo")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), metavar="ФАЙЛ")
@click.option("--type", "type_word", metavar="ТИП",
              help=f"Чья демонстрационная книга: «{orgtypes.EXTRA.word}» (по умолчанию, центр технического "
                   f"творчества) или «{orgtypes.SCHOOL.word}» (общеобразовательная школа на 60 учителей).")
@click.option("--force", is_flag=True, help="Перезаписать существующий файл.")
@click.option("--size", type=click.Choice(["S", "M", "L"], case_sensitive=False), default=None,
              help="Вместо демонстрационной — синтетическая книга центра для замеров скорости: S — 60 человек, "
                   "M — 1 000, L — 10 000 (4 000 пар, 40 000 мероприятий плана).")
@click.option("--seed", type=int, default=1, show_default=True, metavar="ЧИСЛО",
              help="Начальное число синтетической книги: одно и то же число даёт одну и ту же книгу.")
@click.pass_context
def demo(ctx, path: Path, type_word: str | None, force: bool, size: str | None, seed: int) -> None:
    """Создать демонстрационную книгу (вымышленный центр технического творчества или школа)."""
    from nastavnik.workbook.samples.demos import DEMOS, write_demo
    from nastavnik.workbook.samples.demos import demo as demo_of
    from nastavnik.workbook.template import write_workbook

    org_type = _org_type(type_word)
    demos = {d.key for d in DEMOS}
    if size and type_word is not None and org_type is not orgtypes.EXTRA:
        raise click.BadParameter("синтетические книги (--size) есть только для центра; уберите --type или --size.",
                                 param_hint="--type")
    if org_type.key not in demos:
        raise click.BadParameter(
            f"демонстрационной книги для типа «{org_type.title}» нет: есть для «{orgtypes.EXTRA.word}» и "
            f"«{orgtypes.SCHOOL.word}». Чистую книгу этого типа создаёт nastavnik init ФАЙЛ --type "
            f"{org_type.word}.", param_hint="--type")
    _guard(path, force)
    if size:
        from nastavnik.workbook.samples.synth import synth_data

        write_workbook(path, *synth_data(size.upper(), seed, today_of(ctx)))
        click.echo(f"Создана синтетическая книга размера {size.upper()}: {path}")
    else:
        write_demo(path, org_type.key, today_of(ctx))
        click.echo(f"Создана демонстрационная книга ({demo_of(org_type.key).what}): {path}")
