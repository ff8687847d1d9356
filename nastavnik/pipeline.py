"""The whole yearly chain behind ``nastavnik run``: read once, check, then every output.

Each run writes into a new dated folder, so an earlier result is never
overwritten, and «последний запуск.txt» in the output folder names the newest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .safeio import write_text


@dataclass
class RunResult:
    folder: Path
    exit_code: int = 0
    made: list[tuple[str, Path]] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)


def new_run_folder(out: Path, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now()
    base = out / now.strftime("%Y-%m-%d_%H-%M-%S")
    folder, n = base, 1
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}_{n}")
    folder.mkdir(parents=True)
    return folder


def run_all(workbook: Path | None, out: Path, today: dt.date, echo: Callable[..., None] = print) -> RunResult:
    from .checks import check_book
    from .checks.render import render_text, verdict
    from .demo import demo_data
    from .reader import read_workbook
    from .template import write_workbook

    out.mkdir(parents=True, exist_ok=True)
    folder = new_run_folder(out)
    result = RunResult(folder)
    if workbook is None:
        workbook = folder / "демо-книга.xlsx"
        org, tables = demo_data(today)
        write_workbook(workbook, org, tables)
        echo(f"Книга не указана — работаю на демонстрационной книге: {workbook}")
    book = read_workbook(workbook, today=today)
    report = check_book(book, today)
    write_text(folder / "проверка.txt", render_text(report, book.name))
    result.made.append(("Результат проверки", folder / "проверка.txt"))
    if not report.valid:
        echo(render_text(report, book.name))
        result.exit_code = 1
    else:
        echo(verdict(report))
    write_text(out / "последний запуск.txt", str(folder.resolve()) + "\n")
    echo(f"Результаты: {folder}")
    for what, path in result.made:
        echo(f"  {what}: {path.name}")
    return result
