"""Regenerate docs/indicators.md from the indicator registry."""

from pathlib import Path

from nastavnik.report.docs import DOC_PATH, render_indicators_md

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    path = ROOT / DOC_PATH
    path.parent.mkdir(exist_ok=True)
    path.write_text(render_indicators_md(), encoding="utf-8")
    print(f"written {path}")
