"""A build task is one notebook for one engagement; planning turns engagements into tasks."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from smtoolkit.build.guard import PageProblem
from smtoolkit.checks.registry import CheckSpec
from smtoolkit.engagement import Engagement
from smtoolkit.overview.spec import OVERVIEW

__all__ = [
    "DEBUG_DIR",
    "EXTRA_FIRST",
    "ExtraPage",
    "Job",
    "PageSpec",
    "Task",
    "TaskOutput",
    "TaskResult",
    "extra_pages",
    "plan",
]

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
    timeout: int = 600  # seconds one cell may run
    key: str = ""  # the incremental-build key of the task's inputs (smtoolkit.build.incremental)


@dataclass(frozen=True)
class TaskResult:
    """What happened to one task."""

    task: Task
    status: str  # "ok" or "failed"
    duration: float
    cell: int | None = None
    error: str | None = None
    problems: tuple[PageProblem, ...] = ()  # why the publish guard refused the page
    reused: bool = False  # the page of the last build was kept: its inputs did not change

    @property
    def ok(self) -> bool:
        """True when the page was published (now or, unchanged, by an earlier build)."""
        return self.status == "ok"


@dataclass(frozen=True)
class TaskOutput:
    """What a worker returns for a task; the build's own process writes the files."""

    result: TaskResult
    page: str | None = None  # the page's HTML, when it may be published
    executed: str | None = None  # the executed notebook (JSON), also after a failure


@dataclass(frozen=True)
class Job:
    """Tasks of one engagement that run one after another in one warm kernel, or each in a fresh one.

    A kernel never serves two jobs. ``bundle`` carries the engagement's files (and the
    notebooks) for a worker on another machine; without it the worker reads the folders.
    """

    slug: str
    tasks: tuple[Task, ...]
    kernel: str = "warm"  # "warm" or "fresh"
    bundle: bytes | None = None
    prestart: bool = True  # keep a spare kernel started for the next job of this worker


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

    def notebook_path(self) -> Path: ...  # noqa: D102


@dataclass(frozen=True)
class ExtraPage:
    """A notebook of the engagement's own (``notebooks/<name>.ipynb`` that overrides no check).

    It is built with the same parameters, template and guard as a check's page, and the
    index lists it after the standard pages. Its title is the notebook's first heading.
    """

    number: int
    slug: str
    notebook: str
    page: str
    heading: str

    def title(self, language: str) -> str:
        """The notebook's first Markdown heading, else its file name."""
        return self.heading

    def notebook_path(self) -> Path:  # pragma: no cover - extras always come from the engagement
        """Not used: an extra notebook exists only in the engagement's folder."""
        raise FileNotFoundError(self.notebook)


#: Extra notebooks are numbered from here, after any check (plug-ins use 11-99).
EXTRA_FIRST = 100
_EXTRA_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}\.ipynb$")


def _heading(path: Path) -> str:
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        cells = []
    for cell in cells if isinstance(cells, list) else []:
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            text = "".join(source) if isinstance(source, list) else str(source)
            for line in text.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()[:120] or path.stem
    return path.stem.replace("_", " ")


def extra_pages(engagement: Engagement, taken: set[str]) -> list[ExtraPage]:
    """The engagement's extra notebooks: ``notebooks/*.ipynb`` not named like a page in ``taken``."""
    folder = engagement.folder / "notebooks"
    if not folder.is_dir():
        return []
    names = sorted(p.name for p in folder.glob("*.ipynb") if p.is_file() and p.name not in taken)
    pages = []
    for index, name in enumerate(n for n in names if _EXTRA_NAME.match(n)):
        stem = name[: -len(".ipynb")]
        slug = "extra-" + stem.lower().replace("_", "-")
        pages.append(ExtraPage(EXTRA_FIRST + index, slug, name, f"{slug[6:]}.html", _heading(folder / name)))
    return pages


def _notebook_for(engagement: Engagement, spec: PageSpec) -> tuple[Path, str]:
    own = engagement.folder / "notebooks" / spec.notebook
    if isinstance(spec, ExtraPage):
        return own, "extra"
    if own.is_file():
        return own, "override"
    return spec.notebook_path(), "standard"


def plan(
    engagement: Engagement,
    checks: list[CheckSpec],
    out_root: Path,
    language: str,
    context: dict[str, Any],
    *,
    overview: bool = True,
    extras: bool = True,
    timeout: int = 600,
    today: date | None = None,
) -> list[Task]:
    """The overview's task (unless ``overview`` is False), one per included check, then the extras.

    Every task carries its incremental-build key (:func:`smtoolkit.build.incremental.task_key`).
    """
    from smtoolkit.build.incremental import task_key
    from smtoolkit.checks.registry import registry

    included = {spec.slug for spec in engagement.included()}
    report_dir = out_root / engagement.slug
    pages: list[PageSpec] = [
        *([OVERVIEW] if overview else []),
        *(spec for spec in checks if spec.slug in included),
    ]
    if extras:
        taken = {spec.notebook for spec in registry()} | {OVERVIEW.notebook}
        pages.extend(extra_pages(engagement, taken))
    tasks = []
    for spec in pages:
        notebook, source = _notebook_for(engagement, spec)
        page_context = {**context, "report_title": spec.title(language)}
        key = task_key(
            engagement,
            check=spec.slug,
            reads=getattr(spec, "reads", ()),
            files=bool(getattr(spec, "files", True)),
            notebook=notebook,
            language=language,
            context=page_context,
            today=today or date.today(),
        )
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
                context=page_context,
                timeout=timeout,
                key=key,
            )
        )
    return tasks
