"""Numbers as people type them: read with the engagement language's locale, never guessed.

A German reader takes "42.000 €" for forty-two thousand euro and "42,5" for forty-two and a
half; an English reader writes "42,000.50". :func:`parse_number` reads what the reader of
the language means, using Babel's decimal and group symbols for that locale. It accepts
spaces, no-break spaces and narrow no-break spaces as thousands separators, a currency sign
or code, a percent sign, and a leading ``+``, ``-`` or ``−`` (U+2212).

Input that a reader of the language could take two ways is refused rather than guessed:
"42,000" in German is 42 to a German reader but 42000 to someone used to English
notation, so the message spells out both readings ("meinten Sie 42.000 oder 42?"). Input
written in the other language's notation ("1.5" in German, "42.000,50" in English) is
refused with the reading in this language's notation. A number is never silently rescaled.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from smtoolkit.i18n import LANGUAGES, translate

__all__ = ["format_number", "parse_number", "parse_whole_number"]

#: Longest text read as a number; anything longer is not a number someone typed.
MAX_LENGTH = 64
SIGNS = {"+": 1, "-": -1, "\u2212": -1, "\u2013": -1, "\ufe63": -1}
#: Currency codes and words accepted around a number, lower case.
CURRENCY_WORDS = ("euro", "eur", "usd", "chf", "gbp", "dollar")
PERCENT = ("%", "\u2030")
_DIGITS = re.compile(r"[0-9]+")


def _language(language: str) -> str:
    """``de``, ``en``, also from ``de_DE``, ``en-GB`` or ``DE``; anything else is an error."""
    short = str(language).replace("-", "_").split("_")[0].lower()
    if short not in LANGUAGES:
        raise ValueError(f"language {language!r} is not available; expected one of: {', '.join(LANGUAGES)}")
    return short


def _symbols(language: str) -> tuple[str, str]:
    """The decimal and group symbols of the language's locale (Babel/CLDR)."""
    decimal, group = get_decimal_symbol(language), get_group_symbol(language)
    group = " " if unicodedata.category(group) == "Zs" else group
    return decimal, group


def format_number(value: Decimal | float | int, language: str, *, grouping: bool = True) -> str:
    """``value`` in the notation of ``language`` with all its digits ("1.600", "3,5", "42.000,5")."""
    lang = _language(language)
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return str(format_decimal(number, format=pattern, locale=lang, group_separator=grouping))


def _strip_affixes(text: str) -> tuple[str, int]:
    """Remove surrounding blanks, one sign, currency signs or codes and percent signs."""
    sign = 1
    signed = False
    while True:
        before = text
        text = text.strip()
        if text and text[0] in SIGNS and not signed:
            sign, signed, text = SIGNS[text[0]], True, text[1:]
            continue
        if text and (unicodedata.category(text[0]) == "Sc" or text[0] in PERCENT):
            text = text[1:]
        if text and (unicodedata.category(text[-1]) == "Sc" or text[-1] in PERCENT):
            text = text[:-1]
        lowered = text.lower()
        for word in CURRENCY_WORDS:
            if lowered.endswith(word) and not lowered[: -len(word)].rstrip()[-1:].isalpha():
                text = text[: -len(word)]
                break
            if lowered.startswith(word) and not lowered[len(word) :].lstrip()[:1].isalpha():
                text = text[len(word) :]
                break
        if text == before:
            return text, sign


def _grouped(part: str, separator: str) -> bool:
    """True when ``part`` is digits grouped by ``separator`` in threes, e.g. 1.234.567."""
    groups = part.split(separator)
    if len(groups) < 2:
        return False
    first, rest = groups[0], groups[1:]
    return (
        _DIGITS.fullmatch(first) is not None
        and 1 <= len(first) <= 3
        and first != "0"
        and not (len(first) > 1 and first.startswith("0"))
        and all(len(g) == 3 and _DIGITS.fullmatch(g) for g in rest)
    )


def _decimal(whole: str, fraction: str, sign: int) -> Decimal:
    digits = (whole or "0") + ("." + fraction if fraction else "")
    value = Decimal(digits)
    return -value if sign < 0 else value


