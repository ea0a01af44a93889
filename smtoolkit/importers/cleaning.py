"""Dropping rows that are not data: blank rows, summary rows, duplicates, undated rows.

Every drop is recorded as a :class:`Dropped` so the consultant sees what was left out
and why.  Row numbers are the ones a spreadsheet program shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from smtoolkit.importers.registry import INVISIBLE

__all__ = [
    "SUMMARY_WORDS",
    "Dropped",
    "clear_negative",
    "drop_blank",
    "drop_description",
    "drop_duplicates",
    "drop_missing",
    "drop_rows",
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
    "totale",
    "totali",
    "totaal",
    "totales",
    "somme",
    "suma",
    "somma",
    "som",
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


def _visible(column: pd.Series) -> pd.Series:
    """Return the column with invisible characters removed from its first and last rows.

    Summary rows (YouTube's ``Ge\u00adsamt``) come first or last; looking only there keeps
    this fast on large files.
    """
    if not (pd.api.types.is_string_dtype(column.dtype) or column.dtype == object):
        return column
    ends = pd.concat([column.iloc[:3], column.iloc[-3:]]).dropna()
    text = ends[ends.map(lambda v: isinstance(v, str) and not v.isascii())]
    text = text[~text.index.duplicated()]
    if text.empty:
        return column
    return column.where(~column.index.isin(text.index), text.str.replace(INVISIBLE, "", regex=True))


def drop_summary(frame: pd.DataFrame, positions: Sequence[int]) -> tuple[pd.DataFrame, Dropped | None]:
    """Drop rows whose first cell or an id/date cell says ``Total``, ``Gesamt``, ...

    Soft hyphens and zero-width characters in the label are ignored (``Ge\u00adsamt``).
    """
    if frame.shape[1] == 0:
        return frame, None
    summary = pd.Series(False, index=frame.index)
    example: str | None = None
    for position in dict.fromkeys([frame.columns[0], *positions]):
        if position not in frame.columns:
            continue
        column = _visible(frame[position])
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


def drop_description(frame: pd.DataFrame, keys: Sequence[int]) -> tuple[pd.DataFrame, Dropped | None]:
    """Drop the row of metric descriptions under the header (legacy Facebook Insights).

    It is the first row, and its id and date cells are empty while other cells hold text.
    """
    if frame.empty or not keys:
        return frame, None
    first = frame.iloc[0]
    present = [k for k in keys if k in frame.columns]
    if not present or not all(pd.isna(first[k]) for k in present):
        return frame, None
    if not any(isinstance(v, str) and v.strip() for v in first.tolist()):
        return frame, None
    mask = pd.Series(False, index=frame.index)
    mask.iloc[0] = True
    return frame.iloc[1:], _dropped(mask, "description row", "description rows")


def drop_rows(
    frame: pd.DataFrame, rows: Sequence[int], reason: str, plural: str
) -> tuple[pd.DataFrame, Dropped | None]:
    """Drop the rows numbered ``rows`` (spreadsheet row numbers) for ``reason``."""
    if not rows:
        return frame, None
    mask = pd.Series(frame.index.isin(list(rows)), index=frame.index)
    if not bool(mask.any()):
        return frame, None
    return frame.loc[~mask], _dropped(mask, reason, plural)


NON_NEGATIVE: tuple[str, ...] = (
    "impressions",
    "reach",
    "unique_impressions",
    "followers",
    "video_views",
)
"""Counts that cannot be below zero.  Net changes can: ``new_followers``, and the daily
likes or comments of an account (TikTok reports ``-1`` comments on a day one was deleted)."""


def clear_negative(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Dropped]]:
    """Clear negative counts (reach, impressions, followers, ...) and report each row.

    The row is kept with the value missing: the rest of it is still good.
    """
    cleared: list[Dropped] = []
    for column in NON_NEGATIVE:
        if column not in frame.columns or not pd.api.types.is_numeric_dtype(frame[column].dtype):
            continue
        negative = (frame[column] < 0).fillna(False).astype(bool)
        if bool(negative.any()):
            label = column.replace("_", " ")
            example = repr(str(frame.loc[negative, column].iloc[0]))
            cleared.append(
                _dropped(
                    negative,
                    f"negative {label} value cleared",
                    f"negative {label} values cleared",
                    example,
                )
            )
            frame = frame.copy()
            frame.loc[negative, column] = pd.NA
    return frame, cleared
