"""Files a check adds beside its page (``CheckSpec.attachments``), written after the pages.

Pages are produced inside the notebook run, so their result objects never reach the
build. For each check that declares ``attachments`` the build computes the check's result
again from the same engagement (``spec.analyse``) and writes each file atomically into
the report folder. A check whose page failed gets no files, and files of an earlier build
are removed. A failure is reported as a problem of the engagement, never raised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from smtoolkit.atomic import write_atomic
from smtoolkit.build.guard import sanitize_error
from smtoolkit.build.tasks import TaskResult

__all__ = ["publish_attachments"]


def _safe_name(name: str) -> bool:
    return bool(name) and Path(name).name == name and not name.startswith(".") and name not in {"index.html"}


def publish_attachments(
    engagement: Any,
    results: Sequence[TaskResult],
    specs: Mapping[str, Any],
    out_dir: Path,
    language: str,
    guarded: Iterable[str] = (),
) -> tuple[list[str], list[str]]:
    """Write the attachments of every built check; return the file names and the problems."""
    written: list[str] = []
    problems: list[str] = []
    for result in results:
        spec = specs.get(result.task.check)
        produce = getattr(spec, "attachments", None)
        if spec is None or produce is None:
            continue
        try:
            files = produce(spec.analyse(engagement.section(spec.slug), engagement), language)
        except Exception as err:  # a broken attachment must not stop the report
            if result.ok:
                detail = sanitize_error(f"{type(err).__name__}: {err}", list(guarded))
                problems.append(f"{engagement.slug}: the files of {spec.page} cannot be made: {detail}")
            continue
        for name, text in files.items():
            if not _safe_name(name):
                problems.append(f"{engagement.slug}: {spec.page} names an unsafe attachment {name!r}")
                continue
            target = out_dir / name
            if not result.ok:
                target.unlink(missing_ok=True)
                continue
            try:
                write_atomic(target, text)
            except OSError as err:
                problems.append(f"{engagement.slug}: cannot write {name}: {err.strerror or err}")
                continue
            written.append(name)
    return written, problems
