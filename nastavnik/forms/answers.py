"""Read filled questionnaires and online-form exports into answers, as the reader reads the workbook.

Three kinds of source: our .xlsx form (it has the hidden «Служебное» sheet and
names each answer's column in hidden column D), an online form's export as
.xlsx, or as .csv in UTF-8, UTF-16 (Excel's «Юникод-текст») or Windows-1251
with a comma, semicolon or tab between values. Export columns are matched to questions as the reader matches
headers (case, ё/е, spaces and punctuation ignored), so the order and extra
columns do not matter. Every value goes through the reader's own parsers and
limits; a value that does not fit is a rejected line at its file, row and
column, never a guess. A file that cannot be read is one rejected line.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.problems import NastavnikError, col_letter
from nastavnik.workbook import parse as P
from nastavnik.workbook import schema as s
from nastavnik.workbook.values import _judge, _parser

from .diary import PREFIX as DIARY_PREFIX
from .lines import NOTE, REJECTED, Line
from .questions import CONSENT, ROLE_KEY, ROUND_KEY, Question, online_questions, questions
from .xlsx_form import FORM_SHEET, KEY_COL, PREFILL_COL, SERVICE_FIELDS, SERVICE_SHEET, item_key

TIMESTAMP_HEADERS = {P.header_key(h) for h in ("Отметка времени", "Время создания", "Timestamp", "Дата и время",
                                                 "Время заполнения")}
SERVICE_HEADERS = TIMESTAMP_HEADERS | {P.header_key(h) for h in (
    "ID", "Время изменения", "Адрес электронной почты", "Email Address", "Баллы", "Score", "Ответ", "Номер")}
SUFFIXES = (".xlsx", ".xlsm", ".csv")
CELL_LIMIT = 32767  # the most characters a cell of Excel holds: a longer answer would be cut without a word
CSV_FIELD_LIMIT = 1 << 26  # Python's csv module stops at 131 072 characters a value: read longer ones, judge here
_IDENTITY = re.compile(r"\(([^()]+)\)")


@dataclass
class Answer:
    source: str
    kind: str
    values: dict = field(default_factory=dict)  # column key -> typed value
    where: dict = field(default_factory=dict)  # column key -> (row, column as shown in the report)
    row: int | None = None  # the export's row; None for a form file
    snapshot: dict | None = None  # what a personal form showed pre-filled
    code: str | None = None
    programme: str | None = None
    role: str | None = None
    consent: bool | None = None
    when: dt.datetime | None = None
    order: tuple = ()
    version: str | None = None
    org: str | None = None  # the organisation whose workbook issued the form
    service: dict | None = None  # «Служебное» of our own form as read (None for an online export)
    shown_code: str | None = None  # the code printed in the form's own (locked) heading
    emptied: list = field(default_factory=list)  # (column keys, question, where) of answers the person erased
    round: str | None = None  # a survey's round (None: a form made before rounds, read as the final one)


def _n(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0")


def _parse(col: s.Col, raw, today: dt.date):
    """(value, reason) exactly as the reader judges a cell of this column (required-ness is the merge's)."""
    parsed, problem = _judge(dataclasses.replace(col, required=False), _parser(col), raw, today)
    if problem and problem[0] == "control_characters":  # the reader's warning promises the cleaned text is used
        return parsed, "В тексте есть невидимые управляющие символы (обычно попадают при вставке из другой программы)."
    return parsed, (problem[1] if problem else None)


def _many(question: Question, raw):
    chosen, error = P.Choice(list(question.options)).many(raw)
    return chosen, ("Ответ не из вариантов вопроса. Выберите варианты из списка." if error else None)


def _set(answer: Answer, question: Question, raw, where, lines: list, today: dt.date) -> None:
    """Put one raw answer of one question into ``answer`` (or a rejected line)."""
    if P.clean_text(raw) is None and not isinstance(raw, (int, float, dt.date)):
        return
    if isinstance(raw, str) and len(raw) >= CELL_LIMIT:  # a form's cell is read cut to the limit, not beyond
        lines.append(Line(REJECTED, answer.source, f"Ответ длиной {_n(len(raw))} знаков, а ячейка Excel вмещает "
                          f"{_n(CELL_LIMIT)}: текст обрезан или будет обрезан. Ответ не принят, остальные ответы "
                          "прочитаны; сократите его и внесите в книгу вручную.", where[0], where[1]))
        return
    if question.kind == "group":
        chosen, error = _many(question, raw)
        if error:
            lines.append(Line(REJECTED, answer.source, error, where[0], where[1]))
            return
        for key, name in question.group:
            answer.values[key] = name in chosen
            answer.where[key] = where
        return
    if question.kind == s.MULTI:
        value, error = _many(question, raw)
    elif question.bank is not None and question.kind == s.ENUM:  # a bank question's own variants
        value, error = P.Choice(list(question.options))(raw)
        error = "Ответ не из вариантов вопроса. Выберите вариант из списка." if error else None
    elif question.key == CONSENT:
        value, error = P.parse_bool(raw)
        if error and P.fold(str(raw)) == P.fold(question.text):  # a ticked checkbox exports its own words
            value, error = True, None
        error = "Нужно «да» или «нет»." if error else None
    else:
        value, error = _parse(question.col, raw, today)
    if error:
        error = error.replace(" Выберите из выпадающего списка.", "")
        lines.append(Line(REJECTED, answer.source, f"{error} Ответ не принят: если он нужен, внесите верное значение "
                          "в книгу вручную.", where[0], where[1]))
        return
    if question.key == CONSENT:
        answer.consent = value
    elif question.key == ROLE_KEY:
        answer.role = value
    elif question.key == ROUND_KEY:
        answer.round = value
    elif value is not None and value != ():
        answer.values[question.key] = value
        answer.where[question.key] = where


def _calamine(path: Path):
    from nastavnik.workbook.filecheck import open_calamine

    return open_calamine(path)


def _grid(wb, title: str) -> list[list]:
    return wb.get_sheet_by_name(title).to_python(skip_empty_area=False)


def _service_info(wb) -> dict:
    service = {}
    for row in _grid(wb, SERVICE_SHEET):
        if row and P.clean_text(row[0]):
            value = row[1] if len(row) > 1 else None
            if isinstance(value, dt.datetime):  # «Выдана» retyped by hand becomes a date cell
                value = f"{value:%d.%m.%Y}"
            service[P.header_key(row[0])] = P.clean_text(value) if isinstance(value, str) else (
                None if value is None else str(value))
    return {key: service.get(P.header_key(title)) for key, title in SERVICE_FIELDS}


def _place(entries: list) -> tuple[int, str]:
    """Where a many-option answer is, as the report shows it: the option rows, each with its own row number."""
    if len(entries) == 1:
        return entries[0][3][0], entries[0][3][1]
    return entries[0][3][0], "; ".join(f"{option} (B{where[0]})" for option, _yes, _was, where in entries)


def _options(answer: Answer, q: Question, entries: list) -> None:
    """One many-option question of a form (an option a row, «да»/«нет»): its answer, where, and what it showed.

    An empty row next to answered ones means «not chosen» (a tick moved to another option). When no row says «да»
    and a row that showed «да» was cleared, the person erased the answer: that is recorded for the merge report,
    which keeps the book's value.
    """
    erased = [e for e in entries if e[1] is None and e[2] is True]
    answered = [] if erased and not any(e[1] is True for e in entries) else [e for e in entries if e[1] is not None]
    for option, _yes, was, _where in entries:
        if q.kind == "group" and was is not None:
            answer.snapshot[item_key(q, option)] = was
    if q.kind != "group" and any(e[2] is not None for e in entries):
        answer.snapshot[q.key] = tuple(o for o, _yes, was, _w in entries if was is True)
    if not answered:
        if erased:
            keys = tuple(item_key(q, o) for o, *_ in entries) if q.kind == "group" else (q.key,)
            answer.emptied.append((keys, q.text, _place(erased)))
        return
    if q.kind == "group":
        for option, yes, was, where in entries:
            if yes is not None or was:
                answer.values[item_key(q, option)] = yes is True
                answer.where[item_key(q, option)] = where
        return
    answer.values[q.key] = tuple(o for o, yes, _was, _w in entries if yes is True)
    changed = [e for e in entries if (e[1] is True) != (e[2] is True)]
    answer.where[q.key] = _place(changed or [e for e in entries if e[1] is True] or answered[:1])


def _read_form(path: Path, wb, order: int, today: dt.date, lines: list, book=None) -> list[Answer]:
    info = _service_info(wb)
    kind = info["kind"]
    if kind not in s.QUESTIONNAIRES:
        lines.append(Line(REJECTED, path.name, f"Неизвестный вид анкеты «{kind}»: файл не из nastavnik forms."))
        return []
    answer = Answer(path.name, kind, snapshot={}, code=info["code"], programme=info["programme"], role=info["role"],
                    version=info["version"], org=info["org"], order=(path.stat().st_mtime, order, 0), service=info,
                    round=info.get("round"))
    if info["version"] != s.TEMPLATE_VERSION:
        lines.append(Line(NOTE, path.name, f"Анкета сделана по шаблону версии {info['version'] or '?'}, а "
                          f"текущая версия — {s.TEMPLATE_VERSION}: ответы прочитаны по вопросам, вопросы не из "
                          "текущего шаблона отклонены."))
    by_key: dict[str, tuple[Question, str | None]] = {}
    for q in questions(kind, book, info.get("round"), info.get("role")):
        if q.many:
            for option in q.options:
                by_key[item_key(q, option)] = (q, option)
        else:
            by_key[q.key] = (q, None)
    many: dict[str, tuple[Question, list]] = {}
    for r, row in enumerate(_grid(wb, FORM_SHEET), start=1):
        key = P.clean_text(row[KEY_COL]) if len(row) > KEY_COL else None
        if not key:
            heading = P.clean_text(row[0]) if row and 3 <= r <= 6 and isinstance(row[0], str) else None
            found = _IDENTITY.search(heading or "")
            if found and answer.shown_code is None:
                answer.shown_code = found.group(1).strip()
            continue
        raw = row[1] if len(row) > 1 else None
        shown = row[PREFILL_COL] if len(row) > PREFILL_COL else None
        where = (r, f"{(P.clean_text(row[0]) or key).removesuffix(' *')} (B)")
        if key not in by_key:
            lines.append(Line(REJECTED, path.name, "Вопроса нет в текущем шаблоне анкеты: ответ не принят.", r,
                              where[1]))
            continue
        q, option = by_key[key]
        if option is None:
            _set(answer, q, raw, where, lines, today)
            if shown not in (None, "") and q.col is not None:
                answer.snapshot[q.key] = _parse(q.col, shown, today)[0]
                if P.clean_text(raw) is None and not isinstance(raw, (int, float, dt.date)):
                    answer.emptied.append(((q.key,), q.text, where))
            continue
        yes, error = P.parse_bool(raw)
        if error:
            lines.append(Line(REJECTED, path.name, "Нужно «да» или «нет».", r, where[1]))
            continue
        many.setdefault(q.key, (q, []))[1].append((option, yes, P.parse_bool(shown)[0], where))
    for q, entries in many.values():
        _options(answer, q, entries)
    if not answer.values and answer.consent is None and not answer.emptied:
        lines.append(Line(NOTE, path.name, "Анкета не заполнена: пропущена."))
        return []
    return [answer]


def _header_row(grid: list[list], book=None) -> int:
    known = {P.header_key(q.text) for kind in s.QUESTIONNAIRES for q in online_questions(kind, book)}
    best, at = 0, -1
    for r, row in enumerate(grid[:10]):
        hits = sum(1 for x in row if isinstance(x, str) and P.header_key(x) in known)
        if hits > best:
            best, at = hits, r
    return at


def _kind_of(header: list, book=None) -> tuple[str | None, int]:
    keys = {P.header_key(x) for x in header if isinstance(x, str)}
    scores = sorted(((sum(P.header_key(q.text) in keys for q in online_questions(kind, book)), kind)
                     for kind in s.QUESTIONNAIRES), reverse=True)
    (best, kind), (second, _) = scores[0], scores[1]
    return (kind if best >= 2 and best > second else None), best


def _timestamp(raw) -> dt.datetime | None:
    if isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, dt.date):
        return dt.datetime(raw.year, raw.month, raw.day)
    text = P.clean_text(raw)
    if text is None:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return dt.datetime(1899, 12, 30) + dt.timedelta(days=float(raw))
        return None
    day, _ = P.parse_date(text)
    if day is None:
        return None
    m = re.search(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text)
    h, mi, sec = (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)) if m else (0, 0, 0)
    return dt.datetime(day.year, day.month, day.day, h % 24, mi % 60, sec % 60)


