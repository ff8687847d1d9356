"""The region's monitoring form, described once in a small TOML file the methodologist edits, filled for a book.

Each region asks its organisations the same things in its own words and order (Красноярский край: 11 lines, with
links to the documents the site section publishes). A description maps every line of the form to an indicator of
the registry (``indicator`` or several ``indicators``) and, where the region wants a link, to a page or file of
the «Наставничество» section (``address``: «.» for the section itself). Two descriptions ship in ``forms/``: the
Krasnoyarsk form and the federal recommendations' indicators; a methodologist's own file is given by its path.
``fill_form`` gives the lines in the form's order; ``write_region_sheet`` writes them as «Для региона» of
Мониторинг.xlsx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from nastavnik.base.problems import NastavnikError

from .registry import PERCENT, SPEC_BY_CODE, YES_NO

FORMS_DIR = Path(__file__).parent / "forms"
SHEET = "Для региона"
DEFAULT_FORM = "federal"
# The words a curator may type for a shipped form (``report --region-form``).
NAMES = {"federal": "federal", "федеральная": "federal", "федеральные": "federal", "мр": "federal",
         "krasnoyarsk": "krasnoyarsk", "красноярск": "krasnoyarsk", "красноярский-край": "krasnoyarsk",
         "красноярский край": "krasnoyarsk"}
NO_DATA = "нет данных"


@dataclass(frozen=True)
class FormLine:
    text: str
    codes: tuple[str, ...]
    address: str | None = None
    note: str = ""


@dataclass(frozen=True)
class RegionForm:
    title: str
    lines: tuple[FormLine, ...]
    source: str  # the file's name, for messages


@dataclass(frozen=True)
class Filled:
    n: int
    text: str
    value: str
    address: str
    note: str


def _bad(source: str, what: str) -> NastavnikError:
    return NastavnikError(f"Описание формы региона «{source}»: {what}. Исправьте файл и повторите.")


def form_path(name: str) -> Path:
    """A shipped form by its word («красноярский-край», «federal») or the path of a methodologist's file."""
    key = NAMES.get(str(name).strip().lower())
    if key:
        return FORMS_DIR / f"{key}.toml"
    path = Path(name)
    if path.suffix.lower() != ".toml":
        shipped = ", ".join(sorted({k for k in NAMES if not k.isascii()}))
        raise NastavnikError(f"Форма региона «{name}» не найдена: укажите одну из готовых ({shipped}) или путь к "
                             "файлу описания .toml.")
    if not path.is_file():
        raise NastavnikError(f"Файл описания формы региона «{path}» не найден.")
    return path


