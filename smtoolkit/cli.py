"""The ``smtoolkit`` command: parses arguments and delegates to the package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from smtoolkit.errors import SmToolkitError

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Workshops and reports for the Bitkom 10-point strategic social media check.",
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _fail(error: SmToolkitError) -> None:
    err.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
    raise typer.Exit(error.exit_code)


@app.command()
def new(
    slug: Annotated[str, typer.Argument(help="folder name of the engagement, e.g. acme")],
    name: Annotated[str, typer.Option("--name", help='the client\'s name, e.g. "ACME GmbH"')],
    root: Annotated[Path, typer.Option(help="folder holding the engagements")] = Path("engagements"),
    lang: Annotated[str, typer.Option("--lang", help="report language: de or en")] = "de",
) -> None:
    """Create a new engagement from the commented skeleton."""
    from smtoolkit.scaffold import new_engagement

    try:
        folder = new_engagement(root, slug, name, language=lang)
    except SmToolkitError as error:
        _fail(error)
    out.print(f"created {folder / 'engagement.yaml'}")


@app.command()
def validate(
    engagements: Annotated[list[str], typer.Argument(help="engagement folders")],
) -> None:
    """Check engagement files and report every problem with file and line."""
    from smtoolkit.engagement import load_engagement

    failed = False
    for reference in engagements:
        try:
            engagement = load_engagement(reference)
        except SmToolkitError as error:
            err.print(f"[bold red]invalid:[/] {escape(str(error))}", soft_wrap=True)
            failed = True
            continue
        out.print(f"ok: {engagement.slug} ({engagement.client.name})")
    raise typer.Exit(2 if failed else 0)


@app.command()
def inspect(
    files: Annotated[list[Path], typer.Argument(help="export files (CSV, XLSX, XLS)")],
) -> None:
    """Report each export file's detected format, kind, rows, dates and dropped lines."""
    from smtoolkit.importers import format_report, inspect_file

    failed = False
    for path in files:
        try:
            out.print(escape(format_report(inspect_file(path))), soft_wrap=True)
        except SmToolkitError as error:
            err.print(f"[bold red]cannot read:[/] {escape(str(error))}", soft_wrap=True)
            failed = True
        out.print("")
    raise typer.Exit(2 if failed else 0)


def _run_build(
    references: list[str], out_dir: Path, lang: str | None, only: str | None, jobs: int, release: bool = False
) -> int:
    from smtoolkit.build import ProcessExecutor, SerialExecutor, build
    from smtoolkit.build.tasks import TaskResult
    from smtoolkit.checks.registry import select

    if lang not in (None, "de", "en"):
        err.print(f"[bold red]error:[/] --lang {escape(repr(lang))} is not available; expected de or en")
        return 2
    try:
        checks = select(only.split(",") if only else None)
    except SmToolkitError as error:
        err.print(f"[bold red]error:[/] --only: {escape(str(error))}", soft_wrap=True)
        return 2
    if release and only:
        err.print("[bold red]error:[/] --release builds every included check; drop --only", soft_wrap=True)
        return 2

    def progress(result: TaskResult) -> None:
        mark = "[green]ok[/]" if result.ok else "[red]failed[/]"
        detail = "" if result.ok else escape(f": cell {result.cell or '–'}: {result.error}")
        out.print(
            f"{mark} {result.task.slug} {result.task.page.name} ({result.duration:.1f} s){detail}",
            soft_wrap=True,
        )

    executor = ProcessExecutor(jobs) if jobs > 1 else SerialExecutor()
    summary = build(
        references,
        out_dir,
        language=lang,
        checks=checks,
        executor=executor,
        on_result=progress,
        release=release,
    )
    for entry in summary.engagements:
        if entry.error:
            err.print(f"[bold red]not built:[/] {escape(entry.error)}", soft_wrap=True)
        elif entry.index is not None:
            failed = sum(not r.ok for r in entry.results)
            state = "[green]built[/]" if not failed else f"[yellow]built with {failed} failed page(s)[/]"
            slug = entry.engagement.slug if entry.engagement else entry.reference
            out.print(f"{state} {slug}: {entry.index}")
            if entry.release is None:
                for problem in entry.problems:
                    err.print(f"[yellow]problem:[/] {escape(problem)}", soft_wrap=True)
            elif entry.release.ok:
                out.print(f"[green]released[/] {slug}: {entry.release.bundle}")
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
    return summary.exit_code


