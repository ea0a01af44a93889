"""Build reports for many engagements: check what is up to date, plan, run, publish.

1. Each engagement's key (:func:`incremental.engagement_key`) is compared with the one in
   its last ``build.json``; an engagement that is up to date is not loaded at all.
2. The others are validated and planned: one task per page, each with its own key; a page
   whose key did not change since its last successful build is kept.
3. The remaining tasks run as jobs (one engagement's tasks in one warm kernel; a kernel
   never serves two engagements) on the executor; the executor yields outputs and this
   process writes them (pages, executed notebooks), so workers need no shared folder.
4. Per engagement, as soon as its last page is in (on a thread of this process, while the
   workers build the next clients' pages): overview assessment, action plan, attachments,
   combined report, index and ``build.json`` (with the keys for the next build).
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from smtoolkit._version import __version__
from smtoolkit.atomic import write_atomic
from smtoolkit.build import incremental
from smtoolkit.build.tasks import Job, PageSpec, Task, TaskOutput, TaskResult
from smtoolkit.errors import BuildError, SmToolkitError

if TYPE_CHECKING:
    from smtoolkit.build.executors import Executor
    from smtoolkit.checks.registry import CheckSpec
    from smtoolkit.engagement import Engagement

__all__ = [
    "BuildObserver",
    "BuildSummary",
    "EngagementBuild",
    "ReleaseOutcome",
    "build",
    "page_context",
]


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
    pdf: Path | None = None
    deck: Path | None = None
    problems: list[str] = field(default_factory=list)  # deliverables beside the pages that failed
    release: ReleaseOutcome | None = None  # set by a release build
    slug: str | None = None
    up_to_date: bool = False  # nothing changed since the last successful build: nothing was run
    pages_kept: int = 0  # pages of an up-to-date engagement
    warnings: list[str] = field(default_factory=list)  # e.g. an override of an older standard notebook
    input_key: str = ""
    language: str = ""
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def built(self) -> int:
        """Pages run and published by this build."""
        return sum(r.ok and not r.reused for r in self.results)

    @property
    def kept(self) -> int:
        """Pages kept from the last build (unchanged inputs), or all of an up-to-date engagement."""
        return self.pages_kept if self.up_to_date else sum(r.reused for r in self.results)

    @property
    def failed(self) -> int:
        """Pages that failed."""
        return sum(not r.ok for r in self.results)

    @property
    def ok(self) -> bool:
        """True when the engagement was valid and every page and file was published."""
        released = self.release is None or self.release.ok
        return self.error is None and all(r.ok for r in self.results) and not self.problems and released


@dataclass
class BuildSummary:
    """The outcome of a build command."""

    engagements: list[EngagementBuild]
    #: Check plug-ins that could not be loaded (each message says what to do).
    plugin_problems: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all built, 1 some notebooks or files failed, 2 invalid input or a release refused."""
        if any(e.error or (e.release is not None and not e.release.ok) for e in self.engagements):
            return 2
        if any(not e.ok for e in self.engagements):
            return 1
        return 0


class BuildObserver(Protocol):
    """Follows a build: what was planned, each page as it finishes, each engagement at the end."""

    def planned(self, entries: Sequence[EngagementBuild], tasks: int, to_run: int) -> None:
        """Called once all engagements are checked and planned."""

    def task_done(self, result: TaskResult) -> None:
        """Called for every page that was built, failed or kept."""

    def engagement_done(self, entry: EngagementBuild) -> None:
        """Called when an engagement's files are written (or it was up to date or invalid)."""


def page_context(engagement: Engagement, language: str) -> dict[str, Any]:
    """Branding and labels that every page of the engagement shows, and the firm's template.

    Branding is the effective one (engagement, else firm file, else toolkit default); the
    logo comes from the engagement's folder or the firm file's; ``template_files`` holds
    the firm template's files (``{}``: the project's report template).
    """
    from smtoolkit.build.exporter import branding_css, logo_data_uri
    from smtoolkit.formatting import fmt_date
    from smtoolkit.i18n import translate

    branding = engagement.settings.branding
    client = engagement.client.name
    logo = engagement.logo_file()
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
        "template_files": engagement.firm.template_files() if engagement.firm is not None else {},
        "generator": f"smtoolkit {__version__}",
    }


