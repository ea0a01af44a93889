"""The overview page's parts as escaped HTML fragments and PNG charts, in the report language."""

from __future__ import annotations

from html import escape

from smtoolkit.engagement import Engagement
from smtoolkit.formatting import fmt_date, fmt_decimal, fmt_number
from smtoolkit.i18n import render, translate
from smtoolkit.overview.analysis import STAGE_FLOORS, STAGES, ActionItem, Assessment
from smtoolkit.overview.charts import maturity_chart
from smtoolkit.overview.spec import OVERVIEW
from smtoolkit.present import charts
from smtoolkit.present.html import LIGHT_COLORS, STYLE, heading, paragraph, table

__all__ = [
    "due_week",
    "fmt_delta",
    "header_blocks",
    "method_blocks",
    "plan_blocks",
    "scores_blocks",
    "summary_blocks",
    "top_blocks",
]

_STYLE = """<style>
.smt-stage{display:inline-block;padding:.25em .8em;border-radius:1em;
 border:2px solid var(--smt-primary,#1f4e79);color:var(--smt-primary,#1f4e79);font-weight:600}
.smt-key-findings{padding-left:1.2em}
.smt-key-findings li{margin:.3em 0}
.smt-dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.4em}
@media (min-width:721px){.smt-plan th:nth-child(3){width:34%}}
</style>"""


def _t(key: str, language: str, **params: object) -> str:
    return translate(f"overview.{key}", language, **params)


def fmt_delta(delta: float | None, language: str) -> str:
    """A change in points with its sign and one decimal: ``+7,6``, ``−3,0``, ``±0,0``; ``–`` if none."""
    if delta is None:
        return "–"
    shown = fmt_number(abs(delta), language, digits=1)
    if shown == fmt_number(0, language, digits=1):
        return f"±{shown}"
    return f"+{shown}" if delta > 0 else f"−{shown}"


def due_week(item: ActionItem, language: str) -> str:
    """The ISO week of an action's due date (``KW 07/2027`` / ``Week 07/2027``)."""
    year, week = item.iso_week
    return _t("due_week", language, week=f"{week:02d}", year=str(year))


def _score(value: float | None, language: str) -> str:
    return fmt_number(value, language, digits=1) if value is not None else "–"


def header_blocks(engagement: Engagement, language: str) -> list[str]:
    """The page title, the client, and what the overview is."""
    color = engagement.settings.branding.primary_color
    return [
        STYLE.replace("<style>", f"<style>:root{{--smt-primary:{color}}}"),
        _STYLE,
        f'<h1 class="smt-title">{escape(OVERVIEW.title(language))}</h1>',
        paragraph(translate("page.for_client", language, client=engagement.client.name), muted=True),
        paragraph(_t("intro", language)),
    ]


def _index_card(a: Assessment, language: str) -> str:
    if a.index is None or a.light is None or a.stage is None:
        return ""
    label = translate(f"light.{a.light.value}", language)
    stage = _t("stage_label", language, stage=_t(f"stage.{a.stage}", language))
    return (
        f'<div class="smt-score"><span class="smt-muted">{escape(_t("index_label", language))}</span>'
        f'<span class="value">{escape(_score(a.index, language))}</span>'
        f'<span class="smt-muted">/ 100</span>'
        f'<span class="smt-light" style="background:{LIGHT_COLORS[a.light]}">{escape(label)}</span>'
        f'<span class="smt-stage">{escape(stage)}</span></div>'
    )


def summary_blocks(a: Assessment, language: str) -> list[str]:
    """Index, stage, change since the previous round, strengths, findings and plan size."""
    blocks = [heading(_t("section.summary", language), "overview.summary")]
    if not a.outcomes:
        return [*blocks, paragraph(_t("no_checks", language))]
    blocks.append(_index_card(a, language))
    if a.index is not None and a.light is not None and a.weakest is not None and a.stage is not None:
        blocks.append(
            paragraph(
                _t(
                    "headline",
                    language,
                    index=_score(a.index, language),
                    light=translate(f"light.{a.light.value}", language),
                    stage=_t(f"stage.{a.stage}", language),
                    check=a.weakest.spec.title(language),
                    score=_score(a.weakest.score, language),
                )
            )
        )
    else:
        blocks.append(paragraph(_t("headline_none", language)))
    previous = a.previous_round
    if previous is None:
        blocks.append(paragraph(_t("first_round", language), muted=True))
    elif a.index_delta is not None and a.previous_stage is not None:
        blocks.append(
            paragraph(
                _t(
                    "change" if a.compared_all else "change_partial",
                    language,
                    round=previous.name,
                    date=fmt_date(previous.date, language),
                    delta=fmt_delta(a.index_delta, language),
                    previous=_score(a.previous_index, language),
                    now=_score(a.comparable_index, language),
                    count=a.compared,
                    stage=_t(f"stage.{a.previous_stage}", language),
                )
            )
        )
    else:
        blocks.append(
            paragraph(
                _t("change_none", language, round=previous.name, date=fmt_date(previous.date, language))
            )
        )
    for light, key in (("green", "strong"), ("red", "weak")):
        names = [o.spec.title(language) for o in a.outcomes if o.result and o.result.light.value == light]
        if names:
            blocks.append(paragraph(_t(key, language, checks=", ".join(names))))
    for outcome in a.failed:
        blocks.append(
            paragraph(
                _t("not_evaluated", language, check=outcome.spec.title(language), error=outcome.error or "")
            )
        )
    if a.summary:
        blocks.append(paragraph(_t("findings", language)))
        items = "".join(
            f'<li><span class="smt-dot" style="background:{LIGHT_COLORS[item.light]}"></span>'
            f"<strong>{escape(item.spec.title(language))}</strong>: "
            f"{escape(render(item.finding, language))}</li>"
            for item in a.summary
        )
        blocks.append(f'<ul class="smt-key-findings">{items}</ul>')
    blocks.append(paragraph(_t("plan_count", language, count=len(a.plan), quick=a.quick_wins)))
    return blocks


