"""The overview's chart: a radar of the check scores, or bars when there are fewer than three."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import cast

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from smtoolkit.models import DEFAULT_BANDS

__all__ = ["maturity_chart"]

_BAND_COLORS = ("#fbe4e1", "#fdf1dc", "#e4f3e8")
_PREVIOUS_COLOR = "#7f8c8d"


def _wrap(label: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _band_edges(bands: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    """The red, amber and green score ranges of ``bands`` (amber, green)."""
    amber, green = bands
    return ((0.0, amber), (amber, green), (green, 100.0))


def _radar(
    labels: Sequence[str],
    current: Sequence[float],
    previous: Sequence[float | None] | None,
    *,
    title: str,
    current_label: str,
    previous_label: str,
    color: str,
    bands: tuple[float, float],
) -> Figure:
    count = len(labels)
    angles = [2 * math.pi * i / count for i in range(count)]
    fig = plt.figure(figsize=(7.5, 6.6))
    ax = cast(PolarAxes, fig.add_subplot(projection="polar"))
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ring = [i * 2 * math.pi / 180 for i in range(181)]
    for (low, high), band in zip(_band_edges(bands), _BAND_COLORS, strict=True):
        ax.fill_between(ring, low, high, color=band, zorder=0)
    closed = [*angles, angles[0]]
    if previous is not None:
        before = [math.nan if v is None else v for v in previous]
        ax.plot(
            closed,
            [*before, before[0]],
            color=_PREVIOUS_COLOR,
            linestyle="--",
            linewidth=1.6,
            label=previous_label,
        )
    ax.plot(closed, [*current, current[0]], color=color, linewidth=2.2, marker="o", label=current_label)
    ax.fill(closed, [*current, current[0]], color=color, alpha=0.1)
    ax.set_ylim(0, 100)
    ax.set_yticks([20, 40, 60, 80, 100], ["20", "40", "60", "80", "100"], fontsize=8, color="#5b6570")
    ax.set_xticks(angles, [_wrap(label) for label in labels], fontsize=9)
    ax.tick_params(axis="x", pad=18)
    ax.set_title(title, loc="left", fontsize=11, pad=24)
    if previous is not None:
        ax.legend(loc="upper right", bbox_to_anchor=(1.25, 1.12), frameon=False, fontsize=9)
    return fig


def _bars(
    labels: Sequence[str],
    current: Sequence[float],
    previous: Sequence[float | None] | None,
    *,
    title: str,
    current_label: str,
    previous_label: str,
    color: str,
    bands: tuple[float, float],
) -> Figure:
    fig, ax = plt.subplots(figsize=(7.5, 0.7 * len(labels) + 1.6))
    positions = list(range(len(labels)))[::-1]
    for (low, high), band in zip(_band_edges(bands), _BAND_COLORS, strict=True):
        ax.axvspan(low, high, color=band, zorder=0)
    ax.barh(positions, current, color=color, height=0.5, label=current_label, zorder=2)
    if previous is not None:
        shown = [(p, v) for p, v in zip(positions, previous, strict=True) if v is not None]
        if shown:
            ax.scatter(
                [v for _, v in shown],
                [p for p, _ in shown],
                marker="|",
                s=600,
                color=_PREVIOUS_COLOR,
                linewidths=2.5,
                label=previous_label,
                zorder=3,
            )
        ax.legend(loc="lower right", frameon=False, fontsize=9)
    ax.set_xlim(0, 100)
    ax.set_yticks(positions, [_wrap(label, 28) for label in labels])
    ax.set_title(title, loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def maturity_chart(
    labels: Sequence[str],
    current: Sequence[float],
    previous: Sequence[float | None] | None = None,
    *,
    title: str,
    current_label: str,
    previous_label: str = "",
    color: str = "#1f4e79",
    bands: tuple[float, float] = DEFAULT_BANDS,
) -> Figure:
    """A radar of the scores over the traffic-light ``bands`` (amber, green), previous round dashed.

    A radar needs at least three axes; with one or two checks the same data is drawn as bars
    (the previous round as a grey mark).
    """
    draw = _radar if len(labels) >= 3 else _bars
    return draw(
        labels,
        current,
        previous,
        title=title,
        current_label=current_label,
        previous_label=previous_label,
        color=color,
        bands=bands,
    )
