"""The window's words for advice written for the command line.

The library's messages are shared by both interfaces and name commands («Подберите наставника (nastavnik
match)», «Возьмите шаблон: nastavnik init ИМЯ.xlsx», «--period …»). In the window the curator has buttons,
not a terminal: every text the window shows (the status line, the log, the problem list, the collect
preview) passes through ``in_window``, which names the button instead. A test runs it over every problem
code's advice and over the messages the window shows, and finds no command left.
"""

from __future__ import annotations

import re

# (pattern, replacement), tried in order: the longer forms of a command before its bare name.
_RULES: tuple[tuple[str, str], ...] = (
    # «бланк согласия печатает команда «nastavnik docs КНИГА --only consent_pd»»
    (r"печатает команда «nastavnik docs[^»]*»", "делает кнопка «Сделать документы»"),
    (r"«?nastavnik docs КНИГА --only \w+»?", "кнопка «Сделать документы»"),
    (r"nastavnik check «[^»]*» --annotate", "кнопка «Проверить книгу»"),
    (r"Возьмите шаблон: nastavnik init ИМЯ\.xlsx", "Сделайте чистую книгу кнопкой «Новая книга»"),
    (r"nastavnik init (?:ИМЯ|НОВАЯ)\.xlsx", "кнопка «Новая книга»"),
    (r"шаблона nastavnik init\)", "шаблона: кнопка «Новая книга»)"),
    (r"nastavnik collect КНИГА ПАПКА", "кнопка «Собрать анкеты»"),
    (r"nastavnik consolidate[^)»,.;]*", "кнопка «Свод по району»"),
    (r"запустите nastavnik run \(в окне — «Всё сразу»\)", "нажмите «Всё сразу»"),
    (r"nastavnik check --codes", "справочник кодов проблем (docs/problem_codes.md)"),
)
_COMMANDS = {
    "match": "кнопка «Подобрать пары»", "init": "кнопка «Новая книга»", "check": "кнопка «Проверить книгу»",
    "docs": "кнопка «Сделать документы»", "report": "кнопка «Отчёт мониторинга»", "site": "кнопка «Раздел сайта»",
    "run": "кнопка «Всё сразу»", "forms": "кнопка «Анкеты»", "collect": "кнопка «Собрать анкеты»",
    "new-year": "кнопка «Новый учебный год»", "consolidate": "кнопка «Свод по району»",
}
_OPTIONS: tuple[tuple[str, str], ...] = (
    # the report's period: the window takes it from «Организация»
    (r" или укажите период: --period [\d.:]+ или --year [\d/]+\.?", "."),
    (r" \(--period ДД\.ММ\.ГГГГ:ДД\.ММ\.ГГГГ или --year \d{4}/\d{4}[^)]*\)", ""),
    (r"Укажите либо --period, либо --year, но не оба сразу\.", "Укажите отчётный период на листе «Организация»."),
    (r"[,;]? ?например --year \d{4}/\d{4}", ""),
    (r"; укажите другую папку параметром --out\.", "; выберите книгу в другой папке."),
    (r"Укажите другое имя параметром --out\.", "Переименуйте или перенесите этот файл и нажмите кнопку снова."),
    (r" \(--today\)", ""),
)


def in_window(text: str) -> str:
    """``text`` with each command-line command or option replaced by what the window offers for it."""
    if not text or ("nastavnik" not in text and "--" not in text):
        return text
    for pattern, replacement in _RULES:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"\(nastavnik ([a-z-]+)\)", lambda m: f"({_COMMANDS.get(m.group(1), 'кнопка окна')})", text)
    text = re.sub(r"(?:команд[аыуой]+ )?«?nastavnik ([a-z-]+)»?",
                  lambda m: _COMMANDS.get(m.group(1), "кнопка окна"), text)
    for pattern, replacement in _OPTIONS:
        text = re.sub(pattern, replacement, text)
    return text
