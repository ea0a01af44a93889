"""LinkedIn creator (personal profile) analytics: the ``TOP POSTS`` sheet.

Profile → Analytics → Post impressions → Export gives a workbook
(``Content_<from>_<to>_<Name>.xlsx``) with the sheets ``DISCOVERY``, ``ENGAGEMENT``,
``TOP POSTS``, ``FOLLOWERS`` and ``DEMOGRAPHICS``.  ``TOP POSTS`` starts with the line
``Maximum of 50 posts available to include in this list`` and holds two lists side by
side under one header row: ``Post URL, Post publish date, Engagements`` (ranked by
engagements) and, after an empty column, ``Post URL, Post publish date, Impressions``
(ranked by impressions).  Both lists are joined by the post's link into one row per
post: impressions where the post is in the second list.  ``Engagements`` has no column
in the posts schema and is named as ignored.  Dates are US style (``12/16/2025``).
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.dates import parse_datetimes
from smtoolkit.importers.mapping import as_text
from smtoolkit.importers.numbers import parse_numbers
from smtoolkit.importers.registry import Format, Header, Table, register
from smtoolkit.importers.schemas import Kind

from ._common import id_from_url

__all__ = ["LINKEDIN_CREATOR_TOP_POSTS", "LinkedInTopPostsFormat"]

_URL = "post url"
_DATE = "post publish date"


def _halves(header: Header) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """Return the (link, date, metric) positions of the engagements and impressions lists."""
    keys = header.keys
    urls = [i for i, k in enumerate(keys) if k == _URL]
    if len(urls) != 2:
        return None
    left, right = urls
    if keys[left + 1 : left + 3] != (_DATE, "engagements"):
        return None
    if keys[right + 1 : right + 3] != (_DATE, "impressions"):
        return None
    return (left, left + 1, left + 2), (right, right + 1, right + 2)


class LinkedInTopPostsFormat(Format):
    """The ``TOP POSTS`` sheet of LinkedIn's creator analytics (see module doc)."""

    name = "linkedin_creator_top_posts"
    label = "LinkedIn creator analytics, top posts sheet"
    kind = Kind.POSTS
    rule = (
        "a header row with Post URL, Post publish date, Engagements and, after an empty "
        "column, Post URL, Post publish date, Impressions"
    )

    def score(self, header: Header) -> int:
        """Score 6 for the two side-by-side lists, else 0."""
        return 6 if _halves(header) is not None else 0

    def positions(self, header: Header) -> list[int]:
        """Return both lists' columns."""
        halves = _halves(header)
        return sorted(p for half in halves for p in half) if halves else []

    def used(self, header: Header) -> dict[int, str]:
        """Links and dates of both lists and the impressions; engagements are not used."""
        halves = _halves(header)
        if halves is None:
            return {}
        (url_a, date_a, _), (url_b, date_b, impressions) = halves
        return {
            url_a: "url",
            date_a: "published_at",
            url_b: "url",
            date_b: "published_at",
            impressions: "impressions",
        }

    def key_positions(self, header: Header) -> list[int]:
        """The links and dates are checked for summary rows."""
        halves = _halves(header)
        return [halves[0][0], halves[0][1], halves[1][0], halves[1][1]] if halves else []

    def deduplicates(self, header: Header) -> bool:
        """Rows hold two different posts; identical rows are not duplicates to drop here."""
        return False

    def convert(self, table: Table) -> pd.DataFrame:
        """Join the engagements list and the impressions list by link, one row per post."""
        halves = _halves(table.header)
        assert halves is not None
        (url_a, date_a, _), (url_b, date_b, impressions) = halves
        parts = []
        for url, date, metric in ((url_a, date_a, None), (url_b, date_b, impressions)):
            links = as_text(table.frame[url], strip=True)
            rows = links.notna()
            where = table.location.at(column=table.header.cells[date].strip())
            part = pd.DataFrame(
                {
                    "url": links[rows],
                    "published_at": parse_datetimes(
                        table.frame.loc[rows, date], where=where, tz=table.tz, dayfirst=False
                    ),
                }
            )
            if metric is not None:
                where = table.location.at(column=table.header.cells[metric].strip())
                part["impressions"] = parse_numbers(table.frame.loc[rows, metric], where=where, integer=True)
            parts.append(part)
        engaged, seen = parts
        extra = engaged[~engaged["url"].isin(seen["url"])]
        # one row per post, numbered by its sheet row (a sheet row holds two posts)
        frame = pd.concat([seen, extra])
        frame["platform"] = "linkedin"
        frame["post_id"] = id_from_url(frame["url"], r"(?:activity|share|ugcPost)(?::|%3A)(\d+)")
        return frame


LINKEDIN_CREATOR_TOP_POSTS = register(LinkedInTopPostsFormat())
