"""Reading export files as tables: encodings, delimiters, workbooks.

A file is opened as one or more :class:`Source` objects (one per worksheet for Excel
workbooks).  A source offers the first rows as text cells, for finding the header row,
and reads the data rows below a chosen header into a frame indexed by the row number a
person sees when opening the file in a spreadsheet program.

Text files: the encoding is taken from a byte order mark (UTF-8, UTF-16, UTF-32), else
UTF-16 without mark is recognised by its zero bytes, else UTF-8 is tried, then Windows-1252
(cp1252).  The delimiter (``,``, ``;``, tab or ``|``) is taken from an Excel
``sep=`` first line if there is one; otherwise each candidate is tried and the one under
which a known header row appears wins.  The data rows are read by pandas' C parser, so
quoted fields may hold delimiters and line breaks.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

import numpy as np
import pandas as pd

from smtoolkit.errors import DataImportError
from smtoolkit.importers.limits import check_regular, check_text, check_workbook, limits_of
from smtoolkit.importers.messages import import_error
from smtoolkit.importers.spreadsheetml import is_spreadsheetml, read_spreadsheetml

__all__ = [
    "DELIMITERS",
    "EXCEL_SUFFIXES",
    "TEXT_SUFFIXES",
    "ExcelSheet",
    "Source",
    "TextFile",
    "detect_encoding",
    "open_sources",
]

TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
SAMPLE_BYTES = 256 * 1024
SAMPLE_ROWS = 40
_SEP_HINT = re.compile(r'^"?sep=(.)"?\s*$', re.IGNORECASE)
_ENCODINGS_EXPECTED = (
    "a text export in UTF-8 (with or without BOM), UTF-16 or Windows-1252 (cp1252), "
    "or an Excel workbook (.xlsx, .xls)"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 (little endian, no BOM)",
    "utf-16-be": "UTF-16 (big endian, no BOM)",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
}


class Source(Protocol):
    """One table-shaped part of a file: a text file, or one worksheet."""

    path: Path
    sheet: str | None
    encoding: str | None
    delimiter: str | None

    def rows(self) -> list[tuple[str, ...]]:
        """Return the first rows (up to about 40) as text cells."""
        ...

    def body(self, header_index: int, positions: Sequence[int]) -> pd.DataFrame:
        """Return the rows below row ``header_index`` (0-based), columns ``positions``."""
        ...


def _unreadable(path: Path, found: str) -> DataImportError:
    return import_error(
        path,
        "cannot read the file as text: its bytes fit none of the supported encodings",
        expected=_ENCODINGS_EXPECTED,
        found=found,
        hint="Export the file again, or open it in Excel and save it as 'CSV UTF-8' or as .xlsx.",
    )


def detect_encoding(head: bytes, path: Path, *, complete: bool) -> str:
    """Return the Python codec name for a text file starting with ``head``.

    ``complete`` tells whether ``head`` is the whole file (a cut-off multi-byte
    character at the end is then an error, not a sampling artefact).  Raises
    :class:`~smtoolkit.errors.DataImportError` for bytes that are not text.
    """
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > len(odd) // 2 and even.count(0) * 10 < odd.count(0):
            return "utf-16-le"
        if even.count(0) > len(even) // 2 and odd.count(0) * 10 < even.count(0):
            return "utf-16-be"
        raise _unreadable(path, f"a zero byte at position {head.index(0)} (binary data, not text)")
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError:
        pass
    else:
        control = _CONTROL.search(text)
        if control:
            raise _unreadable(
                path,
                f"control character {control.group()!r} at character "
                f"{control.start()} (binary data, not text)",
            )
        return "utf-8"
    try:
        text = head.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _unreadable(
            path,
            f"byte 0x{head[exc.start]:02x} at position {exc.start}, which is neither "
            "UTF-8 nor Windows-1252 text",
        ) from None
    control = _CONTROL.search(text)
    if control:
        raise _unreadable(
            path,
            f"control character {control.group()!r} at position {control.start()} (binary data, not text)",
        )
    return "cp1252"


@dataclass(frozen=True)
class _Record:
    cells: tuple[str, ...]
    end_line: int  # physical lines consumed up to and including this record


@dataclass
class TextFile:
    """A delimited text file (CSV, TSV, semicolon-separated, ...)."""

    path: Path
    encoding: str
    sample: str
    complete: bool
    delimiter: str | None = None
    sep_hint: str | None = None
    sheet: str | None = None
    _records: dict[str, list[_Record]] = field(default_factory=dict)

    @classmethod
    def open(cls, path: Path, head: bytes, *, complete: bool) -> TextFile:
        """Sniff the encoding of ``path`` from its first bytes ``head``."""
        encoding = detect_encoding(head, path, complete=complete)
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        sample = decoder.decode(head, final=complete)
        if sample.startswith("\ufeff"):
            sample = sample[1:]
        first_line = sample.split("\n", 1)[0].strip("\r")
        hint = _SEP_HINT.match(first_line)
        return cls(path, encoding, sample, complete, sep_hint=hint.group(1) if hint else None)

    def candidate_delimiters(self) -> tuple[str, ...]:
        """Return the delimiters worth trying, most plausible first."""
        if self.sep_hint:
            return (self.sep_hint,)
        first = next((line for line in self.sample.splitlines() if line.strip()), "")
        return tuple(sorted(DELIMITERS, key=lambda d: -first.count(d)))

    def records(self, delimiter: str) -> list[_Record]:
        """Return the sample's first rows split with ``delimiter``."""
        if delimiter not in self._records:
            reader = csv.reader(
                io.StringIO(self.sample, newline=""),
                delimiter=delimiter,
                quotechar='"',
                doublequote=True,
                strict=False,
            )
            records: list[_Record] = []
            try:
                for row in reader:
                    records.append(_Record(tuple(row), reader.line_num))
                    if len(records) > SAMPLE_ROWS:
                        break
            except csv.Error:
                pass
            if not self.complete and len(records) <= SAMPLE_ROWS and records:
                records.pop()  # the last row may be cut off by the sample's end
            self._records[delimiter] = records[:SAMPLE_ROWS]
        return self._records[delimiter]

    def with_delimiter(self, delimiter: str) -> TextFile:
        """Return this file with its delimiter fixed."""
        self.records(delimiter)
        return TextFile(
            self.path,
            self.encoding,
            self.sample,
            self.complete,
            delimiter,
            self.sep_hint,
            None,
            self._records,
        )

    def rows(self) -> list[tuple[str, ...]]:
        """Return the first rows as text cells (delimiter must be set)."""
        assert self.delimiter is not None
        return [r.cells for r in self.records(self.delimiter)]

    def _read(self, encoding: str, skip: int, ncols: int, positions: Sequence[int]) -> pd.DataFrame:
        assert self.delimiter is not None
        return pd.read_csv(
            self.path,
            sep=self.delimiter,
            encoding=encoding,
            encoding_errors="strict",
            skiprows=skip,
            header=None,
            names=list(range(ncols)),
            usecols=list(positions),
            dtype="string",
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            index_col=False,
            engine="c",
            quotechar='"',
            doublequote=True,
        )

    def body(self, header_index: int, positions: Sequence[int]) -> pd.DataFrame:
        """Read the data rows below the header with pandas' C parser."""
        assert self.delimiter is not None
        records = self.records(self.delimiter)
        skip = records[header_index].end_line
        ncols = max(len(records[header_index].cells), max(positions, default=0) + 1)
        try:
            try:
                frame = self._read(self.encoding, skip, ncols, positions)
            except UnicodeDecodeError:
                if self.encoding != "utf-8":
                    raise
                frame = self._read("cp1252", skip, ncols, positions)
                self.encoding = "cp1252"
        except UnicodeDecodeError as exc:
            raise _unreadable(
                self.path,
                f"bytes that are not {ENCODING_NAMES.get(self.encoding, self.encoding)} text ({exc.reason})",
            ) from None
        except pd.errors.ParserError as exc:
            raise import_error(
                self.path,
                "the rows below the header do not split into columns cleanly",
                expected=f"rows separated by {_delimiter_name(self.delimiter)}, with values "
                "that contain the delimiter, quotes or line breaks in double quotes",
                found=_parser_problem(str(exc)),
            ) from None
        frame.index = pd.RangeIndex(header_index + 2, header_index + 2 + len(frame))
        return frame


