"""The curator's window: the same library calls as the command line, behind buttons.

``app`` lays out the window, ``tasks`` holds what each button does (library
calls only, no Tk) and ``questionnaires`` the questionnaire buttons («Анкеты»,
«Собрать анкеты» with its preview), ``staff_list`` «Штатный список» (the HR export previewed, then
written into a copy of the book), ``runner`` runs a task in a background thread
and passes its messages to the window through a queue, ``dialogs`` asks the
curator (files, the type of a new book, the kind of questionnaire, the collect
and staff list previews), ``problem_list`` shows the problems with their cells, ``settings``
remembers the last workbook. Tk is touched only from the main thread; a task
never blocks the window and can be cancelled.
"""

from __future__ import annotations


def main(workbook=None) -> None:
    """Open the window (what the desktop shortcut runs) and return when it is closed."""
    import os
    import sys

    # The shortcut starts pythonw.exe, which has no console: give the library somewhere to write its lines.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    from .app import open_window

    open_window(workbook)
