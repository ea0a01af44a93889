"""The check 06 page body: volume, share of voice, sentiment, sources, authors, topics, examples.

Only aggregates and a handful of example mentions reach the page (charts and top-N
tables), so its size does not grow with the export. Every text is escaped by
:mod:`smtoolkit.present.html`; authors appear only as aliases unless pseudonymization is
switched off.
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

from smtoolkit.checks.base import Result
from smtoolkit.checks.monitoring.analysis import MonitoringDetails
from smtoolkit.checks.registry import Block
from smtoolkit.formatting import fmt_date, fmt_number, fmt_percent
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table
from smtoolkit.sentiment.engagement import MIN_LABELS

#: Sentiment origins in the order the page names them (keys of ``origin_counts``).
ORIGINS = ("export", "confirmed", "classifier", "lexicon", "none")

__all__ = ["render", "signed_points"]

PALETTE = ["#1f4e79", "#c0392b", "#d68910", "#1e8449", "#7d3c98", "#5b6570", "#117a65", "#a04000"]


def _plain(text: str) -> str:
    """Client text for a chart: drawn as written (see :func:`smtoolkit.present.charts.plain`)."""
    return charts.plain(text)


def signed_points(value: float | None, language: str) -> str:
    """Net sentiment (−1..1) in points with its sign: +12 / −7 / 0; – when unknown."""
    if value is None or np.isnan(value):
        return "–"
    points = round(value * 100)
    sign = "+" if points > 0 else ("−" if points < 0 else "")
    return sign + fmt_number(abs(points), language)


def _entity_name(d: MonitoringDetails, name: str, t: Any) -> str:
    return d.client_name if name == "" else name


def _volume_chart(d: MonitoringDetails, t: Any, language: str) -> str:
    assert d.weeks is not None
    fig, ax = plt.subplots(figsize=(8.5, 3.6))
    products = {e.name for e in d.entities if e.kind == "product"}
    for index, column in enumerate(d.weeks.columns):
        ax.plot(
            d.weeks.index,
            d.weeks[column].to_numpy(),
            color=PALETTE[index % len(PALETTE)],
            linewidth=2.2 if column == "" else 1.4,
            linestyle="--" if column in products else "-",
            label=_plain(_entity_name(d, str(column), t)),
        )
    ax.set_title(t("chart.volume"), loc="left", fontsize=11)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, language)))
    ax.legend(loc="upper left", frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return charts.image(fig, t("chart.volume"))


def _daily_chart(d: MonitoringDetails, t: Any, language: str) -> str:
    assert d.days is not None
    fig, ax = plt.subplots(figsize=(8.5, 3.2))
    # filled steps instead of one bar per day: the same picture, drawn in constant time
    ax.fill_between(
        d.days.index, d.days["mentions"].to_numpy(), step="mid", color="#9fb6cd", label=t("chart.all")
    )
    ax.fill_between(
        d.days.index, d.days["negative"].to_numpy(), step="mid", color="#c0392b", label=t("chart.negative")
    )
    ax.set_title(t("chart.daily", name=_plain(d.client_name)), loc="left", fontsize=11)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, language)))
    ax.legend(loc="upper right", frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return charts.image(fig, t("chart.daily", name=d.client_name))


def _share_chart(d: MonitoringDetails, t: Any, language: str) -> str:
    entities = [d.entities[0], *(e for e in d.entities if e.kind == "competitor")]
    count_total = sum(e.mentions for e in entities) or 1
    reach_total = sum(e.reach for e in entities) or 1.0
    labels = [_plain(_entity_name(d, e.name, t)) for e in entities]
    positions = np.arange(len(entities))[::-1]
    fig, ax = plt.subplots(figsize=(8.5, 0.7 * len(entities) + 1.3))
    ax.barh(
        positions + 0.2,
        [e.mentions / count_total * 100 for e in entities],
        0.38,
        color=PALETTE[0],
        label=t("chart.by_count"),
    )
    ax.barh(
        positions - 0.2,
        [e.reach / reach_total * 100 for e in entities],
        0.38,
        color="#9fb6cd",
        label=t("chart.by_reach"),
    )
    ax.set_yticks(positions, labels)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_percent(v / 100, language)))
    ax.set_title(t("chart.share"), loc="left", fontsize=11, pad=22)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return charts.image(fig, t("chart.share"))


def _sentiment_chart(d: MonitoringDetails, t: Any, language: str) -> str:
    assert d.week_sentiment is not None
    fig, ax = plt.subplots(figsize=(8.5, 3.0))
    values = d.week_sentiment.to_numpy() * 100
    ax.plot(d.week_sentiment.index, values, color=PALETTE[0], linewidth=1.8)
    ax.axhline(0, color="#333", linewidth=0.8)
    ax.set_ylim(-100, 100)
    ax.set_title(t("chart.sentiment", name=_plain(d.client_name)), loc="left", fontsize=11)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, language)))
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return charts.image(fig, t("chart.sentiment", name=d.client_name))


def _entity_rows(d: MonitoringDetails, language: str, t: Any) -> list[list[str]]:
    rows = []
    for e in d.entities:
        label = d.client_name if e.kind == "client" else e.name
        kind = t(f"kind.{e.kind}")
        rows.append(
            [
                label,
                kind,
                fmt_number(e.mentions, language),
                fmt_number(e.reach, language),
                fmt_number(e.positive, language),
                fmt_number(e.neutral, language),
                fmt_number(e.negative, language),
                signed_points(e.net_sentiment, language),
            ]
        )
    return rows


def render(result: Result, language: str) -> list[Block]:
    """Return the monitoring page's tables and charts in ``language``."""
    d: MonitoringDetails = result.details

    def t(key: str, **params: object) -> str:
        return translate(f"monitoring.{key}", language, **params)

    blocks: list[Block] = [heading(t("section.volume"), "monitoring.volume")]
    m = d.mentions
    if m is None or m.table.empty:
        blocks.append(paragraph(t("note.no_data"), muted=True))
        blocks.extend(_method(t))
        return blocks
    assert m.first_day is not None and m.last_day is not None
    blocks.append(
        paragraph(
            t(
                "note.data",
                files=", ".join(m.files) or "–",
                first=fmt_date(m.first_day, language),
                last=fmt_date(m.last_day, language),
                total=fmt_number(len(m.table), language),
            ),
            muted=True,
        )
    )
    blocks.append(_volume_chart(d, t, language))
    blocks.append(_daily_chart(d, t, language))
    headers = [
        t(f"col.{k}")
        for k in ("entity", "kind", "mentions", "reach", "positive", "neutral", "negative", "net_sentiment")
    ]
    blocks.append(table(headers, _entity_rows(d, language, t), numeric=(2, 3, 4, 5, 6, 7)))

    blocks.append(heading(t("section.share"), "monitoring.share"))
    if d.share_count is None:
        blocks.append(paragraph(t("note.no_competitors"), muted=True))
    else:
        blocks.append(_share_chart(d, t, language))
        blocks.append(
            paragraph(
                t(
                    "note.share",
                    count=fmt_percent(d.share_count, language),
                    reach=fmt_percent(d.share_reach or 0.0, language),
                )
            )
        )

    blocks.append(heading(t("section.sentiment"), "monitoring.sentiment"))
    blocks.append(paragraph(t("note.net_sentiment", value=signed_points(d.net_sentiment, language))))
    blocks.append(_sentiment_chart(d, t, language))
    counts = {k: fmt_number(d.origin_counts.get(k, 0), language) for k in ORIGINS}
    blocks.append(paragraph(t("note.origin", **counts), muted=True))
    info = m.classifier
    if info is not None and info.fallback is None:
        accuracy = "–" if info.accuracy is None else fmt_percent(info.accuracy, language)
        key = "note.classifier_lexicon" if info.method == "lexicon" else "note.classifier"
        method = t(f"classifier_method.{info.method or 'balanced'}")
        blocks.append(
            paragraph(
                t(key, labels=fmt_number(info.labels, language), accuracy=accuracy, method=method), muted=True
            )
        )
    elif info is not None:
        blocks.append(
            paragraph(
                t(
                    "note.classifier_fallback",
                    minimum=fmt_number(MIN_LABELS, language),
                    labels=fmt_number(info.labels, language),
                ),
                muted=True,
            )
        )

    blocks.append(heading(t("section.sources"), "monitoring.sources"))
    if d.sources is not None and not d.sources.empty:
        rows = [
            [
                str(source),
                fmt_number(record["mentions"], language),
                fmt_number(record["reach"], language),
                signed_points(record["net_sentiment"], language),
            ]
            for source, record in d.sources.iterrows()
        ]
        blocks.append(
            table(
                [t("col.source"), t("col.mentions"), t("col.reach"), t("col.net_sentiment")],
                rows,
                numeric=(1, 2, 3),
            )
        )
    if d.authors:
        prefix = t("author_prefix") if d.answers.pseudonymize else ""
        rows = [
            [f"{prefix}{name}", fmt_number(count, language), fmt_number(reach, language)]
            for name, count, reach in d.authors
        ]
        blocks.append(table([t("col.author"), t("col.mentions"), t("col.reach")], rows, numeric=(1, 2)))
    blocks.append(
        paragraph(
            t("note.pseudonyms" if d.answers.pseudonymize else "note.names")
            + ("" if d.secret_key or not d.answers.pseudonymize else " " + t("note.weak_key")),
            muted=True,
        )
    )

    blocks.append(heading(t("section.topics"), "monitoring.topics"))
    if d.topics:
        rows = [
            [name, fmt_number(count, language), fmt_percent(share, language), signed_points(ns, language)]
            for name, count, share, ns in d.topics
        ]
        blocks.append(
            table(
                [t("col.topic"), t("col.mentions"), t("col.share"), t("col.net_sentiment")],
                rows,
                numeric=(1, 2, 3),
            )
        )
    else:
        blocks.append(paragraph(t("note.no_topics"), muted=True))
    if d.terms:
        rows = [[word, fmt_number(count, language)] for word, count in d.terms]
        blocks.append(table([t("col.term"), t("col.count")], rows, numeric=(1,)))
        blocks.append(paragraph(t("note.terms"), muted=True))

    blocks.append(heading(t("section.examples"), "monitoring.examples"))
    if d.examples:
        prefix = t("author_prefix") if d.answers.pseudonymize else ""
        rows = [
            [
                fmt_date(e.day, language),
                e.source,
                f"{prefix}{e.author}" if e.author else "–",
                fmt_number(e.reach, language),
                e.text,
            ]
            for e in d.examples
        ]
        blocks.append(
            table(
                [t("col.date"), t("col.source"), t("col.author"), t("col.reach"), t("col.text")],
                rows,
                numeric=(3,),
            )
        )
    else:
        blocks.append(paragraph(t("note.no_examples"), muted=True))
    blocks.extend(_method(t))
    return blocks


def _method(t: Any) -> list[Block]:
    return [
        heading(t("section.method"), "monitoring.method"),
        table(
            [t("col.assumption"), t("col.source")],
            [
                (t(f"source.{k}.what"), t(f"source.{k}.where"))
                for k in ("bitkom", "share", "sentiment", "vader", "german", "language", "privacy")
            ],
        ),
    ]
