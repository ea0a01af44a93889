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
  ``14-Jul-2026 09:30AM`` (Meltwater), ``14 Jul 2026``, ``27-Apr-23`` (Excel re-saves);
  month names in German, French, Spanish, Italian and Dutch are read too
  (``14. Juli 2026``, ``14 juil. 2026``, ``14 de julio de 2026``), from the table in
  :data:`MONTH_NAMES`
* without a year: ``July 16`` (TikTok), ``16 Jul``.  The year comes from the file's
  context (:class:`DateContext`: a date range or export date in the file name or a title
  line); without context the error says so.  The latest date in the context is taken as
  the export date: a year-less date falls on or before it, within a year.

Dates pandas cannot hold (before 1677 or after 2262) are not an error for the whole
file: their rows are listed in ``rejected`` and left out, and the rest is read.

Time zones: a numeric offset or ``Z`` is honoured; the words ``UTC``/``GMT``,
``CET``/``MEZ`` and ``CEST``/``MESZ`` at the end are read as their offsets.  Times
without a zone are taken as local time in the import time zone (default Europe/Berlin;
in the autumn hour that occurs twice, standard time; a time skipped in spring moves
forward).  Spreadsheet date cells are used as they are.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from smtoolkit.importers.messages import Location, import_error, preview
from smtoolkit.importers.numbers import NA_TOKENS

__all__ = [
    "DATE_FORMATS",
    "MONTH_NAMES",
    "OUT_OF_RANGE",
    "DateContext",
    "date_context",
    "parse_dates",
    "parse_datetimes",
]

OUT_OF_RANGE = "row with a date before 1677 or after 2262"
"""The reason given for rows whose date pandas cannot represent."""

MONTH_NAMES: dict[str, dict[str, str]] = {
    "de": {
        "januar": "Jan",
        "jän": "Jan",
        "jänner": "Jan",
        "februar": "Feb",
        "märz": "Mar",
        "mär": "Mar",
        "mrz": "Mar",
        "april": "Apr",
        "mai": "May",
        "juni": "Jun",
        "juli": "Jul",
        "august": "Aug",
        "september": "Sep",
        "oktober": "Oct",
        "okt": "Oct",
        "november": "Nov",
        "dezember": "Dec",
        "dez": "Dec",
    },
    "fr": {
        "janvier": "Jan",
        "janv": "Jan",
        "février": "Feb",
        "févr": "Feb",
        "fevrier": "Feb",
        "mars": "Mar",
        "avril": "Apr",
        "avr": "Apr",
        "juin": "Jun",
        "juillet": "Jul",
        "juil": "Jul",
        "août": "Aug",
        "aout": "Aug",
        "septembre": "Sep",
        "sept": "Sep",
        "octobre": "Oct",
        "novembre": "Nov",
        "décembre": "Dec",
        "déc": "Dec",
    },
    "es": {
        "enero": "Jan",
        "ene": "Jan",
        "febrero": "Feb",
        "marzo": "Mar",
        "abril": "Apr",
        "abr": "Apr",
        "mayo": "May",
        "junio": "Jun",
        "julio": "Jul",
        "agosto": "Aug",
        "ago": "Aug",
        "septiembre": "Sep",
        "setiembre": "Sep",
        "octubre": "Oct",
        "noviembre": "Nov",
        "diciembre": "Dec",
        "dic": "Dec",
    },
    "it": {
        "gennaio": "Jan",
        "gen": "Jan",
        "febbraio": "Feb",
        "marzo": "Mar",
        "aprile": "Apr",
        "maggio": "May",
        "mag": "May",
        "giugno": "Jun",
        "giu": "Jun",
        "luglio": "Jul",
        "lug": "Jul",
        "agosto": "Aug",
        "settembre": "Sep",
        "set": "Sep",
        "ottobre": "Oct",
        "ott": "Oct",
        "novembre": "Nov",
        "dicembre": "Dec",
    },
    "nl": {
        "januari": "Jan",
        "februari": "Feb",
        "maart": "Mar",
        "mrt": "Mar",
        "april": "Apr",
        "mei": "May",
        "juni": "Jun",
        "juli": "Jul",
        "augustus": "Aug",
        "september": "Sep",
        "oktober": "Oct",
        "november": "Nov",
        "december": "Dec",
    },
}
"""Month names and abbreviations per UI language, mapped to the English abbreviation."""

