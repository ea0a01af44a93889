"""The check 01 page body: the priority matrix, the prioritized areas and the account audit."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from smtoolkit.checks.base import Result
from smtoolkit.checks.registry import Block
from smtoolkit.checks.strategy.analysis import HIGH, QUADRANTS, AreaPriority, StrategyDetails
from smtoolkit.formatting import fmt_date, fmt_number
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]

#: Background of each quadrant in the chart.
QUADRANT_COLORS = {
    "quick_win": "#dcefe0",
    "strategic_bet": "#dde7f3",
    "fill_in": "#f8ecd4",
    "leave_alone": "#eeeeee",
}


def _matrix_chart(priorities: tuple[AreaPriority, ...], language: str, t: Callable[..., str]) -> Figure:
    """Value (y) over feasibility (x), quadrant lines at 3.5, quadrant names above and below."""
    fig, ax = plt.subplots(figsize=(7.5, 6.4))
    cut = HIGH - 0.5
    boxes = {
        "strategic_bet": (0.5, cut, cut - 0.5, 5.5 - cut),
        "quick_win": (cut, cut, 5.5 - cut, 5.5 - cut),
        "leave_alone": (0.5, 0.5, cut - 0.5, cut - 0.5),
        "fill_in": (cut, 0.5, 5.5 - cut, cut - 0.5),
    }
    for name, (x, y, width, height) in boxes.items():
        ax.add_patch(Rectangle((x, y), width, height, color=QUADRANT_COLORS[name], zorder=0, linewidth=0))
        label_y = 5.78 if y >= cut else 0.22
        ax.text(
            x + width / 2,
            label_y,
            t(f"quadrant.{name}.name"),
            ha="center",
            va="center",
            fontsize=10,
            fontweight="bold",
            color="#4a5560",
        )
    ax.axvline(cut, color="#7f8c8d", linewidth=1.2, linestyle="--")
    ax.axhline(cut, color="#7f8c8d", linewidth=1.2, linestyle="--")
    groups: dict[tuple[int, int], list[str]] = {}
    for p in priorities:
        groups.setdefault((p.feasibility, p.value), []).append(translate(f"area.{p.area}", language))
    for (x, y), names in groups.items():
        ax.scatter([x], [y], s=90 + 40 * (len(names) - 1), color=charts.DEFAULT_COLOR, zorder=3)
        ax.annotate(
            "\n".join(textwrap.fill(name, 18, break_long_words=False) for name in names),
            (x, y),
            xytext=(0, -9),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=8.5,
            linespacing=1.1,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
            zorder=4,
        )
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.0, 6.0)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(t("chart.feasibility"))
    ax.set_ylabel(t("chart.value"))
    ax.set_title(t("chart.matrix"), loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def render(result: Result, language: str) -> list[Block]:
    """Return the strategy page's chart and tables in ``language``."""
    d: StrategyDetails = result.details

    def t(key: str, **params: object) -> str:
        return translate(f"strategy.{key}", language, **params)

    dash = "–"
    blocks: list[Block] = [heading(t("section.matrix"), "strategy.matrix")]
    if d.priorities:
        blocks.append(charts.image(_matrix_chart(d.priorities, language, t), t("section.matrix")))
    else:
        blocks.append(paragraph(t("note.no_areas"), muted=True))
    blocks.append(
        table(
            [t("col.quadrant"), t("col.rule"), t("col.meaning"), t("col.count")],
            [
                (
                    t(f"quadrant.{q}.name"),
                    t(f"quadrant.{q}.rule", high=HIGH),
                    t(f"quadrant.{q}.meaning"),
                    fmt_number(len(d.in_quadrant(q)), language),
                )
                for q in QUADRANTS
            ],
            numeric=(3,),
        )
    )

    blocks.append(heading(t("section.areas"), "strategy.areas"))
    rows: list[tuple[str, ...]] = [
        (
            fmt_number(rank, language),
            translate(f"area.{p.area}", language),
            fmt_number(p.value, language),
            fmt_number(p.feasibility, language),
            fmt_number(p.priority, language),
            t(f"quadrant.{p.quadrant}.name"),
            p.note or dash,
        )
        for rank, p in enumerate(d.priorities, start=1)
    ]
    rows.extend(
        (dash, translate(f"area.{a}", language), dash, dash, dash, t("not_rated"), dash) for a in d.unrated
    )
    headers = [
        t(f"col.{k}") for k in ("rank", "area", "value", "feasibility", "priority", "quadrant", "note")
    ]
    blocks.append(table(headers, rows, numeric=(0, 2, 3, 4)))
    blocks.append(paragraph(t("note.priority"), muted=True))

    blocks.append(heading(t("section.inventory"), "strategy.inventory"))
    blocks.append(
        paragraph(
            t(
                "note.reference",
                date=fmt_date(d.reference_date, language),
                days=fmt_number(d.answers.dormant_days, language),
            )
        )
    )
    if not d.accounts:
        blocks.append(paragraph(t("note.no_accounts"), muted=True))
        return blocks
    account_rows = []
    for s in d.accounts:
        a = s.account
        account_rows.append(
            (
                translate(f"platform.{a.network}", language),
                a.handle or dash,
                translate(f"role.{a.owner}", language) if a.owner else dash,
                a.purpose or dash,
                fmt_date(a.last_post, language) if a.last_post else dash,
                fmt_number(s.days_since_post, language) if s.days_since_post is not None else dash,
                t(f"choice.keep.{a.keep}"),
                ", ".join(t(f"flag.{f}") for f in s.flags) or t("flag.ok"),
            )
        )
    headers = [
        t(f"col.{k}")
        for k in ("network", "handle", "owner", "purpose", "last_post", "days", "decision", "flags")
    ]
    blocks.append(table(headers, account_rows, numeric=(5,)))
    return blocks
