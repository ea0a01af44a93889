"""Debounced, atomic saving of one section with a visible status."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from smtoolkit.errors import SmToolkitError
from smtoolkit.store import read_section, save_section

__all__ = ["Autosaver"]

Status = Callable[[str, str], None]


class Autosaver:
    """Save a section at most ``delay`` seconds after the last change, never losing one.

    The status callback receives a state (``saving``, ``saved``, ``error``) and a text.
    """

    def __init__(
        self, folder: Path, section: str, *, delay: float = 1.0, status: Status | None = None
    ) -> None:
        self.folder = folder
        self.section = section
        self.delay = delay
        self.status = status or (lambda state, text: None)
        self._base: Any = read_section(folder, section)
        self._pending: dict[str, Any] | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def schedule(self, data: dict[str, Any]) -> None:
        """Remember ``data`` and save it once no further change arrives for ``delay`` seconds."""
        with self._lock:
            self._pending = data
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self.flush)
            self._timer.daemon = True
            self._timer.start()
        self.status("saving", "")

    def flush(self) -> bool:
        """Save the pending data now; return True when a save happened without error."""
        with self._lock:
            data, self._pending = self._pending, None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if data is None:
            return False
        try:
            save_section(self.folder, self.section, data, expected=self._base)
        except SmToolkitError as err:
            with self._lock:
                if self._pending is None:
                    self._pending = data
            self.status("error", str(err))
            return False
        except OSError as err:
            with self._lock:
                if self._pending is None:
                    self._pending = data
            self.status("error", f"{err.strerror or err}: {err.filename or self.folder}")
            return False
        self._base = data
        self.status("saved", datetime.now().strftime("%H:%M:%S"))
        return True

    def reload(self) -> Any:
        """Forget pending changes and return the section as it is on disk now."""
        with self._lock:
            self._pending = None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        self._base = read_section(self.folder, self.section)
        return self._base
