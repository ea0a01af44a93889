"""What a build shows while it runs and when it ends.

On a terminal: live bars for engagements and notebooks (done, failed, kept, time left).
Elsewhere (CI logs, pipes): one plain line per notebook built or failed, one per
engagement finished. At the end :func:`print_summary` prints a table per engagement and
every failure with its cell and error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from smtoolkit.build.orchestrate import BuildSummary, EngagementBuild
from smtoolkit.build.tasks import TaskResult

__all__ = ["ConsoleProgress", "print_summary"]


class ConsoleProgress:
    """A :class:`~smtoolkit.build.orchestrate.BuildObserver` printing to a rich console."""

    def __init__(self, console: Console, live: bool | None = None) -> None:
        self.console = console
        self.live = console.is_terminal if live is None else live
        self.failed = 0
        self.kept = 0
        self._progress: Progress | None = None
        self._notebooks: TaskID | None = None
        self._engagements: TaskID | None = None
        self._open: dict[str, int] = {}

    def __enter__(self) -> ConsoleProgress:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def planned(self, entries: Sequence[EngagementBuild], tasks: int, to_run: int) -> None:
        """Start the bars (terminal) or print the plan (log)."""
        if not self.live:
            self.console.print(
                f"planned {tasks} page(s) of {len(entries)} engagement(s): {to_run} to build, "
                f"{tasks - to_run} unchanged",
                soft_wrap=True,
            )
            return
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<12}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} failed[/] · {task.fields[kept]} unchanged"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self._progress.start()
        self._engagements = self._progress.add_task("engagements", total=len(entries), failed=0, kept=0)
        self._notebooks = self._progress.add_task("notebooks", total=tasks, failed=0, kept=0)

    def task_done(self, result: TaskResult) -> None:
        """Advance the notebook bar, or print the notebook's line."""
        self.failed += not result.ok
        self.kept += result.reused
        if self._progress is not None and self._notebooks is not None:
            self._progress.update(self._notebooks, advance=1, failed=self.failed, kept=self.kept)
            return
        if self.live or result.reused:
            return
        mark = "[green]ok[/]" if result.ok else "[red]failed[/]"
        detail = "" if result.ok else escape(f": cell {result.cell or '–'}: {result.error}")
        self.console.print(
            f"{mark} {escape(result.task.slug)} {escape(result.task.page.name)} "
            f"({result.duration:.1f} s){detail}",
            soft_wrap=True,
        )

    def engagement_done(self, entry: EngagementBuild) -> None:
        """Advance the engagement bar, or print the engagement's line."""
        if self._progress is not None and self._engagements is not None:
            failed = int(bool(entry.error) or not entry.ok)
            fields = self._progress.tasks[self._engagements].fields
            self._progress.update(
                self._engagements,
                advance=1,
                failed=fields["failed"] + failed,
                kept=fields["kept"] + int(entry.up_to_date),
            )
            return
        if self.live:
            return
        name = entry.slug or entry.reference
        if entry.error:
            self.console.print(f"[red]invalid[/] {escape(name)}", soft_wrap=True)
        elif entry.up_to_date:
            self.console.print(f"[dim]unchanged[/] {escape(name)}: {entry.pages_kept} page(s) kept")
        else:
            self.console.print(
                f"done {escape(name)}: {entry.built} built, {entry.kept} unchanged, {entry.failed} failed",
                soft_wrap=True,
            )

    def close(self) -> None:
        """Stop the live display."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def print_summary(summary: BuildSummary, out: Console, err: Console) -> None:
    """Plug-in problems, the table of engagements, every failed page, then each engagement's outcome."""
    for problem in summary.plugin_problems:
        err.print(f"[yellow]plugin problem:[/] {escape(problem)}", soft_wrap=True)
    table = Table(title="build summary", title_justify="left", show_lines=False)
    for column in ("engagement", "built", "unchanged", "failed", "result"):
        table.add_column(column, justify="right" if column in {"built", "unchanged", "failed"} else "left")
    for entry in summary.engagements:
        name = escape(entry.slug or entry.reference)
        if entry.error:
            table.add_row(name, "–", "–", "–", "[red]not built: invalid[/]")
            continue
        if entry.up_to_date:
            table.add_row(name, "0", str(entry.pages_kept), "0", "[green]up to date[/]")
            continue
        if entry.ok:
            state = "[green]ok[/]"
        else:
            state = "[red]failed pages[/]" if entry.failed else "[yellow]problems[/]"
        if entry.release is not None:
            state += " · [green]released[/]" if entry.release.ok else " · [red]not released[/]"
        table.add_row(name, str(entry.built), str(entry.kept), str(entry.failed), state)
    out.print(table)
    failures = [(entry, result) for entry in summary.engagements for result in entry.results if not result.ok]
    if failures:
        err.print(f"[bold red]{len(failures)} page(s) failed:[/]")
        for entry, result in failures:
            source = result.task.notebook_source
            err.print(
                f"  {escape(entry.slug or entry.reference)} {escape(result.task.page.name)} "
                f"({escape(source)} notebook {escape(result.task.notebook.name)}): "
                f"cell {result.cell or '–'}: {escape(result.error or '')}",
                soft_wrap=True,
            )
    _print_outcomes(summary, out, err)


def _print_outcomes(summary: BuildSummary, out: Console, err: Console) -> None:
    """Per engagement: warnings, where its index is, its own notebooks, problems, the release."""
    for entry in summary.engagements:
        slug = escape(entry.slug or entry.reference)
        for warning in entry.warnings:
            err.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
        if entry.error:
            err.print(f"[bold red]not built:[/] {escape(entry.error)}", soft_wrap=True)
        elif entry.index is not None:
            failed = entry.failed
            if entry.up_to_date:
                state = "[green]up to date[/]"
            elif failed:
                state = f"[yellow]built with {failed} failed page(s)[/]"
            else:
                state = "[green]built[/]"
            out.print(f"{state} {slug}: {escape(str(entry.index))}", soft_wrap=True)
            overrides = [r.task.notebook.name for r in entry.results if r.task.notebook_source == "override"]
            if overrides:
                shown = escape(", ".join(overrides))
                out.print(f"  {slug} uses its own notebook(s): {shown}", soft_wrap=True)
            if entry.release is None:
                for problem in entry.problems:
                    err.print(f"[yellow]problem:[/] {escape(problem)}", soft_wrap=True)
            elif entry.release.ok:
                out.print(f"[green]released[/] {slug}: {escape(str(entry.release.bundle))}", soft_wrap=True)
            else:
                problems = entry.release.problems
                err.print(
                    f"[bold red]not released:[/] {slug}: {len(problems)} problem(s) to fix, then run "
                    "the release build again:",
                    soft_wrap=True,
                )
                for problem in problems:
                    err.print(f"  - {escape(problem)}", soft_wrap=True)
                if entry.release.removed is not None:
                    err.print(
                        f"  removed {escape(str(entry.release.removed))}: the bundle of an earlier "
                        "release no longer matches these pages",
                        soft_wrap=True,
                    )
        elif entry.problems:
            for problem in entry.problems:
                err.print(f"[bold red]problem:[/] {escape(problem)}", soft_wrap=True)
