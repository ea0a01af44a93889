"""Build reports for several engagements: validate, plan, run, publish index and build.json."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from smtoolkit.build.execute import run_task
from smtoolkit.build.executors import Executor, SerialExecutor
from smtoolkit.build.exporter import branding_css, logo_data_uri
from smtoolkit.build.site import PageEntry, write_build_json, write_index
from smtoolkit.build.tasks import Task, TaskResult, plan
from smtoolkit.checks.registry import CheckSpec, registry
from smtoolkit.engagement import Engagement, load_engagement
from smtoolkit.errors import SmToolkitError
from smtoolkit.formatting import fmt_date
from smtoolkit.i18n import translate

__all__ = ["BuildSummary", "EngagementBuild", "build", "page_context"]


@dataclass
class EngagementBuild:
    """The outcome for one engagement."""

    reference: str
    engagement: Engagement | None = None
    error: str | None = None
    results: list[TaskResult] = field(default_factory=list)
    index: Path | None = None

    @property
    def ok(self) -> bool:
        """True when the engagement was valid and every page was published."""
        return self.error is None and all(r.ok for r in self.results)


@dataclass
class BuildSummary:
    """The outcome of a build command."""

    engagements: list[EngagementBuild]

    @property
    def exit_code(self) -> int:
        """0 all built, 1 some notebooks failed, 2 some engagement had invalid input."""
        if any(e.error for e in self.engagements):
            return 2
        if any(not r.ok for e in self.engagements for r in e.results):
            return 1
        return 0


def page_context(engagement: Engagement, language: str) -> dict[str, Any]:
    """Branding and labels that every page of the engagement shows."""
    branding = engagement.settings.branding
    client = engagement.client.name
    logo = engagement.data_file(branding.logo) if branding.logo else None
    return {
        "client_name": client,
        "firm_line": translate("report.prepared_by", language, firm=branding.firm_name)
        if branding.firm_name
        else "",
        "generated": translate("report.generated", language, date=fmt_date(date.today(), language)),
        "confidential": translate("report.confidential", language, client=client),
        "contents_label": translate("report.contents", language),
        "index_label": translate("report.index_title", language),
        "logo_data_uri": logo_data_uri(logo),
        "css": branding_css(branding.primary_color),
    }


def build(
    references: list[str],
    out_root: Path,
    *,
    language: str | None = None,
    checks: list[CheckSpec] | None = None,
    executor: Executor | None = None,
    on_result: Callable[[TaskResult], None] | None = None,
) -> BuildSummary:
    """Build every engagement in ``references``; invalid ones are reported and skipped."""
    executor = executor or SerialExecutor()
    selected = checks if checks is not None else registry()
    builds: list[EngagementBuild] = []
    tasks: list[Task] = []
    contexts: dict[str, tuple[EngagementBuild, str, dict[str, Any]]] = {}
    for reference in references:
        entry = EngagementBuild(reference)
        builds.append(entry)
        try:
            engagement = load_engagement(reference)
            lang = language or engagement.settings.language
            context = page_context(engagement, lang)
        except SmToolkitError as err:
            entry.error = str(err)
            continue
        entry.engagement = engagement
        if engagement.slug in contexts:
            entry.error = f"{reference}: the engagement {engagement.slug!r} is named twice in this build"
            continue
        contexts[engagement.slug] = (entry, lang, context)
        tasks.extend(plan(engagement, selected, out_root.resolve(), lang, context))
    for result in executor.run(run_task, tasks):
        entry = contexts[result.task.slug][0]
        entry.results.append(result)
        if on_result is not None:
            on_result(result)
    by_slug = {spec.slug: spec for spec in registry()}
    for slug, (entry, lang, context) in contexts.items():
        if entry.error or entry.engagement is None:
            continue
        out_dir = out_root.resolve() / slug
        out_dir.mkdir(parents=True, exist_ok=True)
        entry.results.sort(key=lambda r: r.task.number)
        pages = [PageEntry(by_slug[r.task.check], r) for r in entry.results]
        entry.index = write_index(entry.engagement, pages, out_dir, lang, context)
        write_build_json(entry.engagement, entry.results, out_dir, lang)
    return BuildSummary(builds)
