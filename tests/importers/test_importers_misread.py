"""Never a silent misread: ambiguities, wrong shapes, bad rows and what inspect says about them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smtoolkit.errors import DataImportError
from smtoolkit.importers import (
    ColumnMapFormat,
    Field,
    Kind,
    format_report,
    inspect_file,
    load,
    load_folder,
    register,
    unregister,
)
from smtoolkit.importers.registry import normalize_header

from .helpers import REPO

REAL = REPO / "tests" / "data" / "real"
MENTIONS = "date,source,text,reach\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_date_pandas_cannot_hold_drops_only_its_row(tmp_path: Path) -> None:
    """A mention dated 1500 or 3000 is left out and named; the other rows are read."""
    path = _write(
        tmp_path,
        "mentions.csv",
        MENTIONS + "2026-03-10,heise.de,eins,10\n1500-01-01,alt.de,zwei,20\n"
        "2026-03-11,taz.de,drei,30\n3000-01-01,neu.de,vier,40\n",
    )
    imported = load(path)
    assert list(imported.data["text"]) == ["eins", "drei"]
    dropped = {d.reason: d.rows for d in imported.dropped}
    assert dropped == {"row with a date before 1677 or after 2262": (3, 5)}
    assert "2 rows with a date before 1677 or after 2262 (rows 3, 5)" in format_report(inspect_file(path))


def test_negative_reach_is_cleared_and_reported_per_row(tmp_path: Path) -> None:
    """A negative reach is never taken as it is: the value is cleared, the row kept and named."""
    path = _write(tmp_path, "mentions.csv", MENTIONS + "2026-03-10,a.de,eins,-120\n2026-03-11,b.de,zwei,40\n")
    imported = load(path)
    assert list(imported.data["reach"].astype("Float64")) == [None, 40] or (
        imported.data["reach"].isna().tolist() == [True, False]
    )
    assert [(d.reason, d.rows) for d in imported.cleared] == [("negative reach value cleared", (2,))]
    assert "cleared: 1 negative reach value cleared (row 2: '-120')" in format_report(inspect_file(path))


def test_negative_followers_are_cleared_but_net_changes_kept(tmp_path: Path) -> None:
    """Follower totals below zero are cleared; a negative daily difference is a real loss and stays."""
    path = _write(
        tmp_path,
        "FollowerHistory_2026-02-28.csv",
        '"Date","Followers","Difference in followers from previous day"\n'
        '"February 26","5010","-1"\n"February 27","-3","3"\n',
    )
    data = load(path).data
    assert data["new_followers"].tolist() == [-1, 3]
    assert data["followers"].isna().tolist() == [False, True]


@pytest.fixture
def twin() -> Iterator[None]:
    """A second format that fits the generic mentions CSV exactly as well."""
    fmt = ColumnMapFormat(
        name="twin_mentions",
        label="twin mentions CSV",
        kind=Kind.MENTIONS,
        fields=[Field("published_at", ("date",), "datetime", required=True), Field("text", ("text",))],
        signature=[("date",), ("text",), ("source",), ("reach",)],
        anchors=[("date",), ("text",)],
        min_signature=3,
    )
    register(fmt)
    yield
    unregister("twin_mentions")


def test_two_formats_that_fit_equally_are_an_ambiguity(tmp_path: Path, twin: None) -> None:
    """Detection scores every format; a tie names both formats and what tells them apart."""
    path = _write(tmp_path, "mentions.csv", MENTIONS + "2026-03-10,a.de,eins,1\n")
    with pytest.raises(DataImportError) as raised:
        load(path)
    message = str(raised.value)
    assert "fits two formats equally well" in message
    assert "generic_mentions" in message and "twin_mentions" in message
    assert "What tells them apart" in message


def test_many_rows_per_post_are_refused(tmp_path: Path) -> None:
    """A post table with each post id on many rows (a daily series) is refused, not read as posts."""
    rows = "".join(
        f'"{post}","7","Hallberg","2026-07-{day:02d}T10:00:00","https://fb.com/{post}","Foto"\n'
        for post in ("1_1", "1_2")
        for day in range(1, 6)
    )
    path = _write(
        tmp_path,
        "posts.csv",
        '"Post ID","Page ID","Page name","Publish time","Permalink","Post type"\n' + rows,
    )
    with pytest.raises(DataImportError) as raised:
        load(path)
    assert "10 rows for 2 different post ids" in str(raised.value)
    assert "daily series" in str(raised.value)


def test_inspect_names_used_and_ignored_columns() -> None:
    """Inspect lists each column read with the field it feeds, and the columns left aside."""
    text = format_report(inspect_file(REAL / "youtube_de_Tabellendaten.csv"))
    assert "columns used: Video → post_id, Videotitel → text," in text
    assert "columns ignored: Wiedergabezeit (Stunden), Abonnenten, Klickrate der Impressionen (%)" in text


def test_invisible_characters_do_not_change_a_header() -> None:
    """Soft hyphens, zero-width characters and non-breaking spaces are ignored in headers."""
    assert normalize_header("Vi\u00adde\u00adoti\u200btel") == "videotitel"
    assert normalize_header("Total\u00a0views\u2060") == "total views"


def test_recognised_unsupported_exports_are_skipped_in_a_folder(tmp_path: Path) -> None:
    """Chart data beside table data is skipped with its reason; it fails no check."""
    for name in ("youtube_de_Diagrammdaten.csv", "youtube_de_Tabellendaten.csv"):
        (tmp_path / name).write_bytes((REAL / name).read_bytes())
    folder = load_folder(tmp_path)
    assert folder.ok and len(folder.frame(Kind.POSTS)) == 19
    assert [e.format for e in folder.skipped] == ["youtube_chart_data"]
    assert "one row per video and day" in folder.skipped[0].message


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("youtube_Table data_traffic_source.csv", "YouTube Studio table by another dimension"),
        ("Facebook_Page_visits_2026-07-01_2026-07-02.csv", "daily export of another metric"),
    ],
)
def test_known_exports_of_other_metrics_are_named_not_guessed(name: str, phrase: str) -> None:
    """A YouTube table by traffic source or a Meta daily export of page visits is named and refused."""
    with pytest.raises(DataImportError) as raised:
        load(REPO / "tests" / "data" / "importers" / "unsupported" / name)
    assert phrase in str(raised.value) and "does not import" in str(raised.value)
