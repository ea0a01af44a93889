"""Find and read the firm file ``smtoolkit.toml``; every problem is named with file and line.

The firm file sits at the workspace root (or any folder above an engagement); the nearest
one above the engagement folder wins. Its tables:

- ``[firm]``: ``name``, ``logo`` (an image file, relative to the firm file),
  ``primary_color`` (``#rrggbb``) and ``template`` (a folder holding the firm's
  ``index.html.j2``, which extends ``report/index.html.j2``) and ``deck_template`` (a
  ``.pptx`` whose master and layouts ``deck.pptx`` uses);
- ``[settings]``: ``language``, ``weights`` (per check slug), ``bands`` (``amber``,
  ``green``) and ``pdf`` (write ``report.pdf``), as in ``settings`` of ``engagement.yaml``;
- ``[checks.<slug>]``: a default for any single-valued top-level answer of that check,
  e.g. ``[checks.strategy] dormant_days = 60``;
- ``[limits]``: bounds on what the toolkit reads (:mod:`smtoolkit.limits`).

Values are validated with the engagement's own models, so a firm default is valid wherever
the same value would be valid in ``engagement.yaml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from smtoolkit.checks.registry import registry
from smtoolkit.engagement import display_path, explain_error
from smtoolkit.errors import ConfigError, UnsafePathError, ValidationError
from smtoolkit.firm.lines import line_of, syntax_error_line
from smtoolkit.limits import TABLE as LIMITS_TABLE
from smtoolkit.limits import parse_limits
from smtoolkit.models import Settings
from smtoolkit.paths import FIRM_FILE, find_firm_file, inside

__all__ = [
    "FIRM_FILE",
    "FIRM_ONLY_KEYS",
    "SETTINGS_KEYS",
    "TEMPLATE_ENTRY",
    "TEMPLATE_SUFFIXES",
    "Firm",
    "find_firm_file",
    "firm_for",
    "load_firm",
    "parse_firm",
]

#: The file a firm template folder must hold; it extends ``report/index.html.j2``.
TEMPLATE_ENTRY = "index.html.j2"
#: The files of a firm template folder that travel with a build: templates and text assets.
TEMPLATE_SUFFIXES = (".j2", ".css", ".html", ".svg")
_TEMPLATE_LIMIT = 4 * 1024 * 1024

#: Where each key of the firm file lands in the ``settings`` section of an engagement.
SETTINGS_KEYS: dict[tuple[str, str], tuple[str, ...]] = {
    ("firm", "name"): ("branding", "firm_name"),
    ("firm", "logo"): ("branding", "logo"),
    ("firm", "primary_color"): ("branding", "primary_color"),
    ("settings", "language"): ("language",),
    ("settings", "weights"): ("weights",),
    ("settings", "bands"): ("bands",),
    ("settings", "pdf"): ("pdf",),
}
#: Keys of the firm file that belong to the firm only, not to an engagement's settings.
FIRM_ONLY_KEYS: tuple[tuple[str, str], ...] = (("firm", "template"), ("firm", "deck_template"))
_TABLES = ("firm", "settings", "checks", LIMITS_TABLE)


@dataclass(frozen=True)
class Firm:
    """A validated firm file: defaults for the engagements below it, and its branding files."""

    file: Path
    text: str
    #: Defaults of the ``settings`` section, in its shape (``branding``, ``weights``, ``bands`` ...).
    settings: dict[str, Any] = field(default_factory=dict)
    #: Defaults of check sections: ``{slug: {field: value}}``.
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    logo: Path | None = None
    template: Path | None = None
    #: The firm's PowerPoint master for ``deck.pptx`` (``[firm] deck_template``).
    deck_template: Path | None = None

    @property
    def source(self) -> str:
        """The firm file as messages name it."""
        return display_path(self.file)

    def defaults(self, section: str) -> dict[str, Any]:
        """The firm's defaults for ``section`` of ``engagement.yaml`` (``settings`` or a check slug)."""
        return self.settings if section == "settings" else self.checks.get(section, {})

    def toml_path(self, path: Sequence[str]) -> tuple[str, ...]:
        """The key in the firm file of the engagement path ``path`` (e.g. ``settings.branding.logo``)."""
        section, *rest = path
        if section != "settings":
            return ("checks", section, *rest)
        for toml, target in SETTINGS_KEYS.items():
            if tuple(rest[: len(target)]) == target:
                return (*toml, *rest[len(target) :])
        return ("settings", *rest)

    def template_files(self) -> dict[str, str]:
        """The firm template's files by name relative to its folder (``{}`` without a template).

        A build carries the template as text, not as a path, so a worker on another machine
        renders the same page; a template may ``{% include %}`` its ``.css`` and ``.svg`` files.
        """
        if self.template is None:
            return {}
        files: dict[str, str] = {}
        size = 0
        for path in sorted(self.template.rglob("*")):
            if not path.is_file() or path.suffix.lower() not in TEMPLATE_SUFFIXES:
                continue
            name = path.relative_to(self.template).as_posix()
            try:
                files[name] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise ConfigError(
                    f"{self.where(('firm', 'template'))} firm.template: {name} cannot be read as UTF-8 "
                    f"text ({getattr(err, 'strerror', None) or err}); save it as UTF-8"
                ) from None
            size += len(files[name])
            if size > _TEMPLATE_LIMIT:
                raise ConfigError(
                    f"{self.where(('firm', 'template'))} firm.template: the template folder holds more "
                    f"than {_TEMPLATE_LIMIT // (1024 * 1024)} MB of text; keep only the template and "
                    "its stylesheets there"
                )
        return files

    def line(self, toml_path: Sequence[str]) -> int | None:
        """The line of ``toml_path`` (a key path of the firm file) in the firm file."""
        return line_of(self.text, toml_path)

    def where(self, toml_path: Sequence[str]) -> str:
        """``file:line`` of ``toml_path``, or the file alone when the key is not written in it."""
        line = self.line(toml_path)
        return f"{self.source}:{line}" if line else self.source