_FOREIGN_MONTHS = {name: short for table in MONTH_NAMES.values() for name, short in table.items()}
_MONTH_WORDS = "|".join(sorted((re.escape(n) for n in _FOREIGN_MONTHS), key=len, reverse=True))
_FOREIGN_MONTH_RE = re.compile(rf"(?<![^\W\d_])({_MONTH_WORDS})\.?(?![^\W\d_])", re.IGNORECASE)
_HAS_FOREIGN_MONTH = re.compile(rf"(?<![^\W\d_])(?:{_MONTH_WORDS})\.?(?![^\W\d_])", re.IGNORECASE)
_SPANISH_DE = re.compile(r"(?<=\d) de (?=[^\W\d_])|(?<=[^\W\d_]) de (?=\d)", re.IGNORECASE)
_YEAR_SENTINEL = 1904  # a leap year no export dates its rows in, so "February 29" reads


@dataclass(frozen=True)
class DateContext:
    """What a file says about its dates besides the dates themselves: the export's end.

    ``end`` is the latest date the file's name or title line names (its export date or
    the end of its date range); ``source`` says where it was found, for messages.
    """

    end: _dt.date | None = None
    source: str = ""


_CONTEXT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "%Y-%m-%d"),
    (re.compile(r"(?<!\d)(\d{4})_(\d{2})_(\d{2})(?!\d)"), "%Y_%m_%d"),
    (re.compile(r"(?<!\d)(\d{8})(?!\d)"), "%Y%m%d"),
    (re.compile(r"(?<![A-Za-z])([A-Z][a-z]{2}-\d{2}-\d{4})(?!\d)"), "%b-%d-%Y"),
    (re.compile(r"(?<!\d)(\d{1,2}\.\d{1,2}\.\d{4})(?!\d)"), "%d.%m.%Y"),
)


def _dates_in(text: str) -> list[_dt.date]:
    found: list[_dt.date] = []
    for pattern, fmt in _CONTEXT_PATTERNS:
        for match in pattern.finditer(text):
            try:
                day = _dt.datetime.strptime(
                    "".join(match.groups()) if fmt == "%Y%m%d" else match.group(0), fmt
                ).date()
            except ValueError:
                continue
            if 1990 <= day.year <= 2100:
                found.append(day)
    return found


def date_context(path: Path, titles: tuple[tuple[str, ...], ...] = ()) -> DateContext:
    """Return the :class:`DateContext` of a file: dates in its name, folder or title lines."""
    candidates: list[tuple[str, str]] = [(path.name, f"the file name {path.name!r}")]
    for row in titles:
        for cell in row:
            if cell.strip():
                candidates.append((cell, f"the title line {cell.strip()!r}"))
    candidates.append((path.parent.name, f"the folder name {path.parent.name!r}"))
    for text, source in candidates:
        found = _dates_in(text)
        if found:
            return DateContext(max(found), source)
    return DateContext()


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
    "%d %B %Y %H:%M",
    "%d-%b-%y",
    "%d-%b-%y %H:%M",
    "%d-%b-%y %I:%M %p",
    "%d. %b %Y",
    "%d. %B %Y",
    "%d. %b %Y %H:%M",
    "%d. %B %Y %H:%M",
    "%d %b. %Y",
]
# Dates without a year: read into the sentinel year, then dated from the file's context.
_YEARLESS = ["%Y~%B %d", "%Y~%b %d", "%Y~%d %B", "%Y~%d %b", "%Y~%d. %B", "%Y~%d. %b", "%Y~%d %b."]

DATE_FORMATS: tuple[str, ...] = ("ISO8601", *_US, *_DMY, *_GERMAN, *_NAMED, *_YEARLESS)
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
    order = ["ISO8601", *(_DMY + _US if dayfirst else _US + _DMY), *_GERMAN, *_NAMED, *_YEARLESS]
    if with_offset:
        order = ["ISO8601"] + [f"{f} %z" for f in order[1:]] + order[1:]
    return order


def _order(fmt: str) -> str:
    if fmt.startswith("%Y~"):
        return "yearless"
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
    if fmt.startswith("%Y~"):
        if "%z" in fmt:
            return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
        values = f"{_YEAR_SENTINEL}~" + values.astype("string")
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


def _translate_months(text: pd.Series) -> pd.Series:
    """Replace German, French, Spanish, Italian and Dutch month names by English ones."""

    def repl(match: re.Match[str]) -> str:
        return _FOREIGN_MONTHS[match.group(1).casefold()]

    translated = text.str.replace(_FOREIGN_MONTH_RE, repl, regex=True)
    return translated.str.replace(_SPANISH_DE, " ", regex=True)


_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _out_of_range(values: pd.Series) -> pd.Series:
    """Return the mask of values that name a year pandas cannot hold (before 1678 or after 2261)."""
    years = pd.to_numeric(values.astype(str).str.extract(_YEAR, expand=False), errors="coerce")
    return (years < 1678) | (years > 2261)


