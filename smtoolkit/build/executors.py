"""Executors run build jobs and yield every task's output as soon as it is ready.

- :class:`SerialExecutor`: in this process, one job after another.
- :class:`ProcessExecutor`: ``jobs`` spawned worker processes; each keeps a warm kernel
  spare for its next job. Outputs stream back through a queue task by task.
- :class:`DaskExecutor`: the same jobs on ``dask.distributed`` (a ``LocalCluster``, or an
  existing scheduler). Jobs carry their inputs (:mod:`smtoolkit.build.transport`) and
  return their outputs; nothing is read from or written to a shared file system.

A worker that dies takes only its unfinished tasks with it: they come back as failed
outputs with a message, and the other jobs go on.
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any, Protocol

from smtoolkit.build.tasks import Job, Task, TaskOutput, TaskResult
from smtoolkit.errors import BuildError, SmToolkitError

__all__ = ["DaskExecutor", "Executor", "ProcessExecutor", "SerialExecutor", "executor_for", "lost"]


class Executor(Protocol):
    """Runs jobs and yields each task's output, in completion order."""

    def run(self, jobs: Sequence[Job]) -> Iterator[TaskOutput]:
        """Yield one output for every task of every job."""
        ...


def lost(task: Task, why: str) -> TaskOutput:
    """The output of a task whose worker went away before it finished."""
    return TaskOutput(TaskResult(task, "failed", 0.0, None, why))


class SerialExecutor:
    """Runs the jobs one after another in this process."""

    def __init__(self, kernel: str = "warm") -> None:
        self.kernel = kernel

    def run(self, jobs: Sequence[Job]) -> Iterator[TaskOutput]:
        """Yield the outputs job by job, task by task."""
        from smtoolkit.build.execute import iter_job

        for job in jobs:
            yield from iter_job(replace(job, kernel=self.kernel, prestart=False))


_QUEUE: Any = None


def _start_worker(outputs: Any) -> None:
    global _QUEUE
    _QUEUE = outputs


def _run_in_worker(job: Job) -> int:
    """Run ``job`` in a pool worker, sending each output to the build's queue."""
    from smtoolkit.build.execute import iter_job

    count = 0
    for output in iter_job(job):
        _QUEUE.put(output)
        count += 1
    return count


class ProcessExecutor:
    """Runs jobs in ``jobs`` worker processes (started fresh, not forked)."""

    def __init__(self, jobs: int, kernel: str = "warm") -> None:
        self.jobs = max(1, jobs)
        self.kernel = kernel

    def run(self, jobs: Sequence[Job]) -> Iterator[TaskOutput]:
        """Yield outputs as the workers send them."""
        if not jobs:
            return
        context = multiprocessing.get_context("spawn")
        outputs = context.Queue()
        owner = {(task.slug, task.number): index for index, job in enumerate(jobs) for task in job.tasks}
        finished: list[set[int]] = [set() for _ in jobs]

        def received(output: TaskOutput) -> TaskOutput:
            task = output.result.task
            finished[owner[(task.slug, task.number)]].add(task.number)
            return output

        def drain() -> Iterator[TaskOutput]:
            while True:
                try:
                    yield received(outputs.get_nowait())
                except queue.Empty:
                    return

        with ProcessPoolExecutor(
            max_workers=min(self.jobs, len(jobs)),
            mp_context=context,
            initializer=_start_worker,
            initargs=(outputs,),
        ) as pool:
            futures: dict[Future[int], int] = {
                pool.submit(_run_in_worker, replace(job, kernel=self.kernel)): index
                for index, job in enumerate(jobs)
            }
            while futures:
                try:
                    yield received(outputs.get(timeout=0.2))
                    continue
                except queue.Empty:
                    pass
                for future in [f for f in futures if f.done()]:
                    index = futures.pop(future)
                    error = future.exception()
                    if error is None:
                        continue
                    time.sleep(0.2)  # what the worker sent before it went away is still in the pipe
                    yield from drain()
                    why = f"the build worker stopped before this notebook ran ({type(error).__name__})"
                    for task in jobs[index].tasks:
                        if task.number not in finished[index]:
                            yield lost(task, why)
            yield from drain()


class DaskExecutor:
    """Runs jobs on dask.distributed: a new ``LocalCluster``, or the scheduler at ``address``."""

    def __init__(self, jobs: int, kernel: str = "warm", address: str | None = None) -> None:
        self.jobs = max(1, jobs)
        self.kernel = kernel
        self.address = address

    def run(self, jobs: Sequence[Job]) -> Iterator[TaskOutput]:
        """Yield the outputs of each job as its worker returns them."""
        try:
            from distributed import Client, LocalCluster, as_completed
        except ImportError:
            raise BuildError(
                "--executor dask needs dask.distributed; install it with pip install 'smtoolkit[dask]'"
            ) from None
        if not jobs:
            return
        from smtoolkit.build.execute import run_job
        from smtoolkit.build.transport import pack

        cluster: Any = None
        if self.address is None:
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
        try:
            with Client(cluster if cluster is not None else self.address) as client:  # type: ignore[no-untyped-call]
                futures = {}
                for job in jobs:
                    try:
                        bundle = pack(job.tasks[0].engagement_dir, job.tasks)
                    except SmToolkitError as err:
                        yield from (lost(task, str(err)) for task in job.tasks)
                        continue
                    remote = replace(job, kernel=self.kernel, bundle=bundle, prestart=False)
                    futures[client.submit(run_job, remote, pure=False)] = job
                for future in as_completed(list(futures)):  # type: ignore[no-untyped-call]
                    job = futures[future]
                    try:
                        result: list[TaskOutput] = future.result()
                    except Exception as err:
                        why = f"the Dask worker failed the job ({type(err).__name__}: {err})"
                        yield from (lost(task, why) for task in job.tasks)
                        continue
                    yield from result
        finally:
            if cluster is not None:
                cluster.close()


def executor_for(name: str, jobs: int, kernel: str, scheduler: str | None) -> Executor:
    """The executor named on the command line."""
    if name == "dask":
        return DaskExecutor(jobs, kernel, scheduler)
    if scheduler is not None:
        raise BuildError("--scheduler needs --executor dask")
    if name == "serial" or jobs <= 1:
        return SerialExecutor(kernel)
    if name in {"process", "local"}:
        return ProcessExecutor(jobs, kernel)
    raise BuildError(f"--executor {name!r} is not available; expected local or dask")
