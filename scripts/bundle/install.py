"""Install nastavnik from this offline bundle into a private virtual environment.

Run by «Установить.bat» / «установить.sh» with a Python 3.10+ they found; uses
only the standard library, because nothing else is installed yet. Why a
private environment: the school's other Python programs are not touched, and
removing the program is deleting one folder. Why ``--no-index``: nothing is
fetched from the network — a school computer is often offline or filtered, and
a name on a public index could belong to a stranger. A second run upgrades the
program in place; ``--remove`` uninstalls it.

Exit codes: 0 — installed, 2 — this bundle cannot be used with this Python,
3 — internal error, 4 — the computer refused (disk, rights, path).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

APP = "nastavnik"
TITLE = "Наставничество"
WINDOWS = os.name == "nt"


class Refused(Exception):
    """The computer refused: no room, no rights, a path it cannot use (exit 4)."""


class Unusable(Exception):
    """This bundle cannot be used here: wrong Python, missing wheels (exit 2)."""


def home_dir() -> Path:
    """Where the private environment lives: the user's profile, no administrator rights needed."""
    if os.environ.get("NASTAVNIK_HOME"):
        return Path(os.environ["NASTAVNIK_HOME"])
    if WINDOWS:
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP


def venv_python(venv: Path, windowed: bool = False) -> Path:
    if WINDOWS:
        return venv / "Scripts" / ("pythonw.exe" if windowed else "python.exe")
    return venv / "bin" / "python"


def read_manifest(bundle: Path) -> dict:
    try:
        return json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise Unusable(f"В папке «{bundle}» нет описания установочного пакета (bundle.json): {exc}. "
                       "Распакуйте архив целиком и запустите установку из распакованной папки.") from exc


def check_python(manifest: dict) -> None:
    """This Python can use the bundle's wheels: a version it was built for, 64-bit x86."""
    import platform

    if sys.maxsize <= 2**32 or platform.machine().lower() not in ("amd64", "x86_64"):
        raise Unusable(f"Этот Python — {platform.machine() or 'неизвестная архитектура'}, "
                       f"{'32' if sys.maxsize <= 2**32 else '64'}-битный, а пакет собран для 64-битных процессоров "
                       "x86 (amd64). Установите 64-битный Python и запустите установку снова.")
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    if here not in manifest["python_versions"]:
        raise Unusable(f"Этот Python — версии {here}, а установочный пакет собран для версий "
                       f"{', '.join(manifest['python_versions'])}. Установите одну из них (с сайта python.org "
                       "или из репозитория вашей системы) и запустите установку снова.")


