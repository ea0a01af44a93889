"""Run build tasks in a worker: execute the notebook with papermill, convert it, guard it.

Workers never write into the report folder: they return a :class:`TaskOutput` with the
page's HTML and the executed notebook, and the build's own process publishes them
(:mod:`smtoolkit.build.publish`). So a worker needs no access to the report folder, and a
worker on another machine (Dask) needs nothing but the job.
"""

from __future__ import annotations

import multiprocessing.util
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import nbformat

from smtoolkit.build.exporter import export_html
from smtoolkit.build.guard import PageProblem, find_problems, sanitize_error
from smtoolkit.build.tasks import Job, Task, TaskOutput, TaskResult
from smtoolkit.build.transport import unpacked
from smtoolkit.errors import BuildError
from smtoolkit.notebook import MODE_ENV

__all__ = ["iter_job", "local_paths", "machine_paths", "run_job", "run_task"]

#: Run in this process (one per worker), so a spare kernel survives from one job to the next.
_POOL: object | None = None


def machine_paths(paths: set[str]) -> list[str]:
    """``paths`` plus the temporary folder and the home folder, sorted, without the root."""
    found = {*paths, tempfile.gettempdir()}
    home = str(Path.home())
    if home not in {"/", ""}:
        found.add(home)
    return sorted(p for p in found if p and p != "/")


def local_paths(task: Task) -> list[str]:
    """The folders of this machine that must not appear in the task's page."""
    return machine_paths(
        {
            str(task.engagement_dir),
            str(task.engagement_dir.parent),
            str(task.notebook.parent),
            str(task.page.parent.parent.resolve()),
        }
    )


def _failing_cell(nb: nbformat.NotebookNode | None, index: int | None) -> int | None:
    """The 1-based number, as the consultant counts, of the cell that failed or was left running.

    ``index`` is papermill's index of the failing cell (None: look for the cell papermill
    marked running or failed, else the last cell it started). papermill adds cells the
    consultant never wrote: the injected parameters and, after an error, red markdown
    cells; they are not counted.
    """
    if nb is None:
        return None if index is None else index + 1
    cells = [c for c in nb.cells if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])]
    if index is None:
        # papermill marks a cell "completed" even when the run stopped in it (a timeout, a
        # dead kernel); then it is the last cell that was started
        marks = [cell.get("metadata", {}).get("papermill", {}) for cell in cells]
        stopped = [i for i, mark in enumerate(marks) if mark.get("status") in {"running", "failed"}]
        started = [i for i, mark in enumerate(marks) if mark.get("start_time")]
        if not stopped and not started:
            return None
        index = stopped[0] if stopped else started[-1]
    injected = [
        i for i, cell in enumerate(cells) if "injected-parameters" in cell.get("metadata", {}).get("tags", [])
    ]
    return index - (1 if injected and injected[0] < index else 0) + 1


def _read(path: Path) -> tuple[nbformat.NotebookNode | None, str | None]:
    try:
        text = path.read_text(encoding="utf-8")
        return nbformat.reads(text, as_version=4), text  # type: ignore[no-untyped-call]
    except (OSError, ValueError):
        return None, None


def _fail(
    task: Task,
    start: float,
    error: str,
    guard: list[str],
    *,
    cell: int | None = None,
    problems: tuple[PageProblem, ...] = (),
    executed: str | None = None,
) -> TaskOutput:
    result = TaskResult(
        task, "failed", time.perf_counter() - start, cell, sanitize_error(error, guard), problems
    )
    return TaskOutput(result, None, executed)


