"""Saving answers: one section at a time, atomically, locked, with the previous version kept.

Two notebooks of the same engagement may save different sections at the same moment. Each
save takes an exclusive lock on the engagement, re-reads the file from disk, replaces only
its own section (keeping comments and key order) and writes the result atomically, so
neither save loses the other's change. When the caller passes the section as it was
loaded (``expected``) and the file on disk holds something else for that section, for
example because it was edited by hand meanwhile, the save is refused with
:class:`ConflictError` instead of overwriting that edit.
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from smtoolkit import yamlio
from smtoolkit.atomic import history_versions, keep_version, write_atomic
from smtoolkit.engagement import ENGAGEMENT_FILE, display_path
from smtoolkit.errors import ConflictError, SmToolkitError
from smtoolkit.limits import limits_for

__all__ = ["LOCK_FILE", "locked", "previous_section", "read_section", "save_section"]

LOCK_FILE = ".engagement.lock"


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the engagement's exclusive lock for the duration of the block."""
    with open(folder / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


#: The parsed engagement file per path, with the file's identity when it was parsed or written:
#: a save re-reads the file only when it changed on disk (a round-trip parse costs most of a save).
_parsed: dict[Path, tuple[tuple[int, int, int], CommentedMap]] = {}
_parsed_lock = threading.Lock()


def _identity(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def _read(folder: Path, *, private: bool = True) -> CommentedMap:
    """The engagement file's document; ``private``: a copy the caller may change (else read only)."""
    path = folder / ENGAGEMENT_FILE
    identity = _identity(path)
    with _parsed_lock:
        cached = _parsed.pop(path, None) if private else _parsed.get(path)
    if cached is not None and cached[0] == identity:
        return cached[1]
    limits = limits_for(folder)
    return _remember(
        path, identity, yamlio.load(yamlio.read_text(path, limits), display_path(path), limits)
    )


def _remember(path: Path, identity: tuple[int, int, int], document: CommentedMap) -> CommentedMap:
    """Keep a copy of ``document`` as the parse of ``path`` with ``identity``; return the document."""
    import copy

    with _parsed_lock:
        _parsed[path] = (identity, copy.deepcopy(document))
    return document


def read_section(folder: Path, section: str) -> Any:
    """Return the plain data of ``section`` as it is on disk now (``None`` when absent)."""
    return yamlio.to_plain(_read(folder, private=False).get(section))


def save_section(folder: Path, section: str, data: dict[str, Any], *, expected: Any = None) -> bool:
    """Write ``data`` as ``section`` of the engagement in ``folder``; return False if unchanged.

    ``expected`` is the section as the caller last saw it; pass it to be protected against
    overwriting a change made elsewhere (a conflict raises :class:`ConflictError`).
    """
    path = folder / ENGAGEMENT_FILE
    with locked(folder):
        document = _read(folder)
        on_disk = yamlio.to_plain(document.get(section))
        if expected is not None and on_disk is not None and on_disk != expected:
            raise ConflictError(
                f"{display_path(path)} {section}: the section was changed outside this form "
                "since it was loaded; reload the form to see that change, then enter yours again"
            )
        if on_disk == data:
            return False
        current = document.get(section)
        if isinstance(current, CommentedMap):
            yamlio.merge_into(current, data)
        else:
            fresh = CommentedMap()
            yamlio.merge_into(fresh, data)
            document[section] = fresh
        keep_version(path)
        write_atomic(path, yamlio.dump(document))
        _remember(path, _identity(path), document)
        return True


def previous_section(folder: Path, section: str) -> tuple[Any, Path] | None:
    """The newest kept version of ``section`` that differs from the one on disk now.

    Returns the section's data and the history file it came from, or ``None`` when no kept
    version differs. Restoring it with :func:`save_section` keeps the current file in the
    history too, so an undo can itself be undone.
    """
    current = read_section(folder, section)
    for version in history_versions(folder / ENGAGEMENT_FILE):
        try:
            limits = limits_for(folder)
            document = yamlio.load(yamlio.read_text(version, limits), display_path(version), limits)
        except (SmToolkitError, OSError):
            continue  # an unreadable old version is skipped, not fatal
        data = yamlio.to_plain(document.get(section))
        if data is not None and data != current:
            return data, version
    return None
