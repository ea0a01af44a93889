"""The real-export corpus: every file in tests/data/real reads (or is refused) as expected.

Dropping ``<name>.<ext>`` and ``<name>.expected.json`` into that folder adds a case.  The
expected file names the source and lists cases: each reads the file under its own name
or under ``as_name`` (the name a consultant gives it, e.g. with the export day) and
expects either tables (format, kind, row count counted by hand, first and last date,
dropped rows per reason) or a refusal whose message holds every given phrase.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from smtoolkit.errors import DataImportError
from smtoolkit.importers import format_report, inspect_file, load

from .helpers import REPO

REAL = REPO / "tests" / "data" / "real"
EXPECTED = sorted(REAL.glob("*.expected.json"))


def _data_file(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    matches = [p for p in REAL.iterdir() if p.stem == stem and p.suffix != ".json"]
    assert len(matches) == 1, f"{expected.name}: expected one data file named {stem}.*"
    return matches[0]


def _cases() -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in EXPECTED:
        spec = json.loads(path.read_text(encoding="utf-8"))
        assert {"repo", "commit", "path", "licence"} <= set(spec["source"]), path.name
        found += [(path, case) for case in spec["cases"]]
    return found


def _day(value: Any) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%d")


@pytest.mark.parametrize(
    ("expected_path", "case"),
    _cases(),
    ids=lambda v: v.name.split(".")[0] if isinstance(v, Path) else v.get("as_name", "as exported"),
)
def test_real_export_reads_as_expected(expected_path: Path, case: dict[str, Any], tmp_path: Path) -> None:
    """Each real export gives the expected format, kind, row count and dates, or a clear refusal."""
    source = _data_file(expected_path)
    path = tmp_path / case.get("as_name", source.name)
    shutil.copyfile(source, path)
    if "refused" in case:
        with pytest.raises(DataImportError) as raised:
            inspect_file(path)
        for phrase in case["refused"]:
            assert phrase in str(raised.value)
        assert "bug in smtoolkit" not in str(raised.value)
        return
    report = inspect_file(path)
    got = [
        {
            "format": t.format_name,
            "kind": t.kind.value,
            "rows": t.rows,
            "dates": [_day(d) for d in t.date_range] if t.date_range else [None, None],
            "dropped": {d.reason: d.count for d in t.dropped},
        }
        for t in report.tables
    ]
    assert got == case["tables"]
    assert "columns used:" in format_report(report)


def test_year_less_tiktok_dates_match_the_video_ids(tmp_path: Path) -> None:
    """TikTok's 'July 16' gets the year the video id encodes (its upper 32 bits are the upload time)."""
    path = tmp_path / "Content 2026-02-28.csv"
    shutil.copyfile(REAL / "tiktok_Content.csv", path)
    posts = load(path).data
    for post_id, published in zip(posts["post_id"], posts["published_at"], strict=True):
        uploaded = dt.datetime.fromtimestamp(int(post_id) >> 32, tz=dt.UTC)
        assert abs(published.tz_convert("UTC") - uploaded) < dt.timedelta(days=2), post_id


def test_youtube_rows_without_publish_time_are_kept_and_ids_trimmed() -> None:
    """Videos YouTube lists without title or publish time are kept; ' -abc' ids lose the space."""
    posts = load(REAL / "youtube_de_Tabellendaten_without_details.csv").data
    assert len(posts) == 8
    assert posts["published_at"].isna().all()
    assert "-td1OgsnW1k" in set(posts["post_id"])
    german = load(REAL / "youtube_de_Tabellendaten.csv").data
    assert german["published_at"].isna().sum() == 1
    assert int(german.loc[german["post_id"] == "50KfgObDrEI", "video_views"].iloc[0]) == 91116


def test_every_real_file_has_an_expectation() -> None:
    """No file sits in the corpus without its expectation (and its source)."""
    data = {p.stem for p in REAL.iterdir() if p.suffix not in (".json", ".py", ".md")}
    assert data == {p.name.removesuffix(".expected.json") for p in EXPECTED}
