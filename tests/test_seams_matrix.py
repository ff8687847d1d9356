"""The seams matrix: every command on the book of every type in every state of the year (issue 24).

Each capability is tested on the books its own tests build; a curator's book is the one the previous
command wrote. ``seams_books`` takes the school, the kindergarten, the college and the centre through the
year — ``init``, September, approved, running, May, ``new-year`` with year 2 typed in, ``collect``'s copy,
``match --apply``'s copy — and here every command runs on each book through the command line, in process.
A cell passes when the command ends with a code the README documents for it (0 or 1: never 3, the internal
error, nor 2 on a book the tool itself wrote), says no «Traceback» nor «Внутренняя ошибка», leaves the book's
bytes alone and, ending 0 or 1, has written what it promises — every file it names exists.

Time (CI runs the whole suite on 2 cores): check, match and new-year run on every book; the slow commands
(run, docs, site, forms) once per state, on a different type each (a Latin square: every type meets each of
them in two states); match --apply, report and collect, which write a book or a report, on two types per
state (every type in four states); the commands that make a state (new-year on May, match --apply on
September, forms and collect on the running book) are asserted on the run that made it, for every type.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook.reader import read_workbook

from .seams_books import FORM_KIND, STATES, TYPES, YEAR2_DAY, Step, answers_of, build_books, cli, command_line

EVERYWHERE = ("check", "match", "new-year")
SLOW = ("run", "docs", "site", "forms")
HALF = ("match-apply", "report", "collect", "remind")  # write a book or a report: two types a state, each type in four states
# The state each command's run while building made (or read): its cell is that run.
MADE_BY = {("may", "new-year"), ("september", "match-apply"), ("running", "forms"), ("running", "collect")}

# (type, state, command) -> reason, for a cell known to fail: it runs as xfail(strict=True) until it is fixed.
KNOWN: dict[tuple[str, str, str], str] = {}


def slow_type(state: str, command: str) -> str:
    """The type a slow command runs on in ``state``: each state meets every slow command once."""
    return TYPES[(STATES.index(state) + SLOW.index(command)) % len(TYPES)]


def half_types(state: str, command: str) -> tuple[str, ...]:
    i = STATES.index(state) + HALF.index(command)
    return TYPES[i % len(TYPES)], TYPES[(i + 1) % len(TYPES)]




def cells():
    for state in STATES:
        for t in TYPES:
            commands = EVERYWHERE + tuple(c for c in SLOW if slow_type(state, c) == t)
            commands += tuple(c for c in HALF if t in half_types(state, c))
            commands += tuple(c for s_, c in sorted(MADE_BY) if s_ == state and c not in commands)
            for command in commands:
                reason = KNOWN.get((t, state, command))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                yield pytest.param(t, state, command, marks=marks, id=f"{ot.find(t).key}-{state}-{command}")


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    root = tmp_path_factory.mktemp("seams")
    return root, build_books(root)


def _args(command: str, t: str, book: Path, out: Path, root: Path) -> list:
    return {
        "check": ["check", book],
        "match": ["match", book],
        "match-apply": ["match", book, "--apply", "--out", out],
        "report": ["report", book, "--out", out],
        "new-year": ["new-year", book, "--out", out / "новый год.xlsx"],
        "collect": ["collect", book, answers_of(root, t), "--out", out],
        "run": ["run", book, "--out", out],
        "docs": ["docs", book, "--out", out],
        "site": ["site", book, "--out", out / "сайт"],
        "forms": ["forms", book, "--kind", FORM_KIND[t], "--out", out],
        "remind": ["remind", book, "--out", out],
    }[command]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


NAMED = re.compile(r"(/[^\n«»:]*?\.(?:xlsx|docx|txt|json|html|pdf))")


def assert_clean(step: Step) -> str:
    """The end every cell shares; returns the output for the command's own promise."""
    result = step.result
    text = result.output + (result.stderr or "" if result.stderr_bytes is not None else "")
    where = f"{step.line}\n→ код {result.exit_code}\n{text[-3000:]}"
    assert result.exit_code in (0, 1), where
    assert "Traceback" not in text and "Внутренняя ошибка" not in text, where
    named = [Path(p.strip()) for p in NAMED.findall(text)]
    missing = [str(p) for p in named if step.out is not None and str(p).startswith(str(step.out.parent))
               and not p.exists()]
    assert missing == [], f"названы, но не существуют: {missing}\n{where}"
    return text


