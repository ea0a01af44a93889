r"""Matplotlib charts rendered to PNG bytes, so pages embed them and need no network.

Text in a chart is plain text: a client's ``$``, ``\``, ``{}`` or ``%`` is drawn as written,
never parsed as mathtext. mathtext is off for every text matplotlib creates in a process
that imported this module (``text.parse_math``), and :func:`png` switches it off once more
for every text of the figure it renders, whichever way the chart was made.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from html import escape

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

__all__ = ["barh", "image", "plain", "plain_text", "png", "tornado"]

matplotlib.rcParams["text.parse_math"] = False

DEFAULT_COLOR = "#1f4e79"


def plain(text: str) -> str:
    """Client text for a chart label, legend or title: one line, drawn as written (no mathtext)."""
    return " ".join(str(text).split())


def plain_text(fig: Figure) -> Figure:
    """Switch mathtext off for every text of ``fig`` (titles, labels, ticks, legends, annotations)."""
    matplotlib.rcParams["text.parse_math"] = False  # for the tick labels drawing creates
    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def png(fig: Figure, *, dpi: int = 110) -> bytes:
    """Render ``fig`` as PNG bytes (all its text plain, see :func:`plain_text`) and close it."""
    plain_text(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def image(fig: Figure, alt: str) -> str:
    """Render ``fig`` as an embedded PNG ``<img>`` with alternative text for screen readers."""
    data = base64.b64encode(png(fig)).decode("ascii")
    return f'<img class="smt-chart" alt="{escape(alt, quote=True)}" src="data:image/png;base64,{data}">'


def barh(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    unit_format: FuncFormatter | None = None,
    color: str = DEFAULT_COLOR,
) -> Figure:
    """A horizontal bar chart, largest value on top."""
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * max(len(labels), 2) + 1.2))
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, values, color=color)
    ax.set_yticks(positions, labels)
    ax.set_title(title, loc="left", fontsize=11)
    if unit_format is not None:
        ax.xaxis.set_major_formatter(unit_format)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def tornado(
    labels: Sequence[str],
    lows: Sequence[float],
    highs: Sequence[float],
    base: float,
    *,
    title: str,
    low_label: str,
    high_label: str,
    money: FuncFormatter,
    color: str = DEFAULT_COLOR,
) -> Figure:
    """A tornado chart: each driver's low and high outcome around the base case."""
    fig, ax = plt.subplots(figsize=(7.5, 0.6 * max(len(labels), 2) + 1.4))
    positions = list(range(len(labels)))[::-1]
    for pos, low, high in zip(positions, lows, highs, strict=True):
        ax.barh(pos, low - base, left=base, color="#9fb6cd", label=low_label if pos == positions[0] else None)
        ax.barh(pos, high - base, left=base, color=color, label=high_label if pos == positions[0] else None)
    ax.axvline(base, color="#333", linewidth=1)
    ax.set_yticks(positions, labels)
    ax.xaxis.set_major_formatter(money)
    ax.set_title(title, loc="left", fontsize=11)
    ax.legend(loc="lower right", frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return fig
