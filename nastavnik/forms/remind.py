"""Reminders ready to send: the alerts of ``checks`` turned into one letter per person (nothing is sent).

A mentor gets one letter about the pairs (groups) he leads: activities whose planned date has passed, a
programme with nothing done for ``stall_days`` days, a programme ending within a month, and the survey rounds due
to him (``surveys_due``: entry, first weeks, final). A mentee gets one letter about her own survey rounds and what
she still has to sign (``agreements``: the consent to process her personal data, her programme). The curator gets
one letter about mentees waiting for a pair longer than allowed, mentors over their limit and what the month holds
(``month_todo``: the roadmap's stages, the orders and agreements to sign, the consents missing, the surveys due,
the mentees waiting — counts and codes). The head (директор, заведующий: ``head``) gets one letter about the
mentees waiting for a pair, the requests no mentor covers and the orders and additional agreements awaiting her
signature; a head who is a mentor too keeps both letters, greeted alike (``one_person``). A letter names only its
addressee and codes of pairs, programmes and people (152-ФЗ: no other person's name or contact); the curator signs
it, with her own work e-mail and phone from «Организация».

Each letter is written as an .eml draft (Python's ``email``: UTF-8, «To:» the
e-mail found in the bank's «Контакт» when there is one, «From:» and
«Reply-To:» the curator's e-mail, «X-Unsent: 1» so that mail programs open it
as a draft), as a .docx for print or a messenger, and as a row of a
mail-merge table .xlsx for the school's own mail. The mentor's diary and each
person's survey form of the round due go with the .eml as attachments.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from nastavnik.base.morph import agree, by_sex
from nastavnik.base.safeio import safe_filename, write_bytes
from nastavnik.workbook import vocab as v

from .month import (
    month_todo,  # noqa: F401 — ``run``'s summary (ui.pipeline) imports it from here
    roadmap_todo,
    state_todo,
)
from .people import plain, row_values

FOLDER = "Напоминания"
TABLE_NAME = "Письма — таблица для рассылки.xlsx"
ENDING_DAYS = 30
# What the summary says when no letter is written (``remind`` and the window's «Напоминания»).
NOTHING = ("мероприятия идут по плану, ожидающих пару нет, приказы, которые готовит программа, и дополнительные "
           "соглашения подписаны, согласия на обработку персональных данных есть у всех, анкеты заполнены")
CURATOR = "куратор"
HEAD = "руководитель"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
OPEN = {v.ACT_PLANNED, v.ACT_MOVED}


@dataclass(frozen=True)
class Sender:
    """The curator as the letters' sender: «Организация»'s ФИО, e-mail and phone (her work contacts)."""

    fio: str | None
    email: str | None
    phone: str | None

    @classmethod
    def of(cls, book) -> Sender:
        org = book.org
        phone = plain(org.get("curator_phone"))
        return cls(plain(org.get("curator_fio")), email_of(org.get("curator_email")),
                   str(phone).strip() if phone not in (None, "") else None)

    def lines(self) -> list[str]:
        contacts = [f"эл. почта: {self.email}" if self.email else "", f"тел.: {self.phone}" if self.phone else ""]
        return [x for x in (self.fio or "", "; ".join(c for c in contacts if c)) if x]


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
    sender: Sender | None = None  # the curator who signs and sends it
    surveys: list = field(default_factory=list)  # the SurveyDue of the addressee whose forms go with the letter
    forms: list = field(default_factory=list)  # those survey forms (.xlsx), written by ``remind``
    address: str | None = None  # the head's letter: «Директору ГБОУ СОШ № 1», above the text of the .docx
    whom: str | None = None  # the head's letter: «директору», «заведующему» (the summary, the file's name)
    also: str | None = None  # the head's letter: the role of her other letter when she is a mentor (mentee) too

    @property
    def greeting(self) -> str:
        parts = (self.fio or "").split()
        name = " ".join(parts[1:]) if len(parts) > 1 else (self.fio or "")
        return f"{by_sex('Уважаемый', self.sex)} {name}!" if name else "Здравствуйте!"

    @property
    def intro(self) -> str:
        if self.role == CURATOR:
            return "По данным книги наставничества на сегодня требуют внимания:"
        if self.role == HEAD:
            return "По данным книги наставничества вашего решения или подписи ждут:"
        if self.role == v.ROLE_MENTEE:
            return "Напоминаем, что нужно сделать по наставничеству:"
        return "По программам наставничества, которые вы ведёте, напоминаем:"

    @property
    def signature(self) -> str:
        who = "Программа наставничества" if self.role == CURATOR else "Куратор программы наставничества"
        first = f"{who}{', ' + self.org if self.org else ''}"
        if self.role == CURATOR or self.sender is None:
            return first
        return "\n".join([first, *self.sender.lines()])

    def tail(self) -> str:
        if self.role == CURATOR:
            return "Подробности — nastavnik check по книге."
        if self.role == HEAD:
            other = {v.ROLE_MENTOR: "Напоминания по программам, которые вы ведёте как наставник, — в отдельном "
                                    "письме.",
                     v.ROLE_MENTEE: "Напоминания по вашей программе наставничества — в отдельном письме."}
            return " ".join(["Подробности и проекты приказов — у куратора.", *([other[self.also]]
                                                                             if self.also in other else [])])
        if self.attachments:
            return ("К письму приложен дневник наставника с планом программы: отметьте в нём, что сделано, и "
                    "верните файл куратору.")
        if self.role == v.ROLE_MENTEE:
            return "Если что-то из этого уже сделано, сообщите куратору."
        return "Если что-то уже сделано, сообщите куратору, чтобы он отметил это в плане программы."

    def body(self) -> str:
        items = "\n".join(f"• {item}" for item in self.items)
        return f"{self.greeting}\n\n{self.intro}\n\n{items}\n\n{self.tail()}\n\n{self.signature}\n"


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
    """Mentor code → what his letter says about his pairs' plans, pair by pair (his surveys: ``surveys_due``)."""
    import pandas as pd

    from nastavnik.checks.stalled import stall_days, stalled

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
        if items:
            out.setdefault(mentor, []).extend(items)
    return out


