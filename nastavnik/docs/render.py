"""Render documents: each template compiled once, many documents in parallel, every value escaped.

docxtpl re-reads and re-compiles its template on every ``render``. Here each
template is prepared once with docxtpl's own machinery (``patch_xml`` turns
Word's runs into clean Jinja tags) and compiled by a Jinja environment with
``autoescape=True`` (an «&» or «<» in a name is escaped, never breaks the XML)
and ``StrictUndefined`` (a misspelt field is an error, not a silent blank).
Rendering a document is then one Jinja call per tagged part plus docxtpl's
``resolve_listing`` post-processing, written into a copy of the template's
zip. Large batches go to a process pool; each worker compiles the templates
once in its initializer. A kind with charts (``Kind.images``: the analytic
report, one per run) is rendered by docxtpl itself, because its ``InlineImage``
must belong to the template object that renders (``images.py``).

Library entry points (the lead's ``run`` calls them):
- ``render_documents(book, out_dir, today, only=None, templates=None, pdf=False, progress=None) -> list[Path]``
- ``plan_documents`` + ``render_jobs`` for callers that show their own progress bar;
- ``bench_programmes(n, naive=False)`` for ``scripts/bench.py``.

Longer than most modules: the trial render, the batch in a process pool and the error mapping of a
template are one sequence that reads best in one place.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from nastavnik.base.problems import NastavnikError
from nastavnik.base.safeio import write_bytes

from .context import shared
from .images import fixed_dates, render_with_images
from .kinds import KINDS, Kind, file_name
from .ziplayout import ZipLayout

ROOT_TEMPLATES = Path(__file__).resolve().parents[2] / "doc_templates"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
POOL_THRESHOLD = 16
_LISTING = re.compile("[\t\a\n\f]")  # what docxtpl's resolve_listing turns into Word's breaks and tabs


class BrokenTemplate(NastavnikError):
    """A curator's template cannot be used: the file is fine to open but not to fill (exit code 2).

    Raised after the other kinds were made; ``made`` lists their files, ``kinds`` the kinds left out.
    """

    exit_code = 2

    def __init__(self, message: str, made: list[Path] | None = None, kinds: list[str] | None = None):
        super().__init__(message)
        self.made = made or []
        self.kinds = kinds or []


def make_env():
    """The sandbox (base.sandbox): a template — bundled or the curator's — reaches the context's data only."""
    from jinja2 import StrictUndefined

    from nastavnik.base.sandbox import sandboxed_environment

    class FieldUndefined(StrictUndefined):
        """StrictUndefined that names the whole field («curator.position_gen») in its error."""

        __slots__ = ()

        @property
        def _undefined_message(self) -> str:
            if self._undefined_hint:  # the sandbox's refusal («access to attribute '__init__'…») stays whole
                return self._undefined_hint
            parent = getattr(self._undefined_obj, "_path", None)
            name = self._undefined_name
            return f"{parent}.{name}" if parent and name else str(name or "?")

    from nastavnik.workbook.parse import xml_safe

    # Whatever a field holds, nothing XML forbids reaches word/document.xml (Word would refuse the file).
    return sandboxed_environment(autoescape=True, undefined=FieldUndefined,
                                 finalize=lambda x: xml_safe(x) if isinstance(x, str) else x)


def _tag_with(sources: Iterable[str], needle: str | None) -> str:
    """The tag of the template («{{ cycler.__init__ }}») that holds ``needle``, as the curator typed it."""
    for src in sources:
        for tag in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", src, re.DOTALL):
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", tag)).strip()
            if needle is None or needle in text:
                return text if len(text) <= 90 else text[:89] + "…"
    return ""


def refused(origin: str, key: str, exc: Exception, sources: Iterable[str]) -> BrokenTemplate:
    """A template stopped by the sandbox: named, with its field, and nothing of its kind made."""
    from nastavnik.base.sandbox import attribute_of

    attribute = attribute_of(exc)
    tag = _tag_with(list(sources), attribute or "*")
    what = ("обращается не к данным книги, а к устройству программы (так в шаблон прячут запуск чужих команд "
            "на компьютере)" if attribute else "строит значение в миллионы знаков (компьютер завис бы)")
    return BrokenTemplate(
        f"Шаблон «{origin}» отклонён: поле" + (f" «{tag}»" if tag else "") + f" {what}. Программа такое поле "
        "не выполняет, документы этого вида не сделаны. Уберите поле из шаблона; список допустимых полей: "
        f"nastavnik docs --fields {key}.")


class _Tracked(dict):
    """A context dict that knows its own field path, so an unknown attribute is reported with it."""

    _path = ""


def tracked(value, path: str = ""):
    """The context with every dict knowing its path (``curator``, ``plan[].activities[]``): for the check run."""
    if isinstance(value, dict):
        out = _Tracked({k: tracked(v, f"{path}.{k}" if path else k) for k, v in value.items()})
        out._path = path
        return out
    if isinstance(value, list):
        return [tracked(v, f"{path}[]") for v in value]
    return value


def _paragraph_text(source: str, lineno: int | None) -> str:
    """The words of the paragraph around a broken tag, as the curator sees them in Word."""
    lines = source.split("\n")
    if not lineno or lineno > len(lines):
        return ""
    words = re.sub(r"<[^>]+>", "", lines[lineno - 1])
    words = re.sub(r"\s+", " ", words).strip()
    return words if len(words) <= 90 else words[:89] + "…"


@dataclass(frozen=True)
class Job:
    kind: str
    context: dict
    path: Path


def template_bytes_from_blueprint(key: str) -> bytes:
    from .blueprints import BLUEPRINTS
    from .orgprogramme import LAYOUTS as ORG_LAYOUTS
    from .recognition import LAYOUTS

    buf = io.BytesIO()
    (LAYOUTS.get(key) or ORG_LAYOUTS.get(key) or BLUEPRINTS[key])().save(buf)
    # Fixed member dates: regenerating an unchanged template gives the same bytes (quiet git history).
    return fixed_dates(buf.getvalue())


def load_templates(keys: Iterable[str], folder: Path | None = None) -> dict[str, tuple[str, bytes]]:
    """kind → (where it came from, bytes): the curator's folder first, then doc_templates/, then the blueprint."""
    out = {}
    for key in keys:
        name = KINDS[key].template
        for candidate in ([folder / name] if folder else []) + [ROOT_TEMPLATES / name]:
            if candidate.is_file():
                out[key] = (str(candidate), candidate.read_bytes())
                break
        else:
            out[key] = (f"встроенный шаблон «{name}»", template_bytes_from_blueprint(key))
    return out


