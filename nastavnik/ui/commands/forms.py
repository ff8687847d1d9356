"""``nastavnik forms``: questionnaires from the schema — personal, blank and for an online form."""

from __future__ import annotations

from pathlib import Path

import click

from .common import load, out_option, today_of, workbook_argument


@click.command("forms")
@workbook_argument
@click.option("--kind", "kind", type=click.Choice(["запрос", "наставник", "анкета", "дневник"]),
              help="запрос — анкета педагога о профессиональных запросах (банк наставляемых); наставник — анкета "
                   "потенциального наставника (банк наставников); анкета — анкета участника программы на этапе "
                   "--round (итоговая: удовлетворённость и качество программы) и анкета куратора; дневник — план программы каждой реализуемой пары (группы) для "
                   "её наставника: отметки о выполнении, даты, результаты и мероприятия вне плана. Обязательный "
                   "параметр.")
@click.option("--round", "round_", type=click.Choice(["входная", "первые недели", "промежуточная", "итоговая"]),
              help="Этап анкетирования для --kind анкета: входная (в начале программы), первые недели (подходит ли "
                   "пара), промежуточная или итоговая (по умолчанию). Вопросы каждого этапа для наставника, "
                   "наставляемого и куратора — на листе «Вопросы анкет».")
@out_option()
@click.pass_context
def forms(ctx, workbook: Path | None, kind: str | None, round_: str | None, out: Path) -> None:
    """Подготовить анкеты: личные (с тем, что книга уже знает), пустые и вопросы для онлайн-формы.

    Дневник наставника (--kind дневник) — файл .xlsx с планом программы, где наставник отмечает выполненное;
    nastavnik collect перенесёт отметки в «План мероприятий» копии книги.

    Каждая анкета — файл .xlsx с выпадающими списками и подсказками, где открыты для ввода только ответы,
    и такой же .docx для печати. Файл .txt — вопросы и варианты ответов дословно, чтобы перенести их
    в Яндекс Формы или Google Формы. Заполненные анкеты и выгрузку формы прочитает nastavnik collect.
    """
    from nastavnik.forms import make_forms

    if kind is None:  # not click's required=True: its «[required]» mark in the help is not translated
        raise click.UsageError("Укажите вид анкет: --kind запрос, --kind наставник, --kind анкета или "
                               "--kind дневник.")
    if round_ is not None and kind != "анкета":
        raise click.UsageError("Этап анкетирования (--round) указывается только для --kind анкета.")
    book = load(ctx, workbook, out)
    result = make_forms(book, kind, out, today_of(ctx), round_)
    if kind == "дневник":
        from nastavnik.base.morph import agree

        click.echo(f"Дневники наставников в папке {result.folder}: {agree(len(result.personal), 'дневник')} "
                   "(по одному на программу каждой реализуемой пары или группы; .xlsx для заполнения и .docx для печати).")
        click.echo("Разошлите дневники наставникам, сложите заполненные файлы в одну папку и выполните: "
                   "nastavnik collect КНИГА ПАПКА")
        return
    people = len(result.personal) // 2
    if kind == "анкета" and not people:
        click.echo(f"Анкет этапа «{round_ or 'итоговая'}» некому выдавать: нет программ в подходящем состоянии или "
                   "на листе «Вопросы анкет» нет вопросов этого этапа.")
        click.echo(f"Вопросы для онлайн-формы — в папке {result.folder}.")
        return
    click.echo(f"Анкеты «{kind}»" + (f", этап «{round_}»," if round_ else "") + f" в папке {result.folder}:")
    click.echo(f"  личных анкет: {people} (.xlsx для заполнения и .docx для печати)")
    if result.blank:
        click.echo("  пустая анкета для новых людей: " + ", ".join(p.name for p in result.blank))
    click.echo(f"  вопросы для онлайн-формы: {result.online.name}")
    click.echo("Разошлите анкеты, сложите заполненные файлы в одну папку и выполните: "
               "nastavnik collect КНИГА ПАПКА")
