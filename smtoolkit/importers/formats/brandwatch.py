"""Brandwatch Consumer Research mentions export (Mentions > Download > CSV/XLSX).

The file starts with a few report lines (report name, dates, query) above the header
row ``Query Id, Query Name, Date, Title, Url, Domain, Sentiment, Page Type, ...,
Author, Full Text, ...``.  Dates look like ``2026-07-14 09:30:00.0``.  ``Page Type``
(``news``, ``twitter``, ``forum``, ``blog``, ...) becomes the source type; ``Query
Name`` tells which search found the mention.
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Table, register
from smtoolkit.importers.schemas import Kind

from ._common import normalize_language, normalize_sentiment, normalize_source_type

__all__ = ["BRANDWATCH"]


def _finish(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    if "source_type" in frame.columns:
        frame["source_type"] = normalize_source_type(frame["source_type"])
    if "sentiment" in frame.columns:
        frame["sentiment"] = normalize_sentiment(frame["sentiment"])
    if "language" in frame.columns:
        frame["language"] = normalize_language(frame["language"])
    return frame


BRANDWATCH = register(
    ColumnMapFormat(
        name="brandwatch",
        label="Brandwatch mentions export",
        kind=Kind.MENTIONS,
        fields=[
            Field("published_at", ("Date",), "datetime", required=True),
            Field("title", ("Title",)),
            Field("url", ("Url",)),
            Field("source", ("Domain",)),
            Field("source_type", ("Page Type", "Content Source")),
            Field("author", ("Author",)),
            Field("text", ("Full Text", "Snippet")),
            Field("sentiment", ("Sentiment",)),
            Field("language", ("Language",)),
            Field("country", ("Country",)),
            Field("reach", ("Reach (new)", "Reach", "Impressions"), "int"),
            Field("engagement", ("Engagement Score", "Total Engagements", "Engagement"), "int"),
            Field("query", ("Query Name",)),
            Field("keywords", ("Matched Keywords",)),
        ],
        signature=[
            ("Query Id",),
            ("Query Name",),
            ("Date",),
            ("Title",),
            ("Url",),
            ("Domain",),
            ("Page Type",),
            ("Full Text", "Snippet"),
            ("Author",),
            ("Sentiment",),
        ],
        anchors=[("Query Id", "Query Name")],
        min_signature=5,
        dayfirst=False,
        finish=_finish,
    )
)
