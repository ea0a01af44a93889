"""Create a new engagement folder from the commented skeleton."""

from __future__ import annotations

from pathlib import Path

from smtoolkit import yamlio
from smtoolkit.atomic import write_atomic
from smtoolkit.engagement import ENGAGEMENT_FILE, display_path
from smtoolkit.errors import ConfigError
from smtoolkit.paths import check_slug
from smtoolkit.resources import templates_dir

__all__ = ["new_engagement"]


def new_engagement(root: Path, slug: str, name: str, *, language: str = "de") -> Path:
    """Create ``root/slug/engagement.yaml`` for the client ``name``; never overwrites."""
    check_slug(slug)
    if not name.strip():
        raise ConfigError('the client name is empty; pass it with --name "Client GmbH"')
    if language not in ("de", "en"):
        raise ConfigError(f"language {language!r} is not available; expected de or en")
    folder = root / slug
    target = folder / ENGAGEMENT_FILE
    if target.exists():
        raise ConfigError(f"{display_path(target)} already exists; choose another name or edit that file")
    skeleton = templates_dir() / "engagement.yaml"
    document = yamlio.load(yamlio.read_text(skeleton), display_path(skeleton))
    document["client"]["name"] = name.strip()
    document["settings"]["language"] = language
    (folder / "data").mkdir(parents=True, exist_ok=True)
    write_atomic(target, yamlio.dump(document))
    return folder