class Compiled:
    """One template ready to render many times: its zip members and its tagged parts compiled once."""

    def __init__(self, origin: str, data: bytes, env=None, key: str = "ВИД"):
        from docxtpl import DocxTemplate
        from jinja2 import TemplateSyntaxError

        self.origin = origin
        self.key = key
        self.data = data  # kinds with pictures are rendered by docxtpl itself (images.py)
        self.env = env or make_env()
        self._tpl = DocxTemplate(io.BytesIO(data))  # used for its patch_xml / resolve_listing only
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                self.infos = z.infolist()
                self.blobs = {i.filename: z.read(i) for i in self.infos}
        except zipfile.BadZipFile as exc:
            raise BrokenTemplate(f"Шаблон «{origin}» — не документ Word (.docx).") from exc
        self.parts = {}
        self.sources = {}
        for name, blob in self.blobs.items():
            if _PARTS.match(name) and b"{" in blob:
                src = self._tpl.patch_xml(blob.decode("utf-8"))
                src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)
                try:
                    self.parts[name] = self.env.from_string(src)
                except TemplateSyntaxError as exc:
                    where = _paragraph_text(src, exc.lineno)
                    raise BrokenTemplate(
                        f"Шаблон «{origin}» испорчен: тег записан с ошибкой"
                        + (f" в абзаце «{where}»" if where else "") + ". Проверьте, что каждый «{{» закрыт «}}», "
                        "а каждый «{%» — «%}».") from exc
                self.sources[name] = src
        try:
            self.layout: ZipLayout | None = ZipLayout(self.infos, self.blobs, self.parts)
        except ValueError:  # a member packed other than by deflate: such a template is written by zipfile
            self.layout = None

    def fields(self) -> set[str]:
        """Top-level names the template uses (docxtpl's get_undeclared_template_variables)."""
        return set(self._tpl.get_undeclared_template_variables(self.env))

    def render(self, context: dict) -> bytes:
        from jinja2 import TemplateError, UndefinedError
        from jinja2.sandbox import SecurityError

        filled: dict[str, bytes] = {}
        for name, template in self.parts.items():
            try:
                xml = template.render(context)
            except SecurityError as exc:
                raise refused(self.origin, self.key, exc, [self.sources[name]]) from exc
            except UndefinedError as exc:
                raise BrokenTemplate(f"В шаблоне «{self.origin}» есть поле «{exc.message}», которого программа "
                                     f"не знает. Список полей: nastavnik docs --fields {self.key}.") from exc
            except (TemplateError, TypeError) as exc:
                raise BrokenTemplate(f"Шаблон «{self.origin}» не удалось заполнить: в нём есть выражение, "
                                     "которое программа не может вычислить. Оставьте в шаблоне только поля "
                                     f"из списка nastavnik docs --fields {self.key}.") from exc
            xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # undo the line breaks added above
            xml = keep_numbers(xml)
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            filled[name] = self.listing(xml).encode("utf-8")
        if self.layout is not None:
            return self.layout.build(filled)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in self.infos:
                z.writestr(copy.copy(info), filled.get(info.filename, self.blobs[info.filename]))
        return out.getvalue()

    def listing(self, xml: str) -> str:
        """docxtpl's ``resolve_listing`` (\\n → line break, \\t → tab, \\a → paragraph, \\f → page break).

        It rewrites only paragraphs holding one of those characters, yet took half of a document's
        rendering time by parsing every run of every paragraph; here only those paragraphs go to it, found
        from the characters themselves (a programme has a few such paragraphs among a hundred and fifty).
        """
        if not _LISTING.search(xml):
            return xml
        out, pos = [], 0
        for m in _LISTING.finditer(xml):
            at = m.start()
            if at < pos:
                continue  # in the paragraph just rewritten
            start = max(xml.rfind("<w:p ", pos, at), xml.rfind("<w:p>", pos, at))
            if start < 0 or xml.find("</w:p>", start, at) >= 0:
                continue  # between paragraphs: docxtpl leaves it too
            end = xml.find("</w:p>", at)
            if end < 0:
                break
            end += len("</w:p>")
            out += [xml[pos:start], self._tpl.resolve_listing(xml[start:end])]
            pos = end
        out.append(xml[pos:])
        return "".join(out)


