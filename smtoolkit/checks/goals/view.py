"""The check 02 page body: SMART table, required versus historical growth, Bitkom categories."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from smtoolkit.checks.base import Result
from smtoolkit.checks.goals.analysis import (
    LETTERS,
    GoalEvaluation,
    GoalsDetails,
    Realism,
    historical_param,
    join_params,
    kpi_label,
    kpi_value,
    required_param,
)
from smtoolkit.checks.registry import Block
from smtoolkit.formatting import fmt_date, fmt_decimal, fmt_number, fmt_percent
from smtoolkit.i18n import render as render_text
from smtoolkit.i18n import translate
from smtoolkit.messages import Term
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]

PRIMARY = "#1f4e79"
MUTED = "#9fb6cd"


def _plain(text: str) -> str:
    """Client text for a chart: drawn as written (see :func:`smtoolkit.present.charts.plain`)."""
    return charts.plain(text)


def _realism_text(r: Realism, language: str) -> str:
    key = f"goals.realism.{r.status}" + (f".{r.reason}" if r.reason else "")
    if r.ratio is not None:
        return translate(key, language, ratio=fmt_number(r.ratio, language, digits=1))
    return translate(key, language)


def _smart_rows(evals: tuple[GoalEvaluation, ...], language: str) -> list[list[str]]:
    rows = []
    for e in evals:
        g = e.goal
        letters = ["✓" if ok else "✗" for ok in e.smart.letters.values()]
        problems = (
            render_text(join_params([Term(f"goals.problem.{p}") for p in e.smart.problems]), language)
            if e.smart.problems
            else "–"
        )
        rows.append(
            [
                str(e.number),
                g.name or "–",
                translate(f"area.{g.area}", language) if g.area else "–",
                translate(f"role.{g.owner}", language) if g.owner else "–",
                *letters,
                problems,
            ]
        )
    return rows


def _growth_rows(evals: tuple[GoalEvaluation, ...], language: str) -> list[list[str]]:
    rows = []
    for e in evals:
        g, r = e.goal, e.realism

        def value(v: float | None, kpi: str | None = g.kpi) -> str:
            return "–" if v is None else render_text(kpi_value(kpi, v), language)

        rows.append(
            [
                str(e.number),
                render_text(kpi_label(g), language),
                value(g.baseline),
                value(g.target),
                fmt_date(g.deadline, language) if g.deadline else "–",
                fmt_number(e.months, language, digits=1) if e.months is not None else "–",
                render_text(required_param(g, r.required), language) if r.required else "–",
                render_text(historical_param(g, r), language) if r.historical is not None else "–",
                _realism_text(r, language),
            ]
        )
    return rows


def _growth_chart(d: GoalsDetails, language: str, t: Any) -> str | None:
    rated = [e for e in d.evaluations if e.required is not None and e.required.mode == "rate"]
    if not rated:
        return None
    with_history = any(e.realism.historical is not None for e in rated)
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * max(len(rated), 2) + 1.4))
    positions = list(range(len(rated)))[::-1]
    height = 0.38 if with_history else 0.6
    required = [e.required.value * 100 for e in rated if e.required is not None]
    offset = height / 2 if with_history else 0.0
    ax.barh(
        [p + offset for p in positions], required, height=height, color=PRIMARY, label=t("chart.required")
    )
    if with_history:
        past = [(e.realism.historical or 0.0) * 100 if e.realism.required is not None else 0.0 for e in rated]
        ax.barh(
            [p - offset for p in positions], past, height=height, color=MUTED, label=t("chart.historical")
        )
    labels = [_plain(t("chart.goal", number=e.number, name=e.goal.name or "")).strip() for e in rated]
    ax.set_yticks(positions, labels)
    ax.axvline(0, color="#333", linewidth=0.8)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_percent(v / 100, language, digits=1)))
    ax.set_title(t("chart.growth"), loc="left", fontsize=11, pad=22)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return charts.image(fig, t("chart.growth"))


def _category_chart(d: GoalsDetails, t: Any, language: str) -> str:
    rows = d.categories
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(rows) + 1.4))
    positions = list(range(len(rows)))[::-1]
    colors = [PRIMARY if row.goals else MUTED for row in rows]
    ax.barh(positions, [row.bitkom_share * 100 for row in rows], color=colors)
    for pos, row in zip(positions, rows, strict=True):
        ax.text(
            row.bitkom_share * 100 + 1,
            pos,
            fmt_percent(row.bitkom_share, language),
            va="center",
            fontsize=9,
        )
    ax.set_yticks(positions, [t(f"choice.category.{row.category}") for row in rows])
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_percent(v / 100, language)))
    ax.set_title(t("chart.categories"), loc="left", fontsize=11)
    handles = [
        Patch(color=PRIMARY, label=t("chart.pursued")),
        Patch(color=MUTED, label=t("chart.not_pursued")),
    ]
    ax.legend(handles=handles, loc="lower right", frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return charts.image(fig, t("chart.categories"))


def render(result: Result, language: str) -> list[Block]:
    """Return the goals page's tables and charts in ``language``."""
    d: GoalsDetails = result.details

    def t(key: str, **params: object) -> str:
        return translate(f"goals.{key}", language, **params)

    reference = t(
        "note.reference_workshop" if d.reference_is_workshop else "note.reference_today",
        date=fmt_date(d.reference, language),
    )
    blocks: list[Block] = [heading(t("section.smart"), "goals.smart"), paragraph(reference)]
    if d.evaluations:
        headers = [t("col.number"), t("col.goal"), t("col.area"), t("col.owner"), *LETTERS, t("col.missing")]
        blocks.append(table(headers, _smart_rows(d.evaluations, language), numeric=(0,)))
    else:
        blocks.append(paragraph(t("note.no_goals"), muted=True))
    blocks.append(paragraph(t("note.letters"), muted=True))

    blocks.append(heading(t("section.growth"), "goals.growth"))
    if d.evaluations:
        headers = [
            t(f"col.{k}")
            for k in (
                "number",
                "kpi",
                "baseline",
                "target",
                "deadline",
                "months",
                "required",
                "historical",
                "realism",
            )
        ]
        blocks.append(table(headers, _growth_rows(d.evaluations, language), numeric=(0, 2, 3, 5, 6, 7)))
        chart = _growth_chart(d, language, t)
        if chart is not None:
            blocks.append(chart)
    factor = fmt_decimal(d.answers.realism_factor, language, max_digits=1)
    blocks.append(paragraph(t("note.growth", factor=factor), muted=True))

    blocks.append(heading(t("section.categories"), "goals.categories"))
    blocks.append(paragraph(t("note.categories")))
    blocks.append(_category_chart(d, t, language))
    category_rows = [
        (
            t(f"choice.category.{row.category}"),
            fmt_percent(row.bitkom_share, language),
            fmt_number(row.goals, language),
        )
        for row in d.categories
    ]
    if d.uncategorised:
        category_rows.append((t("uncategorised"), "–", fmt_number(d.uncategorised, language)))
    blocks.append(
        table(
            [t("col.category"), t("col.bitkom_share"), t("col.client_goals")], category_rows, numeric=(1, 2)
        )
    )

    blocks.append(heading(t("section.sources"), "goals.sources"))
    blocks.append(
        table(
            [t("col.assumption"), t("col.source")],
            [
                (t(f"source.{k}.what"), t(f"source.{k}.where"))
                for k in ("categories", "smart", "growth", "realism")
            ],
        )
    )
    return blocks
