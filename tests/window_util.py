"""Helpers for the window tests: a virtual screen (Xvfb), a window driven by its buttons, screenshots.

Set NASTAVNIK_SCREENSHOTS=/some/folder to keep the screenshots and look at them.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

_SCREEN: dict = {}  # the one virtual screen and the one Tk of the test process, shared by every window test module


def start_display():
    """Use the DISPLAY there is, or start Xvfb on a free display once per process; skip when neither can be had.

    Why once: a second Tk after the first one's screen is gone makes Tcl abort the whole test process. The
    Xvfb started here ends with the process.
    """
    if os.environ.get("DISPLAY"):
        return None
    if not shutil.which("Xvfb"):
        pytest.skip("нет ни экрана, ни Xvfb (apt-get install xvfb)")
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    if not number:
        proc.kill()
        pytest.skip("Xvfb не запустился")
    os.environ["DISPLAY"] = f":{number}"
    _SCREEN["xvfb"] = proc
    atexit.register(_stop, proc)
    return proc


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def shared_root():
    """One Tk interpreter for the whole test process, as the real program has one (each window is a Toplevel).

    Why not a Tk per test or per module: a Tk freed by the garbage collector in a task's thread, or a second Tk
    after the first is destroyed, makes Tcl abort the process.
    """
    import tkinter as tk

    if "root" not in _SCREEN:
        root = tk.Tk()
        root.withdraw()
        _SCREEN["root"] = root
    return _SCREEN["root"]


class Answers:
    """The Dialogs of the window, answered by the test; what the window asked to open is kept."""

    def __init__(self):
        self.opened: list[Path] = []
        self.next_workbook: Path | None = None
        self.next_new: tuple | None = None  # (path, org type, full name)
        self.next_folder: Path | None = None
        self.next_kind: str | None = None
        self.next_answers: Path | None = None
        self.next_update = False  # «Обновлять сведения о людях…» ticked in the answers folder dialog
        self.confirm = True  # the curator's answer to the collect preview
        self.switch = None  # the answer to «Теперь ваша рабочая книга — …»: "switch", "open" or None
        self.switch_offers: list[tuple[Path, str]] = []
        self.previewed: list[tuple[list, str]] = []  # what the preview showed: (lines, summary)
        self.next_staff: Path | None = None  # the HR export chosen for «Штатный список»
        self.confirm_staff_list = True  # the curator's answer to the staff list's preview
        self.staff_previewed: list[tuple[object, str]] = []  # what that preview showed: (pending, summary)

    def workbook(self, start):
        return self.next_workbook

    def new_workbook(self, start=None):
        return self.next_new

    def folder(self, start=None):
        return self.next_folder

    def forms_kind(self):
        return self.next_kind

    def answers_folder(self, start=None):
        return (self.next_answers, self.next_update) if self.next_answers else None

    def staff_list(self, start=None):
        return self.next_staff

    def confirm_staff(self, pending, summary):
        self.staff_previewed.append((pending, summary))
        return self.confirm_staff_list

    def switch_book(self, path, text):
        self.switch_offers.append((Path(path), text))
        return self.switch

    def confirm_collect(self, lines, summary):
        self.previewed.append((lines, summary))
        return self.confirm

    def open(self, path):
        self.opened.append(Path(path))


def settle(app, limit: float = 600) -> None:
    """Let the window work until its task is over, handling its events as the main loop would."""
    deadline = time.monotonic() + limit
    while app.runner.busy or not app.runner.messages.empty():
        app.root.update()
        time.sleep(0.02)
        assert time.monotonic() < deadline, "задача не закончилась"
    for _ in range(5):
        app.root.update()
        time.sleep(0.03)


def screenshot(app, name: str, tmp_path: Path) -> Path | None:
    """The whole virtual screen as PNG (ImageMagick's import), kept where NASTAVNIK_SCREENSHOTS points."""
    folder = Path(os.environ.get("NASTAVNIK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    if not shutil.which("import"):
        return None
    widget = getattr(app, "root", app)  # the window's App, or a dialog itself
    widget.update()
    time.sleep(0.2)
    widget.update()
    path = folder / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(path)], check=True, timeout=60)
    return path


def double_click(tree, item) -> None:
    """A real double click on a row with xdotool, as the curator's mouse makes it (Tk cannot fake one)."""
    tree.see(item)
    tree.update()
    x, y, _, h = tree.bbox(item, "message") or tree.bbox(item)
    if shutil.which("xdotool"):
        tree.winfo_toplevel().lift()
        tree.update()
        subprocess.run(["xdotool", "mousemove", str(tree.winfo_rootx() + x + 10), str(tree.winfo_rooty() + y + h // 2),
                        "click", "--repeat", "2", "--delay", "80", "1"], check=True, timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            tree.update()
            time.sleep(0.05)
            if tree.selection():
                break
        for _ in range(5):
            tree.update()
            time.sleep(0.05)
    else:
        tree.selection_set(item)
        tree.event_generate("<Return>")
        tree.update()
