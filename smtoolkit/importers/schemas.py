"""The normalized schemas every imported file is mapped into.

Each schema is an ordered tuple of :class:`Column`.  :func:`conform` brings a frame built
by a format module into exactly that shape: every column present, in order, with its
documented dtype.  The survey schema is open: besides its fixed columns it carries one
``Int64`` column per Likert item (``attitude_1``, ``attitude_3_r``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

__all__ = [
    "DEFAULT_TZ",
    "ITEM_ID_PATTERN",
    "SCHEMAS",
    "Column",
    "Kind",
    "conform",
    "date_column",
    "empty_frame",
    "is_reverse_coded",
    "survey_items",
    "survey_scales",
]

DEFAULT_TZ = "Europe/Berlin"
"""Time zone of ``published_at``/``submitted_at`` unless the caller passes another."""

ITEM_ID_PATTERN = re.compile(
    r"^(?P<scale>[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*)_(?P<number>\d+)(?P<reverse>_r)?$"
)
"""Survey item ids: ``<scale>_<number>``, with the suffix ``_r`` for reverse-coded items."""


class Kind(StrEnum):
    """The normalized kind of table a file is imported as."""

    POSTS = "posts"
    FOLLOWERS = "followers"
    PAGE_METRICS = "page_metrics"
    MENTIONS = "mentions"
    SURVEY = "survey"


@dataclass(frozen=True)
class Column:
    """One column of a normalized schema.

    ``dtype`` is ``"string"``, ``"Int64"``, ``"Float64"``, ``"datetime"`` (time zone aware,
    in the import time zone) or ``"date"`` (naive ``datetime64[ns]`` at midnight).
    ``required`` columns never hold a missing value: rows without one are dropped and
    reported.
    """

    name: str
    dtype: str
    description: str
    required: bool = False


_S = "string"
_I = "Int64"

SCHEMAS: dict[Kind, tuple[Column, ...]] = {
    Kind.POSTS: (
        Column(
            "platform",
            _S,
            "facebook, instagram, linkedin, x_twitter, youtube or tiktok (smtoolkit.catalogues.Platform)",
            True,
        ),
        Column("account", _S, "page or account name, where the export names it"),
        Column(
            "post_id",
            _S,
            "the post's id in the platform (derived from the link where the export has no id column)",
            True,
        ),
        Column(
            "published_at",
            "datetime",
            "when the post was published; missing where the export leaves it empty "
            "(YouTube lists some videos without a publish time)",
        ),
        Column(
            "format",
            _S,
            "text, image, video, reel, short, carousel, story, link, document, article, poll or other",
        ),
        Column("text", _S, "post text or title"),
        Column("url", _S, "permalink"),
        Column(
            "impressions", _I, "times the post was shown (views, where the platform counts views instead)"
        ),
        Column("reach", _I, "unique accounts reached"),
        Column("reactions", _I, "likes and other reactions"),
        Column("comments", _I, "comments and replies"),
        Column("shares", _I, "shares, reposts and retweets"),
        Column("saves", _I, "saves and bookmarks"),
        Column("clicks", _I, "link or content clicks"),
        Column("video_views", _I, "video views as the platform counts them"),
    ),
    Kind.FOLLOWERS: (
        Column("platform", _S, "facebook, instagram, linkedin, ...", True),
        Column("date", "date", "the day", True),
        Column("followers", _I, "total followers at the end of the day, where the export has it"),
        Column("new_followers", _I, "followers gained that day"),
    ),
    Kind.PAGE_METRICS: (
        Column("platform", _S, "the platform of the page", True),
        Column("date", "date", "the day", True),
        Column("impressions", _I, "impressions of all page content that day"),
        Column("unique_impressions", _I, "unique impressions (organic) that day"),
        Column("clicks", _I, "clicks that day"),
        Column("reactions", _I, "reactions that day"),
        Column("comments", _I, "comments that day"),
        Column("shares", _I, "shares or reposts that day"),
        Column("engagement_rate", "Float64", "engagement rate as a fraction (0.034 = 3.4 %)"),
    ),
    Kind.MENTIONS: (
        Column("published_at", "datetime", "when the mention was published", True),
        Column("source", _S, "outlet, site or network as the tool names it"),
        Column("source_type", _S, "news, social, blog, forum, video, review or other"),
        Column("author", _S, "author name or handle (personal data)"),
        Column("title", _S, "headline or title"),
        Column("text", _S, "the mention's text or the snippet around the keyword"),
        Column("url", _S, "link to the mention"),
        Column("language", _S, "ISO 639-1 code where recognised (de, en), else as exported"),
        Column("country", _S, "country as exported"),
        Column("sentiment", _S, "positive, neutral or negative; missing when not rated"),
        Column("reach", _I, "potential reach as the tool estimates it"),
        Column("engagement", _I, "engagement (likes, comments, shares) as the tool counts it"),
        Column("query", _S, "the tool's search or query name that found the mention"),
        Column("keywords", _S, "matched keywords as exported"),
    ),
    Kind.SURVEY: (
        Column("respondent_id", _S, "respondent id, where the file has one"),
        Column("department", _S, "department, where the file has one"),
        Column("submitted_at", "datetime", "when the answers were submitted, where the file has it"),
    ),
}


def date_column(kind: Kind) -> str | None:
    """Return the column that dates rows of ``kind`` (used for date ranges), if any."""
    return {
        Kind.POSTS: "published_at",
        Kind.FOLLOWERS: "date",
        Kind.PAGE_METRICS: "date",
        Kind.MENTIONS: "published_at",
        Kind.SURVEY: "submitted_at",
    }.get(kind)


def _pandas_dtype(column: Column, tz: str) -> str:
    if column.dtype == "datetime":
        return f"datetime64[ns, {tz}]"
    if column.dtype == "date":
        return "datetime64[ns]"
    return column.dtype


def empty_frame(kind: Kind, tz: str = DEFAULT_TZ) -> pd.DataFrame:
    """Return an empty frame with the columns and dtypes of ``kind``'s schema."""
    return pd.DataFrame({c.name: pd.Series(dtype=_pandas_dtype(c, tz)) for c in SCHEMAS[Kind(kind)]})


