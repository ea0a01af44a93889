"""Meltwater mentions export (Explore/Monitor > Export > CSV).

Meltwater writes UTF-16 tab-separated files.  Columns include ``Date``, ``Headline``,
``URL``, ``Opening Text``, ``Hit Sentence``, ``Source``, ``Influencer``, ``Country``,
``Language``, ``Reach``, ``Engagement``, ``AVE``, ``Sentiment``, ``Keywords``.  Dates
look like ``14-Jul-2026 09:30AM``; where ``Date`` has no time, a separate ``Time``
column is added to it.  The mention text is the ``Hit Sentence`` (the passage with the
keyword), or the ``Opening Text`` where that is empty.  The source type comes from a
``Source Type``/``Media Type`` column if the export has one, else from the source name
and link (social networks, forums, blogs, video sites; anything else counts as news).
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field, as_text
from smtoolkit.importers.registry import Table, register
from smtoolkit.importers.schemas import Kind

from ._common import (
    normalize_language,
    normalize_sentiment,
    normalize_source_type,
    source_type_from_site,
)

__all__ = ["MELTWATER"]

_DATE = ("Date",)
_TIME = ("Time",)
_OPENING = ("Opening Text",)


class MeltwaterFormat(ColumnMapFormat):
    """Meltwater, with the ``Time`` column joined to a date-only ``Date``."""

    def convert(self, table: Table) -> pd.DataFrame:
        """Join ``Date`` and ``Time`` where needed, then map the columns."""
        date, time = table.column(_DATE), table.column(_TIME)
        if date is not None and time is not None:
            date_text, time_text = as_text(date), as_text(time)
            joinable = ~date_text.str.contains(":", regex=False, na=True) & time_text.notna()
            if bool(joinable.any()):
                frame = table.frame.copy()
                position = table.header.find(_DATE)
                joined = date_text.where(~joinable, date_text + " " + time_text)
                frame[position] = joined
                table.frame = frame
        return super().convert(table)


def _finish(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    opening = table.column(_OPENING)
    if opening is not None:
        opening_text = as_text(opening)
        frame["text"] = frame["text"].fillna(opening_text) if "text" in frame else opening_text
    if "source_type" in frame.columns:
        frame["source_type"] = normalize_source_type(frame["source_type"])
    else:
        site = frame["source"] if "source" in frame.columns else None
        if "url" in frame.columns:
            site = frame["url"] if site is None else site.fillna(frame["url"])
        if site is not None:
            guess_from = site.astype("string")
            if "url" in frame.columns:
                guess_from = guess_from + " " + frame["url"].astype("string").fillna("")
            frame["source_type"] = source_type_from_site(guess_from)
    if "sentiment" in frame.columns:
        frame["sentiment"] = normalize_sentiment(frame["sentiment"])
    if "language" in frame.columns:
        frame["language"] = normalize_language(frame["language"])
    return frame


MELTWATER = register(
    MeltwaterFormat(
        name="meltwater",
        label="Meltwater mentions export",
        kind=Kind.MENTIONS,
        fields=[
            Field("published_at", _DATE, "datetime", required=True),
            Field("title", ("Headline",)),
            Field("url", ("URL",)),
            Field("text", ("Hit Sentence",)),
            Field("source", ("Source",)),
            Field("source_type", ("Source Type", "Media Type", "Document Type")),
            Field("author", ("Influencer",)),
            Field("country", ("Country",)),
            Field("language", ("Language",)),
            Field("reach", ("Reach",), "int"),
            Field("engagement", ("Engagement",), "int"),
            Field("sentiment", ("Sentiment",)),
            Field("query", ("Input Name",)),
            Field("keywords", ("Keywords",)),
        ],
        signature=[
            _DATE,
            ("Headline",),
            ("URL",),
            _OPENING,
            ("Hit Sentence",),
            ("Source",),
            ("Influencer",),
            ("Reach",),
            ("AVE",),
            ("Sentiment",),
            ("Key Phrases",),
        ],
        anchors=[("Hit Sentence", "Opening Text")],
        min_signature=5,
        extra=[_TIME, _OPENING],
        dayfirst=True,
        finish=_finish,
    )
)
