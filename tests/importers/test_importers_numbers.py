"""Number parsing: thousands separators, decimals, spaces, percentages, placeholders."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from smtoolkit.errors import DataImportError
from smtoolkit.importers.messages import Location
from smtoolkit.importers.numbers import parse_numbers

WHERE = Location(Path("export.csv"), column="Reach")


def _series(*values: object) -> pd.Series:
    return pd.Series(list(values), index=range(2, 2 + len(values)), dtype=object)


def _ints(*values: object) -> list[object]:
    result = parse_numbers(_series(*values), where=WHERE, integer=True)
    assert str(result.dtype) == "Int64"
    return [None if v is pd.NA else int(v) for v in result]


def _floats(*values: object, decimal: str | None = None) -> list[object]:
    result = parse_numbers(_series(*values), where=WHERE, integer=False, decimal=decimal)  # type: ignore[arg-type]
    assert str(result.dtype) == "Float64"
    return [None if v is pd.NA else float(v) for v in result]


def test_plain_digits_take_the_fast_path() -> None:
    """Plain digit strings and empty cells parse to whole numbers and missing values."""
    assert _ints("0", "12400", None, "7") == [0, 12400, None, 7]


def test_english_thousands_separator() -> None:
    """``12,400`` in a count column is twelve thousand four hundred."""
    assert _ints("12,400", "1,234,567", "980") == [12400, 1234567, 980]


def test_german_thousands_separator() -> None:
    """``12.400`` in a count column is twelve thousand four hundred."""
    assert _ints("12.400", "1.234.567", "980") == [12400, 1234567, 980]


def test_spaces_as_thousands_separator() -> None:
    """Spaces, non-breaking and narrow no-break spaces group thousands: ``1 234``."""
    assert _ints("1 234", "12\u00a0400", "1\u202f000\u202f000") == [1234, 12400, 1000000]


def test_german_decimal_with_thousands() -> None:
    """``1.234,5`` is one thousand two hundred thirty-four and a half."""
    assert _floats("1.234,5", "0,25", "7") == [1234.5, 0.25, 7.0]


def test_english_decimal_with_thousands() -> None:
    """``1,234.5`` is one thousand two hundred thirty-four and a half."""
    assert _floats("1,234.5", "0.25", "7") == [1234.5, 0.25, 7.0]


def test_percentages_become_fractions() -> None:
    """``3,4 %`` and ``12.5%`` become 0.034 and 0.125; plain numbers stay as they are."""
    assert _floats("3,4 %", "0,5 %", "") == pytest.approx([0.034, 0.005, None])  # type: ignore[list-item]
    values = _floats("12.5%", "0.0345")
    assert values == pytest.approx([0.125, 0.0345])


def test_placeholders_are_missing() -> None:
    """Dashes, ``n/a`` and ``k. A.`` in a number column mean no value."""
    assert _ints("-", "–", "n/a", "k. A.", "5") == [None, None, None, None, 5]


def test_ambiguous_decimal_follows_the_hint() -> None:
    """``1,234`` in a decimal column is 1.234 with a German hint and 1234 with an English one."""
    assert _floats("1,234", decimal=",") == [1.234]
    assert _floats("1,234", decimal=".") == [1234.0]


def test_floats_written_by_exports_are_whole_counts() -> None:
    """Legacy X exports write counts as ``1520.0``; they read as the count 1520."""
    assert _ints("1520.0", "48.0") == [1520, 48]


def test_spreadsheet_cells_mix_numbers_and_text() -> None:
    """Workbook cells holding numbers and number text are read together."""
    assert _ints(12400.0, "1.234", None, 5) == [12400, 1234, None, 5]


def test_numeric_dtype_is_cast() -> None:
    """An already numeric column is returned with the nullable dtype."""
    result = parse_numbers(pd.Series([1.0, None, 3.0]), where=WHERE, integer=True)
    assert result.tolist() == [1, pd.NA, 3]


def test_unreadable_number_names_row_column_and_value() -> None:
    """A value that is not a number raises an error naming file, row, column and value."""
    with pytest.raises(DataImportError) as error:
        _ints("12", "zwölf")
    message = str(error.value)
    assert "export.csv, row 3, column 'Reach': cannot read 'zwölf' as a number" in message
    assert "expected: a number such as 12400" in message


def test_fraction_in_count_column_is_an_error() -> None:
    """A count with a fractional part (``3,4``) is rejected as not a whole number."""
    with pytest.raises(DataImportError, match=r"row 2, column 'Reach': expected a whole number"):
        _ints("3,4")


def test_mixed_number_styles_are_an_error() -> None:
    """A column mixing ``1.234.567`` and ``12,345,678`` cannot be read consistently."""
    with pytest.raises(DataImportError, match="mixes German and English number styles"):
        _ints("1.234.567", "12,345,678")
