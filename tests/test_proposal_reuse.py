"""«Предложения пар.xlsx» is copied from the last complete run when it would come out the same, else written.

As in ``test_docs_reuse``, the first run's file is marked in a way the check cannot notice (one byte changed,
size and time put back): a copied proposal carries the mark, a written one does not.
"""

from __future__ import annotations

import os
import zipfile

from nastavnik.ui.pipeline import PROPOSAL, run_all

from .conftest import TODAY
from .test_docs_reuse import _marked


def _quiet(*args, **kwargs):
    return None


def _whole(path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None
    except zipfile.BadZipFile:
        return False


def test_a_repeated_run_copies_the_councils_proposal_and_a_changed_day_writes_it(tmp_path, demo_path):
    one = run_all(demo_path, tmp_path, TODAY, echo=_quiet)
    first = one.folder / PROPOSAL
    assert first.is_file() and _whole(first)
    _marked(first)
    two = run_all(demo_path, tmp_path, TODAY, echo=_quiet)
    assert (two.folder / PROPOSAL).read_bytes() == first.read_bytes()  # copied: the mark came along
    import datetime as dt

    three = run_all(demo_path, tmp_path, TODAY + dt.timedelta(days=1), echo=_quiet)  # waits grow: another proposal
    assert _whole(three.folder / PROPOSAL)


def test_a_proposal_the_curator_saved_again_is_not_copied(tmp_path, demo_path):
    one = run_all(demo_path, tmp_path, TODAY, echo=_quiet)
    first = one.folder / PROPOSAL
    _marked(first)
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 10**9))  # opened and saved
    two = run_all(demo_path, tmp_path, TODAY, echo=_quiet)
    assert _whole(two.folder / PROPOSAL)  # written: not her edited copy
    assert (two.folder / PROPOSAL).read_bytes() != first.read_bytes()
