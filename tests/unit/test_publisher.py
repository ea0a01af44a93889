"""Engagements are published as soon as their last page is in, while the executor goes on."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from smtoolkit.build import orchestrate
from smtoolkit.build.executors import SerialExecutor
from smtoolkit.build.orchestrate import EngagementBuild, build
from smtoolkit.build.tasks import Job, TaskOutput, TaskResult
from smtoolkit.checks.registry import get

EFFORT = [get("effort")]


class Outputs:
    """An executor that hands out finished pages, waiting for earlier jobs' publication.

    Before each job after the first it waits up to five seconds for the engagements of
    the earlier jobs to be published.
    """

    jobs = 2

    def __init__(self, published: dict[str, threading.Event]) -> None:
        self.published = published
        self.waited: list[tuple[str, bool]] = []

    def run(self, jobs: Sequence[Job]) -> Iterator[TaskOutput]:
        """Yield one page per task, job by job, waiting for the earlier jobs' publication."""
        for position, job in enumerate(jobs):
            for earlier in jobs[:position]:
                self.waited.append((earlier.slug, self.published[earlier.slug].wait(5)))
            for task in job.tasks:
                yield TaskOutput(TaskResult(task, "ok", 0.1), f"<p>{task.check}</p>", None)


class SerialOutputs(SerialExecutor, Outputs):
    """The same outputs, from an executor that runs notebooks in the build's own thread."""

    def __init__(self, published: dict[str, threading.Event]) -> None:
        Outputs.__init__(self, published)

    def run(self, jobs: Sequence[Job]) -> Iterator[TaskOutput]:
        """Yield the outputs without waiting (publishing happens in this thread)."""
        for job in jobs:
            for task in job.tasks:
                yield TaskOutput(TaskResult(task, "ok", 0.1), f"<p>{task.check}</p>", None)


class Recorder:
    """A build observer noting each finished engagement and the thread it was told in."""

    def __init__(self) -> None:
        self.done: list[tuple[str, str]] = []

    def planned(self, entries: Sequence[EngagementBuild], tasks: int, to_run: int) -> None:
        """Nothing to note."""

    def task_done(self, result: TaskResult) -> None:
        """Nothing to note."""

    def engagement_done(self, entry: EngagementBuild) -> None:
        """Note the engagement and the current thread."""
        self.done.append((entry.slug or "", threading.current_thread().name))


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> dict[str, threading.Event]:
    """Replace publishing by a record: an event per engagement, set when it is published."""
    events: dict[str, threading.Event] = {}

    def publish(entry: EngagementBuild, engagement: Any, out_root: Path, *args: Any, **kwargs: Any) -> None:
        assert len(entry.results) == 2, "published before all of its pages were in"
        events.setdefault(engagement.slug, threading.Event()).set()

    monkeypatch.setattr(orchestrate, "_publish", publish)
    return events


def test_an_engagement_is_published_while_the_executor_still_runs_the_others(
    make_engagement: Callable[..., Path], tmp_path: Path, published: dict[str, threading.Event]
) -> None:
    """The first client's files are written before the second client's pages arrive; observers hear in the main thread."""
    folders = [make_engagement(name) for name in ("alpha", "beta", "gamma")]
    for folder in folders:
        published[folder.name] = threading.Event()
    executor = Outputs(published)
    observer = Recorder()
    summary = build(
        [str(f) for f in folders], tmp_path / "out", checks=EFFORT, executor=executor, observer=observer
    )
    assert summary.exit_code == 0
    assert executor.waited and all(ok for _, ok in executor.waited), executor.waited
    assert sorted(slug for slug, _ in observer.done) == ["alpha", "beta", "gamma"]
    assert {thread for _, thread in observer.done} == {threading.main_thread().name}
    assert (tmp_path / "out" / "beta" / "04-effort.html").read_text(encoding="utf-8") == "<p>effort</p>"


def test_a_serial_build_publishes_each_engagement_in_its_own_thread(
    make_engagement: Callable[..., Path], tmp_path: Path, published: dict[str, threading.Event]
) -> None:
    """Without worker processes every engagement is still published once, in the build's thread."""
    folders = [make_engagement(name) for name in ("alpha", "beta")]
    threads: list[str] = []

    def publish(entry: EngagementBuild, engagement: Any, *args: Any, **kwargs: Any) -> None:
        threads.append(threading.current_thread().name)

    executor = SerialOutputs(published)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(orchestrate, "_publish", publish)
        summary = build([str(f) for f in folders], tmp_path / "out", checks=EFFORT, executor=executor)
    assert summary.exit_code == 0
    assert threads == [threading.main_thread().name] * 2
