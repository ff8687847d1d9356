"""``pipeline.run_all`` for a front end: where the run is (step i of n, documents done of total) and a cancel
that ends the run as an interrupted one. No screen needed."""

from __future__ import annotations

import pytest

from nastavnik.ui.pipeline import INCOMPLETE, INCOMPLETE_NOTE, LATEST, RunCancelled, run_all

from .conftest import TODAY


def quiet(*_, **__) -> None:
    pass


def test_progress_names_every_step_in_order_and_counts_the_documents(tmp_path, demo_path):
    seen = []
    result = run_all(demo_path, tmp_path, TODAY, echo=quiet, progress=seen.append)
    assert result.exit_code == 0
    starts = [(s.number, s.title) for s in seen if s.total == 0]
    assert starts == [(1, "Чтение книги"), (2, "Проверка"), (3, "Подбор пар"), (4, "Документы"),
                      (5, "Мониторинг"), (6, "Раздел сайта")]
    assert all(s.steps == 6 for s in seen)
    documents = [s for s in seen if s.total]
    made = list((result.folder / "Документы").rglob("*.docx"))
    # counted from when the plan's size is known (the documents finished while planning, at once), one by one
    first = documents[0].done
    assert [s.done for s in documents] == list(range(first, len(made) + 1))
    assert all(s.number == 4 and s.total == len(made) for s in documents)
    fractions = [s.fraction for s in seen]
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] <= 1


def test_a_cancel_in_the_documents_step_stops_the_run_there_and_marks_its_folder_incomplete(tmp_path, demo_path):
    documents, totals = [], set()

    def progress(stage):
        if stage.total:
            documents.append(stage.done)
            totals.add(stage.total)

    # asked as soon as the step has counted its documents: on a small book the workers may have made them
    # all while the plan was being made, so this is the one moment of the step a test can rely on
    with pytest.raises(RunCancelled) as caught:
        run_all(demo_path, tmp_path, TODAY, echo=quiet, progress=progress, cancelled=lambda: bool(documents))
    folder = caught.value.folder
    assert len(documents) == 1  # it stopped at the first count it gave, not at the end of the step
    assert folder.name.endswith(INCOMPLETE) and folder.parent == tmp_path
    note = (folder / INCOMPLETE_NOTE).read_text(encoding="utf-8")
    assert "отменена кнопкой «Отменить»" in note and "«Документы»" in note
    made = len(list((folder / "Документы").rglob("*.docx")))
    assert made <= totals.pop()
    assert not (folder / "Мониторинг.xlsx").exists() and not (tmp_path / LATEST).exists()


def test_a_cancel_before_anything_is_made_leaves_no_folder(tmp_path, demo_path):
    with pytest.raises(RunCancelled) as caught:
        run_all(demo_path, tmp_path, TODAY, echo=quiet, cancelled=lambda: True)
    assert caught.value.folder is None and list(tmp_path.iterdir()) == []


def test_a_failed_check_hands_back_its_problems_and_the_marked_copy(tmp_path, make_book):
    def broken(org, tables):
        tables["pairs"][0]["mentor"] = "Н-999"

    book = make_book(broken)
    result = run_all(book.path, tmp_path / "out", TODAY, echo=quiet)
    assert result.exit_code == 1
    assert any(p.severity == "ошибка" and "Н-999" in p.message for p in result.problems)
    assert result.marked.is_file() and result.marked.parent == result.folder


def test_without_a_workbook_the_run_uses_the_demo_it_is_given(tmp_path):
    from nastavnik.workbook.reader import read_workbook
    from nastavnik.workbook.samples.demo_school import school_demo_data

    result = run_all(None, tmp_path, TODAY, echo=quiet, demo="school")
    assert result.exit_code == 0
    book = read_workbook(result.folder / "демо-книга.xlsx", today=TODAY)
    assert book.org["short_name"] == school_demo_data(TODAY)[0]["short_name"]


def test_documents_finished_before_the_plan_is_whole_are_counted_and_a_cancel_is_heard(tmp_path, demo_path,
                                                                                     monkeypatch):
    """The report's worker finishes while the other kinds are still planned (slowed here): the run goes on,
    the count starts where it is, and a cancel asked at that moment stops the run there."""
    import time

    from nastavnik.docs import overlap

    real = overlap.build_kind
    keys: list[str] = []

    def slow(book, today, key, replacements):
        if len(keys) == 1:
            time.sleep(3)
        keys.append(key)
        return real(book, today, key, replacements)

    monkeypatch.setattr(overlap, "build_kind", slow)
    seen = []
    result = run_all(demo_path, tmp_path / "весь", TODAY, echo=quiet, progress=seen.append)
    documents = [s for s in seen if s.total]
    assert result.exit_code == 0 and documents[0].done >= 1 and documents[-1].done == documents[-1].total

    keys.clear()
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(len(keys))
        return len(keys) >= 2  # while the third kind is not yet planned
    with pytest.raises(RunCancelled) as caught:
        run_all(demo_path, tmp_path / "отмена", TODAY, echo=quiet, cancelled=cancelled)
    assert caught.value.folder.name.endswith(INCOMPLETE)
    assert len(keys) < 5  # it did not plan every kind before it listened
