"""Helpers shared by commands: which workbook, which date, where outputs go."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

WORKBOOK_HELP = "Рабочая книга .xlsx (без неё — демонстрационная книга)."


def workbook_argument(f):
    return click.argument("workbook", required=False, type=click.Path(dir_okay=False, path_type=Path),
                          metavar="[КНИГА]")(f)


def out_option(default: str = "output"):
    return click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=default,
                        show_default=True, metavar="ПАПКА", help="Папка для результатов.")


def today_of(ctx: click.Context) -> dt.date:
    obj = ctx.find_root().obj or {}
    return obj.get("today") or dt.date.today()


def resolve_workbook(ctx: click.Context, workbook: Path | None, folder: Path) -> Path:
    """The curator's workbook, or the demo written into ``folder`` when none is given."""
    if workbook is not None:
        return workbook
    from ..demo import demo_data
    from ..template import write_workbook

    org, tables = demo_data(today_of(ctx))
    path = folder / "демо-книга.xlsx"
    write_workbook(path, org, tables)
    click.echo(f"Книга не указана — работаю на демонстрационной книге: {path}", err=True)
    return path


def load(ctx: click.Context, workbook: Path | None, folder: Path):
    """Read the workbook once; every command passes the returned Book along."""
    from ..reader import read_workbook

    path = resolve_workbook(ctx, workbook, folder)
    return read_workbook(path, today=today_of(ctx))