def build(
    references: Sequence[str],
    out_root: Path,
    *,
    language: str | None = None,
    checks: list[CheckSpec] | None = None,
    executor: Executor | None = None,
    observer: BuildObserver | None = None,
    overview: bool = True,
    release: bool = False,
    today: date | None = None,
    force: bool = False,
    timeout: int = 600,
    pdf: bool = False,
) -> BuildSummary:
    """Build every engagement in ``references``; invalid ones are reported and skipped.

    Each report gets the overview page (unless ``overview`` is False), one page per
    included check of ``checks`` (default: all), one per extra notebook of the engagement,
    ``action-plan.xlsx``, ``report.html``, ``deck.pptx``, ``index.html`` and ``build.json``;
    with ``pdf`` (or the engagement's ``settings.pdf``) also ``report.pdf``. Unchanged
    engagements and pages are kept unless ``force``. ``timeout`` is the seconds one cell
    may run. With ``release`` the delivery check runs afterwards and writes
    ``<out_root>/<slug>.zip`` only when it finds nothing to fix.
    """
    from smtoolkit.engagement import resolve_folder

    today = today or date.today()
    out_root = out_root.resolve()
    options = {
        "language": language,
        "checks": sorted(spec.slug for spec in checks) if checks is not None else None,
        "overview": overview,
        "pdf": pdf,
    }
    builds: list[EngagementBuild] = []
    pending: list[tuple[EngagementBuild, Path]] = []
    seen: set[str] = set()
    for reference in references:
        entry = EngagementBuild(reference)
        builds.append(entry)
        try:
            folder = resolve_folder(reference)
        except SmToolkitError as err:
            entry.error = str(err)
            continue
        entry.slug = folder.name
        if entry.slug in seen:
            entry.error = f"{reference}: the engagement {entry.slug!r} is named twice in this build"
            continue
        seen.add(entry.slug)
        entry.input_key = incremental.engagement_key(folder, options)
        out_dir = out_root / entry.slug
        previous = incremental.previous_build(out_dir)
        if not (force or release) and incremental.up_to_date(previous, out_dir, entry.input_key, today):
            entry.up_to_date = True
            entry.index = out_dir / "index.html"
            entry.pages_kept = sum(1 for p in (previous or {}).get("pages", []) if p.get("page"))
            continue
        pending.append((entry, folder))
    problems: list[str] = []
    if pending:
        problems = _build_pending(
            pending,
            out_root,
            language=language,
            checks=checks,
            executor=executor,
            observer=observer,
            overview=overview,
            release=release,
            today=today,
            force=force,
            timeout=timeout,
            pdf=pdf,
        )
    elif observer is not None:
        observer.planned(builds, 0, 0)
    if observer is not None:
        for entry in builds:
            if entry.error or entry.up_to_date:
                observer.engagement_done(entry)
    return BuildSummary(builds, problems)


def _reusable(task: Task, previous: dict[str, Any] | None) -> bool:
    """True when the last build published this page from the same inputs and it is still there."""
    if previous is None:
        return False
    for page in previous.get("pages", []):
        if page.get("check") == task.check:
            return (
                page.get("status") == "ok"
                and bool(task.key)
                and page.get("key") == task.key
                and task.page.is_file()
                and task.executed.is_file()
            )
    return False


def _prechecked(task: Task, spec: PageSpec | None, entry: EngagementBuild) -> TaskResult | None:
    """Check an engagement's own notebook before it runs; a result when it cannot run."""
    from smtoolkit.customize import notebook_problems, override_status

    if task.notebook_source == "standard":
        return None
    problems = notebook_problems(task.notebook)
    if problems:
        return TaskResult(task, "failed", 0.0, None, "; ".join(problems))
    if task.notebook_source == "override" and spec is not None:
        warning = override_status(task.notebook, spec.notebook_path()).warning()
        if warning:
            entry.warnings.append(warning)
    return None


