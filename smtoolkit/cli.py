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


def _show_version(value: bool) -> None:
    if not value:
        return
    import smtoolkit
    from smtoolkit.build.incremental import toolkit_fingerprint

    out.print(f"smtoolkit {smtoolkit.__version__}", soft_wrap=True)
    out.print(f"toolkit digest: {toolkit_fingerprint()}", soft_wrap=True)
    out.print(f"installed at: {escape(str(Path(smtoolkit.__file__).resolve().parent))}", soft_wrap=True)
    raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="print the version and the toolkit digest recorded with every build, and exit",
        ),
    ] = False,
) -> None:
    """Workshops and reports for the Bitkom 10-point strategic social media check."""


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="folder of the workspace; created when missing")] = Path("."),
) -> None:
    """Make FOLDER a workspace: smtoolkit.toml, engagements/, .gitignore and a README."""
    from smtoolkit.engagement import display_path
    from smtoolkit.workspace import init_workspace

    try:
        report = init_workspace(folder)
    except SmToolkitError as error:
        _fail(error)
    for path in report.created:
        out.print(f"created {escape(display_path(path))}", soft_wrap=True)
    for path in report.kept:
        out.print(f"kept {escape(display_path(path))} (already there)", soft_wrap=True)
    if report.enclosing is not None:
        err.print(
            f"[yellow]note:[/] this workspace lies inside {escape(str(report.enclosing.root))}; "
            "commands run in it use its own smtoolkit.toml, not the one above",
            soft_wrap=True,
        )
    out.print(f"workspace ready: {escape(str(report.workspace.root))}", soft_wrap=True)


def _report_plugin_problems() -> None:
    from smtoolkit.checks.registry import plugin_problems

    for problem in plugin_problems():
        err.print(f"[yellow]plugin problem:[/] {escape(str(problem))}", soft_wrap=True)


@app.command()
def new(
    slug: Annotated[str, typer.Argument(help="folder name of the engagement, e.g. acme")],
    name: Annotated[str, typer.Option("--name", help='the client\'s name, e.g. "ACME GmbH"')],
    root: Annotated[
        Path | None, typer.Option(help="folder holding the engagements; default: the workspace's")
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="report language: de or en; default: the firm file's, else de"),
    ] = None,
) -> None:
    """Create a new engagement from the commented skeleton."""
    from smtoolkit.scaffold import new_engagement
    from smtoolkit.workshop import WORKSHOP_DIR, ensure_workshop
    from smtoolkit.workspace import engagements_dir

    try:
        folder = new_engagement(root or engagements_dir(), slug, name, language=lang)
        ensure_workshop(folder)
    except SmToolkitError as error:
        _fail(error)
    out.print(f"created {escape(str(folder / 'engagement.yaml'))}", soft_wrap=True)
    out.print(f"workshop notebooks: {escape(str(folder / WORKSHOP_DIR))}", soft_wrap=True)


@app.command()
def validate(
    engagements: Annotated[list[str], typer.Argument(help="engagement folders")],
) -> None:
    """Check engagement files and report every problem with file and line."""
    from smtoolkit.engagement import load_engagement

    _report_plugin_problems()
    failed = False
    for reference in engagements:
        try:
            engagement = load_engagement(reference)
        except SmToolkitError as error:
            err.print(f"[bold red]invalid:[/] {escape(str(error))}", soft_wrap=True)
            failed = True
            continue
        out.print(f"ok: {escape(engagement.slug)} ({escape(engagement.client.name)})", soft_wrap=True)
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


def _engagement_folders(root: Path) -> list[str]:
    """Every engagement folder (holding ``engagement.yaml``) directly under ``root``, sorted."""
    return sorted(str(p.parent) for p in root.glob("*/engagement.yaml") if p.is_file())


