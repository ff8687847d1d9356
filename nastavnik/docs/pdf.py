"""PDF through LibreOffice: one ``soffice`` call for all files, with a profile of its own.

Parallel soffice processes sharing a profile fail silently (ENGINEERING.md), so
every call gets a fresh ``-env:UserInstallation`` in a temporary folder, and
each expected PDF is checked to exist before it is moved beside its .docx.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from nastavnik.base.problems import NastavnikError

TIMEOUT = 900


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(paths: list[Path]) -> list[Path]:
    """A PDF beside every .docx in ``paths``; returns the PDF paths."""
    exe = soffice()
    if exe is None:
        raise NastavnikError("PDF не сделаны: не найден LibreOffice (программа soffice). Установите LibreOffice "
                             "или запустите без --pdf; документы .docx уже готовы.")
    docs = [Path(p) for p in paths if str(p).lower().endswith(".docx")]
    if not docs:
        return []
    with tempfile.TemporaryDirectory(prefix="nastavnik-lo-") as tmp:
        profile, outdir = Path(tmp) / "profile", Path(tmp) / "pdf"
        outdir.mkdir()
        # soffice writes every PDF into one folder: give each input a unique link name first.
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        links = []
        for i, doc in enumerate(docs):
            link = inputs / f"{i:05d}.docx"
            os.symlink(doc.resolve(), link)
            links.append(link)
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, links)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            raise NastavnikError(f"LibreOffice не успел сделать PDF за {TIMEOUT // 60} мин.") from exc
        made, missing = [], []
        for doc, link in zip(docs, links):
            pdf = outdir / (link.stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0:
                missing.append(doc.name)
                continue
            target = doc.with_suffix(".pdf")
            shutil.move(str(pdf), str(target.with_name("." + target.name + ".tmp")))
            os.replace(target.with_name("." + target.name + ".tmp"), target)
            made.append(target)
        if missing:
            detail = (proc.stderr or proc.stdout or "").strip().splitlines()[-1:] or [""]
            raise NastavnikError(f"LibreOffice не сделал PDF для {len(missing)} файлов: "
                                 f"{', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}. {detail[0]}")
    return made
