"""The check 05 page body: persona x platform heatmap, ranking, communities, audience, sources."""

from __future__ import annotations

from collections.abc import Callable

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from smtoolkit.checks.base import Result
from smtoolkit.checks.registry import Block
from smtoolkit.checks.target_groups.analysis import (
    DIMENSIONS,
    Fit,
    TargetGroupsDetails,
    persona_label,
    platform_key,
)
from smtoolkit.checks.target_groups.reach import PROFESSIONAL
from smtoolkit.formatting import fmt_number, fmt_percent
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]

FALLBACK_MARK = "*"
B2B_MARK = "†"
MISSING_MARK = "°"


def _cell_text(f: Fit, language: str) -> str:
    if f.value is None:
        return "–"
    marks = (FALLBACK_MARK if f.fallback else "") + (B2B_MARK if f.rule == "b2b" else "")
    marks += MISSING_MARK if f.missing else ""
    return fmt_number(f.value, language, digits=1) + marks


def _heatmap(d: TargetGroupsDetails, language: str, t: Callable[..., str]) -> Figure:
    """Fit in percent per persona (rows) and platform (columns, in ranking order)."""
    platforms = [r.platform for r in d.ranking]
    personas = d.answers.personas
    shown = [i for i, p in enumerate(personas) if p.has_ages]
    by_persona = {i: {f.platform: f for f in d.fits[i]} for i in shown}
    grid = [
        [v if (v := by_persona[i][p].value) is not None else float("nan") for p in platforms] for i in shown
    ]
    width = max(6.0, 0.95 * len(platforms) + 3.2)
    fig, ax = plt.subplots(figsize=(width, 0.62 * len(shown) + 1.9))
    cmap = plt.get_cmap("Blues").with_extremes(bad="#eeeeee")
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=100, aspect="auto")
    for row, i in enumerate(shown):
        for j, platform in enumerate(platforms):
            f = by_persona[i][platform]
            value = f.value
            ax.text(
                j,
                row,
                _cell_text(f, language),
                ha="center",
                va="center",
                fontsize=9,
                color="white" if value is not None and value > 55 else "#1b1b1b",
            )
    ax.set_xticks(range(len(platforms)), [translate(platform_key(p), language) for p in platforms])
    # A "$" in client text would start matplotlib's math mode; show it as a plain character.
    names = [charts.plain(persona_label(i, personas[i])) for i in shown]
    ax.set_yticks(range(len(shown)), names)
    ax.tick_params(axis="x", labelrotation=30, length=0)
    ax.tick_params(axis="y", length=0)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    ax.set_title(t("chart.heatmap"), loc="left", fontsize=11)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def render(result: Result, language: str) -> list[Block]:
    """Return the target groups page's chart and tables in ``language``."""
    d: TargetGroupsDetails = result.details
    personas = d.answers.personas

    def t(key: str, **params: object) -> str:
        return translate(f"target_groups.{key}", language, **params)

    def pct(value: float, digits: int = 1) -> str:
        return fmt_percent(value / 100, language, digits=digits)

    dash = "–"
    blocks: list[Block] = [heading(t("section.fit"), "target_groups.fit")]
    if not personas:
        blocks.append(paragraph(t("note.no_personas"), muted=True))
    elif d.ranking:
        blocks.append(charts.image(_heatmap(d, language, t), t("section.fit")))
        blocks.append(
            paragraph(t("note.marks", fallback=FALLBACK_MARK, b2b=B2B_MARK, missing=MISSING_MARK), muted=True)
        )
    blocks.append(paragraph(t("note.formula")))

    blocks.append(heading(t("section.ranking"), "target_groups.ranking"))
    if d.ranking:
        rows = []
        for rank, r in enumerate(d.ranking, start=1):
            basis = [t("basis.fallback")] if r.fallback else []
            basis += [t("basis.b2b")] if r.b2b else []
            present = (
                dash if r.present is None else translate("common.yes" if r.present else "common.no", language)
            )
            rows.append(
                (
                    fmt_number(rank, language),
                    translate(platform_key(r.platform), language),
                    pct(r.mean),
                    t("count_of", count=r.rated, total=sum(1 for p in personas if p.has_ages)),
                    f"{persona_label(r.best_persona, personas[r.best_persona])} ({pct(r.best)})",
                    ", ".join(basis) or t("basis.band"),
                    present,
                )
            )
        headers = [t(f"col.{k}") for k in ("rank", "platform", "mean", "rated", "best", "basis", "account")]
        blocks.append(table(headers, rows, numeric=(0, 2)))
        blocks.append(paragraph(t("note.ranking", top=len(d.top)), muted=True))
    elif personas and not any(p.has_ages for p in personas):
        blocks.append(paragraph(t("note.no_ages"), muted=True))
    elif personas:
        blocks.append(paragraph(t("note.no_ranking"), muted=True))
    if d.unrated_platforms:
        names = ", ".join(translate(platform_key(p), language) for p in d.unrated_platforms)
        blocks.append(paragraph(t("note.unrated", platforms=names), muted=True))

    blocks.append(heading(t("section.communities"), "target_groups.communities"))
    if d.communities:
        blocks.append(
            table(
                [t(f"col.{k}") for k in ("rank", "community", "reach", "relevance", "note")],
                [
                    (
                        fmt_number(rank, language),
                        c.name or dash,
                        fmt_number(c.reach, language),
                        f"{c.relevance} / 5",
                        c.note or dash,
                    )
                    for rank, c in enumerate(d.communities, start=1)
                ],
                numeric=(0, 2, 3),
            )
        )
    else:
        blocks.append(paragraph(t("note.no_communities"), muted=True))

    blocks.append(heading(t("section.audience"), "target_groups.audience"))
    lines = d.answers.linkedin_followers
    if lines:
        ordered = sorted(lines, key=lambda line: (DIMENSIONS.index(line.dimension), -line.share))
        blocks.append(
            table(
                [t("col.dimension"), t("col.segment"), t("col.share")],
                [
                    (
                        t(f"choice.dimension.{line.dimension}"),
                        line.segment or dash,
                        fmt_percent(line.share, language),
                    )
                    for line in ordered
                ],
                numeric=(2,),
            )
        )
    else:
        blocks.append(paragraph(t("note.no_audience"), muted=True))

    blocks.append(heading(t("section.sources"), "target_groups.sources"))
    origin = t("note.builtin") if d.table.builtin else t("note.own_file", file=d.table.origin)
    blocks.append(paragraph(t("note.table", origin=origin)))
    if d.sources:
        order = {r.platform: i for i, r in enumerate(d.ranking)}
        source_rows = []
        for use in sorted(d.sources, key=lambda u: (order.get(u.row.platform, len(order)), u.row.line)):
            row = use.row
            used = []
            if use.bands:
                used.append(t("used.band", bands=", ".join(use.bands)))
            if use.fallback_for:
                used.append(t("used.fallback", bands=", ".join(use.fallback_for)))
            if use.b2b:
                used.append(t("used.b2b"))
            source_rows.append(
                (
                    translate(platform_key(row.platform), language),
                    t("age_group.professional") if row.age_group == PROFESSIONAL else row.age_group,
                    t(f"metric.{row.metric}"),
                    pct(row.percent, 0 if row.percent.is_integer() else 1),
                    str(row.year),
                    row.source,
                    "; ".join(used),
                )
            )
        headers = [
            t(f"col.{k}") for k in ("platform", "age_group", "metric", "figure", "year", "source", "used")
        ]
        blocks.append(table(headers, source_rows, numeric=(3,)))
    blocks.append(paragraph(t("note.rules"), muted=True))
    return blocks
