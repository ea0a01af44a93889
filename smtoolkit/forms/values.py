"""Field introspection and value conversion shared by the form and the answers table."""

from __future__ import annotations

import datetime as dt
import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from smtoolkit.catalogues import label_prefix
from smtoolkit.i18n import catalog, translate

__all__ = ["FieldKind", "field_kind", "field_label", "for_yaml", "term"]

FieldKind = Literal[
    "choice", "choices", "bool", "int", "float", "text", "date", "rows", "model", "list", "other"
]


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def field_kind(info: FieldInfo) -> tuple[FieldKind, Any, bool]:
    """Classify a model field: its widget kind, the inner type, and whether it may be empty."""
    inner, optional = _strip_optional(info.annotation)
    origin = get_origin(inner)
    if origin is Literal:
        return "choice", get_args(inner), optional
    if origin is list:
        (item,) = get_args(inner) or (Any,)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "rows", item, optional
        if get_origin(item) is Literal:
            return "choices", get_args(item), optional
        return "list", item, optional
    if inner is bool:
        return "bool", inner, optional
    if inner is int:
        return "int", inner, optional
    if inner is float:
        return "float", inner, optional
    if inner is str:
        return "text", inner, optional
    if inner is dt.date:
        return "date", inner, optional
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return "model", inner, optional
    return "other", inner, optional


def field_label(prefix: str, name: str, language: str) -> str:
    """The catalog label of field ``name`` (``effort.field.posts_per_week``), or the name."""
    key = f"{prefix}.field.{name}"
    return catalog(language).get(key, name.replace("_", " "))


def term(prefix: str, name: str, choices: tuple[object, ...], value: object, language: str) -> str:
    """The catalog label of a choice, or the value itself.

    Choices from a shared vocabulary use its labels (``platform.linkedin``); other choices
    use the check's own ``<prefix>.choice.<field>.<value>`` (``strategy.choice.keep.close``).
    """
    shared = label_prefix(choices)
    key = f"{shared}.{value}" if shared else f"{prefix}.choice.{name}.{value}"
    return translate(key, language) if key in catalog(language) else str(value)


def for_yaml(value: Any) -> Any:
    """Normalise dumped model data for YAML: whole floats become ints, tuples become lists."""
    if isinstance(value, dict):
        return {k: for_yaml(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [for_yaml(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
