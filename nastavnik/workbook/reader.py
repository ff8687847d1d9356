"""Read a workbook once into typed pandas tables keyed by the schema.

python-calamine parses the file (5–7 × faster than openpyxl, and it reads .xls
and .ods too); typing is done here, column by column, so that every value that
cannot be understood becomes a ``Problem`` at its cell instead of a silent NaN.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
from pathlib import Path
from typing import Any

from nastavnik.base.problems import ERROR, WARNING, Problem, UnusableInput, col_letter, shorten
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import parse as P
from nastavnik.workbook import schema as s
from nastavnik.workbook.book import Book
from nastavnik.workbook.filecheck import open_calamine
from nastavnik.workbook.values import _dates, type_column

HEADER_SCAN_ROWS = 10


def _frame(sheet: s.Sheet, data: dict[str, list], rows: list[int]):
    """The sheet's typed table, its columns in the schema's order.

    Each column is made as an array on one shared index; pandas then has nothing to align. Text stays ``object``:
    pandas 3 would infer its string dtype from a bare object array, so text goes in as an object Series. The
    columns are copied into consolidated blocks (``copy=False`` would leave one block per column, and every filter
    of a rule would then take each column on its own). A school's book is read in a sixth fewer instructions; the
    frames compare equal to the old ones, dtypes included, at school, M and L.
    """
    import numpy as np
    import pandas as pd

    n = len(rows)
    index = pd.RangeIndex(n)
    cols: dict[str, Any] = {}
    for c in sheet.columns:
        values = data.get(c.key) or [() if c.kind in (s.CODES, s.MULTI) else None] * n
        if c.kind == s.DATE:
            cols[c.key] = _dates(values).to_numpy()
        elif c.kind == s.INT:
            cols[c.key] = pd.array(values, dtype="Int64")
        elif c.kind == s.NUMBER:
            cols[c.key] = np.array([float("nan") if x is None else x for x in values], dtype="float64")
        elif c.kind == s.BOOL:
            cols[c.key] = pd.array(values, dtype="boolean")
        else:  # fromiter keeps a cell's tuple (a list of codes) one object, where np.array would make a matrix
            cols[c.key] = pd.Series(np.fromiter(values, dtype=object, count=n), index=index, dtype=object,
                                    copy=False)
    cols["_row"] = np.array(rows, dtype="int64")
    return pd.DataFrame(cols, index=index)


def empty_table(sheet_key: str):
    return _frame(s.SHEET_BY_KEY[sheet_key], {}, [])


def _fill_merged(grid: list[list], merged) -> list[tuple[int, int, int, int]]:
    """Copy a merged range's value into all its cells, as the person who merged them meant."""
    ranges = []
    for (r0, c0), (r1, c1) in merged or []:
        if r0 >= len(grid):
            continue
        value = grid[r0][c0] if c0 < len(grid[r0]) else None
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = value
        ranges.append((r0, c0, r1, c1))
    return ranges


def _find_header(grid: list[list], wanted: set[str], columns: int) -> tuple[int, int]:
    """The row among the first ten with the most template headers (the first of equals), and their number.

    A row holding a header for each of the sheet's ``columns`` is taken at once: a row below could beat it only
    by repeating headers, and a template's header row is the first (the data rows need no scanning).
    """
    best_row, best = -1, 0
    for r, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        hits = sum(1 for x in row if isinstance(x, str) and P.header_key(x) in wanted)
        if hits > best:
            best_row, best = r, hits
            if hits >= columns:
                break
    return best_row, best


