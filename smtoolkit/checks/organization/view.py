"""The check 03 page body: RACI grid with violations, load, capacity chart, coverage heatmap."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from smtoolkit.checks.base import Result
from smtoolkit.checks.organization.analysis import (
    POOLS,
    OrganizationDetails,
    gap_blocks,
    person_label,
)
from smtoolkit.checks.organization.model import DAYS
from smtoolkit.checks.registry import Block
from smtoolkit.formatting import fmt_decimal, fmt_hours, fmt_number, fmt_percent
from smtoolkit.i18n import render as render_text
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]

PRIMARY = "#1f4e79"
MUTED = "#9fb6cd"
#: Heatmap colours: neither, staffed only, active and staffed, active and not staffed (gap).
HEAT_COLORS = ("#f2f4f7", "#c9d7e6", "#1e8449", "#c0392b")
MARK_STYLE = "background:#fdecea;color:#922b21;font-weight:600"

Translate = Callable[..., str]


def marked_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    marked: set[tuple[int, int]],
    *,
    numeric: Sequence[int] = (),
) -> str:
    """An escaped table like :func:`smtoolkit.present.html.table`; ``marked`` cells are red."""

    def cell(tag: str, value: object, r: int, c: int) -> str:
        css = ' class="num"' if c in numeric else ""
        style = f' style="{MARK_STYLE}"' if (r, c) in marked else ""
        return f"<{tag}{css}{style}>{escape(str(value))}</{tag}>"

    head = "".join(cell("th", h, -1, c) for c, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(cell("td", v, r, c) for c, v in enumerate(row)) + "</tr>"
        for r, row in enumerate(rows)
    )
    return f'<table class="smt-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _plain(text: str) -> str:
    """Client text for a matplotlib label: ``$`` would start mathtext."""
    return charts.plain(text)


def _raci_block(d: OrganizationDetails, language: str, t: Translate) -> str:
    people = d.answers.people
    names = [render_text(person_label(people, i), language) for i in range(len(people))]
    rows: list[list[str]] = []
    marked: set[tuple[int, int]] = set()
    for r, check in enumerate(d.raci):
        letters = [people[i].letter(check.task) or "" for i in range(len(people))]
        status = "; ".join(t(f"violation.{v}") for v in check.violations) if check.violations else "✓"
        rows.append([t(f"task.{check.task}"), *letters, status])
        if check.violations:
            marked.add((r, 0))
            marked.add((r, len(people) + 1))
        if "several_a" in check.violations:
            marked.update((r, i + 1) for i in check.accountable)
    return marked_table([t("col.task"), *names, t("col.rules")], rows, marked)


def _load_block(d: OrganizationDetails, language: str, t: Translate) -> str:
    people = d.answers.people
    rows: list[list[str]] = []
    marked: set[tuple[int, int]] = set()
    for r, load in enumerate(d.loads):
        p = load.person
        status = []
        if load.over_count:
            status.append(t("status.over_count"))
            marked.add((r, 3))
        if load.over_hours:
            status.append(t("status.over_hours"))
            marked.add((r, 4))
        if status:
            marked.add((r, 5))
        rows.append(
            [
                render_text(person_label(people, load.index), language),
                translate(f"role.{p.role}", language) if p.role else "–",
                fmt_hours(p.hours_per_week, language),
                fmt_number(load.responsibilities, language),
                fmt_hours(load.needed, language) if load.needed is not None else "–",
                "; ".join(status) if status else "✓",
            ]
        )
    headers = [t(f"col.{k}") for k in ("person", "role", "available", "responsible", "needed", "status")]
    return marked_table(headers, rows, marked, numeric=(2, 3, 4))


def _capacity_chart(d: OrganizationDetails, language: str, t: Translate) -> str:
    people = d.answers.people
    labels = [_plain(render_text(person_label(people, load.index), language)) for load in d.loads]
    available = [load.person.hours_per_week for load in d.loads]
    needed = [load.needed if load.needed is not None else float("nan") for load in d.loads]
    labels.append(t("chart.team"))
    available.append(d.capacity.available)
    needed.append(d.capacity.required if d.capacity.required is not None else float("nan"))
    fig, ax = plt.subplots(figsize=(7.5, 0.62 * max(len(labels), 2) + 1.3))
    positions = np.arange(len(labels))[::-1].astype(float)
    height = 0.38
    ax.barh(positions + height / 2, available, height=height, color=MUTED, label=t("chart.available"))
    ax.barh(positions - height / 2, needed, height=height, color=PRIMARY, label=t("chart.needed"))
    ax.set_yticks(positions, labels)
    ax.axhline(positions[-1] + 0.5, color="#999", linewidth=0.8)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_decimal(v, language, max_digits=0)))
    ax.set_xlabel(t("chart.hours_axis"))
    ax.set_title(t("chart.capacity"), loc="left", fontsize=11, pad=22)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return charts.image(fig, t("chart.capacity"))


def _heatmap(d: OrganizationDetails, t: Translate) -> str:
    cov = d.coverage
    grid = np.zeros((len(DAYS), 24), dtype=int)
    for r, day in enumerate(DAYS):
        for hour in range(24):
            active, staffed = (day, hour) in cov.active, (day, hour) in cov.staffed
            grid[r, hour] = (2 if staffed else 3) if active else (1 if staffed else 0)
    fig, ax = plt.subplots(figsize=(9.0, 3.4))
    ax.imshow(grid, cmap=ListedColormap(HEAT_COLORS), vmin=0, vmax=3, aspect="auto")
    ax.set_xticks(range(24), [str(h) for h in range(24)], fontsize=8)
    ax.set_yticks(range(len(DAYS)), [t(f"day.{day}") for day in DAYS])
    ax.set_xticks(np.arange(-0.5, 24, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(DAYS), 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.2)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel(t("chart.hour_axis"))
    ax.set_title(t("chart.coverage"), loc="left", fontsize=11)
    keys = ("idle", "staffed_only", "covered", "gap")
    handles = [Patch(color=c, label=t(f"chart.{k}")) for c, k in zip(HEAT_COLORS, keys, strict=True)]
    ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=4, frameon=False, fontsize=9
    )
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    return charts.image(fig, t("chart.coverage"))


def render(result: Result, language: str) -> list[Block]:
    """Return the organization page's tables and charts in ``language``."""
    d: OrganizationDetails = result.details
    a = d.answers

    def t(key: str, **params: object) -> str:
        return translate(f"organization.{key}", language, **params)

    blocks: list[Block] = [heading(t("section.raci"), "organization.raci")]
    if a.people:
        blocks.append(_raci_block(d, language, t))
    else:
        blocks.append(paragraph(t("note.no_people"), muted=True))
    blocks.append(paragraph(t("note.raci"), muted=True))

    blocks.append(heading(t("section.capacity"), "organization.capacity"))
    if a.people:
        blocks.append(_load_block(d, language, t))
    blocks.append(_capacity_chart(d, language, t))
    if d.pools is not None:
        people = a.people
        pool_rows = []
        for pool, hours in d.pools.items():
            holders = sorted(
                {i for i, p in enumerate(people) for task in POOLS[pool] if p.letter(task) in {"R", "A/R"}}
            )
            who = ", ".join(render_text(person_label(people, i), language) for i in holders)
            tasks = ", ".join(t(f"task.{task}") for task in POOLS[pool])
            pool_rows.append((t(f"pool.{pool}"), tasks, fmt_hours(hours, language), who or t("unassigned")))
        blocks.append(
            table([t("col.pool"), t("col.tasks"), t("col.hours"), t("col.holders")], pool_rows, numeric=(2,))
        )
    blocks.append(
        paragraph(
            t("note.capacity", limit=a.max_responsibilities)
            if d.pools is not None
            else t("note.capacity_unknown", limit=a.max_responsibilities),
            muted=True,
        )
    )

    blocks.append(heading(t("section.coverage"), "organization.coverage"))
    blocks.append(paragraph(t("note.audience_default" if d.default_audience else "note.audience_own")))
    blocks.append(_heatmap(d, t))
    runs = gap_blocks(d.coverage.gaps)
    if runs:
        by_day: dict[str, list[tuple[int, int]]] = {}
        for day, start, end in runs:
            by_day.setdefault(day, []).append((start, end))
        gap_rows = [
            (
                t(f"choice.day.{day}"),
                ", ".join(t("hours_range", start=s, end=e) for s, e in spans),
                fmt_number(sum(e - s for s, e in spans), language),
            )
            for day, spans in by_day.items()
        ]
        blocks.append(table([t("col.day"), t("col.gaps"), t("col.gap_hours")], gap_rows, numeric=(2,)))
    share = d.coverage.share
    if share is not None:
        blocks.append(
            paragraph(
                t(
                    "note.coverage",
                    covered=fmt_number(d.coverage.covered, language),
                    active=fmt_number(len(d.coverage.active), language),
                    share=fmt_percent(share, language),
                ),
                muted=True,
            )
        )

    blocks.append(heading(t("section.working_group"), "organization.working_group"))
    yes_no = translate("common.yes" if a.working_group else "common.no", language)
    members = ", ".join(a.working_group_members) if a.working_group_members else "–"
    blocks.append(
        table(
            [t("col.item"), t("col.value")],
            [
                (t("field.working_group"), yes_no),
                (t("field.meetings_per_month"), fmt_decimal(a.meetings_per_month, language)),
                (t("field.working_group_members"), members),
            ],
        )
    )

    blocks.append(heading(t("section.sources"), "organization.sources"))
    blocks.append(
        table(
            [t("col.assumption"), t("col.source")],
            [
                (t(f"source.{k}.what"), t(f"source.{k}.where"))
                for k in ("raci", "audience", "hours", "overload")
            ],
        )
    )
    return blocks
