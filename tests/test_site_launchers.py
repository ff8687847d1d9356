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

from nastavnik.workbook.samples.demo import demo_data
from nastavnik.workbook.template import write_workbook

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def load_launcher():
    spec = importlib.util.spec_from_file_location("zapusk", SCRIPTS / "zapusk.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def launch(folder: Path) -> subprocess.CompletedProcess:
    shutil.copy(SCRIPTS / "zapusk.py", folder / "zapusk.py")
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "NASTAVNIK_HOME": str(folder / "не установлено")}
    return subprocess.run([sys.executable, str(folder / "zapusk.py"), "--no-pause"], check=False, cwd=folder.parent,
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8", timeout=600)


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


def test_launcher_prefers_the_program_the_bundle_installed(tmp_path, monkeypatch):
    launcher = load_launcher()
    python = tmp_path / "home" / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    python.parent.mkdir(parents=True)
    python.write_text("")
    monkeypatch.setenv("NASTAVNIK_HOME", str(tmp_path / "home"))
    assert launcher.choose_python() == str(python)


def test_launcher_without_the_program_points_to_the_installer_not_to_a_public_index(tmp_path, monkeypatch, capsys):
    launcher = load_launcher()
    monkeypatch.setenv("NASTAVNIK_HOME", str(tmp_path / "нет"))
    monkeypatch.setattr(launcher.importlib.util, "find_spec", lambda name: None)
    assert launcher.main([str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "Установить.bat" in out and "установить.sh" in out and "pip install" not in out


def test_launchers_never_advise_installing_from_a_public_index():
    for name in ("nastavnik.bat", "zapusk.py"):
        assert "pip install nastavnik" not in (SCRIPTS / name).read_text(encoding="utf-8")


def test_windows_launcher_uses_the_installed_program_and_explains_every_exit_code():
    text = (SCRIPTS / "nastavnik.bat").read_bytes().decode("utf-8")
    assert r'set "INST=%LOCALAPPDATA%\nastavnik\venv\Scripts\python.exe"' in text
    assert r'"%INST%" -m nastavnik run' in text
    for code in "1", "2", "4":
        assert f'if "%RC%"=="{code}"' in text
    assert "Компьютер не дал записать результаты" in text and "Внутренняя ошибка" in text
