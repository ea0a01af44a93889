"""Size limits checked before an export is parsed, so a hostile file is refused in milliseconds.

- Text exports: the file's size (``csv_bytes``), the columns of its first line
  (``csv_columns``, under the delimiter that splits it most) and the longest line
  (``csv_line_bytes``, found by scanning the bytes for line breaks, nothing decoded).
- Excel workbooks (.xlsx, .xlsm): read from the zip's directory before anything is
  unpacked: the uncompressed size of all members (``xlsx_bytes``), the number of
  worksheets (``xlsx_sheets``) and each sheet's ``<dimension ref="A1:Z900"/>``, read from
  the first kilobytes of the sheet, as rows × columns (``xlsx_cells``). An .xls file is
  bounded by its size (``xlsx_bytes``).

The limits come from :func:`smtoolkit.limits.limits_for` (the firm file above the export,
else the defaults); each refusal names the file, the figure, the limit and how to raise it.
"""

from __future__ import annotations

import csv
import re
import stat
import zipfile
from pathlib import Path

from smtoolkit.errors import DataImportError
from smtoolkit.importers.messages import import_error
from smtoolkit.limits import Limits, limits_for

__all__ = ["check_regular", "check_text", "check_workbook", "limits_of"]

_DELIMITERS = (",", ";", "\t", "|")
_CHUNK = 1024 * 1024
_SHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?\"")
_HEAD = 64 * 1024


def limits_of(path: Path) -> Limits:
    """The limits for the export ``path`` (the firm file above its folder, else the defaults)."""
    return limits_for(path.parent)


def check_regular(path: Path) -> None:
    """Refuse a pipe, device or socket: opening or reading one could wait forever."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise import_error(
            path,
            "this is not an ordinary file (a pipe, device or socket)",
            hint="Save the export as a file in data/ and name that file.",
        )


def _beyond(path: Path, what: str, found: int, limits: Limits, key: str) -> DataImportError:
    return import_error(
        path,
        f"the file is larger than smtoolkit reads: {what}",
        expected=f"at most {getattr(limits, key):,} ({key})",
        found=f"{found:,}",
        hint=f"Export a shorter period or fewer columns, or split the file. {limits.hint(key)}",
    )


def check_text(path: Path, head: bytes, limits: Limits) -> None:
    """Refuse a text export that is too large, too wide or has a line too long to parse safely."""
    size = path.stat().st_size
    if size > limits.csv_bytes:
        raise _beyond(path, "its size in bytes", size, limits, "csv_bytes")
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace")
    try:
        widest = max(len(next(csv.reader([first], delimiter=d), [])) for d in _DELIMITERS)
    except csv.Error:
        widest = max(first.count(d) + 1 for d in _DELIMITERS)
    if widest > limits.csv_columns:
        raise _beyond(path, "the columns of its first line", widest, limits, "csv_columns")
    if size > limits.csv_line_bytes:
        longest = _longest_line(path, limits.csv_line_bytes)
        if longest > limits.csv_line_bytes:
            raise _beyond(path, "the bytes of its longest line (at least)", longest, limits, "csv_line_bytes")


def _longest_line(path: Path, stop: int) -> int:
    """The length of the longest line of ``path`` in bytes; stops counting once beyond ``stop``."""
    longest = current = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            start = 0
            while (end := chunk.find(b"\n", start)) >= 0:
                longest = max(longest, current + end - start)
                current, start = 0, end + 1
            current += len(chunk) - start
            if max(longest, current) > stop:
                return max(longest, current)
    return max(longest, current)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def check_workbook(path: Path, limits: Limits) -> None:
    """Refuse a workbook whose unpacked size, sheet count or sheet dimensions are beyond the limits."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        if path.stat().st_size > limits.xlsx_bytes:
            raise _beyond(path, "its size in bytes", path.stat().st_size, limits, "xlsx_bytes") from None
        return  # not a zip (.xls, or broken): the reader says what it is
    with archive:
        members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
        if unpacked > limits.xlsx_bytes:
            raise _beyond(path, "its unpacked size in bytes", unpacked, limits, "xlsx_bytes")
        sheets = [m for m in members if _SHEET.match(m.filename)]
        if len(sheets) > limits.xlsx_sheets:
            raise _beyond(path, "its number of worksheets", len(sheets), limits, "xlsx_sheets")
        for member in sheets:
            try:
                with archive.open(member) as handle:
                    head = handle.read(_HEAD)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
                return  # a damaged member: the reader reports the workbook as unreadable
            found = _DIMENSION.search(head)
            if found is None:
                continue
            first_col, first_row, last_col, last_row = found.groups()
            rows = int(last_row or first_row) - int(first_row) + 1
            columns = _column_number(last_col or first_col) - _column_number(first_col) + 1
            cells = max(rows, 0) * max(columns, 0)
            if cells > limits.xlsx_cells:
                name = member.filename.rsplit("/", 1)[-1]
                raise _beyond(
                    path,
                    f"{name} spans {rows:,} rows × {columns:,} columns (its dimension)",
                    cells,
                    limits,
                    "xlsx_cells",
                )
