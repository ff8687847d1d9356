"""Reminders ready to send: the alerts of ``checks`` turned into one letter per person (nothing is sent).

A mentor gets one letter about the pairs (groups) he leads: activities whose
planned date has passed, a programme with nothing done for ``stall_days``
days, the survey due before the end, a programme ending within a month. The
curator gets one letter about mentees waiting for a pair longer than allowed
and mentors over their limit. A letter names only its addressee and codes of
pairs, programmes and people (152-ФЗ: no other person's name or contact).

Each letter is written as an .eml draft (Python's ``email``: UTF-8, «To:» the
e-mail found in the bank's «Контакт» when there is one, «X-Unsent: 1» so that
mail programs open it as a draft), as a .docx for print or a messenger, and
as a row of a mail-merge table .xlsx for the school's own mail.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.morph import agree, by_sex
from nastavnik.base.safeio import atomic_path, safe_filename, write_bytes
from nastavnik.workbook import vocab as v

from .people import plain, row_values

FOLDER = "Напоминания"
TABLE_NAME = "Письма — таблица для рассылки.xlsx"
ENDING_DAYS = 30
CURATOR = "куратор"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
OPEN = {v.ACT_PLANNED, v.ACT_MOVED}


@dataclass
class Letter:
    code: str  # the person's code, or CURATOR
    role: str
    fio: str | None
    sex: str | None
    email: str | None
    subject: str
    items: list[str] = field(default_factory=list)
    org: str | None = None
    attachments: list = field(default_factory=list)  # the mentor's diaries (.xlsx)

    @property
    def greeting(self) -> str:
        parts = (self.fio or "").split()
        name = " ".join(parts[1:]) if len(parts) > 1 else (self.fio or "")
        return f"{by_sex('Уважаемый', self.sex)} {name}!" if name else "Здравствуйте!"

    @property
    def intro(self) -> str:
        if self.role == CURATOR:
            return "По данным книги наставничества на сегодня требуют внимания:"
        return "По программам наставничества, которые вы ведёте, напоминаем:"

    @property
    def signature(self) -> str:
        who = "Программа наставничества" if self.role == CURATOR else "Куратор программы наставничества"
        return f"{who}{', ' + self.org if self.org else ''}"

    def body(self) -> str:
        items = "\n".join(f"• {item}" for item in self.items)
        if self.role == CURATOR:
            tail = "Подробности — nastavnik check по книге."
        elif self.attachments:
            tail = ("К письму приложен дневник наставника с планом программы: отметьте в нём, что сделано, и "
                    "верните файл куратору.")
        else:
            tail = "Если что-то уже сделано, сообщите куратору, чтобы он отметил это в плане программы."
        return f"{self.greeting}\n\n{self.intro}\n\n{items}\n\n{tail}\n\n{self.signature}\n"


def email_of(contact) -> str | None:
    found = _EMAIL.search(str(plain(contact) or ""))
    return found.group(0) if found else None


def _date(value) -> str:
    value = plain(value)
    return f"{value:%d.%m.%Y}" if isinstance(value, dt.date) else "—"


def _people(book, sheet: str) -> dict[str, dict]:
    frame = book.tables.get(sheet)
    if frame is None or frame.empty:
        return {}
    return {rec["code"]: rec for rec in (row_values(frame, i) for i in frame.index) if rec.get("code")}


def mentor_items(book, today: dt.date) -> dict[str, list[str]]:
    """Mentor code → what his letter says, pair by pair."""
    import pandas as pd

    from nastavnik.checks.stalled import stall_days, stalled, survey_due

    pairs, progs, plan = (book.tables.get(k) for k in ("pairs", "programmes", "plan"))
    if pairs is None or pairs.empty or not {"code", "status", "mentor"} <= set(pairs.columns):
        return {}
    if plan is not None and not {"programme", "status", "planned_date", "activity"} <= set(plan.columns):
        plan = None  # an old template's plan: the reader names the missing column
    if progs is not None and not {"code", "pair"} <= set(progs.columns):
        progs = None
    live = pairs[pairs["status"].isin({v.PAIR_APPROVED, v.PAIR_RUNNING})].drop_duplicates("code")
    prog_of: dict[str, list[str]] = {}
    if progs is not None and not progs.empty:
        for code, pair in zip(progs["code"], progs["pair"]):
            if code and pair:
                prog_of.setdefault(pair, []).append(code)
    stuck = {a.subject for a in stalled(book, today)}
    survey = {a.subject for a in survey_due(book, today)}
    days = stall_days(book)
    out: dict[str, list[str]] = {}
    for i in live.index:
        pair = row_values(live, i)
        mentor, code = pair.get("mentor"), pair.get("code")
        if not mentor:
            continue
        mine = prog_of.get(code, [])
        names = ", ".join(mine) or code
        items = []
        if plan is not None and not plan.empty and pair.get("status") == v.PAIR_RUNNING:
            late = plan[plan["programme"].isin(mine) & plan["status"].isin(OPEN) & plan["planned_date"].notna()
                        & (plan["planned_date"] < pd.Timestamp(today))]
            for j in late.index:
                row = row_values(late, j)
                items.append(f"Программа {row['programme']}: плановый срок мероприятия «{row['activity']}» "
                             f"({_date(row['planned_date'])}) прошёл. Отметьте, проведено ли оно, или согласуйте "
                             "с куратором новый срок.")
        if code in stuck:
            items.append(f"Программа {names}: больше {days} дн. нет выполненных мероприятий. Проведите встречу "
                         "по плану или сообщите куратору, что мешает.")
        end = plain(pair.get("new_end")) or plain(pair.get("planned_end"))
        if isinstance(end, dt.date) and today <= end <= today + dt.timedelta(days=ENDING_DAYS):
            items.append(f"Программа {names} заканчивается {end:%d.%m.%Y}: подготовьте итоги — достигнутые "
                         "результаты наставляемого — для итогового мероприятия.")
        if code in survey:
            items.append(f"Программа {names}: до окончания нужно пройти анкетирование удовлетворённости и "
                         "качества программы (этап 6 дорожной карты); анкету пришлёт куратор.")
        if items:
            out.setdefault(mentor, []).extend(items)
    return out


def _deadline_month(text) -> int | None:
    """The month of a roadmap deadline typed as a month («октябрь», «до 15 октября») or a date; None otherwise."""
    from nastavnik.workbook import parse as P

    value = plain(text)
    day, error = P.parse_date(value)
    if day is not None and not error:
        return day.month
    words = re.findall(r"[а-яё]+", P.fold(str(value or "")))
    for word in words:
        for stem in sorted(P.MONTHS, key=len, reverse=True):
            if word.startswith(stem) and (stem != "ма" or word in ("май", "мая")):
                return P.MONTHS[stem]
    return None


def month_todo(book, today: dt.date) -> list[str]:
    """The roadmap's stages due this month or overdue in this academic year (September first) and not done.

    For the curator's letter; ``run``'s summary and the window may show the same list.
    """
    frame = book.tables.get("roadmap")
    if frame is None or frame.empty or not {"stage", "activity", "deadline", "status"} <= set(frame.columns):
        return []
    now = (today.month - 9) % 12
    out = []
    for i in frame.index:
        row = row_values(frame, i)
        month = _deadline_month(row.get("deadline"))
        if month is None or row.get("status") == v.STAGE_STATUSES[-1] or not row.get("activity"):
            continue
        when = (month - 9) % 12
        if when > now:
            continue
        late = "срок прошёл" if when < now else "срок — этот месяц"
        out.append(f"Дорожная карта, этап {row.get('stage') or '—'} ({row['deadline']}, {late}; статус "
                   f"«{row.get('status') or 'не указан'}»): {row['activity']}.")
    return out


def curator_items(book, today: dt.date) -> list[str]:
    from nastavnik.checks.people import waiting_too_long
    from nastavnik.checks.stalled import over_limit

    items = [p.message for p in waiting_too_long(book, today)]
    items += [a.text for a in over_limit(book)]
    return items + month_todo(book, today)


def letters(book, today: dt.date) -> list[Letter]:
    """One letter per person with at least one alert: mentors first (by code), the curator last."""
    org = book.org.get("short_name") or book.org.get("full_name")
    mentors = _people(book, "mentors")
    out = []
    for code, items in sorted(mentor_items(book, today).items()):
        rec = mentors.get(code, {})
        out.append(Letter(code, v.ROLE_MENTOR, rec.get("fio"), rec.get("sex"), email_of(rec.get("contact")),
                          "Наставничество: что сделать по вашей программе" if len(items) == 1 else
                          f"Наставничество: {agree(len(items), 'напоминание')} по вашим программам", items, org))
    items = curator_items(book, today)
    if items:
        out.append(Letter(CURATOR, CURATOR, book.org.get("curator_fio"), book.org.get("curator_sex"), None,
                          f"Наставничество: {agree(len(items), 'вопрос')} к решению", items, org))
    return out


def stem_of(letter: Letter) -> str:
    if letter.code == CURATOR:
        return "Куратору"
    return safe_filename(f"{letter.code} {letter.fio or ''}".strip())


def eml_bytes(letter: Letter, today: dt.date) -> bytes:
    from email import policy
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime

    # Not folded at 78: Python's own parser reads a folded Cyrillic display name back with a space inside a word
    # («Викторо вич», checked by experiment); one line under RFC 5322's limit of 998 is read back whole.
    msg = EmailMessage(policy=policy.SMTP.clone(max_line_length=998))
    msg["Subject"] = letter.subject
    if letter.email:
        local, _, domain = letter.email.partition("@")
        msg["To"] = Address(display_name=letter.fio or "", username=local, domain=domain)
    msg["Date"] = format_datetime(dt.datetime(today.year, today.month, today.day, 9, 0).astimezone())
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open the file as a draft to send
    msg.set_content(letter.body(), charset="utf-8")
    for path in letter.attachments:
        msg.add_attachment(Path(path).read_bytes(), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename=Path(path).name)
    return msg.as_bytes()


def write_docx(path: Path, letter: Letter) -> Path:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    doc.add_paragraph(letter.subject).runs[0].bold = True
    for part in (letter.greeting, letter.intro):
        doc.add_paragraph(part)
    for item in letter.items:
        doc.add_paragraph(item, style="List Bullet")
    for part in letter.body().rstrip().split("\n\n")[-2:]:
        doc.add_paragraph(part)
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
    return path


def write_table(path: Path, rows: list[tuple[Letter, str]]) -> Path:
    import xlsxwriter

    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
        wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        ws = wb.add_worksheet("Письма")
        titles = (("Кому", 30), ("E-mail", 26), ("Обращение", 28), ("Тема", 36), ("Текст письма", 80),
                  ("Черновик письма", 30))
        for j, (title, width) in enumerate(titles):
            ws.write_string(0, j, title, head)
            ws.set_column(j, j, width)
        for i, (letter, draft) in enumerate(rows, start=1):
            for j, value in enumerate((letter.fio or letter.code, letter.email or "", letter.greeting,
                                       letter.subject, letter.body(), draft)):
                ws.write_string(i, j, value, wrap) if value else ws.write_blank(i, j, None, wrap)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, len(rows), len(titles) - 1)
        wb.close()
    return path


@dataclass
class RemindResult:
    folder: Path
    letters: list = field(default_factory=list)
    drafts: list = field(default_factory=list)
    table: Path | None = None
    calendars: list = field(default_factory=list)


def remind(book, out_dir, today: dt.date) -> RemindResult:
    """Letters into ``out_dir/Напоминания/`` (.eml, .docx, the table) and calendars into ``out_dir/Календари/``."""
    from nastavnik.workbook.newyear import year_label, year_of

    from .calendar import write_calendars
    from .diary import FOLDER as DIARIES
    from .diary import make_diaries

    folder = Path(out_dir) / FOLDER
    result = RemindResult(folder, letters(book, today))
    org, year = book.org.get("short_name") or book.org.get("full_name"), year_label(year_of(book, today))
    rows = []
    for letter in result.letters:
        if letter.role == v.ROLE_MENTOR:  # the diary goes with the letter: the answer to a reminder is a diary
            letter.attachments = make_diaries(book, Path(out_dir) / DIARIES, today, org, year, mentor=letter.code)
        stem = stem_of(letter)
        eml = write_bytes(folder / f"{stem}.eml", eml_bytes(letter, today))
        result.drafts += [eml, write_docx(folder / f"{stem}.docx", letter)]
        rows.append((letter, eml.name))
    if rows:
        result.table = write_table(folder / TABLE_NAME, rows)
    result.calendars = write_calendars(book, out_dir, today)
    clear_stale(folder, {*result.drafts, *([result.table] if result.table else [])}, (".eml", ".docx", ".xlsx"))
    clear_stale(Path(out_dir) / "Календари", set(result.calendars), (".ics",))
    return result


def clear_stale(folder: Path, keep: set, suffixes: tuple[str, ...]) -> None:
    """Remove this folder's letters (calendars) of an earlier run that this run did not write again.

    A letter left from last week for a mentor who has since caught up would be sent by mistake; the folders are
    the program's own, and only files of its own kinds are removed.
    """
    if not folder.is_dir():
        return
    kept = {Path(p).resolve() for p in keep}
    for path in folder.iterdir():
        if path.is_file() and path.suffix.lower() in suffixes and path.resolve() not in kept \
                and not path.name.startswith((".~lock", "~$")):
            path.unlink()