def check_fields(key: str, compiled: Compiled, known: set[str]) -> None:
    unknown = sorted(compiled.fields() - known)
    if unknown:
        names = ", ".join(f"«{u}»" for u in unknown)
        raise BrokenTemplate(
            f"В шаблоне «{compiled.origin}» есть поля, которых программа не знает: {names}. "
            f"Исправьте их или посмотрите список: nastavnik docs --fields {key}.")


def plan_documents(book, out_dir: Path, today: dt.date, only: Iterable[str] | None = None,
                   replacements: Iterable[dict] = ()) -> list[Job]:
    """Every document to make: its kind, its context and its file path (unique, safe names).

    ``replacements``: the early fit check's replacements of a mentor as proposed by the matching (plain dicts,
    ``kinds.draft_groups``); the kinds that draft them (``Kind.drafts``) add the draft order and the new mentor's
    consent and agreement."""
    replacements = list(replacements or ())
    from .applies import not_ready

    jobs, used = [], set()
    with shared(book):  # every kind reads the same rows and people: built once, not once per kind
        keys = [k for k in (list(only) if only else list(KINDS)) if not_ready(book, k, asked=bool(only)) is None]
        for key in keys:
            jobs += name_jobs(key, build_kind(book, today, key, replacements), out_dir, used)
    return jobs


def build_kind(book, today: dt.date, key: str, replacements: list[dict]) -> list[tuple[str, dict]]:
    """One kind's (file stem, context) pairs; the kinds that draft replacements (``Kind.drafts``) get them."""
    kind: Kind = KINDS[key]
    return kind.build(book, today, replacements) if kind.drafts and replacements else kind.build(book, today)


def name_jobs(key: str, built: list[tuple[str, dict]], out_dir: Path, used: set[str]) -> list[Job]:
    """The kind's jobs with unique, safe file names; ``used`` (lower-case names taken so far) is updated."""
    folder = Path(out_dir) / KINDS[key].folder
    jobs = []
    for stem, ctx in built:
        name = file_name(stem)
        n = 1
        while name.lower() in used:
            n += 1
            name = file_name(stem, n)
        used.add(name.lower())
        jobs.append(Job(key, ctx, folder / name))
    return jobs


_WORKER: dict[str, Compiled] = {}


def _init_worker(templates: dict[str, tuple[str, bytes]], charts: Path | None = None) -> None:
    """A worker's templates compiled once; ``charts``: the folder of charts kept between runs (chartcache)."""
    from . import chartcache

    chartcache.set_folder(charts)
    env = make_env()
    _WORKER.clear()
    _WORKER.update({k: Compiled(origin, data, env, k) for k, (origin, data) in templates.items()})


