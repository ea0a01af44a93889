"""Where the toolkit's own notebooks and templates are, in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

__all__ = ["notebooks_dir", "templates_dir", "toolkit_root"]


def toolkit_root() -> Path:
    """The folder holding ``notebooks/`` and ``templates/``."""
    package = Path(__file__).resolve().parent
    bundled = package / "_bundled"
    return bundled if bundled.is_dir() else package.parent


def notebooks_dir() -> Path:
    """The standard notebooks, one per check."""
    return toolkit_root() / "notebooks"


def templates_dir() -> Path:
    """The report template, the site template and the engagement skeleton."""
    return toolkit_root() / "templates"
