"""Which monitoring indicators apply to which type of educational organisation.

The federal model of mentoring (система (целевая модель) наставничества педагогических работников) is one for a
school, a kindergarten, a college and a centre, and every indicator of the registry is about that model: pairs,
programmes, plans, surveys, events, the staff's coverage, the region's readiness items. Read against the
regulation (forms of п. 2.3, kinds of п. 2.4, the monitoring of п. 3.4), none is clearly meaningless for any type:
even «работодатель – студент» happens in a kindergarten that takes a student of a pedagogical college on
practice. So every type's ``OrgType.indicators_off`` (``nastavnik.workbook.orgtypes``, the one place of the decision) is
empty, and what this module guarantees is the mechanism: an indicator switched off for a type is left out of
«Мониторинг.xlsx» (its row, its chart), of the statistical form (the rows it stands for), of the analytic
report's tables and of the district roll-up's columns for that organisation.
"""

from __future__ import annotations

from nastavnik.workbook import orgtypes


def off_codes(book) -> frozenset[str]:
    """Codes of the indicators that do not apply to the book's type of organisation (``Book.org_type``)."""
    kind = getattr(book, "org_type", None) or orgtypes.of(getattr(book, "org", None) or {})
    return frozenset(kind.indicators_off)
