"""The layers of the package, written down once: a lower layer never imports a higher one, and no two modules
import each other (docs/architecture.md draws the same picture in words)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "nastavnik"

# Lowest first. A module may import its own layer and the layers below it.
LAYERS: list[tuple[str, ...]] = [
    ("nastavnik.base",),
    ("nastavnik.workbook",),
    ("nastavnik.checks", "nastavnik.match", "nastavnik.report"),
    ("nastavnik.docs", "nastavnik.site", "nastavnik.forms"),
    ("nastavnik.ui", "nastavnik.cli", "nastavnik.__main__", "nastavnik"),
]
# Within a layer, packages that must stay apart (the sample books are data; analysis does not use them).
APART = {"nastavnik.workbook.samples": ("nastavnik.workbook",)}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path = PACKAGE) -> set[str]:
    """Every nastavnik module this file imports, relative imports resolved, ``from pkg import mod`` as the module."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    known = {module_name(p, root) for p in root.rglob("*.py")}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith(root.name))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith(root.name):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    found.discard(name)
    return found


def layer_of(module: str) -> int:
    best, level = -1, None
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, level = len(prefix), i
    assert level is not None, f"{module} is in no layer: add it to LAYERS and to docs/architecture.md"
    return level


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    return {module_name(p, root): imports_of(p, root) for p in sorted(root.rglob("*.py"))}


def upward(edges: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, targets in edges.items():
        for target in targets:
            if target == "nastavnik" or module.startswith(target + "."):
                continue  # a package's own __init__ (the package face) is not an upward step
            if layer_of(target) > layer_of(module):
                bad.append(f"{module} → {target}")
    return sorted(bad)


def apart(edges: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, targets in edges.items():
        for target in targets:
            for low, may in APART.items():
                if target.startswith(low) and not module.startswith(low) and layer_of(module) <= layer_of(low) \
                        and any(module.startswith(m) for m in may):
                    bad.append(f"{module} → {target}")
    return sorted(bad)


def mutual(edges: dict[str, set[str]]) -> list[str]:
    return sorted(f"{a} ↔ {b}" for a, ts in edges.items() for b in ts if a < b and a in edges.get(b, ()))


def test_no_lower_layer_imports_a_higher_one():
    assert upward(graph()) == []


def test_the_samples_are_not_used_by_the_workbook_layer():
    assert apart(graph()) == []


def test_no_two_modules_import_each_other():
    assert mutual(graph()) == []


def test_the_top_folder_reads_as_the_layers():
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert len(entries) <= 12, entries
    for p in PACKAGE.iterdir():
        if p.is_dir() and p.name != "__pycache__":
            doc = ast.get_docstring(ast.parse((p / "__init__.py").read_text(encoding="utf-8")))
            assert doc and len(doc) > 80, f"{p.name}/__init__.py must say what the layer owns and may import"


def test_every_package_is_described_in_architecture_md():
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for p in PACKAGE.iterdir():
        if p.is_dir() and p.name != "__pycache__":
            assert f"`{p.name}/`" in text, p.name


@pytest.mark.parametrize("planted, expect", [
    ("from nastavnik.ui import pipeline\n", upward),   # the workbook reaching up to the commands
    ("from nastavnik.workbook import parse\n", mutual),  # parse importing its importer back
])
def test_the_layer_test_catches_a_planted_import(tmp_path, planted, expect):
    import shutil

    copy = tmp_path / "nastavnik"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / "workbook" / ("filecheck.py" if expect is mutual else "parse.py")
    if expect is mutual:  # filecheck must import parse, then parse imports filecheck back
        parse = copy / "workbook" / "parse.py"
        parse.write_text(parse.read_text(encoding="utf-8") + "\nfrom nastavnik.workbook import filecheck\n",
                         encoding="utf-8")
    target.write_text(target.read_text(encoding="utf-8") + "\n" + planted, encoding="utf-8")
    assert expect(graph(copy)) != []