def firm_for(folder: Path) -> Firm | None:
    """The firm settings that apply to the engagement in ``folder``; ``None`` without a firm file."""
    path = find_firm_file(folder)
    return load_firm(path) if path is not None else None


def load_firm(path: Path) -> Firm:
    """Read and validate the firm file ``path``; problems raise :class:`ValidationError`."""
    source = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{source}: is not UTF-8 text; save it as UTF-8 and try again") from None
    except OSError as err:
        raise ConfigError(f"{source}: cannot be read ({err.strerror or err}); check the file") from None
    return parse_firm(text, path.resolve())


def _syntax_problem(source: str, error: tomllib.TOMLDecodeError) -> str:
    message = str(error)
    line = syntax_error_line(message)
    what = message.split(" (at ", 1)[0]
    where = f"{source}:{line}" if line else source
    return (
        f"{where} TOML syntax error: {what}; fix this line (write key = value, text in double "
        'quotes such as name = "Nordlicht", tables as [settings])'
    )


def parse_firm(text: str, path: Path) -> Firm:
    """Validate the firm file's ``text``; ``path`` names it in messages and anchors its files."""
    firm = Firm(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ValidationError(firm.source, [_syntax_problem(firm.source, err)]) from None
    problems: list[str] = []
    for key, value in data.items():
        if key not in _TABLES:
            problems.append(
                f"{firm.where((key,))} {key}: is not a known table or key; expected the tables "
                "[firm], [settings], [checks.<check>] and [limits]; check the spelling or remove it"
            )
        elif not isinstance(value, dict):
            problems.append(f"{firm.where((key,))} {key}: expected a table [{key}], found {value!r}")
    tables = {k: v for k, v in data.items() if k in _TABLES and isinstance(v, dict)}
    settings = _settings(firm, tables, problems)
    checks = _checks(firm, tables.get("checks", {}), problems)
    logo = _file(firm, tables.get("firm", {}), "logo", problems)
    template = _file(firm, tables.get("firm", {}), "template", problems)
    deck_template = _file(firm, tables.get("firm", {}), "deck_template", problems)
    if LIMITS_TABLE in tables:
        problems += parse_limits(tables[LIMITS_TABLE], firm.source)[1]
    if problems:
        raise ValidationError(firm.source, problems)
    return Firm(path, text, settings, checks, logo, template, deck_template)


def _unknown(firm: Firm, table: str, keys: Iterable[str], known: Sequence[str], problems: list[str]) -> None:
    for key in keys:
        if key not in known:
            problems.append(
                f"{firm.where((table, key))} {table}.{key}: is not a known key of [{table}]; expected "
                f"one of {', '.join(known)}; check the spelling or remove it"
            )


def _settings(firm: Firm, tables: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    """The firm's ``[firm]`` and ``[settings]`` values in the shape of ``settings``, validated."""
    for table in ("firm", "settings"):
        known = [k for t, k in (*SETTINGS_KEYS, *FIRM_ONLY_KEYS) if t == table]
        _unknown(firm, table, tables.get(table, {}), known, problems)
    mapped: dict[str, Any] = {}
    for (table, key), target in SETTINGS_KEYS.items():
        if key in tables.get(table, {}):
            node = mapped
            for part in target[:-1]:
                node = node.setdefault(part, {})
            node[target[-1]] = tables[table][key]
    try:
        Settings.model_validate(mapped)
    except PydanticValidationError as err:
        for error in err.errors():
            toml = firm.toml_path(("settings", *(str(p) for p in error["loc"])))
            problems.append(f"{firm.where(toml)} {'.'.join(toml)}: {explain_error(error)}")
        return {}
    known = [spec.slug for spec in registry()]
    for slug in mapped.get("weights", {}):
        if slug not in known:
            problems.append(
                f"{firm.where(('settings', 'weights', slug))} settings.weights.{slug}: is not a known "
                f"check; expected one of {', '.join(known)}"
            )
    return mapped


def _checks(firm: Firm, table: dict[str, Any], problems: list[str]) -> dict[str, dict[str, Any]]:
    """The ``[checks.<slug>]`` defaults: known checks, top-level single-valued fields, valid values."""
    specs = {spec.slug: spec for spec in registry()}
    checks: dict[str, dict[str, Any]] = {}
    for slug, values in table.items():
        where = firm.where(("checks", slug))
        spec = specs.get(slug)
        if spec is None:
            problems.append(
                f"{where} checks.{slug}: is not a known check; expected one of {', '.join(specs)}"
            )
            continue
        if not isinstance(values, dict):
            problems.append(f"{where} checks.{slug}: expected a table [checks.{slug}], found {values!r}")
            continue
        fields = spec.model.model_fields
        good: dict[str, Any] = {}
        for name, value in values.items():
            here = f"{firm.where(('checks', slug, name))} checks.{slug}.{name}"
            if name not in fields:
                problems.append(
                    f"{here}: is not a field of check {slug}; expected one of {', '.join(fields)}; "
                    "check the spelling or remove it"
                )
            elif isinstance(value, dict | list):
                problems.append(
                    f"{here}: only single values can have a firm default, not lists or tables; "
                    f"enter it in each engagement.yaml under {slug}.{name}"
                )
            else:
                good[name] = value
        if _valid(firm, spec.model, slug, good, problems):
            checks[slug] = good
    return checks


def _valid(
    firm: Firm, model: type[BaseModel], slug: str, values: dict[str, Any], problems: list[str]
) -> bool:
    try:
        model.model_validate(values)
    except PydanticValidationError as err:
        for error in err.errors():
            toml = ("checks", slug, *(str(p) for p in error["loc"]))
            problems.append(f"{firm.where(toml)} {'.'.join(toml)}: {explain_error(error)}")
        return False
    return True


def _file(firm: Firm, table: dict[str, Any], key: str, problems: list[str]) -> Path | None:
    """Resolve ``[firm] key`` (logo or template) inside the firm file's folder; it must exist."""
    reference = table.get(key)
    if reference is None:
        return None
    here = f"{firm.where(('firm', key))} firm.{key}"
    if not isinstance(reference, str):
        problems.append(f"{here}: expected a path in quotes relative to {FIRM_FILE}, found {reference!r}")
        return None
    try:
        path = inside(firm.file.parent, reference, what=key)
    except UnsafePathError as err:
        problems.append(f"{here}: {err}")
        return None
    if key == "logo" and not path.is_file():
        problems.append(
            f"{here}: {reference!r} does not exist next to {FIRM_FILE}; put the image there or "
            "correct the path"
        )
        return None
    if key == "deck_template" and not (path.is_file() and path.suffix.lower() == ".pptx"):
        problems.append(
            f"{here}: {reference!r} is not a .pptx file next to {FIRM_FILE}; save the firm's "
            "PowerPoint master as .pptx there, or correct the path"
        )
        return None
    if key == "template" and not (path / TEMPLATE_ENTRY).is_file():
        problems.append(
            f"{here}: {reference!r} is not a template folder; it needs a file {TEMPLATE_ENTRY} that "
            "starts with {% extends 'report/index.html.j2' %} (see docs/customize.md, Firm template)"
        )
        return None
    return path
