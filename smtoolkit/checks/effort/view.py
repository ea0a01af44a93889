"""The check 04 page body: hours by task and channel, FTE, budget and the tornado chart."""

from __future__ import annotations

from matplotlib.ticker import FuncFormatter

from smtoolkit.checks.base import Result
from smtoolkit.checks.effort.analysis import EffortDetails
from smtoolkit.checks.registry import Block
from smtoolkit.formatting import fmt_hours, fmt_money, fmt_number, fmt_percent
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]


def render(result: Result, language: str) -> list[Block]:
    """Return the effort page's tables and charts in ``language``."""
    d: EffortDetails = result.details
    w, c, a = d.workload, d.costs, d.answers

    def t(key: str, **params: object) -> str:
        return translate(f"effort.{key}", language, **params)

    blocks: list[Block] = [heading(t("section.hours"), "effort.hours")]
    task_rows = [
        (
            t(f"task.{task}"),
            fmt_hours(hours, language),
            fmt_percent(hours / w.weekly_hours, language) if w.weekly_hours else "–",
        )
        for task, hours in w.by_task().items()
    ]
    task_rows.append(
        (
            t("total"),
            fmt_hours(w.weekly_hours, language),
            fmt_percent(1.0, language) if w.weekly_hours else "–",
        )
    )
    blocks.append(table([t("col.task"), t("col.hours_week"), t("col.share")], task_rows, numeric=(1, 2)))
    if w.channels:
        channel_rows = [
            (
                translate(f"platform.{ch.platform}", language),
                translate(f"format.{ch.format}", language),
                fmt_hours(ch.creation_hours, language),
                fmt_number(ch.interactions, language, digits=1),
                fmt_hours(ch.interaction_hours, language),
                fmt_hours(ch.hours, language),
            )
            for ch in w.channels
        ]
        headers = [
            t(f"col.{k}")
            for k in ("platform", "format", "creation", "interactions", "interaction_hours", "hours_week")
        ]
        blocks.append(table(headers, channel_rows, numeric=(2, 3, 4, 5)))
        platforms = w.by_platform()
        hours_fmt = FuncFormatter(lambda v, _pos: fmt_number(v, language, digits=1))
        blocks.append(
            charts.image(
                charts.barh(
                    [translate(f"platform.{p}", language) for p in platforms],
                    list(platforms.values()),
                    title=t("chart.by_platform"),
                    unit_format=hours_fmt,
                ),
                t("chart.by_platform"),
            )
        )

    blocks.append(heading(t("section.staff"), "effort.staff"))
    staff_rows = [
        (t("row.annual_hours"), fmt_number(w.annual_hours, language)),
        (t("row.agency_hours"), fmt_number(w.agency_hours, language)),
        (t("row.internal_hours"), fmt_number(w.internal_annual_hours, language)),
        (t("row.net_hours"), fmt_number(a.net_hours_per_fte, language)),
        (t("row.fte"), fmt_number(w.fte, language, digits=2)),
    ]
    blocks.append(table([t("col.item"), t("col.value")], staff_rows, numeric=(1,)))
    blocks.append(paragraph(t("note.net_hours", hours=fmt_number(a.net_hours_per_fte, language)), muted=True))

    blocks.append(heading(t("section.budget"), "effort.budget"))
    money_rows = [
        (t("row.internal_cost"), fmt_money(c.internal / 12, language), fmt_money(c.internal, language)),
        (t("row.external_cost"), fmt_money(c.external / 12, language), fmt_money(c.external, language)),
        (t("row.tools"), fmt_money(c.tools / 12, language), fmt_money(c.tools, language)),
        (t("row.ads"), fmt_money(c.ads / 12, language), fmt_money(c.ads, language)),
        (t("row.training"), fmt_money(c.training / 12, language), fmt_money(c.training, language)),
        (t("total"), fmt_money(c.monthly, language), fmt_money(c.annual, language)),
    ]
    blocks.append(table([t("col.item"), t("col.month"), t("col.year")], money_rows, numeric=(1, 2)))
    blocks.append(
        paragraph(
            t(
                "note.hourly_rate",
                salary=fmt_money(a.gross_salary, language, cents=False),
                factor=fmt_number(a.employer_overhead_factor, language, digits=2),
                rate=fmt_money(c.hourly_rate, language),
            ),
            muted=True,
        )
    )

    blocks.append(heading(t("section.sensitivity"), "effort.sensitivity"))
    share = fmt_percent(a.sensitivity, language)
    blocks.append(paragraph(t("note.sensitivity", share=share)))
    rows = d.sensitivity
    if c.annual > 0:
        money_fmt = FuncFormatter(lambda v, _pos: fmt_money(v, language, cents=False))
        blocks.append(
            charts.image(
                charts.tornado(
                    [t(f"driver.{r.driver}") for r in rows],
                    [r.low for r in rows],
                    [r.high for r in rows],
                    c.annual,
                    title=t("chart.tornado"),
                    low_label=t("chart.low", share=share),
                    high_label=t("chart.high", share=share),
                    money=money_fmt,
                ),
                t("chart.tornado"),
            )
        )
    blocks.append(
        table(
            [t("col.driver"), t("col.low"), t("col.high"), t("col.swing")],
            [
                (
                    t(f"driver.{r.driver}"),
                    fmt_money(r.low, language, cents=False),
                    fmt_money(r.high, language, cents=False),
                    fmt_money(r.swing, language, cents=False),
                )
                for r in rows
            ],
            numeric=(1, 2, 3),
        )
    )

    blocks.append(heading(t("section.sources"), "effort.sources"))
    blocks.append(
        table(
            [t("col.assumption"), t("col.source")],
            [
                (t(f"source.{k}.what"), t(f"source.{k}.where"))
                for k in ("salary", "day_rate", "net_hours", "overhead")
            ],
        )
    )
    return blocks
