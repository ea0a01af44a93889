"""Files of ``data/`` that a check could not read, as the pages show them.

Every check that reads data lists the files it could not use as "not read": the file's
name (relative to the engagement folder, e.g. ``data/notes.csv``), the place in it (row,
column) where the importer names one, the problem and what was expected. Never a local
path and never the file's content: the importer's ``found:`` line (which may quote the
first row) and its list of formats are left out. The other files are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["NotRead", "not_read"]

#: The longest reason shown; an importer's problem line is short, anything longer is cut.
_LIMIT = 300


@dataclass(frozen=True)
class NotRead:
    """A data file that was not read: its name, the place in it (``", row 2"`` or ``""``) and why."""

    name: str
    reason: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.name}{self.where}: {self.reason}"


def _shown(path: Path, base: Path | None) -> str:
    if base is not None:
        for root, candidate in ((base, path), (base.resolve(), path.resolve())):
            try:
                return candidate.relative_to(root).as_posix()
            except ValueError:
                continue
    return path.name


def not_read(path: Path, message: str, base: Path | None = None) -> NotRead:
    """The page's line for ``path``, which the importers refused with ``message``.

    ``base`` is the folder the name is shown relative to (the engagement folder).
    """
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    name = _shown(path, base)
    rest = first
    for place in (str(path), str(path.resolve())):
        if first.startswith(place):
            rest = first[len(place) :]
            break
    where = ""
    if rest.startswith(","):
        location, _, rest = rest[1:].partition(": ")
        where = f", {location.strip()}"
    reason = rest.lstrip(": ")
    expected = next((line for line in lines[1:3] if line.startswith("expected:")), None)
    if expected:
        reason = f"{reason}; {expected}"
    for place in sorted({str(path), str(path.resolve()), str(path.parent), str(Path.home())}, key=len)[::-1]:
        reason = reason.replace(place, name if place in (str(path), str(path.resolve())) else "…")
    if len(reason) > _LIMIT:
        reason = reason[: _LIMIT - 1] + "…"
    return NotRead(name, reason or "cannot be read", where)
