"""One place for results: the command line puts them where the window does — «Результаты» beside the book."""

from __future__ import annotations

from click.testing import CliRunner

from nastavnik.cli import main

from .conftest import TODAY


def test_without_out_the_results_go_beside_the_book_not_into_the_current_folder(tmp_path, demo_path, monkeypatch):
    here = tmp_path / "где я стою"
    here.mkdir()
    folder = tmp_path / "книги"
    folder.mkdir()
    book = folder / "наставничество.xlsx"
    book.write_bytes(demo_path.read_bytes())
    monkeypatch.chdir(here)
    result = CliRunner().invoke(main, ["--today", f"{TODAY:%d.%m.%Y}", "check", str(book), "--annotate"])
    assert result.exit_code == 0, result.output
    assert (folder / "Результаты" / "наставничество — проверка.xlsx").is_file()
    assert not any(here.iterdir())
