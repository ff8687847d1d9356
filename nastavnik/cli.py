"""The thin command-line layer: Russian help, exit codes, no tracebacks.

Commands live in ``nastavnik/commands/``, one module each; this module only
builds the group, translates click's own words and turns domain errors into
messages. Exit codes: 0 — всё в порядке, 1 — в книге есть ошибки,
2 — файл нельзя использовать, 3 — внутренняя ошибка программы.
"""

from __future__ import annotations

import datetime as dt
import sys

import click

from . import __version__
from .i18n import install_click_russian
from .problems import NastavnikError

install_click_russian()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NastavnikError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Ошибка: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Прервано пользователем. Незавершённые файлы не сохранены.", err=True)
            ctx.exit(130)
        except Exception as exc:  # noqa: BLE001 - the one place that hides tracebacks
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"Внутренняя ошибка программы ({type(exc).__name__}). Ваша рабочая книга не изменена. "
                "Запустите команду ещё раз с параметром --debug и передайте вывод разработчикам.", err=True)
            ctx.exit(3)


def parse_today(ctx, param, value):
    if value is None:
        return None
    from .parse import parse_date

    d, err = parse_date(value)
    if err:
        raise click.BadParameter(f"нужна дата в виде ДД.ММ.ГГГГ, а получено «{value}»")
    return d


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message="nastavnik %(version)s",
                      help="Показать версию и выйти.")
@click.option("--debug", is_flag=True, help="Показывать полный текст внутренних ошибок (для разработчиков).")
@click.option("--today", callback=parse_today, metavar="ДД.ММ.ГГГГ",
              help="Считать сроки и просрочки на эту дату (по умолчанию — сегодня).")
@click.pass_context
def main(ctx: click.Context, debug: bool, today: dt.date | None) -> None:
    """nastavnik — система (целевая модель) наставничества педагогических работников в одной книге Excel.

    Куратор ведёт рабочую книгу (банки наставников и наставляемых, пары, программы, план, анкеты),
    а программа проверяет её, подбирает пары, готовит приказы и программы, считает показатели
    мониторинга и делает раздел сайта. Без указания книги команды работают на демонстрационной книге.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["today"] = today or dt.date.today()


def _register() -> None:
    from .commands import COMMANDS

    for command in COMMANDS:
        command.options_metavar = "[ПАРАМЕТРЫ]"
        main.add_command(command)
    main.options_metavar = "[ПАРАМЕТРЫ]"
    main.subcommand_metavar = "КОМАНДА [АРГУМЕНТЫ]..."


_register()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
