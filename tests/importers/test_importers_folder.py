"""Loading a whole data folder: per-file results, errors collected, frames per kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smtoolkit.errors import DataImportError
from smtoolkit.importers import Kind, load_folder

from .helpers import BAD, CASES


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with good exports, bad files and a file that is not data."""
    folder = tmp_path / "data"
    (folder / "monitoring").mkdir(parents=True)
    for name in (
        "meta_facebook_posts_en.csv",
        "youtube_table_data.csv",
        "linkedin_content.xlsx",
        "survey_de.csv",
    ):
        shutil.copy(CASES / name, folder / name)
    shutil.copy(CASES / "meltwater.csv", folder / "monitoring" / "meltwater.csv")
    shutil.copy(CASES / "brandwatch.csv", folder / "monitoring" / "brandwatch.csv")
    shutil.copy(BAD / "bad_likert.csv", folder / "bad_survey.csv")
    shutil.copy(BAD / "unknown_format.csv", folder / "notes.csv")
    (folder / "README.md").write_text("Exports from the client, July 2026.\n")
    (folder / "~$linkedin_content.xlsx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    return folder


def test_folder_reads_every_good_file_and_collects_errors(data_dir: Path) -> None:
    """Good files are imported, bad ones become per-file errors, nothing is raised."""
    result = load_folder(data_dir)
    assert not result.ok
    names = sorted((t.path.name, t.kind.value) for t in result.imported)
    assert names == [
        ("brandwatch.csv", "mentions"),
        ("linkedin_content.xlsx", "page_metrics"),
        ("linkedin_content.xlsx", "posts"),
        ("meltwater.csv", "mentions"),
        ("meta_facebook_posts_en.csv", "posts"),
        ("survey_de.csv", "survey"),
        ("youtube_table_data.csv", "posts"),
    ]
    errors = {e.path.name: e for e in result.errors}
    assert sorted(errors) == ["bad_survey.csv", "notes.csv"]
    assert errors["bad_survey.csv"].kind is Kind.SURVEY
    assert "cannot read '7' as a Likert answer" in errors["bad_survey.csv"].message
    assert errors["notes.csv"].kind is None
    assert "unknown file format" in errors["notes.csv"].message
    assert [p.name for p in result.ignored] == ["README.md"]


def test_errors_for_a_kind_include_unknown_files_only(data_dir: Path) -> None:
    """A check sees errors of its own kind plus unknown files, not other kinds' errors."""
    result = load_folder(data_dir)
    assert sorted(e.path.name for e in result.errors_for("survey")) == [
        "bad_survey.csv",
        "notes.csv",
    ]
    assert [e.path.name for e in result.errors_for("posts")] == ["notes.csv"]


def test_frame_combines_all_files_of_a_kind(data_dir: Path) -> None:
    """frame(kind) concatenates the tables of that kind in the schema's dtypes."""
    result = load_folder(data_dir)
    posts = result.frame("posts")
    assert sorted(posts["platform"].unique()) == ["facebook", "linkedin", "youtube"]
    assert len(posts) == 3 + 2 + 2
    assert str(posts["published_at"].dtype) == "datetime64[ns, Europe/Berlin]"
    mentions = result.frame(Kind.MENTIONS)
    assert len(mentions) == 4 + 3
    assert result.frame("followers").empty
    assert list(result.frame("followers").columns) == [
        "platform",
        "date",
        "followers",
        "new_followers",
    ]


def test_kind_filter_reads_only_that_kind(data_dir: Path) -> None:
    """load_folder(kind=...) imports only that kind but still reports unknown files."""
    result = load_folder(data_dir, kind="mentions")
    assert sorted(t.path.name for t in result.imported) == ["brandwatch.csv", "meltwater.csv"]
    assert [e.path.name for e in result.errors] == ["notes.csv"]


def test_missing_folder_is_empty(tmp_path: Path) -> None:
    """An engagement without a data folder has no data and no errors."""
    result = load_folder(tmp_path / "nothing")
    assert result.ok
    assert result.imported == ()
    assert result.frame("mentions").empty


def test_a_file_instead_of_a_folder_is_an_error(tmp_path: Path) -> None:
    """Passing a file where the data folder belongs raises a clear error."""
    path = tmp_path / "data"
    path.write_text("x")
    with pytest.raises(DataImportError, match="is a file, not a data folder"):
        load_folder(path)
