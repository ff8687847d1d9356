"""``nastavnik run``: one command makes everything, or stops before documents when the workbook is wrong."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from nastavnik.cli import main


def run(*args):
    return CliRunner().invoke(main, ["--today", "25.11.2026", "run", *map(str, args)])


def newest(out: Path) -> Path:
    return Path((out / "последний запуск.txt").read_text(encoding="utf-8").strip())


def test_run_without_a_workbook_makes_every_output(tmp_path):
    out = tmp_path / "out"
    result = run("--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    folder = newest(out)
    assert (folder / "проверка.txt").read_text(encoding="utf-8").startswith("Проверка книги")
    assert (folder / "Предложения пар.xlsx").stat().st_size > 0
    docs = list((folder / "Документы").rglob("*.docx"))
    assert len(docs) >= 10
    assert (folder / "Мониторинг.xlsx").stat().st_size > 0
    assert (folder / "сайт" / "index.html").exists() and (folder / "сайт" / "special" / "index.html").exists()
    # the closing summary names what was made and what needs attention
    assert "Готово. Результаты в папке" in result.output
    assert "Обратите внимание" in result.output and "П-013" in result.output


def test_run_stops_before_documents_when_the_workbook_has_errors(tmp_path, make_book):
    def break_it(org, tables):
        tables["pairs"][0]["mentor"] = "Н-999"  # a mentor who is not in the bank

    book = make_book(break_it)
    original = book.path.read_bytes()
    out = tmp_path / "out"
    result = run(book.path, "--out", out)
    assert result.exit_code == 1
    assert "Н-999" in result.output and "документы, отчёт и сайт не сделаны" in result.output
    folder = newest(out)
    assert not (folder / "Документы").exists() and not (folder / "сайт").exists()
    copies = list(folder.glob("*проверка.xlsx"))
    assert len(copies) == 1
    assert book.path.read_bytes() == original


def test_the_months_list_has_a_heading_of_its_own_after_what_needs_attention(tmp_path):
    result = run("--out", tmp_path / "out")
    assert result.exit_code == 0, result.output + result.stderr
    tail = result.output[result.output.index("Готово. Результаты в папке"):]
    assert tail.index("Обратите внимание:") < tail.index("Что сделать в этом месяце:")
    month = tail[tail.index("Что сделать в этом месяце:"):].splitlines()[1:]
    assert month and all(line.startswith("  • ") for line in month)
    assert any(line.startswith("  • Дорожная карта, этап") for line in month)
    assert not any("Что сделать в этом месяце" in line for line in month)  # said once, as the heading
