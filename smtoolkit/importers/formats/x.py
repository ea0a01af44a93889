"""X (Twitter) analytics exports: the legacy tweet activity CSV and the current one.

The daily export (``daily_tweet_activity_metrics_<handle>_<from>_<to>_en.csv``) has
one row per day (``Date``, ``Tweets published``, ``impressions``, ...): page metrics.
The legacy export (``tweet_activity_metrics_<handle>_<from>_<to>_en.csv``) has
lower-case headers (``Tweet id``, ``time``, ``impressions``, ...) and times like
``2019-05-01 14:30 +0000``.  The current export
(``account_analytics_content_<from>_<to>.csv``) has ``Post id``, ``Date`` with dates
like ``Tue, Jul 14, 2026`` (no time of day), ``Post text`` and ``Post Link``.
"""

from __future__ import annotations

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import register
from smtoolkit.importers.schemas import Kind

__all__ = ["X_CONTENT", "X_DAILY", "X_LEGACY"]


X_LEGACY = register(
    ColumnMapFormat(
        name="x_tweet_activity",
        label="X (Twitter) legacy tweet activity export",
        kind=Kind.POSTS,
        platform="x_twitter",
        fields=[
            Field("post_id", ("Tweet id",), "id", required=True),
            Field("url", ("Tweet permalink",)),
            Field("text", ("Tweet text",)),
            Field("published_at", ("time",), "datetime", required=True),
            Field("impressions", ("impressions",), "int"),
            Field("reactions", ("likes", "favorites"), "int"),
            Field("comments", ("replies",), "int"),
            Field("shares", ("retweets",), "int"),
            Field("clicks", ("url clicks",), "int"),
            Field("video_views", ("media views",), "int"),
        ],
        signature=[
            ("Tweet id",),
            ("Tweet permalink",),
            ("Tweet text",),
            ("time",),
            ("impressions",),
            ("engagements",),
            ("retweets",),
        ],
        anchors=[("Tweet id",)],
        min_signature=4,
        dayfirst=False,
        decimal=".",
    )
)

X_CONTENT = register(
    ColumnMapFormat(
        name="x_account_analytics_content",
        label="X analytics content export",
        kind=Kind.POSTS,
        platform="x_twitter",
        fields=[
            Field("post_id", ("Post id",), "id", required=True),
            Field("published_at", ("Date",), "datetime", required=True),
            Field("text", ("Post text",)),
            Field("url", ("Post Link",)),
            Field("impressions", ("Impressions",), "int"),
            Field("reactions", ("Likes",), "int"),
            Field("comments", ("Replies",), "int"),
            Field("shares", ("Reposts",), "int"),
            Field("saves", ("Bookmarks",), "int"),
            Field("clicks", ("URL Clicks",), "int"),
        ],
        signature=[
            ("Post id",),
            ("Date",),
            ("Post text",),
            ("Post Link",),
            ("Impressions",),
            ("Engagements",),
            ("Bookmarks",),
            ("Reposts",),
        ],
        anchors=[("Post id",)],
        min_signature=5,
        dayfirst=False,
        decimal=".",
    )
)

X_DAILY = register(
    ColumnMapFormat(
        name="x_daily_tweet_activity",
        label="X (Twitter) daily tweet activity export",
        kind=Kind.PAGE_METRICS,
        platform="x_twitter",
        fields=[
            Field("date", ("Date",), "date", required=True),
            Field("impressions", ("impressions",), "int"),
            Field("reactions", ("likes", "favorites"), "int"),
            Field("comments", ("replies",), "int"),
            Field("shares", ("retweets",), "int"),
            Field("clicks", ("url clicks",), "int"),
            Field("engagement_rate", ("engagement rate",), "float"),
        ],
        signature=[
            ("Date",),
            ("Tweets published",),
            ("impressions",),
            ("engagements",),
            ("engagement rate",),
            ("retweets",),
            ("replies",),
        ],
        anchors=[("Date",), ("Tweets published",)],
        min_signature=4,
        dayfirst=False,
        decimal=".",
    )
)
