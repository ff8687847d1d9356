"""``nastavnik window``: the curator's window (what the desktop shortcut opens)."""

from __future__ import annotations

from pathlib import Path

import click

from nastavnik.base.problems import NastavnikError


class NoScreen(NastavnikError):
    """No display to open a window on: the computer refused (exit 4), not a workbook error."""

    exit_code = 4


@click.command("window")
@click.argument("workbook", required=False, type=click.Path(dir_okay=False, path_type=Path), metavar="[КНИГА]")
def window(workbook: Path | None) -> None:
    """Открыть окно программы для куратора.

    В окне — выбор книги и кнопки «Проверить книгу», «Подобрать пары», «Сделать документы»,
    «Отчёт мониторинга», «Раздел сайта», «Всё сразу», «Анкеты», «Собрать анкеты», «Штатный список»,
    «Новая книга» (для школы, детского сада, колледжа, центра или другой организации) и «Свод по району». Окно
    запоминает последнюю книгу; результаты ложатся в папку «Результаты» рядом с книгой. Его открывает ярлык
    «Наставничество», который делает установочный пакет.
    """
    try:
        import tkinter
    except ImportError as exc:
        raise NoScreen("Для окна нужен модуль tkinter. На Linux установите пакет python3-tk (на ALT — "
                             "python3-modules-tkinter); командная строка работает и без него.") from exc
    from ..window import main

    try:
        main(workbook)
    except tkinter.TclError as exc:
        raise NoScreen("Окно не открылось: компьютер не дал графического экрана (нет графического сеанса или "
                       "переменной DISPLAY). Запустите программу из графического сеанса или пользуйтесь командами, "
                       "например «nastavnik run».") from exc