def os_release() -> dict:
    """/etc/os-release as a dict (empty where there is none, e.g. on Windows)."""
    out = {}
    try:
        text = Path(os.environ.get("NASTAVNIK_OS_RELEASE") or "/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return out
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key and value:
            out[key.strip()] = value.strip().strip('"')
    return out


def tk_package_command() -> str:
    """The exact command that installs tkinter on this distribution (Astra, ALT, РЕД ОС, Debian, Ubuntu)."""
    info = os_release()
    ids = {info.get("ID", "").lower(), *info.get("ID_LIKE", "").lower().split()}
    if ids & {"altlinux", "alt"}:
        return "su -c 'apt-get install python3-modules-tkinter'"
    if ids & {"redos", "rhel", "fedora", "centos"}:
        return "sudo dnf install python3-tkinter"
    return "sudo apt install python3-tk"


def check_window(argv: list[str]) -> None:
    """Without tkinter the shortcut would open nothing at all: stop before installing, with the exact command."""
    if "--no-window" in argv or "--no-shortcuts" in argv:
        return
    try:
        import tkinter  # noqa: F401
    except ImportError as exc:
        if WINDOWS:
            raise Unusable("В этом Python нет модуля tkinter, без него окно программы не откроется. Переустановите "
                           "Python с сайта python.org, оставив отмеченным пункт «tcl/tk and IDLE», и запустите "
                           "установку снова.") from exc
        raise Unusable("В этом Python нет модуля tkinter, без него окно программы (ярлык «Наставничество») не "
                       "откроется. Попросите системного администратора выполнить одну команду:\n\n"
                       f"    {tk_package_command()}\n\n"
                       "и запустите установку снова. (Только командная строка, без окна: "
                       "sh установить.sh --no-window.)") from exc


def pip_env() -> dict:
    """pip ignores every configuration file and PIP_* variable: only this bundle's wheels are used."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONUTF8="1")
    return env


def log_file() -> Path:
    """pip's and venv's own (English) output goes here, not on the screen; a failure names this file."""
    return home_dir() / "установка.log"


def run(cmd: list, what: str) -> None:
    print(f"  {what}…", flush=True)
    log = log_file()
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8", errors="replace") as out:
            out.write(f"\n$ {' '.join(map(str, cmd))}\n")
            out.flush()
            code = subprocess.call([str(c) for c in cmd], env=pip_env(), stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise Refused(f"Не удалось запустить {cmd[0]}: {exc.strerror}") from exc
    if code != 0:
        raise Refused(f"Шаг «{what}» не удался (код {code}). Подробности — в файле «{log}». Частые причины: открыто "
                      "окно программы «Наставничество» (закройте его), нет места на диске, антивирус не даёт "
                      "создавать файлы в профиле пользователя.")


def make_venv(venv: Path) -> None:
    """Create the environment, or recreate it when it was made by another Python version."""
    py = venv_python(venv)
    if py.exists():
        try:
            out = subprocess.run([str(py), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                 capture_output=True, text=True, timeout=60).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out == f"{sys.version_info.major}.{sys.version_info.minor}":
            print(f"  Программа уже установлена в «{venv}» — обновляю её на месте.")
            return
        print(f"  Прежняя установка сделана другим Python ({out or 'неизвестно'}) — создаю заново.")
        remove_tree(venv)
    try:
        import ensurepip  # noqa: F401
        import venv as venv_module  # noqa: F401 - Debian-like systems ship it separately
    except ImportError as exc:
        raise Unusable("В этом Python нет модуля venv. На Astra Linux, Debian и Ubuntu установите пакет "
                       f"python3-venv (или python{sys.version_info.major}.{sys.version_info.minor}-venv), "
                       "на ALT — python3-modules-venv (попросите системного администратора).") from exc
    venv.parent.mkdir(parents=True, exist_ok=True)
    run([sys.executable, "-m", "venv", venv], "Создаю отдельное окружение Python для программы")


def install(bundle: Path, manifest: dict, venv: Path) -> None:
    wheels = bundle / "wheels"
    project = wheels / manifest["wheel"]
    if not project.is_file():
        raise Unusable(f"В пакете нет файла программы «{project.name}». Распакуйте архив целиком.")
    pip = [venv_python(venv), "-m", "pip", "install", "--isolated", "--no-index", "--find-links", wheels,
           "--only-binary=:all:", "--no-warn-script-location", "--disable-pip-version-check"]
    run([*pip, "--upgrade", "--upgrade-strategy", "eager", project], "Устанавливаю программу и её библиотеки")
    run([*pip, "--force-reinstall", "--no-deps", project], "Обновляю саму программу")
    run([venv_python(venv), "-m", APP, "--version"], "Проверяю, что программа запускается")


def desktop_dir() -> Path | None:
    """The user's desktop folder (it is «Рабочий стол» on a Russian Linux desktop)."""
    if os.environ.get("NASTAVNIK_DESKTOP"):
        return Path(os.environ["NASTAVNIK_DESKTOP"])
    try:
        out = subprocess.run(["xdg-user-dir", "DESKTOP"], capture_output=True, text=True, timeout=10).stdout.strip()
        if out and Path(out) != Path.home() and Path(out).is_dir():
            return Path(out)
    except (OSError, subprocess.SubprocessError):
        pass
    for name in ("Desktop", "Рабочий стол"):
        if (Path.home() / name).is_dir():
            return Path.home() / name
    return None


def menu_dir() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "applications"


def desktop_quote(arg: str) -> str:
    """Quote one Exec argument by the Desktop Entry specification."""
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'


def desktop_entry(venv: Path) -> str:
    exec_line = " ".join(desktop_quote(a) for a in (str(venv_python(venv)), "-m", APP, "window"))
    return ("[Desktop Entry]\nType=Application\nVersion=1.0\n"
            f"Name={TITLE}\nName[ru]={TITLE}\n"
            "Comment=Наставничество педагогов: проверка книги, пары, документы, отчёт, сайт\n"
            f"Exec={exec_line.replace('%', '%%')}\nIcon=x-office-spreadsheet\nTerminal=false\n"
            "Categories=Office;Education;\nStartupNotify=true\n")


def linux_shortcuts(venv: Path) -> list[Path]:
    text = desktop_entry(venv)
    made = []
    targets = [menu_dir() / f"{APP}.desktop"]
    desk = desktop_dir()
    if desk:
        targets.append(desk / f"{APP}.desktop")
    for path in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
        made.append(path)
        if path.parent != menu_dir() and shutil.which("gio"):  # GNOME asks before an untrusted launcher
            subprocess.run(["gio", "set", str(path), "metadata::trusted", "true"], capture_output=True, check=False)
    return made


POWERSHELL = r"""
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [Text.Encoding]::UTF8
$shell = New-Object -ComObject WScript.Shell
foreach ($dir in @([Environment]::GetFolderPath('Desktop'), [Environment]::GetFolderPath('Programs'))) {
  $link = $shell.CreateShortcut((Join-Path $dir ($env:NASTAVNIK_TITLE + '.lnk')))
  $link.TargetPath = $env:NASTAVNIK_TARGET
  $link.Arguments = '-m nastavnik window'
  $link.WorkingDirectory = [Environment]::GetFolderPath('MyDocuments')
  $link.Description = $env:NASTAVNIK_TITLE
  $link.Save()
  Write-Output (Join-Path $dir ($env:NASTAVNIK_TITLE + '.lnk'))
}
"""


def windows_shortcuts(venv: Path, remove: bool = False) -> list[Path]:
    """Desktop and Start-menu shortcuts via PowerShell; paths travel in variables, never in quoted text."""
    script = POWERSHELL
    if remove:
        script = ("[Console]::OutputEncoding = [Text.Encoding]::UTF8; foreach ($dir in @([Environment]::GetFolderPath('Desktop'), [Environment]::GetFolderPath('Programs')))"
                  " { $p = Join-Path $dir ($env:NASTAVNIK_TITLE + '.lnk'); if (Test-Path -LiteralPath $p) "
                  "{ Remove-Item -LiteralPath $p; Write-Output $p } }")
    env = {**os.environ, "NASTAVNIK_TITLE": TITLE, "NASTAVNIK_TARGET": str(venv_python(venv, windowed=True))}
    try:
        done = subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                               "-Command", script], env=env, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", check=False)
    except OSError as exc:  # no PowerShell at all (removed, or blocked by the school's policy)
        to_log(f"powershell: {exc}")
        return []
    if done.returncode != 0:  # PowerShell's own words are English: they go to the log, not on the screen
        to_log(f"powershell ({done.returncode}): {done.stderr.strip()}")
    return [Path(line) for line in done.stdout.splitlines() if line.strip()]


