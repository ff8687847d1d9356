"""The thin command-line layer: Russian help, exit codes, no tracebacks.

Commands live in ``nastavnik/ui/commands/``, one module each; this module only
builds the group, translates click's own words and turns domain errors into
messages. Exit codes: 0 — всё в порядке, 1 — в книге есть ошибки,
2 — файл или параметр нельзя использовать, 3 — внутренняя ошибка программы,
4 — компьютер не позволил (диск, права, путь), 130 — прервано.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import sys

import click

from nastavnik.base.i18n import install_click_russian
from nastavnik.base.problems import NastavnikError

from . import __version__

install_click_russian()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _stop_like_ctrl_c(signum, frame):
    """SIGTERM («Снять задачу», systemd, a closed terminal's SIGHUP) ends a run as Ctrl+C does: cleanly."""
    raise KeyboardInterrupt


def _handle_stop_signals() -> None:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop_like_ctrl_c)


def _other_folder_hint(ctx: click.Context) -> str:
    """Advice names only options the command has: ``init`` and ``demo`` take a file name, not --out."""
    sub = ctx.command.get_command(ctx, ctx.invoked_subcommand) if ctx.invoked_subcommand else None
    out = next((p for p in sub.params if p.name == "out"), None) if sub is not None else None
    if out is not None and not getattr(out.type, "dir_okay", True):  # new-year: --out is the new book's file
        return " Другое место для книги можно указать параметром --out."
    if out is not None:
        return " Другую папку для результатов можно указать параметром --out."
    return " Укажите другое место для файла." if sub is not None else ""


def _quiet_unraisable(unraisable) -> None:
    """After a failure, a writer's half-closed zip complains again when it is collected («Exception ignored in
    ZipFile.__del__… No space left on device»): the curator has had her message; the traceback is for --debug."""
    return


def _hush(ctx: click.Context) -> None:
    if not (ctx.obj and ctx.obj.get("debug")):
        sys.unraisablehook = _quiet_unraisable


INTERNAL = ("Внутренняя ошибка программы: команда остановилась не из-за вашей книги, а из-за недосмотра в самой "
            "программе. Ваша рабочая книга не изменена. Запустите команду ещё раз с параметром --debug и передайте "
            "вывод разработчикам.")
NO_MEMORY = ("Компьютеру не хватило памяти, команда остановлена. Ваша рабочая книга не изменена. Закройте другие "
             "программы и повторите.")


class Group(click.Group):
    def invoke(self, ctx: click.Context):
        from nastavnik.base.oserrors import as_os_error, os_message
        from nastavnik.base.problems import EnvironmentProblem

        _handle_stop_signals()
        try:
            return super().invoke(ctx)
        except NastavnikError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _hush(ctx)
            hint = _other_folder_hint(ctx) if isinstance(exc, EnvironmentProblem) and exc.other_folder else ""
            click.echo(f"Ошибка: {exc}{hint}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            _hush(ctx)
            click.echo("Прервано. Незавершённые файлы не сохранены; рабочая книга не изменена.", err=True)
            ctx.exit(130)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _hush(ctx)
            refusal = as_os_error(exc)  # the computer refused: disk, rights, path — not the workbook's fault
            if refusal is not None:
                click.echo(f"Ошибка: {os_message(refusal)}", err=True)
                ctx.exit(EnvironmentProblem.exit_code)
            if isinstance(exc, MemoryError):
                click.echo(f"Ошибка: {NO_MEMORY}", err=True)
                ctx.exit(EnvironmentProblem.exit_code)
            click.echo(INTERNAL, err=True)  # the exception's class and traceback: --debug only
            ctx.exit(3)


def parse_today(ctx, param, value):
    if value is None:
        return None
    from nastavnik.workbook.parse import parse_date

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
    from nastavnik.ui.commands import COMMANDS

    for command in COMMANDS:
        command.options_metavar = "[ПАРАМЕТРЫ]"
        main.add_command(command)
    main.options_metavar = "[ПАРАМЕТРЫ]"
    main.subcommand_metavar = "КОМАНДА [АРГУМЕНТЫ]..."


_register()


# The exit status of the command that ran, for ``_leave_at_once``; None while it runs or if it ended by a traceback.
_status: list[int | str | None] = [None]


def run() -> None:
    """The installed ``nastavnik`` command (and ``python -m nastavnik``): ``main`` with a short process's settings.

    A run of ``check`` is half a second, most of it start-up: pandas' import makes some 300,000 objects, and the
    cyclic collector walks them again and again while it does (a larger first threshold, as in Instagram's
    «Dismissing Python Garbage Collection»); at the end the interpreter frees every module one by one, a tenth of
    a second the curator waits for and nothing needs. Tests call ``main`` itself, in their own process.
    """
    gc.set_threshold(10_000, 10, 10)
    atexit.register(_leave_at_once)  # registered first, so it runs after every handler registered later
    try:
        main()
    except SystemExit as exc:
        _status[0] = exc.code
        raise


def _leave_at_once() -> None:
    """Leave without the interpreter's teardown, once all that matters is done.

    By the time ``atexit`` handlers run, Python has joined the program's threads, and later-registered handlers
    (multiprocessing's, which stops a pool's workers; logging's) have run, since they run in reverse order. What
    is left is flushing the standard streams, done here, and freeing memory that the system takes back anyway.
    Files are closed by the code that writes them (an output is whole or absent, ``base.safeio``). After a
    traceback the status is unknown and the ordinary exit goes on.
    """
    code = _status[0]
    if code is None:  # a traceback (--debug) or an exit we did not see: the ordinary way
        return
    code = code if isinstance(code, int) else 1  # a message given to SystemExit is printed, with status 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head): Python's own exit says 120
            code = code or 120
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