def assert_promise(command: str, step: Step, text: str) -> None:
    """What the command promises when it ends 0 (or 1, where it still writes something)."""
    code, out, where = step.result.exit_code, step.out, f"{step.line}\n{text[-2000:]}"
    if command == "check":
        assert "Проверка книги" in text, where
    elif command == "match":
        assert "Подбор наставнических пар" in text, where
    elif command == "match-apply":
        copies = list(out.glob("*.xlsx")) if out.exists() else []
        copies = [p for p in copies if "Предложения" not in p.name]
        if "Копия книги с парами" in text:
            assert len(copies) == 1, where
            assert len(read_workbook(copies[0]).tables["pairs"]) > 0, where
        else:
            assert copies == [], where
    elif command == "report" and code == 0:
        assert list(out.glob("*ониторинг*.xlsx")), where
    elif command == "new-year":
        target = out if out.suffix == ".xlsx" else out / "новый год.xlsx"
        assert target.exists() == (code == 0), where  # whole or absent
        if code == 0:
            assert read_workbook(target).org["academic_year"], where
    elif command == "collect":
        assert (out / "Отчёт о сборе анкет.xlsx").exists(), where
    elif command == "run":
        assert (out / "последний запуск.txt").exists(), where
        assert ("Готово" in text) == (code == 0), where
    elif command == "docs" and code == 0:
        assert list(out.rglob("*.docx")) or "пока нечего оформлять" in text, where
    elif command == "site" and code == 0:
        assert (out / "сайт" / "index.html").exists(), where
    elif command == "remind":
        assert "Ничего не отправлено" in text and (code != 0 or ("Напоминать не о чем" in text) != bool(
            list(out.rglob("*.eml")))), where
    elif command == "forms" and code == 0:
        personal = [p for p in out.rglob("*.xlsx") if not p.name.startswith("Пустая")]
        assert f"личных анкет: {len(personal)} " in text, where
        assert len(list(out.rglob("*.docx"))) >= len(personal) and list(out.rglob("*.txt")), where


@pytest.mark.parametrize("t,state,command", list(cells()))
def test_every_command_on_every_book(books, tmp_path, t, state, command):
    root, built = books
    book = built[t, state]
    if (state, command) in MADE_BY:
        made = built[t, {"may": "year2", "september": "matched", "running": "collected"}[state]]
        (step,) = [s for s in made.steps if s.command == command]
    else:
        assert book.path is not None, "\n".join(f"{s.line}\n→ {s.result.exit_code}\n{s.result.output[-1500:]}"
                                                for s in book.steps)
        out = tmp_path / "результаты"
        args = _args(command, t, book.path, out, root)
        before = _digest(book.path)
        step = Step(command, command_line(book.today, args), cli(book.today, *args), out, book.path)
        assert _digest(book.path) == before, f"{step.line}: книга изменена"
    assert_promise(command, step, assert_clean(step))


@pytest.mark.parametrize("t", TYPES, ids=lambda t: ot.find(t).key)
def test_the_commands_that_make_a_state_end_cleanly(books, t):
    """init, new-year, forms, collect and match --apply wrote the book of the next state."""
    _root, built = books
    for state in STATES:
        for step in built[t, state].steps:
            if step.command == "collect":
                continue  # its own cell (xfail while collect is broken)
            assert_clean(step)
    assert built[t, "year2"].filled, "year 2 was not typed in"


def test_consolidate_reads_the_folder_of_every_book(books, tmp_path):
    root, built = books
    folder = root / "книги"
    out = tmp_path / "свод"
    args = ["consolidate", folder, "--out", out]
    step = Step("consolidate", command_line(YEAR2_DAY, args), cli(YEAR2_DAY, *args), out)
    text = assert_clean(step)
    assert len(list(out.glob("свод_*.xlsx"))) == 1, text[-2000:]
    (summary,) = out.glob("свод_*.json")
    books_in = sorted(p.name for p in folder.glob("*.xlsx"))
    assert len(books_in) == sum(b.path is not None for b in built.values())
    assert f"прочитано файлов: {len(books_in)} из {len(books_in)}" in text, text[-2000:]
    assert sorted(f["file"] for f in json.loads(summary.read_text(encoding="utf-8"))["files"]) == books_in
