"""Helpers for the website tests: build a site from a Book and read every page back."""

from __future__ import annotations

import re
from pathlib import Path

from nastavnik.site import build_site

from .conftest import TODAY

SURNAME_ENDINGS = ("", "а", "у", "ым", "ом", "е", "ой", "ы", "ых", "ому", "ого")


def build(book, folder: Path) -> dict[str, str]:
    """Build the site into ``folder``; return relative path -> text of every file in it."""
    site = build_site(book, folder, TODAY)
    return {p.relative_to(site).as_posix(): p.read_bytes() if p.suffix == ".pdf" else
            p.read_text(encoding="utf-8-sig") for p in sorted(site.rglob("*")) if p.is_file()}


def pages(files: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in files.items() if k.endswith(".html")}


def surname_pattern(fio: str) -> re.Pattern:
    """The surname as a word, in any case form (Петров, Петрова, Петрову…), but not inside «Петровна»."""
    endings = "|".join(SURNAME_ENDINGS)
    return re.compile(rf"(?<![\w-]){re.escape(fio.split()[0])}(?:{endings})(?![\w-])", re.IGNORECASE)


def leaks(files: dict[str, str], person: dict) -> list[str]:
    """Where on the site a person's name, surname, birth date or contact appears."""
    found = []
    needles = [person["fio"], f"{person['birth_date']:%d.%m.%Y}", f"{person['birth_date']:%Y-%m-%d}"]
    if person.get("contact"):
        needles.append(person["contact"])
    for rel, text in pages(files).items():
        found += [f"{rel}: {n}" for n in needles if n.lower() in text.lower()]
        if surname_pattern(person["fio"]).search(text):
            found.append(f"{rel}: фамилия {person['fio'].split()[0]}")
    return found


def person(parts, code: str) -> dict:
    org, tables = parts
    return next(p for key in ("mentors", "mentees") for p in tables[key] if p["code"] == code)