def to_log(text: str) -> None:
    """A line for the developers (often English) into the installation log; the screen stays Russian."""
    with contextlib.suppress(OSError):
        log_file().parent.mkdir(parents=True, exist_ok=True)
        with open(log_file(), "a", encoding="utf-8", errors="replace") as out:
            out.write(text.rstrip() + "\n")


def relative_to_script(target: Path, folder: Path) -> str:
    """``target`` as a .cmd in ``folder`` names it: from ``%~dp0`` when it is beside, so that no Cyrillic user
    name is written into the file (cmd.exe reads a .cmd in the console's code page, not in UTF-8)."""
    try:
        return "%~dp0" + os.path.relpath(target, folder).replace("/", "\\")
    except ValueError:  # another drive
        return str(target)


def windows_launcher(venv: Path) -> Path:
    """Where PowerShell cannot make a shortcut: «Наставничество.cmd» beside the `nastavnik` command opens the
    window (a double click on it is what the shortcut would have done)."""
    folder = command_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{TITLE}.cmd"
    target = relative_to_script(venv_python(venv, windowed=True), folder)
    path.write_bytes(f'@echo off\r\nstart "" "{target}" -m {APP} window\r\n'.encode())
    return path


def make_shortcuts(venv: Path) -> list[Path]:
    """The shortcuts «Наставничество» (desktop and menu); where none can be made, a Russian sentence naming
    what opens the window instead — never «Готово» with no way to open it."""
    made = windows_shortcuts(venv) if WINDOWS else linux_shortcuts(venv)
    if made:
        return made
    if WINDOWS:
        launcher = windows_launcher(venv)
        raise Refused(f"ярлык «{TITLE}» сделать не удалось, потому что PowerShell на этом компьютере недоступен "
                      f"или запрещён (подробности — в файле «{log_file()}»). Программа установлена. Окно программы открывает "
                      f"файл «{launcher}»: откройте его двойным щелчком; его можно скопировать на рабочий стол.")
    raise Refused(f"ярлык «{TITLE}» сделать не удалось (сообщение выше). Программа установлена: окно открывает "
                  "команда «nastavnik window» в новом окне командной строки.")