def _read_sheet(book: Book, sheet: s.Sheet, grid: list[list], merged, today: dt.date) -> None:
    title = book.sheet_titles[sheet.key]
    by_header = {P.header_key(c.title): c for c in sheet.columns}
    for c in sheet.columns:  # a typed column keeps its meaning whichever type's header it carries
        for other in s.column_titles(sheet.key, c.key):
            by_header.setdefault(P.header_key(other), c)
    hrow, hits = _find_header(grid, set(by_header), len(sheet.columns))
    if hits == 0:
        book.problems.append(Problem(
            "header_not_found", ERROR,
            "Не найдена строка заголовков: в первых 10 строках нет ни одного заголовка шаблона. "
            "Скопируйте строку заголовков из чистого шаблона (nastavnik init).", sheet=title, row=1))
        book.tables[sheet.key] = empty_table(sheet.key)
        return
    if hrow != 0:
        book.problems.append(Problem(
            "header_moved", WARNING, f"Заголовки найдены в строке {hrow + 1}, а не в первой; строки выше пропущены.",
            sheet=title, row=hrow + 1))
    for r0, c0, r1, c1 in _fill_merged(grid, merged):
        if r1 > hrow:
            book.problems.append(Problem(
                "merged_cells", WARNING,
                f"Объединённые ячейки {col_letter(c0 + 1)}{r0 + 1}:{col_letter(c1 + 1)}{r1 + 1}: значение "
                "прочитано в каждую строку. Лучше не объединять ячейки в таблицах.",
                sheet=title, row=r0 + 1, letter=col_letter(c0 + 1)))
    positions: dict[str, tuple[int, str]] = {}
    header = grid[hrow]
    for j, cell in enumerate(header):
        text = P.clean_text(cell)
        if text is None:
            continue
        col = by_header.get(P.header_key(text))
        if col is None:
            book.problems.append(Problem(
                "unknown_column", WARNING, f"Столбец «{text}» не из шаблона; программа его не читает.",
                sheet=title, row=hrow + 1, column=text, letter=col_letter(j + 1)))
        elif col.key in positions:
            book.problems.append(Problem(
                "duplicate_column", WARNING,
                f"Столбец «{text}» повторяется; читается первый ({col_letter(positions[col.key][0])}).",
                sheet=title, row=hrow + 1, column=text, letter=col_letter(j + 1)))
        else:
            positions[col.key] = (j + 1, text)
    book.columns[sheet.key] = positions
    for col in sheet.columns:
        if col.key not in positions:
            book.problems.append(Problem(
                "missing_column", ERROR if col.required else WARNING,
                f"Нет столбца «{col.title}»"
                + (" — он обязателен." if col.required else "; он пуст для всех строк.")
                + " Добавьте его или перенесите данные в книгу нового шаблона (nastavnik init).",
                sheet=title, row=hrow + 1, column=col.title))
    rows, columns = _body(grid[hrow + 1:], [j - 1 for j, _ in positions.values()], hrow + 2)
    data: dict[str, list] = {}
    for key, raw in zip(positions, columns):
        data[key] = type_column(book, sheet.key, sheet.col(key), raw, rows, today)
    book.tables[sheet.key] = _frame(sheet, data, rows)


def _filled(x) -> bool:
    """A cell that holds something (not just spaces); the common case is decided without cleaning the text."""
    if x is None or x == "":
        return False
    if type(x) is str and not x[0].isspace() and x[0] not in "\u200b\ufeff":
        return True
    return P.clean_text(x) is not None


def _body(body: list[list], idx: list[int], first_row: int) -> tuple[list[int], list]:
    """Excel row numbers of the non-empty rows, and the wanted columns of those rows (one list per column)."""
    if not idx or not body:
        return [], [[] for _ in idx]
    width = max(map(len, body))
    if min(map(len, body)) != width:  # ragged rows (not what calamine gives): pad each one
        body = [row + [None] * (width - len(row)) for row in body]
    columns = list(zip(*body))  # transposed in C: a district's sheet has tens of thousands of rows
    picked = [columns[j] if j < width else (None,) * len(body) for j in idx]
    # Blank cells of the first wanted column, judged once per distinct value (the hashes are reused later).
    blank = {x for x in dict.fromkeys(picked[0]) if not _filled(x)}
    if not blank:
        return list(range(first_row, first_row + len(body))), picked
    filled = [x not in blank for x in picked[0]]
    for i, ok in enumerate(filled):  # a row whose first wanted cell is blank may still hold something further right
        if not ok:
            filled[i] = any(_filled(col[i]) for col in picked[1:])
    if all(filled):
        return list(range(first_row, first_row + len(body))), picked
    keep = [i for i, ok in enumerate(filled) if ok]
    return [first_row + i for i in keep], [[col[i] for i in keep] for col in picked]


def _read_org(book: Book, grid: list[list], today: dt.date) -> None:
    by_title = {P.header_key(f.title): f for f in s.ORG_FIELDS}
    for f in s.ORG_FIELDS:
        for other in s.org_titles(f.key):
            by_title.setdefault(P.header_key(other), f)
    found: dict[str, Any] = {}
    for r, row in enumerate(grid):
        if not row:
            continue
        f = by_title.get(P.header_key(row[0]))
        if f is None or f.key in found:
            continue
        book.org_rows[f.key] = r + 1
        raw = row[1] if len(row) > 1 and row[1] != "" else None
        # Emptiness of the organisation's parameters is judged by the checks: a blank template is not broken.
        col = s.Col(f.key, f.title, f.kind, False, choices=f.choices, min=f.min, max=f.max)
        found[f.key] = type_column(book, "org", col, [raw], [r + 1], today)[0]
    for f in s.ORG_FIELDS:
        if f.key not in book.org_rows:
            if f.required:
                book.problems.append(Problem(
                    "missing_parameter", ERROR, f"На листе нет строки «{f.title}».",
                    sheet=book.sheet_titles["org"], column=f.title))
            found[f.key] = f.default
    book.org = found
    book.org_type = ot.find(found.get("org_type")) or ot.DEFAULT
    book.lists = {k: list(v) for k, (_t, v) in s.lists_for(book.org_type).items()}