def _jobs(work: list[list[Task]], workers: int) -> list[Job]:
    """One job per engagement, or several when there are fewer engagements than workers.

    An engagement's tasks are then dealt out over jobs (each with its own kernel), so no
    worker stays idle.
    """
    busy = [tasks for tasks in work if tasks]
    share = max(1, workers // len(busy)) if busy else 1
    jobs = []
    for tasks in busy:
        parts = min(share, len(tasks))
        for part in range(parts):
            jobs.append(Job(tasks[0].slug, tuple(tasks[part::parts])))
    return sorted(jobs, key=lambda job: -len(job.tasks))


def _store(output: TaskOutput) -> TaskResult:
    """Write a worker's output: the executed notebook, then the page (atomically), or remove a stale page."""
    result = output.result
    task = result.task
    try:
        if output.executed is not None:
            write_atomic(task.executed, output.executed)
        if result.ok and output.page is not None:
            write_atomic(task.page, output.page)
            return result
    except OSError as err:
        result = replace(
            result,
            status="failed",
            error=f"cannot write {task.page.name} into {task.page.parent}: {err.strerror or err}; "
            "free disk space or make the output folder writable, then build again",
        )
    with contextlib.suppress(OSError):
        task.page.unlink(missing_ok=True)
    return result


_T = TypeVar("_T")


def within(seconds: float, work: Callable[[], _T], folder: Path) -> _T:
    """``work()`` (loading and planning one engagement), given up after ``seconds``.

    The work runs on a daemon thread; when it has not finished in time, the engagement is
    reported as not built (:class:`~smtoolkit.errors.BuildError`) and the build goes on
    with the others, so one engagement whose files block or take too long never stops
    a batch. The thread is left behind (Python cannot stop it) and ends with the process.
    """
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as err:  # handed to the caller below
            outcome.append((False, err))

    thread = threading.Thread(target=run, name=f"smtoolkit-load-{folder.name}", daemon=True)
    thread.start()
    thread.join(seconds)
    if not outcome:
        raise BuildError(
            f"{folder.name}: loading the engagement took more than {seconds:g} s (the cell timeout); "
            "check that engagement.yaml and the files it names are ordinary files of a sensible size, "
            "then build again (a longer --cell-timeout also gives loading more time)"
        )
    ok, value = outcome[0]
    if not ok:
        raise value
    result: _T = value
    return result


def _build_pending(
    pending: list[tuple[EngagementBuild, Path]],
    out_root: Path,
    *,
    language: str | None,
    checks: list[CheckSpec] | None,
    executor: Executor | None,
    observer: BuildObserver | None,
    overview: bool,
    release: bool,
    today: date,
    force: bool,
    timeout: int,
    pdf: bool = False,
) -> list[str]:
    """Load, plan, run and publish the engagements that are not up to date; return plug-in problems."""
    from smtoolkit.build.executors import SerialExecutor
    from smtoolkit.build.tasks import plan
    from smtoolkit.checks.registry import plugin_problems, registry
    from smtoolkit.engagement import load_engagement
    from smtoolkit.overview.spec import OVERVIEW

    executor = executor or SerialExecutor()
    selected = checks if checks is not None else registry()
    specs: dict[str, PageSpec] = {spec.slug: spec for spec in registry()}
    specs[OVERVIEW.slug] = OVERVIEW
    work: list[list[Task]] = []
    live: dict[str, EngagementBuild] = {}
    total = 0
    for entry, folder in pending:

        def load(entry: EngagementBuild = entry, folder: Path = folder) -> tuple[Engagement, list[Task]]:
            engagement = load_engagement(folder)
            entry.language = language or engagement.settings.language
            entry.context = page_context(engagement, entry.language)
            tasks = plan(
                engagement,
                selected,
                out_root,
                entry.language,
                entry.context,
                overview=overview,
                timeout=timeout,
                today=today,
            )
            return engagement, tasks

        try:
            engagement, tasks = within(timeout, load, folder)
        except SmToolkitError as err:
            entry.error = str(err)
            continue
        entry.engagement = engagement
        live[engagement.slug] = entry
        previous = None if force else incremental.previous_build(out_root / engagement.slug)
        to_run = []
        for task in tasks:
            total += 1
            refused = _prechecked(task, specs.get(task.check), entry)
            if refused is not None:
                entry.results.append(_store(TaskOutput(refused)))
            elif _reusable(task, previous):
                entry.results.append(TaskResult(task, "ok", 0.0, reused=True))
            else:
                to_run.append(task)
        work.append(to_run)
    if observer is not None:
        observer.planned([e for e, _ in pending], total, sum(len(w) for w in work))
        for entry in live.values():
            for result in entry.results:
                observer.task_done(result)
    jobs = _jobs(work, getattr(executor, "jobs", 1))
    waiting = Counter(task.slug for tasks in work for task in tasks)

    def publish(entry: EngagementBuild) -> EngagementBuild:
        assert entry.engagement is not None
        _publish(entry, entry.engagement, out_root, specs, release=release, today=today, pdf=pdf)
        return entry

    def report(entries: list[EngagementBuild]) -> None:
        if observer is not None:
            for done in entries:
                observer.engagement_done(done)

    with _Publisher(publish, background=not isinstance(executor, SerialExecutor)) as publisher:
        for slug, entry in live.items():
            if not waiting[slug]:
                publisher.submit(entry)
        for output in executor.run(jobs):
            result = _store(output)
            slug = result.task.slug
            live[slug].results.append(result)
            if observer is not None:
                observer.task_done(result)
            waiting[slug] -= 1
            if waiting[slug] == 0:
                publisher.submit(live[slug])
            report(publisher.finished())
        for slug, entry in live.items():
            if waiting[slug] > 0:  # an executor that lost outputs: publish what arrived
                publisher.submit(entry)
        report(publisher.finished(wait=True))
    return [str(problem) for problem in plugin_problems()]


class _Publisher:
    """Publishes each engagement as soon as its last page is in, while the workers go on.

    With ``background`` the engagements are published one after another on a thread of
    this process (the workers run in other processes, so the overview assessment, action
    plan and combined report of one client overlap with the pages of the next); without
    it (the serial executor runs notebooks in this thread) each is published at once.
    Observers hear of finished engagements only from :meth:`finished`, in the caller's
    thread.
    """

    def __init__(self, publish: Callable[[EngagementBuild], EngagementBuild], *, background: bool) -> None:
        self._publish = publish
        self._pool = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="smtoolkit-publish") if background else None
        )
        self._pending: list[Future[EngagementBuild]] = []
        self._submitted: set[int] = set()

    def __enter__(self) -> _Publisher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, entry: EngagementBuild) -> None:
        """Publish ``entry`` (once), now or on the publishing thread."""
        if id(entry) in self._submitted:
            return
        self._submitted.add(id(entry))
        if self._pool is not None:
            self._pending.append(self._pool.submit(self._publish, entry))
            return
        done: Future[EngagementBuild] = Future()
        done.set_result(self._publish(entry))
        self._pending.append(done)

    def finished(self, *, wait: bool = False) -> list[EngagementBuild]:
        """The engagements published since the last call (all of them, with ``wait``)."""
        ready = [f for f in self._pending if wait or f.done()]
        self._pending = [f for f in self._pending if f not in ready]
        return [future.result() for future in ready]


