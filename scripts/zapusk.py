"""Запуск nastavnik для куратора: двойной щелчок — и всё готово.

Положите этот файл в одну папку с рабочей книгой (.xlsx) и запустите его
(двойным щелчком или командой ``python zapusk.py``). Программа найдёт книгу
рядом с собой, выполнит ``nastavnik run`` программой, установленной из
установочного пакета («установить.sh» / «Установить.bat»), и сложит результаты
в папку «Результаты» рядом с книгой, каждый запуск — в новую папку с датой.

Why a separate script: a curator does not know the command line; this finds
the workbook itself (skipping Excel's «~$» lock files), explains every outcome
in Russian and keeps the window open so the message can be read.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

RESULTS = "Результаты"
OUTCOMES = {
    0: "Готово. Результаты — в папке «{out}» (самая новая папка с датой; её имя записано "
       "в файле «последний запуск.txt»).",
    1: "В книге есть ошибки: они перечислены выше. Исправьте их в книге (можно по копии с пометками "
       "в папке «{out}») и запустите программу снова.",
    2: "Книгу не удалось прочитать: причина указана выше. Проверьте, что это рабочая книга наставничества "
       "в формате .xlsx и что она не повреждена.",
    3: "Внутренняя ошибка программы. Ваша книга не изменена. Передайте текст из этого окна разработчикам.",
    4: "Компьютер не дал записать результаты: нет места на диске, нет прав на папку «{out}» или слишком "
       "длинный путь. Освободите место или положите книгу в другую папку.",
}
NOT_INSTALLED = ("Программа «Наставничество» не установлена на этом компьютере. Запустите «Установить.bat» "
                 "(Windows) или «установить.sh» (Linux) из установочного пакета — интернет для этого не нужен — "
                 "или попросите системного администратора.")


def installed_python() -> Path:
    """The private environment the offline bundle installs into (scripts/bundle/install.py, home_dir)."""
    if os.environ.get("NASTAVNIK_HOME"):
        home = Path(os.environ["NASTAVNIK_HOME"])
    elif os.name == "nt":
        home = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "nastavnik"
    else:
        home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "nastavnik"
    return home / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def choose_python() -> str | None:
    """The installed program first; else this Python, if nastavnik is importable here (a developer's checkout)."""
    installed = installed_python()
    if installed.is_file():
        return str(installed)
    if importlib.util.find_spec("nastavnik") is not None:
        return sys.executable
    return None


def find_workbook(folder: Path) -> tuple[Path | None, list[Path]]:
    """The newest .xlsx beside the script and all candidates; Excel's «~$» lock files are not workbooks."""
    books = [p for p in folder.iterdir()
             if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith(("~$", ".~lock"))]
    books.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return (books[0] if books else None), books


def command(python: str, book: Path, out: Path) -> list[str]:
    return [python, "-m", "nastavnik", "run", str(book), "--out", str(out)]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(__file__).resolve().parent
    if args and not args[0].startswith("-"):
        folder = Path(args[0]).resolve()
    print(f"Папка: {folder}")
    python = choose_python()
    if python is None:
        print(NOT_INSTALLED)
        return 2
    book, books = find_workbook(folder)
    if book is None:
        print("Рядом с программой нет рабочей книги .xlsx. Положите книгу в эту папку или создайте новую "
              "кнопкой «Новая книга» в окне программы (ярлык «Наставничество»).")
        return 2
    if len(books) > 1:
        others = ", ".join(f"«{p.name}»" for p in books[1:])
        print(f"Книг в папке несколько; беру самую новую по времени изменения: «{book.name}» (остальные: {others}).")
    else:
        print(f"Рабочая книга: «{book.name}»")
    out = folder / RESULTS
    env = {**os.environ, "PYTHONUTF8": "1"}
    try:
        code = subprocess.call(command(python, book, out), env=env)
    except KeyboardInterrupt:
        print("Прервано.")
        return 130
    print()
    print(OUTCOMES.get(code, OUTCOMES[3]).format(out=out))
    if code == 0 and os.name == "nt" and "--no-pause" not in args:
        _open_newest(out)
    return code


def _open_newest(out: Path) -> None:
    """Show the newest result folder in Explorer (Windows only; best effort)."""
    try:
        marker = out / "последний запуск.txt"
        target = Path(marker.read_text(encoding="utf-8").strip()) if marker.is_file() else out
        os.startfile(target)  # type: ignore[attr-defined]  # noqa: S606
    except OSError:
        pass


def pause(args: list[str]) -> None:
    """Keep a double-clicked window open until the message is read."""
    if "--no-pause" in args or not sys.stdin or not sys.stdin.isatty():
        return
    try:
        input("\nНажмите Enter, чтобы закрыть окно…")
    except EOFError:
        pass


if __name__ == "__main__":
    rc = main()
    pause(sys.argv[1:])
    sys.exit(rc)
