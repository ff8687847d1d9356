"""The computer's refusals in Russian: an ``OSError`` told by its errno, never by its English strerror.

The operating system words its errors in the language of its locale, which on a school's
computer with an English system is English («File name too long»); the curator needs to know
what happened and what to do, so the text is chosen by the error number.
"""

from __future__ import annotations

import errno
import os

# errno → (what happened, what to do); the path is added by the caller.
_TEXT: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("на диске не хватает места", "Освободите место на диске или выберите другую папку."),
    errno.EDQUOT: ("исчерпана квота на диске", "Освободите место или выберите другую папку."),
    errno.EACCES: ("нет прав доступа", "Выберите папку, в которую вам разрешено записывать, или попросите "
                                       "системного администратора дать права."),
    errno.EPERM: ("операция запрещена системой", "Выберите другую папку или попросите системного администратора "
                                                 "дать права."),
    errno.EROFS: ("диск или папка доступны только для чтения", "Выберите другую папку или снимите защиту от записи."),
    errno.ENAMETOOLONG: ("слишком длинное имя файла или путь", "Перенесите книгу в папку с более коротким путём "
                                                               "или сократите имена папок."),
    errno.ENOTDIR: ("часть пути — файл, а не папка", "Проверьте путь: каждая его часть, кроме последней, "
                                                    "должна быть папкой."),
    errno.EISDIR: ("это папка, а не файл", "Укажите файл, а не папку."),
    errno.ENOENT: ("файл или папка не найдены", "Проверьте путь."),
    errno.EEXIST: ("файл уже существует", "Выберите другое имя."),
    errno.EBUSY: ("файл занят другой программой", "Закройте программу, которая держит файл, и повторите."),
    errno.ETXTBSY: ("файл занят другой программой", "Закройте программу, которая держит файл, и повторите."),
    errno.EMFILE: ("открыто слишком много файлов", "Закройте лишние программы и повторите."),
    errno.EIO: ("ошибка чтения или записи на диске", "Проверьте диск или флешку и повторите."),
    errno.ELOOP: ("в пути слишком много символических ссылок", "Проверьте путь."),
    errno.EXDEV: ("нельзя перенести файл на другой диск", "Выберите папку на том же диске."),
}


def describe(exc: OSError) -> tuple[str, str]:
    """(what happened, what to do) in Russian for any OSError."""
    if exc.errno in _TEXT:
        return _TEXT[exc.errno]
    if isinstance(exc, PermissionError):
        return _TEXT[errno.EACCES]
    name = errno.errorcode.get(exc.errno or 0, "")
    return (f"система отказала в операции (код {name or exc.errno})", "Повторите; если не поможет — "
            "обратитесь к системному администратору.")


def os_message(exc: OSError, path: str | os.PathLike | None = None, action: str = "") -> str:
    """«Не удалось записать файл «…»: нет прав доступа. Выберите папку…» — for the CLI to print."""
    what, advice = describe(exc)
    target = f" «{path}»" if path is not None else (f" «{exc.filename}»" if exc.filename else "")
    head = f"Не удалось {action}{target}" if action else f"Ошибка при работе с файлом{target}"
    return f"{head}: {what}. {advice}"


def as_os_error(exc: BaseException | None) -> OSError | None:
    """The operating system's refusal behind a writer's own exception, or None.

    Writers do not all raise ``OSError``: xlsxwriter wraps a full disk or a read-only folder in its
    ``FileCreateError(OSError)`` (not an OSError itself); other libraries re-raise with ``from``.
    Only the exception's first argument and its explicit cause are followed — never the exception
    that happened to be handled at the time, which may be unrelated.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError):
            return exc
        first = exc.args[0] if getattr(exc, "args", None) else None
        if isinstance(first, OSError):
            return first
        exc = exc.__cause__
    return None
