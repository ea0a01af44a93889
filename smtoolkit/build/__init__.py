"""The report build: (engagement, notebook) tasks, run by an executor, into HTML pages."""

from smtoolkit.build.executors import Executor, ProcessExecutor, SerialExecutor
from smtoolkit.build.orchestrate import BuildSummary, EngagementBuild, build
from smtoolkit.build.tasks import Task, TaskResult, plan

__all__ = [
    "BuildSummary",
    "EngagementBuild",
    "Executor",
    "ProcessExecutor",
    "SerialExecutor",
    "Task",
    "TaskResult",
    "build",
    "plan",
]
