"""Numbers, money, percentages and dates in the report language, formatted with Babel."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from babel.dates import format_date as _format_date
from babel.numbers import format_currency, format_decimal, format_percent

__all__ = [
    "LOCALES",
    "Language",
    "fmt_date",
    "fmt_decimal",
    "fmt_hours",
    "fmt_money",
    "fmt_number",
    "fmt_percent",
]

Language = Literal["de", "en"]

#: Babel locale per report language: German as written in Germany, English with EU conventions.
LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_GB"}


def _locale(language: str) -> str:
    return LOCALES.get(language, LOCALES["de"])


def _half_up(value: float, digits: int) -> Decimal:
    """Round commercially (0.5 up), as a reader expects; Babel alone rounds half to even."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def fmt_number(value: float, language: str, *, digits: int = 0) -> str:
    """Format ``value`` with grouping and exactly ``digits`` decimals (``1.234,5`` / ``1,234.5``)."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return str(format_decimal(_half_up(value, digits), format=pattern, locale=_locale(language)))


def fmt_decimal(value: float, language: str, *, max_digits: int = 2) -> str:
    """Format ``value`` with grouping and at most ``max_digits`` decimals (``1,5`` / ``1.5``)."""
    pattern = "#,##0" + ("." + "#" * max_digits if max_digits > 0 else "")
    return str(format_decimal(_half_up(value, max_digits), format=pattern, locale=_locale(language)))


def fmt_money(value: float, language: str, *, cents: bool = True) -> str:
    """Format an amount in euro (``1.234,50 €`` in German, ``€1,234.50`` in English)."""
    if cents:
        return str(format_currency(_half_up(value, 2), "EUR", locale=_locale(language)))
    pattern = "#,##0\xa0¤" if language == "de" else "¤#,##0"
    return str(
        format_currency(
            _half_up(value, 0), "EUR", format=pattern, locale=_locale(language), currency_digits=False
        )
    )


def fmt_percent(share: float, language: str, *, digits: int = 0) -> str:
    """Format a share (0.25) as a percentage (``25 %`` / ``25%``)."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "\xa0%"
    if language != "de":
        pattern = pattern.replace("\xa0", "")
    return str(format_percent(_half_up(share, digits + 2), format=pattern, locale=_locale(language)))


def fmt_hours(value: float, language: str) -> str:
    """Format a number of hours with one decimal (``12,5 Std.`` / ``12.5 h``)."""
    unit = "Std." if language == "de" else "h"
    return f"{fmt_number(value, language, digits=1)}\xa0{unit}"


def fmt_date(value: date | datetime, language: str) -> str:
    """Format a date in the medium style of the language (``26.11.2026`` / ``26 Nov 2026``)."""
    return str(_format_date(value, format="medium", locale=_locale(language)))
