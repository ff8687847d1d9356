"""The offline bundle's files: Windows scripts that cmd.exe reads right, Linux scripts, the installer's shortcuts.

Building a real bundle downloads ~400 MB of wheels, so that is .ci/bundle's job (it also installs the Linux
bundle with pip --no-index and runs ``nastavnik run`` from it); here the bundle is laid out without wheels.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
MANIFEST = {"name": "nastavnik", "version": "0.1.0", "python_versions": ["3.10", "3.11", "3.12", "3.13"],
            "wheel": "nastavnik-0.1.0-py3-none-any.whl", "platform_tags": ["win_amd64"], "wheels": []}


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_bundle():
    return load(SCRIPTS / "make_bundle.py", "make_bundle")


@pytest.fixture
def laid_out(tmp_path, make_bundle):
    def lay(platform: str) -> Path:
        folder = tmp_path / f"nastavnik-0.1.0-{platform}"
        folder.mkdir()
        make_bundle.lay_out(folder, platform, {**MANIFEST, "platform": platform})
        return folder

    return lay


def bat_lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").split("\r\n")


def test_windows_scripts_have_crlf_utf8_code_page_and_the_bundle_versions(laid_out):
    folder = laid_out("windows")
    for name in ("Установить.bat", "Удалить.bat"):
        data = (folder / name).read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 10, name
        text = data.decode("utf-8")
        assert not text.startswith("\ufeff")  # a BOM would be read by cmd.exe as part of «@echo off»
        assert "\r\nchcp 65001 >nul\r\n" in text and 'cd /d "%~dp0"' in text
        assert "@" + "VERSIONS@" not in text and "(3.13 3.12 3.11 3.10)" in text
        assert 'if not exist "%~dp0install.py" goto notunpacked' in text  # started from inside the zip
    notes = (folder / "УСТАНОВКА.txt").read_bytes()
    assert notes.startswith("\ufeff".encode()) and b"\r\n" in notes and b"\n" not in notes.replace(b"\r\n", b"")
    text = notes.decode("utf-8-sig")
    assert "Установить.bat" in text and "Удалить.bat" in text and "3.10–3.13" in text and "@" not in text


BAT_FILES = [SCRIPTS / "nastavnik.bat", SCRIPTS / "bundle" / "Установить.bat", SCRIPTS / "bundle" / "Удалить.bat"]


@pytest.mark.parametrize("path", BAT_FILES, ids=lambda p: p.name)
def test_bat_paths_are_quoted_and_blocks_hold_no_bare_parentheses(path):
    text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        code = line.strip()
        if code.lower().startswith("rem "):
            continue
        # every use of the script's folder or the profile is inside double quotes (spaces, Cyrillic)
        for match in re.finditer(r"%~dp0|%LOCALAPPDATA%", code):
            assert code[: match.start()].count('"') % 2 == 1, f"{path.name}:{number}: {code}"
        if depth and code.lower().startswith("echo"):
            bare = re.sub(r'"[^"]*"', "", code)
            assert ")" not in bare and "(" not in bare, f"{path.name}:{number}: скобка в echo внутри блока"
        depth += code.count("(") - code.count(")") if code.endswith("(") or code == ")" else 0
    assert depth == 0


def test_linux_scripts_are_posix_sh_with_lf_and_executable(laid_out):
    folder = laid_out("linux")
    for name in ("установить.sh", "удалить.sh"):
        path = folder / name
        assert b"\r" not in path.read_bytes() and os.access(path, os.X_OK)
        assert subprocess.run(["sh", "-n", str(path)]).returncode == 0
        assert "python3.13 python3.12 python3.11 python3.10 python3" in path.read_text(encoding="utf-8")
    assert "python3-tk" in (folder / "УСТАНОВКА.txt").read_text(encoding="utf-8")


def test_linux_installer_started_outside_the_unpacked_bundle_says_so(laid_out, tmp_path):
    alone = tmp_path / "только скрипт"
    alone.mkdir()
    (alone / "установить.sh").write_bytes((laid_out("linux") / "установить.sh").read_bytes())
    result = subprocess.run(["sh", str(alone / "установить.sh")], capture_output=True, text=True, encoding="utf-8",
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2 and "Распакуйте архив целиком" in result.stdout


def test_the_zip_keeps_cyrillic_names_and_the_executable_bit(laid_out, make_bundle):
    archive = make_bundle.make_zip(laid_out("linux"))
    assert archive.name == "nastavnik-0.1.0-linux.zip"
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("nastavnik-0.1.0-linux/установить.sh")
        assert info.flag_bits & 0x800  # names stored as UTF-8
        assert (info.external_attr >> 16) & 0o111


def installer(tmp_path: Path, versions: list[str]) -> Path:
    """install.py in a bundle folder of its own, with a manifest naming ``versions``."""
    bundle = tmp_path / "пакет с пробелом"
    (bundle / "wheels").mkdir(parents=True)
    (bundle / "install.py").write_bytes((SCRIPTS / "bundle" / "install.py").read_bytes())
    (bundle / "bundle.json").write_text(json.dumps({**MANIFEST, "python_versions": versions}), encoding="utf-8")
    return bundle / "install.py"


def run_installer(script: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NASTAVNIK_HOME": str(tmp_path / "профиль" / "nastavnik"),
           "XDG_DATA_HOME": str(tmp_path / "share"), "NASTAVNIK_DESKTOP": str(tmp_path / "Рабочий стол"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run([sys.executable, str(script), *args], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def test_installer_refuses_a_python_the_bundle_was_not_built_for(tmp_path):
    result = run_installer(installer(tmp_path, ["3.99"]), tmp_path, "--no-shortcuts")
    assert result.returncode == 2
    assert "собран для версий 3.99" in result.stdout and "Traceback" not in result.stdout
    assert not (tmp_path / "профиль").exists()


def test_installer_without_the_program_wheel_says_to_unpack_the_whole_archive(tmp_path):
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    result = run_installer(installer(tmp_path, [here]), tmp_path, "--no-shortcuts")
    assert result.returncode == 2 and "Распакуйте архив целиком" in result.stdout


@pytest.mark.skipif(os.name == "nt", reason="the .desktop entries are Linux's")
def test_menu_and_desktop_entries_start_the_window_and_the_uninstaller_removes_them(tmp_path, monkeypatch):
    module = load(SCRIPTS / "bundle" / "install.py", "install_bundle")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("NASTAVNIK_DESKTOP", str(tmp_path / "Рабочий стол"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    venv = tmp_path / "мой профиль" / "nastavnik" / "venv"
    (venv / "bin").mkdir(parents=True)
    made = module.linux_shortcuts(venv)
    assert sorted(p.parent.name for p in made) == ["applications", "Рабочий стол"]
    entry = made[0].read_text(encoding="utf-8")
    assert "Name=Наставничество" in entry
    assert f'Exec="{venv}/bin/python" -m nastavnik window' in entry
    module.uninstall(venv)
    assert not any(p.exists() for p in made) and not venv.exists()


def test_desktop_exec_quoting_follows_the_specification():
    module = load(SCRIPTS / "bundle" / "install.py", "install_bundle")
    assert module.desktop_quote("/usr/bin/python") == "/usr/bin/python"
    assert module.desktop_quote('/home/а б/$x"') == '"/home/а б/\\$x\\""'


def without_tk(tmp_path: Path) -> str:
    """A PYTHONPATH on which ``import tkinter`` fails, as on a Python built without Tk (python3-tk not installed)."""
    shadow = tmp_path / "без tk" / "tkinter"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('No module named _tkinter')\n", encoding="utf-8")
    return str(shadow.parent)


@pytest.mark.skipif(os.name == "nt", reason="the distributions' package commands are Linux's")
@pytest.mark.parametrize("release, command", [
    ('ID=astra\nID_LIKE=debian\n', "sudo apt install python3-tk"),
    ('ID=altlinux\n', "su -c 'apt-get install python3-modules-tkinter'"),
    ('ID="redos"\nID_LIKE="rhel fedora"\n', "sudo dnf install python3-tkinter"),
    ('ID=ubuntu\nID_LIKE=debian\n', "sudo apt install python3-tk"),
])
def test_without_tkinter_the_installer_stops_with_the_command_of_the_distribution(tmp_path, monkeypatch, release,
                                                                                     command):
    """A dead icon is worse than no icon: stop before installing, say the one command, exit non-zero."""
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    script = installer(tmp_path, [here])
    (script.parent / "wheels" / MANIFEST["wheel"]).write_bytes(b"")
    (tmp_path / "os-release").write_text(release, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", without_tk(tmp_path))
    monkeypatch.setenv("NASTAVNIK_OS_RELEASE", str(tmp_path / "os-release"))
    result = run_installer(script, tmp_path)
    assert result.returncode == 2, result.stdout
    assert "нет модуля tkinter" in result.stdout and command in result.stdout
    assert "Готово" not in result.stdout and "Traceback" not in result.stdout
    assert not (tmp_path / "профиль" / "nastavnik" / "venv").exists()


def test_the_installer_puts_a_nastavnik_command_on_the_path_and_the_uninstaller_removes_it(tmp_path, monkeypatch):
    module = load(SCRIPTS / "bundle" / "install.py", "install_bundle")
    monkeypatch.setenv("NASTAVNIK_BIN", str(tmp_path / "bin"))
    monkeypatch.setenv("NASTAVNIK_HOME", str(tmp_path / "профиль" / "nastavnik"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("NASTAVNIK_DESKTOP", str(tmp_path / "Рабочий стол"))
    venv = tmp_path / "профиль" / "nastavnik" / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    command = module.make_command(venv)
    done = subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("nastavnik ")
    module.uninstall(venv)
    assert not command.exists()


def test_the_version_has_one_source(make_bundle):
    import nastavnik

    pyproject = (SCRIPTS.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r"^version\s*=\s*\"", pyproject, re.MULTILINE), "the version is declared in nastavnik/__init__.py"
    assert make_bundle.project_version() == nastavnik.__version__
