"""The window's background runner: failures become the CLI's exit codes and Russian sentences; a cancelled
task leaves no half-made folder. No screen needed."""

from __future__ import annotations

import datetime as dt
import errno

from nastavnik.base.problems import EnvironmentProblem, NastavnikError, UnusableInput
from nastavnik.ui.window.runner import Runner, classify
from nastavnik.ui.window.tasks import Job, Outcome


def test_failures_get_the_command_lines_exit_codes():
    assert classify(UnusableInput("Файл «x.xlsx» — не книга."))[0] == 2
    assert classify(NastavnikError("нельзя выполнить так, как просили"))[0] == 2
    assert classify(EnvironmentProblem("диск полон"))[0] == 4
    code, text = classify(OSError(errno.ENOSPC, "No space left on device", "/диск/итог.xlsx"))
    assert code == 4 and "/диск/итог.xlsx" in text and "места" in text and "No space" not in text
    code, text = classify(KeyError("x"))
    assert code == 3 and "Внутренняя ошибка" in text and "KeyError" not in text  # the class is in the log


def run(task, out):
    runner = Runner()
    runner.start(task, Job(None, out, dt.date(2026, 11, 25)))
    runner.join(60)
    return runner.drain()


def test_a_cancelled_task_leaves_no_half_made_folder(tmp_path):
    def task(job):
        (job.out / "2026-11-25_10-00-00").mkdir(parents=True)
        job.say("шаг 1")
        job.cancelled = lambda: True  # the curator pressed «Отменить» here
        job.checkpoint()
        return Outcome(0, "не должно дойти")

    (tmp_path / "прежний запуск").mkdir()
    messages = run(task, tmp_path)
    assert messages[-1] == ("cancelled", None) and ("say", "шаг 1") in messages
    assert [p.name for p in tmp_path.iterdir()] == ["прежний запуск"]


def test_an_internal_error_keeps_its_traceback_for_the_developers(tmp_path):
    def task(job):
        raise ZeroDivisionError

    kind, (code, _, detail) = run(task, tmp_path)[-1]
    assert kind == "failed" and code == 3 and "ZeroDivisionError" in detail


def test_window_command_without_a_screen_says_so_in_russian_with_exit_4(monkeypatch):
    from click.testing import CliRunner

    from nastavnik.cli import main

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = CliRunner().invoke(main, ["window"])
    assert result.exit_code == 4
    assert "Окно не открылось" in result.stderr and "Traceback" not in result.output + result.stderr


def test_a_results_folder_that_cannot_be_made_is_the_computers_refusal(tmp_path):
    from nastavnik.ui.window import tasks

    blocker = tmp_path / "файл, а не папка"
    blocker.write_text("x")
    kind, (code, text, _) = run(tasks.check, blocker / "Результаты")[-1]
    assert kind == "failed" and code == 4 and "Компьютер не дал создать папку результатов" in text


def test_a_writers_wrapped_refusal_is_the_computers_and_an_internal_error_names_no_class():
    from xlsxwriter.exceptions import FileCreateError

    code, text = classify(FileCreateError(OSError(errno.ENOSPC, "No space left on device", "Мониторинг.xlsx")))
    assert code == 4 and "не хватает места" in text and "No space" not in text
    code, text = classify(ValueError("boom"))
    assert code == 3 and "ValueError" not in text and "журнала" in text
