"""Every field a bundled template uses is in its kind's context, for every type of organisation.

``run`` no longer compiles and walks each bundled template in the main process before sending its kind to
the workers (half a second of a school's run): a curator's own template is still checked there, and the
bundled ones are checked here, on each type's book — a field our template asks for and our context lacks
would otherwise stop the run inside a worker.
"""

from __future__ import annotations

import pytest

from nastavnik.docs.applies import not_ready
from nastavnik.docs.context import shared
from nastavnik.docs.kinds import KINDS
from nastavnik.docs.render import Compiled, build_kind, check_fields, load_templates, make_env, name_jobs
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.demos import DEMOS, write_demo
from nastavnik.workbook.samples.synth import synth_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

BOOKS = [d.key for d in DEMOS] + [ot.KINDERGARTEN.key, ot.COLLEGE.key]


@pytest.fixture(scope="module", params=BOOKS)
def book(request, tmp_path_factory):
    path = tmp_path_factory.mktemp(request.param) / "книга.xlsx"
    if request.param in [d.key for d in DEMOS]:
        write_demo(path, request.param, TODAY)
    else:
        org, tables = synth_data("S", 7, TODAY, org_type=ot.BY_KEY[request.param])
        write_workbook(path, org, tables)
    return read_workbook(path, today=TODAY)


def test_every_bundled_templates_fields_are_in_its_contexts(book, tmp_path):
    env = make_env()
    checked = 0
    with shared(book):
        keys = [k for k in KINDS if not_ready(book, k) is None]
        sources = load_templates(keys, None)
        for key in keys:
            jobs = name_jobs(key, build_kind(book, TODAY, key, []), tmp_path, set())
            if not jobs:
                continue
            compiled = Compiled(*sources[key], env, key)
            check_fields(key, compiled, set().union(*(j.context.keys() for j in jobs)))  # BrokenTemplate if not
            checked += 1
    assert checked >= 8  # the book is ready for most kinds: the test looked at real templates
