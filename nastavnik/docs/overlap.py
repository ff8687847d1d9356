"""Plan and render at once: each kind's documents go to the worker processes as soon as they are planned.

``plan_documents`` then ``render_jobs`` left one of the two cores idle twice: while the main process planned
(two and a half seconds at district scale) and, at the end, while one worker drew the analytic report's charts
(two seconds at a school) after the other had finished everything else. Here the pool starts first; the kinds
with pictures are planned first and each of their documents is rendered alone from the start; every other
kind follows as soon as it is planned. The documents and their names are those ``plan_documents`` gives (a
name the pictures' kinds took first is simply taken: another kind with the same name gets « (2)»).

The guarantees of ``render_jobs`` hold: a curator's template is checked (its fields and a trial document) before
any document of its kind is written; a broken kind is left out and the others are made (``BrokenTemplate``
after); ``progress(1)`` is called once per document as it is finished — while the plan is still being made,
too — and ``planned(n)`` once, when the whole plan's size is known.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import chartcache, reuse
from .applies import not_ready
from .context import shared
from .kinds import KINDS
from .render import (
    Job,
    _init_worker,
    _own,
    _render_one,
    broken_kinds,
    build_kind,
    checked_kind,
    load_templates,
    make_env,
    name_jobs,
    render_jobs,
)


def make_documents(book, out_dir: Path, today: dt.date, replacements: Iterable[dict] = (),
                   templates: Path | None = None, progress: Callable[[int], None] | None = None,
                   planned: Callable[[int], None] | None = None,
                   workers: int | None = None, chart_cache: Path | None = None,
                   reuse_list: Path | None = None, earlier: Path | None = None) -> tuple[list[Job], list[Path]]:
    """Every document the book is ready for, planned and rendered overlapped: (jobs, paths) in planned order.

    ``chart_cache``: a folder where the charts drawn are kept for the next run (``chartcache``);
    ``reuse_list`` and ``earlier``: the list of documents a run leaves and the last complete run's documents'
    folder — a document that would come out the same is copied from there (``reuse``)."""
    replacements = list(replacements or ())
    workers = workers or min(os.cpu_count() or 1, 4)
    with shared(book):  # every kind reads the same rows and people: built once
        keys = [k for k in KINDS if not_ready(book, k) is None]
        if workers < 2:
            used: set[str] = set()
            jobs = [j for k in keys for j in name_jobs(k, build_kind(book, today, k, replacements), out_dir, used)]
            if planned:
                planned(len(jobs))
            with chartcache.use(chart_cache):
                return jobs, render_jobs(jobs, templates, progress, workers=1)
        return _overlapped(book, out_dir, today, keys, replacements, templates, progress, planned, workers,
                           chart_cache, reuse_list, earlier)


def _overlapped(book, out_dir: Path, today: dt.date, keys: list[str], replacements: list[dict],
                templates: Path | None, progress, planned, workers: int,
                chart_cache: Path | None, reuse_list: Path | None,
                earlier: Path | None) -> tuple[list[Job], list[Path]]:
    from nastavnik.base.safeio import swept_on_failure
    from nastavnik.base.workers import pool as guarded_pool

    sources = load_templates(keys, templates)
    again = reuse.prepare(reuse_list, earlier, out_dir, sources)
    made_keys: dict[str, str | None] = {}
    env = make_env()
    failed: dict[str, str] = {}
    by_kind: dict[str, list[Job]] = {}
    running: list = []  # in the order sent: (AsyncResult, its number of documents) per picture or per chunk
    used: set[str] = set()
    # A worker's failure (a full disk) ends the pool while the other writes: its half-written file goes too.
    with swept_on_failure(out_dir), \
            guarded_pool(workers, initializer=_init, initargs=(sources, chart_cache, again)) as pool:
        def send(key: str, kind_jobs: list[Job]) -> None:
            by_kind[key] = kind_jobs
            if not kind_jobs:
                return
            # Only a curator's own template is checked here (fields, a trial document) before its kind is sent; a
            # bundled one is checked by the tests against every type's contexts (test_docs_bundled_fields) —
            # compiling and walking all of them again cost a school's run half a second of the critical path.
            why = checked_kind(key, sources[key], kind_jobs, env, templates)[1] if _own(sources[key][0], templates) \
                else None
            if why:
                failed[key] = why
            elif KINDS[key].images:  # minutes of matplotlib for one document: alone, at the head of the queue
                running.extend((pool.apply_async(_render_chunk, ([job],)), 1) for job in kind_jobs)
            else:
                chunk = max(1, min(16, len(kind_jobs) // (workers * 4)))
                for at in range(0, len(kind_jobs), chunk):
                    part = kind_jobs[at:at + chunk]
                    sent = [_parcel(job) for job in part] if again is not None else part
                    running.append((pool.apply_async(_render_chunk, (sent,)), len(part)))

        for key in [k for k in keys if KINDS[k].images] + [k for k in keys if not KINDS[k].images]:
            send(key, name_jobs(key, build_kind(book, today, key, replacements), out_dir, used))
            _collect(running, progress, made_keys, wait=False)  # the bar moves (and a cancel is heard) while planning
        jobs = [j for k in keys for j in by_kind[k]]
        made = [j for j in jobs if j.kind not in failed]
        if planned:
            planned(len(made))
        _collect(running, progress, made_keys, wait=True)
    if failed:
        raise broken_kinds(failed, [j.path for j in made])
    reuse.save(reuse_list, again, made_keys)  # only a whole step's documents are offered to the next run
    return jobs, [j.path for j in made]


_REUSE: list = []  # this worker's reuse.Reuse, from its initializer


@dataclass
class Parcel:
    """A job whose context travels pickled once, by the main process: the worker hashes those very bytes for the
    document's key and unpickles them only when the document must be made. A district's repeated run copies
    almost all its 31,600 documents; unpickling their contexts (4 s) and pickling them again for the key (1 s)
    was the workers' main work."""

    kind: str
    path: Path
    data: bytes


