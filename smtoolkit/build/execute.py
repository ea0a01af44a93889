"""Run one task in a worker: execute the notebook with papermill, convert it, publish it."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import nbformat

from smtoolkit.atomic import write_atomic
from smtoolkit.build.exporter import export_html
from smtoolkit.build.guard import PageProblem, find_problems, sanitize_error
from smtoolkit.build.tasks import Task, TaskResult
from smtoolkit.notebook import MODE_ENV

__all__ = ["local_paths", "run_task"]


def local_paths(task: Task) -> list[str]:
    """The folders of this machine that must not appear in the task's page."""
    paths = {
        str(task.engagement_dir),
        str(task.engagement_dir.parent),
        str(task.notebook.parent),
        str(task.page.parent.parent.resolve()),
        tempfile.gettempdir(),
    }
    home = str(Path.home())
    if home not in {"/", ""}:
        paths.add(home)
    return sorted(p for p in paths if p and p != "/")


def _failed(
    task: Task, start: float, error: str, cell: int | None = None, problems: tuple[PageProblem, ...] = ()
) -> TaskResult:
    task.page.unlink(missing_ok=True)
    return TaskResult(
        task,
        "failed",
        time.perf_counter() - start,
        cell,
        sanitize_error(error, local_paths(task)),
        problems,
    )


def _source_cell(task: Task, executed_index: int) -> int:
    """The 1-based number of the failing cell in the notebook as the consultant sees it.

    papermill inserts an ``injected-parameters`` cell; cells after it shift by one.
    """
    try:
        executed = nbformat.read(str(task.executed), as_version=4)  # type: ignore[no-untyped-call]
    except (OSError, ValueError):
        return executed_index + 1
    injected = [
        i
        for i, cell in enumerate(executed.cells)
        if "injected-parameters" in cell.get("metadata", {}).get("tags", [])
    ]
    shift = 1 if injected and injected[0] < executed_index else 0
    return executed_index - shift + 1


def run_task(task: Task) -> TaskResult:
    """Build one page; any failure is returned as a failed result, never raised."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    os.environ[MODE_ENV] = "batch"
    task.executed.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(task.notebook),
            str(task.executed),
            parameters={"engagement": str(task.engagement_dir), "language": task.language},
            kernel_name="python3",
            language="python",
            progress_bar=False,
            log_output=False,
            cwd=str(task.engagement_dir),
            execution_timeout=task.timeout,
            shutdown_kernel="immediate",
        )
    except PapermillExecutionError as err:
        return _failed(task, start, f"{err.ename}: {err.evalue}", _source_cell(task, err.cell_index))
    except Exception as err:
        return _failed(task, start, f"{type(err).__name__}: {err}")
    try:
        nb = nbformat.read(str(task.executed), as_version=4)  # type: ignore[no-untyped-call]
        page = export_html(nb, language=task.language, context=task.context)
        problems = find_problems(page, local_paths(task))
        if problems:
            return _failed(task, start, "; ".join(p.text for p in problems), problems=tuple(problems))
        write_atomic(task.page, page)
    except OSError as err:
        return _failed(task, start, f"cannot write the page: {err.strerror or err}")
    except Exception as err:
        return _failed(task, start, f"{type(err).__name__}: {err}")
    return TaskResult(task, "ok", time.perf_counter() - start)
