"""The ground floor: what every layer above may use, and which knows nothing of mentoring.

- ``problems`` — errors as records (code, message, sheet, row, column) and the exceptions with exit codes;
- ``morph``, ``i18n`` — Russian: declension and agreement of words and numbers, Russian help for click;
- ``safeio``, ``oserrors``, ``workers`` — whole-or-absent files, the operating system's errors in Russian,
  process pools that leave nothing behind;
- ``sandbox`` — the one Jinja environment templates are evaluated in (no way from a template to Python);
- ``xlsxprint`` — print setup for every .xlsx the program writes (A4, titles, fit to width).

Imports nothing from ``nastavnik`` outside this package.
"""
