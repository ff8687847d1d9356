"""The installed command leaves without the interpreter's teardown (``cli.run``), and loses nothing by it.

What the curator would notice if leaving at once were done wrong: the last lines of the summary missing when the
output goes to a file or a pipe, a wrong exit code, a pool's worker left running, a half-written output.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _nastavnik(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "nastavnik", "--today", "25.11.2026", *args], check=False, env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=600, **kw)


def test_a_check_piped_to_a_file_keeps_its_last_line_and_status(tmp_path, demo_path):
    proc = _nastavnik("check", str(demo_path), cwd=tmp_path)
    assert proc.returncode in (0, 1)
    lines = proc.stdout.strip().splitlines()
    assert lines[0].startswith("Проверка книги")
    assert lines[-1].startswith("Книга"), lines[-1]  # the verdict, written last, reaches the pipe
    assert proc.stderr == ""


def test_a_failed_command_keeps_its_message_and_code(tmp_path):
    proc = _nastavnik("check", "нет такой книги.xlsx", cwd=tmp_path)
    assert proc.returncode == 2
    assert "не найден" in proc.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path, demo_path):
    """``nastavnik check книга.xlsx | head -1``: the pipe closes before the rest is written."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    cmd = [sys.executable, "-m", "nastavnik", "--today", "25.11.2026", "check", str(demo_path)]
    with subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        proc.wait(timeout=120)
    assert "Traceback" not in err and "Exception ignored" not in err


def test_a_whole_run_leaves_whole_outputs_and_no_process_behind(tmp_path, demo_path):
    out = tmp_path / "результаты"
    proc = _nastavnik("run", str(demo_path), "--out", str(out), cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    books = list(out.rglob("*.xlsx")) + list(out.rglob("*.docx"))
    assert len(books) > 10
    for path in books:
        assert zipfile.ZipFile(path).testzip() is None, path
    assert not list(out.rglob("*.tmp"))
    time.sleep(0.5)
    assert not _processes_naming(out), "a worker of the run outlived the command"


def _processes_naming(folder: Path) -> list[int]:
    """Processes whose command line names the folder: the run's pool workers are forks of it."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(folder).encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found
