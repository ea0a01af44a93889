"""Monitoring figures: share of voice, net sentiment, daily series and top lists; pure functions.

- **Share of voice** = own ÷ (own + Σ competitors), by mention count or by summed reach. A
  mention naming two companies counts for both.
- **Net sentiment** = (positive − negative) ÷ (positive + neutral + negative): the share of
  positive minus the share of negative mentions, neutral mentions in the denominator,
  unscored mentions left out. −1 to 1; multiply by 100 for percentage points.
- **Daily series**: mentions, positive, neutral, negative and reach per calendar day (local
  time of the import, Europe/Berlin), every day from the first to the last day of the data,
  days without mentions as 0. Weeks are ISO weeks (Monday to Sunday), labelled by Monday.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from smtoolkit.checks.monitoring.data import CLIENT, Mentions

__all__ = [
    "EntityFigures",
    "daily",
    "entity_figures",
    "net_sentiment",
    "share_of_voice",
    "top_authors",
    "top_sources",
    "top_terms",
    "weekly",
]


def share_of_voice(own: float, competitors: Iterable[float]) -> float | None:
    """Own ÷ (own + Σ competitors), between 0 and 1; None when everything is 0.

    >>> share_of_voice(30, [50, 20])
    0.3
    """
    values = [float(v) for v in competitors]
    if own < 0 or any(v < 0 for v in values):
        raise ValueError("share of voice needs counts or reach of at least 0")
    total = float(own) + sum(values)
    return None if total == 0 else float(own) / total


def net_sentiment(positive: float, negative: float, neutral: float) -> float | None:
    """(positive − negative) ÷ (positive + negative + neutral), −1..1; None without mentions.

    >>> net_sentiment(positive=30, negative=10, neutral=60)
    0.2
    """
    if min(positive, negative, neutral) < 0:
        raise ValueError("net sentiment needs counts of at least 0")
    total = positive + negative + neutral
    return None if total == 0 else (positive - negative) / total


def _day_index(mentions: Mentions) -> tuple[pd.DatetimeIndex, np.ndarray]:
    days = mentions.table["day"]
    first, last = days.min(), days.max()
    index = pd.date_range(first, last, freq="D")
    offsets = ((days - first) // pd.Timedelta(days=1)).to_numpy(dtype=np.int64)
    return index, offsets


def daily(mentions: Mentions, column: str = CLIENT) -> pd.DataFrame:
    """Per day: ``mentions``, ``positive``, ``neutral``, ``negative``, ``unscored``, ``reach``.

    Only the mentions of the keyword set ``column`` (``client`` by default) count; every
    day of the data's range is present.
    """
    table = mentions.table
    if table.empty:
        return pd.DataFrame(columns=["mentions", "positive", "neutral", "negative", "unscored", "reach"])
    index, offsets = _day_index(mentions)
    chosen = table[column].to_numpy()
    at = offsets[chosen]
    sentiment = table["sentiment"].to_numpy()[chosen]
    scored = table["scored"].to_numpy()[chosen]
    size = len(index)

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(at[mask], minlength=size)

    return pd.DataFrame(
        {
            "mentions": np.bincount(at, minlength=size),
            "positive": count(scored & (sentiment == 1)),
            "neutral": count(scored & (sentiment == 0)),
            "negative": count(scored & (sentiment == -1)),
            "unscored": count(~scored),
            "reach": np.bincount(at, weights=table["reach"].to_numpy()[chosen], minlength=size),
        },
        index=index,
    )


def weekly(days: pd.DataFrame) -> pd.DataFrame:
    """Sum a daily frame into ISO weeks, labelled by their Monday."""
    if days.empty:
        return days
    return days.resample("W-MON", label="left", closed="left").sum()


@dataclass(frozen=True)
class EntityFigures:
    """The totals of one keyword set."""

    column: str
    name: str
    kind: str
    mentions: int
    reach: float
    positive: int
    neutral: int
    negative: int

    @property
    def net_sentiment(self) -> float | None:
        """Net sentiment of the set's scored mentions."""
        return net_sentiment(self.positive, self.negative, self.neutral)


def entity_figures(mentions: Mentions, columns: Iterable[str] | None = None) -> list[EntityFigures]:
    """Totals per keyword set (by default the client and every brand, product and competitor)."""
    table = mentions.table
    if columns is None:
        columns = [CLIENT, *(g.column for g in mentions.entities())]
    sentiment = table["sentiment"].to_numpy()
    scored = table["scored"].to_numpy()
    reach = table["reach"].to_numpy()
    out = []
    for column in columns:
        chosen = table[column].to_numpy()
        if column == CLIENT:
            name, kind = "", "client"
        else:
            group = mentions.group(column)
            name, kind = group.name, group.kind
        out.append(
            EntityFigures(
                column,
                name,
                kind,
                int(chosen.sum()),
                float(reach[chosen].sum()),
                int((chosen & scored & (sentiment == 1)).sum()),
                int((chosen & scored & (sentiment == 0)).sum()),
                int((chosen & scored & (sentiment == -1)).sum()),
            )
        )
    return out


def top_sources(mentions: Mentions, column: str = CLIENT, n: int = 10) -> pd.DataFrame:
    """The ``n`` sources with the most mentions of ``column``: mentions, reach, net sentiment."""
    table = mentions.table
    chosen = table.loc[table[column].to_numpy(), ["source", "reach", "sentiment", "scored"]]
    chosen = chosen[chosen["source"].astype("string") != ""]
    chosen = chosen.assign(
        positive=(chosen["sentiment"] == 1) & chosen["scored"],
        negative=(chosen["sentiment"] == -1) & chosen["scored"],
        mentions=1,
    )
    frame = chosen.groupby("source", observed=True)[
        ["mentions", "reach", "positive", "negative", "scored"]
    ].sum()
    frame["net_sentiment"] = (frame["positive"] - frame["negative"]) / frame["scored"].where(
        frame["scored"] > 0
    )
    frame = frame.sort_values(["mentions", "reach"], ascending=False).head(n)
    frame.index = frame.index.astype(str)
    return frame


def top_authors(mentions: Mentions, column: str = CLIENT, n: int = 10) -> pd.DataFrame:
    """The ``n`` authors with the most summed reach in ``column``: code, mentions, reach.

    The index is the author *code*; turn it into a name or alias only for display.
    """
    table = mentions.table
    chosen = table[table[column].to_numpy() & (table["author"].to_numpy() >= 0)]
    grouped = chosen.groupby("author")
    frame = pd.DataFrame({"mentions": grouped.size(), "reach": grouped["reach"].sum()})
    return frame.sort_values(["reach", "mentions"], ascending=False).head(n)


def top_terms(mentions: Mentions, n: int = 15) -> pd.DataFrame:
    """The ``n`` most frequent words of the client's mentions (keys, counts, example row)."""
    return mentions.terms.head(n)
