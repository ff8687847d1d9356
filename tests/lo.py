"""Run LibreOffice headless the way that works: own profile per call, many files per call."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice не установлен")


def convert(files: list[Path], fmt: str, outdir: Path, profile: Path) -> list[Path]:
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(outdir), *map(str, files)],
        check=True, capture_output=True, timeout=240,
    )
    ext = fmt.split(":")[0]
    out = [outdir / (f.stem + "." + ext) for f in files]
    missing = [p for p in out if not p.exists()]
    assert not missing, f"LibreOffice did not write {missing}"
    return out
