"""The curator's launchers find the workbook beside them and say in Russian how it went."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from nastavnik.demo import demo_data
from nastavnik.template import write_workbook

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def load_launcher():
    spec = importlib.util.spec_from_file_location("zapusk", SCRIPTS / "zapusk.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def launch(folder: Path) -> subprocess.CompletedProcess:
    shutil.copy(SCRIPTS / "zapusk.py", folder / "zapusk.py")
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, str(folder / "zapusk.py"), "--no-pause"], cwd=folder.parent, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8", timeout=600)


def test_newest_workbook_is_chosen_and_lock_files_are_skipped(tmp_path):
    old, new = tmp_path / "книга 2024.xlsx", tmp_path / "книга.xlsx"
    old.write_bytes(b"x")
    new.write_bytes(b"x")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    (tmp_path / "~$книга.xlsx").write_bytes(b"lock")
    (tmp_path / "заметки.docx").write_bytes(b"x")
    book, books = load_launcher().find_workbook(tmp_path)
    assert book == new and books == [new, old]


def test_launcher_runs_everything_on_the_workbook_beside_it(tmp_path):
    # The launcher cannot pass --today, so the demo is made consistent as of the real date.
    org, tables = demo_data(dt.date.today())
    write_workbook(tmp_path / "наставничество.xlsx", org, tables)
    (tmp_path / "~$наставничество.xlsx").write_bytes(b"lock")
    result = launch(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Рабочая книга: «наставничество.xlsx»" in result.stdout
    assert "Готово. Результаты — в папке" in result.stdout
    assert (tmp_path / "Результаты" / "последний запуск.txt").is_file()


def test_launcher_without_a_workbook_explains_what_to_do(tmp_path):
    result = launch(tmp_path)
    assert result.returncode == 2
    assert "нет рабочей книги .xlsx" in result.stdout
    assert not (tmp_path / "Результаты").exists()


def test_windows_launcher_has_crlf_lines_and_skips_lock_files():
    data = (SCRIPTS / "nastavnik.bat").read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") > 10
    text = data.decode("utf-8")
    assert "chcp 65001" in text and 'findstr /v /b /l /c:"~$"' in text
    assert "-m nastavnik run" in text and "pause" in text
