"""The one declaration of the workbook.

Everything that knows a sheet or a column reads it from here: the template
writer (headers, widths, hints, dropdowns), the reader (header matching,
types), the cell checks, the documents' field lists and the test fixtures.
Adding a column means adding one ``Col`` line in ``sheets`` and nothing else.

This module is the face of the declaration: ``schema.X`` is every name of ``lists`` (the lists of
«Справочники»), ``columns`` (what a column is), ``sheets`` (the table sheets and the archive),
``organisation`` («Организация» and what a type changes) and ``questionnaires``.
"""


from __future__ import annotations

from nastavnik.workbook.columns import *  # noqa: F403
from nastavnik.workbook.lists import *  # noqa: F403
from nastavnik.workbook.organisation import *  # noqa: F403
from nastavnik.workbook.questionnaires import *  # noqa: F403
from nastavnik.workbook.sheets import *  # noqa: F403

# Raised whenever the schema changes; workbook/migrate.py says what each version added.
TEMPLATE_VERSION = "1.7"
