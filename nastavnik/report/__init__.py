"""Monitoring of the mentoring system: indicators, the statistical form, the xlsx report, the district roll-up.

Library functions the pipeline calls:

- ``compute_indicators(book, period_start, period_end, today) -> list[Indicator]`` — every indicator of the
  registry for the period (``registry.SPECS`` describes them; ``docs/indicators.md`` is generated from it);
- ``build_statform(book, period_start, period_end, today) -> StatForm`` — participants by category, form, kind;
- ``write_report_xlsx(indicators, statform, path, meta=None)`` — the xlsx report with native charts;
- ``indicators_dict(indicators)`` — ``{code: {name, value, unit, target, …}}`` as printed by ``--format json``;
- ``report_for_book(book, today, period=None, year=None)`` — the three above with the CLI's period rules;
- ``consolidate.consolidate(paths, today) -> Rollup`` and ``consolidate.write_rollup(...)`` — the district roll-up.
- ``history.compute_history(book, today, period=None) -> History`` — the registry's indicators for each academic
  year of the archive and for the current period; ``report_meta`` carries it to the «История» sheet;
- ``indicators.period_of_book`` and ``indicators.book_figures`` — the period and figures the analytic report and the
  site show: one definition per figure, computed here only.

Layer: analysis. May import ``nastavnik.checks`` (the alerts it lists), ``nastavnik.workbook`` and
``nastavnik.base``.
"""

from .indicators import Indicator, compute_indicators, indicators_dict, report_for_book
from .statform import StatForm, build_statform
from .xlsx import report_meta, write_report_xlsx

__all__ = ["Indicator", "StatForm", "build_statform", "compute_indicators", "indicators_dict", "report_for_book",
           "report_meta", "write_report_xlsx"]
