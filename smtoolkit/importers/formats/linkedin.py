"""LinkedIn page exports (Analytics > Export): content and followers workbooks.

The content export is a workbook with a ``Metrics`` sheet (one row per day) and an
``All posts`` sheet (one row per post); both start with a description line above the
header.  The followers export has a ``New followers`` sheet (one row per day) plus
demographic sheets (location, job function, ...), which are not imported.  Exports are
.xls or .xlsx; a sheet saved as CSV is read the same way.  Older exports say
``Update title``/``Update link`` instead of ``Post title``/``Post link`` and ``Shares``
instead of ``Reposts``.  Dates are US style (``07/14/2026``).
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Table, register
from smtoolkit.importers.schemas import Kind

from ._common import id_from_url, normalize_post_format

__all__ = ["LINKEDIN_FOLLOWERS", "LINKEDIN_METRICS", "LINKEDIN_POSTS"]

_LINK = ("Post link", "Update link")
_TITLE = ("Post title", "Update title")
_CREATED = ("Created date", "Date created")


def _finish_posts(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    frame["post_id"] = id_from_url(frame["url"], r"(?:activity|share|ugcPost)(?::|%3A)(\d+)")
    if "format" in frame.columns:
        frame["format"] = normalize_post_format(frame["format"])
    return frame


LINKEDIN_POSTS = register(
    ColumnMapFormat(
        name="linkedin_posts",
        label="LinkedIn page content export, posts sheet",
        kind=Kind.POSTS,
        platform="linkedin",
        fields=[
            Field("url", _LINK, "id", required=True),
            Field("text", _TITLE),
            Field("published_at", _CREATED, "datetime", required=True),
            Field("format", ("Content Type", "Content type")),
            Field("impressions", ("Impressions",), "int"),
            Field("video_views", ("Views (excluding off-site video views)", "Video views", "Views"), "int"),
            Field("clicks", ("Clicks",), "int"),
            Field("reactions", ("Likes", "Reactions"), "int"),
            Field("comments", ("Comments",), "int"),
            Field("shares", ("Reposts", "Shares"), "int"),
        ],
        signature=[
            _TITLE,
            _LINK,
            ("Post type", "Update type"),
            _CREATED,
            ("Impressions",),
            ("Clicks",),
            ("Click through rate (CTR)",),
            ("Engagement rate",),
        ],
        anchors=[_LINK],
        min_signature=4,
        dayfirst=False,
        decimal=".",
        finish=_finish_posts,
    )
)

LINKEDIN_METRICS = register(
    ColumnMapFormat(
        name="linkedin_metrics",
        label="LinkedIn page content export, daily metrics sheet",
        kind=Kind.PAGE_METRICS,
        platform="linkedin",
        fields=[
            Field("date", ("Date",), "date", required=True),
            Field("impressions", ("Impressions (total)",), "int"),
            Field("unique_impressions", ("Unique impressions (organic)",), "int"),
            Field("clicks", ("Clicks (total)",), "int"),
            Field("reactions", ("Reactions (total)",), "int"),
            Field("comments", ("Comments (total)",), "int"),
            Field("shares", ("Reposts (total)", "Shares (total)"), "int"),
            Field("engagement_rate", ("Engagement rate (total)",), "float"),
        ],
        signature=[
            ("Impressions (organic)",),
            ("Impressions (total)",),
            ("Unique impressions (organic)",),
            ("Clicks (total)",),
            ("Reactions (total)",),
            ("Comments (total)",),
            ("Reposts (total)", "Shares (total)"),
            ("Engagement rate (total)",),
        ],
        anchors=[("Date",)],
        min_signature=4,
        dayfirst=False,
        decimal=".",
    )
)

LINKEDIN_FOLLOWERS = register(
    ColumnMapFormat(
        name="linkedin_followers",
        label="LinkedIn page followers export, new followers sheet",
        kind=Kind.FOLLOWERS,
        platform="linkedin",
        fields=[
            Field("date", ("Date",), "date", required=True),
            Field("new_followers", ("Total followers",), "int"),
        ],
        signature=[
            ("Date",),
            ("Sponsored followers",),
            ("Organic followers",),
            ("Auto-invited followers",),
            ("Total followers",),
        ],
        anchors=[("Date",)],
        min_signature=4,
        dayfirst=False,
    )
)
