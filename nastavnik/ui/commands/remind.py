"""``nastavnik remind``: the alerts as letters ready to send (.eml drafts, .docx, a mail-merge table) and calendars."""

from __future__ import annotations

from pathlib import Path

import click

from .common import load, out_option, today_of, workbook_argument


@click.command("remind")
@workbook_argument
@out_option()
@click.pass_context
def remind(ctx, workbook: Path | None, out: Path) -> None:
    """Подготовить напоминания: по одному письму каждому, кому есть что сделать, и календари мероприятий.

    Наставнику — о мероприятиях с прошедшим сроком, о программе без выполненных мероприятий дольше
    допустимого, о скором окончании программы и об анкетах, которые пора заполнить (входная, первых недель,
    промежуточная, итоговая); наставляемому — о его анкетах и о том, что ему нужно подписать (согласие на
    обработку ПДн, программа); куратору — о наставляемых, которые ждут пару дольше допустимого, и о
    перегруженных наставниках; руководителю организации — об ожидающих пару, о запросах, которые не покрывает
    ни один наставник, и о приказах, которые ждут его подписи. Каждое письмо — черновик .eml (адрес — из столбца «Контакт» банка, если там есть e-mail;
    отправитель — электронная почта куратора из листа «Организация»; к письму приложены дневник наставника и
    личная анкета нужного этапа) и .docx; все письма — в таблице для рассылки .xlsx. В письме — только данные
    его адресата. Программа ничего не отправляет.
    Календари .ics (по одному на наставника и на пару) с мероприятиями плана открываются в календаре
    телефона и почты.
    """
    from nastavnik.base.morph import agree
    from nastavnik.forms.remind import NOTHING, whom
    from nastavnik.forms.remind import remind as make_reminders

    book = load(ctx, workbook, out)
    result = make_reminders(book, out, today_of(ctx))
    if result.letters:
        click.echo(f"Напоминания в папке {result.folder}: {agree(len(result.letters), 'письмо')} "
                   f"({whom(result.letters)}).")
        missing = sum(1 for letter in result.letters if not letter.email)
        if missing:
            click.echo(f"  без адреса e-mail: {agree(missing, 'письмо')} — впишите адрес в черновик сами "
                       "или отправьте .docx.")
        click.echo(f"  таблица для рассылки: {result.table.name}")
        attached = sum(len(letter.attachments) for letter in result.letters)
        if attached:
            click.echo(f"  к письмам наставников приложены дневники ({attached}): nastavnik collect перенесёт "
                       "их отметки в план.")
        forms = sum(len(letter.forms) for letter in result.letters)
        if forms:
            click.echo(f"  к письмам приложены личные анкеты ({forms}): заполненные соберёт nastavnik collect.")
        for note in result.notes:
            click.echo(f"  {note}")
    else:
        click.echo(f"Напоминать не о чем: {NOTHING}.")
    if result.calendars:
        click.echo(f"Календари мероприятий: {agree(len(result.calendars), 'файл')} .ics в папке "
                   f"{result.calendars[0].parent}.")
    click.echo("Ничего не отправлено: откройте черновики в почтовой программе и отправьте сами.")