def _usable(key: str, origin: str, data: bytes, jobs: list[Job], env, trial: bool = True) -> Compiled:
    """The kind's template compiled, its fields checked and (``trial``) one document filled in memory: a broken
    template fails here, before any document of its kind is written (BrokenTemplate).

    The trial is for the curator's own templates; the bundled ones are tested with every kind's context, and
    their trial cost a school's run two seconds (the analytic report, charts and all, was made twice)."""
    from jinja2.sandbox import SecurityError

    well_formed(origin, data)
    compiled = Compiled(origin, data, env, key)
    mine = [j for j in jobs if j.kind == key]
    check_fields(key, compiled, set().union(*(j.context.keys() for j in mine)))
    if not trial:
        return compiled
    if mine and not KINDS[key].images:
        compiled.render(tracked(mine[0].context))
    elif mine:
        try:
            render_with_images(origin, data, env, tracked(mine[0].context))
        except SecurityError as exc:
            raise refused(origin, key, exc, compiled.sources.values()) from exc
        except NastavnikError as exc:
            raise BrokenTemplate(str(exc)) from exc
    return compiled


def well_formed(origin: str, data: bytes) -> None:
    """Every XML part of the template reads as XML: a cut or hand-edited document.xml stops its kind (exit 2)."""
    from xml.parsers import expat

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    try:
                        expat.ParserCreate().Parse(z.read(info), True)
                    except expat.ExpatError as exc:
                        raise BrokenTemplate(
                            f"Шаблон «{origin}» повреждён: его часть «{info.filename}» не читается (файл обрезан "
                            "или изменён не в Word). Откройте шаблон в Word, сохраните его заново как документ "
                            "Word (.docx) или возьмите шаблон из папки doc_templates.") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError) as exc:
        raise BrokenTemplate(f"Шаблон «{origin}» — не документ Word (.docx).") from exc


_NUMBER_SIGN = re.compile("№ (?=\\S)")


def keep_numbers(text: str) -> str:
    """«№» and its number on one line: a no-break space after every «№» that precedes something (a number, a
    blank, the next run of the paragraph). A line ending in a bare «№» reads as a blank to fill in by hand."""
    return _NUMBER_SIGN.sub("№\u00a0", text)


def _unbroken(value):
    """The context with ``keep_numbers`` applied to each of its strings (the charts' kind renders by docxtpl)."""
    if isinstance(value, str):
        return keep_numbers(value)
    if isinstance(value, dict):
        return {k: _unbroken(x) for k, x in value.items()}
    if isinstance(value, list):
        return [_unbroken(x) for x in value]
    return value


def _render_one(job: Job) -> Path:
    compiled = _WORKER[job.kind]
    if KINDS[job.kind].images:
        data = render_with_images(compiled.origin, compiled.data, compiled.env, _unbroken(job.context))
    else:
        data = compiled.render(job.context)
    write_bytes(job.path, data)
    return job.path


def render_jobs(jobs: list[Job], templates: Path | None = None, progress: Callable[[int], None] | None = None,
                workers: int | None = None) -> list[Path]:
    """Render the planned jobs; ``progress(1)`` after each document. Templates are checked before any is written."""
    keys = sorted({j.kind for j in jobs})
    sources = load_templates(keys, templates)
    env = make_env()
    _WORKER.clear()
    failed: dict[str, str] = {}
    for key in keys:
        compiled, why = checked_kind(key, sources[key], jobs, env, templates)
        if why:
            failed[key] = why
        else:
            _WORKER[key] = compiled
    if failed:  # only the broken kinds stop; every other kind is made as usual
        jobs = [j for j in jobs if j.kind not in failed]
        sources = {k: s for k, s in sources.items() if k not in failed}
    done = _render_all(jobs, sources, progress, workers)
    if failed:
        raise broken_kinds(failed, done)
    return done


def checked_kind(key: str, source: tuple[str, bytes], jobs: list[Job], env,
                 templates: Path | None) -> tuple[Compiled | None, str | None]:
    """The kind's template ready to render, or why it cannot be used (Russian, for the curator)."""
    try:
        return _usable(key, *source, jobs, env, trial=_own(source[0], templates)), None
    except BrokenTemplate as exc:
        return None, str(exc)
    except (KeyError, ValueError, LookupError, AttributeError, TypeError, OSError):
        # python-docx / docxtpl on a package that is a zip but not a whole Word document (no document.xml…)
        if templates is None:
            raise
        return None, (f"Шаблон «{source[0]}» не читается как документ Word: в нём не хватает частей "
                      "или они испорчены. Откройте его в Word и сохраните заново как документ Word (.docx).")


