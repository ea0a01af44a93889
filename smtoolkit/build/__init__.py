"""The report build: (engagement, notebook) tasks, run by an executor, into HTML pages.

Names are imported on first use, so checking whether engagements are up to date needs
neither papermill nor nbconvert.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smtoolkit.build.executors import DaskExecutor, Executor, ProcessExecutor, SerialExecutor
    from smtoolkit.build.orchestrate import BuildSummary, EngagementBuild, build
    from smtoolkit.build.tasks import Task, TaskResult, plan

__all__ = [
    "BuildSummary",
    "DaskExecutor",
    "EngagementBuild",
    "Executor",
    "ProcessExecutor",
    "SerialExecutor",
    "Task",
    "TaskResult",
    "build",
    "plan",
]

_HOME = {
    "DaskExecutor": "executors",
    "Executor": "executors",
    "ProcessExecutor": "executors",
    "SerialExecutor": "executors",
    "BuildSummary": "orchestrate",
    "EngagementBuild": "orchestrate",
    "build": "orchestrate",
    "Task": "tasks",
    "TaskResult": "tasks",
    "plan": "tasks",
}


def __getattr__(name: str) -> Any:
    """Import the build's public names on first use."""
    if name in _HOME:
        return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