@app.command("build")
def build_command(
    engagements: Annotated[list[str], typer.Argument(help="engagement folders")],
    out_dir: Annotated[Path, typer.Option("--out", help="output folder")] = Path("reports"),
    lang: Annotated[str | None, typer.Option("--lang", help="de or en; default: the engagement's")] = None,
    only: Annotated[str | None, typer.Option("--only", help="checks to build, e.g. 4,6 or effort")] = None,
    jobs: Annotated[int, typer.Option("--jobs", help="notebooks built in parallel")] = 1,
    release: Annotated[
        bool,
        typer.Option("--release", help="check the report for delivery and write <out>/<slug>.zip"),
    ] = False,
) -> None:
    """Run the notebooks of each engagement and publish its HTML report."""
    raise typer.Exit(_run_build(engagements, out_dir, lang, only, jobs, release))


@app.command("snapshot")
def snapshot_command(
    engagement: Annotated[str, typer.Argument(help="engagement folder")],
    name: Annotated[str, typer.Option("--name", help='name of the round, e.g. "Workshop"')],
    when: Annotated[
        str | None, typer.Option("--date", help="date of the round, YYYY-MM-DD; default: the workshop date")
    ] = None,
) -> None:
    """Keep the current scores as a named assessment round before the answers change."""
    import datetime as dt

    from smtoolkit.overview.rounds import snapshot

    day = None
    if when is not None:
        try:
            day = dt.date.fromisoformat(when)
        except ValueError:
            err.print(f"[bold red]error:[/] --date {escape(repr(when))} is not a date; write YYYY-MM-DD")
            raise typer.Exit(2) from None
    try:
        kept = snapshot(engagement, name, when=day)
    except SmToolkitError as error:
        _fail(error)
    out.print(
        f"kept round {escape(repr(kept.name))} of {kept.date.isoformat()} with {len(kept.scores)} score(s)"
    )


def _demo_folder() -> Path:
    from smtoolkit.resources import toolkit_root

    for base in (Path.cwd(), *Path.cwd().parents):
        if (base / "engagements" / "demo" / "engagement.yaml").is_file():
            return base / "engagements" / "demo"
    return toolkit_root() / "engagements" / "demo"


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="output folder")] = Path("reports"),
    lang: Annotated[str | None, typer.Option("--lang", help="de or en")] = None,
) -> None:
    """Build the demo client's report and print the path of its index.html."""
    code = _run_build([str(_demo_folder())], out_dir, lang, None, 1)
    index = (out_dir / "demo" / "index.html").resolve()
    if index.is_file():
        out.print(str(index))
    raise typer.Exit(code)


@app.command()
def lab(
    engagement: Annotated[str | None, typer.Argument(help="engagement to preselect")] = None,
    port: Annotated[int | None, typer.Option(help="port for JupyterLab")] = None,
) -> None:
    """Start JupyterLab on the workshop notebooks."""
    from smtoolkit.engagement import resolve_folder
    from smtoolkit.resources import notebooks_dir

    env = dict(os.environ)
    if engagement:
        try:
            env["SMTOOLKIT_ENGAGEMENT"] = str(resolve_folder(engagement))
        except SmToolkitError as error:
            _fail(error)
    command = [sys.executable, "-m", "jupyterlab", f"--notebook-dir={notebooks_dir().parent}"]
    if port:
        command.append(f"--port={port}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines run as root
    raise typer.Exit(subprocess.call(command, env=env))


def main() -> None:
    """Entry point of the console script; never shows a traceback for a known error."""
    try:
        app()
    except SmToolkitError as error:
        err.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
