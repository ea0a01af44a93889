"""Carry a job's inputs to a worker that does not share the file system (Dask on other machines).

:func:`engagement_files` lists what the pages of an engagement read, and nothing else:
``engagement.yaml``, the pseudonymization key, the exports in ``data/`` (the files the
importers read: .csv, .tsv, .txt, .xlsx, .xlsm, .xls; hidden files, lock files and links
leaving the folder left out), the files the answers name (the logo, a reach table) and the
engagement's notebooks. A video or an archive lying in the folder is neither shipped nor
hashed for the incremental build.

:func:`pack` puts those files and each task's notebook into one compressed tar in memory,
refusing (:class:`~smtoolkit.errors.BuildError`, naming the engagement, the size and the
limit ``bundle_bytes``) when they add up to more than the limit; :func:`unpacked`
extracts it into a private temporary folder on the worker and yields the job's tasks
pointing there. The archive is extracted with tarfile's ``data`` filter, so no member can
land outside that folder. Links inside the folder travel as the files they point to.
Outputs travel back as values, never as files.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from smtoolkit.build.tasks import Job, Task
from smtoolkit.errors import BuildError, SmToolkitError
from smtoolkit.limits import limits_for

__all__ = ["SKIPPED", "engagement_files", "pack", "referenced_files", "unpacked"]

#: Names inside an engagement folder that are never inputs of a page (``workshop`` holds the
#: client's workshop notebooks, which the build never reads; see smtoolkit.workshop).
SKIPPED = frozenset(
    {".history", ".engagement.lock", ".ipynb_checkpoints", "__pycache__", ".DS_Store", "workshop"}
)
_ENGAGEMENT_FILE = "engagement.yaml"
_KEY_FILE = ".pseudonym-key"


def _inside(folder: Path, path: Path) -> bool:
    root = folder.resolve()
    target = path.resolve()
    return target == root or root in target.parents


def referenced_files(folder: Path) -> list[Path]:
    """The files the answers of ``folder/engagement.yaml`` name: the logo and each file field of a check."""
    from smtoolkit import yamlio
    from smtoolkit.checks.registry import registry
    from smtoolkit.engagement import FILE_REFERENCE
    from smtoolkit.paths import inside

    try:
        limits = limits_for(folder)
        path = folder / _ENGAGEMENT_FILE
        document = yamlio.to_plain(yamlio.load(yamlio.read_text(path, limits), str(path), limits))
    except (SmToolkitError, OSError):
        return []
    references: list[Any] = []
    settings = document.get("settings")
    branding = settings.get("branding") if isinstance(settings, dict) else None
    if isinstance(branding, dict):
        references.append(branding.get("logo"))
    for spec in registry():
        section = document.get(spec.slug)
        if not isinstance(section, dict):
            continue
        for name, info in spec.model.model_fields.items():
            extra = info.json_schema_extra
            if isinstance(extra, dict) and extra.get(FILE_REFERENCE):
                references.append(section.get(name))
    found = []
    for reference in references:
        if not isinstance(reference, str) or not reference:
            continue
        try:
            resolved = inside(folder, reference)
        except SmToolkitError:
            continue
        if resolved.is_file():
            found.append(folder / resolved.relative_to(folder.resolve()))
    return found


def engagement_files(folder: Path) -> list[Path]:
    """Every file of the engagement folder a page reads, sorted (see the module's description)."""
    from smtoolkit.importers.loader import DATA_SUFFIXES

    files = {folder / name for name in (_ENGAGEMENT_FILE, _KEY_FILE) if (folder / name).is_file()}
    data = folder / "data"
    for path in data.rglob("*") if data.is_dir() else ():
        relative = path.relative_to(data)
        if (
            any(part.startswith((".", "~$")) for part in relative.parts)
            or path.suffix.lower() not in DATA_SUFFIXES
        ):
            continue
        if path.is_file() and _inside(folder, path):
            files.add(path)
    notebooks = folder / "notebooks"
    for path in notebooks.rglob("*.ipynb") if notebooks.is_dir() else ():
        if not SKIPPED & set(path.relative_to(folder).parts) and path.is_file() and _inside(folder, path):
            files.add(path)
    files.update(referenced_files(folder))
    return sorted(files)


def pack(engagement_dir: Path, tasks: Sequence[Task]) -> bytes:
    """The files the pages read and the tasks' notebooks as one ``tar.gz``, within ``bundle_bytes``."""
    files = engagement_files(engagement_dir)
    limit = limits_for(engagement_dir).bundle_bytes
    size = sum(path.stat().st_size for path in [*files, *(task.notebook for task in tasks)])
    if size > limit:
        raise BuildError(
            f"{engagement_dir.name}: the files its pages read (engagement file, data/, logo, notebooks) add "
            f"up to {size:,} bytes, more than the {limit:,} bytes a Dask job may carry (bundle_bytes); "
            f"build it with --executor local, or remove exports the checks do not need from data/. "
            f"{limits_for(engagement_dir).hint('bundle_bytes')}"
        )
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for path in files:
            name = path.relative_to(engagement_dir).as_posix()
            tar.add(path.resolve(), arcname=f"engagement/{name}", recursive=False)
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
