"""The exit codes README documents hold for every command under every fault (issue 25 points 2, 4, 5, 6).

0 — всё в порядке, 1 — ошибки в книге, 2 — файл или параметр нельзя использовать, 3 — внутренняя ошибка,
4 — компьютер не позволил (диск, права), 130 — прервано. A full disk and a read-only folder are real
filesystems here (a tiny tmpfs: CI runs as root; skipped where mounting is not permitted), and each command
runs as its own process, so that a traceback printed while Python shuts down is seen as the curator would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.cli import main

ROOT = Path(__file__).resolve().parents[1]
TODAY = "25.11.2026"
# A Python class name in a message to a curator: «(FileCreateError)», «ValueError», «OSError: …».
CLASS_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception)\b|Traceback|Exception ignored")

# Every command that writes, with its output inside the folder under test (OUT) and its inputs outside it.
WRITERS = {
    "init": ["init", "{OUT}/новая.xlsx"],
    "demo": ["demo", "{OUT}/демо.xlsx"],
    "check --annotate": ["check", "{BOOK}", "--annotate", "--out", "{OUT}/r"],
    "match --format xlsx": ["match", "{BOOK}", "--format", "xlsx", "--out", "{OUT}/r"],
    "report": ["report", "{BOOK}", "--out", "{OUT}/r"],
    "docs": ["docs", "{BOOK}", "--out", "{OUT}/r"],
    "forms": ["forms", "{BOOK}", "--kind", "запрос", "--out", "{OUT}/r"],
    "collect": ["collect", "{BOOK}", "{ANSWERS}", "--out", "{OUT}/r"],
    "site": ["site", "{BOOK}", "--out", "{OUT}/r"],
    "run": ["run", "{BOOK}", "--out", "{OUT}/r"],
    "new-year": ["new-year", "{BOOK}", "--out", "{OUT}/новый год.xlsx"],
    "consolidate": ["consolidate", "{BOOKS}", "--out", "{OUT}/r"],
}


def _fill(args: list[str], **where) -> list[str]:
    return [a.format(**where) for a in args]


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "nastavnik", "--today", TODAY, *args], capture_output=True,
                          text=True, env=env, timeout=600, cwd=ROOT)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, demo_path):
    """The demo book (alone in its folder, for consolidate) and the personal forms issued from it."""
    root = tmp_path_factory.mktemp("inputs")
    books = root / "книги"
    books.mkdir()
    book = books / "демо.xlsx"
    shutil.copy(demo_path, book)
    made = CliRunner().invoke(main, ["--today", TODAY, "forms", str(book), "--kind", "запрос", "--out",
                                     str(root / "анкеты")])
    assert made.exit_code == 0, made.output
    answers = next((root / "анкеты").iterdir())
    return {"BOOK": str(book), "BOOKS": str(books), "ANSWERS": str(answers)}


def _mount(folder: Path, options: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


@pytest.fixture(scope="module")
def small_disk(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tmpfs") / "диск"
    if not _mount(folder, "size=200k"):
        pytest.skip("mounting a tmpfs is not permitted here (CI runs as root)")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


@pytest.fixture(scope="module")
def read_only(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tmpfs_ro") / "только чтение"
    if not _mount(folder, "size=64k,ro"):
        pytest.skip("mounting a tmpfs is not permitted here (CI runs as root)")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def _nearly_full(folder: Path, free: int = 4096) -> None:
    for item in folder.iterdir():
        shutil.rmtree(item) if item.is_dir() else item.unlink()
    stat = os.statvfs(folder)
    (folder / "балласт").write_bytes(b"\0" * max(0, stat.f_bavail * stat.f_frsize - free))


def _whole_or_absent(folder: Path) -> None:
    for path in folder.rglob("*"):
        assert not path.name.endswith(".tmp"), f"a temporary file was left: {path}"
        if path.suffix in (".xlsx", ".docx"):
            with zipfile.ZipFile(path) as z:  # a file left under a final name is whole
                assert z.testzip() is None


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_full_disk_is_exit_4_in_russian_naming_the_file(command, small_disk, inputs):
    _nearly_full(small_disk)
    done = _cli(*_fill(WRITERS[command], OUT=small_disk, **inputs))
    said = done.stdout + done.stderr
    assert done.returncode == 4, said
    assert "на диске не хватает места" in done.stderr
    assert str(small_disk) in done.stderr  # the file or folder that could not be written
    assert not CLASS_NAME.search(said), said
    _whole_or_absent(small_disk)


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_read_only_folder_is_exit_4_in_russian(command, read_only, inputs):
    done = _cli(*_fill(WRITERS[command], OUT=read_only, **inputs))
    said = done.stdout + done.stderr
    assert done.returncode == 4, said
    assert "только для чтения" in done.stderr
    assert not CLASS_NAME.search(said), said


READERS = ["check", "match", "report", "docs", "forms", "collect", "site", "run", "new-year", "consolidate"]


@pytest.mark.parametrize("command", READERS)
def test_a_missing_workbook_or_folder_is_exit_2_and_writes_nothing(command, tmp_path, inputs):
    missing = tmp_path / "нет такой.xlsx" if command != "consolidate" else tmp_path / "нет такой папки"
    args = {"collect": ["collect", str(missing), inputs["ANSWERS"]], "forms": ["forms", str(missing), "--kind",
                                                                               "запрос"]}.get(command,
                                                                                             [command, str(missing)])
    out = tmp_path / "результаты"
    args += ["--out", str(out if command != "new-year" else out / "н.xlsx")]
    result = CliRunner().invoke(main, ["--today", TODAY, *args])
    assert result.exit_code == 2, result.output
    assert "не найден" in result.stderr.lower() and "нет такой" in result.stderr
    assert not CLASS_NAME.search(result.output + result.stderr)
    assert not [p for p in out.rglob("*") if p.is_file()]  # nothing written: no empty summary


def test_a_hostile_template_is_exit_2(inputs, tmp_path):
    from .test_template_sandbox import hostile

    marker = tmp_path / "взломано"
    folder = hostile(tmp_path / "шаблоны", "curator", "{{ self.__init__.__globals__.__builtins__.__import__('os')"
                                                        f".popen('touch {marker}').read() }}}}")
    result = CliRunner().invoke(main, ["--today", TODAY, "docs", inputs["BOOK"], "--templates", str(folder),
                                       "--out", str(tmp_path / "р")])
    assert result.exit_code == 2, result.output
    assert not marker.exists()
    assert not CLASS_NAME.search(result.output + result.stderr)


def test_hostile_answer_files_are_refused_by_name_and_the_command_ends_normally(inputs, tmp_path):
    answers = tmp_path / "ответы"
    shutil.copytree(inputs["ANSWERS"], answers)
    (answers / "мусор.xlsx").write_bytes(b"PK\x03\x04" + os.urandom(3000))
    (answers / "пустой.xlsx").write_bytes(b"")
    with zipfile.ZipFile(answers / "документ.xlsx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    (answers / "обрыв.csv").write_bytes("Код;ФИО\n".encode("utf-8") + b"\xff\xfe\x00" * 10)
    result = CliRunner().invoke(main, ["--today", TODAY, "collect", inputs["BOOK"], str(answers), "--out",
                                       str(tmp_path / "р")])
    assert result.exit_code == 0, result.output
    for name in ("мусор.xlsx", "пустой.xlsx", "документ.xlsx"):
        assert name in result.output + result.stderr
    assert not CLASS_NAME.search(result.output + result.stderr), result.output


def test_an_internal_error_names_no_python_class_without_debug(monkeypatch, demo_path):
    import nastavnik.checks as checks

    def broken(*_args, **_kwargs):
        raise ValueError("invalid literal for int() with base 10: '2026/2027'")

    monkeypatch.setattr(checks, "check_book", broken)
    result = CliRunner().invoke(main, ["check", str(demo_path)])
    assert result.exit_code == 3
    assert "Внутренняя ошибка программы" in result.stderr and "--debug" in result.stderr
    assert "ValueError" not in result.stderr and "2026/2027" not in result.stderr
    debug = CliRunner().invoke(main, ["--debug", "check", str(demo_path)])
    assert isinstance(debug.exception, ValueError)  # the class and traceback stay for the developer