def load_form(name: str | Path = DEFAULT_FORM) -> RegionForm:
    import tomllib

    path = form_path(str(name))
    source = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise _bad(source, "файл должен быть сохранён в кодировке UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        at = f"ошибка записи в строке {where.group(1)}, столбце {where.group(2)}" if where else "ошибка записи"
        raise _bad(source, at + " (проверьте кавычки и знак «=»)") from None
    items = data.get("line")
    if not isinstance(items, list) or not items:
        raise _bad(source, "нет ни одной строки формы — блоков [[line]]")
    lines = []
    for n, item in enumerate(items, start=1):
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise _bad(source, f"у строки формы {n} нет формулировки (text)")
        codes = item.get("indicators", [item["indicator"]] if "indicator" in item else [])
        if isinstance(codes, str):
            codes = [codes]
        unknown = [c for c in codes if c not in SPEC_BY_CODE]
        if unknown:
            raise _bad(source, f"в строке формы {n} («{text.strip()}») неизвестный код показателя «{unknown[0]}»; "
                               "коды — в docs/indicators.md")
        address = item.get("address")
        if not codes and not address:
            raise _bad(source, f"строка формы {n} («{text.strip()}») не связана ни с показателем (indicator), ни "
                               "с адресом (address)")
        lines.append(FormLine(text.strip(), tuple(codes), address or None, str(item.get("note", "")).strip()))
    return RegionForm(str(data.get("title") or "Форма региона"), tuple(lines), source)


def _number(x) -> str:
    return f"{x:g}".replace(".", ",") if isinstance(x, float) else str(x)


def _value(line: FormLine, by_code: dict) -> tuple[str, bool]:
    """(the value as the form shows it, whether the document exists for a link)."""
    if not line.codes:
        return "", True
    found = [by_code.get(c) for c in line.codes]
    if any(i is None for i in found):
        return "не применяется к организации этого типа", False
    values = [i.value for i in found]
    if all(i.unit == YES_NO for i in found):
        if any(v is None for v in values):
            return NO_DATA, False
        return ("да", True) if all(values) else ("нет", False)
    if any(v is None for v in values):
        return NO_DATA, False
    if len(values) == 1:
        unit = found[0].unit
        return _number(values[0]) + (" %" if unit == PERCENT else ""), True
    return _number(sum(values)), True


def address_of(line: FormLine, site_url: str | None) -> str:
    if not line.address or not site_url:
        return ""
    base = site_url.strip()
    if line.address.strip() == ".":
        return base
    return base.rstrip("/") + "/" + line.address.strip().lstrip("/")


def fill_form(form: RegionForm, indicators, site_url: str | None) -> list[Filled]:
    """The form's lines in its own order, each with its value and, when the document exists, its address."""
    by_code = {i.code: i for i in indicators}
    out = []
    for n, line in enumerate(form.lines, start=1):
        value, exists = _value(line, by_code)
        address = address_of(line, site_url) if exists else ""
        note = line.note
        if line.address and exists and not site_url:
            note = " ".join(x for x in (note, "Ссылки нет: не заполнен «Адрес раздела «Наставничество» на сайте» "
                                        "на листе «Организация».") if x)
        out.append(Filled(n, line.text, value, address, note))
    return out


def write_region_sheet(wb, fmt, form: RegionForm, filled: list[Filled], meta: dict, header) -> None:
    """«Для региона»: the form's lines in its order, value and address side by side, printable on A4."""
    from nastavnik.base import xlsxprint

    ws = wb.add_worksheet(SHEET)
    fmt.center = wb.add_format({"font_name": "Arial", "font_size": 10, "valign": "top", "border": 1,
                                "align": "center", "text_wrap": True})
    row = header(ws, fmt, meta, form.title)
    ws.write_row(row, 0, ["№", "Строка формы региона", "Значение", "Ссылка", "Примечание"], fmt.head)
    for f in filled:
        row += 1
        ws.write(row, 0, f.n, fmt.int)
        ws.write(row, 1, f.text, fmt.text)
        ws.write(row, 2, f.value, fmt.center)
        ws.write(row, 3, f.address, fmt.text)
        ws.write(row, 4, f.note, fmt.text)
        lines = max(1, *(-(-len(t) // w) for t, w in ((f.text, 56), (f.address, 46), (f.note, 50)) if t))
        if lines > 1:
            ws.set_row(row, 12.75 * lines + 2)
    ws.write(row + 2, 0, f"Описание формы: {form.source}. Значения — показатели мониторинга на дату отчёта; "
                         "ссылки — адреса страниц и файлов раздела сайта «Наставничество»; "
                         "ссылка на приказ открывается, когда его подписанная копия PDF выложена в раздел.", fmt.sub)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 50)
    ws.set_column(2, 2, 14)
    ws.set_column(3, 3, 42)
    ws.set_column(4, 4, 44)
    ws.freeze_panes(5, 0)
    xlsxprint.setup_xlsxwriter(ws, repeat_rows=(0, 4))


# --- the district: the form filled for every organisation, with the district's totals ----------------------------

@dataclass(frozen=True)
class _Figure:
    """What ``_value`` needs of an indicator, rebuilt from a roll-up file's plain numbers."""

    code: str
    unit: str
    value: object


def form_codes(form: RegionForm) -> set[str]:
    return {c for line in form.lines for c in line.codes}


def fill_for_file(form: RegionForm, figures: dict[str, dict], site_url: str | None) -> list[Filled]:
    """The form filled from one roll-up file's figures (``{code: {value, numerator, denominator}}``)."""
    indicators = [_Figure(c, SPEC_BY_CODE[c].unit, x.get("value")) for c, x in figures.items()
                  if c in SPEC_BY_CODE and x.get("applies", True)]
    return fill_form(form, indicators, site_url)


def district_total(line: FormLine, files: list[dict]) -> str:
    """The district's value of one line: «да» counted («да — 7 из 9»), numbers summed, shares recomputed from the
    summed numerators and denominators; a mean of means is not a figure: «—»."""
    if not line.codes:
        return ""
    rows = [f.get("form_figures") or {} for f in files]
    specs = [SPEC_BY_CODE[c] for c in line.codes]
    if all(s.unit == YES_NO for s in specs):
        known = [r for r in rows if all(r.get(c, {}).get("value") is not None for c in line.codes)]
        yes = sum(all(r[c]["value"] for c in line.codes) for r in known)
        return f"да — {yes} из {len(known)}" if known else NO_DATA
    if len(specs) == 1 and specs[0].unit == PERCENT:
        usable = [r[line.codes[0]] for r in rows if (r.get(line.codes[0]) or {}).get("denominator")]
        den = sum(x["denominator"] for x in usable)
        num = sum(x.get("numerator") or 0 for x in usable)
        return _number(round(100.0 * num / den, 1)) + " %" if den else NO_DATA
    if any(s.unit not in ("чел.", "ед.") for s in specs):
        return "—"
    values = [r[c]["value"] for r in rows for c in line.codes if (r.get(c) or {}).get("value") is not None]
    return _number(sum(values)) if values else NO_DATA


DISTRICT_SHEET = "Форма региона"
LINKS_SHEET = "Форма региона — ссылки"


def write_district_form(wb, rollup, fmt: dict) -> None:
    """«Форма региона»: one row per organisation, one column per line of the form in its order, the district's
    totals below; «… — ссылки»: the addresses the region asks for, organisation by organisation."""
    from nastavnik.base import xlsxprint

    form = rollup.form
    counted = [f for f in rollup.files if f.get("form_figures") and f.get("counted", True)]
    filled = [(f, fill_for_file(form, f["form_figures"], f.get("site_url"))) for f in counted]
    linked = [n for n, line in enumerate(form.lines) if line.address]
    for name, columns in ((DISTRICT_SHEET, list(range(len(form.lines)))), (LINKS_SHEET, linked)):
        ws = wb.add_worksheet(name)
        xlsxprint.setup_xlsxwriter(ws, repeat_rows=(0, 0), header_left=form.title, header_right=name)
        ws.set_print_scale(85)  # as «Свод»: legible across several pages, № and organisation on each
        ws.repeat_columns(0, 1)
        # The title is the page header; in a cell it would be cut at the repeated columns' edge on later pages.
        ws.write_row(0, 0, ["№", "Организация"] + [f"{n + 1}. {form.lines[n].text}" for n in columns], fmt["head"])
        ws.set_row(0, 12.75 * max(1, *(-(-len(form.lines[n].text) // 16) for n in columns)) + 4)
        ws.set_column(0, 0, 4)
        ws.set_column(1, 1, 30)
        ws.set_column(2, 1 + len(columns), 18 if name == DISTRICT_SHEET else 30)
        row = 0
        width = 18 if name == DISTRICT_SHEET else 30
        for k, (f, lines) in enumerate(filled, start=1):
            row += 1
            cells = [lines[n].value if name == DISTRICT_SHEET else lines[n].address for n in columns]
            who = f["org"] or f["file"]
            ws.write_row(row, 0, [k, who, *cells], fmt["text"])
            tall = max(-(-len(who) // 28), *(-(-len(str(c)) // (width - 2)) for c in cells), 1)
            ws.set_row(row, 12.75 * tall + 2)
        if name == DISTRICT_SHEET:
            row += 1
            ws.write_row(row, 0, ["", "Итого по району", *(district_total(form.lines[n], counted) for n in columns)],
                         fmt["head"])
        note = (f"{form.title}. Описание формы: {form.source}. Организаций: {len(counted)} (без повторов и "
                "нечитаемых файлов). Номер столбца — номер строки формы."
                + (" Итого: «да» — сколько организаций ответили «да» из ответивших; числа — суммы; доли пересчитаны "
                   "по суммам числителей и знаменателей; средние не суммируются (—)." if name == DISTRICT_SHEET
                   else ""))
        # Under № and the organisation, which every printed page repeats: the note is whole on each page.
        ws.merge_range(row + 2, 0, row + 2, 1, note, fmt["text"])
        ws.set_row(row + 2, 12.75 * (-(-len(note) // 30)) + 4)
        ws.freeze_panes(1, 2)
