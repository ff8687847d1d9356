"""Write a standardized workbook from the schema: blank, demo or synthetic.

xlsxwriter is used because it writes reproducible files (fixed zip times once
the creation date is set), native dropdowns pointing at named ranges, header
comments and date formats, and it is several times faster than openpyxl for
the large synthetic workbooks of the benchmark.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from nastavnik.base import xlsxprint
from nastavnik.base.problems import col_letter
from nastavnik.base.safeio import atomic_path
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import schema as s

FIXED_CREATED = dt.datetime(2025, 9, 1, 9, 0, 0)
# Dropdowns and formats cover this many rows beyond the data: tables do not grow by themselves.
SPARE_ROWS = 2000
# Empty cells under each of the organisation's own lists on «Справочники», inside its named range, so that
# a value the curator types there appears in the dropdowns at once.
LIST_SPARE_ROWS = 100


def academic_year(today: dt.date) -> tuple[str, dt.date, dt.date]:
    """The academic year a day belongs to: «2026/2027», 1 September, 31 August."""
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}/{start + 1}", dt.date(start, 9, 1), dt.date(start + 1, 8, 31)


# From this month on a new book is for the coming academic year: in August the curator prepares September.
NEW_BOOK_FROM_MONTH = 8


def new_book_year(today: dt.date) -> int:
    """The first calendar year of the academic year a book started on ``today`` is for.

    Until 31 July: the year that is running; from 1 August: the one that begins on 1 September.
    """
    return today.year if today.month >= NEW_BOOK_FROM_MONTH else today.year - 1


def blank_org(today: dt.date, org_type=None, full_name: str | None = None, short_name: str | None = None,
              first_year: int | None = None) -> dict:
    """The «Организация» values of a new workbook of a type (``orgtypes.OrgType``; None — the default type).

    One place for ``init``, the window's «Новая книга» and the committed templates, so that they agree. The
    academic year is ``first_year``/``first_year + 1`` when given, else the one ``new_book_year`` chooses.
    """
    from nastavnik.workbook import orgtypes

    t = org_type or orgtypes.DEFAULT
    year, start, end = academic_year(dt.date(first_year or new_book_year(today), 9, 1))
    org = {f.key: f.default for f in s.ORG_FIELDS}
    org.update(org_type=t.title, full_name=full_name or t.full_name, director_position=t.director_position,
               curator_position=t.curator_position, academic_year=year, period_start=start, period_end=end)
    if short_name:
        org["short_name"] = short_name
    return org


def _instruction_lines(org_type: ot.OrgType = ot.DEFAULT) -> list[tuple[str, str]]:
    """(style, text) lines of the «Инструкция» sheet, generated so they never disagree with the schema."""
    out: list[tuple[str, str]] = [
        ("title", "Рабочая книга системы (целевой модели) наставничества педагогических работников"),
        ("small", f"Версия шаблона: {s.TEMPLATE_VERSION}"),
        ("text", "Книгу ведёт куратор наставничества. Программа nastavnik читает её, проверяет, подбирает пары, "
                 "готовит приказы и программы, считает показатели мониторинга и формирует раздел сайта. "
                 "Сама книга программой никогда не изменяется."),
        ("head", "Как заполнять"),
        ("text", "• Одна строка — одна запись; строка 1 каждого листа — заголовки, их не переименовывайте."),
        ("text", "• Наведите курсор на заголовок — появится подсказка. Столбцы со звёздочкой (*) обязательны."),
        ("text", "• В столбцах со списком выбирайте значение из выпадающего списка; списки — на листе «Справочники»."),
        ("text", "• Списки организации (" + ", ".join(f"«{s.lists_for(org_type)[k][0]}»" for k in s.LISTS
                                                     if k in s.EXTENDABLE)
                 + ") можно дополнять: впишите новое значение на листе «Справочники» в пустую ячейку под списком. "
                   "Остальные списки заданы Положением и законом и не меняются."),
        ("text", "• Даты — в виде ДД.ММ.ГГГГ, например 01.09.2025."),
        ("text", "• Коды (Н-001, П-001, ПР-001, ПП-001) придумайте один раз и не меняйте: по ним связаны листы."),
        ("text", "• Человек вносится в банк только при наличии согласия на обработку персональных данных; на сайте "
                 "показываются только те, кто дал отдельное согласие на распространение."),
        ("head", "Как запустить программу"),
        ("text", "1. Сохраните и закройте эту книгу: программа читает то, что сохранено в файле."),
        ("text", "2. Проще всего — двойным щелчком. Положите в одну папку с книгой файл запуска nastavnik.bat "
                 "(Windows) или zapusk.py (он есть в папке scripts программы) и дважды щёлкните по нему. "
                 "Программа сама найдёт самую новую книгу .xlsx в этой папке, всё проверит и сделает."),
        ("text", "3. Или из командной строки: откройте папку с книгой, в адресной строке Проводника наберите cmd и "
                 "нажмите Enter, затем введите команду  py -m nastavnik run \"имя книги.xlsx\"  (имя в кавычках, "
                 "с окончанием .xlsx)."),
        ("text", "4. Результаты появятся в папке «Результаты» рядом с книгой (при запуске из командной строки — в "
                 "папке output): каждый запуск — новая папка с датой и временем, её имя записано в файле "
                 "«последний запуск.txt». В ней — приказы и программы (.docx), «Мониторинг.xlsx», «Предложения "
                 "пар.xlsx» и папка «сайт» с инструкцией «КАК ОПУБЛИКОВАТЬ» для системного администратора."),
        ("text", "5. Если в книге есть ошибки, программа перечислит их в окне и положит в папку результатов копию "
                 "книги с пометками: ошибочные ячейки закрашены красным, на листе «Проверка» — список со "
                 "ссылками. Исправьте ошибки в этой книге (не в копии) и запустите программу снова."),
        ("head", "Порядок работы в учебном году"),
        ("text", "1. Сентябрь: заполните лист «Организация», банки «Наставники» и «Наставляемые», соберите согласия."),
        ("text", "2. Запустите программу (см. выше) и исправьте ошибки в указанных ячейках."),
        ("text", "3. Посмотрите «Предложения пар.xlsx» — подбор наставников для методического совета."),
        ("text", "4. Внесите пары на лист «Пары и группы» (статус «проект»), составьте программы и план."),
        ("text", "5. Запустите программу снова: появятся приказы, программы, согласия. После подписания укажите "
                 "номер и дату приказа, статус «утверждена», затем «реализуется»."),
        ("text", "6. В течение года отмечайте выполнение плана, участие в конкурсах, новости для сайта; "
                 "на листе «Нормативная база» — региональные и локальные акты и методические рекомендации."),
        ("text", "7. В конце программы — анкетирование, статус «завершена» с причиной, достигнутые результаты."),
        ("text", "8. Каждый запуск заново делает показатели мониторинга («Мониторинг.xlsx»), статистическую форму и "
                 "раздел сайта; отдельные шаги можно запускать командами py -m nastavnik check, match, docs, "
                 "report, site (справка: py -m nastavnik --help)."),
        ("text", "9. Конец учебного года: nastavnik new-year — книга следующего года; прошлый год уходит на листы "
                 "«Архив …», эта книга не меняется."),
        ("head", "Статусы"),
        ("text", "Наставник: «активен» — может вести пары; «выбыл» — больше не участвует."),
        ("text", "Наставляемый: «ожидает пару», «в паре», «завершил» (программа окончена), «выбыл»."),
        ("text", "Пара/группа: «проект» (подобрана, приказа нет) → «утверждена» (есть приказ) → «реализуется» → "
                 "«завершена» или «прекращена досрочно» (с причиной по п. 7.1)."),
        ("text", "Мероприятие плана: «запланировано», «выполнено», «перенесено», «не выполнено»."),
    ]
    out.insert(1, ("small", f"Тип организации: {org_type.title}"))
    for sheet in (s.sheet_for(sh.key, org_type) for sh in s.SHEETS):
        out.append(("head", f"Лист «{sheet.title}»"))
        out.append(("text", sheet.purpose))
        for c in sheet.columns:
            star = " *" if c.required else ""
            hint = f" — {c.hint}" if c.hint else ""
            out.append(("col", f"{c.title}{star}{hint}"))
    return out


def header_title(col: s.Col) -> str:
    return col.title + (" *" if col.required else "")


def _cell_text(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(x) for x in value) or None
    return str(value)


def write_workbook(
    path: str | os.PathLike,
    org: Mapping[str, object] | None = None,
    tables: Mapping[str, Iterable[Mapping[str, object]]] | None = None,
    lists: Mapping[str, Iterable[str]] | None = None,
) -> Path:
    """Write a workbook of the current template for the type named in ``org`` (nastavnik.workbook.orgtypes).

    Missing tables get the template's prefill rows; ``lists`` carries a book's additions to its own lists
    (``Book.lists``) into the new book, so that new-year does not lose them.
    """
    import xlsxwriter

    path = Path(path)
    org = dict(org or {})
    org_type = ot.of(org)
    org.setdefault("org_type", org_type.title)
    tables = dict(tables or {})
    all_lists = s.lists_for(org_type)
    for key, values in (lists or {}).items():
        if key in s.EXTENDABLE and key in all_lists:
            title, base = all_lists[key]
            all_lists[key] = (title, base + [x for x in values if x not in base])
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(
            str(tmp),
            {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        wb.set_properties({"created": FIXED_CREATED, "title": "Наставничество", "comments": s.TEMPLATE_VERSION})
        fmt = _formats(wb)
        _write_instruction(wb, fmt, org_type)
        _write_org(wb, fmt, org, org_type, all_lists)
        for sheet in (s.sheet_for(sh.key, org_type) for sh in s.SHEETS):
            rows = tables.get(sheet.key)
            if rows is None:
                rows = [dict(zip(sheet.keys, r)) for r in sheet.prefill]
            _write_sheet(wb, fmt, sheet, rows, _org_name(org), all_lists)
        _write_lists(wb, fmt, all_lists)
        wb.close()
    return path


def _formats(wb):
    return {
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "head": wb.add_format({"bold": True, "font_size": 12}),
        "text": wb.add_format({"text_wrap": True, "valign": "top"}),
        "small": wb.add_format({"italic": True, "font_color": "#555555"}),
        "col": wb.add_format({"text_wrap": True, "valign": "top", "indent": 1}),
        "header": wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                                 "border": 1}),
        "header_req": wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#FCE4D6",
                                     "border": 1}),
        "date": wb.add_format({"num_format": "DD.MM.YYYY", "align": "left"}),
        "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
        "plain": wb.add_format({"valign": "top"}),
        "text_fmt": wb.add_format({"num_format": "@", "valign": "top"}),
        "open": wb.add_format({"italic": True, "font_color": "#375623", "bg_color": "#E2EFDA", "text_wrap": True}),
        "fixed": wb.add_format({"italic": True, "font_color": "#7F7F7F", "bg_color": "#EDEDED", "text_wrap": True}),
    }


def _write_instruction(wb, fmt, org_type: ot.OrgType) -> None:
    ws = wb.add_worksheet(s.INSTRUCTION_TITLE)
    ws.set_column(0, 0, 100)
    xlsxprint.setup_xlsxwriter(ws, landscape=False, repeat_rows=None, header_right=s.INSTRUCTION_TITLE)
    for i, (style, text) in enumerate(_instruction_lines(org_type)):
        ws.write_string(i, 0, text, fmt[style])
        # Neither Excel nor Calc grows a wrapped row on opening: give it the height its text needs.
        lines = -(-len(text) // 88) if style in ("text", "col") else 1
        height = {"title": 24, "head": 22}.get(style, 15 * lines + 2)
        ws.set_row(i, height)
    ws.activate()


def _validation_for(ws, first_row: int, last_row: int, col_idx: int, kind: str, choices, lo, hi, title: str,
                    lists: Mapping[str, tuple[str, list[str]]] | None = None):
    list_title = (lists or s.LISTS)[choices][0] if choices else ""
    if choices and kind == s.TEXT:  # a free-text column with the organisation's list offered, never enforced
        ws.data_validation(first_row, col_idx, last_row, col_idx, {
            "validate": "list", "source": f"=list_{choices}",
            "error_title": "Значение не из списка",
            "error_message": f"Такого значения нет в списке «{list_title}». Его можно оставить или дописать в "
                             "список на листе «Справочники».",
            "error_type": "information",
        })
    elif choices and kind != s.MULTI:
        extend = " или допишите своё значение в этот список" if choices in s.EXTENDABLE else ""
        ws.data_validation(first_row, col_idx, last_row, col_idx, {
            "validate": "list",
            "source": f"=list_{choices}",
            "error_title": "Значение не из списка",
            "error_message": f"Выберите значение из списка «{list_title}» (лист «Справочники»){extend}.",
            "error_type": "warning",
        })
    elif kind == s.INT and lo is not None and hi is not None:
        ws.data_validation(first_row, col_idx, last_row, col_idx, {
            "validate": "integer", "criteria": "between", "minimum": int(lo), "maximum": int(hi),
            "error_title": "Нужно целое число",
            "error_message": f"«{title}»: целое число от {int(lo)} до {int(hi)}.",
            "error_type": "warning",
        })


def _write_value(ws, r: int, c: int, value, kind: str, fmt) -> None:
    if value is None or value == "" or value == ():
        return
    if kind == s.DATE and isinstance(value, (dt.date, dt.datetime)):
        if not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day)
        ws.write_datetime(r, c, value, fmt["date"])
    elif kind in (s.INT, s.NUMBER) and isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.write_number(r, c, value)
    else:
        text = _cell_text(value)
        if text is not None:
            ws.write_string(r, c, text)


def _write_org(wb, fmt, org: Mapping[str, object], org_type: ot.OrgType, lists) -> None:
    ws = wb.add_worksheet(s.ORG_TITLE)
    ws.set_column(0, 0, 48)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 2, 50)
    for c, title in enumerate(("Параметр", "Значение", "Пояснение")):
        ws.write_string(0, c, title, fmt["header"])
    ws.freeze_panes(1, 0)
    xlsxprint.setup_xlsxwriter(ws, header_left=_org_name(org), header_right=s.ORG_TITLE)
    for i, f in enumerate(s.org_fields_for(org_type), start=1):
        ws.write_string(i, 0, f.title + (" *" if f.required else ""), fmt["header_req" if f.required else "plain"])
        value = org.get(f.key, f.default)
        _write_value(ws, i, 1, value, f.kind, fmt)
        if f.kind == s.DATE and value is None:
            ws.write_blank(i, 1, None, fmt["date"])
        hint = f.hint or (f"Раздел: {f.group}." if f.group != "Организация" else "")
        if hint:
            ws.write_string(i, 2, hint, fmt["small"])
        _validation_for(ws, i, i, 1, f.kind, f.choices, f.min, f.max, f.title, lists)


def _org_name(org: Mapping[str, object]) -> str | None:
    name = org.get("short_name")  # the full name has a generic default even in the blank template
    return str(name) if name else None


def _write_sheet(wb, fmt, sheet: s.Sheet, rows: Iterable[Mapping[str, object]], org_name: str | None = None,
                 lists=None) -> None:
    ws = wb.add_worksheet(sheet.title)
    cols = sheet.columns
    for j, c in enumerate(cols):
        ws.write_string(0, j, header_title(c), fmt["header_req" if c.required else "header"])
        if c.hint:
            ws.write_comment(0, j, c.hint, {"x_scale": 2, "y_scale": 1.2})
        cell_fmt = fmt["date"] if c.kind == s.DATE else fmt["text_fmt"] if c.kind in (s.CODE, s.CODES) else None
        ws.set_column(j, j, c.width, cell_fmt)
    ws.set_row(0, 48)
    ws.freeze_panes(1, 1 if sheet.key_col else 0)
    # Row 1 must stay the header (the reader finds the columns there): the title and the organisation
    # go into the printed page header instead.
    xlsxprint.setup_xlsxwriter(ws, header_left=org_name, header_right=sheet.title)
    n = 0
    for n, row in enumerate(rows, start=1):
        for j, c in enumerate(cols):
            _write_value(ws, n, j, row.get(c.key), c.kind, fmt)
    last = n + SPARE_ROWS
    for j, c in enumerate(cols):
        _validation_for(ws, 1, last, j, c.kind, c.choices, c.min, c.max, c.title, lists)
    ws.autofilter(0, 0, max(n, 1), len(cols) - 1)


def _write_lists(wb, fmt, lists: Mapping[str, tuple[str, list[str]]]) -> None:
    """Row 1: the list's title; row 2: whether the organisation may extend it; the values from row 3."""
    ws = wb.add_worksheet(s.LISTS_TITLE)
    xlsxprint.setup_xlsxwriter(ws, header_right=s.LISTS_TITLE, repeat_rows=(0, 1))
    for j, (key, (title, values)) in enumerate(lists.items()):
        ws.write_string(0, j, title, fmt["header"])
        is_open = key in s.EXTENDABLE
        ws.write_string(1, j, s.LIST_OPEN_MARK if is_open else s.LIST_FIXED_MARK, fmt["open" if is_open else "fixed"])
        ws.set_column(j, j, max(16, min(48, max((len(x) for x in values), default=0) + 2)))
        for i, value in enumerate(values, start=2):
            ws.write_string(i, j, value)
        last = len(values) + 2 + (LIST_SPARE_ROWS if is_open else 0)
        letter = col_letter(j + 1)
        wb.define_name(f"list_{key}", f"='{s.LISTS_TITLE}'!${letter}$3:${letter}${max(last, 3)}")
    ws.set_row(0, 46)
    ws.set_row(1, 34)
    ws.freeze_panes(2, 0)
