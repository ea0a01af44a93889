r"""Matplotlib charts embedded in the page, so it needs no network and prints sharply.

:func:`image` inlines a chart as SVG (vector: sharp at any zoom and in the PDF, and much
smaller than a PNG of print resolution); :func:`png` renders PNG bytes at :data:`PRINT_DPI`
for the workshop's live forms.

Text in a chart is plain text: a client's ``$``, ``\``, ``{}`` or ``%`` is drawn as written,
never parsed as mathtext. mathtext is off for every text matplotlib creates in a process
that imported this module (``text.parse_math``), and :func:`svg` and :func:`png` switch it
off once more for every text of the figure they render, whichever way the chart was made.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from html import escape

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

__all__ = ["PRINT_DPI", "barh", "image", "plain", "plain_text", "png", "svg", "svg_markup", "tornado"]

matplotlib.rcParams["text.parse_math"] = False

DEFAULT_COLOR = "#1f4e79"
_PROLOG = re.compile(r"<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*")
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*|<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>\s*", re.S)
_ATTRIBUTE = re.compile(r'(\s(?!id=)[\w:-]+=")([^"]*)"')
_DECIMALS = re.compile(r"(\d\.\d)\d+")
_BETWEEN_TAGS = re.compile(r">\s+<")
_NEWLINES = re.compile(r"\s*\n\s*")
_ID = re.compile(r'\bid="([^"]+)"')
_ID_REF = re.compile(r'((?:href="|url\())#([^")]+)')
#: Resolution of PNG charts: sharp on a printed A4 page at the width the pages show them.
PRINT_DPI = 200


def plain(text: str) -> str:
    """Client text for a chart label, legend or title: one line, drawn as written (no mathtext)."""
    return " ".join(str(text).split())


def plain_text(fig: Figure) -> Figure:
    """Switch mathtext off for every text of ``fig`` (titles, labels, ticks, legends, annotations)."""
    matplotlib.rcParams["text.parse_math"] = False  # for the tick labels drawing creates
    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def svg(fig: Figure) -> bytes:
    """Render ``fig`` as SVG bytes (text as text and plain, no date, reproducible ids) and close it."""
    plain_text(fig)
    buffer = io.BytesIO()
    # text stays text (smaller, searchable, crisp); a fixed salt gives the same ids every time
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "smtoolkit"}):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


def png(fig: Figure, *, dpi: int = PRINT_DPI) -> bytes:
    """Render ``fig`` as PNG bytes (all its text plain, see :func:`plain_text`) and close it."""
    plain_text(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def image(fig: Figure, alt: str) -> str:
    """Render ``fig`` as inline SVG markup, labelled with ``alt`` for screen readers."""
    return svg_markup(svg(fig), alt)


def svg_markup(data: bytes, alt: str) -> str:
    """Matplotlib's SVG made small enough to inline many charts in one page.

    The XML prolog, metadata and the chart's own style element go (its stroke rules are in
    the report stylesheet, under ``.smt-chart``), coordinates in attributes keep one decimal
    (a tenth of a point), white space between elements goes, and every id gets a prefix taken
    from the chart's content, so several charts in one page (the combined report) never share
    an id unless they are equal.
    """
    text = data.decode("utf-8")
    text = _PROLOG.sub("", text)
    text = _METADATA.sub("", text)
    # in attribute values only (coordinates), never in the chart's text (e.g. "1.234,5")
    text = _ATTRIBUTE.sub(lambda m: m.group(1) + _DECIMALS.sub(r"\1", m.group(2)) + '"', text)
    text = _BETWEEN_TAGS.sub("><", text)
    text = _NEWLINES.sub(" ", text).strip()
    prefix = "c" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8] + "-"
    text = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', text)
    text = _ID_REF.sub(lambda m: f"{m.group(1)}#{prefix}{m.group(2)}", text)
    label = escape(alt, quote=True)
    return text.replace("<svg ", f'<svg class="smt-chart" role="img" aria-label="{label}" ', 1)


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
