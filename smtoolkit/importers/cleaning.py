"""Dropping rows that are not data: blank rows, summary rows, duplicates, undated rows.

Every drop is recorded as a :class:`Dropped` so the consultant sees what was left out
and why.  Row numbers are the ones a spreadsheet program shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "SUMMARY_WORDS",
    "Dropped",
    "drop_blank",
    "drop_duplicates",
    "drop_missing",
    "drop_summary",
]

SUMMARY_WORDS: tuple[str, ...] = (
    "total",
    "totals",
    "grand total",
    "sum",
    "gesamt",
    "summe",
    "insgesamt",
    "gesamtsumme",
)
"""Cell values that mark a summary row (any capitalization, optional trailing colon)."""

_SUMMARY_VALUES = frozenset(
    variant
    for word in SUMMARY_WORDS
    for cased in (word, word.title(), word.upper(), word.capitalize())
    for variant in (cased, cased + ":", " " + cased, cased + " ")
)
_KEEP_ROWS = 20


@dataclass(frozen=True)
class Dropped:
    """Rows left out of an import for one reason.

    ``rows`` holds the first row numbers (at most 20); ``count`` is the full number.
    ``example`` is a value that shows why (the ``Total`` of a summary row).
    """

    reason: str
    reason_plural: str
    count: int
    rows: tuple[int, ...]
    example: str | None = None

    def describe(self) -> str:
        """Return e.g. ``"2 duplicate rows (rows 8, 9)"``."""
        noun = self.reason if self.count == 1 else self.reason_plural
        rows = ", ".join(str(r) for r in self.rows)
        if self.count > len(self.rows):
            rows += ", …"
        where = f"row {rows}" if self.count == 1 else f"rows {rows}"
        if self.example is not None:
            where += f": {self.example}"
        return f"{self.count} {noun} ({where})"


def _dropped(mask: pd.Series, reason: str, plural: str, example: str | None = None) -> Dropped:
    rows = mask[mask].index[:_KEEP_ROWS]
    return Dropped(reason, plural, int(mask.sum()), tuple(int(r) for r in rows), example)


def drop_blank(frame: pd.DataFrame) -> tuple[pd.DataFrame, Dropped | None]:
    """Drop rows whose cells are all empty (blank lines, trailing empty rows)."""
    if frame.empty or frame.shape[1] == 0:
        return frame, None
    first_empty = frame.iloc[:, 0].isna().to_numpy(dtype=bool)
    if not first_empty.any():
        return frame, None
    blank = first_empty.copy()
    blank[first_empty] = frame.loc[first_empty].isna().to_numpy(dtype=bool).all(axis=1)
    if not blank.any():
        return frame, None
    mask = pd.Series(blank, index=frame.index)
    return frame.loc[~blank], _dropped(mask, "blank row", "blank rows")


def drop_summary(frame: pd.DataFrame, positions: Sequence[int]) -> tuple[pd.DataFrame, Dropped | None]:
    """Drop rows whose first cell or an id/date cell says ``Total``, ``Gesamt``, ..."""
    if frame.shape[1] == 0:
        return frame, None
    summary = pd.Series(False, index=frame.index)
    example: str | None = None
    for position in dict.fromkeys([frame.columns[0], *positions]):
        if position not in frame.columns:
            continue
        column = frame[position]
        hit = column.isin(_SUMMARY_VALUES)
        if bool(hit.any()):
            if example is None:
                example = repr(str(column[hit].iloc[0]).strip())
            summary |= hit
    if not bool(summary.any()):
        return frame, None
    return frame.loc[~summary], _dropped(summary, "summary row", "summary rows", example)


def drop_duplicates(frame: pd.DataFrame, key: int | None) -> tuple[pd.DataFrame, Dropped | None]:
    """Drop rows identical to an earlier row in every imported column.

    ``key`` is a column all duplicates share (checked first, to keep this fast on large
    files); ``None`` checks all columns at once.
    """
    if frame.empty:
        return frame, None
    if key is not None and key in frame.columns:
        candidates = frame[key].duplicated(keep=False).to_numpy(dtype=bool)
        if not candidates.any():
            return frame, None
        duplicate = np.zeros(len(frame), dtype=bool)
        duplicate[candidates] = frame.loc[candidates].duplicated(keep="first").to_numpy(dtype=bool)
    else:
        duplicate = frame.duplicated(keep="first").to_numpy(dtype=bool)
    if not duplicate.any():
        return frame, None
    mask = pd.Series(duplicate, index=frame.index)
    return frame.loc[~duplicate], _dropped(mask, "duplicate row", "duplicate rows")


def drop_missing(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[pd.DataFrame, list[Dropped]]:
    """Drop rows that lack a value in one of ``columns`` (the schema's required ones)."""
    dropped: list[Dropped] = []
    for column in columns:
        if column not in frame.columns:
            continue
        missing = frame[column].isna()
        if bool(missing.any()):
            label = column.replace("_", " ")
            dropped.append(_dropped(missing, f"row without {label}", f"rows without {label}"))
            frame = frame.loc[~missing]
    return frame, dropped
