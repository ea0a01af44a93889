"""The check 08 page body: alert timeline, backtest, current level, triage flow and playbook."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

from smtoolkit.checks.base import Result
from smtoolkit.checks.crisis.analysis import CrisisDetails
from smtoolkit.checks.crisis.detectors import alarm_runs
from smtoolkit.checks.crisis.model import PLAYBOOK
from smtoolkit.checks.crisis.rule import FALSE_ALARM_WEEKS
from smtoolkit.checks.crisis.scale import LEVELS, Rule
from smtoolkit.checks.registry import Block
from smtoolkit.formatting import fmt_date, fmt_decimal, fmt_number, fmt_percent
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["TRIAGE", "render"]

#: The US Air Force "Web Posting Response Assessment" (Air Force Public Affairs Agency,
#: 2008; public domain): the steps of the flow, in order.
TRIAGE = ("discover", "positive", "troll", "rager", "misguided", "unhappy")
CONSIDERATIONS = ("transparency", "sourcing", "timeliness", "tone", "influence")


def _plain(text: str) -> str:
    return charts.plain(text)


def _timeline(d: CrisisDetails, t: Any, language: str) -> str:
    assert d.signals is not None
    frame = d.signals
    runs = d.runs
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(8.5, 5.2), sharex=True, gridspec_kw={"height_ratios": [2.2, 1.6]}
    )
    top.fill_between(
        frame.index, frame["mentions"].to_numpy(), step="mid", color="#9fb6cd", label=t("chart.mentions")
    )
    top.fill_between(
        frame.index, frame["negative"].to_numpy(), step="mid", color="#c0392b", label=t("chart.negative")
    )
    top.set_title(t("chart.timeline", name=_plain(d.client_name)), loc="left", fontsize=11)
    top.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, language)))
    top.legend(loc="upper right", frameon=False, fontsize=9)
    top.spines[["top", "right"]].set_visible(False)
    labels = []
    for row, run in enumerate(runs):
        days = frame.index[run.detection.alarm]
        bottom.scatter(days, np.full(len(days), row), marker="|", s=90, color="#c0392b")
        labels.append(t(f"detector.{run.key}"))
    bottom.set_yticks(range(len(runs)), labels, fontsize=8)
    bottom.set_ylim(len(runs) - 0.5, -0.5)
    bottom.grid(axis="y", color="#e3e3e3", linewidth=0.6)
    bottom.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return charts.image(fig, t("chart.timeline", name=d.client_name))


def _hourly(d: CrisisDetails, t: Any, language: str) -> str:
    assert d.hourly is not None
    frame = d.hourly
    fig, ax = plt.subplots(figsize=(8.5, 3.0))
    ax.bar(frame.index, frame["mentions"].to_numpy(), width=1 / 24, align="edge", color="#9fb6cd")
    alert = frame["alert"].to_numpy(dtype=bool)
    ax.bar(
        frame.index[alert], frame["mentions"].to_numpy()[alert], width=1 / 24, align="edge", color="#c0392b"
    )
    ax.set_title(t("chart.hourly", name=_plain(d.client_name)), loc="left", fontsize=11)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, language)))
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return charts.image(fig, t("chart.hourly", name=d.client_name))


def _backtest_rows(d: CrisisDetails, language: str, t: Any) -> list[list[str]]:
    assert d.signals is not None
    index = d.signals.index
    rows = []
    for run in d.runs:
        episodes = alarm_runs(run.detection.alarm)
        spans = []
        for first, last in episodes:
            start = fmt_date(index[first].date(), language)
            spans.append(start if first == last else f"{start} – {fmt_date(index[last].date(), language)}")
        rows.append(
            [
                t(f"detector.{run.key}"),
                fmt_decimal(run.detection.threshold, language, max_digits=2),
                fmt_number(int(run.detection.alarm.sum()), language),
                fmt_number(len(episodes), language),
                "; ".join(spans) or "–",
            ]
        )
    return rows


def _rule_text(rule: Rule, t: Any, language: str) -> str:
    parts = [t("rule.negative", count=fmt_number(rule.negative, language))]
    if rule.ratio:
        parts.append(t("rule.ratio", ratio=fmt_decimal(rule.ratio, language)))
    if rule.share:
        parts.append(t("rule.share", share=fmt_percent(rule.share, language)))
    if rule.types:
        parts.append(t("rule.types", count=fmt_number(rule.types, language)))
    if rule.news:
        parts.append(t("rule.news", count=fmt_number(rule.news, language)))
    if rule.outlets:
        parts.append(t("rule.outlets", count=fmt_number(rule.outlets, language)))
    return "; ".join(parts)


def render(result: Result, language: str) -> list[Block]:
    """Return the crisis page's tables and charts in ``language``."""
    d: CrisisDetails = result.details

    def t(key: str, **params: object) -> str:
        return translate(f"crisis.{key}", language, **params)

    blocks: list[Block] = [heading(t("section.level"), "crisis.level")]
    if d.signals is None or d.levels is None:
        blocks.append(paragraph(t("note.no_data"), muted=True))
    else:
        current = d.current_level or 0
        last = d.signals.index[-1].date()
        blocks.append(
            paragraph(
                t("note.current", level=current, name=t(f"level.{current}"), date=fmt_date(last, language))
            )
        )
        peak = d.peak
        if peak is not None:
            blocks.append(
                paragraph(
                    t(
                        "note.peak",
                        level=peak[1],
                        name=t(f"level.{peak[1]}"),
                        date=fmt_date(peak[0], language),
                    )
                )
            )
        counts = d.levels.value_counts()
        rows = []
        for level in range(7):
            rule = next((r for r in LEVELS if r.level == level), None)
            rows.append(
                [
                    ("▶ " if level == current else "") + str(level),
                    t(f"level.{level}"),
                    t("rule.calm") if rule is None else _rule_text(rule, t, language),
                    fmt_number(int(counts.get(level, 0)), language),
                ]
            )
        blocks.append(
            table([t("col.level"), t("col.meaning"), t("col.rule"), t("col.days")], rows, numeric=(3,))
        )
        blocks.append(paragraph(t("note.scale"), muted=True))

        blocks.append(heading(t("section.alerts"), "crisis.alerts"))
        blocks.append(_timeline(d, t, language))
        blocks.append(
            table(
                [
                    t("col.detector"),
                    t("col.threshold"),
                    t("col.alert_days"),
                    t("col.episodes"),
                    t("col.when"),
                ],
                _backtest_rows(d, language, t),
                numeric=(1, 2, 3),
            )
        )
        a = d.answers.alert
        blocks.append(
            paragraph(
                t(
                    "note.detectors",
                    threshold=fmt_decimal(a.threshold, language, max_digits=1),
                    jump=fmt_decimal(a.expert.jump or 0.0, language, max_digits=1),
                    excess=fmt_number(a.min_excess, language),
                    weeks=fmt_number(FALSE_ALARM_WEEKS, language),
                ),
                muted=True,
            )
        )
        if d.hourly is not None:
            blocks.append(heading(t("section.hourly"), "crisis.hourly"))
            blocks.append(_hourly(d, t, language))
            blocks.append(
                paragraph(
                    t(
                        "note.hourly",
                        threshold=fmt_decimal(a.threshold, language, max_digits=1),
                        h=fmt_decimal(a.expert.cusum_h_hourly or 0.0, language, max_digits=1),
                    ),
                    muted=True,
                )
            )

    blocks.append(heading(t("section.triage"), "crisis.triage"))
    blocks.append(paragraph(t("note.triage")))
    blocks.append(
        table(
            [t("col.step"), t("col.question"), t("col.action")],
            [
                [str(i + 1), t(f"triage.{step}.question"), t(f"triage.{step}.action")]
                for i, step in enumerate(TRIAGE)
            ],
            numeric=(0,),
        )
    )
    blocks.append(
        table(
            [t("col.consideration"), t("col.meaning")],
            [[t(f"consider.{c}.name"), t(f"consider.{c}.text")] for c in CONSIDERATIONS],
        )
    )

    blocks.append(heading(t("section.playbook"), "crisis.playbook"))
    done = set(d.answers.playbook)
    blocks.append(
        table(
            [t("col.item"), t("col.done")],
            [[t(f"choice.playbook.{item}"), "✓" if item in done else "✗"] for item in PLAYBOOK],
        )
    )

    blocks.append(heading(t("section.method"), "crisis.method"))
    blocks.append(
        table(
            [t("col.method"), t("col.source")],
            [
                (t(f"source.{k}.what"), t(f"source.{k}.where"))
                for k in ("bitkom", "robust", "nbcusum", "scale", "triage")
            ],
        )
    )
    return blocks
