"""Orders, programmes and forms of the regulation, rendered from editable .docx templates.

``render_documents`` is the entry point; ``KINDS`` lists what can be made.
"""

from .kinds import KINDS
from .render import plan_documents, render_documents, render_jobs

__all__ = ["KINDS", "plan_documents", "render_documents", "render_jobs"]