def _guarded_paths(engagement: Engagement, out_root: Path, results: list[TaskResult]) -> list[str]:
    from smtoolkit.build.execute import local_paths, machine_paths

    paths = {str(engagement.folder), str(engagement.folder.parent), str(out_root)}
    for result in results:
        paths.update(local_paths(result.task))
    return machine_paths(paths)


def _publish(
    entry: EngagementBuild,
    engagement: Engagement,
    out_root: Path,
    specs: dict[str, PageSpec],
    *,
    release: bool,
    today: date,
    pdf: bool = False,
) -> None:
    """Write the engagement's files beside its pages; a folder that cannot be written is a problem."""
    try:
        _write_deliverables(entry, engagement, out_root, specs, release=release, today=today, pdf=pdf)
    except OSError as err:
        entry.problems.append(
            f"{engagement.slug}: cannot write the report folder {out_root / engagement.slug}: "
            f"{err.strerror or err}; free disk space or make it writable, then build again"
        )


def _write_deliverables(
    entry: EngagementBuild,
    engagement: Engagement,
    out_root: Path,
    specs: dict[str, PageSpec],
    *,
    release: bool,
    today: date,
    pdf: bool = False,
) -> None:
    """Action plan, attachments, combined report, PDF, deck, index and build.json; then the delivery check."""
    from smtoolkit.build import release as rel
    from smtoolkit.build.attachments import publish_attachments
    from smtoolkit.build.combined import REPORT_FILE, load_combined, write_report
    from smtoolkit.build.site import PageEntry, write_build_json, write_index
    from smtoolkit.checks.registry import CheckSpec
    from smtoolkit.i18n import translate
    from smtoolkit.overview.actionplan import ACTION_PLAN_FILE, write_action_plan
    from smtoolkit.overview.analysis import Assessment, assess
    from smtoolkit.overview.spec import OVERVIEW

    slug = engagement.slug
    lang, context = entry.language, entry.context
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
    checks = {key: spec for key, spec in specs.items() if isinstance(spec, CheckSpec)}
    attached, problems = publish_attachments(engagement, entry.results, checks, out_dir, lang, guarded)
    entry.problems.extend(problems)
    extras = {r.task.check: _extra_spec(r.task) for r in entry.results if r.task.notebook_source == "extra"}
    pages_by_slug: dict[str, PageSpec] = {**specs, **extras}
    parts = [(pages_by_slug[r.task.check], r) for r in entry.results if r.ok]
    report_context = {**context, "report_title": translate("overview.report_title", lang)}
    combined = None
    try:
        combined = load_combined(parts, lang)
        entry.report, refused = write_report(out_dir, parts, lang, report_context, guarded, combined=combined)
        entry.problems.extend(rel.unsafe_page(slug, REPORT_FILE, p) for p in refused)
    except (OSError, ValueError) as err:
        (out_dir / REPORT_FILE).unlink(missing_ok=True)
        entry.problems.append(f"{slug}: cannot write {REPORT_FILE}: {err}")
    want_pdf = pdf or engagement.settings.pdf
    _write_pdf(entry, out_dir, combined if entry.report is not None and want_pdf else None, report_context)
    _write_deck(entry, engagement, out_dir, assessment, report_context)
    downloads = []
    if entry.report is not None:
        downloads.append((translate("overview.link.report", lang), REPORT_FILE))
    if entry.action_plan is not None:
        downloads.append((translate("overview.link.action_plan", lang), ACTION_PLAN_FILE))
    if entry.pdf is not None:
        downloads.append((translate("overview.link.pdf", lang), entry.pdf.name))
    if entry.deck is not None:
        downloads.append((translate("overview.link.deck", lang), entry.deck.name))
    downloads.extend((name, name) for name in attached)
    overview_result = next((r for r in entry.results if r.task.check == OVERVIEW.slug), None)
    pages = [PageEntry(checks[r.task.check], r) for r in entry.results if r.task.check in checks]
    extra_rows = [PageEntry(extras[r.task.check], r) for r in entry.results if r.task.check in extras]
    entry.index = write_index(
        engagement,
        pages,
        out_dir,
        lang,
        context,
        overview=overview_result,
        assessment=assessment,
        downloads=downloads,
        extras=extra_rows,
    )
    extra_files = [p.name for p in (entry.pdf, entry.deck) if p is not None]
    names = ("index.html", REPORT_FILE, ACTION_PLAN_FILE, *extra_files, *attached)
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
        engagement,
        entry.results,
        out_dir,
        lang,
        files=files,
        problems=entry.problems,
        release=outcome,
        input_key=entry.input_key,
        date_dependent=engagement.settings.workshop_date is None,
        built_on=today,
        warnings=entry.warnings,
    )


