"""Legacy Facebook Insights exports ("Export Data" on the old Page Insights), post and page level.

Both come as CSV, .xlsx or as ``.xls`` that is really Excel 2003 XML (SpreadsheetML; read
by :mod:`smtoolkit.importers.spreadsheetml`).  Under the header is a row of metric
descriptions (``Lifetime: The total number of people your Page post was served to.
(Unique Users)``); it is dropped and reported as a description row.

* Post level: one row per post: ``Post ID``, ``Permalink``, ``Post Message``, ``Type``,
  ``Posted`` (``10/1/2015 21:00``, US order) and ``Lifetime ...`` metrics.
* Page level: one row per day: ``Date`` and hundreds (over 2,000 in recent exports) of
  ``Daily``/``Weekly``/``28 Days``/``Lifetime`` metrics; read as daily followers
  (``Lifetime Total Likes``, ``Daily New Likes``).  Only the needed columns are read.
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Table, register
from smtoolkit.importers.schemas import Kind

from ._common import normalize_post_format

__all__ = ["FACEBOOK_LEGACY_PAGE", "FACEBOOK_LEGACY_POSTS"]

_REACH = ("Lifetime Post Total Reach",)
_IMPRESSIONS = ("Lifetime Post Total Impressions",)


def _finish_posts(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    if "format" in frame.columns:
        frame["format"] = normalize_post_format(frame["format"])
    return frame


FACEBOOK_LEGACY_POSTS = register(
    ColumnMapFormat(
        name="facebook_insights_posts",
        label="legacy Facebook Insights export, post level",
        kind=Kind.POSTS,
        platform="facebook",
        fields=[
            Field("post_id", ("Post ID",), "id", required=True),
            Field("url", ("Permalink",)),
            Field("text", ("Post Message",)),
            Field("format", ("Type",)),
            Field("published_at", ("Posted",), "datetime", required=True),
            Field("reach", _REACH, "int"),
            Field("impressions", _IMPRESSIONS, "int"),
            Field("clicks", ("Lifetime Post Consumptions",), "int"),
            Field(
                "reactions",
                (
                    "Lifetime Talking About This (Post) by action type - like",
                    "Lifetime Post Stories by action type - like",
                ),
                "int",
            ),
            Field(
                "comments",
                (
                    "Lifetime Talking About This (Post) by action type - comment",
                    "Lifetime Post Stories by action type - comment",
                ),
                "int",
            ),
            Field(
                "shares",
                (
                    "Lifetime Talking About This (Post) by action type - share",
                    "Lifetime Post Stories by action type - share",
                ),
                "int",
            ),
            Field("video_views", ("Lifetime Total Video Views", "Lifetime Organic Video Views"), "int"),
        ],
        signature=[
            ("Post ID",),
            ("Permalink",),
            ("Post Message",),
            ("Type",),
            ("Posted",),
            ("Audience Targeting",),
            _REACH,
            _IMPRESSIONS,
            ("Lifetime Engaged Users",),
        ],
        anchors=[("Posted",), _REACH + _IMPRESSIONS],
        min_signature=5,
        dayfirst=False,
        decimal=".",
        description_row=True,
        finish=_finish_posts,
    )
)

FACEBOOK_LEGACY_PAGE = register(
    ColumnMapFormat(
        name="facebook_insights_page",
        label="legacy Facebook Insights export, page level",
        kind=Kind.FOLLOWERS,
        platform="facebook",
        fields=[
            Field("date", ("Date",), "date", required=True),
            Field("followers", ("Lifetime Total Likes",), "int"),
            Field("new_followers", ("Daily New Likes",), "int"),
        ],
        signature=[
            ("Date",),
            ("Lifetime Total Likes",),
            ("Daily New Likes",),
            ("Daily Unlikes",),
            ("Daily Page Engaged Users",),
            ("Daily Total Reach",),
            ("Daily Total Impressions",),
        ],
        anchors=[("Date",), ("Lifetime Total Likes", "Daily New Likes")],
        min_signature=3,
        dayfirst=False,
        decimal=".",
        description_row=True,
    )
)