def curator_items(book, today: dt.date) -> list[str]:
    from nastavnik.checks.people import waiting_too_long
    from nastavnik.checks.stalled import over_limit

    items = [p.message for p in waiting_too_long(book, today)]
    items += [a.text for a in over_limit(book)]
    return items + roadmap_todo(book, today) + state_todo(book, today)  # not MONTH_NOTHING: no letter then


def _subject(items: list[str], role: str) -> str:
    if role == HEAD:
        return f"Наставничество: {agree(len(items), 'вопрос')} к вашему решению"
    if role == v.ROLE_MENTEE:  # she may have no programme yet (only her consent is missing)
        return "Наставничество: что нужно сделать" if len(items) == 1 else \
            f"Наставничество: {agree(len(items), 'напоминание')}"
    if len(items) == 1:
        return "Наставничество: что сделать по вашей программе"
    return f"Наставничество: {agree(len(items), 'напоминание')} по вашим программам"


def letters(book, today: dt.date) -> list[Letter]:
    """One letter per person with at least one alert: mentors, then mentees (each by code), the curator last.

    A survey round due goes into the letter of each participant it is due to (``surveys_due``); its line says
    whether her form goes with the letter (``forms`` makes one for her in that round) or the curator sends it.
    """
    from .agreements import mentee_agreements
    from .surveys_due import Forms, item, surveys_due

    org = book.org.get("short_name") or book.org.get("full_name")
    sender = Sender.of(book)
    forms = Forms(book, today)
    dues: dict[str, list] = {}
    for due in surveys_due(book, today):
        dues.setdefault(due.code, []).append(due)
    out = []
    for role, sheet, items_of in ((v.ROLE_MENTOR, "mentors", mentor_items(book, today)),
                                  (v.ROLE_MENTEE, "mentees", mentee_agreements(book))):
        people = _people(book, sheet)
        mine = {code: [d for d in ds if d.role == role] for code, ds in dues.items()}
        for code in sorted({*items_of, *(c for c, ds in mine.items() if ds)}):
            surveys = mine.get(code, [])
            attached = [d for d in surveys if forms.target(d) is not None]
            items = list(items_of.get(code, [])) + [item(d, d in attached) for d in surveys]
            rec = people.get(code, {})
            out.append(Letter(code, role, rec.get("fio"), rec.get("sex"), email_of(rec.get("contact")),
                              _subject(items, role), items, org,
                              sender=sender, surveys=attached))
    items = curator_items(book, today)
    if items:
        out.append(Letter(CURATOR, CURATOR, book.org.get("curator_fio"), book.org.get("curator_sex"), sender.email,
                          f"Наставничество: {agree(len(items), 'вопрос')} к решению", items, org, sender=sender))
    head = head_letter(book, today, org, sender)
    if head is not None:
        one_person(book, head, out)
    return out + ([head] if head else [])


