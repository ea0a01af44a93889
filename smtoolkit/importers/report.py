"""What an import found, in plain English: for ``smtoolkit inspect FILE...``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from smtoolkit.importers.cleaning import Dropped
from smtoolkit.importers.loader import Imported, read_file
from smtoolkit.importers.readers import ENCODING_NAMES
from smtoolkit.importers.schemas import DEFAULT_TZ, Kind

__all__ = ["InspectReport", "TableReport", "format_report", "inspect_file"]

_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


@dataclass(frozen=True)
class TableReport:
    """What was read from one table of a file."""

    sheet: str | None
    format_name: str
    format_label: str
    kind: Kind
    rows: int
    date_range: tuple[pd.Timestamp, pd.Timestamp] | None
    dropped: tuple[Dropped, ...]
    header_row: int
    encoding: str | None
    delimiter: str | None
    notes: tuple[str, ...]
    columns_used: tuple[tuple[str, str], ...] = ()
    columns_ignored: tuple[str, ...] = ()
    cleared: tuple[Dropped, ...] = ()

    @classmethod
    def from_imported(cls, imported: Imported) -> TableReport:
        """Summarize an :class:`~smtoolkit.importers.loader.Imported` table."""
        return cls(
            sheet=imported.sheet,
            format_name=imported.format.name,
            format_label=imported.format.label,
            kind=imported.kind,
            rows=imported.rows,
            date_range=imported.date_range,
            dropped=imported.dropped,
            header_row=imported.header_row,
            encoding=imported.encoding,
            delimiter=imported.delimiter,
            notes=imported.notes,
            columns_used=imported.columns_used,
            columns_ignored=imported.columns_ignored,
            cleared=imported.cleared,
        )


@dataclass(frozen=True)
class InspectReport:
    """The result of :func:`inspect_file`: one :class:`TableReport` per table found."""

    path: Path
    tables: tuple[TableReport, ...]
    notes: tuple[str, ...] = ()


def inspect_file(path: str | Path, *, tz: str = DEFAULT_TZ) -> InspectReport:
    """Read ``path`` and report format, kind, rows, date range and dropped rows.

    Raises :class:`~smtoolkit.errors.DataImportError` (with a message for the
    consultant) when the file cannot be imported.
    """
    path = Path(path)
    tables, file_notes = read_file(path, tz=tz)
    reports = tuple(
        replace(
            TableReport.from_imported(t),
            notes=tuple(n for n in t.notes if n not in file_notes),
        )
        for t in tables
    )
    return InspectReport(path, reports, tuple(file_notes))


def _dates(date_range: tuple[pd.Timestamp, pd.Timestamp] | None) -> str:
    if date_range is None:
        return "none in this file"
    first, last = (d.strftime("%Y-%m-%d") for d in date_range)
    return first if first == last else f"{first} to {last}"


def _shown(names: list[str], limit: int = 40) -> str:
    text = ", ".join(names[:limit])
    if len(names) > limit:
        text += f", … ({len(names) - limit} more)"
    return text


def _read_as(table: TableReport) -> str:
    parts = []
    if table.encoding is None and table.delimiter is None:
        parts.append("Excel workbook")
    if table.encoding is not None:
        parts.append(ENCODING_NAMES.get(table.encoding, table.encoding))
    if table.delimiter is not None:
        parts.append(f"{_DELIMITERS.get(table.delimiter, repr(table.delimiter))}-separated")
    parts.append(f"header in row {table.header_row}")
    return ", ".join(parts)


def format_report(report: InspectReport, *, show_path: bool = True) -> str:
    """Return the report as plain-English lines, ready to print.

    Example::

        file: data/linkedin.xlsx
        sheet: All posts
        format: LinkedIn page export, posts (linkedin_posts)
        kind: posts
        rows: 182
        dates: 2025-11-03 to 2026-10-29
        dropped: 1 summary row (row 3: 'Total'); 2 duplicate rows (rows 8, 9)
        read as: header in row 2
        columns used: Post title → text, Post link → url, ...
        columns ignored: Click through rate (CTR), Engagement rate
    """
    lines: list[str] = []
    if show_path:
        lines.append(f"file: {report.path}")
    for index, table in enumerate(report.tables):
        if index:
            lines.append("")
        if table.sheet is not None:
            lines.append(f"sheet: {table.sheet}")
        lines.append(f"format: {table.format_label} ({table.format_name})")
        lines.append(f"kind: {table.kind.value}")
        lines.append(f"rows: {table.rows}")
        lines.append(f"dates: {_dates(table.date_range)}")
        dropped = "; ".join(d.describe() for d in table.dropped) or "nothing"
        lines.append(f"dropped: {dropped}")
        if table.cleared:
            lines.append("cleared: " + "; ".join(d.describe() for d in table.cleared))
        lines.append(f"read as: {_read_as(table)}")
        if table.columns_used:
            lines.append(
                "columns used: "
                + _shown([f"{name} → {target}" if target else name for name, target in table.columns_used])
            )
        lines.append("columns ignored: " + (_shown(list(table.columns_ignored)) or "none"))
        for note in table.notes:
            lines.append(f"note: {note}")
    for note in report.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines)