def _run_build(
    references: list[str],
    out_dir: Path,
    lang: str | None,
    only: str | None,
    jobs: int,
    release: bool = False,
    *,
    kernel: str = "warm",
    executor_name: str = "local",
    scheduler: str | None = None,
    force: bool = False,
    timeout: int = 600,
    pdf: bool = False,
) -> int:
    from smtoolkit.build.executors import executor_for
    from smtoolkit.build.orchestrate import build
    from smtoolkit.build.progress import ConsoleProgress, print_summary

    if lang not in (None, "de", "en"):
        err.print(f"[bold red]error:[/] --lang {escape(repr(lang))} is not available; expected de or en")
        return 2
    if kernel not in ("warm", "fresh"):
        err.print(f"[bold red]error:[/] --kernel {escape(repr(kernel))}: expected warm or fresh")
        return 2
    if timeout < 1:
        err.print("[bold red]error:[/] --cell-timeout must be at least 1 second")
        return 2
    checks = None
    if only:
        from smtoolkit.checks.registry import select

        try:
            checks = select(only.split(","))
        except SmToolkitError as error:
            _report_plugin_problems()
            err.print(f"[bold red]error:[/] --only: {escape(str(error))}", soft_wrap=True)
            return 2
    if release and only:
        err.print("[bold red]error:[/] --release builds every included check; drop --only", soft_wrap=True)
        return 2
    try:
        executor = executor_for(executor_name, jobs, kernel, scheduler)
    except SmToolkitError as error:
        err.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
        return 2
    try:
        with ConsoleProgress(out) as progress:
            summary = build(
                references,
                out_dir,
                language=lang,
                checks=checks,
                executor=executor,
                observer=progress,
                release=release,
                force=force,
                timeout=timeout,
                pdf=pdf,
            )
    except SmToolkitError as error:
        err.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
        return error.exit_code
    print_summary(summary, out, err)
    return summary.exit_code


@app.command("build")
def build_command(
    engagements: Annotated[list[str] | None, typer.Argument(help="engagement folders")] = None,
    every: Annotated[
        bool, typer.Option("--all", help="build every engagement under the workspace's engagements/")
    ] = False,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="output folder; default: the workspace's reports/")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="de or en; default: the engagement's")] = None,
    only: Annotated[str | None, typer.Option("--only", help="checks to build, e.g. 4,6 or effort")] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", help="workers building in parallel; default: the number of cores")
    ] = 0,
    kernel: Annotated[
        str,
        typer.Option(
            "--kernel",
            help="warm: one kernel per engagement, reset between notebooks; fresh: one per notebook",
        ),
    ] = "warm",
    executor: Annotated[
        str, typer.Option("--executor", help="local (worker processes) or dask (dask.distributed)")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="rebuild even what did not change")] = False,
    cell_timeout: Annotated[
        int, typer.Option("--cell-timeout", help="seconds one notebook cell may run")
    ] = 600,
    release: Annotated[
        bool,
        typer.Option("--release", help="check the report for delivery and write <out>/<slug>.zip"),
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="also write report.pdf (A4, for print); or set settings.pdf")
    ] = False,
) -> None:
    """Run the notebooks of each engagement and publish its HTML report and slide deck."""
    from smtoolkit.workspace import engagements_dir, reports_dir

    references = list(engagements or [])
    if every:
        root = engagements_dir()
        if not root.is_dir():
            err.print(
                f"[bold red]error:[/] --all: no folder {escape(str(root.resolve()))}; run the command in "
                "a workspace (a folder holding engagements/, made by smtoolkit init) or below it",
                soft_wrap=True,
            )
            raise typer.Exit(2)
        references += [r for r in _engagement_folders(root) if r not in references]
    if not references:
        err.print("[bold red]error:[/] name engagement folders, or use --all")
        raise typer.Exit(2)
    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    raise typer.Exit(
        _run_build(
            references,
            out_dir or reports_dir(),
            lang,
            only,
            workers,
            release,
            kernel=kernel,
            executor_name=executor,
            scheduler=scheduler,
            force=force,
            timeout=cell_timeout,
            pdf=pdf,
        )
    )


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


