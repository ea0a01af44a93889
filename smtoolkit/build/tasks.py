"""A build task is one notebook for one engagement; planning turns engagements into tasks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from smtoolkit.build.guard import PageProblem
from smtoolkit.checks.registry import CheckSpec
from smtoolkit.engagement import Engagement
from smtoolkit.overview.spec import OVERVIEW
from smtoolkit.resources import notebooks_dir

__all__ = ["DEBUG_DIR", "PageSpec", "Task", "TaskResult", "plan"]

#: Executed notebooks (with code and any traceback) go here, outside the client's folder.
DEBUG_DIR = "_debug"


@dataclass(frozen=True)
class Task:
    """Everything a worker needs to build one page; plain data, so it can be pickled."""

    slug: str
    check: str
    number: int
    engagement_dir: Path
    notebook: Path
    notebook_source: str
    page: Path
    executed: Path
    language: str
    context: dict[str, Any] = field(default_factory=dict)
    timeout: int = 600


@dataclass(frozen=True)
class TaskResult:
    """What happened to one task."""

    task: Task
    status: str  # "ok" or "failed"
    duration: float
    cell: int | None = None
    error: str | None = None
    problems: tuple[PageProblem, ...] = ()  # why the publish guard refused the page

    @property
    def ok(self) -> bool:
        """True when the page was published."""
        return self.status == "ok"


class PageSpec(Protocol):
    """What the build needs of a page's notebook: a check's spec or the overview's."""

    @property
    def number(self) -> int: ...  # noqa: D102

    @property
    def slug(self) -> str: ...  # noqa: D102

    @property
    def notebook(self) -> str: ...  # noqa: D102

    @property
    def page(self) -> str: ...  # noqa: D102

    def title(self, language: str) -> str: ...  # noqa: D102


def _notebook_for(engagement: Engagement, spec: PageSpec) -> tuple[Path, str]:
    override = engagement.folder / "notebooks" / spec.notebook
    if override.is_file():
        return override, "override"
    return notebooks_dir() / spec.notebook, "standard"


def plan(
    engagement: Engagement,
    checks: list[CheckSpec],
    out_root: Path,
    language: str,
    context: dict[str, Any],
    *,
    overview: bool = True,
) -> list[Task]:
    """Return the overview's task (unless ``overview`` is False), then one per included check."""
    included = {spec.slug for spec in engagement.included()}
    report_dir = out_root / engagement.slug
    tasks = []
    pages: Sequence[PageSpec] = [
        *([OVERVIEW] if overview else []),
        *(spec for spec in checks if spec.slug in included),
    ]
    for spec in pages:
        notebook, source = _notebook_for(engagement, spec)
        tasks.append(
            Task(
                slug=engagement.slug,
                check=spec.slug,
                number=spec.number,
                engagement_dir=engagement.folder,
                notebook=notebook,
                notebook_source=source,
                page=report_dir / spec.page,
                executed=out_root / DEBUG_DIR / engagement.slug / spec.notebook,
                language=language,
                context={**context, "report_title": spec.title(language)},
            )
        )
    return tasks
