"""The report folder's ``index.html`` and ``build.json``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from smtoolkit._version import __version__
from smtoolkit.atomic import write_atomic
from smtoolkit.build.incremental import toolkit_fingerprint
from smtoolkit.build.tasks import PageSpec, TaskResult
from smtoolkit.checks.base import Result
from smtoolkit.checks.registry import CheckSpec
from smtoolkit.engagement import Engagement
from smtoolkit.formatting import fmt_number
from smtoolkit.i18n import translate
from smtoolkit.overview.analysis import Assessment
from smtoolkit.overview.spec import OVERVIEW
from smtoolkit.present.html import LIGHT_COLORS
from smtoolkit.resources import templates_dir

__all__ = ["PageEntry", "write_build_json", "write_index"]


@dataclass(frozen=True)
class PageEntry:
    """One line of the index: a check (or an extra notebook), its page and its outcome."""

    spec: CheckSpec | PageSpec
    result: TaskResult


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir() / "site")),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def _failed_row(row: dict[str, Any], res: TaskResult, language: str) -> None:
    row["status_text"] = translate("report.failed", language)
    row["error"] = translate("report.failed_detail", language, cell=res.cell or "–", error=res.error or "")


def _overview_row(result: TaskResult, assessment: Assessment | None, language: str) -> dict[str, Any]:
    row: dict[str, Any] = {
        "title": OVERVIEW.title(language),
        "status": result.status,
        "href": None,
        "score": "–",
    }
    if not result.ok:
        _failed_row(row, result, language)
        return row
    row["href"] = OVERVIEW.page
    if assessment is not None and assessment.index is not None and assessment.light is not None:
        row.update(
            score=fmt_number(assessment.index, language),
            light=translate(f"light.{assessment.light.value}", language),
            color=LIGHT_COLORS[assessment.light],
            note=translate(
                "overview.stage_label",
                language,
                stage=translate(f"overview.stage.{assessment.stage}", language),
            ),
        )
    return row


def write_index(
    engagement: Engagement,
    entries: list[PageEntry],
    out_dir: Path,
    language: str,
    context: dict[str, Any],
    *,
    overview: TaskResult | None = None,
    assessment: Assessment | None = None,
    downloads: Sequence[tuple[str, str]] = (),
    extras: Sequence[PageEntry] = (),
) -> Path:
    """Write ``index.html``: the overview, every check page, then ``extras``; failed ones marked.

    ``downloads`` are (label, file name) pairs listed under the table, e.g. the combined
    report and the action plan. Scores come from ``assessment`` when it has the check.
    """
    known: dict[str, Result] = {}
    if assessment is not None:
        known = {o.spec.slug: o.result for o in assessment.outcomes if o.result is not None}
    pages = [] if overview is None else [_overview_row(overview, assessment, language)]
    for entry in entries:
        spec, res = entry.spec, entry.result
        row: dict[str, Any] = {
            "title": spec.title(language),
            "status": res.status,
            "href": None,
            "score": "–",
        }
        if res.ok and isinstance(spec, CheckSpec):
            result = known.get(spec.slug) or spec.analyse(engagement.section(spec.slug), engagement)
            row.update(
                href=spec.page,
                score=fmt_number(result.score, language),
                light=translate(f"light.{result.light.value}", language),
                color=LIGHT_COLORS[result.light],
            )
        else:
            _failed_row(row, res, language)
        pages.append(row)
    further = []
    for entry in extras:
        row = {"title": entry.spec.title(language), "status": entry.result.status, "href": None}
        if entry.result.ok:
            row["href"] = entry.spec.page
        else:
            _failed_row(row, entry.result, language)
        further.append(row)
    html = (
        _environment()
        .get_template("index.html.j2")
        .render(
            language=language,
            title=translate("report.index_title", language),
            overview_label=translate("report.overview", language),
            check_label=translate("report.check", language),
            score_label=translate("report.score", language),
            status_label=translate("report.status", language),
            downloads_label=translate("overview.link.downloads", language),
            downloads=[{"label": label, "href": href} for label, href in downloads],
            pages=pages,
            extras=further,
            extras_label=translate("report.extra_pages", language),
            **context,
        )
    )
    path = out_dir / "index.html"
    write_atomic(path, html)
    return path


def write_build_json(
    engagement: Engagement,
    results: list[TaskResult],
    out_dir: Path,
    language: str,
    *,
    files: Sequence[str] = (),
    problems: Sequence[str] = (),
    release: dict[str, Any] | None = None,
    input_key: str = "",
    date_dependent: bool = False,
    built_on: date | None = None,
    warnings: Sequence[str] = (),
) -> Path:
    """Write ``build.json``: the status, duration, error and input key of every notebook.

    It also lists the other files written (``files``), problems with them, warnings (e.g.
    an override of an older standard notebook), the outcome of the delivery check when a
    release was asked for, and what the next build needs to tell whether anything changed:
    the engagement's ``input_key``, and ``built_on`` with ``date_dependent`` (the pages use
    today's date because the engagement has no workshop date).
    """
    payload: dict[str, Any] = {
        "engagement": engagement.slug,
        "language": language,
        "toolkit_version": __version__,
        "toolkit_digest": toolkit_fingerprint(),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "status": "ok" if all(r.ok for r in results) and not problems else "failed",
        "pages": [
            {
                "check": r.task.check,
                "number": r.task.number,
                "page": r.task.page.name if r.ok else None,
                "notebook": r.task.notebook.name,
                "notebook_source": r.task.notebook_source,
                "status": r.status,
                "reused": r.reused,
                "key": r.task.key if r.ok else None,
                "duration_s": round(r.duration, 2),
                "cell": r.cell,
                "error": r.error,
            }
            for r in sorted(results, key=lambda r: r.task.number)
        ],
        "files": list(files),
        "problems": list(problems),
        "warnings": list(warnings),
        "input_key": input_key,
        "date_dependent": date_dependent,
        "built_on": (built_on or date.today()).isoformat(),
    }
    if release is not None:
        payload["release"] = release
    path = out_dir / "build.json"
    write_atomic(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return path
