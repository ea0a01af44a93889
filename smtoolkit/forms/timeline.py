"""Undo and redo of one section, step by step, across sessions, with each version's time.

The steps of a section are kept in ``.history/<section>.steps.json`` beside the engagement
file: every saved state of the section in order, the time it was saved, and which step is
on disk now. Undo moves one step back and writes that state, redo one step forward; a new
edit after an undo drops the steps ahead, as in any editor. Every write still goes through
:func:`smtoolkit.store.save_section`, so the replaced file is kept in ``.history/`` too.

The first time a section is opened, its steps are seeded from the kept versions of the
engagement file, so the history made before this file existed can be undone as well. A
state on disk that the steps do not know (a hand edit) becomes a step of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smtoolkit import yamlio
from smtoolkit.atomic import HISTORY_DIR, history_versions, write_atomic
from smtoolkit.engagement import ENGAGEMENT_FILE, display_path
from smtoolkit.errors import SmToolkitError
from smtoolkit.store import locked, read_section, save_section

__all__ = ["STEP_LIMIT", "Step", "Timeline"]

#: Steps kept per section; the oldest are dropped beyond this.
STEP_LIMIT = 200
_STAMP = re.compile(r"\.(\d{8}T\d{6})(\d{6})Z(?:-\d+)?\.")


@dataclass(frozen=True)
class Step:
    """One saved state of a section and when it was saved (``None`` when not known)."""

    data: Any
    saved: dt.datetime | None


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    raise TypeError(f"cannot keep {type(value).__name__} in the undo steps")


def _decode(node: dict[str, Any]) -> Any:
    if set(node) == {"__date__"}:
        return dt.date.fromisoformat(node["__date__"])
    if set(node) == {"__datetime__"}:
        return dt.datetime.fromisoformat(node["__datetime__"])
    return node


def _stamp(path: Path) -> dt.datetime | None:
    """The time a history file was kept, from its name (``engagement.20261203T142501123456Z.yaml``)."""
    found = _STAMP.search(path.name)
    if found is None:
        return None
    moment = dt.datetime.strptime(found[1] + found[2], "%Y%m%dT%H%M%S%f")
    return moment.replace(tzinfo=dt.UTC).astimezone()


class Timeline:
    """The undo steps of ``section`` of the engagement in ``folder``."""

    def __init__(self, folder: Path, section: str) -> None:
        self.folder = folder
        self.section = section
        self.path = folder / HISTORY_DIR / f"{section}.steps.json"
        self.steps: list[Step] = []
        self.cursor = -1
        self._load()

    # persistence

    def _load(self) -> None:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"), object_hook=_decode)
            steps = [
                Step(item["data"], dt.datetime.fromisoformat(item["saved"]) if item.get("saved") else None)
                for item in stored["steps"]
            ]
            cursor = int(stored["cursor"])
            if steps and 0 <= cursor < len(steps):
                self.steps, self.cursor = steps, cursor
                return
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing or unreadable: seed from the kept versions below
        self.steps, self.cursor = self._seed(), 0
        self.cursor = len(self.steps) - 1

    def _seed(self) -> list[Step]:
        """The section's states from the kept versions of the engagement file, oldest first."""
        versions = list(reversed(history_versions(self.folder / ENGAGEMENT_FILE)))
        steps: list[Step] = []
        previous_kept: dt.datetime | None = None
        for version in versions:
            try:
                document = yamlio.load(yamlio.read_text(version), display_path(version))
            except (SmToolkitError, OSError):
                continue  # an unreadable old version is skipped, not fatal
            data = yamlio.to_plain(document.get(self.section))
            # a version was saved right after the version before it was kept
            if data is not None and (not steps or steps[-1].data != data):
                steps.append(Step(data, previous_kept))
            previous_kept = _stamp(version)
        current = read_section(self.folder, self.section)
        if current is not None and (not steps or steps[-1].data != current):
            mtime = (self.folder / ENGAGEMENT_FILE).stat().st_mtime
            steps.append(Step(current, dt.datetime.fromtimestamp(mtime).astimezone()))
        return steps or [Step(current, None)]

    def _write(self) -> None:
        payload = {
            "section": self.section,
            "cursor": self.cursor,
            "steps": [
                {"saved": s.saved.isoformat() if s.saved else None, "data": s.data} for s in self.steps
            ],
        }
        write_atomic(self.path, json.dumps(payload, default=_encode, ensure_ascii=False, indent=1))

    # steps

    @property
    def current(self) -> Step:
        """The step on disk now (as far as the steps know)."""
        return self.steps[self.cursor]

    def can_undo(self) -> bool:
        """True when there is an older step."""
        return self.cursor > 0

    def can_redo(self) -> bool:
        """True when an undone step can be brought back."""
        return self.cursor < len(self.steps) - 1

    def record(self, data: Any, saved: dt.datetime | None = None) -> None:
        """Remember ``data`` as the newest step (a save); steps ahead of the cursor are dropped."""
        if self.steps and self.steps[self.cursor].data == data:
            return
        self.steps = [*self.steps[: self.cursor + 1], Step(data, saved or dt.datetime.now().astimezone())]
        self.steps = self.steps[-STEP_LIMIT:]
        self.cursor = len(self.steps) - 1
        self._write()

    def sync(self) -> None:
        """Take a state on disk that the steps do not know (a hand edit) as a new step."""
        on_disk = read_section(self.folder, self.section)
        if on_disk is not None and on_disk != self.current.data:
            self.record(on_disk)

    def _move(self, offset: int) -> Step | None:
        target = self.cursor + offset
        if not 0 <= target < len(self.steps):
            return None
        step = self.steps[target]
        with locked(self.folder):
            on_disk = read_section(self.folder, self.section)
        if on_disk is not None and on_disk != self.current.data:
            self.record(on_disk)  # a hand edit: undo goes back from it, not past it
            target = self.cursor + offset if offset > 0 else self.cursor - 1
            if not 0 <= target < len(self.steps):
                return None
            step = self.steps[target]
        save_section(self.folder, self.section, step.data, expected=on_disk)
        self.cursor = target
        self._write()
        return step

    def undo(self) -> Step | None:
        """Write the previous step; ``None`` when there is none."""
        return self._move(-1)

    def redo(self) -> Step | None:
        """Write the next step again after an undo; ``None`` when there is none."""
        return self._move(+1)
