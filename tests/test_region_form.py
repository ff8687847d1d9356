"""«Для региона»: the region's monitoring form, described once in TOML, filled in its own order on Мониторинг.xlsx."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import openpyxl
import pytest
import tomllib
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.report.region import FORMS_DIR, SHEET
from nastavnik.site.content import PAGES
from nastavnik.site.documents import DOCS_DIR, ORDERS
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

KRASNOYARSK = FORMS_DIR / "krasnoyarsk.toml"


def report(book: Path, out: Path, *extra) -> tuple[list[tuple], dict]:
    """The rows of «Для региона» (№, строка, значение, ссылка, примечание) and the indicators as JSON."""
    args = ["--today", f"{TODAY:%d.%m.%Y}", "report", str(book), "--out", str(out)]
    result = CliRunner().invoke(main, [*args, *extra])
    assert result.exit_code == 0, result.output
    data = CliRunner().invoke(main, [*args, "--format", "json"])
    path = next(out.glob("*.xlsx"))
    ws = openpyxl.load_workbook(path)[SHEET]
    rows = [r for r in ws.iter_rows(min_row=6, values_only=True) if isinstance(r[0], int)]
    return rows, json.loads(data.stdout)


def lines_of(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["line"]


def test_the_krasnoyarsk_form_fills_its_11_lines_with_values_and_links(tmp_path, demo_path, demo_parts):
    rows, ind = report(demo_path, tmp_path / "out", "--region-form", "красноярский-край")
    described = lines_of(KRASNOYARSK)
    assert len(rows) == 11 == len(described)
    assert [r[1] for r in rows] == [x["text"] for x in described]
    assert [r[0] for r in rows] == list(range(1, 12))
    assert all(r[2] in ("да", "нет") for n, r in enumerate(rows) if n != 9)
    assert rows[9][2] == str(ind["units_by_order"]["value"])  # «Количество пар/групп в соответствии с приказом»
    site = demo_parts[0]["site_url"]
    assert rows[0][3] == site  # the section itself
    assert rows[3][3] == site.rstrip("/") + "/dorozhnaya-karta.html"
    assert rows[5][3].endswith("/dokumenty/prikaz-o-naznachenii-kuratora.pdf")
    linked = [r for r in rows if r[3]]
    assert len(linked) == 7 and all(r[2] == "да" for r in linked)


def test_an_edited_description_changes_the_output(tmp_path, demo_path):
    described = lines_of(KRASNOYARSK)
    edited = copy.deepcopy(described)
    edited[0], edited[1] = edited[1], edited[0]  # a line reordered
    edited.append({"text": "Доля молодых педагогов, вовлечённых в наставничество",
                   "indicator": "federal_under35_first3"})  # one added
    text = 'title = "Форма нашего района"\n' + "".join(
        "\n[[line]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in line.items())
        for line in edited)
    own = tmp_path / "наша форма.toml"
    own.write_text(text, encoding="utf-8")
    rows, ind = report(demo_path, tmp_path / "out", "--region-form", str(own))
    assert [r[1] for r in rows] == [x["text"] for x in edited]
    assert rows[0][1] == described[1]["text"] and rows[1][1] == described[0]["text"]
    assert rows[0][3].endswith("prikaz-ob-utverzhdenii-polozheniya.pdf")  # the link follows its line
    fed = ind["federal_under35_first3"]["value"]
    assert rows[11][2] == f"{fed:g} %".replace(".", ",")
    ws = openpyxl.load_workbook(next((tmp_path / "out").glob("*.xlsx")))[SHEET]
    assert ws["A1"].value == "Форма нашего района"


def test_without_the_site_address_there_are_no_links_and_the_form_says_why(tmp_path, demo_parts):
    org, tables = copy.deepcopy(demo_parts)
    org["site_url"] = None
    write_workbook(tmp_path / "книга.xlsx", org, tables)
    rows, _ = report(tmp_path / "книга.xlsx", tmp_path / "out", "--region-form", "красноярский-край")
    assert rows[0][2] == "нет" and not any(r[3] for r in rows)
    assert "не заполнен «Адрес раздела «Наставничество» на сайте»" in (rows[3][4] or "")


def test_the_federal_form_is_the_default_and_divides_by_the_staff_count(tmp_path, demo_path):
    rows, ind = report(demo_path, tmp_path / "out")
    assert rows[0][1].startswith("Доля педагогических работников в возрасте до 35 лет")
    assert rows[0][2] == f"{ind['federal_under35_first3']['value']:g} %".replace(".", ",")
    assert rows[2][2] == str(ind["staff_total"]["value"])
    assert rows[1][2] == "нет данных"  # no staff list imported yet


@pytest.mark.parametrize("form", sorted(FORMS_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_every_shipped_address_is_a_page_or_file_the_site_section_publishes(form):
    published = {p.file for p in PAGES} | {f"{DOCS_DIR}/{o.file}" for o in ORDERS.values()} | {"."}
    for line in lines_of(form):
        if "address" in line:
            assert line["address"] in published, line


@pytest.mark.parametrize("text, said", [
    ('title = "x"\n[[line]]\ntext = "Строка"\nindicator = "no_such_code"\n',
     "в строке формы 1 («Строка») неизвестный код показателя «no_such_code»"),
    ('title = "x"\n[[line]\ntext = "Строка"\n', "ошибка записи в строке 2"),
    ('title = "x"\n[[line]]\ntext = "Строка"\n', "не связана ни с показателем"),
])
def test_a_broken_description_is_exit_2_in_russian(tmp_path, demo_path, text, said):
    own = tmp_path / "форма.toml"
    own.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(demo_path), "--region-form", str(own), "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert said in result.output and "«форма.toml»" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