def _parcel(job: Job) -> Job | Parcel:
    data = reuse.packed(job.context)
    return job if data is None else Parcel(job.kind, job.path, data)


def _init(sources: dict, chart_cache: Path | None, again) -> None:
    _init_worker(sources, chart_cache)
    _REUSE[:] = [again] if again is not None else []


def _render_chunk(jobs: list[Job | Parcel]) -> list[tuple[str, str | None]]:
    """Make each document — copied from the last run when it would come out the same — and say its key."""
    import pickle

    def unpacked(job: Job | Parcel) -> Job:
        return job if isinstance(job, Job) else Job(job.kind, pickle.loads(job.data), job.path)

    out = []
    for job in jobs:
        again = _REUSE[0] if _REUSE else None
        if again is None:  # no reuse: the jobs came as they were planned
            _render_one(unpacked(job))
            continue
        relative = job.path.relative_to(again.out_dir).as_posix()
        # The key before rendering: a chart drawn is not data.
        if isinstance(job, Parcel):
            document_key = reuse.key_of(again, job.kind, job.data)
        else:
            document_key = reuse.key(again, job.kind, job.context)
        if not reuse.copied(again, relative, document_key, job.path):
            _render_one(unpacked(job))
        out.append((relative, document_key))
    return out


def _collect(running: list, progress, keys: dict, wait: bool) -> None:
    """Count the documents finished so far, in the order sent; with ``wait``, until the last one; ``keys``
    gathers what each made document is (``reuse``).

    A worker's error is raised here, in the main process, when its result is taken.
    """
    while running:
        result, count = running[0]
        if not wait and not result.ready():
            return
        keys.update(result.get())
        running.pop(0)
        if progress:
            for _ in range(count):
                progress(1)