def _read_table(name: str, grid: list[list], order: int, today: dt.date, lines: list, book=None) -> list[Answer]:
    hrow = _header_row(grid, book)
    kind = None
    if hrow >= 0:
        kind, _ = _kind_of(grid[hrow], book)
    if kind is None:
        lines.append(Line(REJECTED, name, "Файл не похож ни на анкету nastavnik, ни на выгрузку онлайн-формы: "
                          "не найдены столбцы с вопросами анкеты (nastavnik forms выдаёт их список)."))
        return []
    by_header = {P.header_key(q.text): q for q in online_questions(kind, book)}
    columns: dict[int, Question] = {}
    stamp = None
    header = grid[hrow]
    for j, cell in enumerate(header):
        key = P.header_key(cell)
        if not key:
            continue
        if key in TIMESTAMP_HEADERS and stamp is None:
            stamp = j
        if key in by_header and by_header[key] not in columns.values():
            columns[j] = by_header[key]
        elif key not in SERVICE_HEADERS:
            lines.append(Line(NOTE, name, "Столбец не из анкеты: пропущен.", hrow + 1,
                              f"{P.clean_text(cell)} ({col_letter(j + 1)})"))
    out = []
    for r, row in enumerate(grid[hrow + 1:], start=hrow + 2):
        if not any(P.clean_text(x) is not None for x in row):
            continue
        answer = Answer(name, kind, row=r, order=(0.0, order, r))
        if stamp is not None and stamp < len(row):
            answer.when = _timestamp(row[stamp])
        for j, q in columns.items():
            raw = row[j] if j < len(row) else None
            _set(answer, q, raw, (r, f"{q.text} ({col_letter(j + 1)})"), lines, today)
        if answer.when:
            answer.order = (answer.when.timestamp(), order, r)
        if kind == "анкета" and answer.round is None:
            answer.round = _round_of(columns.values())
        out.append(answer)
    if not out:
        lines.append(Line(NOTE, name, "В выгрузке нет ни одного ответа."))
    return out


