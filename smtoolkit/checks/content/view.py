"""The check 07 page body: rates per platform and format, slots, pillars, appearance, calendar."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from smtoolkit.checks.base import Result
from smtoolkit.checks.content.analysis import ContentDetails
from smtoolkit.checks.content.calendar import CALENDAR_FILE
from smtoolkit.checks.content.metrics import GroupStats
from smtoolkit.checks.registry import Block
from smtoolkit.formatting import fmt_date, fmt_number, fmt_percent
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]

PRIMARY = "#1f4e79"
#: Horizontal box plots: ``orientation`` since Matplotlib 3.10, ``vert`` before (deprecated in 3.11).
_HORIZONTAL: dict[str, Any] = (
    {"orientation": "horizontal"}
    if tuple(int(p) for p in matplotlib.__version__.split(".")[:2]) >= (3, 10)
    else {"vert": False}
)
DASH = "–"


def _pct(value: float | None, language: str, digits: int = 1) -> str:
    return DASH if value is None else fmt_percent(value, language, digits=digits)


def _num(value: float | None, language: str, digits: int = 0) -> str:
    return DASH if value is None else fmt_number(value, language, digits=digits)


def _activity(d: ContentDetails, language: str, t: Callable[..., str]) -> list[Block]:
    rows = []
    for f in d.frequency:
        planned = d.planned_per_week(f.platform)
        rows.append(
            (
                translate(f"platform.{f.platform}", language),
                fmt_number(f.posts, language),
                fmt_number(f.per_week, language, digits=1),
                fmt_number(planned, language, digits=1) if planned else DASH,
                fmt_date(f.last_post, language),
                t("yes") if d.regular.get(f.platform) else t("no"),
            )
        )
    headers = [t(f"col.{k}") for k in ("platform", "posts", "per_week", "planned", "last_post", "regular")]
    blocks: list[Block] = [table(headers, rows, numeric=(1, 2, 3))]
    if d.period is not None:
        blocks.append(
            paragraph(
                t(
                    "note.frequency",
                    start=fmt_date(d.period[0], language),
                    end=fmt_date(d.period[1], language),
                    days=d.answers.active_days,
                ),
                muted=True,
            )
        )
    return blocks


def _basis(g: GroupStats, t: Callable[..., str]) -> str:
    return ", ".join(t(f"basis.{b}") for b in g.bases) or DASH


def _rates(d: ContentDetails, language: str, t: Callable[..., str]) -> list[Block]:
    rows = [
        (
            translate(f"platform.{g.key[0]}", language),
            _num(g.median_impressions, language),
            _num(g.median_reach, language),
            _num(g.median_interactions, language),
            _pct(g.median_er_reach, language),
            _pct(g.median_er_impressions, language),
            _pct(g.median_er_followers, language),
            _pct(g.median_er, language),
            _basis(g, t),
        )
        for g in d.platforms
    ]
    headers = [
        t(f"col.{k}")
        for k in (
            "platform",
            "impressions",
            "reach",
            "interactions",
            "er_reach",
            "er_impressions",
            "er_followers",
            "er",
            "basis",
        )
    ]
    blocks: list[Block] = [table(headers, rows, numeric=(1, 2, 3, 4, 5, 6, 7))]
    followers = [
        t(f"follower_method.{method}", platform=translate(f"platform.{p}", language))
        for p, method in sorted(d.follower_methods.items())
    ]
    blocks.append(paragraph(t("note.rates"), muted=True))
    if followers:
        blocks.append(paragraph(t("note.followers", methods="; ".join(followers)), muted=True))
    kaushik = [
        (
            translate(f"platform.{g.key[0]}", language),
            _num(g.conversation, language, 1),
            _num(g.amplification, language, 1),
            _num(g.applause, language, 1),
            _num(g.conversation_pf, language, 2),
            _num(g.amplification_pf, language, 2),
            _num(g.applause_pf, language, 2),
        )
        for g in d.platforms
    ]
    headers = [
        t(f"col.{k}")
        for k in (
            "platform",
            "conversation",
            "amplification",
            "applause",
            "conversation_pf",
            "amplification_pf",
            "applause_pf",
        )
    ]
    blocks.append(table(headers, kaushik, numeric=(1, 2, 3, 4, 5, 6)))
    blocks.append(paragraph(t("note.kaushik"), muted=True))
    return blocks


def _format_label(platform: str, fmt: str, language: str) -> str:
    shown = translate(f"content.post_format.{fmt}", language) if fmt else DASH  # export without a format
    return f"{translate(f'platform.{platform}', language)}: {shown}"


def _boxplot(d: ContentDetails, language: str, t: Callable[..., str]) -> Block | None:
    rated = d.posts.dropna(subset=["er"])
    if rated.empty:
        return None
    groups = [g for g in d.formats if g.rated]
    labels = [_format_label(g.key[0], g.key[1], language) for g in groups]
    values = [
        (
            rated[
                (rated["platform"] == g.key[0]) & (rated["format"].astype("string").fillna("") == g.key[1])
            ]["er"]
            * 100
        )
        .astype(float)
        .to_numpy()
        for g in groups
    ]
    fig, ax = plt.subplots(figsize=(7.5, 0.42 * len(groups) + 1.4))
    ax.boxplot(
        values[::-1],
        **_HORIZONTAL,
        widths=0.6,
        patch_artist=True,
        boxprops={"facecolor": "#dbe5f0", "edgecolor": PRIMARY},
        medianprops={"color": PRIMARY, "linewidth": 2},
        flierprops={"markersize": 3},
    )
    ax.set_yticks(
        range(1, len(labels) + 1),
        [f"{label} (n={g.rated})" for label, g in zip(labels, groups, strict=True)][::-1],
    )
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _p: fmt_percent(v / 100, language, digits=0 if float(v).is_integer() else 1))
    )
    ax.set_title(t("chart.box"), loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return charts.image(fig, t("chart.box"))


def _formats(d: ContentDetails, language: str, t: Callable[..., str]) -> list[Block]:
    blocks: list[Block] = []
    chart = _boxplot(d, language, t)
    if chart is not None:
        blocks.append(chart)
    rows = [
        (
            translate(f"platform.{g.key[0]}", language),
            translate(f"content.post_format.{g.key[1]}", language) if g.key[1] else DASH,
            fmt_number(g.posts, language),
            _pct(g.median_er, language),
            _basis(g, t),
            _num(g.median_index, language, 2),
            _num(g.conversation, language, 1),
            _num(g.amplification, language, 1),
            _num(g.applause, language, 1),
        )
        for g in d.formats
    ]
    headers = [
        t(f"col.{k}")
        for k in (
            "platform",
            "format",
            "posts",
            "er",
            "basis",
            "index",
            "conversation",
            "amplification",
            "applause",
        )
    ]
    blocks.append(table(headers, rows, numeric=(2, 3, 5, 6, 7, 8)))
    return blocks


def _heatmap(d: ContentDetails, language: str, t: Callable[..., str]) -> Block | None:
    medians, counts = d.grid
    if medians.empty or medians.shape[1] == 0:
        return None
    hours = [int(h) for h in medians.columns]
    data = medians.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    cmap = plt.get_cmap("RdYlGn").with_extremes(bad="#f0f0f0")  # empty cells (NaN) grey
    image = ax.imshow(data, cmap=cmap, vmin=0.5, vmax=1.5, aspect="auto")
    for row in range(data.shape[0]):
        for col in range(data.shape[1]):
            n = int(str(counts.iloc[row, col])) if col < counts.shape[1] else 0
            if n:
                ax.text(col, row, str(n), ha="center", va="center", fontsize=7, color="#222")
    ax.set_xticks(range(len(hours)), [str(h) for h in hours])
    ax.set_yticks(range(7), [t(f"weekday_short.{i}") for i in range(7)])
    ax.set_xlabel(t("chart.hour"))
    ax.set_title(t("chart.heatmap"), loc="left", fontsize=11)
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, language, digits=1)))
    return charts.image(fig, t("chart.heatmap"))


def _slots(d: ContentDetails, language: str, t: Callable[..., str]) -> list[Block]:
    blocks: list[Block] = []
    chart = _heatmap(d, language, t)
    if chart is not None:
        blocks.append(chart)
    blocks.append(paragraph(t("note.slots", posts=d.answers.min_posts_per_slot), muted=True))
    rows = [
        (
            t(f"weekday.{s.value}"),
            fmt_number(s.median_index, language, digits=2),
            fmt_number(s.posts, language),
        )
        for s in d.weekdays
    ]
    rows_h = [
        (
            t("hour", hour=s.value),
            fmt_number(s.median_index, language, digits=2),
            fmt_number(s.posts, language),
        )
        for s in d.hours[:6]
    ]
    if rows:
        blocks.append(table([t("col.weekday"), t("col.index"), t("col.posts")], rows, numeric=(1, 2)))
    if rows_h:
        blocks.append(table([t("col.hour"), t("col.index"), t("col.posts")], rows_h, numeric=(1, 2)))
    return blocks


def _pillars(d: ContentDetails, language: str, t: Callable[..., str]) -> list[Block]:
    a = d.answers
    blocks: list[Block] = []
    platforms = list(
        dict.fromkeys([*(r.platform for r in a.platform_roles), *(p for x in a.pillars for p in x.platforms)])
    )
    if a.pillars:
        stats = {g.key[0]: g for g in d.pillars}
        counts = {str(k): int(v) for k, v in d.posts["pillar"].value_counts().items()} if d.post_count else {}
        headers = [
            t("col.pillar"),
            t("col.target_group"),
            t("col.planned_share"),
            t("col.actual_share"),
            t("col.er_median"),
            t("col.index"),
        ]
        headers += [translate(f"platform.{p}", language) for p in platforms]
        rows = []
        for i, p in enumerate(a.pillars, start=1):
            key = p.name or f"#{i}"
            g = stats.get(key)
            actual = float(counts.get(key, 0)) / d.post_count if d.post_count else None
            rows.append(
                [
                    p.name or DASH,
                    p.target_group or DASH,
                    _pct(p.share, language, 0),
                    _pct(actual, language, 0),
                    _pct(g.median_er if g else None, language),
                    _num(g.median_index if g else None, language, 2),
                    *("✓" if platform in p.platforms else DASH for platform in platforms),
                ]
            )
        unassigned = stats.get("")
        if d.post_count:
            rows.append(
                [
                    t("unassigned"),
                    DASH,
                    DASH,
                    _pct((unassigned.posts if unassigned else 0) / d.post_count, language, 0),
                    _pct(unassigned.median_er if unassigned else None, language),
                    _num(unassigned.median_index if unassigned else None, language, 2),
                    *(DASH for _ in platforms),
                ]
            )
        blocks.append(table(headers, rows, numeric=(2, 3, 4, 5)))
        blocks.append(paragraph(t("note.pillars"), muted=True))
        keyword_rows = [(p.name or DASH, ", ".join(p.keywords) or DASH) for p in a.pillars]
        blocks.append(table([t("col.pillar"), t("col.keywords")], keyword_rows))
    else:
        blocks.append(paragraph(t("note.no_pillars"), muted=True))
    if a.platform_roles:
        role_rows = [
            (translate(f"platform.{r.platform}", language), t(f"choice.role.{r.role}"), r.note or DASH)
            for r in a.platform_roles
        ]
        blocks.append(table([t("col.platform"), t("col.role"), t("col.note")], role_rows))
    return blocks


def _appearance(d: ContentDetails, language: str, t: Callable[..., str]) -> list[Block]:
    if not d.handles:
        return [paragraph(t("note.no_accounts"), muted=True)]
    rows = [
        (
            translate(f"platform.{h.network}", language),
            h.handle or DASH,
            h.normalized or DASH,
            t(f"handle_status.{h.status}"),
        )
        for h in d.handles
    ]
    blocks: list[Block] = [
        table([t("col.platform"), t("col.handle"), t("col.normalized"), t("col.status")], rows)
    ]
    blocks.append(paragraph(t("note.handles", reference=d.handle_reference or DASH), muted=True))
    profile_rows = []
    for p in d.profiles:
        if p.status == "not_recorded":
            state = t("profile_state.not_recorded")
        elif p.different or p.missing:
            state = t("profile_state.issues", different=len(p.different), missing=len(p.missing))
        else:
            state = t("profile_state.ok")
        profile_rows.append((t(f"profile.{p.field}"), state))
    blocks.append(table([t("col.profile_field"), t("col.status")], profile_rows))
    return blocks


def _calendar(d: ContentDetails, language: str, t: Callable[..., str]) -> list[Block]:
    if not d.calendar:
        return [paragraph(t("note.no_calendar"), muted=True)]
    rows = [
        (
            fmt_date(e.when.date(), language),
            t(f"weekday_short.{e.when.weekday()}"),
            e.when.strftime("%H:%M"),
            translate(f"platform.{e.platform}", language),
            translate(f"format.{e.format}", language) if e.format else DASH,
            e.pillar or DASH,
            e.target_group or DASH,
        )
        for e in d.calendar
    ]
    headers = [t(f"col.{k}") for k in ("date", "day", "time", "platform", "format", "pillar", "target_group")]
    blocks: list[Block] = [table(headers, rows, numeric=(2,))]
    plan_rows = [
        (
            translate(f"platform.{p.platform}", language),
            fmt_number(p.per_week, language, digits=1),
            t(f"frequency_source.{p.frequency_source}"),
            ", ".join(t(f"weekday_short.{day}") for day in p.weekdays[: max(p.ranked_weekdays, 0)]) or DASH,
            t("hour", hour=p.hour),
            t(f"hour_source.{p.hour_source}"),
        )
        for p in d.calendar_plans
    ]
    headers = [
        t(f"col.{k}")
        for k in ("platform", "per_week", "frequency_source", "best_days", "hour", "hour_source")
    ]
    blocks.append(table(headers, plan_rows, numeric=(1,)))
    link = f'<a href="{escape(CALENDAR_FILE, quote=True)}" download>{escape(CALENDAR_FILE)}</a>'
    blocks.append(
        f'<p class="smt-muted">{escape(t("note.csv_before"))} {link} {escape(t("note.csv_after"))}</p>'
    )
    return blocks


def render(result: Result, language: str) -> list[Block]:
    """Return the content page's tables and charts in ``language``."""
    d: ContentDetails = result.details

    def t(key: str, **params: object) -> str:
        return translate(f"content.{key}", language, **params)

    blocks: list[Block] = [heading(t("section.platforms"), "content.platforms")]
    if d.post_count:
        blocks += _activity(d, language, t)
        blocks += _rates(d, language, t)
    else:
        blocks.append(paragraph(t("note.no_posts"), muted=True))
    if d.post_count:
        blocks.append(heading(t("section.formats"), "content.formats"))
        blocks += _formats(d, language, t)
        blocks.append(heading(t("section.slots"), "content.slots"))
        blocks += _slots(d, language, t)
    blocks.append(heading(t("section.pillars"), "content.pillars"))
    blocks += _pillars(d, language, t)
    blocks.append(heading(t("section.appearance"), "content.appearance"))
    blocks += _appearance(d, language, t)
    blocks.append(heading(t("section.calendar"), "content.calendar"))
    blocks.append(
        paragraph(
            t("note.calendar", start=fmt_date(d.calendar_start, language), weeks=d.answers.calendar_weeks)
        )
    )
    blocks += _calendar(d, language, t)
    blocks.append(heading(t("section.sources"), "content.sources"))
    blocks.append(
        table(
            [t("col.assumption"), t("col.source")],
            [
                (t(f"source.{k}.what"), t(f"source.{k}.where"))
                for k in ("rates", "kaushik", "pillars", "calendar")
            ],
        )
    )
    return blocks
