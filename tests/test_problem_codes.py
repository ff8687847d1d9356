"""The problem-code catalogue matches the source: every code emitted is declared, none is dead, severities agree.

Codes reach a ``Problem`` in three ways, all read here from the source with ``ast`` (nothing is imported
or run): a string literal as the first argument of ``book.problem(...)`` / ``Problem(...)``; a loop over
literal tuples that binds the code name (``for mask, code, text in ((…, "period_too_short", …), …)``);
and the reader's ``_judge``, whose returned tuples carry the code of a cell into ``type_column``. A call
whose code comes some other way fails the first test, so a new route cannot slip past the catalogue.
"""

from __future__ import annotations

import ast
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.base.problems import ERROR, WARNING
from nastavnik.checks.codes import CODES, GROUPS, render_markdown
from nastavnik.cli import main

from .conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nastavnik"
SEVERITY_NAMES = {"ERROR": ERROR, "WARNING": WARNING}


def _parents(tree: ast.AST) -> dict:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _enclosing_function(node, parents) -> ast.FunctionDef | None:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef):
            return node
    return None


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _severities(node) -> set | None:
    """{severity} for ERROR / WARNING, both branches of ``A if c else B``; None when not a constant."""
    if isinstance(node, ast.Name) and node.id in SEVERITY_NAMES:
        return {SEVERITY_NAMES[node.id]}
    if isinstance(node, ast.IfExp):
        body, other = _severities(node.body), _severities(node.orelse)
        return body | other if body and other else None
    return None


def _judge_codes(tree: ast.Module) -> list[str]:
    """Codes of the tuples ``_judge`` returns: literals, and ``_TYPE_CODES.get(kind, default)``."""
    type_codes = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                      and any(getattr(t, "id", None) == "_TYPE_CODES" for t in node.targets))
    judge = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "_judge")
    codes = []
    for ret in (n for n in ast.walk(judge) if isinstance(n, ast.Return)):
        value = ret.value
        if not (isinstance(value, ast.Tuple) and len(value.elts) == 2 and isinstance(value.elts[1], ast.Tuple)):
            continue
        first = value.elts[1].elts[0]
        if _literal(first):
            codes.append(_literal(first))
        elif (isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute)
              and getattr(first.func.value, "id", None) == "_TYPE_CODES"):
            codes += [_literal(v) for v in type_codes.values] + [_literal(first.args[1])]
        else:
            raise AssertionError(f"reader._judge returns a code that is not a literal: {ast.unparse(first)}")
    assert codes and all(codes), "reader._judge: no literal codes found"
    return codes


def _loop_codes(name: str, function: ast.FunctionDef) -> list[str]:
    """Literal codes bound to ``name`` by ``for …, name, … in ((…), (…))`` inside the function."""
    codes = []
    for loop in (n for n in ast.walk(function) if isinstance(n, ast.For)):
        if not isinstance(loop.target, ast.Tuple) or not isinstance(loop.iter, (ast.Tuple, ast.List)):
            continue
        names = [getattr(t, "id", None) for t in loop.target.elts]
        if name in names:
            i = names.index(name)
            codes += [_literal(item.elts[i]) for item in loop.iter.elts if isinstance(item, ast.Tuple)]
    return codes if codes and all(codes) else []


def scan() -> tuple[dict[str, list[tuple[str, set | None]]], list[str]]:
    """code -> [(place, severities at that call)], and the calls whose code could not be traced."""
    sites: dict[str, list[tuple[str, set | None]]] = defaultdict(list)
    unresolved = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = _parents(tree)
        rel = path.relative_to(ROOT).as_posix()
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            func = call.func
            if not ((isinstance(func, ast.Attribute) and func.attr == "problem")
                    or (isinstance(func, ast.Name) and func.id == "Problem")):
                continue
            function = _enclosing_function(call, parents)
            place = f"{rel}:{call.lineno}"
            if rel == "nastavnik/workbook/book.py" and function is not None and function.name == "problem":
                continue  # Book.problem itself passes its own ``code`` on to Problem
            severity_node = call.args[1] if len(call.args) > 1 else next(
                (k.value for k in call.keywords if k.arg == "severity"), None)
            severities = _severities(severity_node) if severity_node is not None else None
            first = call.args[0] if call.args else None
            codes: list[str] = []
            if _literal(first):
                codes = [_literal(first)]
            elif isinstance(first, ast.Name) and function is not None:
                if rel == "nastavnik/workbook/values.py" and function.name == "type_column":
                    codes = _judge_codes(tree)
                else:
                    codes = _loop_codes(first.id, function)
            if not codes:
                unresolved.append(place)
            for code in codes:
                sites[code].append((place, severities))
    return dict(sites), unresolved


SITES, UNRESOLVED = scan()


def test_the_scan_sees_the_known_routes():
    assert {"header_not_found", "bad_type", "not_in_list", "bad_fio", "period_too_short",
            "required_missing", "no_mentor_consent"} <= set(SITES)


def test_every_problem_call_has_a_traceable_code():
    assert UNRESOLVED == [], f"code not a literal (declare a route in this test or use a literal): {UNRESOLVED}"


def test_every_code_used_in_the_source_is_in_the_catalogue():
    missing = sorted(set(SITES) - set(CODES))
    assert missing == [], f"add to nastavnik/checks/codes.py: {missing}"


def test_every_catalogued_code_is_used_somewhere():
    dead = sorted(set(CODES) - set(SITES))
    assert dead == [], f"codes declared but never emitted: {dead}"


@pytest.mark.parametrize("code", sorted(CODES))
def test_catalogue_severity_matches_the_call_sites(code):
    known = [sev for _, sev in SITES.get(code, []) if sev is not None]
    if not known:
        pytest.skip("severity is not a constant at any call site")
    assert set().union(*known) == set(CODES[code].severities), SITES[code]


@pytest.mark.parametrize("code", sorted(CODES))
def test_catalogue_entry_is_complete_and_russian(code):
    spec = CODES[code]
    assert re.fullmatch(r"[a-z][a-z0-9_]*", code)
    assert spec.group in GROUPS
    assert spec.severities and set(spec.severities) <= {ERROR, WARNING}
    for text in (spec.title, spec.action):
        assert re.search(r"[а-яё]{3,}", text, re.IGNORECASE) and text.endswith("."), text


def test_problem_codes_doc_is_up_to_date():
    path = ROOT / "docs" / "problem_codes.md"
    assert path.read_text(encoding="utf-8") == render_markdown(), \
        "docs/problem_codes.md устарел: запустите python3 scripts/make_problem_codes_doc.py"


def test_doc_lists_every_code_under_its_group():
    doc = render_markdown()
    for code in CODES:
        assert doc.count(f"| `{code}` |") == 1, code


def _invoke(*args):
    return CliRunner().invoke(main, ["--today", TODAY.strftime("%d.%m.%Y"), "check", *args])


def test_check_codes_prints_the_catalogue_and_exits_0(tmp_path):
    result = _invoke("--codes", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    for code, spec in CODES.items():
        assert f"{code} — {spec.severity_text}" in result.output
    assert "missing_column — ошибка или предупреждение" in result.output
    assert not any(tmp_path.iterdir()), "--codes must not read or write a workbook"


def test_check_codes_as_json_lists_every_code():
    result = _invoke("--codes", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [r["code"] for r in records] == list(CODES)
    assert all(r["group"] in GROUPS and r["severities"] for r in records)