def _round_of(asked) -> str | None:
    """The round of an online survey's export without the round question: the one its questions share.

    The satisfaction scores are the final round's; bank questions asked in one round only tell theirs. None when
    the columns fit several rounds: the merge then rejects the rows and asks for the round question.
    """
    from nastavnik.workbook import questionbank as qb

    asked = list(asked)
    if any(q.key in s.SURVEY_QUESTIONS for q in asked):
        return qb.ROUND_FINAL
    common = set(qb.ROUNDS)
    for q in asked:
        if q.bank is not None:
            common &= set(q.bank.rounds)
    return common.pop() if len(common) == 1 else None


ENCODINGS = "UTF-8, UTF-16 («Юникод-текст» Excel) и Windows-1251"


def _utf16(data: bytes) -> str | None:
    """UTF-16 text, as Excel's «Юникод-текст» writes it (with its byte-order mark, or without one)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    sample = data[:4000]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4:
        return data.decode("utf-16-le")
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4:
        return data.decode("utf-16-be")
    return None


def _decode(data: bytes, name: str) -> str:
    try:
        text = _utf16(data)
        if text is not None:
            return text
    except UnicodeDecodeError as exc:
        raise NastavnikError(f"Файл «{name}» похож на текст в кодировке UTF-16 («Юникод-текст» Excel), но "
                             "прочитать его в ней не удалось: файл повреждён. Выгрузите ответы заново.") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise NastavnikError(f"Файл «{name}»: текст не читается ни в одной из кодировок выгрузок ({ENCODINGS}). "
                             "Сохраните выгрузку заново как «CSV UTF-8».") from exc


def _csv_grid(path: Path) -> list[list]:
    text = _decode(path.read_bytes(), path.name)
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=lambda d: len(re.sub(r'"[^"]*"', "", first).split(d)))
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, CSV_FIELD_LIMIT))  # an over-long answer is one rejected answer, not the file
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    finally:
        csv.field_size_limit(limit)


def _workbook_named_docx(path: Path) -> bool:
    """A filled .xlsx form that was given the .docx extension (its zip holds a workbook, not a document)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (OSError, zipfile.BadZipFile):
        return False
    return "xl/workbook.xml" in names and "word/document.xml" not in names


