"""The answers of check 06 (monitoring): keyword sets, how findings are used, privacy."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from smtoolkit.catalogues import Area, Role
from smtoolkit.models import StrictModel

__all__ = ["Frequency", "KeywordSet", "MonitoringAnswers", "SentimentLabel"]

Frequency = Literal["never", "ad_hoc", "monthly", "weekly", "daily"]


class KeywordSet(StrictModel):
    """A named set of search words: a product, a competitor or a topic.

    A mention belongs to the set when its title or text contains one of the ``keywords``
    as whole words, ignoring case, umlaut spelling (``ü`` = ``ue``) and ``ß`` = ``ss``. A
    keyword of several words (``Kessler Fluidtechnik``) must appear as that sequence.
    """

    name: str = Field("", max_length=80)
    keywords: list[str] = Field(default_factory=list, max_length=50)


class SentimentLabel(StrictModel):
    """A mention's sentiment as the consultant confirmed or corrected it in the review.

    ``mention`` is the mention's key (:func:`smtoolkit.checks.monitoring.data.mention_keys`:
    a hash of its title and text), so no client text is copied into the answers.
    """

    mention: str = Field(..., min_length=8, max_length=40, pattern=r"^[0-9a-f]+$")
    label: Literal["positive", "neutral", "negative"]


class MonitoringAnswers(StrictModel):
    """Check 06: what is monitored, how often, who uses it, and how authors are shown."""

    brand: str = Field("", max_length=80, description="empty: the client's name")
    brand_keywords: list[str] = Field(default_factory=list, max_length=50)
    products: list[KeywordSet] = Field(default_factory=list, max_length=20)
    competitors: list[KeywordSet] = Field(default_factory=list, max_length=20)
    topics: list[KeywordSet] = Field(default_factory=list, max_length=30)
    use_query_column: bool = Field(
        True, description="also assign mentions by the export's own query or brand column"
    )
    positive_terms: list[str] = Field(default_factory=list, max_length=200)
    negative_terms: list[str] = Field(default_factory=list, max_length=200)
    default_language: Literal["de", "en"] = "de"
    review_frequency: Frequency = "never"
    owner: Role | None = None
    shared_with: list[Area] = Field(default_factory=list)
    alerts: bool = Field(False, description="the monitoring tool sends alerts on unusual volume")
    pseudonymize: bool = Field(True, description="show authors as stable aliases, never by name")
    top_n: int = Field(10, ge=3, le=25)
    sentiment_labels: list[SentimentLabel] = Field(
        default_factory=list,
        max_length=5000,
        description="labels the consultant confirmed or corrected in the sentiment review",
    )
