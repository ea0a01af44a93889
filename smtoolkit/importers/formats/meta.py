"""Meta Business Suite exports: Facebook and Instagram posts, daily follows.

Post exports (Insights > Content > Export) come as CSV with English or German headers,
one row per post.  Facebook exports name the page (``Page ID``/``Seiten-ID``),
Instagram exports the account (``Account ID``/``Konto-ID``); that tells them apart.

Daily metric exports (Insights > Results > Export) are UTF-16 CSV files with an Excel
``sep=,`` line, a title line such as ``"Facebook follows"`` and the header
``"Date","Primary"``; the title names platform and metric.
"""

from __future__ import annotations

import re

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field, as_text
from smtoolkit.importers.registry import Header, Table, register
from smtoolkit.importers.schemas import Kind

from ._common import normalize_post_format

__all__ = ["FACEBOOK_POSTS", "INSTAGRAM_POSTS", "META_FOLLOWS"]

_POST_ID = ("Post ID", "Beitrags-ID")
_PUBLISHED = ("Publish time", "Veröffentlichungszeitpunkt", "Veröffentlichungszeit")
_PERMALINK = ("Permalink",)
_POST_TYPE = ("Post type", "Beitragstyp")
_DESCRIPTION = ("Description", "Beschreibung")
_TITLE = ("Title", "Titel")


def _finish_posts(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    if "format" in frame.columns:
        frame["format"] = normalize_post_format(frame["format"])
    title = table.column(_TITLE)
    if title is not None:
        title_text = as_text(title)
        frame["text"] = frame["text"].fillna(title_text) if "text" in frame else title_text
    return frame


FACEBOOK_POSTS = register(
    ColumnMapFormat(
        name="meta_facebook_posts",
        label="Meta Business Suite Facebook post export",
        kind=Kind.POSTS,
        platform="facebook",
        fields=[
            Field("post_id", _POST_ID, "id", required=True),
            Field("account", ("Page name", "Seitenname")),
            Field("published_at", _PUBLISHED, "datetime", required=True),
            Field("format", _POST_TYPE),
            Field("text", _DESCRIPTION),
            Field("url", _PERMALINK),
            Field("impressions", ("Impressions", "Impressionen", "Views", "Aufrufe"), "int"),
            Field("reach", ("Reach", "Reichweite"), "int"),
            Field("reactions", ("Reactions", "Reaktionen"), "int"),
            Field("comments", ("Comments", "Kommentare"), "int"),
            Field("shares", ("Shares", "Geteilte Inhalte"), "int"),
            Field("clicks", ("Total clicks", "Klicks insgesamt"), "int"),
            Field("video_views", ("3-second video views", "3-Sekunden-Videoaufrufe"), "int"),
        ],
        signature=[
            _POST_ID,
            ("Page ID", "Seiten-ID"),
            ("Page name", "Seitenname"),
            _PUBLISHED,
            _PERMALINK,
            _POST_TYPE,
        ],
        anchors=[("Page ID", "Seiten-ID", "Page name", "Seitenname")],
        min_signature=4,
        extra=[_TITLE],
        finish=_finish_posts,
    )
)

INSTAGRAM_POSTS = register(
    ColumnMapFormat(
        name="meta_instagram_posts",
        label="Meta Business Suite Instagram post export",
        kind=Kind.POSTS,
        platform="instagram",
        fields=[
            Field("post_id", _POST_ID, "id", required=True),
            Field(
                "account",
                (
                    "Account username",
                    "Konto-Benutzername",
                    "Benutzername des Kontos",
                    "Account name",
                    "Kontoname",
                ),
            ),
            Field("published_at", _PUBLISHED, "datetime", required=True),
            Field("format", _POST_TYPE),
            Field("text", _DESCRIPTION),
            Field("url", _PERMALINK),
            Field("impressions", ("Impressions", "Impressionen", "Views", "Aufrufe"), "int"),
            Field("reach", ("Reach", "Reichweite"), "int"),
            Field(
                "reactions", ("Likes", '"Gefällt mir"-Angaben', "Gefällt mir-Angaben", "Gefällt mir"), "int"
            ),
            Field("comments", ("Comments", "Kommentare"), "int"),
            Field("shares", ("Shares", "Geteilte Inhalte"), "int"),
            Field("saves", ("Saves", "Gespeichert", "Speicherungen"), "int"),
            Field("video_views", ("Plays", "Wiedergaben"), "int"),
        ],
        signature=[
            _POST_ID,
            ("Account ID", "Konto-ID"),
            ("Account username", "Konto-Benutzername", "Benutzername des Kontos"),
            _PUBLISHED,
            _PERMALINK,
            _POST_TYPE,
        ],
        anchors=[
            ("Account ID", "Konto-ID", "Account username", "Konto-Benutzername", "Benutzername des Kontos")
        ],
        min_signature=4,
        extra=[_TITLE],
        finish=_finish_posts,
    )
)

_FOLLOW_TITLE = re.compile(
    r"\b(facebook|instagram)\b.*\bfollow|\bfollow.*\b(facebook|instagram)\b", re.IGNORECASE
)


def _title_platform(header: Header) -> str | None:
    for row in reversed(header.preamble):
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) == 1:
            match = _FOLLOW_TITLE.search(cells[0])
            if match:
                return (match.group(1) or match.group(2)).lower()
    return None


class MetaFollowsFormat(ColumnMapFormat):
    """Meta's daily ``Follows`` export: a title line naming the platform, then Date/Primary."""

    def score(self, header: Header) -> int:
        """Score 5 for a ``Date``/``Primary`` header below a Facebook/Instagram follows title."""
        if header.keys[:2] not in (("date", "primary"), ("datum", "primär")):
            return 0
        return 5 if _title_platform(header) else 0


def _finish_follows(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    frame["platform"] = _title_platform(table.header)
    return frame


META_FOLLOWS = register(
    MetaFollowsFormat(
        name="meta_follows",
        label="Meta Business Suite daily follows export",
        kind=Kind.FOLLOWERS,
        fields=[
            Field("date", ("Date", "Datum"), "date", required=True),
            Field("new_followers", ("Primary", "Primär"), "int"),
        ],
        signature=[("Date", "Datum"), ("Primary", "Primär")],
        min_signature=2,
        finish=_finish_follows,
        rule='a title line naming "Facebook follows" or "Instagram follows" (after an optional '
        '"sep=," line), then the header "Date","Primary"',
    )
)
