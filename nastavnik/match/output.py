"""The proposal as people read it: a text table for the terminal and an xlsx for the council.

The JSON form is ``MatchResult.to_dict`` itself, so the file a program reads
and the table a person reads never disagree.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from nastavnik.workbook import schema as s

from .scoring import PARTS, part_titles, weight_titles

XLSX_NAME = "Предложения пар.xlsx"
WAIT_CAP_TITLE = next(title for key, title, *_ in s.MATCH_PARAMS if key == "wait_cap_months")


def num(x: float) -> str:
    """A score the Russian way: «82,5»."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def who(result, code: str) -> str:
    fio = result.people.get(code)
    return f"{code} {fio}" if fio else code


def render_json(result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str)


def render_text(result) -> str:
    lines = [f"Подбор наставнических пар: книга «{result.workbook}», на {result.today:%d.%m.%Y}"]
    free = [c for c, x in result.capacity.items() if x > 0]
    lines.append(
        f"Ожидают пару: {result.waiting}; участвуют в подборе: {result.pool_mentees}. "
        f"Наставников со свободными местами: {len(free)} (мест: {sum(result.capacity.values())}).")
    lines.append("")
    if result.proposal:
        lines.append(f"ПРЕДЛОЖЕНИЕ — пары с наибольшей суммарной оценкой ({num(result.total_score)}):")
        for rec in result.proposal:
            lines.append(f"  {who(result, rec['mentee'])}  →  {who(result, rec['mentor'])}   "
                         f"оценка {num(rec['score'])}"
                         + (f"   [замена в паре {replaced(rec)}]" if rec.get("replaces") else ""))
            lines.append(f"      {'; '.join(rec['reasons'])}")
    else:
        lines.append("ПРЕДЛОЖЕНИЕ: ни одной пары подобрать нельзя.")
    if result.candidates:
        lines.append("")
        limit = f"до {result.top}" if result.top > 0 else "все возможные"
        lines.append(f"КАНДИДАТЫ ({limit} на каждого наставляемого):")
        current = None
        for rec in result.candidates:
            if rec["mentee"] != current:
                current = rec["mentee"]
                lines.append(f"  {who(result, current)}")
            mark = "  [в предложении]" if rec["in_proposal"] else ""
            lines.append(f"    {rec['rank']}. {who(result, rec['mentor'])} — {num(rec['score'])}{mark}")
            lines.append(f"       {'; '.join(rec['reasons'])}")
    if result.groups:
        lines.append("")
        lines.append("ГРУППЫ В ПРЕДЛОЖЕНИИ (вид «в группе»; при --apply — один код на группу):")
        for g in result.groups:
            lines.append(f"  {g['number']}. {who(result, g['mentor'])}: {', '.join(g['mentees'])} — запросы: "
                         f"{', '.join(g['requests'])}; сумма оценок {num(g['score'])}")
    if result.unmatched:
        lines.append("")
        lines.append("БЕЗ НАСТАВНИКА:")
        for u in result.unmatched:
            lines.append(f"  {who(result, u['mentee'])}")
            for reason in u["reasons"]:
                lines.append(f"    Причина: {reason}.")
            for advice in u["advice"]:
                lines.append(f"    Что делать: {advice}.")
    if result.excluded:
        lines.append("")
        lines.append("НЕ УЧАСТВУЮТ В ПОДБОРЕ:")
        for e in result.excluded:
            lines.append(f"  {e['code']}: {e['reason']} — {e['advice']}.")
    return "\n".join(lines) + "\n"


def replaced(rec: dict) -> str | None:
    """«ПР-003 (наставник Н-003)»: the running pair a proposal replaces after «не подходит» (early fit check)."""
    r = rec.get("replaces")
    return f"{r['pair']} (наставник {r['mentor']})" if r else None


def org_title(org: dict) -> str | None:
    """The organisation's name for a title line: the short name, else the full one."""
    name = org.get("short_name") or org.get("full_name")
    return str(name) if name else None


_WS = "\t\n\x0b\x0c\r "  # textwrap's whitespace: ASCII only
_CHUNKS = re.compile(f"([{re.escape(_WS)}]+)")
_PLAIN = re.compile(r"\S+(?: \S+)*")  # words without any blank, one space between them


