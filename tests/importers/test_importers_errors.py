"""Bad inputs: every one raises DataImportError with a message a consultant can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtoolkit.errors import ConfigError, DataImportError, SmToolkitError
from smtoolkit.importers import inspect_file, load, load_folder

from .helpers import BAD


def _message(path: Path) -> str:
    with pytest.raises(DataImportError) as error:
        load(path)
    message = str(error.value)
    assert message.startswith(str(path)), "the message starts by naming the file"
    assert "Traceback" not in message
    return message


def test_error_type_is_in_the_toolkit_tree() -> None:
    """Import errors are SmToolkitError and ValueError, so callers can catch either."""
    with pytest.raises(SmToolkitError):
        load(BAD / "empty.csv")
    with pytest.raises(ValueError):
        load(BAD / "empty.csv")


def test_empty_file() -> None:
    """A zero-byte file is reported as empty, with what was expected."""
    message = _message(BAD / "empty.csv")
    assert f"{BAD / 'empty.csv'}: the file is empty" in message
    assert "expected: an export with a header row and data rows" in message
    assert "found: 0 bytes" in message


def test_file_with_only_blank_lines_is_empty() -> None:
    """A file holding nothing but blank lines is reported as empty too."""
    message = _message(BAD / "blank_lines.csv")
    assert "the file is empty" in message
    assert "found: 5 bytes and no text" in message


def test_unknown_format_lists_what_was_found_and_supported_formats() -> None:
    """An unrecognised header names the columns found and lists the supported formats."""
    message = _message(BAD / "unknown_format.csv")
    assert "unknown file format" in message
    assert "found: first row: Datum, Wert, Kommentar (read as UTF-8, semicolon-separated)" in message
    assert "  supported formats:\n" in message
    for label in (
        "Meltwater mentions export (meltwater)",
        "generic mentions CSV",
        "Meta Business Suite Facebook post export",
        "Likert employee survey",
    ):
        assert f"    - {label}" in message
    assert "docs/data-formats.md" in message


def test_missing_required_column_is_named() -> None:
    """A recognisable export without a required column names the format and the column."""
    message = _message(BAD / "meltwater_without_date.tsv")
    assert "row 1: looks like a Meltwater mentions export but lacks required column(s): Date" in message
    assert "expected: the column(s) Date in the header row" in message
    assert "found: columns Headline, URL, Opening Text, Hit Sentence" in message


def test_binary_file_is_unreadable() -> None:
    """Bytes that are not text are reported as an unreadable encoding, not parsed."""
    message = _message(BAD / "binary.csv")
    assert "cannot read the file as text" in message
    assert (
        "expected: a text export in UTF-8 (with or without BOM), UTF-16 or Windows-1252 (cp1252)" in message
    )
    assert "found: a zero byte at position 8" in message


def test_bytes_invalid_in_every_supported_encoding() -> None:
    """A byte that is neither UTF-8 nor Windows-1252 is named with its position."""
    message = _message(BAD / "undecodable.csv")
    assert "cannot read the file as text" in message
    assert "found: byte 0x81 at position 24, which is neither UTF-8 nor Windows-1252" in message
    assert "save it as 'CSV UTF-8'" in message


def test_value_that_is_not_a_number() -> None:
    """A count that is not a number names file, row, column and value."""
    message = _message(BAD / "bad_number.csv")
    assert f"{BAD / 'bad_number.csv'}, row 3, column 'reach': cannot read 'zwölf' as a number" in message


def test_value_that_is_not_a_date() -> None:
    """An impossible date in a German Facebook export names its row and column."""
    message = _message(BAD / "bad_date.csv")
    assert "row 3, column 'Veröffentlichungszeitpunkt': cannot read '31.02.2026 16:00' as a date" in message


def test_likert_answer_out_of_range() -> None:
    """A survey answer outside 1 to 5 names the item column and the row."""
    message = _message(BAD / "bad_likert.csv")
    assert "row 2, column 'attitude_2': cannot read '7' as a Likert answer" in message
    assert "expected: an answer from 1 to 5" in message


def test_unclosed_quote() -> None:
    """A quote that never closes is reported as rows that do not split cleanly."""
    message = _message(BAD / "broken_quote.csv")
    assert "the rows below the header do not split into columns cleanly" in message
    assert "found: a quoted value that starts in line 2 never closes" in message
    assert "values that contain the delimiter, quotes or line breaks in double quotes" in message


def test_mixed_number_styles() -> None:
    """A column mixing German and English number styles is rejected with both examples."""
    message = _message(BAD / "mixed_number_styles.csv")
    assert "column 'reach': the column mixes German and English number styles" in message
    assert "found: '1.234.567' and '12,345,678'" in message


def test_text_file_named_xlsx() -> None:
    """A file named .xlsx that is not a workbook says so instead of failing obscurely."""
    message = _message(BAD / "not_a_workbook.xlsx")
    assert "cannot open the file as an Excel workbook" in message


def test_web_page_named_xls() -> None:
    """An .xls that is really a web page is recognised and the fix is suggested."""
    message = _message(BAD / "web_page.xls")
    assert "holds a web page (HTML)" in message
    assert "save it as .xlsx" in message


def test_missing_file() -> None:
    """A path that does not exist is reported as such."""
    message = _message(BAD / "no_such_file.csv")
    assert "the file does not exist" in message


def test_inspect_raises_the_same_errors() -> None:
    """inspect_file reports bad files with the same DataImportError as load."""
    with pytest.raises(DataImportError, match="unknown file format"):
        inspect_file(BAD / "unknown_format.csv")


def test_wrong_kind_requested() -> None:
    """Asking a posts file for mentions names what the file holds instead."""
    path = BAD.parent / "cases" / "youtube_table_data.csv"
    with pytest.raises(DataImportError, match=r"holds no mentions data\n  found: YouTube"):
        load(path, kind="mentions")


def test_unknown_time_zone_is_a_usage_error() -> None:
    """A misspelt time zone is refused before any file is read, naming a valid example."""
    with pytest.raises(ConfigError, match=r"unknown time zone 'Europe/Berlinn'; expected a name such as"):
        load(BAD.parent / "cases" / "tiktok_posts.csv", tz="Europe/Berlinn")


def test_unknown_kind_is_a_usage_error() -> None:
    """Asking for a kind that does not exist lists the kinds there are."""
    with pytest.raises(ConfigError, match=r"unknown kind of data 'tweets'; expected one of: posts, "):
        load_folder(BAD, kind="tweets")