def _parser_problem(message: str) -> str:
    """Translate a pandas tokenizer message into file line numbers (1 = first line)."""
    unclosed = re.search(r"EOF inside string starting at row (\d+)", message)
    if unclosed:
        return f"a quoted value that starts in line {int(unclosed.group(1)) + 1} never closes"
    fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if fields:
        expected, line, saw = fields.groups()
        return f"line {line} has {saw} values where the header has {expected}"
    return message.replace("Error tokenizing data. C error: ", "").strip()


def _delimiter_name(delimiter: str | None) -> str:
    return {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}.get(
        delimiter or "", repr(delimiter)
    )


def _cell_str(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return str(value)


@dataclass
class ExcelSheet:
    """One worksheet of an .xlsx or .xls workbook."""

    path: Path
    sheet: str | None
    grid: pd.DataFrame
    encoding: str | None = None
    delimiter: str | None = None

    def rows(self) -> list[tuple[str, ...]]:
        """Return the sheet's first rows as text cells."""
        head = self.grid.head(SAMPLE_ROWS)
        return [tuple(_cell_str(v) for v in row) for row in head.itertuples(index=False)]

    def body(self, header_index: int, positions: Sequence[int]) -> pd.DataFrame:
        """Return the cells below the header row, as the workbook holds them."""
        columns = [p for p in positions if p < self.grid.shape[1]]
        frame = self.grid.iloc[header_index + 1 :, columns].copy()
        frame.index = pd.RangeIndex(header_index + 2, header_index + 2 + len(frame))
        blank = frame.map(lambda v: isinstance(v, str) and not v.strip()).astype(bool)
        return frame.mask(blank)


def _read_workbook(path: Path, engine: Literal["openpyxl", "calamine"]) -> list[ExcelSheet]:
    try:
        sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=object, engine=engine)
    except ImportError as exc:
        raise import_error(
            path,
            f"reading this workbook needs the Python package {exc.name or engine!r}",
            hint="Reinstall smtoolkit (make install), or open the file in Excel and save it as .xlsx.",
        ) from None
    except Exception as exc:  # any reader failure means: not a workbook
        raise import_error(
            path,
            "cannot open the file as an Excel workbook",
            expected="an .xlsx or .xls file as Excel saves it",
            found=f"{type(exc).__name__}: {exc}",
            hint="Open the file in Excel and save it again, or export it as CSV.",
        ) from None
    return [ExcelSheet(path, str(name), grid) for name, grid in sheets.items()]


