"""Build reports for several engagements: validate, plan, run, publish index and build.json."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from smtoolkit.build import release as rel
from smtoolkit.build.attachments import publish_attachments
from smtoolkit.build.combined import REPORT_FILE, write_report
from smtoolkit.build.execute import local_paths, run_task
from smtoolkit.build.executors import Executor, SerialExecutor
from smtoolkit.build.exporter import branding_css, logo_data_uri
from smtoolkit.build.guard import find_problems
from smtoolkit.build.site import PageEntry, write_build_json, write_index
from smtoolkit.build.tasks import PageSpec, Task, TaskResult, plan
from smtoolkit.checks.registry import CheckSpec, registry
from smtoolkit.engagement import Engagement, load_engagement
from smtoolkit.errors import SmToolkitError
from smtoolkit.formatting import fmt_date
from smtoolkit.i18n import translate
from smtoolkit.overview.actionplan import ACTION_PLAN_FILE, write_action_plan
from smtoolkit.overview.analysis import Assessment, assess
from smtoolkit.overview.spec import OVERVIEW

__all__ = ["BuildSummary", "EngagementBuild", "ReleaseOutcome", "build", "page_context"]


@dataclass
class ReleaseOutcome:
    """The delivery check of one engagement: what blocks it, or the bundle written."""

    problems: list[str] = field(default_factory=list)
    bundle: Path | None = None
    removed: Path | None = None  # a bundle of an earlier release, deleted as out of date

    @property
    def ok(self) -> bool:
        """True when the release was published."""
        return not self.problems and self.bundle is not None


@dataclass
class EngagementBuild:
    """The outcome for one engagement."""

    reference: str
    engagement: Engagement | None = None
    error: str | None = None
    results: list[TaskResult] = field(default_factory=list)
    index: Path | None = None
    report: Path | None = None
    action_plan: Path | None = None
    problems: list[str] = field(default_factory=list)  # deliverables beside the pages that failed
    release: ReleaseOutcome | None = None  # set by a release build

    @property
    def ok(self) -> bool:
        """True when the engagement was valid and every page and file was published."""
        released = self.release is None or self.release.ok
        return self.error is None and all(r.ok for r in self.results) and not self.problems and released


@dataclass
class BuildSummary:
    """The outcome of a build command."""

    engagements: list[EngagementBuild]

    @property
    def exit_code(self) -> int:
        """0 all built, 1 some notebooks or files failed, 2 invalid input or a release refused."""
        if any(e.error or (e.release is not None and not e.release.ok) for e in self.engagements):
            return 2
        if any(not e.ok for e in self.engagements):
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
    overview: bool = True,
    release: bool = False,
    today: date | None = None,
) -> BuildSummary:
    """Build every engagement in ``references``; invalid ones are reported and skipped.

    Each report gets the overview page (unless ``overview`` is False), one page per
    included check of ``checks`` (default: all), ``action-plan.xlsx``, ``report.html``,
    ``index.html`` and ``build.json``. With ``release`` the delivery check runs afterwards
    and writes ``<out_root>/<slug>.zip`` only when it finds nothing to fix.
    """
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
        tasks.extend(plan(engagement, selected, out_root.resolve(), lang, context, overview=overview))
    for result in executor.run(run_task, tasks):
        entry = contexts[result.task.slug][0]
        entry.results.append(result)
        if on_result is not None:
            on_result(result)
    for entry, lang, context in contexts.values():
        if entry.error or entry.engagement is None:
            continue
        _publish(entry, entry.engagement, out_root.resolve(), lang, context, release=release, today=today)
    return BuildSummary(builds)


def _guarded_paths(engagement: Engagement, out_root: Path, results: list[TaskResult]) -> list[str]:
    paths = {str(engagement.folder), str(engagement.folder.parent), str(out_root), tempfile.gettempdir()}
    home = str(Path.home())
    if home not in {"/", ""}:
        paths.add(home)
    for result in results:
        paths.update(local_paths(result.task))
    return sorted(p for p in paths if p and p != "/")


def _publish(
    entry: EngagementBuild,
    engagement: Engagement,
    out_root: Path,
    lang: str,
    context: dict[str, Any],
    *,
    release: bool,
    today: date | None,
) -> None:
    """Write the engagement's files beside its pages, then run the delivery check if asked."""
    slug = engagement.slug
    out_dir = out_root / slug
    out_dir.mkdir(parents=True, exist_ok=True)
    entry.results.sort(key=lambda r: r.task.number)
    guarded = _guarded_paths(engagement, out_root, entry.results)
    assessment: Assessment | None = None
    try:
        assessment = assess(engagement, today)
        entry.action_plan = write_action_plan(out_dir / ACTION_PLAN_FILE, engagement, assessment, lang, today)
    except SmToolkitError as err:
        entry.problems.append(f"{slug}: the overview and {ACTION_PLAN_FILE} cannot be computed: {err}")
    except OSError as err:
        entry.problems.append(f"{slug}: cannot write {ACTION_PLAN_FILE}: {err.strerror or err}")
    if entry.action_plan is None:
        (out_dir / ACTION_PLAN_FILE).unlink(missing_ok=True)
    checks = {spec.slug: spec for spec in registry()}
    attached, problems = publish_attachments(engagement, entry.results, checks, out_dir, lang, guarded)
    entry.problems.extend(problems)
    specs: dict[str, PageSpec] = {**checks, OVERVIEW.slug: OVERVIEW}
    parts = [(specs[r.task.check], r) for r in entry.results if r.ok]
    report_context = {**context, "report_title": translate("overview.report_title", lang)}
    try:
        entry.report, refused = write_report(out_dir, parts, lang, report_context, guarded)
        entry.problems.extend(rel.unsafe_page(slug, REPORT_FILE, p) for p in refused)
    except (OSError, ValueError) as err:
        (out_dir / REPORT_FILE).unlink(missing_ok=True)
        entry.problems.append(f"{slug}: cannot write {REPORT_FILE}: {err}")
    downloads = []
    if entry.report is not None:
        downloads.append((translate("overview.link.report", lang), REPORT_FILE))
    if entry.action_plan is not None:
        downloads.append((translate("overview.link.action_plan", lang), ACTION_PLAN_FILE))
    downloads.extend((name, name) for name in attached)
    overview_result = next((r for r in entry.results if r.task.check == OVERVIEW.slug), None)
    pages = [PageEntry(checks[r.task.check], r) for r in entry.results if r.task.check in checks]
    entry.index = write_index(
        engagement,
        pages,
        out_dir,
        lang,
        context,
        overview=overview_result,
        assessment=assessment,
        downloads=downloads,
    )
    names = ("index.html", REPORT_FILE, ACTION_PLAN_FILE, *attached)
    files = [name for name in names if (out_dir / name).is_file()]
    outcome: dict[str, Any] | None = None
    if release:
        entry.release = _release(entry, engagement, out_root, lang, guarded, files)
        outcome = {
            "status": "released" if entry.release.ok else "refused",
            "bundle": entry.release.bundle.name if entry.release.bundle else None,
            "problems": entry.release.problems,
        }
    write_build_json(
        engagement, entry.results, out_dir, lang, files=files, problems=entry.problems, release=outcome
    )


def _release(
    entry: EngagementBuild,
    engagement: Engagement,
    out_root: Path,
    lang: str,
    guarded: list[str],
    files: list[str],
) -> ReleaseOutcome:
    """Run the delivery check; write ``<slug>.zip`` when it passes, else remove a stale one."""
    slug = engagement.slug
    out_dir = out_root / slug
    expected: list[PageSpec] = [OVERVIEW, *engagement.included()]
    problems = rel.page_problems(engagement, expected, entry.results, lang)
    problems += rel.input_problems(engagement, lang)
    problems += entry.problems
    index = out_dir / "index.html"
    if index.is_file():
        problems += [
            rel.unsafe_page(slug, "index.html", p) for p in find_problems(index.read_text("utf-8"), guarded)
        ]
    bundle = out_root / f"{slug}.zip"
    if problems:
        removed = bundle if bundle.exists() else None
        bundle.unlink(missing_ok=True)
        return ReleaseOutcome(problems, None, removed)
    pages = [r.task.page.name for r in entry.results if r.ok]
    names = ["index.html", *pages, *(name for name in files if name != "index.html")]
    written = rel.write_bundle(bundle, out_dir, names)
    return ReleaseOutcome([], written, None)
