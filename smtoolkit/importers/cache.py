"""One cached import of an engagement's data folder per process, shared by every check.

A build or a workshop session evaluates several checks of the same engagement (and the
overview evaluates them all again); each would otherwise read and parse the same exports.
The cache key is the folder, the kinds asked for, and the name, modification time and size
of every data file, so a changed, added or removed file is read again.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

from smtoolkit.importers.loader import DATA_SUFFIXES, FolderImport, load_folder
from smtoolkit.importers.schemas import Kind

__all__ = ["cached_folder", "data_signature"]


def data_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time (ns) and size of every data file below ``folder``."""
    if not folder.is_dir():
        return ()
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in DATA_SUFFIXES
        and not any(part.startswith((".", "~$")) for part in p.relative_to(folder).parts)
    )
    return tuple((str(p.relative_to(folder)), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


@lru_cache(maxsize=16)
def _cached(
    folder: str, kinds: frozenset[Kind] | None, signature: tuple[tuple[str, int, int], ...]
) -> FolderImport:
    return load_folder(Path(folder), kind=kinds)


def cached_folder(folder: Path, kinds: Collection[Kind] | None = None) -> FolderImport:
    """:func:`load_folder` of ``folder`` for ``kinds`` (all when None), read once per change."""
    key = frozenset(kinds) if kinds is not None else None
    return _cached(str(folder), key, data_signature(folder))