def broken_kinds(failed: dict[str, str], done: list[Path]) -> BrokenTemplate:
    """The error that names each kind left out and why, after the others were made."""
    from nastavnik.base.morph import agree

    titles = "".join(f"\n— {KINDS[k].title}: {msg}" for k, msg in failed.items())
    return BrokenTemplate(f"Документы {agree(len(failed), 'вид', 'gen')} не сделаны — их шаблоны нельзя "
                          f"использовать:{titles}" + (f"\nОстальные документы сделаны: {len(done)}." if done else ""),
                          done, list(failed))


def _own(origin: str, folder: Path | None) -> bool:
    """Whether the template came from the curator's folder (not doc_templates/ or the built-in blueprint)."""
    return folder is not None and Path(origin).parent == Path(folder)


def _render_all(jobs: list[Job], sources: dict, progress, workers: int | None) -> list[Path]:
    workers = workers or min(os.cpu_count() or 1, 4)
    done: list[Path] = []
    if workers < 2 or len(jobs) < POOL_THRESHOLD:
        for job in jobs:
            done.append(_render_one(job))
            if progress:
                progress(1)
        return done
    from nastavnik.base.workers import pool as guarded_pool

    # A document with charts (the analytic report: matplotlib, then docxtpl) takes as long as hundreds of others:
    # it starts first, alone, so that the other worker makes the rest meanwhile instead of waiting for it at the end.
    heavy = [j for j in jobs if KINDS[j.kind].images]
    light = [j for j in jobs if not KINDS[j.kind].images]
    from nastavnik.base.safeio import swept_on_failure

    folder = os.path.commonpath([str(j.path.parent) for j in jobs])
    with swept_on_failure(folder), guarded_pool(workers, initializer=_init_worker, initargs=(sources,)) as pool:
        started = [pool.apply_async(_render_one, (job,)) for job in heavy]
        for path in pool.imap(_render_one, light, chunksize=max(1, min(16, len(light) // (workers * 4)))):
            done.append(path)
            if progress:
                progress(1)
        for result in started:
            done.append(result.get())
            if progress:
                progress(1)
    return [job.path for job in jobs]  # in the planned order, as when made one by one


def render_documents(book, out_dir: Path, today: dt.date, only: Iterable[str] | None = None,
                     templates: Path | None = None, pdf: bool = False,
                     progress: Callable[[int], None] | None = None, replacements: Iterable[dict] = ()) -> list[Path]:
    """Make every document (or the kinds in ``only``) into ``out_dir``; with ``pdf`` also a PDF beside each.
    ``replacements``: as ``plan_documents`` takes them.

    Returns the paths written (.docx, then .pdf). Raises NastavnikError with a Russian message when a
    template is broken or names an unknown field, or when PDF was asked for and LibreOffice is missing.
    """
    jobs = plan_documents(book, out_dir, today, only, replacements)
    paths = render_jobs(jobs, templates, progress)
    if pdf and paths:
        from .pdf import convert_to_pdf

        paths += convert_to_pdf(paths)
    return paths


def bench_programmes(n: int = 1000, naive: bool = False, out_dir: Path | None = None,
                     workers: int | None = None) -> float:
    """Seconds to render ``n`` programmes of the demo (its programmes repeated).

    ``naive=True`` is the baseline: a new DocxTemplate read from disk and rendered by docxtpl for every
    document, one process. The default is this module's way: compiled once, process pool.
    """
    import tempfile

    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.samples.demo import demo_data
    from nastavnik.workbook.template import write_workbook

    today = dt.date(2026, 11, 25)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        book_path = tmp / "демо.xlsx"
        write_workbook(book_path, *demo_data(today))
        book = read_workbook(book_path, today=today)
        base = KINDS["programme"].build(book, today)
        out = Path(out_dir) if out_dir else tmp / "out"
        jobs = [Job("programme", base[i % len(base)][1], out / f"{i:05d}.docx") for i in range(n)]
        start = time.perf_counter()
        if naive:
            from docxtpl import DocxTemplate

            path = tmp / "t.docx"
            path.write_bytes(load_templates(["programme"])["programme"][1])
            env = make_env()
            out.mkdir(parents=True, exist_ok=True)
            for job in jobs:
                tpl = DocxTemplate(str(path))
                tpl.render(job.context, env)
                tpl.save(str(job.path))
        else:
            render_jobs(jobs, workers=workers)
        return time.perf_counter() - start
