"""A real run killed in the middle of its documents: no process outlives it, and the folder says so.

These tests start ``python -m nastavnik run`` on a synthetic workbook of 1,000 people (several
hundred documents, rendered by a pool of worker processes), wait for the documents step and stop
it as the system would: kill -9 (the OOM killer, «Снять задачу»), SIGTERM, SIGHUP.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nastavnik.ui.pipeline import INCOMPLETE, INCOMPLETE_NOTE, LATEST
from nastavnik.workbook.samples.synth import synth_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and signals of Linux")


@pytest.fixture(scope="module")
def big_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "большая книга.xlsx"
    write_workbook(path, *synth_data("M", 1, TODAY))
    return path


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found |= {int(x) for x in text.split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def _start_and_reach_documents(book: Path, out: Path) -> tuple[subprocess.Popen, set[int]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "nastavnik", "--today", f"{TODAY:%d.%m.%Y}", "run", str(book), "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1])
    deadline = time.monotonic() + 120
    for line in proc.stdout:
        if line.startswith("[4/6]"):
            break
        assert time.monotonic() < deadline, "the run never reached its documents"
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers |= _children(proc.pid)
        time.sleep(0.05)
    assert workers, "the documents were not rendered by a pool"
    return proc, workers


def _wait_gone(pids: set[int], seconds: float = 10) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = {p for p in pids if _alive(p)}
        if not left:
            return set()
        time.sleep(0.1)
    return {p for p in pids if _alive(p)}


def test_kill_9_during_the_documents_leaves_no_worker_behind(big_book, tmp_path):
    proc, workers = _start_and_reach_documents(big_book, tmp_path / "out")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    left = _wait_gone(workers)
    for pid in left:  # do not leave them to the next test either
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers outlived the killed run: {sorted(left)}"
    # nobody holds the terminal's pipe any more: a launcher waiting for the output is released
    assert proc.stdout.read() is not None


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_stop_signal_ends_the_run_like_ctrl_c_and_marks_its_folder(big_book, tmp_path, signame):
    out = tmp_path / "out"
    proc, workers = _start_and_reach_documents(big_book, out)
    os.kill(proc.pid, getattr(signal, signame))
    said, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert not _wait_gone(workers)
    said += err
    assert "Запуск не завершён" in said and INCOMPLETE_NOTE in said and "Traceback" not in said
    folders = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]  # not the service folder
    assert len(folders) == 1 and folders[0].name.endswith(INCOMPLETE)
    note = (folders[0] / INCOMPLETE_NOTE).read_text(encoding="utf-8")
    assert "Документы" in note and "не завершён" in note
    assert not (out / LATEST).exists()  # the last complete run is still whatever it was: none here
