"""The district roll-up: many institutions' workbooks into one table of key indicators.

A methodologist collects files by mail; some are locked copies («~$…»), some
broken, some filled with errors. Each file is read and checked on its own in a
process pool (two cores are enough for 50 workbooks of 1,000 people in well
under a minute); a file that cannot be used is listed with its Russian problem
and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .registry import PERCENT, SPEC_BY_CODE, SPECS

KEY_CODES = [s.code for s in SPECS if s.key]
# Key indicators whose district total is not a sum (a mean, a maximum, a score of one institution).
NOT_SUMMED = {"readiness_score", "roadmap_stages_done", "survey_mean_mentors", "survey_mean_mentees",
              "days_to_pair_mean"}
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}

OK, HAS_ERRORS, UNREADABLE = "в порядке", "есть ошибки", "не прочитан"
REPEAT = "повтор, не в итогах"  # a second book of an organisation already counted
DATA_SCALE = 85  # «Свод» printed: 10-pt text at 8.5 pt, the columns across pages
FIRST = 8  # «Свод»: the first indicator column, after №, file, organisation, its type, period, year, version, check


@dataclass
class Rollup:
    files: list[dict] = field(default_factory=list)  # one dict per file, in the order given
    totals: dict[str, float | None] = field(default_factory=dict)
    form: object = None  # the region's form (region.RegionForm) filled for every organisation

    @property
    def unreadable(self) -> list[dict]:
        return [f for f in self.files if f["status"] == UNREADABLE]

    def to_dict(self) -> dict:
        out = {"files": [{k: v for k, v in f.items() if k != "form_figures"} for f in self.files],
               "totals": self.totals,
               "indicators": {c: {"name": SPEC_BY_CODE[c].name, "unit": SPEC_BY_CODE[c].unit,
                                  "target": SPEC_BY_CODE[c].target} for c in KEY_CODES}}
        if self.form is not None:
            from .region import district_total, fill_for_file

            counted = [f for f in self.files if f.get("form_figures") and f.get("counted", True)]
            out["region_form"] = {
                "title": self.form.title, "source": self.form.source,
                "lines": [{"n": n, "text": line.text, "district": district_total(line, counted)}
                          for n, line in enumerate(self.form.lines, start=1)],
                "organisations": [{"file": f["file"], "org": f["org"],
                                   "values": [x.value for x in fill_for_file(self.form, f["form_figures"],
                                                                            f.get("site_url"))]}
                                  for f in counted]}
        return out


def collect_paths(items: list[Path]) -> list[Path]:
    """Files as given, and the workbooks (and lock files) inside given folders, sorted by name."""
    out: list[Path] = []
    for item in items:
        if item.is_dir():
            out += sorted((p for p in item.iterdir() if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES),
                          key=lambda p: p.name.casefold())
        else:
            out.append(item)
    return out


def one_file(path: Path, today: dt.date, period: str | None = None, year: str | None = None) -> dict:
    """Read, check and measure one workbook; never raises (runs in a worker process)."""
    result = {"file": path.name, "path": str(path), "org": "", "type": "", "period": "", "year": "", "version": "",
              "status": UNREADABLE, "problem": "", "counted": True, "org_key": "", "period_end": "", "modified": 0.0,
              "errors": None, "warnings": None, "indicators": {}, "form_figures": {}, "site_url": None}
    try:
        from nastavnik.base.problems import NastavnikError
        from nastavnik.workbook.reader import read_workbook

        from ..checks import check_book
        from .indicators import report_for_book

        try:
            book = read_workbook(path, today=today)
            report = check_book(book, today)
            p, indicators, _ = report_for_book(book, today, period, year)
        except NastavnikError as exc:
            result["problem"] = str(exc)
            return result
        # the type: a district sums schools, kindergartens and centres together, and filters by it
        result.update(org=book.org.get("short_name") or book.org.get("full_name") or "", period=p.label,
                      type=book.org_type.title,
                      year=book.org.get("academic_year") or "", version=book.version or "без отметки",
                      org_key=org_key(book.org), period_end=p.end.isoformat(), modified=_modified(path),
                      errors=len(report.errors), warnings=len(report.warnings),
                      status=OK if report.valid else HAS_ERRORS)
        if not report.valid:
            first = report.errors[0]
            result["problem"] = f"Ошибок: {len(report.errors)}; первая — {first.where()}: {first.message}"
        by_code = {i.code: i for i in indicators}
        # Every figure the region's form may ask for; an indicator off for the type does not apply.
        result["form_figures"] = {c: {"value": i.value, "numerator": i.numerator, "denominator": i.denominator}
                                  for c, i in by_code.items()}
        result["site_url"] = book.org.get("site_url") or None
        # An indicator off for the organisation's type (report.bytype) has no value: «—», and no share.
        result["indicators"] = {c: {"value": by_code[c].value, "numerator": by_code[c].numerator,
                                    "denominator": by_code[c].denominator} if c in by_code else
                                {"value": None, "numerator": None, "denominator": None} for c in KEY_CODES}
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the district's roll-up
        # the class name and traceback are for a developer (--debug re-runs the file in the main process)
        result["problem"] = ("Файл прочитан не до конца из-за недосмотра в самой программе (не из-за книги). "
                             "Запустите для него nastavnik check с параметром --debug и передайте вывод разработчикам.")
    return result


def org_key(org: dict) -> str:
    """Who the book is of: its ИНН, or else its full (short) name with case, quotes and spaces ignored."""
    inn = re.sub(r"\D", "", str(org.get("inn") or ""))
    if inn:
        return f"ИНН {inn}"
    name = str(org.get("full_name") or org.get("short_name") or "")
    return re.sub(r"[\s\"«»“”„'№]+", " ", name).casefold().strip()


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _day(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d.%m.%Y") if iso else "—"


def mark_repeats(files: list[dict]) -> None:
    """Two books of one organisation: the newer is counted (by the book's own period, then by the file's date),
    the other is named, kept in the table and left out of the totals — never silently summed twice."""
    groups: dict[str, list[dict]] = {}
    for f in files:
        if f["status"] != UNREADABLE and f.get("org_key"):
            groups.setdefault(f["org_key"], []).append(f)
    for same in groups.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda f: (f["period_end"], f["year"], f["modified"]), reverse=True)
        kept = same[0]
        for f in same[1:]:
            if f["period_end"] != kept["period_end"] or f["year"] != kept["year"]:
                why = (f"его отчётный период кончается {_day(kept['period_end'])}, а в этом файле — "
                       f"{_day(f['period_end'])}")
            else:
                when = dt.datetime.fromtimestamp(kept["modified"]).strftime("%d.%m.%Y %H:%M")
                why = f"период тот же, а файл сохранён позже ({when})"
            f.update(counted=False, status=REPEAT,
                     problem=f"Книга той же организации, что и «{kept['file']}»: в итоги взят «{kept['file']}» — "
                             f"{why}. Этот файл в итогах не учтён, чтобы не посчитать организацию дважды.")
            kept.setdefault("repeats", []).append(f["file"])


def _one_args(args):
    return one_file(*args)


def totals(files: list[dict]) -> dict[str, float | None]:
    """District totals: sums of counts, shares recomputed from summed numerators and denominators."""
    read = [f["indicators"] for f in files if f["indicators"] and f.get("counted", True)]
    out: dict[str, float | None] = {}
    for code in KEY_CODES:
        spec = SPEC_BY_CODE[code]
        if code in NOT_SUMMED:
            out[code] = None
        elif spec.unit == PERCENT:
            # An institution without a denominator (e.g. no staff count) cannot contribute to a share.
            usable = [x[code] for x in read if x[code]["denominator"]]
            num = sum(x["numerator"] or 0 for x in usable)
            den = sum(x["denominator"] for x in usable)
            out[code] = round(100.0 * num / den, 1) if den else None
        else:
            values = [x[code]["value"] for x in read if x[code]["value"] is not None]
            out[code] = sum(values) if values else None
    return out


def consolidate(paths: list[Path], today: dt.date, period: str | None = None, year: str | None = None,
                workers: int = 2, region_form=None) -> Rollup:
    """Every file's key indicators and the district totals; broken files are listed, not fatal.

    ``region_form`` (a shipped form's word or a description's path; the federal recommendations' indicators
    when None) is filled for every organisation and for the district, in the form's own order.
    """
    from .region import DEFAULT_FORM, load_form

    form = load_form(region_form or DEFAULT_FORM)  # a broken description stops before any book is read
    jobs = [(Path(p), today, period, year) for p in paths]
    if workers <= 1 or len(jobs) <= 1:
        files = [_one_args(j) for j in jobs]
    else:
        from nastavnik.base.workers import pool as guarded_pool

        with guarded_pool(min(workers, len(jobs))) as pool:
            files = list(pool.imap(_one_args, jobs, chunksize=1))
    mark_repeats(files)
    return Rollup(files, totals(files), form)


def _federal_chart(wb, rollup) -> object | None:
    """Bars of the federal indicator by institution, from «Свод»'s cells, for the «Диаграмма» chart sheet."""
    if not any(f["indicators"] for f in rollup.files):
        return None
    fed = FIRST + KEY_CODES.index("federal_under35_first3")
    chart = wb.add_chart({"type": "bar"})
    chart.add_series({"name": "Доля педагогов до 35 лет, вовлечённых в первые три года, %",
                      "categories": ["Свод", 4, 1, 3 + len(rollup.files), 1],
                      "values": ["Свод", 4, fed, 3 + len(rollup.files), fed],
                      "data_labels": {"value": True}})
    chart.set_title({"name": "Федеральный показатель по организациям, % (цель 70 %)", "name_font": {"size": 11}})
    chart.set_legend({"none": True})
    chart.set_x_axis({"min": 0, "max": 100})
    chart.set_y_axis({"reverse": True})
    return chart