def survey_items(columns: pd.Index | list[str]) -> list[str]:
    """Return the Likert item columns among ``columns``, in their order."""
    return [str(c) for c in columns if ITEM_ID_PATTERN.match(str(c))]


def is_reverse_coded(item: str) -> bool:
    """Tell whether a survey item id marks a reverse-coded item (suffix ``_r``)."""
    match = ITEM_ID_PATTERN.match(item)
    return bool(match and match.group("reverse"))


def survey_scales(columns: pd.Index | list[str]) -> dict[str, list[str]]:
    """Group survey item columns by scale: ``{"attitude": ["attitude_1", ...], ...}``."""
    scales: dict[str, list[str]] = {}
    for item in survey_items(columns):
        match = ITEM_ID_PATTERN.match(item)
        assert match is not None
        scales.setdefault(match.group("scale"), []).append(item)
    return scales


def conform(frame: pd.DataFrame, kind: Kind, tz: str = DEFAULT_TZ) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of ``kind``'s schema, in order and typed.

    Missing optional columns are added empty.  For surveys, the Likert item columns follow
    the fixed columns.  Values must already be parsed (numbers as numbers, times as
    datetimes); this only casts to the documented dtypes.
    """
    kind = Kind(kind)
    out: dict[str, pd.Series] = {}
    for column in SCHEMAS[kind]:
        dtype = _pandas_dtype(column, tz)
        if column.name in frame.columns:
            out[column.name] = frame[column.name].astype(pd.api.types.pandas_dtype(dtype))
        else:
            out[column.name] = pd.Series(None, index=frame.index, dtype=dtype)
    if kind is Kind.SURVEY:
        for item in survey_items(frame.columns):
            out[item] = frame[item].astype(pd.Int64Dtype())
    result = pd.DataFrame(out, index=frame.index)
    return result.reset_index(drop=True)
