"""A staff list as schools export it, read into the «Педагогический состав» sheet of a COPY of the book.

Kadrovye programs and secretaries name their columns their own way («Ф.И.О.», «Стаж педагогический»), put them
in any order among columns the register does not need, save .xlsx or .csv (UTF-8 or Windows-1251, «;» or «,»)
and type dates as text. ``plan_import`` reads such a list, keeps the pedagogical positions, and says for every row
what becomes of it: added, updated, unchanged, or left out and why (a position that is not pedagogical, a
duplicate, an unreadable date). ``write_copy`` writes the plan into a copy of the workbook; the curator's file is
never modified. A person is the same person when ФИО and date of birth agree (ФИО alone when the list or the
register has no date of birth and the name is unique).

Messages name the list's row and column, never a person's name or date of birth (152-ФЗ).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.problems import NastavnikError
from nastavnik.base.safeio import atomic_path, safe_filename
from nastavnik.workbook import parse as P
from nastavnik.workbook import schema as s

ADDED, UPDATED, SAME, LEFT_OUT = "добавлен", "обновлён", "без изменений", "не принят"

# Header words -> register column. Headers are compared as ``header_key`` (no case, ё, spaces, punctuation).
_HEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("fio", ("фио", "фамилияимяотчество", "фамилияимяотчествополностью", "сотрудник", "работник",
             "фиосотрудника", "фиоработника", "фиопедагога")),
    ("surname", ("фамилия",)),
    ("name", ("имя",)),
    ("patronymic", ("отчество",)),
    ("position", ("должность", "занимаемаядолжность", "должностьпоштатномурасписанию", "основнаядолжность",
                  "наименованиедолжности")),
    ("birth_date", ("датарождения", "деньрождения", "рождение")),
    ("hire_date", ("датаприема", "датаприеманаработу", "принят", "датапоступления", "датапоступлениянаработу",
                   "приемнаработу")),
    ("qual_category", ("категория", "квалификационнаякатегория", "квкатегория", "квалификация")),
    ("left_date", ("датаувольнения", "уволен", "увольнение")),
)
_COLS = ("fio", "position", "birth_date", "hire_date", "ped_experience", "qual_category", "left_date")
DATE_COLS = ("birth_date", "hire_date", "left_date")


def _column_of(header) -> str | None:
    key = P.header_key(header)
    if not key:
        return None
    if "стаж" in key:  # «Стаж педагогический», «Педагогический стаж», «Пед. стаж (лет)»
        return "ped_experience" if "пед" in key else None
    for col, words in _HEADERS:
        if key in words:
            return col
    return None


# --- Which positions are pedagogical ----------------------------------------------------------------------
# The nomenclature of positions (постановление Правительства РФ от 21.02.2022 № 225): section I — pedagogical
# workers, section II — heads of organisations and their deputies. Helpers of a teacher are not pedagogical.
_NOT_PEDAGOGICAL = ("помощник воспитателя", "младший воспитатель", "помощник учителя")
_PEDAGOGICAL_HEADS = ("советник директора по воспитанию", "музыкальный руководитель",
                      "руководитель физического воспитания", "преподаватель-организатор")
_HEADS = ("директор", "заведующ", "заместитель", "руководитель", "начальник", "ректор", "проректор")
_PEDAGOGICAL = ("учител", "воспитател", "преподавател", "педагог", "методист", "тьютор", "логопед",
                "дефектолог", "концертмейстер", "инструктор по физической культуре", "инструктор по труду",
                "инструктор-методист", "тренер", "мастер производственного обучения", "вожат", "аккомпаниатор",
                "сурдопереводчик")

HEAD_REASON = ("должность руководителя, а не педагогического работника (номенклатура должностей, постановление "
               "Правительства РФ от 21.02.2022 № 225, раздел II)")


def position_reason(position: str | None) -> str | None:
    """None for a pedagogical position, else why the row is left out."""
    if not position:
        return "не указана должность"
    text = P.fold(position)
    if any(w in text for w in _NOT_PEDAGOGICAL):
        return f"должность «{position}» не педагогическая"
    if any(w in text for w in _PEDAGOGICAL_HEADS):
        return None
    if any(w in text for w in _HEADS):
        return f"«{position}» — {HEAD_REASON}"
    if any(w in text for w in _PEDAGOGICAL):
        return None
    return f"должность «{position}» не педагогическая"


# --- Reading the list --------------------------------------------------------------------------------------
@dataclass
class StaffList:
    path: Path
    sheet: str | None  # the sheet of an .xlsx the list was found on
    header_row: int
    columns: dict[str, tuple[int, str]]  # register column (or surname/name/patronymic) -> (index, header)
    rows: list[tuple[int, list]]  # (row number in the file, cells)
    ignored: list[str] = field(default_factory=list)  # headers of the columns not taken


def _decode(data: bytes, path: Path) -> str:
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        raise NastavnikError(f"Файл «{path.name}» не читается ни как UTF-8, ни как Windows-1251. Сохраните список "
                             "из Excel как «CSV UTF-8» или как книгу .xlsx.") from None


def _csv_grid(path: Path) -> list[tuple[str | None, list[list]]]:
    text = _decode(path.read_bytes(), path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return [(None, [[c if c.strip() else None for c in r] for r in rows])]


def _xlsx_grids(path: Path) -> list[tuple[str | None, list[list]]]:
    import zipfile

    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        if isinstance(exc, (PermissionError, FileNotFoundError)):
            raise
        raise NastavnikError(f"Файл «{path.name}» не открывается как книга Excel .xlsx: он повреждён или это "
                             "файл другого вида. Откройте его в Excel и сохраните как .xlsx или .csv.") from None
    try:
        return [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    finally:
        wb.close()


def _find_header(grid: list[list]) -> tuple[int, dict[str, tuple[int, str]]] | None:
    for r, row in enumerate(grid[:20]):
        found: dict[str, tuple[int, str]] = {}
        for j, cell in enumerate(row):
            col = _column_of(cell)
            if col and col not in found:
                found[col] = (j, str(cell).strip())
        has_name = "fio" in found or {"surname", "name"} <= found.keys()
        if has_name and "position" in found:
            return r, found
    return None


def read_staff_list(path: Path) -> StaffList:
    """The list's header and rows; a file that is not a staff list stops with a message (exit 2)."""
    path = Path(path)
    if not path.is_file():
        raise NastavnikError(f"Файл списка «{path}» не найден.")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        grids = _csv_grid(path)
    elif suffix in (".xlsx", ".xlsm"):
        grids = _xlsx_grids(path)
    else:
        raise NastavnikError(f"Список «{path.name}»: нужен файл .xlsx или .csv. Откройте его в Excel и сохраните "
                             "как «Книга Excel (.xlsx)» или «CSV UTF-8».")
    for sheet, grid in grids:
        found = _find_header(grid)
        if found is None:
            continue
        r, columns = found
        taken = {j for j, _ in columns.values()}
        ignored = [str(c).strip() for j, c in enumerate(grid[r]) if j not in taken and c not in (None, "")]
        rows = [(r + 2 + i, row) for i, row in enumerate(grid[r + 1:])
                if any(c not in (None, "") and str(c).strip() for c in row)]
        return StaffList(path, sheet, r + 1, columns, rows, ignored)
    raise NastavnikError(f"В файле «{path.name}» не найдена строка заголовков списка сотрудников: нужны хотя бы "
                         "столбцы «ФИО» (или «Фамилия» и «Имя») и «Должность» в первых 20 строках.")