@app.command()
def customize(
    engagement: Annotated[str, typer.Argument(help="engagement folder")],
    check: Annotated[str, typer.Argument(help="check number or slug, e.g. 06 or monitoring; 0 = overview")],
    diff: Annotated[
        bool, typer.Option("--diff", help="show what changed in the standard notebook and in the copy")
    ] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="replace the copy by the current standard (old one kept)")
    ] = False,
    accept: Annotated[
        bool, typer.Option("--accept", help="record that the copy has taken over the standard's changes")
    ] = False,
) -> None:
    """Copy a standard notebook into the engagement to adapt it for this client only."""
    from smtoolkit import customize as overrides
    from smtoolkit.engagement import display_path

    if sum((diff, refresh, accept)) > 1:
        err.print("[bold red]error:[/] use only one of --diff, --refresh and --accept", soft_wrap=True)
        raise typer.Exit(2)
    try:
        if diff:
            out.print(escape(overrides.override_diff(engagement, check)), soft_wrap=True, end="")
            return
        if accept:
            recorded = overrides.accept(engagement, check)
            shown = escape(display_path(recorded))
            out.print(f"{shown} now follows the current standard notebook", soft_wrap=True)
            return
        copied = overrides.customize(engagement, check, refresh=refresh)
    except SmToolkitError as error:
        _fail(error)
    shown = escape(display_path(copied))
    out.print(f"copied the standard notebook to {shown}; the build uses it for this client", soft_wrap=True)


@app.command("config")
def config_command(
    engagement: Annotated[str, typer.Argument(help="engagement folder")],
    every_answer: Annotated[
        bool, typer.Option("--all", help="also list every single-valued answer of each included check")
    ] = False,
) -> None:
    """Show every effective setting and where it comes from: engagement, firm file or toolkit."""
    from smtoolkit.engagement import load_engagement
    from smtoolkit.firm import effective_settings, format_settings

    try:
        loaded = load_engagement(engagement)
    except SmToolkitError as error:
        _fail(error)
    firm = loaded.firm.source if loaded.firm is not None else "none (no smtoolkit.toml above the engagement)"
    out.print(f"engagement: {escape(str(loaded.file))}\nfirm file: {escape(firm)}\n", soft_wrap=True)
    out.print(escape(format_settings(effective_settings(loaded, every_answer=every_answer))), soft_wrap=True)


@app.command()
def demo(
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="output folder; default: the workspace's reports/")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="de or en")] = None,
) -> None:
    """Build the demo client (report.pdf and deck.pptx too) in the workspace, or a temporary folder."""
    from smtoolkit.demo import prepare_demo
    from smtoolkit.engagement import display_path

    try:
        place = prepare_demo()
    except SmToolkitError as error:
        _fail(error)
    if place.temporary:
        out.print(
            "no workspace here (make one with: smtoolkit init); the demo client is in "
            f"{escape(str(place.engagement))}",
            soft_wrap=True,
        )
    elif place.copied:
        out.print(f"copied the demo client to {escape(display_path(place.engagement))}", soft_wrap=True)
    target = out_dir or place.reports
    code = _run_build([str(place.engagement)], target, lang, None, os.cpu_count() or 1, pdf=True)
    index = (target / place.engagement.name / "index.html").resolve()
    if index.is_file():
        out.print(escape(str(index)), soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def lab(
    engagement: Annotated[str | None, typer.Argument(help="engagement whose workshop to open")] = None,
    port: Annotated[int | None, typer.Option(help="port for JupyterLab; default: a free one")] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="print the URL, open no browser")] = False,
    token: Annotated[
        str | None, typer.Option("--token", help="access token; default: a random one, '' for none")
    ] = None,
    present: Annotated[
        bool, typer.Option("--present", help="client view: the workshop as an app, without code (Voilà)")
    ] = False,
    check: Annotated[
        str | None, typer.Option("--check", help="the check to open, e.g. 04 or effort; 0 = overview")
    ] = None,
) -> None:
    """Start JupyterLab on the workspace, on the engagement's own workshop notebooks."""
    from smtoolkit.workshop import lab_launch

    try:
        launch = lab_launch(
            engagement, port=port, token=token, open_browser=not no_browser, present=present, check=check
        )
    except SmToolkitError as error:
        _fail(error)
    out.print(f"workspace: {escape(str(launch.root))}", soft_wrap=True)
    out.print(f"open: {escape(launch.url)}", soft_wrap=True)
    raise typer.Exit(subprocess.call(launch.command, env=launch.env, cwd=launch.root))


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
