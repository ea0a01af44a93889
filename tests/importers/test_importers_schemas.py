"""The normalized schemas: columns, dtypes and survey helpers."""

from __future__ import annotations

import pytest

from smtoolkit.importers import (
    SCHEMAS,
    Kind,
    empty_frame,
    is_reverse_coded,
    load,
    survey_items,
    survey_scales,
)

from .helpers import CASES

DTYPES = {
    "string": "string",
    "Int64": "Int64",
    "Float64": "Float64",
    "datetime": "datetime64[ns, Europe/Berlin]",
    "date": "datetime64[ns]",
}


@pytest.mark.parametrize("kind", list(Kind))
def test_empty_frame_has_schema_columns_and_dtypes(kind: Kind) -> None:
    """empty_frame gives every schema column in order with its documented dtype."""
    frame = empty_frame(kind)
    assert list(frame.columns) == [c.name for c in SCHEMAS[kind]]
    assert [str(t) for t in frame.dtypes] == [DTYPES[c.dtype] for c in SCHEMAS[kind]]


@pytest.mark.parametrize(
    "name, kind",
    [
        ("meta_instagram_posts_en.csv", Kind.POSTS),
        ("meltwater.csv", Kind.MENTIONS),
        ("meta_follows_facebook.csv", Kind.FOLLOWERS),
        ("linkedin_metrics_de.csv", Kind.PAGE_METRICS),
        ("survey_de.csv", Kind.SURVEY),
    ],
)
def test_imported_data_has_schema_dtypes(name: str, kind: Kind) -> None:
    """Imported frames carry exactly the schema's columns and dtypes (surveys plus items)."""
    data = load(CASES / name).data
    fixed = [c.name for c in SCHEMAS[kind]]
    assert list(data.columns[: len(fixed)]) == fixed
    for column in SCHEMAS[kind]:
        assert str(data[column.name].dtype) == DTYPES[column.dtype], column.name
        if column.required:
            assert data[column.name].notna().all()


def test_survey_items_scales_and_reverse_coding() -> None:
    """Survey item columns group into scales; the suffix _r marks reverse-coded items."""
    data = load(CASES / "survey_de.csv").data
    assert survey_items(data.columns) == [
        "attitude_1",
        "attitude_2",
        "attitude_3_r",
        "knowledge_1",
        "knowledge_2",
        "usage_1",
    ]
    assert survey_scales(data.columns) == {
        "attitude": ["attitude_1", "attitude_2", "attitude_3_r"],
        "knowledge": ["knowledge_1", "knowledge_2"],
        "usage": ["usage_1"],
    }
    assert is_reverse_coded("attitude_3_r")
    assert not is_reverse_coded("attitude_1")
    assert str(data["attitude_3_r"].dtype) == "Int64"