# --- Values --------------------------------------------------------------------------------------------------
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")


def parse_experience(value) -> tuple[int | None, bool]:
    """Whole years of experience from «12», 12.5, «12 лет», «5 л. 3 мес.»; (None, False) when unreadable."""
    if value is None or value == "":
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, (int, float)):
        years = int(value)
    else:
        m = _NUMBER.search(str(value))
        if not m:
            return None, False
        years = int(float(m.group(1).replace(",", ".")))
    return (years, True) if 0 <= years <= 60 else (None, False)


def _cell(row: list, columns: dict, key: str):
    if key not in columns:
        return None
    j = columns[key][0]
    value = row[j] if j < len(row) else None
    if isinstance(value, str):
        value = value.strip() or None
    return value


def _fio(row: list, columns: dict) -> str | None:
    if "fio" in columns:
        value = _cell(row, columns, "fio")
    else:
        value = " ".join(str(x).strip() for x in (_cell(row, columns, k) for k in ("surname", "name", "patronymic"))
                         if x)
    return " ".join(str(value).split()) if value else None


# --- The plan -----------------------------------------------------------------------------------------------
@dataclass
class Line:
    status: str
    row: int  # row of the list
    reason: str = ""


@dataclass
class Plan:
    source: StaffList
    lines: list[Line] = field(default_factory=list)
    appends: list[dict] = field(default_factory=list)
    writes: list[tuple[int, str, object]] = field(default_factory=list)  # (sheet row, column key, value)
    not_in_list: int = 0  # people on the register the list does not have

    def count(self, status: str) -> int:
        return sum(1 for x in self.lines if x.status == status)

    @property
    def changes(self) -> bool:
        return bool(self.appends or self.writes)