def command_dir() -> Path:
    """Where the `nastavnik` command goes: ~/.local/bin (on PATH in a new login shell of Debian, Astra, ALT,
    РЕД ОС, Ubuntu once it exists); on Windows the program's own bin folder, added to the user's PATH."""
    if os.environ.get("NASTAVNIK_BIN"):
        return Path(os.environ["NASTAVNIK_BIN"])
    if WINDOWS:
        return home_dir() / "bin"
    return Path.home() / ".local" / "bin"


def command_file() -> Path:
    return command_dir() / ("nastavnik.cmd" if WINDOWS else APP)


def make_command(venv: Path) -> Path:
    """`nastavnik …` typed anywhere runs the installed program (README, «Инструкция» and the launchers say so)."""
    path = command_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    if WINDOWS:
        target = relative_to_script(venv_python(venv), path.parent)
        path.write_bytes(f'@echo off\r\n"{target}" -m {APP} %*\r\n'.encode())
    else:
        quoted = "'" + str(venv_python(venv)).replace("'", "'\\''") + "'"
        path.write_text(f"#!/bin/sh\nexec {quoted} -m {APP} \"$@\"\n", encoding="utf-8")
        path.chmod(0o755)
    return path


def add_to_user_path(folder: Path) -> bool:
    """Windows: the folder joins the user's own PATH (no administrator rights), once; False where PowerShell
    cannot do it."""
    script = ("$p = [Environment]::GetEnvironmentVariable('Path', 'User'); if (-not $p) { $p = '' }; "
              "if (($p -split ';') -notcontains $env:NASTAVNIK_BIN_DIR) { "
              "[Environment]::SetEnvironmentVariable('Path', ($p.TrimEnd(';') + ';' + $env:NASTAVNIK_BIN_DIR)"
              ".TrimStart(';'), 'User') }")
    try:
        done = subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                               "-Command", script], env={**os.environ, "NASTAVNIK_BIN_DIR": str(folder)},
                              capture_output=True, check=False)
    except OSError as exc:
        to_log(f"powershell: {exc}")
        return False
    return done.returncode == 0


