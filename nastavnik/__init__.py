"""nastavnik: the teacher-mentoring system of an organisation, run from one Excel workbook."""

from nastavnik.workbook.schema import TEMPLATE_VERSION

__version__ = "0.1.0"
__all__ = ["TEMPLATE_VERSION", "__version__"]
