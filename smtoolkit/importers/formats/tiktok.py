"""TikTok Studio exports (Analytics > Download data), one CSV per tab.

* ``Content.csv``: one row per video: ``Video title``, ``Video link``, ``Post time`` and
  ``Total ...`` metric columns (views, likes, comments, shares).  The video id is taken
  from the link.  Newer exports add a ``Time`` column (the export day).
* ``Overview.csv``: one row per day: ``Date``, ``Video Views``, ``Profile Views``,
  ``Likes``, ``Comments``, ``Shares``; read as daily page metrics.
* ``Viewers.csv``: one row per day: ``Date``, ``Total Viewers``, ``New Viewers``,
  ``Returning Viewers``; total viewers become unique impressions (page metrics).
* ``FollowerHistory.csv``: one row per day: ``Date``, ``Followers``, ``Difference in
  followers from previous day``.
* ``FollowerActivity.csv`` (followers online per hour), ``FollowerGender.csv`` and
  ``FollowerTopTerritories.csv`` (shares of the audience) are recognised and not imported.

TikTok writes dates without a year (``July 16``, ``February 28``); they are dated from
the file's name (see :class:`~smtoolkit.importers.dates.DateContext`).  Days without a
figure say ``undefined``, read as missing.
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Table, register
from smtoolkit.importers.schemas import Kind

from ._common import id_from_url

__all__ = [
    "TIKTOK_AUDIENCE",
    "TIKTOK_FOLLOWERS",
    "TIKTOK_FOLLOWER_ACTIVITY",
    "TIKTOK_OVERVIEW",
    "TIKTOK_POSTS",
    "TIKTOK_VIEWERS",
]


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

TIKTOK_OVERVIEW = register(
    ColumnMapFormat(
        name="tiktok_overview",
        label="TikTok overview export (daily account figures)",
        kind=Kind.PAGE_METRICS,
        platform="tiktok",
        fields=[
            Field("date", ("Date",), "date", required=True),
            Field("impressions", ("Video Views",), "int"),
            Field("reactions", ("Likes",), "int"),
            Field("comments", ("Comments",), "int"),
            Field("shares", ("Shares",), "int"),
        ],
        signature=[("Date",), ("Video Views",), ("Profile Views",), ("Likes",), ("Comments",), ("Shares",)],
        anchors=[("Date",), ("Video Views",), ("Profile Views",)],
        min_signature=4,
        dayfirst=False,
        decimal=".",
    )
)

TIKTOK_VIEWERS = register(
    ColumnMapFormat(
        name="tiktok_viewers",
        label="TikTok viewers export (daily viewers)",
        kind=Kind.PAGE_METRICS,
        platform="tiktok",
        fields=[
            Field("date", ("Date",), "date", required=True),
            Field("unique_impressions", ("Total Viewers",), "int"),
        ],
        signature=[("Date",), ("Total Viewers",), ("New Viewers",), ("Returning Viewers",)],
        anchors=[("Date",), ("Total Viewers",)],
        min_signature=3,
        dayfirst=False,
        decimal=".",
    )
)

TIKTOK_FOLLOWERS = register(
    ColumnMapFormat(
        name="tiktok_follower_history",
        label="TikTok follower history export",
        kind=Kind.FOLLOWERS,
        platform="tiktok",
        fields=[
            Field("date", ("Date",), "date", required=True),
            Field("followers", ("Followers",), "int"),
            Field("new_followers", ("Difference in followers from previous day",), "int"),
        ],
        signature=[("Date",), ("Followers",), ("Difference in followers from previous day",)],
        anchors=[("Date",), ("Difference in followers from previous day",)],
        min_signature=3,
        dayfirst=False,
        decimal=".",
    )
)

TIKTOK_FOLLOWER_ACTIVITY = register(
    ColumnMapFormat(
        name="tiktok_follower_activity",
        label="TikTok follower activity export (followers online per hour)",
        kind=Kind.FOLLOWERS,
        platform="tiktok",
        fields=[Field("date", ("Date",), "date", required=True)],
        signature=[("Date",), ("Hour",), ("Active followers",)],
        anchors=[("Active followers",)],
        min_signature=3,
        unsupported="it counts followers online per hour of the day, not followers per day; "
        "import FollowerHistory.csv for the follower numbers",
    )
)

TIKTOK_AUDIENCE = register(
    ColumnMapFormat(
        name="tiktok_audience_shares",
        label="TikTok audience export (shares of followers or viewers by gender or territory)",
        kind=Kind.FOLLOWERS,
        platform="tiktok",
        fields=[Field("date", ("Gender", "Top territories"), "text", required=True)],
        signature=[("Gender", "Top territories"), ("Distribution",)],
        anchors=[("Gender", "Top territories"), ("Distribution",)],
        min_signature=2,
        unsupported="it holds shares of the audience (by gender or territory), not figures over time",
    )
)
