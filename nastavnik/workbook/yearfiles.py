"""The files of ``nastavnik new-year``: the next year's workbook and its summary beside it, written as one unit.

Split from ``newyear`` (which decides what goes where). Layer: workbook.
"""

from __future__ import annotations

from pathlib import Path

from nastavnik.workbook.yearsummary import Summary


def default_out(path: Path, old_label: str, new_label: str) -> Path:
    """«наставничество 2026-2027.xlsx» → «наставничество 2027-2028.xlsx»; otherwise the new year is appended."""
    stem = path.stem
    for sep in ("-", "_", "/", "–"):
        old = old_label.replace("/", sep)
        if old in stem:
            return path.with_name(stem.replace(old, new_label.replace("/", sep)) + ".xlsx")
    return path.with_name(f"{stem} {new_label.replace('/', '-')}.xlsx")


def summary_path(out: Path) -> Path:
    return out.with_name(f"{out.stem} — переход на новый учебный год.txt")


def write_next_year(book, out: Path, org: dict, tables: dict, summary: Summary,
                    taken: str = "Укажите другое имя параметром --out.") -> tuple[Path, Path, bool]:
    """Write the new workbook and its summary as one unit: (book, summary, whether a leftover was completed).

    Both go to temporary names; the summary is renamed first and the workbook last, so a workbook under its
    final name always has its summary beside it (a run killed in between leaves at most a summary, which the
    rerun writes again). A workbook already there without its summary is what an interrupted run of an older
    version left: when it is byte for byte the workbook this run makes (the writer is reproducible), only the
    summary is written; any other file is never written over (``UnusableInput``).
    """
    from nastavnik.base.problems import UnusableInput
    from nastavnik.base.safeio import atomic_path, write_text
    from nastavnik.workbook.template import write_workbook

    note = summary_path(out)
    text = "\n".join(summary.lines()) + "\n"
    source = Path(book.path).resolve() if getattr(book, "path", None) else None
    over_source = source is not None and out.resolve() == source
    if over_source or out.exists():
        if over_source or note.exists() or not _same_book(out, book, org, tables):
            hint = "" if over_source or note.exists() else (
                f" Итогов перехода («{note.name}») рядом с ним нет: если это книга прерванного перехода, удалите её "
                "и запустите команду снова.")
            raise UnusableInput(f"Файл «{out}» уже есть: книга нового года не записывается поверх другой книги. "
                                + taken + hint)
        write_text(note, text)
        return out, note, True
    try:
        with atomic_path(out) as tmp:
            # the organisation's additions to its lists carry over
            write_workbook(tmp, org, tables, lists=book.lists)
            write_text(note, text)
    except BaseException:
        if not out.exists():
            note.unlink(missing_ok=True)
        raise
    return out, note, False


def _same_book(path: Path, book, org: dict, tables: dict) -> bool:
    """Whether ``path`` holds exactly the workbook this transition writes (an interrupted run's leftover)."""
    import tempfile

    from nastavnik.workbook.template import write_workbook

    try:
        with tempfile.TemporaryDirectory() as folder:
            probe = write_workbook(Path(folder) / "probe.xlsx", org, tables, lists=book.lists)
            return probe.read_bytes() == path.read_bytes()
    except OSError:
        return False