def write_rollup_xlsx(rollup: Rollup, path, today: dt.date | None = None) -> Path:
    """One row per institution with key indicators, a totals row, a chart and the list of file problems."""
    import xlsxwriter

    from nastavnik.base import xlsxprint
    from nastavnik.base.safeio import atomic_path

    from .rollup_print import lines, row_height, write_sections

    made = f"{(today or dt.date.today()):%d.%m.%Y}"
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        title = wb.add_format({**base, "bold": True, "font_size": 14})
        head = wb.add_format({**base, "bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True})
        text = wb.add_format({**base, "border": 1, "text_wrap": True})
        num = wb.add_format({**base, "border": 1, "num_format": "0.##"})
        total_text = wb.add_format({**base, "border": 1, "bold": True, "bg_color": "#F2F2F2"})
        total_num = wb.add_format({**base, "border": 1, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.##"})
        ws = wb.add_worksheet("Свод")
        # The data sheet: every key indicator in one row per institution, for programs and pivot tables.
        # Fitted to one A4 page wide its two dozen columns printed at about 4 pt; it prints instead at a fixed
        # legible scale across several pages, №, file and organisation repeated on each. The sheets after it
        # (rollup_print) are the printed view, a few indicator groups to a page.
        # The title is the page header of every printed page: in a cell it would be cut at the repeated columns'
        # edge on every page after the first.
        heading = "Свод показателей наставничества педагогических работников по организациям"
        xlsxprint.setup_xlsxwriter(ws, repeat_rows=(3, 3), header_left=heading, header_right="Свод")
        ws.set_print_scale(DATA_SCALE)
        ws.repeat_columns(0, 1)
        # Text wider than its cell spills over the next columns, and those belong to other printed pages (or,
        # in the repeated № and file, is cut on each): the title, the counts and the notes stay within the
        # first page's own columns, from «Организация» to «Версия шаблона».
        wrapped = wb.add_format({**base, "text_wrap": True, "valign": "top"})
        ws.merge_range(0, 2, 0, FIRST - 2, heading, title)
        repeats = sum(not f.get("counted", True) for f in rollup.files)
        ws.merge_range(1, 2, 1, FIRST - 2, f"Файлов: {len(rollup.files)}, не прочитано: {len(rollup.unreadable)}"
                       + (f", повторов одной организации (не в итогах): {repeats}" if repeats else "")
                       + f"; сформировано {made}", wrapped)
        heads = ["№", "Файл", "Организация", "Тип организации", "Период", "Учебный год", "Версия шаблона",
                 "Проверка"] + [
            f"{SPEC_BY_CODE[c].name}, {SPEC_BY_CODE[c].unit}" + (
                f" (цель {SPEC_BY_CODE[c].target_text})" if SPEC_BY_CODE[c].target is not None else "")
            for c in KEY_CODES]
        ws.write_row(3, 0, heads, head)
        ws.set_row(3, 110)
        row = 4
        for n, f in enumerate(rollup.files, start=1):
            ws.write_row(row, 0, [n, f["file"], f["org"], f.get("type", ""), f["period"], f["year"], f["version"],
                                  f["status"]], text)
            ws.set_row(row, row_height(max(lines(f["file"], 24), lines(f["org"], 30), lines(f["period"], 12))))
            for j, code in enumerate(KEY_CODES):
                value = f["indicators"].get(code, {}).get("value") if f["indicators"] else None
                ws.write(row, FIRST + j, "—" if value is None else value, text if value is None else num)
            row += 1
        ws.write_row(row, 0, ["", "Итого"] + [""] * (FIRST - 2), total_text)
        for j, code in enumerate(KEY_CODES):
            value = rollup.totals.get(code)
            ws.write(row, FIRST + j, "—" if value is None else value, total_text if value is None else total_num)
        notes = ["Итого: числа — суммы по организациям; доли — пересчитаны по суммам числителей и знаменателей; "
                 "средние и баллы не суммируются (—)."]
        notes += [f"Не в итогах: «{f['file']}» — {f['problem']}" for f in rollup.files if not f.get("counted", True)]
        for extra, note in enumerate(notes, start=1):
            ws.merge_range(row + extra, 2, row + extra, FIRST - 2, note, wrapped)
            ws.set_row(row + extra, row_height(lines(note, 80)))
        ws.set_column(0, 0, 4)
        ws.set_column(1, 1, 24)
        ws.set_column(2, 2, 30)
        ws.set_column(3, 3, 22)
        ws.set_column(4, FIRST - 1, 12)
        ws.set_column(FIRST, FIRST + len(KEY_CODES), 11)
        ws.freeze_panes(4, 3)
        ws.print_across()  # pages left to right first: one institution's row reads on consecutive pages
        if rollup.form is not None:
            from .region import write_district_form

            write_district_form(wb, rollup, {"title": title, "head": head, "text": text})
        write_sections(wb, rollup, KEY_CODES, made, {"title": title, "head": head, "text": text, "num": num,
                                                     "total_text": total_text, "total_num": total_num,
                                                     "plain": wb.add_format({**base, "text_wrap": True})})
        chart = _federal_chart(wb, rollup)
        if chart is not None:
            # A chart sheet prints as one whole page, however many institutions: no chart cut across pages.
            sheet = wb.add_chartsheet("Диаграмма")
            sheet.set_chart(chart)
            sheet.set_paper(xlsxprint.A4)
            sheet.set_landscape()
            sheet.set_footer(xlsxprint.FOOTER)
        probs = wb.add_worksheet("Проблемы файлов")
        xlsxprint.setup_xlsxwriter(probs, repeat_rows=(0, 1))
        probs.write(0, 0, f"Свод показателей наставничества: файлы с проблемами; сформировано {made}", title)
        probs.write_row(1, 0, ["Файл", "Состояние", "Проблема"], head)
        r = 2
        for f in rollup.files:
            if f["status"] != OK:
                probs.write_row(r, 0, [f["file"], f["status"], f["problem"]], text)
                probs.set_row(r, row_height(max(lines(f["file"], 26), lines(f["problem"], 80))))
                r += 1
        if r == 2:
            probs.write(2, 0, "Все файлы прочитаны, ошибок в книгах нет.")
        probs.set_column(0, 0, 26)  # narrow enough to print at 8 pt or more, the problem wraps
        probs.set_column(1, 1, 14)
        probs.set_column(2, 2, 80)
        wb.close()
    return Path(path)
