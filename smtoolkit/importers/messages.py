"""One way to word import errors: where, what was expected, what was found, what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smtoolkit.errors import DataImportError

__all__ = ["Location", "import_error", "preview"]


@dataclass(frozen=True)
class Location:
    """Where in a file a problem is: the file, and optionally sheet, row and column.

    ``row`` is the row number a person sees when opening the file in a spreadsheet
    program (1 is the first line of the file, preamble lines included).
    """

    path: Path
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def at(self, *, row: int | None = None, column: str | None = None) -> Location:
        """Return this location narrowed to a row and/or column."""
        return Location(
            self.path,
            self.sheet,
            row if row is not None else self.row,
            column if column is not None else self.column,
        )

    def __str__(self) -> str:
        parts = [str(self.path)]
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)


def preview(value: object, limit: int = 60) -> str:
    """Return ``value`` quoted and shortened for an error message."""
    text = str(value).replace("\r", "\\r").replace("\n", "\\n")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def import_error(
    where: Location | Path,
    problem: str,
    *,
    expected: str | None = None,
    found: str | None = None,
    hint: str | None = None,
) -> DataImportError:
    """Build a :class:`DataImportError` whose message names the place and the problem.

    The message reads ``<file>, row 7, column 'Reach': <problem>`` followed by indented
    ``expected:``, ``found:`` and hint lines where given.
    """
    lines = [f"{where}: {problem}"]
    if expected:
        lines.append(f"  expected: {expected}")
    if found:
        lines.append(f"  found: {found}")
    if hint:
        lines.append(f"  {hint}")
    return DataImportError("\n".join(lines))
