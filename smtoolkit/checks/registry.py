"""The one ordered registry of check points; the CLI, build, notebooks and tests iterate it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from smtoolkit.errors import ConfigError

if TYPE_CHECKING:
    from smtoolkit.checks.base import Result
    from smtoolkit.engagement import Engagement

#: One piece of a rendered page: an HTML fragment (``str``) or a PNG chart (``bytes``).
Block = str | bytes

__all__ = ["Block", "CheckSpec", "get", "register", "registry", "select"]


@dataclass(frozen=True)
class CheckSpec:
    """Everything the toolkit needs to know about one check point."""

    number: int
    slug: str
    model: type[BaseModel]
    analyse: Callable[[Any, Engagement], Result]
    render: Callable[[Result, str], list[Block]]
    form_hints: dict[str, Any]
    #: Files the build writes beside the check's page: ``(result, language) -> {name: text}``.
    attachments: Callable[[Result, str], dict[str, str]] | None = None

    @property
    def notebook(self) -> str:
        """The file name of the check's notebook under ``notebooks/``."""
        return f"{self.number:02d}_{self.slug}.ipynb"

    @property
    def page(self) -> str:
        """The file name of the check's page in the report folder."""
        return f"{self.number:02d}-{self.slug.replace('_', '-')}.html"

    def title(self, language: str) -> str:
        """The check's title in ``language``."""
        from smtoolkit.i18n import translate

        return translate(f"check.{self.slug}.title", language)


_REGISTRY: dict[str, CheckSpec] = {}


def register(spec: CheckSpec) -> CheckSpec:
    """Add ``spec`` to the registry; numbers and slugs must be unique."""
    for other in _REGISTRY.values():
        if other.slug != spec.slug and other.number == spec.number:
            raise ConfigError(f"check number {spec.number} is taken by {other.slug!r}")
    _REGISTRY[spec.slug] = spec
    return spec


def registry() -> list[CheckSpec]:
    """Return every registered check, ordered by number."""
    import smtoolkit.checks  # noqa: F401  (registers the built-in checks)

    return sorted(_REGISTRY.values(), key=lambda s: s.number)


def get(key: str | int) -> CheckSpec:
    """Return the check named by slug (``effort``) or number (``4``, ``"04"``)."""
    for spec in registry():
        if spec.slug == key or (str(key).isdigit() and int(key) == spec.number):
            return spec
    known = ", ".join(f"{s.number:02d} {s.slug}" for s in registry())
    raise ConfigError(f"{key!r} is not a known check; expected one of: {known}")


def select(keys: list[str] | None) -> list[CheckSpec]:
    """Return the checks named in ``keys`` (slugs or numbers), or all of them when empty."""
    if not keys:
        return registry()
    chosen = {get(k.strip()).slug for k in keys if k.strip()}
    return [spec for spec in registry() if spec.slug in chosen]