@lru_cache(maxsize=1 << 14)
def wrapped_lines(text: str, width: int) -> int:
    """``len(textwrap.wrap(text, width, break_on_hyphens=False))``, at least 1, without building the lines.

    The same steps as ``textwrap.TextWrapper._wrap_chunks``: whole words fill a line greedily, a word longer
    than the line is cut, blanks at the start of a further line and at the end of a line are dropped. The
    council's proposal at district scale has a hundred thousand cells to measure, and textwrap took seconds
    of the command (``tests/test_match_scale.py`` compares the two).
    """
    if "\t" not in text and len(text) <= width:
        return 1
    words = text.split(" ")
    if _PLAIN.fullmatch(text) and max(map(len, words)) <= width:
        # Words and single spaces only (the reasons): a word joins the line when it fits with its space.
        lines, used = 1, len(words[0])
        for w in words[1:]:
            if used + 1 + len(w) <= width:
                used += 1 + len(w)
            else:
                lines, used = lines + 1, len(w)
        return lines
    # Replacing each blank by a space (textwrap's first step) changes no length: only lengths are counted here.
    chunks = [c for c in _CHUNKS.split(text.expandtabs()) if c]
    chunks.reverse()
    lines = 0
    while chunks:
        line: list[str] = []
        used = 0
        if lines and chunks[-1].strip() == "":
            del chunks[-1]
        while chunks and used + len(chunks[-1]) <= width:
            used += len(chunks[-1])
            line.append(chunks.pop())
        if chunks and len(chunks[-1]) > width:
            room = 1 if width < 1 else width - used
            line.append(chunks[-1][:room])
            chunks[-1] = chunks[-1][room:]
        if line and line[-1].strip() == "":
            del line[-1]
        if line:
            lines += 1
    return max(1, lines)


