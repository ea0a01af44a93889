"""The action plan workbook: rows in plan order, headers by language, formatting, no formulas."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from smtoolkit.checks.registry import CheckSpec
from smtoolkit.overview import assess
from smtoolkit.overview.actionplan import COLUMNS, PlanRow, workbook_bytes, write_action_plan
from tests.unit.test_overview import engagement, fake_checks, three_checks  # noqa: F401

HEADERS = {
    "de": [
        "Nr.",
        "Priorität",
        "Maßnahme",
        "Prüfpunkt",
        "Wirkung",
        "Aufwand",
        "Verantwortlich",
        "Fällig (KW)",
        "Fällig am",
        "Status",
    ],
    "en": [
        "No.",
        "Priority",
        "Action",
        "Check point",
        "Impact",
        "Effort",
        "Owner",
        "Due (week)",
        "Due date",
        "Status",
    ],
}


def rows(path: Path) -> list[tuple[object, ...]]:
    """The plan sheet's rows as values."""
    book = openpyxl.load_workbook(path)
    return [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]


def test_the_plan_sheet_holds_every_action_in_priority_order(
    fake_checks: list[CheckSpec],  # noqa: F811
    tmp_path: Path,
) -> None:
    """Eight actions B, G, E, C, H, A, F, D with check, levels, owner, ISO week and date from 17.12.2026."""
    a = assess(engagement(three_checks(fake_checks), weights="{strategy: 2, effort: 0.5}"))
    path = write_action_plan(tmp_path / "action-plan.xlsx", engagement(fake_checks), a, "de")
    header, *body = rows(path)
    assert list(header) == HEADERS["de"]
    assert [r[2] for r in body] == ["B", "G", "E", "C", "H", "A", "F", "D"]
    assert body[0] == (
        1,
        "Quick Win",
        "B",
        "01 Strategie erarbeiten",
        "hoch",
        "niedrig",
        "Geschäftsführung",
        "KW 06/2027",
        dt.datetime(2027, 2, 11),
        "offen",
    )
    assert body[3][1:] == (
        "Quick Win",
        "C",
        "02 Ziele setzen",
        "mittel",
        "niedrig",
        "Geschäftsführung",
        "KW 53/2026",
        dt.datetime(2026, 12, 31),
        "offen",
    )
    assert [r[1] for r in body[4:]] == ["Vorhaben", "Vorhaben", "Nebenbei", "Aufwand prüfen"]
    assert [r[0] for r in body] == list(range(1, 9))


def test_english_headers_and_notes(fake_checks: list[CheckSpec], tmp_path: Path) -> None:  # noqa: F811
    """An English report gets English headers, labels and a notes sheet with index and stage."""
    e = engagement(three_checks(fake_checks))
    path = write_action_plan(tmp_path / "plan.xlsx", e, assess(e), "en", today=dt.date(2026, 12, 20))
    book = openpyxl.load_workbook(path)
    plan, notes = book.worksheets
    assert plan.title == "Action plan" and notes.title == "Notes"
    assert [c.value for c in plan[1]] == HEADERS["en"]
    assert (
        plan["B2"].value == "Quick win" and plan["E2"].value == "high" and plan["H2"].value == "Week 06/2027"
    )
    info = {r[0]: r[1] for r in notes.iter_rows(values_only=True)}
    assert info["Client"] == "Nordwind Armaturen KG"
    assert info["Due dates from"] == "17 Dec 2026" and info["Generated on"] == "20 Dec 2026"
    assert info["Maturity index"] == "50.0" and info["Stage"] == "Presence"


def test_header_is_bold_frozen_filterable_with_widths_and_wrapping(tmp_path: Path) -> None:
    """Row 1 bold and frozen, an autofilter over the table, set widths, wrapped text, date format."""
    row = PlanRow(
        1,
        "Quick Win",
        "Tun",
        "04 Aufwand",
        "hoch",
        "niedrig",
        "Agentur",
        "KW 01/2027",
        dt.date(2027, 1, 4),
        "offen",
    )
    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook_bytes([row], "de", []))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{chr(ord('A') + len(COLUMNS) - 1)}2"
    assert sheet.column_dimensions["C"].width == 70
    assert sheet["C2"].alignment.wrap_text
    assert sheet["I2"].number_format == "DD.MM.YYYY" and sheet["I2"].value == dt.datetime(2027, 1, 4)


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("https://x.example","klick")', "+1+1", "-2+3", "@SUM(A1)", "=1+1"]
)
def test_client_text_starting_like_a_formula_stays_text(tmp_path: Path, text: str) -> None:
    """A value starting with =, +, - or @ is stored as a string with Excel's quote prefix, never a formula."""
    row = PlanRow(
        1,
        "Quick Win",
        text,
        "04 Aufwand",
        "hoch",
        "niedrig",
        "Agentur",
        "KW 01/2027",
        dt.date(2027, 1, 4),
        "offen",
    )
    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook_bytes([row], "de", [("Kunde", text)]))
    book = openpyxl.load_workbook(path)
    cell = book.worksheets[0]["C2"]
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    assert book.worksheets[1]["B1"].data_type == "s"
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert all("<f>" not in xml for xml in sheets)


def test_plain_text_gets_no_quote_prefix(tmp_path: Path) -> None:
    """Ordinary text is stored as text without a quote prefix."""
    row = PlanRow(
        1,
        "Quick Win",
        "Ziele festlegen",
        "02",
        "hoch",
        "niedrig",
        "Agentur",
        "KW 01/2027",
        dt.date(2027, 1, 4),
        "offen",
    )
    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook_bytes([row], "de", []))
    cell = openpyxl.load_workbook(path).worksheets[0]["C2"]
    assert cell.data_type == "s" and not cell.quotePrefix


def test_the_workbook_is_written_atomically(fake_checks: list[CheckSpec], tmp_path: Path) -> None:  # noqa: F811
    """Writing replaces the file in one step and leaves no temporary file behind."""
    e = engagement(three_checks(fake_checks))
    target = tmp_path / "action-plan.xlsx"
    target.write_bytes(b"old")
    write_action_plan(target, e, assess(e), "de")
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["action-plan.xlsx"]
