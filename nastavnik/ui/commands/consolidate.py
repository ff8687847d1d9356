"""``nastavnik consolidate``: the district methodologist's roll-up of many institutions' workbooks."""

from __future__ import annotations

from pathlib import Path

import click

from .common import out_option, today_of
from .report import period_options


@click.command("consolidate")
@click.argument("items", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="ПАПКА_ИЛИ_ФАЙЛЫ...")
@period_options
@click.option("--jobs", "jobs", type=click.IntRange(1, 32), default=2, show_default=True, metavar="N",
              help="Сколько файлов читать одновременно (по числу ядер процессора).")
@click.option("--region-form", "region_form", metavar="ФОРМА",
              help="Форма региона, заполняемая для каждой организации и по району (листы «Форма региона»): "
                   "«федеральная» (по умолчанию), «красноярский-край» или путь к своему описанию .toml.")
@out_option()
@click.pass_context
def consolidate(ctx, items: tuple[Path, ...], period: str | None, year: str | None, jobs: int, out: Path,
                region_form: str | None) -> None:
    """Свести книги нескольких организаций в одну таблицу показателей с итогами.

    Каждый файл читается и проверяется отдельно; повреждённый, заблокированный («~$…») или
    нечитаемый файл попадает в список проблем, остальные обрабатываются. Без --period и --year
    у каждой организации берётся её отчётный период. Код выхода: 0 — все файлы прочитаны,
    1 — часть файлов прочитать не удалось (свод всё равно создан).
    """
    from nastavnik.base.problems import NastavnikError
    from nastavnik.report.consolidate import UNREADABLE, collect_paths
    from nastavnik.ui.actions import district

    today = today_of(ctx)
    if region_form:
        from nastavnik.report.region import load_form

        load_form(region_form)  # a wrong description stops before any book is read
    missing = [p for p in items if not p.exists()]
    if missing:  # a mistyped folder: nothing is summed, nothing written (exit 2), as for any missing input
        names = ", ".join(f"«{m}»" for m in missing)
        raise NastavnikError(f"Не найдено: {names}. Проверьте имя и папку; свод не составлен.")
    paths = collect_paths(list(items))
    if not paths:
        raise NastavnikError("Не найдено ни одной рабочей книги (.xlsx, .xlsm, .xls, .ods) в указанных папках.")
    rollup, xlsx, _json = district(paths, out, today, period, year, workers=jobs, region_form=region_form)  # the window's «Свод по району»
    read = len(rollup.files) - len(rollup.unreadable)
    click.echo(f"Свод: {xlsx} (прочитано файлов: {read} из {len(rollup.files)}).")
    for f in rollup.files:
        if f["status"] != "в порядке":
            click.echo(f"  {f['file']}: {f['status']} — {f['problem']}", err=True)
    repeats = [f for f in rollup.files if not f.get("counted", True)]
    if repeats:
        click.echo(f"В итогах каждая организация учтена один раз: не учтено повторов — {len(repeats)} "
                   "(см. строки «повтор» выше и лист «Свод»).", err=True)
    ctx.exit(1 if any(f["status"] == UNREADABLE for f in rollup.files) else 0)
