"""The one ordered registry of check points; the CLI, build, notebooks and tests iterate it.

The built-in checks are the sub-packages of :mod:`smtoolkit.checks`. Other Python packages
add checks through the entry-point group ``smtoolkit.checks`` (see ``docs/customize.md``):
the first call of :func:`registry` imports every such entry point once. A plugin that
cannot be imported or breaks a rule is not registered; :func:`plugin_problems` says why,
and every other check still works.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import metadata, resources
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from ruamel.yaml import YAML

from smtoolkit.checks.base import settings_aware
from smtoolkit.errors import ConfigError

if TYPE_CHECKING:
    from smtoolkit.checks.base import Result
    from smtoolkit.engagement import Engagement

#: One piece of a rendered page: an HTML fragment (``str``) or a PNG chart (``bytes``).
Block = str | bytes

__all__ = [
    "BUILTIN_PACKAGE",
    "ENTRY_POINT_GROUP",
    "PLUGIN_NUMBERS",
    "Block",
    "CheckSpec",
    "PluginProblem",
    "get",
    "load_plugins",
    "plugin_problems",
    "register",
    "registry",
    "select",
    "unregister",
]

#: The entry-point group through which other packages add checks.
ENTRY_POINT_GROUP = "smtoolkit.checks"
#: The package holding the standard checks 1-10.
BUILTIN_PACKAGE = "smtoolkit.checks"
#: Numbers a plugin check may use: 1-10 are the Bitkom points, 0 is the overview.
PLUGIN_NUMBERS = range(11, 100)
#: A check slug: the engagement section, catalog prefix and part of the file names.
CHECK_SLUG = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


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
    #: The standard notebook of a plugin check (inside the plugin package); None for built-ins.
    notebook_file: Path | None = None
    #: Other checks' sections the analysis reads (besides ``client``, ``settings`` and its own);
    #: part of the incremental-build key, verified by a test that records what is read.
    reads: tuple[str, ...] = ()
    #: True when the analysis reads files of the engagement folder (``data/``, a reach file,
    #: the pseudonymization key); every such file is then part of the incremental-build key.
    files: bool = False
    #: A widget the live form shows below the answers: ``(page) -> widget`` (check 06's
    #: sentiment review); None for most checks.
    live_extra: Callable[[Any], Any] | None = None

    @property
    def notebook(self) -> str:
        """The file name of the check's notebook (``NN_<slug>.ipynb``), also of overrides."""
        return f"{self.number:02d}_{self.slug}.ipynb"

    @property
    def page(self) -> str:
        """The file name of the check's page in the report folder."""
        return f"{self.number:02d}-{self.slug.replace('_', '-')}.html"

    @property
    def builtin(self) -> bool:
        """True for the standard checks shipped in :mod:`smtoolkit.checks`."""
        return self.model.__module__.startswith(f"{BUILTIN_PACKAGE}.")

    def notebook_path(self) -> Path:
        """The standard notebook: ``notebooks/NN_<slug>.ipynb`` or the plugin's own file."""
        if self.notebook_file is not None:
            return self.notebook_file
        from smtoolkit.resources import notebooks_dir

        return notebooks_dir() / self.notebook

    def title(self, language: str) -> str:
        """The check's title in ``language``."""
        from smtoolkit.i18n import translate

        return translate(f"check.{self.slug}.title", language)


@dataclass(frozen=True)
class PluginProblem:
    """Why the check of one entry point was left out: which entry point, which package, what to do."""

    entry_point: str
    distribution: str
    message: str

    def __str__(self) -> str:
        return (
            f"plugin check {self.entry_point!r} (from {self.distribution}) is left out: {self.message}; "
            "the other checks are not affected"
        )


_REGISTRY: dict[str, CheckSpec] = {}
_PROBLEMS: list[PluginProblem] = []
_plugins_loaded = False


def _plugin_rules(spec: CheckSpec) -> None:
    """Refuse a plugin check with a number, slug or notebook that would not work."""
    if spec.number not in PLUGIN_NUMBERS:
        raise ConfigError(
            f"check {spec.slug!r} has the number {spec.number}; numbers 1-10 are the standard checks "
            f"and 0 is the overview, so a custom check needs a number from {PLUGIN_NUMBERS.start} to "
            f"{PLUGIN_NUMBERS.stop - 1}"
        )
    if spec.notebook_file is None:
        raise ConfigError(
            f"check {spec.slug!r} names no notebook; set notebook_file=Path(__file__).parent / "
            f'"notebooks" / "{spec.notebook}" in its CheckSpec'
        )
    if not spec.notebook_file.is_file():
        raise ConfigError(
            f"the notebook {spec.notebook_file} of check {spec.slug!r} does not exist; ship it in the "
            "package (package data) or correct notebook_file"
        )


def register(spec: CheckSpec) -> CheckSpec:
    """Add ``spec`` to the registry and return the registered spec; numbers and slugs must be unique.

    Standard checks come from :mod:`smtoolkit.checks`; any other check is a plugin and needs
    a number in :data:`PLUGIN_NUMBERS` and its own ``notebook_file``. The registered spec's
    ``analyse`` is wrapped by :func:`~smtoolkit.checks.base.settings_aware`, so every result
    carries the engagement's traffic-light bands (``settings.bands``); a spec whose analysis
    is wrapped already is registered as it is.
    """
    if not CHECK_SLUG.fullmatch(spec.slug):
        raise ConfigError(
            f"check slug {spec.slug!r} is not usable; use 1-40 lower-case letters, digits and "
            "underscores, starting with a letter (for example 'dealer_network')"
        )
    if not spec.builtin:
        _plugin_rules(spec)
    for other in _REGISTRY.values():
        if other.slug != spec.slug and other.number == spec.number:
            raise ConfigError(f"check number {spec.number} is taken by {other.slug!r}; choose another number")
    existing = _REGISTRY.get(spec.slug)
    if existing is not None and existing.model.__module__ != spec.model.__module__:
        raise ConfigError(
            f"check slug {spec.slug!r} is taken by check {existing.number:02d} "
            f"(from {existing.model.__module__}); choose another slug"
        )
    analyse = settings_aware(spec.analyse)
    if analyse is not spec.analyse:
        spec = replace(spec, analyse=analyse)
    _REGISTRY[spec.slug] = spec
    return spec


