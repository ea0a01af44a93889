"""The effective settings of an engagement and where each comes from, for ``smtoolkit config``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from smtoolkit.engagement import display_path
from smtoolkit.firm.merge import Source, firm_value, source_of
from smtoolkit.resources import templates_dir

if TYPE_CHECKING:
    from smtoolkit.engagement import Engagement

__all__ = ["TEMPLATE_KEY", "SettingRow", "effective_settings", "format_settings"]

#: The row of the report template, which is a firm setting only.
TEMPLATE_KEY = "firm.template"
#: What an empty value means for settings where empty is not "nothing".
_EMPTY_MEANS = {"settings.checks": "(empty: all checks)"}


@dataclass(frozen=True)
class SettingRow:
    """One setting: its dotted key, its effective value as text and where the value comes from."""

    key: str
    value: str
    source: Source


def _shown(value: Any) -> str:
    """A setting's value as ``smtoolkit config`` prints it."""
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_shown(v) for v in value) if value else "(none)"
    if isinstance(value, str):
        return value if value else '""'
    return str(value)


def _single(value: Any) -> bool:
    return not isinstance(value, list | tuple | dict | BaseModel)


def _walk(model: BaseModel, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], Any]]:
    """Every leaf of ``model``: nested models by field, mappings (weights) by key."""
    leaves: list[tuple[tuple[str, ...], Any]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            leaves.extend(_walk(value, (*path, name)))
        elif isinstance(value, dict):
            leaves.extend(((*path, name, str(key)), item) for key, item in value.items())
        else:
            leaves.append(((*path, name), value))
    return leaves


def effective_settings(engagement: Engagement, *, every_answer: bool = False) -> list[SettingRow]:
    """Every setting of ``engagement`` with its effective value and source.

    Rows: each key of ``settings`` (weights: each weight that is set), the report template,
    and each check's single-valued answer that the firm file gives a default for; with
    ``every_answer`` each single-valued answer of every included check.
    """
    file = display_path(engagement.file)
    firm = engagement.firm
    document = engagement.document

    def row(path: tuple[str, ...], value: Any) -> SettingRow:
        key = ".".join(path)
        text = _EMPTY_MEANS[key] if key in _EMPTY_MEANS and not value else _shown(value)
        return SettingRow(key, text, source_of(document, file, firm, path))

    rows = [row(path, value) for path, value in _walk(engagement.settings, ("settings",))]
    if firm is not None and firm.template is not None:
        template = display_path(firm.template)
        origin = Source("firm", firm.source, firm.line(("firm", "template")))
    else:
        from smtoolkit.build.exporter import REPORT_TEMPLATE  # nbconvert loads only for this row

        template = str(templates_dir() / REPORT_TEMPLATE)
        origin = Source("default")
    rows.append(SettingRow(TEMPLATE_KEY, template, origin))
    for spec in engagement.included():
        section = engagement.sections.get(spec.slug)
        if section is None:
            continue
        for name in spec.model.model_fields:
            value = getattr(section, name)
            path = (spec.slug, name)
            if _single(value) and (every_answer or firm_value(firm, path) is not None):
                rows.append(row(path, value))
    return rows


def format_settings(rows: Sequence[SettingRow]) -> str:
    """The rows as three aligned columns: key, value, source."""
    if not rows:
        return ""
    key_width = max(len(r.key) for r in rows)
    value_width = min(max(len(r.value) for r in rows), 48)
    return "\n".join(
        f"{r.key.ljust(key_width)}  {r.value.ljust(value_width)}  {r.source}".rstrip() for r in rows
    )
