"""The de and en catalogs of all user-facing text, and lookup with formatted parameters.

The catalog of a language is ``smtoolkit/i18n/<lang>.yaml`` (shared texts) merged with the
``i18n/<lang>.yaml`` of every registered check package (that check's texts) and of the
packages in :data:`FRAGMENT_PACKAGES` (parts of the toolkit that are not checks).
"""

from __future__ import annotations

import string
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from smtoolkit.errors import ConfigError

__all__ = ["LANGUAGES", "catalog", "placeholders", "render", "translate", "translate_plural"]

LANGUAGES: tuple[str, ...] = ("de", "en")
#: Packages other than the checks that ship an ``i18n/<lang>.yaml`` fragment.
FRAGMENT_PACKAGES: tuple[str, ...] = ("smtoolkit.overview",)


def _flatten(node: Any, prefix: str, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out)
    else:
        out[prefix] = str(node)


@cache
def catalog(language: str) -> dict[str, str]:
    """Return the flat ``key -> text`` catalog of ``language`` ("de" or "en")."""
    if language not in LANGUAGES:
        raise ConfigError(f"language {language!r} is not available; expected one of: {', '.join(LANGUAGES)}")
    from smtoolkit.checks.registry import registry

    sources = [resources.files(__package__).joinpath(f"{language}.yaml")]
    packages = sorted({spec.model.__module__.rsplit(".", 1)[0] for spec in registry()})
    packages += FRAGMENT_PACKAGES
    for package in packages:
        fragment = resources.files(package).joinpath("i18n", f"{language}.yaml")
        if fragment.is_file():
            sources.append(fragment)
    flat: dict[str, str] = {}
    for source in sources:
        part: dict[str, str] = {}
        _flatten(YAML(typ="safe", pure=True).load(source.read_text(encoding="utf-8")), "", part)
        clash = set(part) & set(flat)
        if clash:
            raise ConfigError(f"{source}: keys defined twice in the {language} catalog: {sorted(clash)}")
        flat.update(part)
    return flat


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in a catalog text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def translate(key: str, language: str, **params: Any) -> str:
    """Look up ``key`` in the catalog of ``language`` and fill in formatted ``params``."""
    from smtoolkit.messages import format_param

    try:
        text = catalog(language)[key]
    except KeyError:
        raise ConfigError(f"no text for {key!r} in the {language} catalog") from None
    if not params:
        return text
    return text.format(**{name: format_param(value, language) for name, value in params.items()})


def translate_plural(key: str, language: str, count: float, **params: Any) -> str:
    """``key.one``, ``key.other`` (or another CLDR plural category) as Babel's rules choose for ``count``.

    "1 Woche", "2 Wochen": the catalog holds one text per plural category of the language.
    """
    from babel import Locale

    form = Locale.parse(language).plural_form(abs(count))
    texts = catalog(language)
    chosen = f"{key}.{form}" if f"{key}.{form}" in texts else f"{key}.other"
    return translate(chosen, language, **params)


def render(message: Any, language: str) -> str:
    """Render a :class:`~smtoolkit.messages.Message` (or a plain string) in ``language``."""
    from smtoolkit.messages import format_param

    return format_param(message, language)
