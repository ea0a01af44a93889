"""Carry a job's inputs to a worker that does not share the file system (Dask on other machines).

:func:`pack` puts the engagement folder (answers, data, logo, pseudonymization key,
notebook overrides) and each task's notebook into one compressed tar in memory;
:func:`unpacked` extracts it into a private temporary folder on the worker and yields the
job's tasks pointing there. The archive is extracted with tarfile's ``data`` filter, so no
member can land outside that folder. Outputs travel back as values, never as files.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from smtoolkit.build.tasks import Job, Task

__all__ = ["SKIPPED", "engagement_files", "pack", "unpacked"]

#: Names inside an engagement folder that are never inputs of a page (``workshop`` holds the
#: client's workshop notebooks, which the build never reads; see smtoolkit.workshop).
SKIPPED = frozenset(
    {".history", ".engagement.lock", ".ipynb_checkpoints", "__pycache__", ".DS_Store", "workshop"}
)


def engagement_files(folder: Path) -> list[Path]:
    """Every input file of the engagement folder, sorted; history, locks and caches left out."""
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part in SKIPPED for part in relative.parts) or not path.is_file():
            continue
        files.append(path)
    return files


def pack(engagement_dir: Path, tasks: Sequence[Task]) -> bytes:
    """The engagement folder and the tasks' notebooks as one ``tar.gz``."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for path in engagement_files(engagement_dir):
            name = path.relative_to(engagement_dir).as_posix()
            tar.add(path, arcname=f"engagement/{name}", recursive=False)
        for index, task in enumerate(tasks):
            tar.add(task.notebook, arcname=f"notebooks/{index}/{task.notebook.name}", recursive=False)
    return buffer.getvalue()


@contextmanager
def unpacked(job: Job) -> Iterator[tuple[Task, ...]]:
    """The job's tasks, reading from the bundle's copy when the job carries one."""
    if job.bundle is None:
        yield job.tasks
        return
    with tempfile.TemporaryDirectory(prefix="smtoolkit-job-") as scratch:
        root = Path(scratch)
        with tarfile.open(fileobj=io.BytesIO(job.bundle), mode="r:gz") as tar:
            tar.extractall(root, filter="data")
        folder = root / job.slug
        (root / "engagement").rename(folder)
        yield tuple(
            replace(task, engagement_dir=folder, notebook=root / "notebooks" / str(i) / task.notebook.name)
            for i, task in enumerate(job.tasks)
        )
