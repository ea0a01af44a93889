"""Small HTML fragments for notebook outputs; every piece of text is escaped here.

Notebooks display these through ``IPython.display.HTML``. Nothing here emits Markdown
or raw client text, so a client answer such as ``<script>`` always shows as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from smtoolkit.checks.base import Criterion, Light, Recommendation, Result
from smtoolkit.formatting import fmt_number
from smtoolkit.i18n import render, translate, translate_plural

__all__ = [
    "CARD_COLUMNS",
    "STYLE",
    "criteria_table",
    "findings_list",
    "heading",
    "paragraph",
    "recommendations_table",
    "score_card",
    "section_id",
    "table",
]

#: Tables with this many columns or more become stacked cards on a narrow screen.
CARD_COLUMNS = 5

LIGHT_COLORS = {Light.RED: "#c0392b", Light.AMBER: "#d68910", Light.GREEN: "#1e8449"}

STYLE = """<style>
.smt-section{margin:1.6em 0 .4em;border-bottom:2px solid var(--smt-primary,#1f4e79);
 color:var(--smt-primary,#1f4e79);font-size:1.35em}
.smt-score{display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center;margin:.6em 0 1em}
.smt-score .value{font-size:2.4em;font-weight:700}
.smt-light{display:inline-block;padding:.25em .8em;border-radius:1em;color:#fff;font-weight:600}
.smt-muted{color:#5b6570;font-size:.9em}
.smt-findings li{margin:.25em 0}
</style>"""


def section_id(key: str) -> str:
    """Return a stable HTML id for a section key (``effort.hours`` -> ``sec-effort-hours``)."""
    return "sec-" + re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def heading(text: str, key: str, *, level: int = 2) -> str:
    """A section heading that also becomes an entry of the page's table of contents."""
    return f'<h{level} id="{section_id(key)}" class="smt-section">{escape(text)}</h{level}>'


def paragraph(text: str, *, muted: bool = False) -> str:
    """A paragraph of escaped text."""
    css = ' class="smt-muted"' if muted else ""
    return f"<p{css}>{escape(text)}</p>"


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    numeric: Sequence[int] = (),
) -> str:
    """An escaped table; columns listed in ``numeric`` are right-aligned.

    Every cell carries its column's header as ``data-label``, so a table of
    :data:`CARD_COLUMNS` or more columns shows as one labelled card per row on a narrow screen.
    """
    head = "".join(
        f'<th class="num">{escape(str(h))}</th>' if i in numeric else f"<th>{escape(str(h))}</th>"
        for i, h in enumerate(headers)
    )
    cards = len(headers) >= CARD_COLUMNS
    labels = [f' data-label="{escape(str(h), quote=True)}"' if cards else "" for h in headers]
    body = []
    for row in rows:
        cells = "".join(
            f"<td{_cell_class(i, numeric)}{labels[i] if i < len(labels) else ''}>{escape(str(v))}</td>"
            for i, v in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    css = "smt-table smt-cards" if cards else "smt-table"
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _cell_class(index: int, numeric: Sequence[int]) -> str:
    return ' class="num"' if index in numeric else ""


def score_card(result: Result, language: str) -> str:
    """The score out of 100 with its traffic light and the light's meaning."""
    light = result.light
    color = LIGHT_COLORS[light]
    label = translate(f"light.{light.value}", language)
    score = fmt_number(result.score, language)
    return (
        f'<div class="smt-score"><span class="value">{escape(score)}</span>'
        f'<span class="smt-muted">/ 100</span>'
        f'<span class="smt-light" style="background:{color}">{escape(label)}</span></div>'
    )


def criteria_table(criteria: Sequence[Criterion], language: str) -> str:
    """The scoring criteria with the points each earned, so the score can be retraced."""
    rows = [
        (
            render(c.label, language),
            render(c.detail, language) if c.detail else "",
            f"{fmt_number(c.points, language, digits=1)} / {fmt_number(c.max_points, language)}",
        )
        for c in criteria
    ]
    headers = [translate(k, language) for k in ("common.criterion", "common.detail", "common.points")]
    return table(headers, rows, numeric=(2,))


def findings_list(result: Result, language: str) -> str:
    """The findings as a bulleted list."""
    items = "".join(f"<li>{escape(render(f, language))}</li>" for f in result.findings)
    return f'<ul class="smt-findings">{items}</ul>'


def recommendations_table(recommendations: Sequence[Recommendation], language: str) -> str:
    """The recommendations with impact, effort, owner and horizon, quick wins first."""
    # the action plan's order: quick wins (impact above effort) first, then by impact and horizon
    ordered = sorted(recommendations, key=lambda r: (r.effort - r.impact, -r.impact, r.horizon_weeks))
    rows = [
        (
            render(r.text, language),
            translate(f"level.{r.impact}", language),
            translate(f"level.{r.effort}", language),
            translate(f"role.{r.owner}", language),
            translate_plural("common.weeks", language, r.horizon_weeks, weeks=r.horizon_weeks),
        )
        for r in ordered
    ]
    keys = ("rec.action", "rec.impact", "rec.effort", "rec.owner", "rec.horizon")
    if not rows:
        return paragraph(translate("rec.none", language), muted=True)
    return table([translate(k, language) for k in keys], rows)
