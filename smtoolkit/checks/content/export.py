"""The files check 07 adds to the report folder: the editorial calendar as CSV."""

from __future__ import annotations

from smtoolkit.checks.base import Result
from smtoolkit.checks.content.analysis import ContentDetails
from smtoolkit.checks.content.calendar import CALENDAR_FILE, to_csv
from smtoolkit.i18n import translate

__all__ = ["attachments", "calendar_csv"]


def calendar_csv(result: Result, language: str = "de") -> str:
    """The proposed editorial calendar of a check 07 result as CSV text (see ``calendar.to_csv``)."""
    details: ContentDetails = result.details
    return to_csv(details.calendar, language, translate)


def attachments(result: Result, language: str) -> dict[str, str]:
    """The files to write beside the check's page: ``07-editorial-calendar.csv``."""
    return {CALENDAR_FILE: calendar_csv(result, language)}
