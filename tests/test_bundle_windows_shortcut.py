"""Windows where PowerShell cannot make a shortcut (issue 27, point 1): the installer says so in Russian, names the
«Наставничество.cmd» it made instead, and keeps PowerShell's English in the log. No Windows here: install.py is
run as on Windows (its WINDOWS switch on) with PowerShell missing, and the .cmd files are read as cmd.exe reads
them."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from .test_bundle import MANIFEST, SCRIPTS, load


@pytest.fixture
def as_windows(tmp_path, monkeypatch):
    """install.py in a bundle of its own, switched to Windows, with no PowerShell on the computer."""
    bundle = tmp_path / "пакет"
    bundle.mkdir()
    (bundle / "install.py").write_bytes((SCRIPTS / "bundle" / "install.py").read_bytes())
    (bundle / "bundle.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    module = load(bundle / "install.py", "install_windows")
    monkeypatch.setattr(module, "WINDOWS", True)
    monkeypatch.setenv("NASTAVNIK_HOME", str(tmp_path / "AppData" / "Local" / "nastavnik"))
    monkeypatch.delenv("NASTAVNIK_BIN", raising=False)
    real_run = subprocess.run

    def run(cmd, *args, **kwargs):
        if cmd[0] == "powershell":
            raise FileNotFoundError(2, "The system cannot find the file specified", "powershell")
        return real_run(cmd, *args, **kwargs)

    monkeypatch.setattr(module.subprocess, "run", run)
    for step in ("check_python", "check_window", "make_venv", "install"):  # no venv to make on Linux for Windows
        monkeypatch.setattr(module, step, lambda *a: None)
    return module, tmp_path / "AppData" / "Local" / "nastavnik"


def test_without_powershell_the_installer_names_the_cmd_that_opens_the_window(as_windows, capsys):
    module, home = as_windows
    code = module.main([])
    out = capsys.readouterr().out
    launcher = home / "bin" / "Наставничество.cmd"
    assert code == 4 and launcher.is_file()
    assert ("ярлык «Наставничество» сделать не удалось, потому что PowerShell на этом компьютере недоступен или "
            "запрещён") in out
    assert f"Окно программы открывает файл «{launcher}»: откройте его двойным щелчком" in out
    assert "Готово" not in out and "Запускайте её ярлыком" not in out
    english = [line for line in out.splitlines() if re.search(r"[A-Za-z]{3,}", line)
               and not re.search(r"[А-Яа-яЁё]", line)]
    assert not english and "cannot find" not in out
    assert "The system cannot find the file specified" in (home / "установка.log").read_text(encoding="utf-8")


def test_the_cmd_files_name_the_program_from_their_own_folder(as_windows):
    """cmd.exe reads a .cmd in the console's code page: a Cyrillic user name in the path would come out garbled,
    so the files start Python from ``%~dp0`` (their own folder) and hold no Cyrillic at all."""
    module, home = as_windows
    venv = home / "venv"
    launcher = module.windows_launcher(venv).read_bytes()
    command = module.make_command(venv).read_bytes()
    assert launcher == b'@echo off\r\nstart "" "%~dp0..\\venv\\Scripts\\pythonw.exe" -m nastavnik window\r\n'
    assert command == b'@echo off\r\n"%~dp0..\\venv\\Scripts\\python.exe" -m nastavnik %*\r\n'
    assert Path(module.command_file()).name == "nastavnik.cmd"
