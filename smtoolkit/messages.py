"""Language-neutral messages: a catalog key plus typed parameters, rendered per language.

Calculations return :class:`Message` objects instead of finished sentences, so the same
result can be shown in German and English and tests can pin keys and figures exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from smtoolkit.formatting import fmt_date, fmt_hours, fmt_money, fmt_number, fmt_percent

__all__ = ["Date", "Hours", "Message", "Money", "Number", "Percent", "Term", "format_param"]


@dataclass(frozen=True)
class Money:
    """An amount in euro."""

    value: float
    cents: bool = False


@dataclass(frozen=True)
class Number:
    """A plain number with a fixed count of decimals."""

    value: float
    digits: int = 0


@dataclass(frozen=True)
class Percent:
    """A share between 0 and 1 shown as a percentage."""

    value: float
    digits: int = 0


@dataclass(frozen=True)
class Hours:
    """A number of hours."""

    value: float


@dataclass(frozen=True)
class Date:
    """A calendar date."""

    value: date


@dataclass(frozen=True)
class Term:
    """Another catalog entry (for example a platform or role name) inserted as a parameter."""

    key: str


@dataclass(frozen=True)
class Message:
    """A catalog key and the parameters its text needs."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


def format_param(value: Any, language: str) -> str:
    """Render one message parameter in ``language``; plain strings pass through unchanged."""
    from smtoolkit.i18n import translate

    match value:
        case Money():
            return fmt_money(value.value, language, cents=value.cents)
        case Number():
            return fmt_number(value.value, language, digits=value.digits)
        case Percent():
            return fmt_percent(value.value, language, digits=value.digits)
        case Hours():
            return fmt_hours(value.value, language)
        case Date():
            return fmt_date(value.value, language)
        case Term():
            return translate(value.key, language)
        case Message():
            return translate(value.key, language, **value.params)
        case bool():
            return translate("common.yes" if value else "common.no", language)
        case int() | float():
            return fmt_number(value, language, digits=0 if float(value).is_integer() else 1)
        case _:
            return str(value)
