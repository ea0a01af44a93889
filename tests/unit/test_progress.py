"""Build progress: live bars on a terminal, plain lines in logs, and the closing summary."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from smtoolkit.build.executors import DaskExecutor, ProcessExecutor, SerialExecutor, executor_for
from smtoolkit.build.orchestrate import BuildSummary, EngagementBuild
from smtoolkit.build.progress import ConsoleProgress, print_summary
from smtoolkit.build.tasks import Task, TaskResult
from smtoolkit.errors import BuildError


def result(tmp_path: Path, slug: str, check: str, status: str = "ok", *, reused: bool = False) -> TaskResult:
    """A task result of page ``check`` of engagement ``slug``."""
    task = Task(
        slug=slug,
        check=check,
        number=4,
        engagement_dir=tmp_path / slug,
        notebook=tmp_path / "04_effort.ipynb",
        notebook_source="standard",
        page=tmp_path / "out" / slug / "04-effort.html",
        executed=tmp_path / "out" / "_debug" / slug / "04_effort.ipynb",
        language="de",
    )
    error = "ValueError: bad" if status == "failed" else None
    return TaskResult(task, status, 1.25, 3 if error else None, error, reused=reused)


def console(terminal: bool) -> tuple[Console, io.StringIO]:
    """A console writing into a string, as a terminal or as a log."""
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=terminal, width=120, highlight=False), buffer


def test_plain_lines_in_a_log(tmp_path: Path) -> None:
    """Without a terminal: the plan, one line per page built or failed (kept pages are counted), one per engagement."""
    out, buffer = console(False)
    entry = EngagementBuild("engagements/acme", slug="acme")
    entry.results = [result(tmp_path, "acme", "effort"), result(tmp_path, "acme", "goals", "failed")]
    kept = result(tmp_path, "acme", "strategy", reused=True)
    entry.results.append(kept)
    with ConsoleProgress(out) as progress:
        progress.planned([entry], 3, 2)
        for item in entry.results:
            progress.task_done(item)
        progress.engagement_done(entry)
    text = buffer.getvalue()
    assert "planned 3 page(s) of 1 engagement(s): 2 to build, 1 unchanged" in text
    assert "ok acme 04-effort.html (1.2 s)" in text
    assert "failed acme 04-effort.html (1.2 s): cell 3: ValueError: bad" in text
    assert "done acme: 1 built, 1 unchanged, 1 failed" in text
    assert text.count("04-effort.html") == 2
    assert progress.failed == 1 and progress.kept == 1


def test_live_bars_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal the bars count notebooks and engagements with failed and unchanged figures."""
    out, buffer = console(True)
    entry = EngagementBuild("engagements/acme", slug="acme")
    entry.results = [result(tmp_path, "acme", "effort"), result(tmp_path, "acme", "goals", "failed")]
    with ConsoleProgress(out) as progress:
        progress.planned([entry], 2, 2)
        for item in entry.results:
            progress.task_done(item)
        progress.engagement_done(entry)
        assert progress._progress is not None
        bars = {task.description: task for task in progress._progress.tasks}
        assert bars["notebooks"].completed == 2 and bars["notebooks"].fields["failed"] == 1
        assert bars["engagements"].completed == 1 and bars["engagements"].fields["failed"] == 1
    assert "notebooks" in buffer.getvalue() and "1 failed" in buffer.getvalue()


def test_summary_table_and_failures(tmp_path: Path) -> None:
    """The summary lists every engagement's counts and result, then each failure with cell and error."""
    out, out_buffer = console(False)
    err, err_buffer = console(False)
    built = EngagementBuild("engagements/acme", slug="acme")
    built.results = [result(tmp_path, "acme", "effort"), result(tmp_path, "acme", "goals", "failed")]
    same = EngagementBuild("engagements/beta", slug="beta", up_to_date=True, pages_kept=11)
    broken = EngagementBuild("engagements/gamma", slug="gamma", error="engagement.yaml:3 bad")
    summary = BuildSummary([built, same, broken])
    print_summary(summary, out, err)
    table = out_buffer.getvalue()
    assert "acme" in table and "failed pages" in table
    assert "beta" in table and "up to date" in table and "11" in table
    assert "gamma" in table and "not built: invalid" in table
    failures = " ".join(err_buffer.getvalue().split())
    assert "1 page(s) failed:" in failures
    assert "acme 04-effort.html (standard notebook 04_effort.ipynb): cell 3: ValueError: bad" in failures
    assert summary.exit_code == 2


def test_executor_choice_and_bad_options() -> None:
    """--executor names an executor; --scheduler needs dask; one job is serial; unknown names are refused."""
    assert isinstance(executor_for("local", 1, "warm", None), SerialExecutor)
    parallel = executor_for("local", 4, "fresh", None)
    assert isinstance(parallel, ProcessExecutor) and parallel.jobs == 4 and parallel.kernel == "fresh"
    dask = executor_for("dask", 2, "warm", "tcp://build:8786")
    assert isinstance(dask, DaskExecutor) and dask.address == "tcp://build:8786"
    with pytest.raises(BuildError, match="--scheduler needs --executor dask"):
        executor_for("local", 2, "warm", "tcp://build:8786")
    with pytest.raises(BuildError, match="expected local or dask"):
        executor_for("kubernetes", 2, "warm", None)