def write_match_xlsx(result, path, org: str | None = None) -> Path:
    """«Предложения пар» for the methodological council: proposal, candidates, groups, without a pair.

    Every sheet opens with a title line (organisation, workbook, date) above the header row and prints
    on A4 (``nastavnik.base.xlsxprint``); ``org`` is the organisation's name for that line.
    """
    import xlsxwriter

    from nastavnik.base import xlsxprint
    from nastavnik.base.safeio import atomic_path

    title = "Предложение наставнических пар для методического совета"
    titles, weight_rows = part_titles(result.org_type), weight_titles(result.org_type)  # the type's words
    where = "; ".join(x for x in (org, f"книга «{result.workbook}»", f"на {result.today:%d.%m.%Y}") if x)

    path = Path(path)
    with atomic_path(path) as tmp:
        # Row by row to disk (constant_memory): a district's candidates are a hundred thousand cells, and every
        # sheet below writes its rows in order.
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False, "constant_memory": True})
        head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7", "border": 1})
        wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        number = wb.add_format({"num_format": "0.0##", "valign": "top"})
        whole = wb.add_format({"num_format": "0", "valign": "top"})
        bold = wb.add_format({"bold": True, "font_size": 12, "valign": "top"})

        def lines(text, width) -> int:
            # Wrapped as Calc wraps: whole words, about one character per unit of column width (measured on
            # the printed proposal: a 90-wide column holds 88–93 characters; dividing the length lost a line).
            return wrapped_lines(text, max(1, int(width)))

        def sheet(name_, columns, rows, empty="Нет строк.", printed: int | None = None):
            """``printed``: only the first columns go on paper (the rest are for sorting on screen)."""
            ws = wb.add_worksheet(name_)
            # Neither Excel nor Calc grows a wrapped row by itself: heights follow the text; printed on A4,
            # one page wide, the title and the header on every page — the council reads it on paper.
            xlsxprint.setup_xlsxwriter(ws, repeat_rows=(0, 1), header_right=name_)
            ws.write_string(0, 0, f"{title}. {where}", bold)
            ws.set_row(0, 20)
            for c, (name, width) in enumerate(columns):
                ws.write_string(1, c, name, head)
                ws.set_column(c, c, width)
            # bold header letters are wider: about 0.85 of a character per unit
            ws.set_row(1, 15 * max(lines(name, width * 0.85) for name, width in columns) + 3)
            if not rows:  # a sheet with a header only would print as a blank page
                ws.write_string(2, 0, empty)
            for r, row in enumerate(rows, start=2):
                tall = 1
                for c, value in enumerate(row):
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        ws.write_number(r, c, value, whole if isinstance(value, int) else number)  # «1», not «1.0»
                    elif value not in (None, ""):
                        ws.write_string(r, c, str(value), wrap)
                        tall = max(tall, lines(str(value), columns[c][1]))
                ws.set_row(r, 15 * tall + 2)
            ws.freeze_panes(2, 0)
            ws.autofilter(1, 0, max(len(rows), 1) + 1, len(columns) - 1)
            if printed:
                ws.print_area(0, 0, max(len(rows), 1) + 1, printed - 1)

        fio = result.people.get
        sheet("Предложение", [("Код наставляемого", 15), ("Наставляемый", 30), ("Код наставника", 13),
                              ("Наставник", 30), ("Оценка", 9), ("Вид (пожелание)", 22), ("Группа №", 8),
                              ("Заменяет пару", 16), ("Обоснование", 90)],
              [(p["mentee"], fio(p["mentee"]), p["mentor"], fio(p["mentor"]), p["score"], p.get("kind"),
                str(p["group"]) if p.get("group") else None, replaced(p), "; ".join(p["reasons"]))
               for p in result.proposal])
        # whole words in the printed header: a column is as wide as its longest bold word («Подразделение»)
        parts = [(titles[k].capitalize(), max(14, round(1.2 * max(map(len, titles[k].split()))) + 1))
                 for k in PARTS]
        # On paper the council reads who, whom, the score and why (readable at A4); the score's parts, one column
        # each, follow on screen for sorting and are left out of the print area.
        parts = [(f"{name}, баллов", width) for name, width in parts]
        def who(code):
            return " ".join(x for x in (code, fio(code)) if x)

        sheet("Кандидаты", [("Наставляемый", 25), ("Место", 7), ("Наставник", 25), ("Оценка", 8),
                            ("В предложении", 15), ("Обоснование", 50), ("Код наставляемого", 16),
                            ("Код наставника", 14), *parts],
              [(who(c["mentee"]), c["rank"], who(c["mentor"]), c["score"], "да" if c["in_proposal"] else "нет",
                "; ".join(c["reasons"]), c["mentee"], c["mentor"], *(c["parts"][k] for k in PARTS))
               for c in result.candidates], printed=6)
        sheet("Группы", [("Группа №", 8), ("Код наставника", 13), ("Наставник", 28), ("Наставляемые", 30),
                         ("Запросы", 40), (result.org_type.profile, 20), ("Сумма оценок", 10)],
              [(str(g["number"]), g["mentor"], fio(g["mentor"]), ", ".join(g["mentees"]), ", ".join(g["requests"]),
                g["focus"], g["score"]) for g in result.groups],
              empty="Групп не предложено: нет наставляемых с одинаковыми запросами к одному наставнику.")
        rows = [(u["mentee"], fio(u["mentee"]), "; ".join(u["reasons"]), "; ".join(u["advice"]))
                for u in result.unmatched]
        rows += [(e["code"], None, e["reason"], e["advice"]) for e in result.excluded]
        sheet("Без пары", [("Код наставляемого", 15), ("Наставляемый", 28), ("Причина", 60),
                           ("Что делать (Положение, дорожная карта)", 80)], rows)
        weights = wb.add_worksheet("Веса")
        xlsxprint.setup_xlsxwriter(weights, landscape=False, repeat_rows=(0, 1), header_right="Веса")
        widths = (36, 8, 62)
        for c, width in enumerate(widths):
            weights.set_column(c, c, width)
        weights.write_string(0, 0, f"Веса составляющих оценки пары. {where}", bold)
        for c, name in enumerate(("Составляющая оценки", "Вес", "Строка листа «Организация», где вес меняют")):
            weights.write_string(1, c, name, head)
        rows = [(titles[k].capitalize(), result.weights.get(k, 0), weight_rows.get(k, "")) for k in PARTS]
        rows.append(("Ожидание учитывается не больше, месяцев", result.wait_cap_months, WAIT_CAP_TITLE))
        for r, (name, value, where_) in enumerate(rows, start=2):
            weights.write_string(r, 0, name, wrap)
            weights.write_number(r, 1, value, wrap)
            weights.write_string(r, 2, where_, wrap)
            weights.set_row(r, 15 * max(lines(name, widths[0]), lines(where_, widths[2])) + 2)
        wb.close()
    return path
