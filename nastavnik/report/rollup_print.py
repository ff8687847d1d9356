"""The district roll-up as a methodologist prints it: one A4 landscape sheet per group of key indicators.

«Свод» holds every key indicator of every institution in one row — the table a program (or a pivot table)
reads, two dozen columns wide; fitted to one A4 page it printed at about 4 pt. So the printed view is
separate: each sheet below takes a few indicator groups (at most seven columns), organisations as rows,
the title and header rows repeated on every page, at a scale that keeps the 10-pt text at 8 pt or more.
The figures are the same values as on «Свод», written, not referenced (LibreOffice does not recalculate).
"""

from __future__ import annotations

from nastavnik.base import xlsxprint

from .registry import GROUPS, SPEC_BY_CODE

# (sheet title ≤ 31 characters, indicator groups of registry.GROUPS)
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Участники", ("participants",)),
    ("Охват", ("coverage",)),
    ("Программы, план, анкеты", ("programmes", "plan", "surveys", "growth")),
    ("Мероприятия и закрепление", ("events", "people")),
    ("Организация и готовность", ("organisation", "readiness")),
)
FONT_PT = 10
WIDTH_NO, WIDTH_ORG, WIDTH_VALUE = 4, 30, 12


def section_codes(groups: tuple[str, ...], key_codes: list[str]) -> list[str]:
    return [c for c in key_codes if SPEC_BY_CODE[c].group in groups]


def head_text(code: str) -> str:
    s = SPEC_BY_CODE[code]
    return f"{s.name}, {s.unit}" + (f" (цель {s.target_text})" if s.target is not None else "")


def width_px(n_codes: int) -> int:
    """The printed width of a section sheet in pixels, as xlsxwriter stores its columns."""
    def px(chars):
        return int(chars * 7 + 5)

    return px(WIDTH_NO) + px(WIDTH_ORG) + n_codes * px(WIDTH_VALUE)


def lines(text: str, width: float) -> int:
    """Lines a wrapped cell of ``width`` characters takes: words do not break, so count word by word."""
    room = width * 1.1
    n, used = 1, 0
    for word in str(text).split():
        if used and used + 1 + len(word) > room:
            n, used = n + 1, 0
        while len(word) > room:  # a word longer than the column breaks where the column ends
            n, word = n + 1, word[int(room):]
        used += (1 if used else 0) + len(word)
    return n


def row_height(n_lines: int) -> float:
    return 12.75 * n_lines + 3


def write_sections(wb, rollup, key_codes: list[str], made: str, formats: dict) -> list[str]:
    """One printable sheet per section; returns their titles."""
    titles = []
    for title, groups in SECTIONS:
        codes = section_codes(groups, key_codes)
        if not codes:
            continue
        ws = wb.add_worksheet(title)
        titles.append(title)
        xlsxprint.setup_xlsxwriter(ws, repeat_rows=(0, 3))
        ws.write(0, 0, f"Свод показателей наставничества: {title.lower()}", formats["title"])
        names = ", ".join(GROUPS[g].lower() for g in groups)
        ws.merge_range(1, 0, 1, 1 + len(codes),
                       f"Группы показателей: {names}. Организаций (файлов): {len(rollup.files)}, не прочитано: "
                       f"{len(rollup.unreadable)}; сформировано {made}. Все показатели в одной таблице — на листе "
                       "«Свод».", formats["plain"])
        ws.set_row(1, 28)
        ws.write_row(3, 0, ["№", "Организация (файл)"] + [head_text(c) for c in codes], formats["head"])
        ws.set_row(3, row_height(max(lines(head_text(c), WIDTH_VALUE) for c in codes)))
        row = 4
        names = [f["org"] for f in rollup.files if f["org"]]
        for n, f in enumerate(rollup.files, start=1):
            who = f["org"] or f["file"]
            if f["org"] and names.count(f["org"]) > 1:  # the same organisation twice: the file tells them apart
                who += f" ({f['file']})"
            if not f["indicators"] or not f.get("counted", True):  # unreadable, or a repeat left out of «Итого»
                who += f" — {f['status']}"
            ws.write(row, 0, n, formats["text"])
            ws.write(row, 1, who, formats["text"])
            for j, code in enumerate(codes):
                value = f["indicators"].get(code, {}).get("value") if f["indicators"] else None
                ws.write(row, 2 + j, "—" if value is None else value,
                         formats["text"] if value is None else formats["num"])
            ws.set_row(row, row_height(lines(who, WIDTH_ORG)))  # LibreOffice does not grow wrapped rows
            row += 1
        ws.write_row(row, 0, ["", "Итого"], formats["total_text"])
        for j, code in enumerate(codes):
            value = rollup.totals.get(code)
            ws.write(row, 2 + j, "—" if value is None else value,
                     formats["total_text"] if value is None else formats["total_num"])
        ws.merge_range(row + 1, 0, row + 1, 1 + len(codes),
                       "Итого: числа — суммы по организациям; доли — пересчитаны по суммам числителей и "
                       "знаменателей; средние и баллы не суммируются (—).", formats["plain"])
        ws.set_row(row + 1, 28)
        ws.set_column(0, 0, WIDTH_NO)
        ws.set_column(1, 1, WIDTH_ORG)
        ws.set_column(2, 1 + len(codes), WIDTH_VALUE)
        ws.freeze_panes(4, 2)
    return titles
