"""``nastavnik report``: monitoring indicators, the statistical form and the xlsx report for a period."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import load, out_option, today_of, workbook_argument


def period_options(f):
    f = click.option("--year", "year", metavar="ГГГГ/ГГГГ",
                     help="Учебный год: с 1 сентября по 31 августа, например 2025/2026.")(f)
    f = click.option("--period", "period", metavar="ДД.ММ.ГГГГ:ДД.ММ.ГГГГ",
                     help="Отчётный период (по умолчанию — с листа «Организация»).")(f)
    return f


@click.command("report")
@workbook_argument
@period_options
@click.option("--format", "fmt", type=click.Choice(["xlsx", "json"]), default="xlsx", show_default=True,
              help="xlsx — отчёт с диаграммами и статформой; json — все показатели для других программ.")
@click.option("--region-form", "region_form", metavar="ФОРМА",
              help="Форма региона для листа «Для региона»: «федеральная» (по умолчанию), «красноярский-край» или "
                   "путь к своему описанию .toml.")
@out_option()
@click.pass_context
def report(ctx, workbook: Path | None, period: str | None, year: str | None, fmt: str, out: Path,
           region_form: str | None) -> None:
    """Показатели мониторинга, статистическая форма и отчёт для администрации.

    Считает показатели за период (по умолчанию — отчётный период с листа «Организация»)
    и пишет отчёт Excel со сводкой, диаграммами, статформой и листом «Для региона» — строками формы
    регионального мониторинга в её порядке, со ссылками на страницы раздела сайта. С --format json печатает
    все показатели в формате JSON и сохраняет их в папку результатов.
    """
    from nastavnik.base.safeio import write_text
    from nastavnik.report import indicators_dict, report_for_book
    from nastavnik.ui.actions import monitoring, monitoring_stem

    today = today_of(ctx)
    if region_form:
        from nastavnik.report.region import load_form

        load_form(region_form)  # a wrong description stops before the book is read
    book = load(ctx, workbook, out)
    if fmt == "json":
        p, indicators, _statform = report_for_book(book, today, period, year)
        text = json.dumps(indicators_dict(indicators), ensure_ascii=False, indent=2)
        write_text(out / f"{monitoring_stem(p)}.json", text + "\n")
        click.echo(text)
        return
    path, p, indicators = monitoring(book, out, today, period, year, region_form)  # the window's too
    fed = next(i for i in indicators if i.code == "federal_under35_first3")
    click.echo(f"Отчёт мониторинга за период {p.label}: {path}")
    shown = "нет данных" if fed.value is None else f"{fed.value:g} %".replace(".", ",")
    click.echo(f"Доля педагогов до 35 лет в первые три года работы, вовлечённых в наставничество: {shown} "
               f"(цель {fed.spec.target_text}).")
