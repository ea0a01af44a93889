"""The report folder's ``index.html`` and ``build.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from smtoolkit._version import __version__
from smtoolkit.atomic import write_atomic
from smtoolkit.build.tasks import TaskResult
from smtoolkit.checks.registry import CheckSpec
from smtoolkit.engagement import Engagement
from smtoolkit.formatting import fmt_number
from smtoolkit.i18n import translate
from smtoolkit.present.html import LIGHT_COLORS
from smtoolkit.resources import templates_dir

__all__ = ["PageEntry", "write_build_json", "write_index"]


@dataclass(frozen=True)
class PageEntry:
    """One line of the index: a check, its page and its outcome."""

    spec: CheckSpec
    result: TaskResult


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir() / "site")),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def write_index(
    engagement: Engagement, entries: list[PageEntry], out_dir: Path, language: str, context: dict[str, Any]
) -> Path:
    """Write ``index.html`` linking every published page and marking failed ones."""
    pages = []
    for entry in entries:
        spec, res = entry.spec, entry.result
        row: dict[str, Any] = {
            "title": spec.title(language),
            "status": res.status,
            "href": None,
            "score": "–",
        }
        if res.ok:
            result = spec.analyse(engagement.section(spec.slug), engagement)
            row.update(
                href=spec.page,
                score=fmt_number(result.score, language),
                light=translate(f"light.{result.light.value}", language),
                color=LIGHT_COLORS[result.light],
            )
        else:
            row["status_text"] = translate("report.failed", language)
            row["error"] = translate(
                "report.failed_detail", language, cell=res.cell or "–", error=res.error or ""
            )
        pages.append(row)
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
            pages=pages,
            **context,
        )
    )
    path = out_dir / "index.html"
    write_atomic(path, html)
    return path


def write_build_json(engagement: Engagement, results: list[TaskResult], out_dir: Path, language: str) -> Path:
    """Write ``build.json``: the status, duration and error of every notebook."""
    payload = {
        "engagement": engagement.slug,
        "language": language,
        "toolkit_version": __version__,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "status": "ok" if all(r.ok for r in results) else "failed",
        "pages": [
            {
                "check": r.task.check,
                "number": r.task.number,
                "page": r.task.page.name if r.ok else None,
                "notebook": r.task.notebook.name,
                "notebook_source": r.task.notebook_source,
                "status": r.status,
                "duration_s": round(r.duration, 2),
                "cell": r.cell,
                "error": r.error,
            }
            for r in sorted(results, key=lambda r: r.task.number)
        ],
    }
    path = out_dir / "build.json"
    write_atomic(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return path