def _misnamed(path: Path) -> Line:
    return Line(REJECTED, path.name, f"Файл «{path.name}» — книга Excel (похоже, заполненная анкета .xlsx), а не "
                "документ Word: у него расширение .docx, и ответы из него не прочитаны. Переименуйте файл в .xlsx "
                "и соберите ответы снова.")


def read_source(path: Path, order: int, today: dt.date, lines: list, book=None) -> list[Answer]:
    """All answers in one file; whatever cannot be read becomes lines."""
    try:
        if path.suffix.lower() == ".csv":
            if not path.exists():
                raise NastavnikError(f"Файл «{path}» не найден.")
            return _read_table(path.name, _csv_grid(path), order, today, lines, book)
        wb = _calamine(path)
        with wb:
            names = list(wb.sheet_names)
            if SERVICE_SHEET in names and FORM_SHEET in names:
                return _read_form(path, wb, order, today, lines, book)
            return _read_table(path.name, _grid(wb, names[0]), order, today, lines, book)
    except NastavnikError as exc:
        lines.append(Line(REJECTED, path.name, str(exc)))
    except Exception:  # noqa: BLE001 - calamine's own errors for a broken sheet
        lines.append(Line(REJECTED, path.name, f"Файл «{path.name}» не читается: он повреждён или это не таблица. "
                          "Откройте его в Excel или LibreOffice Calc и сохраните заново как .xlsx; ответы из него не "
                          "прочитаны, остальные файлы — да."))
    return []


