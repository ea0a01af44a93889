"""TikTok post export (TikTok Studio > Analytics > Content > Download data).

One row per video: ``Video title``, ``Video link``, ``Post time`` and ``Total ...``
metric columns (views, likes, comments, shares).  The video id is taken from the link.
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Table, register
from smtoolkit.importers.schemas import Kind

from ._common import id_from_url

__all__ = ["TIKTOK_POSTS"]


def _finish(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    frame["post_id"] = id_from_url(frame["url"], r"/video/(\d+)")
    frame["format"] = "video"
    return frame


TIKTOK_POSTS = register(
    ColumnMapFormat(
        name="tiktok_posts",
        label="TikTok post export",
        kind=Kind.POSTS,
        platform="tiktok",
        fields=[
            Field("url", ("Video link",), "id", required=True),
            Field("text", ("Video title",)),
            Field("published_at", ("Post time",), "datetime", required=True),
            Field("video_views", ("Total views",), "int"),
            Field("reactions", ("Total likes",), "int"),
            Field("comments", ("Total comments",), "int"),
            Field("shares", ("Total shares",), "int"),
            Field("saves", ("Total saves", "Add to Favorites"), "int"),
        ],
        signature=[
            ("Video title",),
            ("Video link",),
            ("Post time",),
            ("Total views",),
            ("Total likes",),
            ("Total comments",),
            ("Total shares",),
        ],
        anchors=[("Video link",)],
        min_signature=4,
        dayfirst=False,
        decimal=".",
        finish=_finish,
    )
)
