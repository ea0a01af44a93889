"""The format registry: registering a format is enough for detection and loading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import smtoolkit.importers as importers
from smtoolkit.errors import ConfigError
from smtoolkit.importers import (
    ColumnMapFormat,
    Field,
    Kind,
    Table,
    formats,
    get_format,
    load,
    register,
    unregister,
)

PUBLIC_API = [
    "DATA_SUFFIXES",
    "DEFAULT_TZ",
    "SCHEMAS",
    "Column",
    "ColumnMapFormat",
    "Dropped",
    "Field",
    "FileError",
    "FolderImport",
    "Format",
    "Header",
    "Imported",
    "InspectReport",
    "Kind",
    "Table",
    "TableReport",
    "empty_frame",
    "format_report",
    "formats",
    "get_format",
    "inspect_file",
    "is_reverse_coded",
    "load",
    "load_all",
    "cached_folder",
    "data_signature",
    "load_folder",
    "register",
    "survey_items",
    "survey_scales",
    "unregister",
]


def test_public_api_is_pinned() -> None:
    """The importers package exports exactly the documented names."""
    assert sorted(importers.__all__) == sorted(PUBLIC_API)
    for name in PUBLIC_API:
        assert hasattr(importers, name)


def _finish(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    frame["format"] = "video"
    return frame


@pytest.fixture
def vimeo() -> Iterator[ColumnMapFormat]:
    """A made-up extra format, registered for one test and removed afterwards."""
    fmt = ColumnMapFormat(
        name="vimeo_videos",
        label="Vimeo video export",
        kind=Kind.POSTS,
        platform="other",  # the shared vocabulary has no Vimeo: such platforms are "other"
        fields=[
            Field("post_id", ("Video ID",), "id", required=True),
            Field("published_at", ("Upload date",), "datetime", required=True),
            Field("video_views", ("Plays",), "int"),
        ],
        signature=[("Video ID",), ("Upload date",), ("Plays",), ("Finishes",)],
        min_signature=3,
        finish=_finish,
    )
    register(fmt)
    yield fmt
    unregister(fmt.name)


def test_registered_format_is_detected_and_loaded(vimeo: ColumnMapFormat, tmp_path: Path) -> None:
    """One register() call makes a new format detectable from its header and loadable."""
    path = tmp_path / "vimeo.csv"
    path.write_text(
        'Video ID,Title,Upload date,Plays,Finishes\nv1,Montage,2026-07-14,"1,200",300\n', encoding="utf-8"
    )
    imported = load(path)
    assert imported.format is vimeo
    assert imported.data[["platform", "post_id", "format"]].iloc[0].tolist() == [
        "other",
        "v1",
        "video",
    ]
    assert imported.data["video_views"].tolist() == [1200]
    assert get_format("vimeo_videos") is vimeo


def test_duplicate_registration_is_refused(vimeo: ColumnMapFormat) -> None:
    """Registering a second format under a taken name raises ConfigError."""
    with pytest.raises(ConfigError, match="'vimeo_videos' is registered already"):
        register(vimeo)
    register(vimeo, replace=True)


def test_unknown_format_name() -> None:
    """get_format with an unknown name lists the known ones."""
    with pytest.raises(ConfigError, match="unknown import format 'nope'; known formats: "):
        get_format("nope")


def test_builtin_formats_are_described() -> None:
    """Every built-in format has a name, label, kind and detection rule for the docs."""
    names = [f.name for f in formats()]
    assert len(names) == len(set(names)) >= 14
    for fmt in formats():
        assert fmt.label and fmt.rule and isinstance(fmt.kind, Kind)


def test_docs_describe_every_builtin_format() -> None:
    """docs/data-formats.md names every built-in format and every schema column."""
    docs = (Path(__file__).parents[2] / "docs" / "data-formats.md").read_text(encoding="utf-8")
    for fmt in formats():
        assert f"`{fmt.name}`" in docs, fmt.name
    for columns in importers.SCHEMAS.values():
        for column in columns:
            assert f"`{column.name}`" in docs, column.name