def _write_pdf(
    entry: EngagementBuild,
    out_dir: Path,
    combined: tuple[Any, list[dict[str, Any]]] | None,
    context: dict[str, Any],
) -> None:
    """Write ``report.pdf`` from the combined report; without ``combined`` remove a stale one."""
    from smtoolkit.build.pdf import PDF_FILE, write_pdf

    target = out_dir / PDF_FILE
    if combined is None:
        target.unlink(missing_ok=True)
        return
    nb, toc = combined
    try:
        entry.pdf = write_pdf(out_dir, nb, toc, entry.language, context)
    except SmToolkitError as err:
        target.unlink(missing_ok=True)
        entry.problems.append(f"{entry.slug}: {err}")
    except (OSError, ValueError) as err:
        target.unlink(missing_ok=True)
        entry.problems.append(f"{entry.slug}: cannot write {PDF_FILE}: {err}")


def _write_deck(
    entry: EngagementBuild,
    engagement: Engagement,
    out_dir: Path,
    assessment: Any,
    context: dict[str, Any],
) -> None:
    """Write ``deck.pptx`` from the overview's assessment; without one remove a stale deck."""
    from smtoolkit.build.deck import DECK_FILE, write_deck

    target = out_dir / DECK_FILE
    if assessment is None:
        target.unlink(missing_ok=True)
        return
    try:
        entry.deck = write_deck(out_dir, engagement, assessment, entry.language, context)
    except SmToolkitError as err:
        target.unlink(missing_ok=True)
        entry.problems.append(f"{entry.slug}: {err}")
    except (OSError, ValueError) as err:
        target.unlink(missing_ok=True)
        entry.problems.append(f"{entry.slug}: cannot write {DECK_FILE}: {err}")


def _extra_spec(task: Task) -> PageSpec:
    from smtoolkit.build.tasks import ExtraPage

    return ExtraPage(
        task.number,
        task.check,
        task.notebook.name,
        task.page.name,
        str(task.context.get("report_title", task.notebook.stem)),
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
    from smtoolkit.build import release as rel
    from smtoolkit.build.guard import find_problems
    from smtoolkit.overview.spec import OVERVIEW

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
    ours = rel.written_by_toolkit(bundle)
    if bundle.exists() and not ours:
        problems.append(rel.foreign_bundle(slug, bundle))
    if problems:
        removed = bundle if ours else None
        if ours:
            bundle.unlink(missing_ok=True)
        return ReleaseOutcome(problems, None, removed)
    pages = [r.task.page.name for r in entry.results if r.ok]
    names = ["index.html", *pages, *(name for name in files if name != "index.html")]
    written = rel.write_bundle(bundle, out_dir, names)
    return ReleaseOutcome([], written, None)
