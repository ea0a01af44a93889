"""Declarative formats: map export columns onto schema columns by header name.

Most export formats are fully described by which header names they use for which
schema column and what type the values have.  :class:`ColumnMapFormat` turns such a
description into a registered :class:`~smtoolkit.importers.registry.Format`::

    register(ColumnMapFormat(
        name="tiktok_posts", label="TikTok post export", kind=Kind.POSTS,
        platform="tiktok",
        fields=[Field("published_at", ("Post time",), "datetime", required=True), ...],
        signature=[("Video title",), ("Video link",), ("Post time",)],
        min_signature=3,
    ))
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from smtoolkit.catalogues import Platform
from smtoolkit.importers.dates import parse_dates, parse_datetimes
from smtoolkit.importers.numbers import Decimal, parse_numbers
from smtoolkit.importers.registry import Format, Header, Table
from smtoolkit.importers.schemas import Kind

__all__ = ["ColumnMapFormat", "Field", "FieldType", "as_text"]

FieldType = Literal["text", "id", "int", "float", "datetime", "date"]

Finish = Callable[[pd.DataFrame, Table], pd.DataFrame]

_DEDUPE_PREFERENCE = ("url", "post_id", "respondent_id", "published_at", "date")


@dataclass(frozen=True)
class Field:
    """One schema column and the export header names that feed it.

    ``aliases`` are tried in order; the first one present in the header is used.
    ``required`` fields must be in the header (else the file is rejected, naming them).
    """

    target: str
    aliases: tuple[str, ...]
    type: FieldType = "text"
    required: bool = False


def _cell_text(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return np.nan
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    return str(value)


def as_text(values: pd.Series, *, strip: bool = False) -> pd.Series:
    """Return ``values`` as strings (missing stays missing); spreadsheet numbers lose ``.0``."""
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = values.map(_cell_text)
    if strip:
        values = values.str.strip()
        values = values.where(values != "")
    return values


class ColumnMapFormat(Format):
    """A format described by header names per schema column (see module doc).

    ``signature`` lists groups of alternative header names that identify the format;
    a header scores the number of groups it contains, and scores ``0`` below
    ``min_signature`` or when it lacks one of the ``anchors`` groups.  ``extra`` names
    further columns that ``finish`` reads through :meth:`Table.column`.  ``finish``
    post-processes the mapped frame (derive ids, normalize categories).  ``platform``
    fills the ``platform`` column.  ``dayfirst`` and ``decimal`` are hints for values
    that could be read two ways.
    """

    def __init__(
        self,
        *,
        name: str,
        label: str,
        kind: Kind,
        fields: Sequence[Field],
        signature: Sequence[Sequence[str]],
        min_signature: int,
        platform: Platform | None = None,
        extra: Sequence[Sequence[str]] = (),
        finish: Finish | None = None,
        dayfirst: bool | None = None,
        decimal: Decimal | None = None,
        rule: str | None = None,
        dedupe: bool = True,
        anchors: Sequence[Sequence[str]] = (),
        description_row: bool = False,
        one_row_per: str | None = None,
        unsupported: str | None = None,
    ) -> None:
        self.name = name
        self.label = label
        self.kind = kind
        self.fields = tuple(fields)
        self.signature = tuple(tuple(group) for group in signature)
        self.min_signature = min_signature
        self.platform: Platform | None = platform
        self.extra = tuple(tuple(group) for group in extra)
        self.finish = finish
        self.dayfirst = dayfirst
        self.decimal = decimal
        self.dedupe = dedupe
        self.anchors = tuple(tuple(group) for group in anchors)
        self.description_row = description_row
        self.one_row_per = one_row_per
        self.unsupported = unsupported
        names = [group[0] for group in self.signature]
        default_rule = f"a header row with at least {min_signature} of: " + ", ".join(names)
        if self.anchors:
            default_rule += (
                " (always including " + " and ".join(" or ".join(group) for group in self.anchors) + ")"
            )
        self.rule = rule or default_rule

    def score(self, header: Header) -> int:
        """Return the number of signature groups in ``header`` (0 below the minimum)."""
        if not all(header.has(group) for group in self.anchors):
            return 0
        found = sum(1 for group in self.signature if header.has(group))
        return found if found >= self.min_signature else 0

    def missing(self, header: Header) -> list[str]:
        """Return the first alias of each required field that ``header`` lacks."""
        return [f.aliases[0] for f in self.fields if f.required and not header.has(f.aliases)]

    def positions(self, header: Header) -> list[int]:
        """Return the positions of mapped and extra columns, plus the first column."""
        found = {0}
        for group in [f.aliases for f in self.fields] + list(self.extra):
            position = header.find(group)
            if position is not None:
                found.add(position)
        return sorted(found)

    def used(self, header: Header) -> dict[int, str]:
        """Return the positions of mapped fields, each with the schema column it feeds."""
        found: dict[int, str] = {}
        for f in self.fields:
            position = header.find(f.aliases)
            if position is not None and position not in found:
                found[position] = f.target
        for group in self.extra:
            position = header.find(group)
            if position is not None and position not in found:
                found[position] = ""
        return found

    def key_positions(self, header: Header) -> list[int]:
        """Return positions of id and date fields (checked for summary rows)."""
        keys = []
        for f in self.fields:
            if f.type in ("id", "date", "datetime"):
                position = header.find(f.aliases)
                if position is not None:
                    keys.append(position)
        return keys

    def deduplicates(self, header: Header) -> bool:
        """Tell whether identical rows are dropped (the ``dedupe`` setting)."""
        return self.dedupe

    def dedupe_position(self, header: Header) -> int | None:
        """Return the position of the most selective mapped column."""
        by_target = {f.target: f for f in self.fields}
        for target in _DEDUPE_PREFERENCE:
            if target in by_target:
                position = header.find(by_target[target].aliases)
                if position is not None:
                    return position
        return super().dedupe_position(header)

    def convert(self, table: Table) -> pd.DataFrame:
        """Map and parse every field present, then apply ``finish``."""
        columns: dict[str, pd.Series] = {}
        for f in self.fields:
            if f.target in columns:
                continue
            values = table.column(f.aliases)
            if values is None:
                continue
            where = table.where(f.aliases)
            if f.type == "text":
                columns[f.target] = as_text(values)
            elif f.type == "id":
                columns[f.target] = as_text(values, strip=True)
            elif f.type in ("int", "float"):
                columns[f.target] = parse_numbers(
                    values, where=where, integer=f.type == "int", decimal=self.decimal
                )
            elif f.type == "datetime":
                columns[f.target] = parse_datetimes(
                    values,
                    where=where,
                    tz=table.tz,
                    dayfirst=self.dayfirst,
                    context=table.context,
                    rejected=table.rejected,
                )
            else:
                columns[f.target] = parse_dates(
                    values,
                    where=where,
                    tz=table.tz,
                    dayfirst=self.dayfirst,
                    context=table.context,
                    rejected=table.rejected,
                )
        frame = pd.DataFrame(columns, index=table.frame.index)
        if self.platform is not None:
            frame["platform"] = self.platform
        if self.finish is not None:
            frame = self.finish(frame, table)
        return frame
