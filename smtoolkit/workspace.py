"""The consultant's workspace: the folder holding ``smtoolkit.toml`` and ``engagements/``.

Every command finds its workspace as git finds a repository: the nearest folder at or
above the working directory that holds the firm file ``smtoolkit.toml`` or an
``engagements/`` folder (a checkout of the toolkit is a workspace by the second rule).
Folders inside the installed package are never a workspace, so nothing is ever built or
written into site-packages. Without a workspace, commands fall back to ``engagements/``
and ``reports/`` in the working directory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from smtoolkit.atomic import write_atomic
from smtoolkit.errors import ConfigError
from smtoolkit.paths import FIRM_FILE, find_upwards
from smtoolkit.resources import templates_dir

__all__ = [
    "ENGAGEMENTS_DIR",
    "REPORTS_DIR",
    "InitReport",
    "Workspace",
    "engagements_dir",
    "find_workspace",
    "init_workspace",
    "inside_package",
    "reports_dir",
]

ENGAGEMENTS_DIR = "engagements"
REPORTS_DIR = "reports"
#: The files ``smtoolkit init`` writes: template name under ``templates/workspace/`` -> file name.
_SKELETON = {FIRM_FILE: FIRM_FILE, "gitignore": ".gitignore", "README.md": "README.md"}
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Workspace:
    """A workspace folder and the folders every command resolves in it."""

    root: Path

    @property
    def engagements(self) -> Path:
        """Where the engagements are: ``<root>/engagements``."""
        return self.root / ENGAGEMENTS_DIR

    @property
    def reports(self) -> Path:
        """Where the reports are built: ``<root>/reports``."""
        return self.root / REPORTS_DIR

    @property
    def firm_file(self) -> Path | None:
        """The workspace's ``smtoolkit.toml``, if it has one."""
        path = self.root / FIRM_FILE
        return path if path.is_file() else None


def inside_package(path: Path) -> bool:
    """True when ``path`` is the installed smtoolkit package or lies inside it."""
    resolved = path.resolve()
    return resolved == _PACKAGE or _PACKAGE in resolved.parents


def _is_workspace(base: Path) -> bool:
    if inside_package(base):
        return False
    return (base / FIRM_FILE).is_file() or (base / ENGAGEMENTS_DIR).is_dir()


def find_workspace(start: Path | None = None) -> Workspace | None:
    """The workspace holding ``start`` (default: the working directory), or ``None``.

    It is the nearest folder at or above ``start`` with ``smtoolkit.toml`` or an
    ``engagements/`` folder, never a folder inside the installed package.
    """
    root = find_upwards(Path.cwd() if start is None else start, _is_workspace)
    return None if root is None else Workspace(root)


def engagements_dir(start: Path | None = None) -> Path:
    """The workspace's ``engagements/``, else ``engagements`` in the working directory."""
    workspace = find_workspace(start)
    return workspace.engagements if workspace is not None else Path(ENGAGEMENTS_DIR)


def reports_dir(start: Path | None = None) -> Path:
    """The workspace's ``reports/``, else ``reports`` in the working directory."""
    workspace = find_workspace(start)
    return workspace.reports if workspace is not None else Path(REPORTS_DIR)


@dataclass(frozen=True)
class InitReport:
    """What ``init_workspace`` did: files created, files that were already there and kept."""

    workspace: Workspace
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    #: The workspace that held the folder before, when the new one is nested in it.
    enclosing: Workspace | None = None


def init_workspace(folder: Path) -> InitReport:
    """Make ``folder`` a workspace: firm file, ``engagements/``, ``.gitignore`` and README.

    Existing files are kept as they are, so running it again (or in a folder that already
    has a ``.gitignore``) changes nothing the firm wrote.
    """
    target = folder.resolve()
    if target.exists() and not target.is_dir():
        raise ConfigError(f"{folder} is a file, not a folder; name a new or an existing folder instead")
    if inside_package(target):
        raise ConfigError(
            f"{folder} is inside the installed smtoolkit package; create the workspace in a folder "
            "of your own, e.g. smtoolkit init ~/clients"
        )
    enclosing = find_workspace(target.parent) if target.parent != target else None
    report = InitReport(Workspace(target), enclosing=enclosing)
    try:
        target.mkdir(parents=True, exist_ok=True)
        engagements = target / ENGAGEMENTS_DIR
        (report.kept if engagements.is_dir() else report.created).append(engagements)
        engagements.mkdir(exist_ok=True)
        for template, name in _SKELETON.items():
            path = target / name
            if path.exists():
                report.kept.append(path)
                continue
            write_atomic(path, (templates_dir() / "workspace" / template).read_bytes())
            report.created.append(path)
    except OSError as error:
        raise ConfigError(
            f"cannot create the workspace in {folder}: {error.strerror or error}; "
            "choose a folder you may write to"
        ) from None
    return report
