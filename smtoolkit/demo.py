"""Where ``smtoolkit demo`` builds: the demo client copied into the workspace, never the package.

The toolkit carries the demo client (answers and data). In a workspace the demo is
``engagements/demo``: copied there from the toolkit the first time, and used as it is
afterwards (the consultant may have changed it). Without a workspace it is copied into a
new temporary folder. The installed package is only ever read.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from smtoolkit.atomic import HISTORY_DIR
from smtoolkit.engagement import ENGAGEMENT_FILE
from smtoolkit.errors import ConfigError, EngagementNotFoundError
from smtoolkit.resources import demo_dir
from smtoolkit.workspace import ENGAGEMENTS_DIR, REPORTS_DIR, Workspace, find_workspace

__all__ = ["DEMO_SLUG", "DemoPlace", "prepare_demo"]

DEMO_SLUG = "demo"
#: Files of a used demo folder that a copy leaves behind: history, locks, caches.
_LEAVE_OUT = (HISTORY_DIR, ".engagement.lock", "__pycache__", ".ipynb_checkpoints")


@dataclass(frozen=True)
class DemoPlace:
    """The demo engagement to build and the folder its report goes to."""

    engagement: Path
    reports: Path
    #: True when the demo was copied from the toolkit by this call.
    copied: bool
    #: True when there was no workspace and the demo lives in a new temporary folder.
    temporary: bool


def _copy_demo(target: Path) -> None:
    """Copy the toolkit's demo to ``target`` in one rename, with files the consultant may edit."""
    source = demo_dir()
    if not (source / ENGAGEMENT_FILE).is_file():
        raise EngagementNotFoundError(
            f"this installation of smtoolkit has no demo client (expected {source / ENGAGEMENT_FILE}); "
            "reinstall the package"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".demo-", dir=target.parent))
    try:
        copy = staging / DEMO_SLUG
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns(*_LEAVE_OUT))
        for path in (copy, *copy.rglob("*")):
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
        os.replace(copy, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def prepare_demo(start: Path | None = None) -> DemoPlace:
    """Find or make the demo engagement for the workspace holding ``start`` (default: here)."""
    workspace = find_workspace(start)
    temporary = workspace is None
    if workspace is None:
        workspace = Workspace(Path(tempfile.mkdtemp(prefix="smtoolkit-demo-")))
    target = workspace.root / ENGAGEMENTS_DIR / DEMO_SLUG
    copied = False
    if not (target / ENGAGEMENT_FILE).is_file():
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise ConfigError(
                f"{target} exists but holds no {ENGAGEMENT_FILE}; rename or remove it, "
                "then run smtoolkit demo again to get a fresh copy of the demo client"
            )
        if target.is_dir():
            target.rmdir()
        try:
            _copy_demo(target)
        except OSError as error:
            raise ConfigError(
                f"cannot copy the demo client to {target}: {error.strerror or error}; "
                "run smtoolkit demo in a folder you may write to"
            ) from None
        copied = True
    return DemoPlace(target, workspace.root / REPORTS_DIR, copied, temporary)
