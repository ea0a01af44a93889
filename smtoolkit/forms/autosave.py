"""Atomic saving of one section with a visible status, at once or debounced.

The status callback receives a state and a text in the form's language, never a file path:
``saving``, ``saved`` (the time), ``conflict`` (the section was changed outside the form
since it was loaded; nothing was overwritten) or ``error`` (why the file could not be
written). Every successful save is recorded as an undo step when a
:class:`~smtoolkit.forms.timeline.Timeline` is attached.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from smtoolkit.errors import ConflictError, SmToolkitError
from smtoolkit.forms.timeline import Timeline
from smtoolkit.i18n import translate
from smtoolkit.store import read_section, save_section

__all__ = ["Autosaver"]

Status = Callable[[str, str], None]


class Autosaver:
    """Save a section ``delay`` seconds after the last change (at once when 0), never losing one."""

    def __init__(
        self,
        folder: Path,
        section: str,
        *,
        delay: float = 0.0,
        status: Status | None = None,
        language: str = "de",
        timeline: Timeline | None = None,
    ) -> None:
        self.folder = folder
        self.section = section
        self.delay = delay
        self.language = language
        self.timeline = timeline
        self.status = status or (lambda state, text: None)
        self._base: Any = read_section(folder, section)
        self._pending: dict[str, Any] | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        # widget events may arrive on several kernel threads (ipykernel subshells): one save at a time
        self._saving = threading.RLock()
        #: the data refused because of a hand edit, kept for "overwrite"
        self.conflicting: dict[str, Any] | None = None

    @property
    def pending(self) -> bool:
        """True while a change is not on disk yet."""
        return self._pending is not None

    def schedule(self, data: dict[str, Any]) -> None:
        """Remember ``data`` and save it now (``delay`` 0) or once no change follows for ``delay`` s."""
        with self._lock:
            self._pending = data
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.delay > 0:
                self._timer = threading.Timer(self.delay, self.flush)
                self._timer.daemon = True
                self._timer.start()
        if self.delay > 0:
            self.status("saving", "")
        else:
            self.flush()

    def flush(self, *, force: bool = False) -> bool:
        """Save the pending data now; return True when a save happened without error.

        ``force`` saves over a hand edit; the hand-edited file is kept in ``.history/``.
        """
        with self._saving:
            return self._flush(force)

    def _flush(self, force: bool) -> bool:
        with self._lock:
            data, self._pending = self._pending, None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if data is None:
            return False
        try:
            save_section(self.folder, self.section, data, expected=None if force else self._base)
        except ConflictError:
            self._keep(data)
            self.conflicting = data
            self.status("conflict", translate("form.status.conflict_detail", self.language))
            return False
        except SmToolkitError:
            self._keep(data)
            self.status("error", translate("form.status.unreadable", self.language))
            return False
        except OSError as err:
            self._keep(data)
            reason = err.strerror or type(err).__name__
            self.status("error", translate("form.status.write_failed", self.language, reason=reason))
            return False
        self._base = data
        self.conflicting = None
        if self.timeline is not None:
            self.timeline.record(data)
        self.status("saved", datetime.now().strftime("%H:%M:%S"))
        return True

    def _keep(self, data: dict[str, Any]) -> None:
        with self._lock:
            if self._pending is None:
                self._pending = data

    def reload(self) -> Any:
        """Forget pending changes and return the section as it is on disk now."""
        with self._lock:
            self._pending = None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        self.conflicting = None
        self._base = read_section(self.folder, self.section)
        if self.timeline is not None:
            self.timeline.sync()
        return self._base
