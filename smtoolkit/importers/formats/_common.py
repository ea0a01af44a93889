"""Helpers shared by format modules: category normalization and ids from links.

Category columns have few distinct values, so each helper maps the distinct values
once and broadcasts the result (vectorized even on a million rows).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = [
    "aliases",
    "id_from_url",
    "map_distinct",
    "normalize_language",
    "normalize_post_format",
    "normalize_sentiment",
    "normalize_source_type",
    "source_type_from_site",
]


def map_distinct(values: pd.Series, function: Callable[[str], str | None]) -> pd.Series:
    """Apply ``function`` to each distinct non-missing value and map the results back."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    mapped = np.array([function(str(v)) for v in distinct] + [None], dtype=object)
    return pd.Series(mapped[codes], index=values.index, dtype="string")


_POST_FORMATS: tuple[tuple[str, str], ...] = (
    ("carousel", r"carousel|karussell|album|multi"),
    ("reel", r"reel"),
    ("story", r"stor(?:y|ies)"),
    ("short", r"\bshorts?\b"),
    ("video", r"video|clip|live"),
    ("image", r"image|photo|foto|bild|picture|grafik"),
    ("document", r"document|dokument|pdf"),
    ("article", r"article|artikel"),
    ("poll", r"poll|umfrage"),
    ("link", r"link"),
    ("text", r"^(?:text|status|tweet|post|beitrag|textbeitrag)s?$"),
)


def _post_format(value: str) -> str | None:
    text = value.strip().casefold()
    if not text:
        return None
    for name, pattern in _POST_FORMATS:
        if re.search(pattern, text):
            return name
    return "other"


def normalize_post_format(values: pd.Series) -> pd.Series:
    """Map export post types (``Photos``, ``IG carousel``, ``Fotos``) to schema formats."""
    return map_distinct(values, _post_format)


_SENTIMENTS = {
    "positive": "positive",
    "positiv": "positive",
    "pos": "positive",
    "negative": "negative",
    "negativ": "negative",
    "neg": "negative",
    "neutral": "neutral",
    "neu": "neutral",
    "mixed": "neutral",
    "gemischt": "neutral",
}


def _sentiment(value: str) -> str | None:
    text = value.strip().casefold()
    if text in _SENTIMENTS:
        return _SENTIMENTS[text]
    try:
        score = float(text.replace(",", "."))
    except ValueError:
        return None  # "Not Rated", "unbewertet", ...
    if score >= 0.05:
        return "positive"
    if score <= -0.05:
        return "negative"
    return "neutral"


def normalize_sentiment(values: pd.Series) -> pd.Series:
    """Map sentiment labels (en/de) or scores (-1..1, ±0.05 threshold) to three labels.

    Unrated values (``Not Rated``) become missing.
    """
    return map_distinct(values, _sentiment)


_SOCIAL_SITES = (
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "tiktok",
    "threads",
    "xing",
    "mastodon",
    "bluesky",
    "bsky",
    "pinterest",
    "snapchat",
)
_SOURCE_TYPES: tuple[tuple[str, str], ...] = (
    ("forum", r"forum|reddit|board|community|message ?board|gutefrage"),
    ("video", r"youtube|vimeo|video|twitch|tv|broadcast"),
    ("review", r"review|bewertung|trustpilot|kununu|glassdoor|amazon|product"),
    ("blog", r"blog|medium|substack|tumblr|wordpress"),
    ("social", "|".join(_SOCIAL_SITES) + r"|social|soziale|^x$|(?:^|[/.@])x\.com"),
    (
        "news",
        r"news|nachricht|print|online ?news|press|presse|zeitung|magazin|radio|"
        r"editorial|mainstream",
    ),
)


def _source_type(value: str) -> str | None:
    text = value.strip().casefold()
    if not text:
        return None
    for name, pattern in _SOURCE_TYPES:
        if re.search(pattern, text):
            return name
    return "other"


def normalize_source_type(values: pd.Series) -> pd.Series:
    """Map media or page types (``twitter``, ``News``, ``Forum``) to schema source types."""
    return map_distinct(values, _source_type)


def _site_type(value: str) -> str | None:
    found = _source_type(value)
    return "news" if found == "other" else found


def source_type_from_site(values: pd.Series) -> pd.Series:
    """Guess source types from site names or links; unknown sites count as news."""
    return map_distinct(values, _site_type)


_LANGUAGES = {
    "german": "de",
    "deutsch": "de",
    "ger": "de",
    "deu": "de",
    "english": "en",
    "englisch": "en",
    "eng": "en",
    "french": "fr",
    "französisch": "fr",
    "spanish": "es",
    "italian": "it",
    "dutch": "nl",
    "polish": "pl",
}


def _language(value: str) -> str | None:
    text = value.strip().casefold()
    if not text:
        return None
    if text in _LANGUAGES:
        return _LANGUAGES[text]
    if re.fullmatch(r"[a-z]{2}(?:[-_][a-z]{2})?", text):
        return text[:2]
    return value.strip()


def normalize_language(values: pd.Series) -> pd.Series:
    """Map language names and codes (``German``, ``de-DE``) to ISO 639-1 where known."""
    return map_distinct(values, _language)


def id_from_url(values: pd.Series, pattern: str) -> pd.Series:
    """Return the first group of ``pattern`` found in each link, else the link itself."""
    extracted = values.astype("string").str.extract(pattern, expand=False)
    return extracted.fillna(values.astype("string")).astype("string")


def aliases(table: dict[str, dict[str, tuple[str, ...]]], key: str) -> tuple[str, ...]:
    """Return every language's names for ``key`` in a format's header table, English first."""
    names: list[str] = []
    for language in sorted(table[key], key=lambda lang: (lang != "en", lang)):
        names += [n for n in table[key][language] if n not in names]
    return tuple(names)
