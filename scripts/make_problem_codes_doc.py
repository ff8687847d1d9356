"""Regenerate docs/problem_codes.md from the problem-code registry (nastavnik/checks/codes.py)."""

from pathlib import Path

from nastavnik.checks.codes import render_markdown

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "problem_codes.md"

if __name__ == "__main__":
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(render_markdown(), encoding="utf-8")
    print(f"written {DOC}")
