"""The analytic report's charts as PNG, drawn with matplotlib (Agg, DejaVu Sans: Cyrillic everywhere).

Only the analytic report imports this module, and it imports matplotlib inside
the functions, so no other document pays for it. Figures are made with the
object API (``Figure`` + Agg canvas), never pyplot: no global state, nothing
shown on screen, safe in worker processes. The same data gives the same bytes
(fixed size, DPI, font and no date in the PNG metadata), so a re-run does not
change the document.
"""

from __future__ import annotations

import io
import textwrap

from .images import Chart

DPI = 200
WIDTH_CM = 16.0
DARK, LIGHT, GRID = "#1f4e79", "#e39b3a", "#d0d0d0"
_RC = {"font.family": "DejaVu Sans", "font.size": 9, "axes.titlesize": 10, "axes.spines.top": False,
       "axes.spines.right": False, "svg.hashsalt": "nastavnik", "path.simplify": False}


def _figure(height_cm: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_CM / 2.54, height_cm / 2.54), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
    return buf.getvalue()


def _wrap(label: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def draw_bar_chart(title: str, labels: list[str], values: list[float], unit: str = "чел.") -> bytes:
    """Horizontal bars, one per label, the value written at the end of each bar."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(max(5.0, 1.0 * len(labels) + 2.0))
        ax = fig.add_subplot(1, 1, 1)
        ys = list(range(len(labels)))[::-1]
        ax.barh(ys, values, color=DARK, height=0.6)
        ax.set_yticks(ys, [_wrap(x) for x in labels])
        top = max(values + [1])
        ax.set_xlim(0, top * 1.15 + 0.5)
        for y, x in zip(ys, values):
            ax.text(x + top * 0.02, y, _fmt(x), va="center")
        ax.set_xlabel(unit)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="x", color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)
        fig.tight_layout()
        return _png(fig)


def draw_line_chart(title: str, labels: list[str], series: dict[str, list[float | None]]) -> bytes:
    """Lines over months; a None breaks the line (a month that has not come yet)."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(8.0)
        ax = fig.add_subplot(1, 1, 1)
        xs = list(range(len(labels)))
        for (name, values), color, marker in zip(series.items(), (DARK, LIGHT), ("o", "s")):
            ys = [float("nan") if v is None else v for v in values]
            ax.plot(xs, ys, color=color, marker=marker, linewidth=2, markersize=5, label=name)
        ax.set_xticks(xs, labels)
        ax.set_ylim(bottom=0)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel("мероприятий")
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        ax.legend(loc="upper right", frameon=False)
        fig.tight_layout()
        return _png(fig)


def draw_grouped_bars(title: str, labels: list[str], series: dict[str, list[float | None]], scale: tuple[int, int]) -> bytes:
    """Horizontal bars in pairs (e.g. mentors and mentees) per question, on the survey's scale."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(max(7.0, 1.5 * len(labels) + 2.5))
        ax = fig.add_subplot(1, 1, 1)
        n = len(series)
        h = 0.8 / max(n, 1)
        base = list(range(len(labels)))[::-1]
        for i, ((name, values), color) in enumerate(zip(series.items(), (DARK, LIGHT))):
            ys = [y + (n - 1 - 2 * i) * h / 2 for y in base]
            vals = [0 if v is None else v for v in values]
            ax.barh(ys, vals, height=h * 0.95, color=color, label=name)
            for y, v in zip(ys, values):
                if v is not None:
                    ax.text(v + 0.08, y, _fmt(v), va="center", fontsize=8)
        ax.set_yticks(base, [_wrap(x, 30) for x in labels])
        ax.set_xlim(0, scale[1] + 0.8)
        ax.set_xticks(range(0, scale[1] + 1))
        ax.set_xlabel(f"средний балл (шкала от {scale[0]} до {scale[1]})")
        ax.grid(axis="x", color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.4 / len(labels)), ncol=n, frameon=False)
        fig.tight_layout()
        return _png(fig)


def draw_trend_chart(title: str, years: list[str], counts: dict[str, list[int]], share: tuple[str, list[float | None]],
                score: tuple[str, list[float | None]], scale: tuple[int, int]) -> bytes:
    """The main figures by academic year: counts as columns above, a share (%) and a mean score below.

    Two panels rather than one with three scales: pairs and people are counts, coverage a percentage and
    satisfaction a score; the lower panel gives the score its own axis on the right, on the survey's scale.
    A None is a gap (a year without surveys or without a staff count), never a zero.
    """
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(12.5)
        top, low = fig.subplots(2, 1, gridspec_kw={"height_ratios": [1.1, 1]})
        xs = list(range(len(years)))
        n = len(counts)
        w = 0.8 / max(n, 1)
        peak = max([x for values in counts.values() for x in values] + [1])
        for i, ((name, values), color) in enumerate(zip(counts.items(), (DARK, LIGHT))):
            pos = [x + (i - (n - 1) / 2) * w for x in xs]
            top.bar(pos, values, width=w * 0.95, color=color, label=name)
            for x, value in zip(pos, values):
                top.text(x, value + peak * 0.02, _fmt(value), ha="center", va="bottom", fontsize=8)
        top.set_xticks(xs, years)
        top.set_ylim(0, peak * 1.25 + 0.5)
        top.yaxis.get_major_locator().set_params(integer=True)
        top.grid(axis="y", color=GRID, linewidth=0.6)
        top.set_axisbelow(True)
        top.legend(loc="upper left", frameon=False, ncol=n)
        name, values = share
        ys = [float("nan") if x is None else x for x in values]
        low.plot(xs, ys, color=DARK, marker="o", linewidth=2, markersize=5, label=name)
        for x, value in zip(xs, values):
            if value is not None:
                low.annotate(f"{value:.1f}".replace(".", ","), (x, value), textcoords="offset points",
                             xytext=(0, 6), ha="center", fontsize=8, color=DARK)
        low.set_ylim(0, 110)
        low.set_ylabel("%")
        low.set_xticks(xs, years)
        low.grid(axis="y", color=GRID, linewidth=0.6)
        right = low.twinx()
        right.spines["right"].set_visible(True)
        name2, values2 = score
        ys2 = [float("nan") if x is None else x for x in values2]
        right.plot(xs, ys2, color=LIGHT, marker="s", linewidth=2, markersize=5, label=name2)
        for x, value in zip(xs, values2):
            if value is not None:
                right.annotate(f"{value:.1f}".replace(".", ","), (x, value), textcoords="offset points",
                               xytext=(0, -14), ha="center", fontsize=8, color="#9a5a00")
        right.set_ylim(0, scale[1] * 1.1)
        right.set_ylabel("балл")
        handles = low.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
        low.legend(handles, [h.get_label() for h in handles], loc="upper center", bbox_to_anchor=(0.5, -0.24),
                   ncol=2, frameon=False)
        for ax in (top, low):
            ax.set_xlim(-0.6, len(years) - 0.4)
        fig.tight_layout()
        return _png(fig)


def bar_chart(title: str, labels: list[str], values: list[float], unit: str = "чел.") -> Chart:
    """``draw_bar_chart`` as a Chart drawn where the document is rendered (see ``images.Chart``)."""
    return Chart(title, recipe=(draw_bar_chart, (title, labels, values, unit)))


def line_chart(title: str, labels: list[str], series: dict[str, list[float | None]]) -> Chart:
    return Chart(title, recipe=(draw_line_chart, (title, labels, series)))


def grouped_bars(title: str, labels: list[str], series: dict[str, list[float | None]], scale: tuple[int, int]) -> Chart:
    return Chart(title, recipe=(draw_grouped_bars, (title, labels, series, scale)))


def trend_chart(title: str, years: list[str], counts: dict[str, list[int]], share: tuple[str, list[float | None]],
                score: tuple[str, list[float | None]], scale: tuple[int, int]) -> Chart:
    return Chart(title, recipe=(draw_trend_chart, (title, years, counts, share, score, scale)))
