"""Vectorized parsing of dates and times as exports write them.

One format is chosen per column: the first candidate below that reads a sample of the
column's values, then the whole column is parsed with it (falling back to the other
candidates if some later value does not fit).  Candidates, in order:

* ISO 8601: ``2026-07-14``, ``2026-07-14T09:30:00``, ``2026-07-14 09:30:00.0``,
  ``2026-07-14T07:30:00Z``, ``2026-07-14 09:30 +0200``
* US: ``07/14/2026``, ``07/14/2026 09:30``, ``07/14/2026 9:30 AM`` (day-first
  ``14/07/2026`` is tried first when the format says so, or when a day is above 12)
* German: ``14.07.2026``, ``14.07.2026 09:30``, ``14.07.26``
* with month names: ``Tue, Jul 14, 2026`` (X), ``Jul 14, 2026`` (YouTube),
  ``14-Jul-2026 09:30AM`` (Meltwater), ``14 Jul 2026``

Time zones: a numeric offset or ``Z`` is honoured; the words ``UTC``/``GMT``,
``CET``/``MEZ`` and ``CEST``/``MESZ`` at the end are read as their offsets.  Times
without a zone are taken as local time in the import time zone (default Europe/Berlin;
in the autumn hour that occurs twice, standard time; a time skipped in spring moves
forward).  Spreadsheet date cells are used as they are.
"""

from __future__ import annotations

import datetime as _dt
import re

import numpy as np
import pandas as pd

from smtoolkit.importers.messages import Location, import_error, preview
from smtoolkit.importers.numbers import NA_TOKENS

__all__ = ["DATE_FORMATS", "parse_dates", "parse_datetimes"]

_US = [
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%m/%d/%y %H:%M",
    "%m/%d/%y",
]
_DMY = [f.replace("%m/%d", "%d/%m") for f in _US]
_GERMAN = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y, %H:%M",
    "%d.%m.%Y, %H:%M:%S",
    "%d.%m.%Y",
    "%d.%m.%y %H:%M",
    "%d.%m.%y",
]
_NAMED = [
    "%a, %b %d, %Y",
    "%a, %b %d, %Y %H:%M",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y, %I:%M %p",
    "%d-%b-%Y %I:%M%p",
    "%d-%b-%Y %I:%M %p",
    "%d-%b-%Y %H:%M",
    "%d-%b-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d %b %Y %H:%M",
]

DATE_FORMATS: tuple[str, ...] = ("ISO8601", *_US, *_DMY, *_GERMAN, *_NAMED)
"""Every format tried, in the default order (US before day-first)."""

_ZONE_WORDS = {
    "UTC": "+0000",
    "GMT": "+0000",
    "CET": "+0100",
    "MEZ": "+0100",
    "CEST": "+0200",
    "MESZ": "+0200",
}
_ZONE_WORD_RE = re.compile(r"\s*\b(UTC|GMT|CEST|CET|MESZ|MEZ)$")
_HAS_ZONE_WORD = re.compile(r"\b(?:UTC|GMT|CEST|CET|MESZ|MEZ)$")
_OFFSET_RE = re.compile(r"\d:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$")
_EXPECTED = (
    "a date such as 2026-07-14, 07/14/2026, 14.07.2026 or Jul 14, 2026, "
    "optionally with a time (09:30) and a time zone (+02:00, UTC)"
)
_SAMPLE = 200


def _candidates(dayfirst: bool | None, with_offset: bool) -> list[str]:
    order = ["ISO8601", *(_DMY + _US if dayfirst else _US + _DMY), *_GERMAN, *_NAMED]
    if with_offset:
        order = ["ISO8601"] + [f"{f} %z" for f in order[1:]] + order[1:]
    return order


def _order(fmt: str) -> str:
    if fmt == "ISO8601" or fmt.startswith("%Y"):
        return "iso"
    for prefix in ("%m/%d", "%d/%m", "%d.%m"):
        if fmt.startswith(prefix):
            return prefix
    return "named"


def _family(fmt: str, candidates: list[str]) -> list[str]:
    order = _order(fmt)
    return [f for f in candidates if f != fmt and _order(f) == order]


def _try(values: pd.Series, fmt: str, aware: bool) -> pd.Series:
    return pd.to_datetime(values, format=fmt, errors="coerce", utc=aware)


def _unread(text: pd.Series, result: pd.Series) -> pd.Series:
    """Return the mask of values that are present but were not read.

    Placeholders such as ``-`` are missing values, not failures.
    """
    failed = result.isna() & text.notna()
    if bool(failed.any()):
        placeholder = text[failed].astype(str).str.strip().isin(NA_TOKENS)
        failed[placeholder[placeholder].index] = False
    return failed


def _parse_with(
    text: pd.Series,
    fmt: str,
    candidates: list[str],
    with_offset: bool,
    tried: dict[str, pd.Series] | None = None,
) -> tuple[pd.Series, pd.Series]:
    """Parse ``text`` with ``fmt``, filling gaps with formats of the same date order.

    Values of one column may differ in precision (with and without a time of day), but
    never in the order of day and month.  Returns the result and the mask of values
    (present in ``text``) that could not be read.  ``tried`` keeps each format's reading
    of the whole of ``text``, for callers that try many formats on the same values
    (parsing is value by value, so a gap filled from it reads the same).
    """
    aware = with_offset or "%z" in fmt

    def read(form: str, values: pd.Series) -> pd.Series:
        if tried is None:
            return _try(values, form, aware)
        if form not in tried:
            tried[form] = _try(text, form, aware)
        return tried[form]

    result = read(fmt, text)
    failed = _unread(text, result)
    for other in _family(fmt, candidates):
        if not bool(failed.any()):
            break
        if (with_offset or "%z" in other) != aware:
            continue
        result = result.where(~failed, read(other, text.where(failed)))
        failed = _unread(text, result)
    return result, failed


