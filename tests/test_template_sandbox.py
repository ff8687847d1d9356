"""A template cannot run code: the known ways out of Jinja are refused, by name, and nothing of the kind is written.

A .docx template travels between organisations; the curator plugs a received folder in with
``docs --templates``. Each payload below, in a plain Jinja environment, starts ``touch`` (the first one is the
reviewers' proof, issue 25); in the program it must stop its own kind with exit 2 and create no file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from nastavnik.cli import main
from nastavnik.docs.kinds import KINDS
from nastavnik.docs.render import BrokenTemplate, load_templates, plan_documents, render_jobs

from .conftest import TODAY

RUN = "popen('touch {m}').read()"
PAYLOADS = {
    "cycler": "{{{{ cycler.__init__.__globals__.os." + RUN + " }}}}",
    "joiner": "{{{{ joiner.__init__.__globals__.os." + RUN + " }}}}",
    "namespace": "{{{{ namespace.__init__.__globals__.os." + RUN + " }}}}",
    "lipsum": "{{{{ lipsum.__globals__['os']." + RUN + " }}}}",
    "self": "{{{{ self.__init__.__globals__.__builtins__.__import__('os')." + RUN + " }}}}",
    "mro": "{{% for c in ''.__class__.__mro__[1].__subclasses__() %}}{{% if c.__name__ == 'Popen' %}}"
           "{{{{ c(['touch', '{m}']).wait() }}}}{{% endif %}}{{% endfor %}}",
    "context_class": "{{{{ curator.__class__.__init__.__globals__['os']." + RUN + " }}}}",
    "request": "{{{{ request.application.__globals__.__builtins__.__import__('os')." + RUN + " }}}}",
    "config": "{{{{ config.__class__.__init__.__globals__['os']." + RUN + " }}}}",
    "attr": "{{{{ ((curator|attr('__class__')|attr('__init__')|attr('__globals__'))['os'])." + RUN + " }}}}",
    "format": "{{{{ '{{0.__class__.__init__.__globals__}}'.format(curator) }}}}",
    "range": "{{{{ range.__self__.__import__('os')." + RUN + " }}}}",
    "power": "{{{{ 9 ** (9 ** 9) }}}}",
    "repeat": "{{{{ 'а' * 1000000000 }}}}",
}


def hostile(folder: Path, kind: str, payload: str) -> Path:
    """A copy of the built-in template of ``kind`` with one more paragraph holding ``payload``."""
    data = load_templates([kind])[kind][1]
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(folder / KINDS[kind].template, "w") as out:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                text = blob.decode("utf-8")
                at = text.rindex("<w:sectPr")
                blob = (text[:at] + f"<w:p><w:r><w:t>{payload}</w:t></w:r></w:p>" + text[at:]).encode("utf-8")
            out.writestr(info, blob)
    return folder


@pytest.fixture(scope="module")
def jobs_of(demo_book, tmp_path_factory):
    out = tmp_path_factory.mktemp("planned")
    return plan_documents(demo_book, out, TODAY, ["curator", "programme"])


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_hostile_template_runs_nothing_and_stops_only_its_kind(name, jobs_of, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "взломано"
    folder = hostile(tmp_path / "шаблоны", "curator", PAYLOADS[name].format(m=marker))
    out = tmp_path / "out"
    jobs = [type(j)(j.kind, j.context, out / j.path.relative_to(j.path.parents[1])) for j in jobs_of]
    with pytest.raises(BrokenTemplate) as caught:
        render_jobs(jobs, folder, workers=1)
    assert not marker.exists(), "the template ran a command"
    message = str(caught.value)
    assert KINDS["curator"].template in message
    assert caught.value.kinds == ["curator"]
    written = {p.name for p in out.rglob("*.docx")}
    assert not any("куратор" in n for n in written)  # nothing of the hostile kind
    assert sum("рограмма" in n for n in written) == 9  # the other kind is made
    assert "Traceback" not in message and "Error" not in message


def test_the_curator_sees_the_template_and_the_field_and_exit_2(demo_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "взломано"
    folder = hostile(tmp_path / "шаблоны", "curator",
                     "{{ curator.__class__.__init__.__globals__['os'].popen('touch %s').read() }}" % marker)
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", str(demo_path), "--out", str(tmp_path / "o"),
                                       "--only", "curator", "--only", "programme", "--templates", str(folder)])
    assert result.exit_code == 2, result.output
    assert not marker.exists()
    assert "Приказ о назначении куратора.docx" in result.stderr
    assert "curator.__class__" in result.stderr  # the field, as typed in the template
    assert "Остальные документы сделаны: 9" in result.stderr
    assert not list((tmp_path / "o").rglob("*куратора*"))


def test_the_site_pages_are_rendered_in_the_sandbox():
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    from nastavnik.site.render import environment

    env = environment()
    assert isinstance(env, SandboxedEnvironment)
    with pytest.raises(SecurityError):
        env.from_string("{{ c.__class__.__mro__ }}").render(c={})


def cut_in_half(folder: Path, kind: str) -> Path:
    """A copy of the built-in template whose word/document.xml stops in the middle (a valid zip, broken XML)."""
    data = load_templates([kind])[kind][1]
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(folder / KINDS[kind].template, "w") as out:
        for info in src.infolist():
            blob = src.read(info)
            out.writestr(info, blob[: len(blob) // 2] if info.filename == "word/document.xml" else blob)
    return folder


def test_a_template_with_broken_xml_stops_only_its_kind_with_exit_2(demo_path, tmp_path):
    folder = cut_in_half(tmp_path / "шаблоны", "programme")
    out = tmp_path / "o"
    result = CliRunner().invoke(main, ["--today", "25.11.2026", "docs", str(demo_path), "--out", str(out),
                                       "--only", "curator", "--only", "programme", "--templates", str(folder)])
    assert result.exit_code == 2, result.output
    assert "Программа наставничества.docx" in result.stderr and "word/document.xml" in result.stderr
    assert "Error" not in result.stderr and "Внутренняя" not in result.stderr
    assert [p.name for p in out.rglob("*.docx")] == ["Приказ о назначении куратора.docx"]
    assert "Остальные документы сделаны: 1" in result.stderr
