"""Decide whether a file can be opened as a workbook before any parser touches it.

A curator's file passes through mail, messengers and several programs; the
typical failures (a lock file, a password, a truncated download, an old .xls,
a file that is not a spreadsheet at all) each get a message that says what to
do, and a zip bomb is refused from the archive's directory before anything is
inflated.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from nastavnik.base.problems import UnusableInput

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED = 2 * 1024**3  # 2 GiB of XML is far beyond any real workbook
MAX_RATIO = 200  # real xlsx compress about 5–20 ×


def check_file(path: Path) -> str:
    """Return the container kind («xlsx», «ods», «xls») or raise UnusableInput with the reason."""
    name = path.name
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as exc:  # a path too long, a folder without the right to look into it
        from nastavnik.base.oserrors import os_message

        raise UnusableInput(os_message(exc, path, "открыть книгу")) from exc
    if not exists:
        raise UnusableInput(f"Файл «{path}» не найден. Проверьте имя и папку.")
    if is_dir:
        raise UnusableInput(f"«{path}» — это папка, а нужен файл рабочей книги .xlsx.")
    if name.startswith("~$") or name.startswith(".~lock."):
        raise UnusableInput(
            f"«{name}» — служебный файл блокировки Excel/LibreOffice, а не рабочая книга. "
            f"Укажите сам файл (без «~$» в начале имени).")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except PermissionError as exc:
        raise UnusableInput(f"Нет прав на чтение файла «{name}».") from exc
    except OSError as exc:
        from nastavnik.base.oserrors import os_message

        raise UnusableInput(os_message(exc, name, "прочитать файл")) from exc
    if not head:
        raise UnusableInput(f"Файл «{name}» пуст (0 байт). Возможно, он не был сохранён до конца.")
    if head.startswith(OLE_MAGIC):
        if _ole_encrypted(path):
            raise UnusableInput(
                f"Файл «{name}» защищён паролем. Снимите пароль (Файл → Сведения → Защита книги) и сохраните "
                "копию без пароля.")
        return "xls"
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK"):
        return _check_zip(path)
    raise UnusableInput(
        f"Файл «{name}» — не рабочая книга Excel: его содержимое не похоже на .xlsx, .xls или .ods. "
        "Откройте его в Excel или LibreOffice Calc и сохраните как «Книга Excel (.xlsx)».")


def _ole_encrypted(path: Path) -> bool:
    # An encrypted OOXML file is an OLE container holding «EncryptedPackage» (UTF-16 in the directory).
    data = path.read_bytes()[:1_000_000]
    return "EncryptedPackage".encode("utf-16-le") in data


def _check_zip(path: Path) -> str:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO and total > 50 * 1024**2:
                raise UnusableInput(
                    f"Файл «{name}» отклонён: в распакованном виде он занял бы {total // 1024**2} МБ "
                    f"(в {total // packed} раз больше самого файла). Так устроены «zip-бомбы»; "
                    "настоящая рабочая книга так не сжимается.")
            if "mimetype" in names and any(n == "content.xml" for n in names):
                return "ods"
            if "[Content_Types].xml" not in names:
                if "word/document.xml" in names:
                    raise UnusableInput(f"Файл «{name}» — документ Word, а не рабочая книга Excel.")
                raise UnusableInput(f"Файл «{name}» — zip-архив, но не рабочая книга Excel.")
            if "word/document.xml" in names:
                raise UnusableInput(f"Файл «{name}» — документ Word, а не рабочая книга Excel.")
            if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
                raise UnusableInput(f"Файл «{name}» — не рабочая книга Excel (нет xl/workbook.xml).")
            if "xl/workbook.bin" in names:
                raise UnusableInput(
                    f"Файл «{name}» сохранён в двоичном формате .xlsb. Сохраните его как «Книга Excel (.xlsx)».")
    except zipfile.BadZipFile as exc:
        raise UnusableInput(
            f"Файл «{name}» повреждён или загружен не полностью (архив не читается). "
            "Скачайте или скопируйте его заново, либо откройте в Excel и сохраните ещё раз.") from exc
    return "xlsx"


_SUFFIXES = {"xls": (".xls",), "ods": (".ods",), "xlsx": (".xlsx", ".xlsm")}
_FORMATS = {"xls": "книга Excel 97–2003 (.xls)", "ods": "таблица LibreOffice (.ods)", "xlsx": "книга Excel (.xlsx)"}


def open_calamine(path: Path):
    """Open with python-calamine after the checks; any parser failure becomes UnusableInput.

    The format is told by the content, not by the name: an old .xls renamed to .xlsx is read as what it is.
    """
    from python_calamine import CalamineWorkbook

    kind = check_file(path)
    try:
        if path.suffix.lower() in _SUFFIXES[kind]:
            return CalamineWorkbook.from_path(str(path))
        with path.open("rb") as fh:  # calamine picks its reader by the extension; by content here
            return CalamineWorkbook.from_filelike(fh)
    except Exception as exc:
        hint = " Старый формат .xls: сохраните файл как .xlsx." if kind == "xls" else ""
        inside = _FORMATS[kind]
        raise UnusableInput(
            f"Файл «{path.name}» не удаётся открыть как рабочую книгу: по содержимому это {inside}, но внутри "
            f"он повреждён или записан не до конца.{hint} "
            "Откройте его в Excel или LibreOffice Calc и сохраните как «Книга Excel (.xlsx)».") from exc