def _letter(j: int) -> str:
    from nastavnik.base.problems import col_letter

    return col_letter(j + 1)


def _where(lst: StaffList, row: int, key: str) -> str:
    j, header = lst.columns[key]
    return f"столбец «{header}» ({_letter(j)})"


def _person_key(fio: str, birth) -> tuple:
    return (P.fold(fio), birth)


def plan_import(book, path: Path) -> Plan:
    """What the list does to the register of ``book``: every row of the list gets one line."""
    lst = read_staff_list(path)
    plan = Plan(lst)
    register = book.tables.get("staff")
    known: dict[tuple, int] = {}  # (fold fio, birth) -> frame index
    by_name: dict[str, list[int]] = {}
    if register is not None and len(register):
        for i in register.index:
            fio = register.at[i, "fio"]
            if not fio:
                continue
            birth = register.at[i, "birth_date"]
            birth = None if birth is None or birth != birth else _as_date(birth)
            known[_person_key(fio, birth)] = i
            by_name.setdefault(P.fold(fio), []).append(i)
    seen: dict[tuple, int] = {}
    matched: set[int] = set()
    for n, row in lst.rows:
        fio = _fio(row, lst.columns)
        if not fio:
            plan.lines.append(Line(LEFT_OUT, n, "не заполнено ФИО"))
            continue
        fio, err = P.parse_fio(fio)
        if err or not fio:
            plan.lines.append(Line(LEFT_OUT, n, f"{_where(lst, n, 'fio' if 'fio' in lst.columns else 'surname')}: "
                                   "не похоже на ФИО — нужны фамилия, имя и отчество (2–3 слова из букв)"))
            continue
        position = _cell(row, lst.columns, "position")
        position = " ".join(str(position).split()) if position else None
        why = position_reason(position)
        if why:
            plan.lines.append(Line(LEFT_OUT, n, why))
            continue
        values: dict[str, object] = {"fio": fio, "position": position}
        bad = []
        for key in DATE_COLS:
            if key not in lst.columns:
                continue
            raw = _cell(row, lst.columns, key)
            d, err = P.parse_date(raw)
            if err:
                bad.append(_where(lst, n, key))
            else:
                values[key] = d
        if bad:
            plan.lines.append(Line(LEFT_OUT, n, "не читается дата: " + ", ".join(bad)
                                   + " — нужна дата в виде ДД.ММ.ГГГГ"))
            continue
        notes = []
        if "ped_experience" in lst.columns:
            years, ok = parse_experience(_cell(row, lst.columns, "ped_experience"))
            if ok:
                values["ped_experience"] = years
            else:
                notes.append(f"стаж не прочитан ({_where(lst, n, 'ped_experience')}), оставлен пустым")
        if "qual_category" in lst.columns:
            cat = _cell(row, lst.columns, "qual_category")
            values["qual_category"] = " ".join(str(cat).split()) if cat else None
        key = _person_key(fio, values.get("birth_date"))
        if key in seen:
            plan.lines.append(Line(LEFT_OUT, n, f"повторяет строку {seen[key]} списка (те же ФИО и дата рождения)"))
            continue
        seen[key] = n
        idx = known.get(key)
        if idx is None and (values.get("birth_date") is None or _no_birth(register, by_name.get(P.fold(fio)))):
            same = by_name.get(P.fold(fio), [])
            idx = same[0] if len(same) == 1 else None
        note = ("; " + "; ".join(notes)) if notes else ""
        if idx is None:
            plan.appends.append(values)
            plan.lines.append(Line(ADDED, n, note.lstrip("; ")))
            continue
        matched.add(idx)
        changed = []
        for col, value in values.items():
            old = register.at[idx, col]
            old = None if old is None or old != old else old
            if isinstance(old, dt.datetime) or hasattr(old, "to_pydatetime"):
                old = _as_date(old)
            if value is None or _same(old, value):
                continue
            plan.writes.append((int(register.at[idx, "_row"]), col, value))
            changed.append(f"«{s.STAFF.col(col).title}»")
        if changed:
            plan.lines.append(Line(UPDATED, n, "изменено: " + ", ".join(changed) + note))
        else:
            plan.lines.append(Line(SAME, n, note.lstrip("; ")))
    if register is not None and len(register):
        plan.not_in_list = sum(1 for i in register.index if register.at[i, "fio"] and i not in matched)
    return plan


