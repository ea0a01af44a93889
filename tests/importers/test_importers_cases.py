"""Data-driven format cases: every fixture in tests/data/importers/cases is read exactly.

Dropping ``<name>.<ext>`` and a hand-written ``<name>.expected.json`` into that folder
adds a case.  The expected file names format, kind, rows, header row, encoding,
delimiter, date range, dropped rows per reason and every imported record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from smtoolkit.importers import formats, inspect_file, load_all

from .helpers import CASES, REPO, plain, records

REAL = REPO / "tests" / "data" / "real"

EXPECTED = sorted(CASES.glob("*.expected.json"))


def _data_file(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    matches = [p for p in CASES.iterdir() if p.stem == stem and not p.name.endswith(".json")]
    assert len(matches) == 1, f"{expected.name}: expected one data file named {stem}.*"
    return matches[0]


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_case_reads_exactly_as_expected(expected_path: Path) -> None:
    """Each case fixture imports with exactly the format, rows, drops and values expected."""
    expected = _expected(expected_path)
    tables = load_all(_data_file(expected_path))
    assert len(tables) == len(expected["tables"])
    for table, want in zip(tables, expected["tables"], strict=True):
        date_range = table.date_range
        got = {
            "sheet": table.sheet,
            "format": table.format.name,
            "kind": table.kind.value,
            "rows": table.rows,
            "header_row": table.header_row,
            "encoding": table.encoding,
            "delimiter": table.delimiter,
            "date_range": [plain(d) for d in date_range] if date_range else None,
            "dropped": {d.reason: {"count": d.count, "rows": list(d.rows)} for d in table.dropped},
        }
        assert got == {k: want[k] for k in got}
        assert records(table.data) == want["records"]


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_case_reports_skipped_sheets(expected_path: Path) -> None:
    """A case's file-level notes (skipped worksheets) are exactly the expected ones."""
    expected = _expected(expected_path)
    report = inspect_file(_data_file(expected_path))
    assert list(report.notes) == expected.get("notes", [])


def test_every_builtin_format_has_a_case() -> None:
    """Every registered built-in format is covered by a case here or in the real-export corpus."""
    covered = {t["format"] for p in EXPECTED for t in _expected(p)["tables"]}
    for path in REAL.glob("*.expected.json"):
        for case in _expected(path)["cases"]:
            covered |= {t["format"] for t in case.get("tables", [])}
    refused = {f.name for f in formats() if f.unsupported}
    assert {f.name for f in formats()} - refused <= covered


def test_cases_cover_the_required_quirks() -> None:
    """The cases include every encoding, delimiter and the drop reasons the issue lists."""
    tables = [t for p in EXPECTED for t in _expected(p)["tables"]]
    encodings = {t["encoding"] for t in tables}
    assert {"utf-8", "utf-8-sig", "utf-16", "cp1252", None} <= encodings
    assert {",", ";", "\t", None} <= {t["delimiter"] for t in tables}
    reasons = {reason for t in tables for reason in t["dropped"]}
    assert {"summary row", "duplicate row", "blank row"} <= reasons
    assert {".xlsx", ".xls", ".csv", ".tsv"} <= {_data_file(p).suffix for p in EXPECTED}
