"""Orders, programmes and forms of the regulation, rendered from editable .docx templates.

``render_documents`` is the entry point; ``KINDS`` lists what can be made.

Layer: outputs. May import the analysis layer (``report`` for the analytic report's figures), the
workbook and the base.
"""

from .kinds import KINDS
from .render import plan_documents, render_documents, render_jobs

__all__ = ["KINDS", "plan_documents", "render_documents", "render_jobs"]