def on_path(folder: Path) -> bool:
    return any(Path(p) == folder for p in os.environ.get("PATH", "").split(os.pathsep) if p)


def settings_file() -> Path:
    base = os.environ.get("APPDATA") if WINDOWS else os.environ.get("XDG_CONFIG_HOME")
    return Path(base or Path.home() / ".config") / APP / "window.json"


def remove_tree(path: Path) -> None:
    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise Refused(f"Не удалось удалить «{path}»: {exc.strerror}. Закройте окно программы и попробуйте снова.") \
            from exc


def uninstall(venv: Path) -> None:
    print("Удаляю программу «Наставничество».")
    if WINDOWS:
        removed = windows_shortcuts(venv, remove=True)
    else:
        removed = []
        desk = desktop_dir()
        for path in [menu_dir() / f"{APP}.desktop", *([desk / f"{APP}.desktop"] if desk else [])]:
            if path.is_file():
                path.unlink()
                removed.append(path)
    for path in removed:
        print(f"  Удалён ярлык: {path}")
    command_file().unlink(missing_ok=True)
    remove_tree(venv)
    log_file().unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        venv.parent.rmdir()  # only if nothing else was put there
    settings_file().unlink(missing_ok=True)
    print(f"  Удалена папка программы: {venv}")
    print("Готово. Ваши рабочие книги и папки с результатами не тронуты.")


def lower_first(text: str) -> str:
    """«…: не удалось …» — a sentence continued after a colon starts with a small letter."""
    return text[:1].lower() + text[1:]


def main(argv: list[str]) -> int:
    bundle = Path(__file__).resolve().parent
    venv = home_dir() / "venv"
    try:
        if "--remove" in argv:
            uninstall(venv)
            return 0
        manifest = read_manifest(bundle)
        print(f"Установка программы «{TITLE}» {manifest['version']} из папки «{bundle}».")
        print(f"  Интерпретатор Python {sys.version.split()[0]}: {sys.executable}")
        check_python(manifest)
        check_window(argv)
        make_venv(venv)
        install(bundle, manifest, venv)
        command = make_command(venv)
        reachable = add_to_user_path(command.parent) if WINDOWS else on_path(command.parent)
        print(f"  Команда для командной строки: {command.stem if WINDOWS else command.name} (файл «{command}»)")
        window = "--no-window" not in argv
        if "--no-shortcuts" not in argv and window:
            made = make_shortcuts(venv)
            for path in made:
                print(f"  Ярлык: {path}")
        print()
        print(f"Готово. Программа «{TITLE}» {manifest['version']} установлена в «{venv}».")
        if window and "--no-shortcuts" not in argv:
            print(f"Запускайте её ярлыком «{TITLE}» на рабочем столе или в меню.")
        if reachable:
            where = "в новом окне командной строки"
        elif WINDOWS:
            where = f"в окне командной строки, открытом в папке «{command.parent}» (её не удалось добавить в PATH)"
        else:
            where = f"после нового входа в систему (или сразу: {command})"
        print(f"В командной строке: nastavnik run КНИГА.xlsx — {where}.")
        return 0
    except Unusable as exc:
        print(f"\nУстановка невозможна. {exc}")
        return 2
    except Refused as exc:
        print(f"\nКомпьютер не дал выполнить установку до конца: {lower_first(str(exc))}")
        return 4
    except OSError as exc:
        print(f"\nКомпьютер не дал выполнить установку: {exc.strerror or exc} ({exc.filename or ''}). "
              "Проверьте свободное место на диске и права на папку профиля.")
        return 4
    except Exception:  # noqa: BLE001 - the installer's one catch-all, shown to a person
        print("\nВнутренняя ошибка установщика. Передайте этот текст разработчикам:")
        traceback.print_exc(file=sys.stdout)
        return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