def _read_lists(book: Book, grid: list[list]) -> None:
    """The curator's additions to the organisation's own lists on «Справочники».

    Each list is found by its title in the first rows (a typed list by any type's title); values under it that
    the list lacks are added to ``book.lists`` for an extendable list, and reported for a list the regulation
    fixes — the dropdowns of the sheets show the list, so the change would otherwise look accepted.
    """
    if not grid:
        return
    title = book.sheet_titles.get("lists", s.LISTS_TITLE)
    header_at = {}
    titles = {list_key: {P.header_key(x) for x in s.list_titles(list_key)} for list_key in s.LISTS}
    for r, row in enumerate(grid[:3]):
        for j, cell in enumerate(row):
            key = P.header_key(cell) if isinstance(cell, str) else None
            for list_key in s.LISTS:
                if key and key in titles[list_key] and list_key not in header_at:
                    header_at[list_key] = (r, j)
    markers = {P.header_key(x) for x in (s.LIST_OPEN_MARK, s.LIST_FIXED_MARK)}
    for list_key, (r, j) in header_at.items():
        have = book.lists[list_key]
        known = {P.fold(x) for x in have}
        for rr in range(r + 1, len(grid)):
            row = grid[rr]
            text = P.clean_text(row[j]) if j < len(row) else None
            if text is None or P.header_key(text) in markers:
                continue
            if P.fold(text) in known:
                continue
            known.add(P.fold(text))
            where = (rr + 1, col_letter(j + 1))
            book.list_cells[(list_key, text)] = where
            if list_key in s.EXTENDABLE:
                have.append(text)
            else:
                book.problems.append(Problem(
                    "fixed_list_changed", WARNING,
                    f"Список «{book.list_title(list_key)}» постоянный (его задают Положение и закон) и не "
                    f"дополняется: значение «{text}» программа не примет. Верните список к исходному виду (его можно скопировать из чистого "
                    "шаблона nastavnik init).", sheet=title, row=where[0], column=book.list_title(list_key),
                    letter=where[1], value=shorten(text)))


def _read_version(grid: list[list]) -> str | None:
    for row in grid[:10]:
        for cell in row[:3]:
            m = re.search(r"Версия шаблона:\s*([\w.]+)", str(cell or ""))
            if m:
                return m.group(1)
    return None


REQUIRED_SHEETS = {"org", "mentors", "mentees", "pairs"}


def read_workbook(path: str | os.PathLike, today: dt.date | None = None, sheets=None) -> Book:
    """Load every sheet of ours; raise UnusableInput only when the file cannot be read at all.

    ``sheets`` — the keys of the only sheets a command needs (``match.SHEETS``): «Организация» and «Справочники»
    are read always, every other sheet is left an empty table, unread, and no problem is looked for in it —
    a district's plans and events are not typed for a matching that never looks at them.
    """
    # Reading allocates a million small objects and no cycles: the cyclic collector would only rescan them
    # (a tenth of the reading time of a district's workbook), so it waits until the book is built.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_workbook(path, today, None if sheets is None else frozenset(sheets))
    finally:
        if was_enabled:
            gc.enable()