_LOWEST = pd.Timestamp("1678-01-01")
_HIGHEST = pd.Timestamp("2261-12-31")


def _within_range(result: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Return ``result`` in nanoseconds, with dates pandas cannot hold as ``NaT``, and their mask."""
    naive = result.dt.tz_localize(None) if isinstance(result.dtype, pd.DatetimeTZDtype) else result
    beyond = (naive < _LOWEST) | (naive > _HIGHEST)
    if bool(beyond.any()):
        result = result.where(~beyond)
    if isinstance(result.dtype, pd.DatetimeTZDtype):
        return result.astype(pd.DatetimeTZDtype("ns", tz=result.dtype.tz)), beyond
    return result.astype("datetime64[ns]"), beyond


def _bounded(result: pd.Series, shown: pd.Series, where: Location, rejected: list[int] | None) -> pd.Series:
    """Reject (or, without ``rejected``, refuse) dates pandas cannot hold in nanoseconds."""
    result, beyond = _within_range(result)
    _reject_beyond(beyond, shown, where, rejected)
    return result


def _reject_beyond(beyond: pd.Series, shown: pd.Series, where: Location, rejected: list[int] | None) -> None:
    """Add the rows flagged in ``beyond`` to ``rejected``; without ``rejected``, refuse the first."""
    if not bool(beyond.any()):
        return
    if rejected is None:
        row = beyond[beyond].index[0]
        raise import_error(
            where.at(row=int(row)),
            f"the date {preview(shown.loc[row])} is outside the range smtoolkit can hold",
            expected="a date between 1678 and 2261",
        )
    rejected.extend(int(r) for r in beyond[beyond].index)


def _date_years(result: pd.Series, where: Location, context: DateContext | None, example: str) -> pd.Series:
    """Give year-less dates (read into the sentinel year) the year from ``context``."""
    if context is None or context.end is None:
        raise import_error(
            where,
            f"the dates have no year ({preview(example)}) and nothing in the file says which year",
            expected="a date range or the export date in the file name or title line, "
            "e.g. 'Content 2026-02-28.csv' or 'Overview_2025-03-01_2026-02-28.csv'",
            hint="Rename the file so that its name ends with the day you exported it "
            "(YYYY-MM-DD) and import it again.",
        )
    end = context.end
    present = result.notna()
    month = result.dt.month
    day = result.dt.day
    later = (month > end.month) | ((month == end.month) & (day > end.day))
    years = pd.Series(end.year, index=result.index) - later.astype("int64")
    ordinal = (month * 100 + day)[present]
    falls = int((ordinal.diff() < 0).sum())
    in_order = falls == 0 or (falls == 1 and ordinal.iloc[0] > ordinal.iloc[-1])
    if len(ordinal) > 2 and in_order and ordinal.iloc[-1] <= end.month * 100 + end.day:
        # A daily series in file order (TikTok's Overview): counted back from its last day,
        # the year changes where the calendar falls back (December to January).
        wraps = (ordinal > ordinal.shift(-1)).astype("int64")
        years = pd.Series(end.year, index=result.index)
        years[ordinal.index] = end.year - wraps[::-1].cumsum()[::-1]
    parts = pd.DataFrame(
        {
            "year": years.where(present, 2000),
            "month": month.fillna(1).astype("int64"),
            "day": day.fillna(1).astype("int64"),
            "hour": result.dt.hour.fillna(0).astype("int64"),
            "minute": result.dt.minute.fillna(0).astype("int64"),
            "second": result.dt.second.fillna(0).astype("int64"),
        }
    )
    dated = pd.to_datetime(parts, errors="coerce")
    if isinstance(result.dtype, pd.DatetimeTZDtype):
        dated = dated.dt.tz_localize("UTC")
    return dated.where(present)


def _parse_text(
    text: pd.Series,
    where: Location,
    dayfirst: bool | None,
    context: DateContext | None = None,
    rejected: list[int] | None = None,
) -> pd.Series:
    """Parse strings into naive or UTC-aware datetimes; missing stays NaT."""
    sample = _sample(text)
    sample = sample[~sample.astype(str).str.strip().isin(NA_TOKENS)]
    if sample.empty:
        return pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    if bool((sample != sample.str.strip()).any()):
        text = text.str.strip()
        sample = sample.str.strip()
    if bool(sample.str.contains(_HAS_FOREIGN_MONTH, regex=True).any()):
        text = _translate_months(text)
        sample = _translate_months(sample)
    if bool(sample.str.contains(_HAS_ZONE_WORD, regex=True).any()):
        text = _normalize_zones(text)
        sample = _normalize_zones(sample)
    with_offset = bool(sample.str.contains(_OFFSET_RE, regex=True).any())
    candidates = _candidates(dayfirst, with_offset)
    if bool((sample.str.count(r"\d+") <= 1).all()):
        candidates = list(_YEARLESS)  # one number per value: a day without year ("July 16")
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
    if bool(failed.any()):
        unread = text[failed].iloc[:_SAMPLE]
        for fmt in ranked[1:]:
            if bool(_parse_with(unread, fmt, candidates, with_offset)[1].any()):
                continue
            other, other_failed = _parse_with(text, fmt, candidates, with_offset)
            if not bool(other_failed.any()):
                result, failed, ranked = other, other_failed, [fmt]
                break
    result = _bounded(result, text, where, rejected)
    if bool(failed.any()) and rejected is not None:
        beyond = failed & _out_of_range(text.where(failed, ""))
        if bool(beyond.any()):
            rejected.extend(int(r) for r in beyond[beyond].index)
            failed = failed & ~beyond
    if bool(failed.any()):
        row = failed[failed].index[0]
        raise import_error(
            where.at(row=int(row)),
            f"cannot read {preview(text.loc[row])} as a date",
            expected=_EXPECTED,
        )
    if _order(ranked[0]) == "yearless":
        first = result.first_valid_index()
        example = str(text.loc[first]) if first is not None else ""
        return _date_years(result, where, context, example)
    return result


def _cell_datetimes(values: pd.Series, rejected: list[int] | None, where: Location) -> pd.Series:
    """Spreadsheet date cells as datetimes; cells pandas cannot hold are rejected rows."""

    def year(value: object) -> int:
        return value.year if isinstance(value, _dt.date) else 2000

    beyond = values.map(lambda v: not 1678 <= year(v) <= 2261).astype(bool)
    _reject_beyond(beyond, values, where, rejected)
    values = values.where(~beyond)
    return _within_range(pd.to_datetime(values))[0]


def _to_datetime_any(
    values: pd.Series,
    where: Location,
    dayfirst: bool | None,
    context: DateContext | None = None,
    rejected: list[int] | None = None,
) -> pd.Series:
    """Return naive or aware datetimes for any column an export can give."""
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values.dtype):
        return _bounded(values, values, where, rejected)
    inferred = pd.api.types.infer_dtype(values, skipna=True)
    if inferred in ("string", "empty"):
        return _parse_text(values, where, dayfirst, context, rejected)
    if inferred in ("datetime", "datetime64", "date"):
        return _cell_datetimes(values, rejected, where)
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

    return _parse_text(values.map(as_text), where, dayfirst, context, rejected)


def _localize(result: pd.Series, tz: str) -> pd.Series:
    if isinstance(result.dtype, pd.DatetimeTZDtype):
        return pd.Series(result.dt.tz_convert(tz))
    ambiguous = np.zeros(len(result), dtype=bool)
    return pd.Series(result.dt.tz_localize(tz, ambiguous=ambiguous, nonexistent="shift_forward"))


def parse_datetimes(
    values: pd.Series,
    *,
    where: Location,
    tz: str,
    dayfirst: bool | None = None,
    context: DateContext | None = None,
    rejected: list[int] | None = None,
) -> pd.Series:
    """Parse one column into time zone aware ``datetime64[ns, tz]`` values.

    Missing cells become ``NaT``.  ``dayfirst`` puts ``14/07/2026`` before
    ``07/14/2026`` when a column's values fit both.  ``context`` dates year-less
    values.  With ``rejected``, rows whose date pandas cannot hold are appended to it
    (and left ``NaT``) instead of failing the column.  Raises
    :class:`~smtoolkit.errors.DataImportError` naming the first value that cannot be
    read.
    """
    result = _localize(_to_datetime_any(values, where, dayfirst, context, rejected), tz)
    return pd.Series(result.astype(pd.DatetimeTZDtype("ns", tz)))


def parse_dates(
    values: pd.Series,
    *,
    where: Location,
    tz: str,
    dayfirst: bool | None = None,
    context: DateContext | None = None,
    rejected: list[int] | None = None,
) -> pd.Series:
    """Parse one column into calendar days (naive ``datetime64[ns]`` at midnight).

    Values with a time zone are first converted to ``tz``, so a day is always a local
    day.  Times of day are dropped.  ``context`` and ``rejected`` as for
    :func:`parse_datetimes`.
    """
    result = _to_datetime_any(values, where, dayfirst, context, rejected)
    if isinstance(result.dtype, pd.DatetimeTZDtype):
        result = pd.Series(result.dt.tz_convert(tz).dt.tz_localize(None))
    return pd.Series(result.dt.normalize()).astype("datetime64[ns]")
