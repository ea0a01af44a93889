"""YouTube Studio ``Table data.csv`` (Analytics > Advanced mode > Export > CSV).

One row per video: ``Content`` (the video id), ``Video title``, ``Video publish time``
(``Jul 14, 2026``) and the metric columns ticked in Studio.  The first data row is a
``Total`` row over all videos; it is dropped as a summary row.
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Table, register
from smtoolkit.importers.schemas import Kind

__all__ = ["YOUTUBE_VIDEOS"]


def _finish(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    frame["url"] = "https://www.youtube.com/watch?v=" + frame["post_id"]
    frame["format"] = "video"
    return frame


YOUTUBE_VIDEOS = register(
    ColumnMapFormat(
        name="youtube_table_data",
        label="YouTube Studio table data export",
        kind=Kind.POSTS,
        platform="youtube",
        fields=[
            Field("post_id", ("Content",), "id", required=True),
            Field("text", ("Video title",)),
            Field("published_at", ("Video publish time",), "datetime", required=True),
            Field("video_views", ("Views",), "int"),
            Field("impressions", ("Impressions",), "int"),
            Field("reactions", ("Likes",), "int"),
            Field("comments", ("Comments added",), "int"),
            Field("shares", ("Shares",), "int"),
        ],
        signature=[
            ("Content",),
            ("Video title",),
            ("Video publish time",),
            ("Views",),
            ("Watch time (hours)",),
            ("Impressions",),
            ("Subscribers",),
        ],
        anchors=[("Video title",)],
        min_signature=4,
        dayfirst=False,
        decimal=".",
        finish=_finish,
    )
)
