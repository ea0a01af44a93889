"""Date parsing: ISO, US, German, month names, time zones, precision, spreadsheet cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from smtoolkit.errors import DataImportError
from smtoolkit.importers.dates import parse_dates, parse_datetimes
from smtoolkit.importers.messages import Location

WHERE = Location(Path("export.csv"), column="Date")
TZ = "Europe/Berlin"


def _times(*values: object, dayfirst: bool | None = None, tz: str = TZ) -> list[str | None]:
    series = pd.Series(list(values), index=range(2, 2 + len(values)), dtype=object)
    result = parse_datetimes(series, where=WHERE, tz=tz, dayfirst=dayfirst)
    assert str(result.dtype) == f"datetime64[ns, {tz}]"
    return [None if pd.isna(v) else v.isoformat() for v in result]


def _days(*values: object, dayfirst: bool | None = None) -> list[str | None]:
    series = pd.Series(list(values), index=range(2, 2 + len(values)), dtype=object)
    result = parse_dates(series, where=WHERE, tz=TZ, dayfirst=dayfirst)
    assert str(result.dtype) == "datetime64[ns]"
    return [None if pd.isna(v) else v.date().isoformat() for v in result]


def test_iso_dates_and_times_are_local_time() -> None:
    """ISO values without a zone are Berlin local time, in summer and in winter."""
    assert _times("2026-07-14", "2026-07-14T09:30:00", "2026-01-15 16:05:00.0") == [
        "2026-07-14T00:00:00+02:00",
        "2026-07-14T09:30:00+02:00",
        "2026-01-15T16:05:00+01:00",
    ]


def test_offsets_and_utc_are_converted() -> None:
    """``Z``, ``+0000`` and ``+02:00`` offsets are honoured and converted to Berlin time."""
    assert (
        _times("2026-07-14T07:30:00Z", "2026-07-14 07:30 +0000", "2026-07-14T09:30:00+02:00")
        == ["2026-07-14T09:30:00+02:00"] * 3
    )


def test_zone_words_are_read_as_offsets() -> None:
    """Trailing ``UTC``, ``MEZ`` and ``MESZ`` are read as +00:00, +01:00 and +02:00."""
    assert _times("2026-07-14 07:30 UTC", "2026-07-14 09:30 MESZ") == [
        "2026-07-14T09:30:00+02:00",
        "2026-07-14T09:30:00+02:00",
    ]
    assert _times("2026-01-15 16:05 MEZ") == ["2026-01-15T16:05:00+01:00"]


def test_us_dates_with_and_without_time() -> None:
    """US dates read month first, with 24-hour or AM/PM times or none."""
    assert _times("07/14/2026 09:30", "07/01/2026 9:15 PM", "07/02/2026") == [
        "2026-07-14T09:30:00+02:00",
        "2026-07-01T21:15:00+02:00",
        "2026-07-02T00:00:00+02:00",
    ]


def test_day_first_when_a_day_exceeds_twelve() -> None:
    """Slash dates with a first part above 12 are read day first for the whole column."""
    assert _days("14/07/2026", "03/07/2026") == ["2026-07-14", "2026-07-03"]


def test_day_first_hint_decides_ambiguous_slash_dates() -> None:
    """Slash dates that fit both orders follow the format's day-first hint."""
    assert _days("03/07/2026") == ["2026-03-07"]
    assert _days("03/07/2026", dayfirst=True) == ["2026-07-03"]


def test_german_dates() -> None:
    """German dates ``14.07.2026``, with time and with a two-digit year, are read."""
    assert _times("14.07.2026 09:30", "01.12.2025", "02.01.26") == [
        "2026-07-14T09:30:00+02:00",
        "2025-12-01T00:00:00+01:00",
        "2026-01-02T00:00:00+01:00",
    ]


def test_month_name_formats() -> None:
    """X (``Tue, Jul 14, 2026``), YouTube (``Jul 14, 2026``) and Meltwater dates are read."""
    assert _days("Tue, Jul 14, 2026", "Wed, Jul 1, 2026") == ["2026-07-14", "2026-07-01"]
    assert _days("Jul 14, 2026") == ["2026-07-14"]
    assert _times("14-Jul-2026 09:30AM", "10-Mar-2026 09:40PM") == [
        "2026-07-14T09:30:00+02:00",
        "2026-03-10T21:40:00+01:00",
    ]


def test_values_with_and_without_time_in_one_column() -> None:
    """A column mixing ``03/10/2026 8:15 PM`` and ``03/11/2026`` keeps one date order."""
    assert _times("03/10/2026 8:15 PM", "03/11/2026") == [
        "2026-03-10T20:15:00+01:00",
        "2026-03-11T00:00:00+01:00",
    ]


def test_daylight_saving_edges() -> None:
    """A time skipped in spring moves forward; the repeated autumn hour is standard time."""
    assert _times("2026-03-29 02:30", "2026-10-25 02:30") == [
        "2026-03-29T03:00:00+02:00",
        "2026-10-25T02:30:00+01:00",
    ]


def test_missing_values_stay_missing() -> None:
    """Empty cells and placeholders in a date column become NaT."""
    assert _times("2026-07-14", None, "-") == ["2026-07-14T00:00:00+02:00", None, None]


def test_other_time_zone() -> None:
    """The import time zone can be changed; offsets are converted to it."""
    assert _times("2026-07-14T07:30:00Z", tz="UTC") == ["2026-07-14T07:30:00+00:00"]


def test_spreadsheet_date_cells() -> None:
    """Workbook date cells and serial day numbers are used as they are."""
    assert _days(dt.datetime(2026, 7, 14, 9, 30), dt.datetime(2026, 7, 1)) == [
        "2026-07-14",
        "2026-07-01",
    ]
    assert _days(46217.0) == ["2026-07-14"]


def test_dates_with_offsets_become_local_days() -> None:
    """A day given with a UTC time late in the evening belongs to the next local day."""
    assert _days("2026-07-14T23:30:00Z") == ["2026-07-15"]


def test_unreadable_date_names_row_and_value() -> None:
    """An impossible date raises an error naming file, row, column, value and examples."""
    with pytest.raises(DataImportError) as error:
        _times("14.07.2026", "31.02.2026", "15.07.2026")
    message = str(error.value)
    assert "export.csv, row 3, column 'Date': cannot read '31.02.2026' as a date" in message
    assert "expected: a date such as 2026-07-14, 07/14/2026, 14.07.2026" in message


def test_text_that_is_no_date_is_an_error() -> None:
    """A column of text that is not a date is rejected at its first row."""
    with pytest.raises(DataImportError, match="row 2, column 'Date': cannot read 'Lifetime'"):
        _times("Lifetime", "Lifetime")
