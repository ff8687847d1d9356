"""Helpers shared by commands: which workbook, which date, where outputs go."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import click

WORKBOOK_HELP = "Рабочая книга .xlsx (без неё — демонстрационная книга)."


def workbook_argument(f):
    return click.argument("workbook", required=False, type=click.Path(dir_okay=False, path_type=Path),
                          metavar="[КНИГА]")(f)


RESULTS = "Результаты"
DEMO_RESULTS = "output"


def results_dir(workbook: Path | None) -> Path:
    """Where results go when --out is not given: «Результаты» beside the book, as the window puts them — one
    place for both interfaces; without a book (the demo), the project's ``output/`` in the current folder."""
    if workbook is None:
        return Path(DEMO_RESULTS)
    return Path(workbook).expanduser().absolute().parent / RESULTS


def out_option(sub: str | None = None, help: str = "Папка для результатов."):
    """``--out ПАПКА``; by default the folder «Результаты» beside the book (``sub`` inside it, e.g. «сайт»)."""

    def decorate(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            if kwargs.get("out") is None:
                base = results_dir(kwargs.get("workbook"))
                kwargs["out"] = base / sub if sub else base
            return f(*args, **kwargs)

        where = f"«{RESULTS}» рядом с книгой, без книги — {DEMO_RESULTS}" + (f"; в ней «{sub}»" if sub else "")
        return click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
                            show_default=where, metavar="ПАПКА", help=help)(wrapper)

    return decorate


def today_of(ctx: click.Context) -> dt.date:
    obj = ctx.find_root().obj or {}
    return obj.get("today") or dt.date.today()


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def find_workbook(workbook: Path) -> Path:
    """The file the curator meant: «книга» finds «книга.xlsx» when only that exists."""
    try:
        if workbook.exists() or workbook.suffix.lower() in WORKBOOK_SUFFIXES:
            return workbook
        for suffix in WORKBOOK_SUFFIXES:
            candidate = workbook.with_name(workbook.name + suffix)
            if candidate.is_file():
                click.echo(f"Файла «{workbook}» нет — беру «{candidate}».", err=True)
                return candidate
    except OSError:
        pass  # the reader says what is wrong with the path
    return workbook


def resolve_workbook(ctx: click.Context, workbook: Path | None) -> Path:
    """The curator's workbook, or the demo in a temporary folder removed when the command ends.

    The demo is never written into the current folder: a command asked to show something
    (``docs --fields``) or to write elsewhere (``--out``) leaves nothing behind.
    """
    if workbook is not None:
        return find_workbook(workbook)
    import shutil
    import tempfile

    from nastavnik.workbook.samples.demos import write_demo

    folder = Path(tempfile.mkdtemp(prefix="nastavnik-demo-"))
    ctx.call_on_close(lambda: shutil.rmtree(folder, ignore_errors=True))
    path = write_demo(folder / "демо-книга.xlsx", today=today_of(ctx))
    click.echo("Книга не указана — работаю на демонстрационной книге (её копия: nastavnik demo ФАЙЛ.xlsx).",
               err=True)
    return path


def load(ctx: click.Context, workbook: Path | None, folder: Path | None = None):
    """Read the workbook once; every command passes the returned Book along."""
    from nastavnik.workbook.reader import read_workbook

    path = resolve_workbook(ctx, workbook)
    return read_workbook(path, today=today_of(ctx))
