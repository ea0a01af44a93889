"""Where the toolkit's own notebooks, templates and demo client are, in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

__all__ = ["demo_dir", "notebooks_dir", "templates_dir", "toolkit_root"]


def toolkit_root() -> Path:
    """The folder holding ``notebooks/``, ``templates/`` and ``engagements/demo/``."""
    package = Path(__file__).resolve().parent
    bundled = package / "_bundled"
    return bundled if bundled.is_dir() else package.parent


def notebooks_dir() -> Path:
    """The standard notebooks, one per check."""
    return toolkit_root() / "notebooks"


def templates_dir() -> Path:
    """The report template, the site template and the engagement skeleton."""
    return toolkit_root() / "templates"


def demo_dir() -> Path:
    """The demo client's engagement (answers and data), the source ``smtoolkit demo`` copies."""
    return toolkit_root() / "engagements" / "demo"
