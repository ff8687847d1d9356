"""Documents with pictures: a chart travels in the context as PNG bytes and becomes an InlineImage at render time.

docxtpl's ``InlineImage`` adds the picture to the package of the very
``DocxTemplate`` that renders (``tpl.current_rendering_part``), so it cannot be
made in the builder and cannot go through the fast renderer, which writes the
zip members itself. Kinds marked ``images=True`` (only the analytic report, one
document a run) are therefore rendered by docxtpl's own ``render`` with the same
escaping, strict Jinja environment; the contexts stay plain picklable data
(``Chart`` holds bytes), so the process pool and ``--fields`` work as for every
other kind. Nothing here imports matplotlib: drawing is in ``charts.py``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from nastavnik.base.problems import NastavnikError

FIXED_DATE = (2025, 9, 1, 0, 0, 0)


@dataclass(frozen=True)
class Chart:
    """A picture for a document: its caption-free title, PNG bytes and printed width.

    A chart planned with the analytic report carries its ``recipe`` (a drawing function of ``charts.py`` and
    its data) and is drawn on first use of ``png``: in the worker process that renders the report, beside the
    other documents, not in the planning (matplotlib took a second and a half of a school's run there).
    """

    title: str
    drawn: bytes | None = field(default=None, compare=False)  # the recipe says what it is
    width_mm: float = 160.0
    recipe: tuple = ()

    @property
    def png(self) -> bytes:
        if self.drawn is None:
            from .chartcache import drawn

            draw, args = self.recipe  # a module-level function of charts.py: it travels to a worker by name
            object.__setattr__(self, "drawn", drawn(draw, args))  # or the same chart kept by an earlier run
        return self.drawn

    def __str__(self) -> str:  # what ``--fields`` shows and what a non-image template would print
        return f"диаграмма «{self.title}»"


def fixed_dates(data: bytes) -> bytes:
    """The same zip with fixed member dates: an unchanged input gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def render_with_images(origin: str, data: bytes, env, context: dict) -> bytes:
    """Render one document with docxtpl, turning every ``Chart`` of the context into an InlineImage."""
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import TemplateError, UndefinedError
    from jinja2.sandbox import SecurityError

    tpl = DocxTemplate(io.BytesIO(data))

    def swap(value):
        if isinstance(value, Chart):
            return InlineImage(tpl, io.BytesIO(value.png), width=Mm(value.width_mm))
        if isinstance(value, dict):
            out = type(value)({k: swap(x) for k, x in value.items()})
            if hasattr(value, "_path"):  # a checking run's context keeps naming its fields (render.tracked)
                out._path = value._path
            return out
        if isinstance(value, list):
            return [swap(x) for x in value]
        return value

    try:
        tpl.render(swap(context), env)
    except SecurityError:
        raise  # the sandbox refused a field: the caller names the template and the field (render.refused)
    except UndefinedError as exc:
        raise NastavnikError(f"В шаблоне «{origin}» есть поле «{exc.message}», которого программа не знает. "
                             "Список полей: nastavnik docs --fields analytic_report.") from exc
    except (TemplateError, TypeError, ValueError) as exc:
        raise NastavnikError(f"Шаблон «{origin}» не удалось заполнить: в нём есть тег или выражение, которое "
                             "программа не может вычислить. Список полей: nastavnik docs --fields "
                             "analytic_report.") from exc
    out = io.BytesIO()
    tpl.save(out)
    return fixed_dates(out.getvalue())
