"""Signed documents and attached acts published as PDF beside the pages (п. 8.1 Положения).

The site does not make documents (that is ``nastavnik.docs``, a layer of its own): whoever builds
the site hands it the files already made — ``SiteDocument(kind, path)`` with the document kind of
``nastavnik.docs`` and a .docx or .pdf — and this module decides what may go public:

- only the organisation's orders that are signed: their number and date are on «Организация»;
- names without consent to distribution, contacts, birth dates and the curator's name (the pages
  name the curator by position only) are replaced by «[скрыто]» in a copy of the .docx, which then
  becomes a PDF through LibreOffice when it is installed; a ready PDF beside the .docx (same name) is
  used only when nothing had to be replaced. After the replacement the whole file is checked again,
  text boxes included; a document that still holds something is left out and said so;
- the order on pairs, programmes and consents are lists of people and are never published.

Files the curator attaches on «Нормативная база» (a PDF in the workbook's folder) are copied too.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import threading
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .privacy import REDACTED, People, _name_patterns

DOCS_DIR = "dokumenty"
_AFTER = re.compile(re.escape(REDACTED) + r"(?:\s+[А-ЯЁ][а-яё]+){1,2}(?![\w-])")
URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


@dataclass(frozen=True)
class SiteDocument:
    """A document made by the documents step: its kind (``nastavnik.docs`` kinds) and its file."""

    kind: str
    path: Path


@dataclass(frozen=True)
class OrderSpec:
    org_key: str  # «Организация» fields <org_key>_no / _date say the order is signed
    file: str  # name of the PDF on the site
    title: str


# Orders of the organisation that a section may publish, in the order the pages list them.
ORDERS: dict[str, OrderSpec] = {
    # The one order of introduction (when «Порядок приказов» chooses it) stands where the next two would.
    "intro": OrderSpec("order_intro", "prikaz-o-vnedrenii-sistemy-nastavnichestva.pdf",
                       "Приказ «О внедрении системы (целевой модели) наставничества педагогических работников» с "
                       "приложениями: Положение и дорожная карта"),
    "polozhenie": OrderSpec("order_regulation", "prikaz-ob-utverzhdenii-polozheniya.pdf",
                            "Приказ «Об утверждении Положения о системе (целевой модели) наставничества педагогических "
                            "работников» с приложениями: Положение и дорожная карта"),
    "curator": OrderSpec("order_curator", "prikaz-o-naznachenii-kuratora.pdf",
                         "Приказ «О назначении куратора системы наставничества»"),
    "council": OrderSpec("order_council", "prikaz-o-metodicheskom-sovete.pdf",
                         "Приказ «Об утверждении методического совета наставников»"),
    "org_programme": OrderSpec("order_programme", "prikaz-ob-utverzhdenii-programmy-nastavnichestva.pdf",
                               "Приказ «Об утверждении программы наставничества педагогических работников» с "
                               "приложением: программа наставничества"),
    "final": OrderSpec("order_final", "prikaz-ob-itogovom-meropriyatii.pdf",
                       "Приказ «О проведении итогового мероприятия»"),
}


@dataclass
class Published:
    kind: str
    title: str
    number: str | None
    date: object
    href: str  # relative to the site's root
    data: bytes


def is_url(text: str | None) -> bool:
    return bool(text) and URL.fullmatch(str(text).strip()) is not None


class _Redactor:
    """Replaces what the pages would hide: names without consent, the curator's name, contacts and birth
    dates («[скрыто]», as in free text on the pages)."""

    def __init__(self, who: People, curator: str | None):
        self.who = who
        self.curator = _name_patterns(curator) if curator else []

    def text(self, text: str) -> str:
        text = self.who.scrub(text) or ""
        for pattern in self.curator:
            text = pattern.sub(REDACTED, text)
        # A surname found in another case («Белых Анну Сергеевну»): its name and patronymic go with it.
        return _AFTER.sub(REDACTED, text)


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            yield from part.paragraphs


def _xml_text(data: bytes) -> str:
    """All text of a .docx (every XML part, text boxes included), for the final check."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = " ".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist()
                       if n.startswith("word/") and n.endswith(".xml"))
    return re.sub(r"<[^>]+>", "", xml)


ACQUAINTANCE = "ЛИСТ ОЗНАКОМЛЕНИЯ"