def scores_blocks(a: Assessment, language: str, color: str = "#1f4e79") -> list[str]:
    """The radar (or bars) of the scores, and the table with stage, weight and change."""
    blocks = [heading(_t("section.scores", language), "overview.scores")]
    evaluated = [o for o in a.outcomes if o.result is not None]
    previous = a.previous_round
    if evaluated:
        labels = [o.spec.title(language) for o in evaluated]
        values = [o.score or 0.0 for o in evaluated]
        title = _t("chart.title", language)
        figure = maturity_chart(
            labels,
            values,
            [o.previous for o in evaluated] if previous else None,
            title=title,
            current_label=_t("chart.now", language, date=fmt_date(a.start, language)),
            previous_label=_t(
                "chart.previous", language, round=previous.name, date=fmt_date(previous.date, language)
            )
            if previous
            else "",
            color=color,
            bands=a.bands,
        )
        alt = _t(
            "chart.alt",
            language,
            values="; ".join(
                f"{label} {_score(v, language)}" for label, v in zip(labels, values, strict=True)
            ),
        )
        blocks.append(charts.image(figure, alt))
    headers = [_t(f"col.{k}", language) for k in ("check", "score", "light", "stage", "weight")]
    numeric = [1, 4]
    if previous:
        headers += [_t("col.previous", language, round=previous.name), _t("col.change", language)]
        numeric += [5, 6]
    rows = []
    for o in a.outcomes:
        result = o.result
        row = [
            o.spec.title(language),
            _score(o.score, language),
            translate(f"light.{result.light.value}", language)
            if result
            else _t("not_evaluated_short", language),
            _t(f"stage.{o.stage}", language) if o.stage else "–",
            fmt_decimal(o.weight, language),
        ]
        if previous:
            row += [_score(o.previous, language), fmt_delta(o.delta, language)]
        rows.append(row)
    blocks.append(table(headers, rows, numeric=numeric))
    if any(o.weight == 0 for o in a.outcomes):
        blocks.append(paragraph(_t("weight_zero", language), muted=True))
    return blocks


def _action_rows(items: tuple[ActionItem, ...], language: str, *, full: bool) -> list[list[str]]:
    rows = []
    for item in items:
        rec = item.recommendation
        row = [
            str(item.rank),
            _t(f"priority.{item.priority}", language),
            render(rec.text, language),
            item.spec.title(language),
        ]
        if full:
            row += [translate(f"level.{rec.impact}", language), translate(f"level.{rec.effort}", language)]
        row += [
            translate(f"role.{rec.owner}", language),
            due_week(item, language),
            fmt_date(item.due, language),
        ]
        rows.append(row)
    return rows


def _plan_table(headers: list[str], rows: list[list[str]], *, full: bool) -> str:
    css = "smt-plan smt-plan-full" if full else "smt-plan"
    return table(headers, rows, numeric=(0,)).replace('class="smt-table', f'class="{css} smt-table', 1)


def _action_headers(language: str, *, full: bool) -> list[str]:
    keys = ["rank", "priority", "action", "check"]
    if full:
        keys += ["impact", "effort"]
    keys += ["owner", "due_week", "due_date"]
    return [_t(f"col.{k}", language) for k in keys]


def top_blocks(a: Assessment, language: str) -> list[str]:
    """The first items of the action plan."""
    blocks = [heading(_t("section.top", language), "overview.top")]
    if not a.plan:
        return [*blocks, paragraph(_t("plan_none", language), muted=True)]
    blocks.append(
        _plan_table(
            _action_headers(language, full=False), _action_rows(a.top, language, full=False), full=False
        )
    )
    return blocks


def plan_blocks(a: Assessment, language: str) -> list[str]:
    """Every recommendation of every included check, quick wins first, with due weeks.

    One block, a ``smt-wide`` section: the PDF lays it out on landscape pages, heading and all.
    """
    blocks = [heading(_t("section.plan", language), "overview.plan")]
    key = "plan_start_workshop" if a.start_is_workshop else "plan_start_build"
    blocks.append(paragraph(_t(key, language, date=fmt_date(a.start, language)), muted=True))
    if not a.plan:
        blocks.append(paragraph(_t("plan_none", language), muted=True))
    else:
        blocks.append(
            _plan_table(
                _action_headers(language, full=True), _action_rows(a.plan, language, full=True), full=True
            )
        )
    return [f'<section class="smt-wide">{"".join(blocks)}</section>']


def method_blocks(language: str) -> list[str]:
    """How the index, the stage, the order and the due dates are computed; the stage bands."""
    blocks = [heading(_t("section.method", language), "overview.method")]
    for key in ("index", "stage"):
        blocks.append(paragraph(_t(f"method.{key}", language)))
    rows = []
    for position, (stage, floor) in enumerate(zip(STAGES, STAGE_FLOORS, strict=True)):
        top = STAGE_FLOORS[position + 1] - 0.1 if position + 1 < len(STAGE_FLOORS) else 100.0
        band = _t(
            "band",
            language,
            low=fmt_number(floor, language),
            high=fmt_number(top, language, digits=0 if top == 100 else 1),
        )
        rows.append([_t(f"stage.{stage}", language), band, _t(f"stage_desc.{stage}", language)])
    headers = [_t(f"col.{k}", language) for k in ("stage", "band", "meaning")]
    blocks.append(table(headers, rows))
    for key in ("priority", "due", "change"):
        blocks.append(paragraph(_t(f"method.{key}", language)))
    return blocks