def parse_number(text: str | int | float | Decimal, language: str) -> Decimal:
    """Read ``text`` as a reader of ``language`` ("de" or "en") means it.

    Returns a :class:`decimal.Decimal`; raises :class:`ValueError` whose message is the
    user-facing explanation in ``language`` (empty input, not a number, ambiguous input
    with both readings, the other language's notation with the reading in this one).
    """
    lang = _language(language)
    if isinstance(text, bool):
        raise ValueError(translate("form.number.empty", lang))
    if isinstance(text, Decimal | int | float):
        try:
            value = Decimal(str(text))
        except InvalidOperation:
            raise ValueError(translate("form.number.invalid", lang, text=str(text))) from None
        if not value.is_finite():
            raise ValueError(translate("form.number.invalid", lang, text=str(text)))
        return value
    shown = " ".join(str(text).split())
    if not shown:
        raise ValueError(translate("form.number.empty", lang))
    if len(shown) > MAX_LENGTH:
        raise ValueError(translate("form.number.invalid", lang, text=shown[:MAX_LENGTH] + "…"))
    normalized = "".join(
        " " if unicodedata.category(c) in {"Zs", "Cc"} else c
        for c in unicodedata.normalize("NFKC", str(text))
    )
    body, sign = _strip_affixes(normalized)
    decimal, group = _symbols(lang)
    # "1.600,-" and "1.600,--": a price with no cents
    if re.fullmatch(rf".*[0-9]{re.escape(decimal)}[-–]{{1,2}}", body):
        body = body.rstrip("-–")[:-1]
    other = {"de": "en", "en": "de"}[lang]
    invalid = ValueError(translate("form.number.invalid", lang, text=shown))
    if not body or not re.fullmatch(r"[0-9., ]+", body) or not re.search(r"[0-9]", body):
        raise invalid
    # blanks group thousands in either language: "42 000", "42 000,50"
    spaced = " " in body
    if spaced:
        head, point, tail = body.partition(decimal)
        if not _grouped(head, " ") or " " in tail or group in head:
            raise ValueError(translate("form.number.grouping", lang, text=shown))
        body = head.replace(" ", "") + point + tail
    n_decimal, n_group = body.count(decimal), body.count(group)
    if n_decimal == 0 and n_group == 0:
        return _decimal(body, "", sign)
    if n_decimal == 0:
        if _grouped(body, group):
            return _decimal(body.replace(group, ""), "", sign)
        if n_group == 1:
            whole, fraction = body.split(group)
            if _DIGITS.fullmatch(whole or "0") and _DIGITS.fullmatch(fraction or "0"):
                meant = _decimal(whole, fraction, sign)
                raise ValueError(
                    translate("form.number.separator", lang, text=shown, meant=format_number(meant, lang))
                )
        raise ValueError(translate("form.number.grouping", lang, text=shown))
    if n_group == 0:
        if n_decimal > 1:
            if _grouped(body, decimal):
                meant = _decimal(body.replace(decimal, ""), "", sign)
                raise ValueError(
                    translate("form.number.foreign", lang, text=shown, meant=format_number(meant, lang))
                )
            raise invalid
        whole, fraction = body.split(decimal)
        if not spaced and len(fraction) == 3 and _grouped(f"{whole}{decimal}{fraction}", decimal):
            thousands = _decimal(whole + fraction, "", sign)
            small = _decimal(whole, fraction, sign).normalize()
            raise ValueError(
                translate(
                    "form.number.ambiguous",
                    lang,
                    text=shown,
                    grouped=format_number(thousands, lang),
                    small=format_number(small, lang),
                    plain=format_number(thousands, lang, grouping=False),
                )
            )
        return _decimal(whole, fraction, sign)
    # both symbols: this language's notation has the decimal symbol once, last
    last_decimal, last_group = body.rfind(decimal), body.rfind(group)
    if n_decimal == 1 and last_decimal > last_group:
        whole, fraction = body.split(decimal)
        if _grouped(whole, group) and _DIGITS.fullmatch(fraction or "0"):
            return _decimal(whole.replace(group, ""), fraction, sign)
        raise ValueError(translate("form.number.grouping", lang, text=shown))
    other_decimal, other_group = _symbols(other)
    if n_group == 1 and last_group > last_decimal:
        whole, fraction = body.split(other_decimal)
        if _grouped(whole, other_group) and _DIGITS.fullmatch(fraction or "0"):
            meant = _decimal(whole.replace(other_group, ""), fraction, sign)
            raise ValueError(
                translate("form.number.foreign", lang, text=shown, meant=format_number(meant, lang))
            )
    raise invalid


def parse_whole_number(text: str | int | float | Decimal, language: str) -> int:
    """:func:`parse_number` for a field that takes whole numbers only ("46,5" is refused)."""
    value = parse_number(text, language)
    if value != value.to_integral_value():
        lang = _language(language)
        below = int(value.to_integral_value(rounding="ROUND_FLOOR"))
        raise ValueError(
            translate(
                "form.number.whole",
                lang,
                text=" ".join(str(text).split()),
                below=format_number(below, lang),
                above=format_number(below + 1, lang),
            )
        )
    return int(value)