def drop_acquaintance(document) -> bool:
    """Remove the order's «Лист ознакомления» (from its heading to the end of the body) from a published copy.

    The sheet is for the signatures of the people the order names: on the site it is an empty table of names
    and blank signature cells, a page of personal data with nothing to read. When the sheet opened a section
    of its own (after a landscape annex), the annex's section properties become the document's last ones, so
    that no empty page is left where the sheet was. Returns whether anything was removed.
    """
    from docx.oxml.ns import qn

    def words(el) -> str:
        return "".join(x.text or "" for x in el.iter(qn("w:t"))).strip()

    body = document.element.body
    children = list(body)
    start = next((i for i, el in enumerate(children) if el.tag == qn("w:p") and words(el) == ACQUAINTANCE), None)
    if start is None:
        return False
    for el in children[start:]:
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    before = children[start - 1] if start else None
    if before is not None and before.tag == qn("w:p"):
        ppr = before.find(qn("w:pPr"))
        inner = ppr.find(qn("w:sectPr")) if ppr is not None else None
        last = body.find(qn("w:sectPr"))
        if inner is not None and last is not None:
            ppr.remove(inner)
            body.replace(last, inner)
            if not words(before):
                body.remove(before)
    return True


def redacted_docx(path: Path, who: People, curator: str | None) -> tuple[bytes | None, bool]:
    """(the .docx with personal data replaced, whether anything was replaced); None when it cannot be
    made safe: unreadable, or the check of the whole file still finds something."""
    try:
        import docx

        document = docx.Document(str(path))
    except Exception:  # noqa: BLE001 - an unreadable file is simply not published
        return None, False
    red = _Redactor(who, curator)
    changed = drop_acquaintance(document)
    for paragraph in _paragraphs(document):
        text = paragraph.text
        new = red.text(text)
        if new != text and paragraph.runs:
            changed = True
            paragraph.runs[0].text = new
            for run in paragraph.runs[1:]:
                run.text = ""
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    full = _xml_text(data)
    if red.text(full) != full:
        return None, changed
    return data, changed


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _to_pdf(files: dict[str, bytes]) -> dict[str, bytes]:
    """Convert .docx bytes (key -> bytes) to PDF in one LibreOffice call with its own profile."""
    soffice = _soffice()
    if soffice is None or not files:
        return {}
    with tempfile.TemporaryDirectory(prefix="nastavnik-site-pdf-") as tmp:
        tmp_path = Path(tmp)
        sources = {}
        for n, (key, data) in enumerate(files.items()):
            src = tmp_path / "in" / f"{n}.docx"
            src.parent.mkdir(exist_ok=True)
            src.write_bytes(data)
            sources[key] = src
        try:
            subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), *map(str, sources.values())],
                           capture_output=True, timeout=300, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return {}
        out = {}
        for key, src in sources.items():
            pdf = tmp_path / "out" / (src.stem + ".pdf")
            if pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-":
                out[key] = pdf.read_bytes()
        return out


def content_key(data: bytes) -> str:
    """A .docx's fingerprint by what it holds: every part's name and bytes, not the zip's dates (a document
    made again from the same data is a new file with the same content)."""
    import hashlib

    h = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in sorted(zf.namelist()):
            h.update(name.encode() + b"\0" + zf.read(name) + b"\0")
    return h.hexdigest()


def _cached_pdfs(files: dict[str, bytes], cache: Path | None) -> dict[str, bytes]:
    """PDFs of the .docx ``files``: from ``cache`` when a file with the same content was converted before, the
    others by LibreOffice in one call (and kept there). A cache that cannot be read or written is no cache."""
    if cache is None:
        return _to_pdf(files)
    keys = {k: content_key(data) for k, data in files.items()}
    out: dict[str, bytes] = {}
    for k, key in keys.items():
        try:
            pdf = (cache / f"{key}.pdf").read_bytes()
        except OSError:
            continue
        if pdf[:5] == b"%PDF-":
            out[k] = pdf
    rest = {k: data for k, data in files.items() if k not in out}
    made = _to_pdf(rest) if rest else {}
    for k, pdf in made.items():
        try:
            cache.mkdir(parents=True, exist_ok=True)
            part = cache / f"{keys[k]}.pdf.part"
            part.write_bytes(pdf)
            part.replace(cache / f"{keys[k]}.pdf")
        except OSError:
            pass
    return out | made


def signed_orders(book, documents, who: People, cache: Path | None = None) -> tuple[list[Published], list[str]]:
    """The orders that may be published, as PDF bytes; and why each other given order is not.

    ``cache``: a folder of PDFs by the cleaned .docx's content (``content_key``): LibreOffice takes seconds
    for each run, and the signed orders change once a year.
    """
    with signed_orders_later(book, documents, who, cache) as pending:
        return pending()


