"""The check 10 page body: guideline checklist and draft, survey results, training plan."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from html import escape

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from smtoolkit.checks.base import Result
from smtoolkit.checks.people.analysis import (
    PeopleDetails,
    SurveyResult,
    join_params,
    reliability_level,
)
from smtoolkit.checks.people.survey import Group, ItemStats, lowest_group
from smtoolkit.checks.registry import Block
from smtoolkit.formatting import fmt_date, fmt_number, fmt_percent
from smtoolkit.i18n import render as render_text
from smtoolkit.i18n import translate
from smtoolkit.messages import Message, Term
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]

#: Colours of the answers 1 (strongly disagree) to 5 (strongly agree).
LIKERT_COLORS = ("#b03a2e", "#e59c7b", "#cfd4d9", "#8fb3d9", "#1f4e79")
DRAFT_STYLE = (
    "border:1px solid #c9d3dd;border-radius:4px;padding:.4em 1.4em 1em;margin:.6em 0 1em;"
    "background:#fbfcfd;max-width:52em"
)

Translate = Callable[..., str]


def _plain(text: str) -> str:
    """Client text for a matplotlib label: ``$`` would start mathtext."""
    return text.replace("$", r"\$")


def _num(value: float | None, language: str, digits: int = 2) -> str:
    return "–" if value is None else fmt_number(value, language, digits=digits)


def _pct(value: float | None, language: str) -> str:
    return "–" if value is None else fmt_percent(value, language)


def _group_label(group: Group, language: str) -> str:
    if group.label is not None:
        return group.label
    members = [m if m is not None else Term("people.group.not_stated") for m in group.members]
    return render_text(Message("people.group.pooled_with", {"members": join_params(members)}), language)


# --- guidelines -----------------------------------------------------------------------------


def _guideline_blocks(d: PeopleDetails, language: str, t: Translate) -> list[Block]:
    cov = d.coverage
    groups = (
        ("covered", cov.covered),
        ("partly", cov.partly),
        ("missing", cov.missing),
        ("not_applicable", cov.not_applicable),
    )
    rows = [
        (
            t(f"choice.status.{status}"),
            fmt_number(len(topics), language),
            render_text(join_params([Term(f"people.choice.topic.{x}") for x in topics]), language)
            if topics
            else "–",
        )
        for status, topics in groups
    ]
    return [
        heading(t("section.guidelines"), "people.guidelines"),
        table([t("col.status"), t("col.count"), t("col.topics")], rows, numeric=(1,)),
        paragraph(t("note.coverage", share=fmt_percent(cov.share, language))),
    ]


def _draft_html(d: PeopleDetails, language: str) -> str:
    def text(message: Message) -> str:
        return escape(render_text(message, language))

    parts = [f'<div class="smt-draft" style="{DRAFT_STYLE}">']
    parts.append(f'<h3 style="margin:.7em 0 .4em">{text(d.draft_title)}</h3>')
    parts.extend(f"<p>{text(m)}</p>" for m in d.draft_preamble)
    for section in d.draft_sections:
        parts.append(f'<h4 style="margin:1.1em 0 .3em">{section.number}. {text(section.title)}</h4>')
        contacts: list[str] = []
        for message in section.paragraphs:
            if message.key == "people.draft.contact_line":
                contacts.append(f"<li>{text(message)}</li>")
                continue
            if contacts:
                parts.append(f"<ul>{''.join(contacts)}</ul>")
                contacts = []
            if message.key == "people.draft.open_point":
                parts.append(f'<p class="smt-muted"><em>{text(message)}</em></p>')
            else:
                parts.append(f"<p>{text(message)}</p>")
        if contacts:
            parts.append(f"<ul>{''.join(contacts)}</ul>")
    parts.append("</div>")
    return "".join(parts)


def _draft_blocks(d: PeopleDetails, language: str, t: Translate) -> list[Block]:
    blocks: list[Block] = [heading(t("section.draft"), "people.draft")]
    if not d.draft_sections:
        blocks.append(paragraph(t("note.draft_empty"), muted=True))
        return blocks
    blocks.append(paragraph(t("note.draft"), muted=True))
    blocks.append(_draft_html(d, language))
    if d.coverage.missing:
        topics = join_params([Term(f"people.choice.topic.{x}") for x in d.coverage.missing])
        blocks.append(
            paragraph(
                render_text(Message("people.note.draft_missing", {"topics": topics}), language), muted=True
            )
        )
    return blocks


# --- survey ---------------------------------------------------------------------------------


def _item_axis_label(d: PeopleDetails, s: ItemStats, t: Translate) -> str:
    label = d.item_label(s.item)
    if s.reverse:
        label = f"{label} {t('reverse_mark')}"
    return _plain("\n".join(textwrap.wrap(label, 48)) or s.item)


def _extent(items: Sequence[ItemStats]) -> float:
    """Half the width of the chart in percent: the longest side, rounded up to 25 %."""
    longest = 0.0
    for s in items:
        shares = s.shares()
        longest = max(longest, shares[0] + shares[1] + shares[2] / 2, shares[3] + shares[4] + shares[2] / 2)
    return float(min(100, max(50, 25 * math.ceil(longest * 4 - 1e-9))))


def _likert_figure(d: PeopleDetails, items: Sequence[ItemStats], language: str, t: Translate) -> Figure:
    lines = sum(max(1, _item_axis_label(d, s, t).count("\n") + 1) for s in items)
    fig, ax = plt.subplots(figsize=(8.6, 0.36 * lines + 0.25 * len(items) + 1.6))
    positions = list(range(len(items)))[::-1]
    legend = [t(f"likert.{p}") for p in range(1, 6)]
    for pos, s in zip(positions, items, strict=True):
        shares = s.shares()
        start = -(shares[0] + shares[1] + shares[2] / 2)
        for point, width in enumerate(shares):
            ax.barh(
                pos,
                width * 100,
                left=start * 100,
                color=LIKERT_COLORS[point],
                edgecolor="white",
                linewidth=0.6,
                height=0.7,
                label=legend[point] if pos == positions[0] else None,
            )
            if width >= 0.08:
                ax.text(
                    (start + width / 2) * 100,
                    pos,
                    fmt_percent(width, language),
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color="white" if point in (0, 4) else "#222",
                )
            start += width
    ax.axvline(0, color="#333", linewidth=0.8)
    ax.set_yticks(positions, [_item_axis_label(d, s, t) for s in items], fontsize=8.5)
    ax.set_xlim(-_extent(items), _extent(items))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_percent(abs(v) / 100, language)))
    ax.set_title(t("chart.likert"), loc="left", fontsize=11, pad=26)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=5, frameon=False, fontsize=8)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return fig


def _survey_source(d: PeopleDetails, language: str, t: Translate) -> str:
    s = d.survey
    files = render_text(join_params(list(s.data.files)), language)
    frame = s.data.frame
    times = (
        pd.to_datetime(frame["submitted_at"]).dropna()
        if frame is not None and "submitted_at" in frame
        else pd.Series(dtype="datetime64[ns]")
    )
    if len(times):
        return t(
            "note.survey_source",
            files=files,
            respondents=fmt_number(s.respondents, language),
            first=fmt_date(times.min().date(), language),
            last=fmt_date(times.max().date(), language),
        )
    return t("note.survey_source_undated", files=files, respondents=fmt_number(s.respondents, language))


def _item_rows(d: PeopleDetails, language: str, t: Translate) -> list[list[str]]:
    needs = {n.item for n in d.survey.needs}
    rows = []
    for s in d.survey.items:
        wording = d.item_texts.get(s.item)
        label = f"{wording} ({s.item})" if wording else s.item
        if s.reverse:
            label = f"{label} {t('reverse_mark')}"
        rows.append(
            [
                label,
                d.scale_label(s.scale),
                fmt_number(s.n, language),
                _num(s.mean, language),
                _num(s.sd, language),
                _pct(s.top2, language),
                t("need_mark") if s.item in needs else "–",
            ]
        )
    return rows


def _survey_blocks(d: PeopleDetails, language: str, t: Translate) -> list[Block]:
    s = d.survey
    blocks: list[Block] = [heading(t("section.survey"), "people.survey")]
    if not s.usable:
        blocks.append(paragraph(t("note.no_survey"), muted=True))
        return blocks
    blocks.append(paragraph(_survey_source(d, language, t)))
    answered = [x for x in s.items if x.n]
    if answered:
        blocks.append(charts.image(_likert_figure(d, answered, language, t), t("chart.likert_alt")))
        blocks.append(paragraph(t("note.chart"), muted=True))
    headers = [t(f"col.{k}") for k in ("item", "scale", "n", "mean", "sd", "top2", "need")]
    blocks.append(table(headers, _item_rows(d, language, t), numeric=(2, 3, 4, 5)))
    blocks.append(paragraph(t("note.items"), muted=True))
    return blocks


def _reliability_blocks(d: PeopleDetails, language: str, t: Translate) -> list[Block]:
    s = d.survey
    if not s.usable:
        return []
    rows = []
    for a in s.alphas:
        if a.alpha is None:
            value = t("undefined")
            verdict = render_text(Term(f"people.alpha_reason.{a.reason}"), language)
        else:
            value = fmt_number(a.alpha, language, digits=2)
            verdict = t(f"reliability.{reliability_level(a.alpha)}")
        rows.append(
            (d.scale_label(a.scale), fmt_number(a.k, language), fmt_number(a.n, language), value, verdict)
        )
    headers = [t(f"col.{k}") for k in ("scale", "items", "complete", "alpha", "verdict")]
    return [
        heading(t("section.reliability"), "people.reliability"),
        table(headers, rows, numeric=(1, 2, 3)),
        paragraph(t("note.alpha"), muted=True),
    ]


def _department_blocks(d: PeopleDetails, language: str, t: Translate) -> list[Block]:
    s, a = d.survey, d.answers
    if not s.usable or s.breakdown is None:
        return []
    blocks: list[Block] = [heading(t("section.departments"), "people.departments")]
    b = s.breakdown
    if not b.groups:
        reason = render_text(
            Message(
                "people.finding.no_department"
                if b.reason == "no_department"
                else f"people.finding.breakdown_{b.reason}",
                {"min": a.min_group_size},
            ),
            language,
        )
        blocks.append(paragraph(t("note.no_breakdown", reason=reason), muted=True))
        return blocks
    threshold = a.training_threshold

    def cell(group: Group, scale: str) -> str:
        mean, top2 = group.means.get(scale), group.top2.get(scale)
        if mean is None or top2 is None:
            return "–"
        mark = " ▼" if top2 < threshold else ""
        return f"{fmt_number(mean, language, digits=1)} ({fmt_percent(top2, language)}){mark}"

    headers = [t("col.group"), t("col.n"), *[d.scale_label(x) for x in s.scales]]
    rows = [
        [_group_label(g, language), fmt_number(g.n, language), *[cell(g, x) for x in s.scales]]
        for g in b.groups
    ]
    blocks.append(table(headers, rows, numeric=tuple(range(1, len(headers)))))
    blocks.append(
        paragraph(
            t("note.departments", min=a.min_group_size, threshold=fmt_percent(threshold, language)),
            muted=True,
        )
    )
    return blocks


def _lowest_group_text(d: PeopleDetails, scale: str, language: str) -> str:
    low = lowest_group(d.survey.breakdown, scale)
    top2 = low.top2.get(scale) if low is not None else None
    if low is None or top2 is None:
        return "–"
    return f"{_group_label(low, language)} ({fmt_percent(top2, language)})"


def _needs_blocks(d: PeopleDetails, language: str, t: Translate) -> list[Block]:
    s = d.survey
    threshold = fmt_percent(d.answers.training_threshold, language)
    blocks: list[Block] = [heading(t("section.needs"), "people.needs")]
    if not s.usable:
        blocks.append(paragraph(t("note.no_survey"), muted=True))
        return blocks
    blocks.append(paragraph(t("note.needs", threshold=threshold)))
    if not s.needs:
        blocks.append(paragraph(t("note.no_needs", threshold=threshold), muted=True))
        return blocks
    rows = [
        (
            d.item_label(n.item),
            d.scale_label(n.scale),
            fmt_number(n.n, language),
            _pct(n.top2, language),
            _lowest_group_text(d, n.scale, language),
        )
        for n in s.needs
    ]
    headers = [t(f"col.{k}") for k in ("item", "scale", "n", "top2", "lowest_group")]
    blocks.append(table(headers, rows, numeric=(2, 3)))
    return blocks


def _survey_departments(s: SurveyResult) -> list[str]:
    frame = s.data.frame
    if frame is None or "department" not in frame:
        return []
    names = frame["department"].dropna().astype(str).str.strip()
    return sorted({n for n in names if n}, key=str.casefold)


def _training_blocks(d: PeopleDetails, language: str, t: Translate) -> list[Block]:
    blocks: list[Block] = [heading(t("section.training"), "people.training")]
    if not d.trainings:
        blocks.append(paragraph(t("note.no_trainings"), muted=True))
        return blocks
    plan_rows = [
        (
            r.training.training or "–",
            fmt_date(r.training.date, language) if r.training.date else "–",
            r.training.department or t("all_departments"),
            fmt_number(r.training.invited, language),
            fmt_number(r.training.attended, language) if r.training.attended is not None else "–",
            t(f"state.{r.state}"),
        )
        for r in sorted(d.trainings, key=lambda r: (r.training.date is None, r.training.date or d.reference))
    ]
    headers = [t(f"col.{k}") for k in ("training", "date", "department", "invited", "attended", "state")]
    blocks.append(table(headers, plan_rows, numeric=(3, 4)))
    coverage_rows = [
        (
            c.department or t("all_departments"),
            fmt_number(c.held, language),
            fmt_number(c.planned, language),
            fmt_number(c.not_recorded, language),
            fmt_number(c.invited, language),
            fmt_number(c.attended, language),
            _pct(c.rate, language),
        )
        for c in d.departments
    ]
    headers = [
        t(f"col.{k}")
        for k in ("department", "held", "planned", "not_recorded", "invited", "attended", "rate")
    ]
    blocks.append(table(headers, coverage_rows, numeric=(1, 2, 3, 4, 5, 6)))
    blocks.append(
        paragraph(t("note.coverage_by_department", date=fmt_date(d.reference, language)), muted=True)
    )
    trained = {r.training.department.casefold() for r in d.trainings}
    if "" not in trained:
        missing = [n for n in _survey_departments(d.survey) if n.casefold() not in trained]
        if missing:
            listed = render_text(join_params(missing), language)
            blocks.append(paragraph(t("note.without_training", departments=listed)))
    return blocks


def _sources_blocks(d: PeopleDetails, t: Translate) -> list[Block]:
    rows = [
        (t(f"source.{k}.what", min=d.answers.min_group_size), t(f"source.{k}.where"))
        if k == "anonymity"
        else (t(f"source.{k}.what"), t(f"source.{k}.where"))
        for k in ("topics", "sd", "alpha", "alpha_levels", "anonymity")
    ]
    return [heading(t("section.sources"), "people.sources"), table([t("col.method"), t("col.source")], rows)]


def render(result: Result, language: str) -> list[Block]:
    """Return the people page's tables, draft and charts in ``language``."""
    d: PeopleDetails = result.details

    def t(key: str, **params: object) -> str:
        return translate(f"people.{key}", language, **params)

    return [
        *_guideline_blocks(d, language, t),
        *_draft_blocks(d, language, t),
        *_survey_blocks(d, language, t),
        *_reliability_blocks(d, language, t),
        *_department_blocks(d, language, t),
        *_needs_blocks(d, language, t),
        *_training_blocks(d, language, t),
        *_sources_blocks(d, t),
    ]
