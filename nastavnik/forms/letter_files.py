"""A letter of ``remind`` as files: the .eml draft, the .docx for print, the row of the mail-merge table.

What a letter says is ``remind``'s; here only how it is written. The .eml is Python's ``email`` with UTF-8,
«To:» the addressee's e-mail when the bank has one, «From:» and «Reply-To:» the curator's own address from
«Организация» (she sends the drafts from her mailbox and answers come back to her), «X-Unsent: 1» so that mail
programs open it as a draft, and the diary and survey forms attached.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nastavnik.base.safeio import atomic_path


def eml_bytes(letter, today: dt.date) -> bytes:
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
    sender = letter.sender
    if sender is not None and sender.email:  # she sends the drafts from her own mailbox; answers come back to it
        local, _, domain = sender.email.partition("@")
        msg["From"] = Address(display_name=sender.fio or "", username=local, domain=domain)
        msg["Reply-To"] = Address(display_name=sender.fio or "", username=local, domain=domain)
    msg["Date"] = format_datetime(dt.datetime(today.year, today.month, today.day, 9, 0).astimezone())
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open the file as a draft to send
    msg.set_content(letter.body(), charset="utf-8")
    for path in [*letter.attachments, *letter.forms]:
        msg.add_attachment(Path(path).read_bytes(), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename=Path(path).name)
    return msg.as_bytes()


def write_docx(path: Path, letter) -> Path:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    if letter.address:  # the head's letter: «Директору ГБОУ СОШ № 1» at the top right, as a memo is addressed
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        doc.add_paragraph(letter.address).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph(letter.subject).runs[0].bold = True
    for part in (letter.greeting, letter.intro):
        doc.add_paragraph(part)
    for item in letter.items:
        doc.add_paragraph(item, style="List Bullet")
    files = [Path(p).name for p in [*letter.attachments, *letter.forms]]
    if files:  # the printed letter cannot carry them: it names the files the curator hands over with it
        doc.add_paragraph(f"{'Приложение' if len(files) == 1 else 'Приложения'}: "
                          + ", ".join(f"«{name}»" for name in files) + ".")
    for part in letter.body().rstrip().split("\n\n")[-2:]:
        doc.add_paragraph(part)
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
    return path


def write_table(path: Path, rows: list[tuple]) -> Path:
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