def _read_workbook(path: str | os.PathLike, today: dt.date | None, sheets: frozenset | None = None) -> Book:
    today = today or dt.date.today()
    path = Path(path)
    wb = open_calamine(path)
    book = Book(path=path, org={}, tables={})
    with wb:
        titles = {P.header_key(t): t for t in wb.sheet_names}
        wanted = {"org": s.ORG_TITLE, **{sh.key: sh.title for sh in s.SHEETS}}
        known = {P.header_key(t) for t in (*wanted.values(), s.INSTRUCTION_TITLE, s.LISTS_TITLE, s.CHECK_TITLE)}
        if not any(P.header_key(wanted[k]) in titles for k in REQUIRED_SHEETS):
            raise UnusableInput(
                f"Файл «{path.name}» — это не рабочая книга наставничества: в нём нет ни одного из её основных листов "
                f"(«{s.ORG_TITLE}», «{s.MENTORS.title}», «{s.MENTEES.title}»…). "
                "Возьмите шаблон: nastavnik init ИМЯ.xlsx")
        for key, title in wanted.items():
            if P.header_key(title) in titles:
                book.sheet_titles[key] = titles[P.header_key(title)]
        for hk, title in titles.items():
            if hk not in known:
                book.problems.append(Problem("unknown_sheet", WARNING,
                                             f"Лист «{title}» не из шаблона; программа его не читает.", sheet=title))
        if P.header_key(s.INSTRUCTION_TITLE) in titles:
            book.version = _read_version(_grid(wb, titles[P.header_key(s.INSTRUCTION_TITLE)], path))
        if book.version != s.TEMPLATE_VERSION:
            found = f"версии {book.version}" if book.version else "без отметки версии"
            book.problems.append(Problem(
                "old_template", WARNING,
                f"Книга сделана по шаблону {found}, текущая версия — {s.TEMPLATE_VERSION}. Чтобы обновить: "
                "создайте чистый шаблон (nastavnik init НОВАЯ.xlsx) и перенесите в него данные по листам.",
                sheet=s.INSTRUCTION_TITLE))
        if P.header_key(s.LISTS_TITLE) in titles:
            book.sheet_titles["lists"] = titles[P.header_key(s.LISTS_TITLE)]
        # «Организация» first: its type selects the lists, and «Справочники» extends them before any bank is read.
        order = ["org", "lists", *(k for k in wanted if k != "org")]
        for key in order:
            if key == "lists":
                if "lists" in book.sheet_titles:
                    _read_lists(book, _grid(wb, book.sheet_titles["lists"], path))
                continue
            title = wanted[key]
            if sheets is not None and key != "org" and key not in sheets:
                book.tables[key] = empty_table(key)
                continue
            if key not in book.sheet_titles:
                book.problems.append(Problem(
                    "missing_sheet", ERROR if key in REQUIRED_SHEETS else WARNING,
                    f"Нет листа «{title}»" + (" — без него работа невозможна." if key in REQUIRED_SHEETS
                                               else "; он считается пустым."), sheet=title))
                if key == "org":
                    book.org = {f.key: f.default for f in s.ORG_FIELDS}
                else:
                    book.tables[key] = empty_table(key)
                continue
            sheet_obj, grid = _sheet(wb, book.sheet_titles[key], path)
            if key == "org":
                _read_org(book, grid, today)
            else:
                _read_sheet(book, book.sheet(key), grid, sheet_obj.merged_cell_ranges, today)
    _formulas_without_values(book)
    if sheets is not None:  # a formula's cell on a sheet left unread is not this command's problem
        unread = {t for k, t in book.sheet_titles.items() if k not in sheets and k not in ("org", "lists")}
        book.problems = [p for p in book.problems if p.sheet not in unread]
    _open_elsewhere(book)
    # --- template migration: an older book is read as the current template (workbook/migrate.py) ---
    from nastavnik.workbook.migrate import migrate_book
    migrate_book(book)
    return book


def _formulas_without_values(book: Book) -> None:
    """A formula whose result was never saved reads as empty: say so at its cell instead of «не заполнен»."""
    from nastavnik.workbook.formulas import uncached_formulas

    found = uncached_formulas(book.path)
    if not found:
        return
    key_of = {title: key for key, title in book.sheet_titles.items()}
    cells = set()
    for title, refs in found.items():
        if title not in key_of:
            continue
        headers = {col_letter(i): h for i, h in book.columns.get(key_of[title], {}).values()}
        for ref in refs:
            letter, row = re.match(r"([A-Z]+)(\d+)", ref).groups()
            cells.add((title, int(row), letter))
            book.problems.append(Problem(
                "formula_without_value", ERROR,
                "Формула без сохранённого значения — откройте и сохраните книгу в Excel или Calc.",
                sheet=title, row=int(row), column=headers.get(letter), letter=letter))
    book.problems = [p for p in book.problems
                     if p.code == "formula_without_value" or (p.sheet, p.row, p.letter) not in cells]


def _open_elsewhere(book: Book) -> None:
    """Excel's «~$книга.xlsx» or LibreOffice's «.~lock.книга.xlsx#» beside the file: it is open right now."""
    name, folder = book.path.name, book.path.parent
    locks = (f"~${name}", f"~${name[2:]}", f".~lock.{name}#")
    try:
        is_open = any((folder / lock).exists() for lock in locks)
    except OSError:
        return
    if is_open:
        book.problems.insert(0, Problem(
            "workbook_open_elsewhere", WARNING,
            "Книга сейчас открыта в Excel или LibreOffice Calc: программа читает то, что сохранено на диске, "
            "и несохранённых изменений не видит. Сохраните книгу и запустите команду снова.",
            sheet=None))


def _sheet(wb, title: str, path: Path):
    """(sheet, rows as lists) — a sheet whose XML is broken makes the whole file unusable, said in Russian."""
    try:
        sheet_obj = wb.get_sheet_by_name(title)
        return sheet_obj, sheet_obj.to_python(skip_empty_area=False)  # fresh lists, ours to change
    except Exception as exc:  # calamine raises its own error types for broken XML
        raise UnusableInput(
            f"Файл «{path.name}», лист «{title}»: содержимое листа повреждено и не читается. Откройте файл в Excel или LibreOffice Calc и сохраните его заново.") from exc


def _grid(wb, title: str, path: Path) -> list[list]:
    return _sheet(wb, title, path)[1]
