"""Dates as the form's language writes them: 31.03.2026 in German, 31 Mar 2026 in English."""

from __future__ import annotations

import datetime as dt
import re

from smtoolkit.formatting import fmt_date
from smtoolkit.i18n import translate

__all__ = ["format_date", "parse_date"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONATE = ("jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez")


def format_date(value: dt.date | None, language: str) -> str:
    """The date as the form shows it (Babel's medium style of the language); ``None`` is empty."""
    return "" if value is None else fmt_date(value, language)


def _month(name: str) -> int | None:
    key = name.lower().rstrip(".")[:3].replace("ae", "ä")
    for names in (_MONTHS, _MONATE):
        if key in names:
            return names.index(key) + 1
    return None


def parse_date(text: str, language: str) -> dt.date:
    """Read a date typed as ``31.03.2026``, ``31 Mar 2026``, ``31. März 2026`` or ``2026-03-31``.

    Raises :class:`ValueError` with the user-facing message in ``language``. Slashed dates
    (03/04/2026) are refused: they mean different days to German, British and US readers.
    """
    raw = " ".join(text.split())
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", raw):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{1,2})\.?\s([A-Za-zÄäÖöÜü]+\.?)\s(\d{4})", raw):
            month = _month(m[2])
            if month is not None:
                return dt.date(int(m[3]), month, int(m[1]))
    except ValueError:
        pass
    example = format_date(dt.date(2026, 3, 31), language)
    raise ValueError(translate("form.date.invalid", language, text=raw, example=example))
