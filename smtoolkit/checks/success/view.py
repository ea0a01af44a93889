"""The check 09 page body: scorecard with lights, attainment bars, KPI trends, the catalogue."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from smtoolkit.catalogues import KPIS
from smtoolkit.checks.base import Result
from smtoolkit.checks.goals.analysis import Requirement, kpi_label, kpi_value, required_param
from smtoolkit.checks.registry import Block
from smtoolkit.checks.success.analysis import SuccessDetails
from smtoolkit.checks.success.attainment import GREY
from smtoolkit.checks.success.measure import Actual
from smtoolkit.formatting import fmt_date, fmt_percent
from smtoolkit.i18n import render as render_text
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]

COLORS = {"green": "#1e8449", "amber": "#d68910", "red": "#c0392b", GREY: "#8a949e"}
PRIMARY = "#1f4e79"
DASH = "–"


def _plain(text: str) -> str:
    """Client text for a chart: drawn as written (see :func:`smtoolkit.present.charts.plain`)."""
    return charts.plain(text)


def _value(kpi: str | None, value: float | None, language: str) -> str:
    return DASH if value is None else render_text(kpi_value(kpi, value), language)


def _badge(light: str, text: str) -> str:
    return f'<span class="smt-light" style="background:{COLORS[light]}">{escape(text)}</span>'


def _scorecard(d: SuccessDetails, language: str, t: Callable[..., str]) -> str:
    keys = ("number", "goal", "kpi", "baseline", "target", "actual", "attainment", "status")
    numeric = {0, 3, 4, 5, 6}
    head = "".join(
        f'<th class="num">{escape(t(f"col.{k}"))}</th>'
        if i in numeric
        else f"<th>{escape(t(f'col.{k}'))}</th>"
        for i, k in enumerate(keys)
    )
    body = []
    for g in d.goals:
        goal = g.goal
        actual = g.actual if g.actual is not None and g.actual.ok else None
        cells = [
            str(g.number),
            goal.name or DASH,
            render_text(kpi_label(goal), language),
            _value(goal.kpi, goal.baseline, language),
            _value(goal.kpi, goal.target, language),
            _value(goal.kpi, actual.value if actual else None, language),
            fmt_percent(g.attainment, language) if g.attainment is not None else DASH,
        ]
        tds = "".join(
            f'<td class="num">{escape(c)}</td>' if i in numeric else f"<td>{escape(c)}</td>"
            for i, c in enumerate(cells)
        )
        body.append(f"<tr>{tds}<td>{_badge(g.light, t(f'status.{g.status}'))}</td></tr>")
    return f'<table class="smt-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _trend_table(d: SuccessDetails, language: str, t: Callable[..., str]) -> str:
    rows = []
    for g in d.goals:
        goal = g.goal
        actual = g.actual if g.actual is not None and g.actual.ok else None
        source = DASH
        if actual is not None:
            source = t(f"source.{actual.source}")
            if actual.detail is not None:
                source += " (" + render_text(actual.detail, language) + ")"
        elif g.actual is not None and g.actual.missing is not None:
            source = render_text(g.actual.missing, language)
        rows.append(
            (
                str(g.number),
                fmt_date(actual.as_of, language) if actual and actual.as_of else DASH,
                source,
                render_text(
                    required_param(goal, Requirement("change", g.trend.slope, g.trend.months_left)), language
                )
                if g.trend is not None
                else DASH,
                _value(goal.kpi, g.trend.projection if g.trend else None, language),
                fmt_percent(g.projected, language) if g.projected is not None else DASH,
                fmt_date(goal.deadline, language) if goal.deadline else DASH,
            )
        )
    keys = ("number", "as_of", "source", "slope", "projection", "projected", "deadline")
    return table([t(f"col.{k}") for k in keys], rows, numeric=(0, 3, 4, 5))


def _attainment_chart(d: SuccessDetails, language: str, t: Callable[..., str]) -> Block | None:
    rated = [g for g in d.goals if g.attainment is not None]
    if not rated:
        return None
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * max(len(rated), 2) + 1.3))
    positions = list(range(len(rated)))[::-1]
    values = [max(-0.5, min(1.5, g.attainment or 0.0)) * 100 for g in rated]
    ax.barh(positions, values, color=[COLORS[g.light] for g in rated], height=0.6)
    for pos, g, v in zip(positions, rated, values, strict=True):
        ax.text(max(v, 0) + 2, pos, fmt_percent(g.attainment or 0.0, language), va="center", fontsize=9)
    labels = [_plain(t("chart.goal", number=g.number, name=g.goal.name or "")).strip() for g in rated]
    ax.set_yticks(positions, labels)
    ax.axvline(100, color="#333", linewidth=1, linestyle="--")
    ax.axvline(0, color="#333", linewidth=0.8)
    ax.set_xlim(min(-10, min(values) - 10), max(125, max(values) + 25))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_percent(v / 100, language)))
    ax.set_title(t("chart.attainment"), loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return charts.image(fig, t("chart.attainment"))


def _trend_chart(d: SuccessDetails, language: str, t: Callable[..., str]) -> Block | None:
    shown = [g for g in d.goals if g.actual is not None and g.actual.ok and len(g.actual.series) >= 1]
    if not shown:
        return None
    columns = 2 if len(shown) > 1 else 1
    rows = (len(shown) + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(7.5, 2.6 * rows + 0.4), squeeze=False)
    for ax in axes.flat[len(shown) :]:
        ax.set_visible(False)
    for ax, g in zip(axes.flat, shown, strict=False):
        assert g.actual is not None
        days = [p[0] for p in g.actual.series]
        values = [p[1] for p in g.actual.series]
        ax.plot(days, values, marker="o", color=PRIMARY, linewidth=1.5, markersize=3)
        goal = g.goal
        if goal.target is not None:
            ax.axhline(goal.target, color=COLORS["green"], linestyle="--", linewidth=1)
        if g.trend is not None and goal.deadline is not None:
            ax.plot(
                [g.trend.last_day, goal.deadline],
                [g.trend.last_value, g.trend.projection],
                color=COLORS[g.light],
                linestyle=":",
                linewidth=1.5,
            )
        ax.set_title(_plain(t("chart.goal", number=g.number, name=goal.name or "")), loc="left", fontsize=9)
        ax.tick_params(labelsize=7)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p, kpi=goal.kpi: _value(kpi, v, language)))
        for label in ax.get_xticklabels():
            label.set_rotation(30)
            label.set_horizontalalignment("right")
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return charts.image(fig, t("chart.trends"))


def _source_text(a: Actual, t: Callable[..., str], language: str, per_platform: bool) -> str:
    if not a.ok and per_platform:
        return t("missing.per_platform")
    if not a.ok:
        return render_text(a.missing, language) if a.missing else DASH
    text = t(f"source.{a.source}")
    if a.detail is not None:
        text += " (" + render_text(a.detail, language) + ")"
    return text


def _catalogue(d: SuccessDetails, language: str, t: Callable[..., str]) -> list[Block]:
    rows = []
    for a in d.catalogue:
        rows.append(
            (
                translate(f"kpi.{a.kpi}", language),
                t(f"formula.{a.kpi}"),
                _value(a.kpi, a.value, language),
                fmt_date(a.as_of, language) if a.ok and a.as_of else DASH,
                _source_text(a, t, language, bool(d.by_platform.get(a.kpi))),
            )
        )
    headers = [t(f"col.{k}") for k in ("kpi", "formula", "all_platforms", "as_of", "source")]
    return [table(headers, rows, numeric=(2,)), paragraph(t("note.catalogue"), muted=True)]


def _platform_matrix(d: SuccessDetails, language: str, t: Callable[..., str]) -> list[Block]:
    platforms: Sequence[str] = d.platforms
    rows = []
    for kpi in KPIS:
        found = d.by_platform.get(kpi)
        if not found:
            continue
        rows.append(
            [
                translate(f"kpi.{kpi}", language),
                *(
                    _value(kpi, found[p].value, language) + (" *" if found[p].source == "measured" else "")
                    if p in found
                    else DASH
                    for p in platforms
                ),
            ]
        )
    if not rows:
        return [paragraph(t("note.no_platform_values"), muted=True)]
    headers = [t("col.kpi"), *(translate(f"platform.{p}", language) for p in platforms)]
    return [
        table(headers, rows, numeric=tuple(range(1, len(platforms) + 1))),
        paragraph(t("note.platforms"), muted=True),
    ]


def render(result: Result, language: str) -> list[Block]:
    """Return the success page's tables and charts in ``language``."""
    d: SuccessDetails = result.details

    def t(key: str, **params: Any) -> str:
        return translate(f"success.{key}", language, **params)

    blocks: list[Block] = [heading(t("section.scorecard"), "success.scorecard")]
    blocks.append(paragraph(t("note.reference", date=fmt_date(d.reference, language))))
    if d.goals:
        blocks.append(_scorecard(d, language, t))
        blocks.append(_trend_table(d, language, t))
        blocks.append(
            paragraph(t("note.scorecard", share=fmt_percent(d.answers.amber_from, language)), muted=True)
        )
        chart = _attainment_chart(d, language, t)
        if chart is not None:
            blocks.append(chart)
    else:
        blocks.append(paragraph(t("note.no_goals"), muted=True))
    trends = _trend_chart(d, language, t)
    if trends is not None:
        blocks.append(heading(t("section.trends"), "success.trends"))
        blocks.append(trends)
        blocks.append(
            paragraph(
                t("note.trends", window=d.answers.trend_window, points=d.answers.min_trend_points), muted=True
            )
        )
    blocks.append(heading(t("section.catalogue"), "success.catalogue"))
    blocks += _catalogue(d, language, t)
    blocks.append(heading(t("section.platforms"), "success.platforms"))
    blocks += _platform_matrix(d, language, t)
    blocks.append(heading(t("section.sources"), "success.sources"))
    blocks.append(
        table(
            [t("col.assumption"), t("col.where")],
            [
                (t(f"ref.{k}.what"), t(f"ref.{k}.where"))
                for k in ("bitkom", "attainment", "trend", "kaushik", "history")
            ],
        )
    )
    return blocks
