"""The generic mentions CSV: for monitoring data from any other tool.

Documented in docs/data-formats.md.  Header names are matched without regard to case;
``date`` and ``text`` are required, everything else is optional::

    date,source,source_type,author,title,text,url,language,country,sentiment,reach,engagement,query
    2026-03-10 08:15,heise.de,news,,Rückruf bei Hallberg,Hallberg ruft ...,https://...,de,DE,negative,120000,35,Hallberg
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Table, register
from smtoolkit.importers.schemas import Kind

from ._common import normalize_language, normalize_sentiment, normalize_source_type

__all__ = ["GENERIC_MENTIONS"]

_DATE = ("date", "published_at", "datetime", "datum")
_TEXT = ("text", "content", "mention", "inhalt")

_OPTIONAL = [
    Field("title", ("title", "headline", "titel")),
    Field("source", ("source", "site", "domain", "quelle")),
    Field("source_type", ("source_type", "media_type", "medium", "quellentyp")),
    Field("author", ("author", "autor")),
    Field("url", ("url", "link")),
    Field("language", ("language", "lang", "sprache")),
    Field("country", ("country", "land")),
    Field("sentiment", ("sentiment", "tonality", "tonalität", "stimmung")),
    Field("reach", ("reach", "reichweite"), "int"),
    Field("engagement", ("engagement", "engagements", "interaktionen"), "int"),
    Field("query", ("query", "entity", "brand", "marke", "suchanfrage")),
    Field("keywords", ("keywords", "schlagwörter", "schlagworte")),
]


def _finish(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    if "source_type" in frame.columns:
        frame["source_type"] = normalize_source_type(frame["source_type"])
    if "sentiment" in frame.columns:
        frame["sentiment"] = normalize_sentiment(frame["sentiment"])
    if "language" in frame.columns:
        frame["language"] = normalize_language(frame["language"])
    return frame


GENERIC_MENTIONS = register(
    ColumnMapFormat(
        name="generic_mentions",
        label="generic mentions CSV",
        kind=Kind.MENTIONS,
        fields=[
            Field("published_at", _DATE, "datetime", required=True),
            Field("text", _TEXT, required=True),
            *_OPTIONAL,
        ],
        signature=[_DATE, _TEXT, *(f.aliases for f in _OPTIONAL)],
        anchors=[_DATE, _TEXT],
        min_signature=3,
        finish=_finish,
        rule="a header row with the columns date and text and at least one of title, source, "
        "source_type, author, url, language, country, sentiment, reach, engagement, "
        "query, keywords (any capitalization)",
    )
)
