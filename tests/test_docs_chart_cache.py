"""The analytic report's charts are kept beside the runs and reused by the next run of the same figures.

matplotlib drawing the charts was the longest job of a school's run; a curator runs the same book again and
again. A chart is reused only when its drawing function, its data and the drawing code are the same.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from nastavnik.docs import chartcache
from nastavnik.docs.charts import bar_chart, draw_bar_chart, draw_line_chart
from nastavnik.docs.overlap import make_documents
from nastavnik.ui.pipeline import CHART_CACHE, PDF_CACHE, run_all

from .conftest import TODAY

PNG = b"\x89PNG\r\n\x1a\n"


def _report_pictures(folder: Path) -> list[bytes]:
    (report,) = [p for p in folder.rglob("*.docx") if "налитическ" in p.name]
    with zipfile.ZipFile(report) as z:
        return [z.read(n) for n in sorted(z.namelist()) if n.startswith("word/media/")]


def test_the_key_follows_the_function_and_the_data():
    args = ("Пары", ["сент.", "окт."], [3, 4], "пар")
    assert chartcache.key(draw_bar_chart, args) == chartcache.key(draw_bar_chart, tuple(args))
    assert chartcache.key(draw_bar_chart, args) != chartcache.key(draw_bar_chart, ("Пары", ["сент.", "окт."], [3, 5], "пар"))
    assert chartcache.key(draw_bar_chart, args) != chartcache.key(draw_line_chart, args)


def test_a_chart_drawn_once_is_read_back_the_second_time(tmp_path):
    folder = tmp_path / "диаграммы"
    with chartcache.use(folder):
        first = bar_chart("Пары", ["сент.", "окт."], [3, 4], "пар").png
        kept = list(folder.glob("*.png"))
        assert first.startswith(PNG) and len(kept) == 1 and kept[0].read_bytes() == first
        kept[0].write_bytes(PNG + b"from the folder")  # what a second drawing could not give
        assert bar_chart("Пары", ["сент.", "окт."], [3, 4], "пар").png == PNG + b"from the folder"
        assert bar_chart("Пары", ["сент.", "окт."], [3, 9], "пар").png.startswith(PNG)  # a changed figure: drawn
    assert len(list(folder.glob("*.png"))) == 2


def test_a_folder_that_cannot_be_written_is_no_cache(tmp_path):
    blocker = tmp_path / "файл"
    blocker.write_text("не папка")
    with chartcache.use(blocker / "диаграммы"):
        assert bar_chart("Пары", ["сент."], [3], "пар").png.startswith(PNG)


def test_the_oldest_charts_beyond_the_limit_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(chartcache, "KEEP", 2)
    folder = tmp_path / "диаграммы"
    with chartcache.use(folder):
        for n in range(4):
            assert bar_chart("Пары", ["сент."], [n + 1], "пар").png
    assert len(list(folder.glob("*.png"))) == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_the_second_report_takes_its_pictures_from_the_folder(demo_book, tmp_path, workers):
    folder = tmp_path / "диаграммы"
    make_documents(demo_book, tmp_path / "первый", TODAY, workers=workers, chart_cache=folder)
    kept = sorted(folder.glob("*.png"))
    assert kept and sorted(_report_pictures(tmp_path / "первый")) == sorted(p.read_bytes() for p in kept)
    one = kept[0].read_bytes()
    for path in kept:  # every kept chart replaced by the same real picture: the next report must show it
        path.write_bytes(one)
    make_documents(demo_book, tmp_path / "второй", TODAY, workers=workers, chart_cache=folder)
    assert set(_report_pictures(tmp_path / "второй")) == {one}


def test_run_keeps_the_charts_in_the_service_folder_beside_the_runs(tmp_path, demo_path):
    result = run_all(demo_path, tmp_path, TODAY, echo=lambda *a, **k: None)
    assert result.exit_code == 0
    kept = list((tmp_path / PDF_CACHE / CHART_CACHE).glob("*.png"))
    assert kept and sorted(p.read_bytes() for p in kept) == sorted(_report_pictures(result.folder))
