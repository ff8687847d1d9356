"""Remember the last workbook between sessions, in the user's own settings folder."""

from __future__ import annotations

import json
import os
from pathlib import Path


def settings_file() -> Path:
    """%APPDATA%\\nastavnik\\window.json on Windows, ~/.config/nastavnik/window.json elsewhere (the uninstaller
    removes the same file)."""
    base = os.environ.get("APPDATA") if os.name == "nt" else os.environ.get("XDG_CONFIG_HOME")
    return Path(base or Path.home() / ".config") / "nastavnik" / "window.json"


def load() -> dict:
    try:
        data = json.loads(settings_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def last_workbook() -> Path | None:
    value = load().get("workbook")
    path = Path(value) if isinstance(value, str) and value else None
    return path if path and path.is_file() else None


def remember_workbook(path: Path | None) -> None:
    """Best effort: a settings file that cannot be written costs only the convenience."""
    data = {**load(), "workbook": str(path) if path else ""}
    try:
        target = settings_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:
        pass


def default_results() -> Path:
    """Where results go when no workbook is chosen (the demo): the user's documents folder."""
    docs = Path.home() / "Documents"
    return (docs if docs.is_dir() else Path.home()) / "Наставничество" / "Результаты"
