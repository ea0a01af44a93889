"""Reading text files: encodings, delimiters, quoting, line ends, preambles, large files."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtoolkit.importers import load
from smtoolkit.importers.readers import SAMPLE_BYTES

ROWS = [
    ["date", "text", "source", "reach"],
    ["2026-03-10 08:15", "Rückruf: Ventile undicht, „sofort“ prüfen", "Straße & Söhne", "12400"],
    ["2026-03-11 09:00", "Zwei\nZeilen", "Köln", "980"],
]


def _csv(delimiter: str) -> str:
    def cell(value: str) -> str:
        if any(c in value for c in (delimiter, '"', "\n", ",", ";")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(delimiter.join(cell(v) for v in row) + "\n" for row in ROWS)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_encoding_delimiter_and_line_end(
    tmp_path: Path, encoding: str, delimiter: str, newline: str
) -> None:
    """The same table reads identically in every supported encoding, delimiter and line end."""
    text = _csv(delimiter).replace("\n", newline)
    if encoding == "cp1252":
        text = text.replace("„", '"').replace("“", '"').replace('""sofort""', "sofort")
    path = tmp_path / "mentions.csv"
    path.write_bytes(text.encode(encoding))
    imported = load(path)
    assert imported.delimiter == delimiter
    data = imported.data
    assert data["source"].tolist() == ["Straße & Söhne", "Köln"]
    assert data["reach"].tolist() == [12400, 980]
    assert data["text"].iloc[1] == f"Zwei{newline}Zeilen"
    assert data["published_at"].iloc[0].isoformat() == "2026-03-10T08:15:00+01:00"


def test_utf8_file_with_windows_bytes_after_the_sample(tmp_path: Path) -> None:
    """A file that looks like UTF-8 at the top but has cp1252 umlauts later is still read."""
    lines = ["date,text,source\n"] + ["2026-03-10,plain ascii text,source\n"] * 9000
    lines.append("2026-03-11,Grüße aus Köln,Stimme\n")
    data = "".join(lines).encode("cp1252")
    assert len(data) > SAMPLE_BYTES
    path = tmp_path / "late_umlauts.csv"
    path.write_bytes(data)
    imported = load(path)
    assert imported.encoding == "cp1252"
    assert imported.data["text"].iloc[-1] == "Grüße aus Köln"
    assert imported.rows == 2, "identical rows are duplicates"


def test_excel_sep_line_sets_the_delimiter(tmp_path: Path) -> None:
    """An Excel ``sep=;`` first line fixes the delimiter and is not taken as the header."""
    path = tmp_path / "hinted.csv"
    path.write_text("sep=;\ndate;text;reach\n2026-03-10;a, b and c;5\n", encoding="utf-8")
    imported = load(path)
    assert imported.delimiter == ";"
    assert imported.header_row == 2
    assert imported.data["text"].tolist() == ["a, b and c"]


def test_header_below_a_preamble(tmp_path: Path) -> None:
    """Report lines above the header are skipped and the header row is reported."""
    path = tmp_path / "preamble.csv"
    path.write_text(
        "Monitoring export\nCreated: 2026-07-15\n\ndate,text,source\n2026-07-14,Hallberg,x\n",
        encoding="utf-8",
    )
    imported = load(path)
    assert imported.header_row == 4
    assert imported.data["text"].tolist() == ["Hallberg"]


def test_trailing_delimiters_do_not_shift_columns(tmp_path: Path) -> None:
    """Rows ending in an extra delimiter keep their values in the right columns."""
    path = tmp_path / "trailing.csv"
    path.write_text("date;text;reach;\n2026-07-14;Hallberg;5;\n2026-07-15;Norder;6;;\n", encoding="utf-8")
    data = load(path).data
    assert data["text"].tolist() == ["Hallberg", "Norder"]
    assert data["reach"].tolist() == [5, 6]


def test_whitespace_around_header_names(tmp_path: Path) -> None:
    """Header cells with stray spaces, case differences or a BOM still match."""
    path = tmp_path / "spaces.csv"
    path.write_bytes("\ufeff Date , TEXT ,Source\n2026-07-14,Hallberg,x\n".encode())
    assert load(path).data["text"].tolist() == ["Hallberg"]


def test_file_not_named_csv(tmp_path: Path) -> None:
    """Detection goes by content: a .txt export and a workbook named .csv are read."""
    path = tmp_path / "export.txt"
    path.write_text("date\ttext\tsource\n2026-07-14\tHallberg\tx\n", encoding="utf-8")
    assert load(path).data["text"].tolist() == ["Hallberg"]
    workbook = Path(__file__).parents[1] / "data/importers/cases/linkedin_followers.xlsx"
    renamed = tmp_path / "followers.csv"
    renamed.write_bytes(workbook.read_bytes())
    assert load(renamed).rows == 3
