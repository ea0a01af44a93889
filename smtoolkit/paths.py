"""Slugs and file references that must stay inside the folder they belong to, and the firm file above them."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from smtoolkit.errors import UnsafePathError

__all__ = [
    "FIRM_FILE",
    "SLUG_PATTERN",
    "check_slug",
    "find_firm_file",
    "find_upwards",
    "inside",
    "links_leaving",
]

#: The firm settings file; the nearest one at or above an engagement folder applies.
FIRM_FILE = "smtoolkit.toml"
SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


def check_slug(slug: str) -> str:
    """Return ``slug`` if it is a safe engagement name, else raise :class:`UnsafePathError`."""
    if not SLUG_PATTERN.fullmatch(slug):
        raise UnsafePathError(
            f"{slug!r} is not a valid engagement name: use 1-64 lower-case letters, digits "
            "and hyphens, starting and ending with a letter or digit (for example 'acme-gmbh')."
        )
    return slug


def inside(base: Path, reference: str, *, what: str = "file") -> Path:
    """Resolve ``reference`` relative to ``base`` and refuse anything that leaves ``base``.

    Absolute paths, ``..`` segments that climb out and symbolic links pointing outside are
    all rejected, so a file named in an engagement can only come from that engagement.
    """
    if not reference or reference.strip() != reference:
        raise UnsafePathError(f"the {what} reference {reference!r} is empty or has blanks")
    candidate = Path(reference)
    if candidate.is_absolute() or reference.startswith(("~", "\\")) or ":" in candidate.parts[0]:
        raise UnsafePathError(
            f"the {what} {reference!r} must be a path relative to {base.name}/, not an absolute path"
        )
    root = base.resolve()
    resolved = (root / candidate).resolve()
    if resolved != root and root not in resolved.parents:
        raise UnsafePathError(
            f"the {what} {reference!r} points outside {base.name}/; "
            f"put the file inside {base.name}/ and name it relative to that folder"
        )
    return resolved


def find_upwards(folder: Path, holds: Callable[[Path], bool]) -> Path | None:
    """The nearest of ``folder`` and the folders above it for which ``holds`` is true, as git looks."""
    start = folder.resolve()
    return next((base for base in (start, *start.parents) if holds(base)), None)


def find_firm_file(folder: Path) -> Path | None:
    """The nearest ``smtoolkit.toml`` in ``folder`` or above it, up to the filesystem root."""
    base = find_upwards(folder, lambda base: (base / FIRM_FILE).is_file())
    return None if base is None else base / FIRM_FILE


def links_leaving(folder: Path, base: Path) -> list[Path]:
    """Symbolic links below ``folder`` (not followed) that point outside ``base``, sorted.

    A link that stays inside ``base`` is fine; one that leaves it (another client's
    folder, ``/etc``) or dangles outside is returned, so the caller can refuse it.
    """
    if not folder.is_dir():
        return []
    root = base.resolve()
    found: list[Path] = []
    for current, dirs, files in os.walk(folder, followlinks=False):
        for name in [*dirs, *files]:
            path = Path(current) / name
            if not path.is_symlink():
                continue
            target = path.resolve()
            if target != root and root not in target.parents:
                found.append(path)
    return sorted(found)