@contextmanager
def signed_orders_later(book, documents, who: People, cache: Path | None = None):
    """``signed_orders`` started now and finished when the block calls what it yields.

    LibreOffice converts in a thread (the thread only waits for it) while the caller builds the pages on the
    other core: at district scale that hid a second and a half of every cold run. The block never ends
    before LibreOffice does, so no process outlives the run, whatever stops it.
    """
    chosen, notes = _chosen(book, documents, who)
    # A ready PDF is used only when nothing had to be hidden; otherwise the cleaned copy is converted.
    ready = {k: p.with_suffix(".pdf") for k, (p, _, changed) in chosen.items()
             if not changed and p.with_suffix(".pdf").is_file()}
    todo = {k: data for k, (_, data, _) in chosen.items() if k not in ready}
    box: dict = {}

    def convert() -> None:
        try:
            box["converted"] = _cached_pdfs(todo, cache)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread, raised there
            box["error"] = exc

    worker = threading.Thread(target=convert, name="site-pdf") if todo and _soffice() else None
    if worker is None:
        convert()
    else:
        worker.start()

    def finish() -> tuple[list[Published], list[str]]:
        if worker is not None:
            worker.join()
        if "error" in box:
            raise box["error"]
        return _published(book, chosen, ready, box["converted"], notes)

    try:
        yield finish
    finally:
        if worker is not None:
            worker.join()


def _chosen(book, documents, who: People) -> tuple[dict[str, tuple[Path, bytes, bool]], list[str]]:
    """The signed orders among ``documents`` with their cleaned .docx bytes; notes on the others."""
    from .values import _text, fmt_date

    org = book.org or {}
    curator = _text(org.get("curator_fio"))
    chosen: dict[str, tuple[Path, bytes, bool]] = {}
    notes: list[str] = []
    for doc in documents or ():
        path = Path(doc.path)
        spec = ORDERS.get(doc.kind)
        if spec is None or doc.kind in chosen:
            continue  # programmes, consents, the order on pairs: lists of people, never on the site
        no, date = _text(org.get(f"{spec.org_key}_no")), org.get(f"{spec.org_key}_date")
        if not (no and fmt_date(date)):
            notes.append(f"{spec.title}: не опубликован — на листе «Организация» нет его номера и даты (не подписан).")
            continue
        docx_path = path if path.suffix.lower() == ".docx" else path.with_suffix(".docx")
        data, changed = redacted_docx(docx_path, who, curator) if docx_path.is_file() else (None, False)
        if data is None:
            notes.append(f"{spec.title}: не опубликован — нет читаемого файла .docx, из которого можно убрать "
                         "персональные данные.")
            continue
        chosen[doc.kind] = (docx_path, data, changed)
    return chosen, notes


def _published(book, chosen: dict, ready: dict[str, Path], converted: dict[str, bytes],
               notes: list[str]) -> tuple[list[Published], list[str]]:
    """Each chosen order with its PDF, in the order the pages list them; a note for one without a PDF."""
    from .values import _text

    org = book.org or {}
    out = []
    for kind, spec in ORDERS.items():
        if kind not in chosen:
            continue
        data = ready[kind].read_bytes() if kind in ready else converted.get(kind)
        if data is None:
            notes.append(f"{spec.title}: PDF не сделан — не установлен LibreOffice или он не смог открыть файл. "
                         "Сохраните приказ в PDF вручную, убрав ФИО участников без согласия.")
            continue
        out.append(Published(kind, spec.title, _text(org.get(f"{spec.org_key}_no")),
                             org.get(f"{spec.org_key}_date"), f"{DOCS_DIR}/{spec.file}", data))
    return out, notes



def attached_file(book, link: str | None, n: int) -> tuple[str | None, bytes | None, str | None]:
    """(href, bytes, note) for a «Ссылка или файл» cell: a web address, a PDF beside the workbook, or nothing."""
    link = (link or "").strip()
    if not link:
        return None, None, None
    if is_url(link):
        return link, None, None
    folder = Path(book.path).parent if getattr(book, "path", None) else None
    name = Path(link).name  # only a file in the workbook's own folder
    path = folder / name if folder else None
    if path is None or path.suffix.lower() != ".pdf" or not path.is_file():
        return None, None, (f"Файл «{link}» с листа «Нормативная база» не найден рядом с книгой или это не PDF: "
                            "документ показан без ссылки.")
    return f"{DOCS_DIR}/baza-{n}.pdf", path.read_bytes(), None
