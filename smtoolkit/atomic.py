"""Atomic file writes and the bounded version history kept beside a file."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["HISTORY_DIR", "HISTORY_LIMIT", "history_versions", "keep_version", "write_atomic"]

HISTORY_DIR = ".history"
HISTORY_LIMIT = 50


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` so that readers see either the old or the new file, never half."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, tmp_name)
        else:
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def keep_version(path: Path, *, limit: int = HISTORY_LIMIT) -> Path | None:
    """Copy the current ``path`` into ``.history/`` beside it and prune to the newest ``limit``."""
    if not path.exists():
        return None
    history = path.parent / HISTORY_DIR
    history.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = history / f"{path.stem}.{stamp}{path.suffix}"
    counter = 1
    while target.exists():
        target = history / f"{path.stem}.{stamp}-{counter}{path.suffix}"
        counter += 1
    write_atomic(target, path.read_bytes())
    for old in history_versions(path)[limit:]:
        old.unlink(missing_ok=True)
    return target


def history_versions(path: Path) -> list[Path]:
    """Return the kept versions of ``path``, newest first."""
    history = path.parent / HISTORY_DIR
    if not history.is_dir():
        return []
    versions = history.glob(f"{path.stem}.*{path.suffix}")
    return sorted(versions, key=lambda p: p.name, reverse=True)
