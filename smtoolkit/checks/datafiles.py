"""Files of ``data/`` that a check could not read, as the pages show them.

Every check that reads data lists the files it could not use as "not read": the file's
name (relative to ``data/``) and the reason, never a local path and never the file's
content (an importer's message may quote the first row; only its first line, the
problem, is kept, with the file's place shortened to its name). The other files are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["NotRead", "not_read"]

#: The longest reason shown; an importer's problem line is short, anything longer is cut.
_LIMIT = 240


@dataclass(frozen=True)
class NotRead:
    """A data file that was not read: its name below ``data/`` and why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def _shown(path: Path, data_dir: Path | None) -> str:
    if data_dir is not None:
        for base, candidate in ((data_dir, path), (data_dir.resolve(), path.resolve())):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
    return path.name


def not_read(path: Path, message: str, data_dir: Path | None = None) -> NotRead:
    """The page's line for ``path``, which the importers refused with ``message``."""
    first = next((line.strip() for line in message.splitlines() if line.strip()), "")
    name = _shown(path, data_dir)
    for place in (str(path), str(path.resolve())):
        if first.startswith(place):
            first = first[len(place) :].lstrip(",: ")
            break
    for place in sorted({str(path), str(path.resolve()), str(path.parent), str(Path.home())}, key=len)[::-1]:
        first = first.replace(place, name if place in (str(path), str(path.resolve())) else "…")
    if len(first) > _LIMIT:
        first = first[: _LIMIT - 1] + "…"
    return NotRead(name, first or "cannot be read")
