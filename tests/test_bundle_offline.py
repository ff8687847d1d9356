"""The Linux bundle's own «установить.sh», run as the administrator runs it, with no network and no tkinter
(issue 27, point 1): a fresh user's empty home, a network namespace with nothing in it (``unshare -n``, as root),
a Python on which ``import tkinter`` fails as it does before ``apt install python3-tk``. The installer must stop
before installing anything, with a non-zero exit and the one package command of the distribution, in Russian.

The path with tkinter and the ~400 MB of wheels (installed offline, no English on screen, ``nastavnik run`` from a
new login shell) is .ci/bundle's: building the wheels needs the network that this test has cut.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_bundle import MANIFEST, without_tk

pytestmark = pytest.mark.skipif(os.name == "nt", reason="установить.sh and the distributions are Linux's")


def can_cut_network() -> bool:
    """``unshare -n`` needs root (or user namespaces): where it cannot run, the test says so and is skipped."""
    if not shutil.which("unshare"):
        return False
    try:
        return subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=30,
                              check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The Linux bundle laid out by make_bundle (its «установить.sh» with the Python names filled), wheel included."""
    from .test_bundle import load

    make_bundle = load(Path(__file__).resolve().parent.parent / "scripts" / "make_bundle.py", "make_bundle")
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    folder = tmp_path_factory.mktemp("пакет") / "nastavnik-0.1.0-linux"
    (folder / "wheels").mkdir(parents=True)
    (folder / "wheels" / MANIFEST["wheel"]).write_bytes(b"")
    make_bundle.lay_out(folder, "linux", {**MANIFEST, "platform": "linux", "python_versions": [here]})
    return folder


@pytest.mark.skipif(not can_cut_network(), reason="unshare -n здесь не работает (нужны права root или "
                                                   "пространства имён пользователя): сеть не отключить")
@pytest.mark.parametrize("release, command", [
    ('NAME="Astra Linux"\nID=astra\nID_LIKE=debian\n', "sudo apt install python3-tk"),
    ('NAME="ALT Workstation"\nID=altlinux\n', "su -c 'apt-get install python3-modules-tkinter'"),
    ('NAME="RED OS"\nID="redos"\nID_LIKE="rhel fedora"\n', "sudo dnf install python3-tkinter"),
    ('NAME="Debian GNU/Linux"\nID=debian\n', "sudo apt install python3-tk"),
    ('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n', "sudo apt install python3-tk"),
], ids=["astra", "alt", "redos", "debian", "ubuntu"])
def test_the_sh_installer_offline_without_tkinter_stops_with_the_distributions_command(bundle, tmp_path, release,
                                                                                        command):
    home = tmp_path / "home" / "новый"
    home.mkdir(parents=True)
    tools = tmp_path / "bin"  # PATH holds this Python as «python3» and what «установить.sh» itself calls
    tools.mkdir()
    (tools / "python3").symlink_to(sys.executable)
    for tool in ("dirname",):
        (tools / tool).symlink_to(shutil.which(tool))
    (tmp_path / "os-release").write_text(release, encoding="utf-8")
    env = {"HOME": str(home), "PATH": str(tools), "LANG": "C.UTF-8", "PYTHONPATH": without_tk(tmp_path),
           "NASTAVNIK_OS_RELEASE": str(tmp_path / "os-release")}
    done = subprocess.run([shutil.which("unshare"), "-n", "/bin/sh", str(bundle / "установить.sh")], env=env,
                          capture_output=True, text=True, encoding="utf-8", stdin=subprocess.DEVNULL, timeout=120,
                          check=False)
    out = done.stdout
    assert done.returncode == 2, out + done.stderr
    assert "В этом Python нет модуля tkinter" in out and f"    {command}\n" in out
    assert "Установочный пакет не подходит к этому компьютеру" in out
    assert "Готово" not in out and "Traceback" not in out and done.stderr == ""
    english = [line for line in out.splitlines() if re.search(r"[A-Za-z]{3,}", line)
               and not re.search(r"[А-Яа-яЁё]", line) and line.strip() != command]
    assert not english, english
    assert not any(home.rglob("*")), "nothing is installed or left in the user's home"
