"""The plain-English inspect report the CLI prints."""

from __future__ import annotations

from smtoolkit.importers import format_report, inspect_file

from .helpers import CASES


def test_report_lines_for_a_csv_with_drops() -> None:
    """The report names format, kind, rows, dates, dropped rows and how the file was read."""
    path = CASES / "meta_facebook_posts_de.csv"
    assert format_report(inspect_file(path)) == "\n".join(
        [
            f"file: {path}",
            "format: Meta Business Suite Facebook post export (meta_facebook_posts)",
            "kind: posts",
            "rows: 2",
            "dates: 2025-12-23 to 2026-07-14",
            "dropped: 1 summary row (row 4: 'Gesamt'); 2 blank rows (rows 5, 6)",
            "read as: Windows-1252, semicolon-separated, header in row 1",
            "columns used: Beitrags-ID → post_id, Seitenname → account, Titel, Beschreibung → text, "
            "Veröffentlichungszeitpunkt → published_at, Permalink → url, Beitragstyp → format, "
            "Impressionen → impressions, Reichweite → reach, Reaktionen → reactions, "
            "Kommentare → comments, Geteilte Inhalte → shares, Klicks insgesamt → clicks, "
            "3-Sekunden-Videoaufrufe → video_views",
            "columns ignored: Seiten-ID, Dauer (Sek.), Datum",
        ]
    )


def test_report_for_a_workbook_lists_each_sheet_and_skipped_sheets() -> None:
    """A workbook's report has one block per imported sheet and notes on skipped sheets."""
    report = format_report(inspect_file(CASES / "linkedin_followers.xlsx"), show_path=False)
    assert report.splitlines() == [
        "sheet: New followers",
        "format: LinkedIn page followers export, new followers sheet (linkedin_followers)",
        "kind: followers",
        "rows: 3",
        "dates: 2026-07-01 to 2026-07-03",
        "dropped: nothing",
        "read as: Excel workbook, header in row 1",
        "columns used: Date → date, Total followers → new_followers",
        "columns ignored: Sponsored followers, Organic followers, Auto-invited followers",
        "note: sheet 'Location' skipped: not a supported table (first row: Location, Total followers)",
        "note: sheet 'Job function' skipped: not a supported table "
        "(first row: Job function, Total followers)",
    ]


def test_report_for_a_file_without_dates() -> None:
    """A survey without submission times says it has no dates and notes nothing dropped."""
    lines = format_report(inspect_file(CASES / "survey_en.tsv")).splitlines()
    assert "dates: none in this file" in lines
    assert "dropped: nothing" in lines


def test_report_notes_ignored_survey_columns() -> None:
    """Columns a survey import ignores are named in the report."""
    lines = format_report(inspect_file(CASES / "survey_de.csv")).splitlines()
    assert "dropped: 1 duplicate row (row 5)" in lines
    assert "note: ignored columns that are not survey items: Kommentar" in lines