def _sample(values: pd.Series) -> pd.Series:
    present = values.dropna()
    if len(present) <= _SAMPLE:
        return present
    return pd.Series(pd.concat([present.iloc[: _SAMPLE - 50], present.iloc[-50:]]))


def _normalize_zones(text: pd.Series) -> pd.Series:
    def repl(match: re.Match[str]) -> str:
        return " " + _ZONE_WORDS[match.group(1)]

    return text.str.replace(_ZONE_WORD_RE, repl, regex=True)


def _parse_text(text: pd.Series, where: Location, dayfirst: bool | None) -> pd.Series:
    """Parse strings into naive or UTC-aware datetimes; missing stays NaT."""
    sample = _sample(text)
    sample = sample[~sample.astype(str).str.strip().isin(NA_TOKENS)]
    if sample.empty:
        return pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    if bool((sample != sample.str.strip()).any()):
        text = text.str.strip()
        sample = sample.str.strip()
    if bool(sample.str.contains(_HAS_ZONE_WORD, regex=True).any()):
        text = _normalize_zones(text)
        sample = _normalize_zones(sample)
    with_offset = bool(sample.str.contains(_OFFSET_RE, regex=True).any())
    candidates = _candidates(dayfirst, with_offset)
    # Choose the format that reads most of a sample, then parse the whole column with it;
    # if some value does not fit, try the other formats before giving up (the error then
    # names the first value the chosen format cannot read).
    misses: list[int] = []
    tried: dict[str, pd.Series] = {}
    for fmt in candidates:
        misses.append(int(_parse_with(sample, fmt, candidates, with_offset, tried)[1].sum()))
        if misses[-1] == 0:
            break
    best = misses.index(min(misses))
    ranked = [candidates[best]] + [f for f in candidates if f != candidates[best]]
    result, failed = _parse_with(text, ranked[0], candidates, with_offset)
    if not bool(failed.any()):
        return result
    unread = text[failed].iloc[:_SAMPLE]
    for fmt in ranked[1:]:
        if bool(_parse_with(unread, fmt, candidates, with_offset)[1].any()):
            continue
        other, other_failed = _parse_with(text, fmt, candidates, with_offset)
        if not bool(other_failed.any()):
            return other
    row = failed[failed].index[0]
    raise import_error(
        where.at(row=int(row)),
        f"cannot read {preview(text.loc[row])} as a date",
        expected=_EXPECTED,
    )


def _to_datetime_any(values: pd.Series, where: Location, dayfirst: bool | None) -> pd.Series:
    """Return naive or aware datetimes for any column an export can give."""
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values.dtype):
        return values
    inferred = pd.api.types.infer_dtype(values, skipna=True)
    if inferred in ("string", "empty"):
        return _parse_text(values, where, dayfirst)
    if inferred in ("datetime", "datetime64", "date"):
        return pd.to_datetime(values)
    if inferred in ("integer", "floating", "mixed-integer-float"):
        # Spreadsheet serial day numbers (days since 1899-12-30).
        serial = pd.to_numeric(values, errors="coerce")
        plausible = serial.isna() | serial.between(1, 2_958_465)
        if bool(plausible.all()):
            return pd.to_datetime(serial, unit="D", origin="1899-12-30")

    def as_text(value: object) -> object:
        if isinstance(value, _dt.datetime | _dt.date):
            return value.isoformat()
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return np.nan
        return str(value)

    return _parse_text(values.map(as_text), where, dayfirst)


def _localize(result: pd.Series, tz: str) -> pd.Series:
    if isinstance(result.dtype, pd.DatetimeTZDtype):
        return pd.Series(result.dt.tz_convert(tz))
    ambiguous = np.zeros(len(result), dtype=bool)
    return pd.Series(result.dt.tz_localize(tz, ambiguous=ambiguous, nonexistent="shift_forward"))


def parse_datetimes(
    values: pd.Series, *, where: Location, tz: str, dayfirst: bool | None = None
) -> pd.Series:
    """Parse one column into time zone aware ``datetime64[ns, tz]`` values.

    Missing cells become ``NaT``.  ``dayfirst`` puts ``14/07/2026`` before
    ``07/14/2026`` when a column's values fit both.  Raises
    :class:`~smtoolkit.errors.DataImportError` naming the first value that cannot be
    read.
    """
    result = _localize(_to_datetime_any(values, where, dayfirst), tz)
    return pd.Series(result.astype(pd.DatetimeTZDtype("ns", tz)))


def parse_dates(values: pd.Series, *, where: Location, tz: str, dayfirst: bool | None = None) -> pd.Series:
    """Parse one column into calendar days (naive ``datetime64[ns]`` at midnight).

    Values with a time zone are first converted to ``tz``, so a day is always a local
    day.  Times of day are dropped.
    """
    result = _to_datetime_any(values, where, dayfirst)
    if isinstance(result.dtype, pd.DatetimeTZDtype):
        result = pd.Series(result.dt.tz_convert(tz).dt.tz_localize(None))
    return pd.Series(result.dt.normalize()).astype("datetime64[ns]")