def one_person(book, head: Letter, others: list[Letter]) -> None:
    """A head who is a mentor (mentee) too keeps her two letters — the head's has its own subject and address —
    but both greet her alike (her bank row's name, «Организация»'s «Пол руководителя» before the bank's, as
    ``head.head_sex`` decides), go to the same address, and the head's says that the other one exists."""
    from .head import in_bank

    code = in_bank(book).get("code")
    mine = [x for x in others if code and x.code == code and x.role in (v.ROLE_MENTOR, v.ROLE_MENTEE)]
    if not mine:
        return
    head.also = mine[0].role
    for letter in mine:
        letter.fio, letter.sex = head.fio, head.sex
        letter.email = letter.email or head.email


def head_letter(book, today: dt.date, org, sender: Sender) -> Letter | None:
    """The head's one letter (``head``), signed by the curator; None when nothing waits for her."""
    from .head import address_line, head_items, head_sex, in_bank, whom_word

    items = head_items(book, today)
    if not items:
        return None
    own = in_bank(book)  # her own row in a bank: its spelling of her name, as in her other letter
    return Letter(HEAD, HEAD, plain(own.get("fio")) or plain(book.org.get("director_fio")), head_sex(book),
                  email_of(own.get("contact")), _subject(items, HEAD), items, org, sender=sender,
                  address=address_line(book), whom=whom_word(book))


def stem_of(letter: Letter) -> str:
    if letter.code == CURATOR:
        return "Куратору"
    if letter.code == HEAD:
        return safe_filename((letter.whom or "руководителю").capitalize())
    return safe_filename(f"{letter.code} {letter.fio or ''}".strip())


@dataclass
class RemindResult:
    folder: Path
    letters: list = field(default_factory=list)
    drafts: list = field(default_factory=list)
    table: Path | None = None
    calendars: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # said once in the summary, not in each letter


def whom(letters: list[Letter]) -> str:
    """«наставникам — 2, наставляемым — 1, куратору — 1, директору — 1»: the letters by addressee, the empty kinds
    left out; the head by her position («заведующему»)."""
    head = next((x.whom for x in letters if x.role == HEAD), None) or "руководителю"
    counts = [(sum(1 for x in letters if x.role == role), word) for role, word in
              ((v.ROLE_MENTOR, "наставникам"), (v.ROLE_MENTEE, "наставляемым"), (CURATOR, "куратору"),
               (HEAD, head))]
    return ", ".join(f"{word} — {n}" for n, word in counts if n)


def no_head_address_note(letters: list[Letter]) -> str | None:
    """The summary's line when the head's letter has no «To:»: her address is looked up in the banks only."""
    head = next((x for x in letters if x.role == HEAD), None)
    if head is None or head.email:
        return None
    return (f"Адреса электронной почты руководителя в книге нет: черновик письма {head.whom or 'руководителю'} — "
            "без получателя. Впишите адрес в черновик сами или передайте письмо (.docx) лично; адрес берётся из "
            "столбца «Контакт» банка, если руководитель там есть.")


def no_sender_note(sender: Sender) -> str | None:
    """The one line of the summary when «Организация» gives the letters no sender's address."""
    if sender.email:
        return None
    return ("В листе «Организация» не указана электронная почта куратора: в черновиках нет отправителя, в "
            "подписи писем — нет адреса для ответа. Впишите её в «Электронная почта куратора» или выберите "
            "отправителя в почтовой программе.")


def remind(book, out_dir, today: dt.date) -> RemindResult:
    """Letters into ``out_dir/Напоминания/`` (.eml, .docx, the table) and calendars into ``out_dir/Календари/``."""
    from nastavnik.workbook.newyear import year_label, year_of

    from .calendar import write_calendars
    from .diary import FOLDER as DIARIES
    from .diary import make_diaries
    from .letter_files import eml_bytes, write_docx, write_table
    from .surveys_due import Forms

    folder = Path(out_dir) / FOLDER
    result = RemindResult(folder, letters(book, today))
    note = no_sender_note(Sender.of(book)) if result.letters else None
    result.notes += [n for n in (note, no_head_address_note(result.letters)) if n]
    org, year = book.org.get("short_name") or book.org.get("full_name"), year_label(year_of(book, today))
    rows = []
    forms = Forms(book, today)
    for letter in result.letters:
        if letter.role == v.ROLE_MENTOR:  # the diary goes with the letter: the answer to a reminder is a diary
            letter.attachments = make_diaries(book, Path(out_dir) / DIARIES, today, org, year, mentor=letter.code)
        letter.forms = [p for p in (forms.write(due, out_dir) for due in letter.surveys) if p is not None]
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
