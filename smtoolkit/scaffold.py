"""Create a new engagement folder from the commented skeleton."""

from __future__ import annotations

from pathlib import Path

from smtoolkit import yamlio
from smtoolkit.atomic import write_atomic
from smtoolkit.engagement import ENGAGEMENT_FILE, display_path
from smtoolkit.errors import ConfigError
from smtoolkit.i18n import LANGUAGES
from smtoolkit.paths import check_slug
from smtoolkit.resources import templates_dir

__all__ = ["new_engagement"]


def new_engagement(root: Path, slug: str, name: str, *, language: str | None = None) -> Path:
    """Create ``root/slug/engagement.yaml`` for the client ``name``; never overwrites.

    Without ``language`` the skeleton leaves ``settings.language`` empty, so the firm file's
    language applies (``smtoolkit.toml`` above the folder), else the toolkit's default.
    """
    check_slug(slug)
    if not name.strip():
        raise ConfigError('the client name is empty; pass it with --name "Client GmbH"')
    if language is not None and language not in LANGUAGES:
        raise ConfigError(
            f"language {language!r} is not available; expected one of {', '.join(LANGUAGES)}, "
            "or leave it out to use the firm's language"
        )
    folder = root / slug
    target = folder / ENGAGEMENT_FILE
    if target.exists():
        raise ConfigError(f"{display_path(target)} already exists; choose another name or edit that file")
    skeleton = templates_dir() / "engagement.yaml"
    document = yamlio.load(yamlio.read_text(skeleton), display_path(skeleton))
    document["client"]["name"] = name.strip()
    if language is not None:
        document["settings"]["language"] = language
    (folder / "data").mkdir(parents=True, exist_ok=True)
    write_atomic(target, yamlio.dump(document))
    return folder