def source_files(sources: list[Path], lines: list) -> list[Path]:
    """The files to read: the given files, and the .xlsx/.csv of the given folders (lock files skipped)."""
    out = []
    for src in sources:
        if src.is_dir():
            printed = diaries = 0
            for p in sorted(src.iterdir()):
                if p.name.startswith(("~$", ".~lock.", ".")) or not p.is_file():
                    continue
                if p.suffix.lower() in SUFFIXES:
                    out.append(p)
                elif p.suffix.lower() == ".docx" and _workbook_named_docx(p):
                    lines.append(_misnamed(p))
                elif p.suffix.lower() == ".docx" and p.name.startswith(DIARY_PREFIX):
                    diaries += 1  # the diary's print copy, named by ``diary.diary_name``
                elif p.suffix.lower() == ".docx":
                    printed += 1
            if printed:
                lines.append(Line(NOTE, src.name, f"Печатные анкеты .docx ({printed}) пропущены: ответы с бумаги "
                                  "перенесите в анкету .xlsx того же человека (или в пустую анкету .xlsx)."))
            if diaries:
                lines.append(Line(NOTE, src.name, f"Печатные дневники .docx ({diaries}) пропущены: отметки с бумаги "
                                  "перенесите в дневник .xlsx той же программы.", diary=True))
        elif src.suffix.lower() in SUFFIXES or not src.exists():
            out.append(src)
        elif src.suffix.lower() == ".docx" and _workbook_named_docx(src):
            lines.append(_misnamed(src))
        else:
            lines.append(Line(REJECTED, src.name, "Формат не поддерживается: нужна анкета .xlsx или выгрузка "
                              "онлайн-формы .xlsx или .csv."))
    return out


def read_sources(sources: list[Path], today: dt.date, book=None) -> tuple[list[Answer], list[Line]]:
    """Every answer in ``sources``, read with the questions of ``book``'s organisation type and lists."""
    lines: list[Line] = []
    answers: list[Answer] = []
    for n, path in enumerate(source_files(sources, lines)):
        answers.extend(read_source(path, n, today, lines, book))
    return answers, lines