def unregister(slug: str) -> None:
    """Remove the check ``slug`` from the registry (plugins whose loading failed, tests)."""
    _REGISTRY.pop(slug, None)


def _distribution(entry_point: metadata.EntryPoint) -> str:
    dist = getattr(entry_point, "dist", None)
    if dist is None:
        return "an unknown distribution"
    return f"the distribution {dist.name} {dist.version}"


def _toolkit_text_names() -> set[str]:
    """The top-level names of the toolkit's own texts (shared catalog and non-check fragments)."""
    from smtoolkit.i18n import FRAGMENT_PACKAGES

    names: set[str] = set()
    sources = [resources.files("smtoolkit.i18n").joinpath("de.yaml")]
    sources += [resources.files(package).joinpath("i18n", "de.yaml") for package in FRAGMENT_PACKAGES]
    for source in sources:
        if source.is_file():
            names.update(YAML(typ="safe", pure=True).load(source.read_text(encoding="utf-8")) or {})
    return names - {"check"}


def _fragment_problem(spec: CheckSpec) -> str | None:
    """Why the plugin's texts cannot join the catalogs, or None when they can."""
    package = spec.model.__module__.rsplit(".", 1)[0]
    if spec.slug in _toolkit_text_names():
        return f"its slug {spec.slug!r} is a name of the toolkit's own texts; choose another slug"
    for language in ("de", "en"):
        fragment = resources.files(package).joinpath("i18n", f"{language}.yaml")
        where = f"{package}/i18n/{language}.yaml"
        if not fragment.is_file():
            return f"{where} is missing; a check ships its texts in i18n/de.yaml and i18n/en.yaml"
        try:
            texts = YAML(typ="safe", pure=True).load(fragment.read_text(encoding="utf-8"))
        except Exception as err:
            return f"{where} cannot be read ({type(err).__name__}: {err}); fix the YAML"
        if not isinstance(texts, dict):
            return f"{where} must be a mapping of texts"
        outside = sorted(set(texts) - {"check", spec.slug})
        checks = texts.get("check") or {}
        if outside or not isinstance(checks, dict) or set(checks) - {spec.slug}:
            return (
                f"{where} defines texts outside its own names; put every text under "
                f"'check.{spec.slug}' or '{spec.slug}'"
            )
    return None


def _belongs_to(spec: CheckSpec, loaded: object) -> bool:
    if isinstance(loaded, CheckSpec):
        return loaded is spec
    if isinstance(loaded, ModuleType):
        return spec.model.__module__ == loaded.__name__ or spec.model.__module__.startswith(
            f"{loaded.__name__}."
        )
    return False


def _load_one(entry_point: metadata.EntryPoint) -> str | None:
    """Import one entry point and register its check; the reason it failed, or None."""
    before = dict(_REGISTRY)

    def restore() -> None:
        _REGISTRY.clear()
        _REGISTRY.update(before)

    try:
        loaded = entry_point.load()
        if isinstance(loaded, CheckSpec) and _REGISTRY.get(loaded.slug) is not loaded:
            register(loaded)
    except ConfigError as err:
        restore()
        return str(err)
    except Exception as err:  # a plugin must never stop the standard checks
        restore()
        return (
            f"importing {entry_point.value!r} failed ({type(err).__name__}: {err}); "
            "install the package again with its dependencies, or uninstall it"
        )
    added = [spec for spec in _REGISTRY.values() if before.get(spec.slug) is not spec]
    if not added:
        added = [spec for spec in _REGISTRY.values() if not spec.builtin and _belongs_to(spec, loaded)]
        if not added:
            return (
                f"{entry_point.value!r} registered no check; the module must call "
                "register(CheckSpec(...)) when imported, or the entry point must name a CheckSpec"
            )
        return None
    for spec in added:
        problem = _fragment_problem(spec)
        if problem is not None:
            restore()
            return problem
    return None


def load_plugins(entry_points: Iterable[metadata.EntryPoint]) -> list[PluginProblem]:
    """Register the check of each entry point; return the entry points left out and why."""
    problems = []
    for entry_point in entry_points:
        message = _load_one(entry_point)
        if message is not None:
            problems.append(PluginProblem(entry_point.name, _distribution(entry_point), message))
    return problems


def _ensure_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    found = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: (ep.name, ep.value))
    _PROBLEMS.extend(load_plugins(found))


def registry() -> list[CheckSpec]:
    """Return every registered check (standard and plugin checks), ordered by number."""
    from smtoolkit.checks import load_builtin

    load_builtin()
    _ensure_plugins()
    return sorted(_REGISTRY.values(), key=lambda s: s.number)


def plugin_problems() -> tuple[PluginProblem, ...]:
    """The installed plugin checks that were left out, each with what to do about it."""
    registry()
    return tuple(_PROBLEMS)


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