def _no_birth(register, indices) -> bool:
    return bool(indices) and all(_as_date(register.at[i, "birth_date"]) is None for i in indices)


def _as_date(value):
    if value is None or value != value:
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _same(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return P.fold(a) == P.fold(b)
    if isinstance(a, float) and isinstance(b, int):
        return int(a) == b
    return a == b


def describe(plan: Plan, applied: bool = False) -> list[str]:
    """The preview in Russian: totals, then one line per row that is not simply added or unchanged."""
    lst = plan.source
    where = f"«{lst.path.name}»" + (f", лист «{lst.sheet}»" if lst.sheet else "")
    taken = ", ".join(f"«{h}» → «{s.STAFF.col(k).title if k in s.STAFF.keys else _PART[k]}»"
                      for k, (_j, h) in sorted(lst.columns.items(), key=lambda kv: kv[1][0]))
    out = [f"Список {where}: строка заголовков {lst.header_row}, строк с данными — {len(lst.rows)}.",
           f"Столбцы: {taken}."]
    if lst.ignored:
        out.append("Не используются: " + ", ".join(f"«{h}»" for h in lst.ignored) + ".")
    counts = (plan.count(ADDED), plan.count(UPDATED), plan.count(SAME), plan.count(LEFT_OUT))
    if applied:
        out.append("Добавлено: {}; обновлено: {}; без изменений: {}; не принято: {}.".format(*counts))
    else:
        out.append("Просмотр: добавить — {}, обновить — {}, без изменений — {}, не принять — {}.".format(*counts))
    for line in plan.lines:
        if line.status == LEFT_OUT or line.status == UPDATED or line.reason:
            out.append(f"  строка {line.row}: {line.status} — {line.reason}" if line.reason
                       else f"  строка {line.row}: {line.status}")
    if plan.not_in_list:
        out.append(f"В листе «{s.STAFF.title}» есть люди, которых нет в списке: {plan.not_in_list}. Они не удалены; "
                   "уволившемуся укажите «Дату увольнения».")
    return out


_PART = {"surname": "ФИО (фамилия)", "name": "ФИО (имя)", "patronymic": "ФИО (отчество)"}


# --- Writing the copy ---------------------------------------------------------------------------------------
def copy_name(book) -> str:
    return safe_filename(f"{book.path.stem} — с педагогическим составом{book.path.suffix}")


def _put(cell, value, kind: str) -> None:
    if value is None:
        cell.value = None
    elif kind == s.DATE and isinstance(value, dt.date):
        cell.value = dt.datetime(value.year, value.month, value.day)
        cell.number_format = "DD.MM.YYYY"
    elif kind == s.INT and isinstance(value, int):
        cell.value = value
    else:
        cell.value = str(value)
        cell.data_type = "s"


def write_copy(book, plan: Plan, out_dir: Path) -> Path:
    """The book with the register filled in, saved whole into ``out_dir``; the original is not touched."""
    import openpyxl

    from nastavnik.workbook.template import header_title

    if book.path is None or book.path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise NastavnikError("Педагогический состав можно записать только в копию книги .xlsx. Сохраните книгу "
                             "как .xlsx и повторите.")
    target = Path(out_dir) / copy_name(book)
    if target.resolve() == book.path.resolve():
        raise NastavnikError("Копия совпала бы с исходной книгой; укажите другую папку параметром --out.")
    wb = openpyxl.load_workbook(book.path, keep_vba=book.path.suffix.lower() == ".xlsm")
    spec = s.STAFF
    title = book.sheet_titles.get("staff")
    if title and title in wb.sheetnames and book.columns.get("staff"):
        ws = wb[title]
        cols = {k: j for k, (j, _h) in book.columns["staff"].items()}
        rows = list(book.tables["staff"]["_row"])
        last = max(rows) if rows else 1
    else:  # an older book (template before 1.6): the sheet is added after the last table sheet
        ws = wb.create_sheet(spec.title)
        for j, col in enumerate(spec.columns, start=1):
            ws.cell(1, j, header_title(col))
            ws.column_dimensions[_letter(j - 1)].width = col.width
        cols = {c.key: j for j, c in enumerate(spec.columns, start=1)}
        last = 1
    for row, key, value in plan.writes:
        if key in cols:
            _put(ws.cell(row, cols[key]), value, spec.col(key).kind)
    for n, values in enumerate(plan.appends, start=1):
        for key, value in values.items():
            if key in cols:
                _put(ws.cell(last + n, cols[key]), value, spec.col(key).kind)
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target
