"""Layering: the engagement's own values over the firm's over the toolkit's defaults.

An engagement sets a key when ``engagement.yaml`` holds it with a value; a key left out
or left empty (``null``) takes the firm's value, and without one the toolkit's default
(the model's). Mappings (``settings.branding``, ``settings.weights``, ``settings.bands``)
are layered key by key. The engagement's document is never changed: firm values live only
in the validated models, so a save of a section writes back only what the engagement set.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from smtoolkit import yamlio

if TYPE_CHECKING:
    from smtoolkit.firm.load import Firm

__all__ = ["Source", "firm_value", "inherited", "is_set", "overlay", "source_of", "without_inherited"]

_MISSING = object()


def overlay(own: Any, defaults: Mapping[str, Any]) -> Any:
    """``own`` with every key it leaves out or empty taken from ``defaults``, recursively.

    ``own`` that is not a mapping (a mistake the validation reports) is returned unchanged.
    """
    if own is None:
        own = {}
    if not isinstance(own, Mapping):
        return own
    merged = dict(own)
    for key, value in defaults.items():
        mine = own.get(key)
        if mine is None:
            merged[key] = copy.deepcopy(value)
        elif isinstance(mine, Mapping) and isinstance(value, Mapping):
            merged[key] = overlay(mine, value)
    return merged


def _lookup(node: Any, path: Sequence[str]) -> Any:
    for part in path:
        if not isinstance(node, Mapping) or node.get(part) is None:
            return _MISSING
        node = node[part]
    return node


def is_set(document: Any, path: Sequence[str]) -> bool:
    """True when the engagement's ``document`` holds a value (not empty) at ``path``."""
    return _lookup(document, path) is not _MISSING


def firm_value(firm: Firm | None, path: Sequence[str]) -> Any:
    """The firm's default at the engagement path ``path``, or ``None`` when it has none."""
    if firm is None or not path:
        return None
    value = _lookup(firm.defaults(path[0]), path[1:])
    return None if value is _MISSING else value


@dataclass(frozen=True)
class Source:
    """Where an effective value comes from: the engagement file, the firm file or the toolkit."""

    kind: Literal["engagement", "firm", "default"]
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.kind == "default":
            return "toolkit default"
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        return f"{'engagement' if self.kind == 'engagement' else 'firm'} {where}"


def source_of(document: Any, engagement_file: str, firm: Firm | None, path: Sequence[str]) -> Source:
    """Where the effective value at ``path`` (e.g. ``("settings", "bands", "amber")``) comes from."""
    if is_set(document, path):
        return Source("engagement", engagement_file, yamlio.line_of(document, path))
    if firm is not None and firm_value(firm, path) is not None:
        return Source("firm", firm.source, firm.line(firm.toml_path(path)))
    return Source("default")


def inherited(document: Any, firm: Firm | None, section: str) -> dict[str, Any]:
    """The firm's values a check ``section`` takes because the engagement leaves them out or empty."""
    if firm is None:
        return {}
    own = document.get(section) if isinstance(document, Mapping) else None
    return {
        key: copy.deepcopy(value)
        for key, value in firm.defaults(section).items()
        if not isinstance(own, Mapping) or own.get(key) is None
    }


def without_inherited(
    data: Mapping[str, Any], document: Any, firm: Firm | None, section: str
) -> dict[str, Any]:
    """``data`` of a section to save, minus the firm values it only inherited, unchanged.

    A form shows the effective answers; saving them must not copy the firm's defaults into
    ``engagement.yaml``, where they would stop following the firm file.
    """
    taken = inherited(document, firm, section)
    return {key: value for key, value in data.items() if key not in taken or value != taken[key]}
