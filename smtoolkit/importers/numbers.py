"""Vectorized parsing of numbers as exports write them.

Handles ``12,400`` and ``12.400`` (thousands), ``1.234,5`` and ``1,234.5`` (German and
English decimals), ``1 234`` (spaces, also non-breaking and narrow), ``3,4 %`` (a
percentage, returned as the fraction ``0.034``), and empty cells or placeholders such as
``-`` and ``n/a`` (missing).  The number style is decided once per column from the values
themselves; a column that mixes German and English styles is an error.  A value whose
separators could mean either (``12,400`` or ``1.234`` with nothing else to go by) is read
with the separator as thousands separator in whole-number columns and according to the
format's hint in decimal columns.

The index of the series is the file's row number; errors name it.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from smtoolkit.importers.messages import Location, import_error, preview

__all__ = ["NA_TOKENS", "Decimal", "parse_numbers"]

Decimal = Literal[",", "."]

NA_TOKENS = frozenset(
    {
        "",
        "-",
        "–",
        "—",
        "--",
        "n/a",
        "N/A",
        "n.a.",
        "NA",
        "k.A.",
        "k. A.",
        "nan",
        "NaN",
        "null",
        "NULL",
        "None",
        "#N/A",
        "(none)",
        "(leer)",
        "undefined",
    }
)
"""Cell values (after stripping) that mean "no value" in a number column."""

_SPACES = r"[\s\u00a0\u202f\u2009\u2007'’]"
_EXPECTED = "a number such as 12400, 12,400, 12.400, 1 234, 1.234,5 or 3,4 %"


def _is_missing(text: pd.Series) -> pd.Series:
    return text.isin(NA_TOKENS)


def _decide_decimal(cleaned: pd.Series, *, integer: bool, hint: Decimal | None, where: Location) -> Decimal:
    """Decide the decimal separator of one column from its (space-free) values."""
    values = pd.Series(pd.unique(cleaned.dropna().to_numpy()), dtype=object).astype(str)
    if values.empty:
        return hint or "."
    has_comma = values.str.contains(",", regex=False)
    has_dot = values.str.contains(".", regex=False)
    both = has_comma & has_dot
    comma_last = values.str.rfind(",") > values.str.rfind(".")
    german_mask = (
        (both & comma_last)
        | values.str.fullmatch(r"[+-]?\d*,(?:\d{1,2}|\d{4,})")
        | values.str.fullmatch(r"[+-]?0?,\d+")
        | values.str.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3}){2,}")
    )
    english_mask = (
        (both & ~comma_last)
        | values.str.fullmatch(r"[+-]?\d*\.(?:\d{1,2}|\d{4,})")
        | values.str.fullmatch(r"[+-]?0?\.\d+")
        | values.str.fullmatch(r"[+-]?\d{1,3}(?:,\d{3}){2,}")
    )
    german = bool(german_mask.any())
    english = bool(english_mask.any())
    if german and english:
        raise import_error(
            where,
            "the column mixes German and English number styles",
            expected="one style per column: 1.234,5 (German) or 1,234.5 (English)",
            found=f"{preview(values[german_mask].iloc[0])} and {preview(values[english_mask].iloc[0])}",
        )
    if german:
        return ","
    if english:
        return "."
    if integer:
        # Only values like 12,400 or 1.234: in a count the separator groups thousands.
        if bool(has_comma.any()) and bool(has_dot.any()):
            raise import_error(
                where,
                "the column uses both ',' and '.' as thousands separators",
                expected="one style per column",
                found=f"{preview(values[has_comma].iloc[0])} and {preview(values[has_dot].iloc[0])}",
            )
        return "." if bool(has_comma.any()) else ","
    return hint or "."


def _parse_text(text: pd.Series, *, integer: bool, decimal: Decimal | None, where: Location) -> pd.Series:
    """Parse a series of strings (missing for empty) into float64, NaN for missing."""
    result = pd.Series(np.nan, index=text.index, dtype="float64")
    present = text.notna()
    if not bool(present.any()):
        return result
    raw = text[present].astype(str)
    cleaned = raw.str.replace(_SPACES, "", regex=True)
    missing = _is_missing(cleaned) | _is_missing(raw.str.strip())
    cleaned = cleaned[~missing]
    if cleaned.empty:
        return result
    percent = cleaned.str.endswith("%")
    cleaned = cleaned.str.removesuffix("%")
    separator = _decide_decimal(cleaned, integer=integer, hint=decimal, where=where)
    if separator == ",":
        valid = cleaned.str.fullmatch(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d*)(?:,\d+)?")
        normalized = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        valid = cleaned.str.fullmatch(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
        normalized = cleaned.str.replace(",", "", regex=False)
    numbers = pd.to_numeric(normalized.where(valid), errors="coerce")
    bad = numbers.isna()
    if bool(bad.any()):
        row = bad[bad].index[0]
        raise import_error(
            where.at(row=int(row)),
            f"cannot read {preview(raw.loc[row])} as a number",
            expected=_EXPECTED,
        )
    numbers = numbers.astype("float64")
    numbers[percent] = numbers[percent] / 100.0
    result[numbers.index] = numbers
    return result


def _plain_integers(text: pd.Series) -> pd.Series | None:
    """Return ``text`` as ``Int64`` if every value is a plain integer, else ``None``.

    This is the fast path for large files: Python's ``int()`` on each value, which
    rejects every separator (``2.000``, ``12,400``, ``3 %``), so those take the slow path.
    """
    try:
        return text.astype("string").astype("Int64")
    except (ValueError, TypeError, OverflowError):
        return None


def parse_numbers(
    values: pd.Series,
    *,
    where: Location,
    integer: bool,
    decimal: Decimal | None = None,
) -> pd.Series:
    """Parse one column of an export into numbers.

    Returns an ``Int64`` series when ``integer`` is true (a value with a fractional part
    is then an error), else ``Float64``.  Percentages become fractions.  ``decimal`` is
    the decimal separator to assume where the values leave it open (see module doc).
    Raises :class:`~smtoolkit.errors.DataImportError` naming the row, column and value
    that cannot be read.
    """
    if pd.api.types.is_bool_dtype(values.dtype):
        floats = values.astype("float64")
    elif pd.api.types.is_numeric_dtype(values.dtype):
        floats = values.astype("Float64").astype("float64")
    else:
        inferred = pd.api.types.infer_dtype(values, skipna=True)
        if inferred in ("string", "empty"):
            plain = _plain_integers(values)
            if plain is not None:
                return plain if integer else plain.astype("Float64")
            floats = _parse_text(values, integer=integer, decimal=decimal, where=where)
        else:
            # Spreadsheet cells: a mix of real numbers and text.
            is_text = values.map(lambda v: isinstance(v, str)).astype(bool)
            floats = pd.Series(np.nan, index=values.index, dtype="float64")
            numeric = values[~is_text & values.notna()]
            if not numeric.empty:
                converted = pd.to_numeric(numeric, errors="coerce")
                bad = converted.isna()
                if bool(bad.any()):
                    row = bad[bad].index[0]
                    raise import_error(
                        where.at(row=int(row)),
                        f"cannot read {preview(numeric.loc[row])} as a number",
                        expected=_EXPECTED,
                    )
                floats[numeric.index] = converted.astype("float64")
            text = values[is_text].astype(object)
            if not text.empty:
                parsed = _parse_text(text, integer=integer, decimal=decimal, where=where)
                floats[parsed.index] = parsed
    if not integer:
        return floats.astype("Float64")
    fractional = floats.notna() & (np.floor(floats) != floats)
    if bool(fractional.any()):
        row = fractional[fractional].index[0]
        raise import_error(
            where.at(row=int(row)),
            f"expected a whole number, found {preview(values.loc[row])}",
            expected="a count such as 12400 or 12.400",
        )
    return floats.astype("Int64")
