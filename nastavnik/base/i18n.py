"""Russian for click's own words (usage line, headings, parameter errors).

click translates through ``gettext`` bound at import time in each of its
modules; replacing that name with our catalogue makes help and errors Russian
without forking click. Unknown strings pass through unchanged.
"""

from __future__ import annotations

RU = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: «{command} {option}».",
    "Invalid value: {message}": "Неверное значение: {message}",
    "Invalid value for {param_hint}: {message}": "Неверное значение {param_hint}: {message}",
    "Missing argument": "Не указан аргумент",
    "Missing option": "Не указан параметр",
    "Missing parameter": "Не указан параметр",
    "Missing {param_type}": "Не указан {param_type}",
    "Missing parameter: {param_name}": "Не указан параметр: {param_name}",
    "No such option {name!r}.": "Нет такого параметра {name!r}.",
    "No such command {name!r}.": "Нет такой команды {name!r}.",
    "Missing command.": "Не указана команда.",
    "Aborted!": "Прервано.",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "default: {default}": "по умолчанию: {default}",
    "Choose from:\n\t{choices}": "Выберите из:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} — не {number_type}.",
    "{value} is not in the range {range}.": "{value} вне диапазона {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} не существует.",
    "{name} {filename!r} is a file.": "{name} {filename!r} — это файл.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} — это папка.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} недоступен для чтения.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} недоступен для записи.",
    "file": "файл",
    "directory": "папка",
    "path": "путь",
    "Option {name!r} does not take a value.": "Параметр {name!r} не принимает значения.",
    "Argument {name!r} takes {nargs} values.": "Аргумент {name!r} принимает {nargs} значения.",
    "Could not open file {filename!r}: {message}": "Не удалось открыть файл {filename!r}: {message}",
}


_QUOTE_HINT = " Если в пути к файлу есть пробелы, заключите весь путь в кавычки: \"C:\\Мои документы\\книга.xlsx\"."

# click's plural messages by their English singular: (Russian for one, Russian for many). The Russian
# avoids agreeing a word with the number itself («значений: 3»), so two forms suffice.
RU_PLURAL = {
    "Did you mean {possibility}?": ("Возможно, имелось в виду {possibility}?",
                                    "(Возможно, имелось в виду одно из: {possibilities}?)"),
    "Got unexpected extra argument ({args})": ("Лишний аргумент ({args})." + _QUOTE_HINT,
                                               "Лишние аргументы ({args})." + _QUOTE_HINT),
    "Takes {nargs} values but 1 was given.": ("Нужно значений: {nargs}, а дано одно.",
                                              "Нужно значений: {nargs}, а дано: {len}."),
    "Option {name!r} requires an argument.": ("Параметру {name!r} нужно значение.",
                                              "Параметру {name!r} нужно значений: {nargs}."),
    "{value!r} is not {choice}.": ("{value!r} — не {choice}.", "{value!r} — не из списка: {choices}."),
    "{value!r} does not match the format {format}.": ("{value!r} не подходит под формат {format}.",
                                                      "{value!r} не подходит ни под один из форматов {formats}."),
    "{len_type} values are required, but {len_value} was given.": (
        "Нужно значений: {len_type}, а дано: {len_value}.", "Нужно значений: {len_type}, а дано: {len_value}."),
}


def _ru(message: str) -> str:
    return RU.get(message, message)


def _ru_plural(singular: str, plural: str, n: int) -> str:
    forms = RU_PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install_click_russian() -> None:
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _ru
        if hasattr(module, "ngettext"):
            module.ngettext = _ru_plural
