"""Export files beyond a size limit are refused before parsing, in well under a second, naming the limit."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from smtoolkit.errors import DataImportError
from smtoolkit.importers import inspect_file
from smtoolkit.importers.readers import open_sources
from smtoolkit.limits import Limits
from tests.conftest import ROOT

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def workbook(path: Path, sheets: Mapping[str, bytes | Iterator[bytes]]) -> Path:
    """A minimal .xlsx zip holding the given worksheet XML (no need for it to open in Excel)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        for name, body in sheets.items():
            with archive.open(f"xl/worksheets/{name}.xml", "w") as handle:
                for part in [body] if isinstance(body, bytes) else body:
                    handle.write(part)
    return path


def refused(path: Path, key: str) -> str:
    """Open ``path``, expect a refusal naming ``key`` within a second, and return the message."""
    started = time.monotonic()
    with pytest.raises(DataImportError) as caught:
        open_sources(path)
    assert time.monotonic() - started < 1.0
    message = str(caught.value)
    assert message.startswith(str(path)) and f"({key})" in message and f"[limits] {key} =" in message
    return message


def test_a_sheet_whose_dimension_spans_too_many_cells_is_refused(tmp_path: Path) -> None:
    """A 1 KB workbook declaring A1:XFD1048576 (17 billion cells) is refused by xlsx_cells."""
    sheet = b'<worksheet><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>'
    message = refused(workbook(tmp_path / "bomb.xlsx", {"sheet1": sheet}), "xlsx_cells")
    assert "1,048,576 rows × 16,384 columns" in message


def test_a_workbook_that_unpacks_beyond_the_size_limit_is_refused(tmp_path: Path) -> None:
    """A sheet of 30 MiB of repeated cells (a few hundred KB zipped), no dimension, is refused by xlsx_bytes."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 1024
    body = (row for _ in range(30 * 1024 * 1024 // len(row)))
    path = workbook(tmp_path / "cells.xlsx", {"sheet1": b"<worksheet><sheetData>", "sheet2": body})
    assert path.stat().st_size < 2 * 1024 * 1024
    refused(path, "xlsx_bytes")


def test_a_workbook_with_too_many_sheets_is_refused(tmp_path: Path) -> None:
    """Fifty-one empty sheets are one more than xlsx_sheets allows."""
    sheets = {f"sheet{i}": b"<worksheet/>" for i in range(Limits().xlsx_sheets + 1)}
    refused(workbook(tmp_path / "sheets.xlsx", sheets), "xlsx_sheets")


def test_a_csv_with_too_many_columns_is_refused(tmp_path: Path) -> None:
    """A first line of 1,001 columns is refused by csv_columns."""
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(1001)) + "\n" + "1," * 1000 + "1\n", encoding="utf-8")
    refused(path, "csv_columns")


def test_a_csv_with_a_line_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    """A 2 MiB line without a break is refused by csv_line_bytes."""
    path = tmp_path / "long.csv"
    path.write_bytes(b"date,text\n2026-01-01," + b"x" * (2 * 1024 * 1024) + b"\n")
    message = refused(path, "csv_line_bytes")
    assert "1,048,576 (csv_line_bytes)" in message


def test_limits_are_raised_and_lowered_in_the_firm_file(tmp_path: Path) -> None:
    """`[limits] csv_bytes = 100` above the export refuses a 200-byte CSV; raising it reads the file."""
    (tmp_path / "smtoolkit.toml").write_text("[limits]\ncsv_bytes = 100\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "mentions.csv"
    path.write_text(
        "date,text,source\n" + "2026-03-02 09:00,Muster lobt die Pumpe,heise.de\n" * 4, encoding="utf-8"
    )
    refused(path, "csv_bytes")
    (tmp_path / "smtoolkit.toml").write_text("[limits]\ncsv_bytes = 1000\n", encoding="utf-8")
    assert inspect_file(path).tables


def test_the_demo_exports_are_within_the_limits() -> None:
    """Every file of the demo's data folder opens under the default limits."""
    for path in sorted((ROOT / "engagements" / "demo" / "data").iterdir()):
        assert open_sources(path), path.name


def test_the_firm_file_refuses_unknown_limits_and_bad_values(tmp_path: Path) -> None:
    """`[limits]` with an unknown key and a zero is invalid, one problem per key, naming the firm file."""
    from smtoolkit.errors import ValidationError
    from smtoolkit.firm import load_firm

    path = tmp_path / "smtoolkit.toml"
    path.write_text("[limits]\nxlsx_cells = 0\nrows = 5\ncsv_bytes = 2048\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_firm(path)
    problems = caught.value.problems
    assert len(problems) == 2
    assert "limits.xlsx_cells: expected a whole number of at least 1, found 0" in problems[0]
    assert "limits.rows: is not a known limit" in problems[1]