def _execute(task: Task, guard: list[str], kernel: object | None) -> tuple[TaskOutput, bool]:
    """Run one notebook; return its output and whether the kernel may serve the next one."""
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="smtoolkit-run-") as scratch:
        executed_path = Path(scratch) / task.notebook.name
        options: dict[str, object] = (
            {"cwd": str(task.engagement_dir), "shutdown_kernel": "immediate"}
            if kernel is None
            else {
                "engine_name": "smtoolkit-warm",
                "warm_kernel": kernel,
                "request_save_on_cell_execute": False,
                "failure_path": str(executed_path),
            }
        )
        healthy = True
        failed_at: int | None = None
        error: str | None = None
        cell: int | None = None
        try:
            papermill.execute_notebook(
                str(task.notebook),
                str(executed_path),
                parameters={"engagement": str(task.engagement_dir), "language": task.language},
                kernel_name="python3",
                language="python",
                progress_bar=False,
                log_output=False,
                execution_timeout=task.timeout,
                **options,
            )
        except PapermillExecutionError as err:
            error = f"{err.ename}: {err.evalue}"
            failed_at = err.cell_index
        except CellTimeoutError:
            error = f"the cell did not finish within {task.timeout} s (the cell timeout); kernel stopped"
            healthy = False
        except DeadKernelError:
            error = "the kernel stopped while running the cell (crashed or killed, e.g. out of memory)"
            healthy = False
        except Exception as err:
            error = f"{type(err).__name__}: {err}"
            healthy = False
        nb, executed = _read(executed_path)
    if error is not None:
        cell = _failing_cell(nb, failed_at)
        return _fail(task, start, error, guard, cell=cell, executed=executed), healthy
    if nb is None:
        return _fail(task, start, "papermill wrote no executed notebook", guard), healthy
    try:
        page = export_html(nb, language=task.language, context=task.context)
    except Exception as err:
        return _fail(task, start, f"{type(err).__name__}: {err}", guard, executed=executed), healthy
    found = find_problems(page, guard)
    if found:
        text = "; ".join(p.text for p in found)
        return _fail(task, start, text, guard, problems=tuple(found), executed=executed), healthy
    return TaskOutput(TaskResult(task, "ok", time.perf_counter() - start), page, executed), healthy


def run_task(task: Task) -> TaskOutput:
    """Build one page in a fresh kernel; any failure is returned, never raised."""
    os.environ[MODE_ENV] = "batch"
    return _execute(task, local_paths(task), None)[0]


def _kernel_pool(prestart: bool) -> object:
    from smtoolkit.build.kernels import KernelPool

    global _POOL
    if _POOL is None:
        _POOL = KernelPool(spare=prestart)
        # a pool worker ends without atexit; multiprocessing's finalizers still run
        multiprocessing.util.Finalize(None, _POOL.close, exitpriority=10)
    assert isinstance(_POOL, KernelPool)
    _POOL.keep_spare = prestart
    return _POOL


def _warm(job: Job, tasks: tuple[Task, ...], guards: list[list[str]]) -> Iterator[TaskOutput]:
    from smtoolkit.build.kernels import KernelPool, WarmKernel

    pool = _kernel_pool(job.prestart)
    assert isinstance(pool, KernelPool)
    kernel: WarmKernel | None = None
    try:
        for task, guard in zip(tasks, guards, strict=True):
            start = time.perf_counter()
            try:
                if kernel is None or not kernel.alive():
                    if kernel is not None:
                        kernel.shutdown()
                    kernel = pool.take(job.slug)
                kernel.prepare(task.engagement_dir)
            except (BuildError, RuntimeError, OSError) as err:
                if kernel is not None:
                    kernel.shutdown()
                    kernel = None
                yield _fail(task, start, f"no kernel to run the notebook: {err}", guard)
                continue
            output, healthy = _execute(task, guard, kernel)
            if not healthy:
                kernel.shutdown()
                kernel = None
            yield output
    finally:
        if kernel is not None:
            kernel.shutdown()
        if not job.prestart:
            pool.close()


def iter_job(job: Job) -> Iterator[TaskOutput]:
    """Run a job's tasks in order and yield each output as it is ready.

    With a bundle the engagement is unpacked into a private folder first; outputs name the
    job's own tasks, so the caller sees the paths it planned.
    """
    os.environ[MODE_ENV] = "batch"
    with unpacked(job) as tasks:
        guards = [
            sorted(set(local_paths(local)) | set(local_paths(own)))
            for local, own in zip(tasks, job.tasks, strict=True)
        ]
        if job.kernel == "fresh":
            outputs: Iterator[TaskOutput] = (
                _execute(task, guard, None)[0] for task, guard in zip(tasks, guards, strict=True)
            )
        else:
            outputs = _warm(job, tasks, guards)
        for own, output in zip(job.tasks, outputs, strict=True):
            yield TaskOutput(replace(output.result, task=own), output.page, output.executed)


def run_job(job: Job, emit: Callable[[TaskOutput], None] | None = None) -> list[TaskOutput]:
    """Run a job; with ``emit`` each output is also handed over as soon as it is ready."""
    outputs = []
    for output in iter_job(job):
        if emit is not None:
            emit(output)
        outputs.append(output)
    return outputs