def _read_spreadsheetml(path: Path) -> list[TextFile | ExcelSheet]:
    try:
        sheets = read_spreadsheetml(path)
    except Exception as exc:  # malformed or hostile XML: not a workbook we can read
        raise import_error(
            path,
            "cannot read the file as an Excel 2003 XML workbook",
            expected="an .xls file as Excel 2003 XML (SpreadsheetML) saves it",
            found=f"{type(exc).__name__}: {exc}",
            hint="Open the file in Excel and save it as .xlsx, or export it as CSV.",
        ) from None
    return [ExcelSheet(path, name, grid) for name, grid in sheets]


def open_sources(path: Path) -> list[TextFile | ExcelSheet]:
    """Open ``path`` as text file or workbook (by content, not only by name).

    Text files come back without a delimiter; detection fixes it.  Raises
    :class:`~smtoolkit.errors.DataImportError` for missing, empty or unreadable files.
    """
    if not path.exists():
        raise import_error(path, "the file does not exist")
    if path.is_dir():
        raise import_error(path, "this is a folder, not a file")
    check_regular(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES + 1)
    except OSError as exc:
        raise import_error(path, f"cannot open the file: {exc.strerror or exc}") from None
    complete = len(head) <= SAMPLE_BYTES
    head = head[:SAMPLE_BYTES]
    if not head.strip(b" \t\r\n\x00" + codecs.BOM_UTF8 + codecs.BOM_UTF16_LE):
        raise import_error(
            path,
            "the file is empty",
            expected="an export with a header row and data rows",
            found=f"{len(head)} bytes and no text" if head else "0 bytes",
        )
    suffix = path.suffix.lower()
    limits = limits_of(path)
    if head.startswith(b"PK\x03\x04"):
        check_workbook(path, limits)
        return list(_read_workbook(path, "openpyxl"))
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        check_workbook(path, limits)
        return list(_read_workbook(path, "calamine"))
    if suffix in EXCEL_SUFFIXES and is_spreadsheetml(head):
        return _read_spreadsheetml(path)
    if suffix in EXCEL_SUFFIXES:
        if head.lstrip().lower().startswith((b"<html", b"<!doctype", b"<table", b"<?xml")):
            raise import_error(
                path,
                "this file is named like an Excel workbook but holds a web page (HTML)",
                hint="Open it in Excel and save it as .xlsx, or export the data as CSV.",
            )
        raise import_error(
            path,
            "cannot open the file as an Excel workbook",
            expected="an .xlsx or .xls file as Excel saves it",
            found="content that is not a workbook",
        )
    check_text(path, head, limits)
    return [TextFile.open(path, head, complete=complete)]
