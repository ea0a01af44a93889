"""Post metrics of check 07: engagement rates, Kaushik's rates, medians, frequency, slots.

All functions are pure: they take the normalized POSTS table (see docs/data-formats.md)
and return new frames or small records. The formulas are documented in
:mod:`smtoolkit.checks.content.analysis`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from smtoolkit.checks.content.data import INTERACTIONS, FollowerLevels, local_days

__all__ = [
    "BASES",
    "KAUSHIK",
    "PER_FOLLOWERS",
    "Frequency",
    "GroupStats",
    "HandleCheck",
    "Slot",
    "apportion",
    "classify_posts",
    "enrich_posts",
    "group_stats",
    "handle_consistency",
    "normalize_handle",
    "posting_frequency",
    "rank_hours",
    "rank_weekdays",
    "slot_grid",
]

#: The bases of the engagement rate, in the order the headline rate falls back through them.
BASES = ("reach", "impressions", "followers")
#: Kaushik's rates per follower are shown per this many followers.
PER_FOLLOWERS = 1000
#: Kaushik's three rates and the post column each counts.
KAUSHIK = {"conversation": "comments", "amplification": "shares", "applause": "reactions"}

_NUMBERS = ("impressions", "reach", *INTERACTIONS, "clicks", "video_views")


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """Numerator / denominator where the denominator is above 0, else missing."""
    usable = denominator.where(denominator > 0)
    result: pd.Series = numerator / usable
    return result


def enrich_posts(posts: pd.DataFrame, levels: dict[str, FollowerLevels] | None = None) -> pd.DataFrame:
    """The posts with the per-post figures every table of check 07 is built from.

    Added columns: ``day`` (local date), ``weekday`` (0 = Monday), ``hour`` (local hour, or
    missing where the platform's export has no time of day), ``timed``, ``interactions``,
    ``followers`` (level on the post's day, where known), ``er_reach``, ``er_impressions``,
    ``er_followers``, ``er`` and ``basis`` (the headline rate and its basis: reach, else
    impressions, else followers), ``index`` (``er`` ÷ the median ``er`` of the platform),
    and Kaushik's per-post counts ``conversation``, ``amplification``, ``applause`` with
    their rates per 1,000 followers ``conversation_pf``, ``amplification_pf``, ``applause_pf``.
    """
    frame = posts.copy().reset_index(drop=True)
    for column in _NUMBERS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    stamps = pd.to_datetime(frame["published_at"])
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("Europe/Berlin")
    days = local_days(frame["published_at"])
    frame["day"] = days.dt.date
    frame["weekday"] = days.dt.day_of_week.astype("int64")
    midnight = (stamps.dt.hour == 0) & (stamps.dt.minute == 0) & (stamps.dt.second == 0)
    platforms = frame["platform"].astype(str)
    # an export that gives only the day puts every post at midnight: no time of day
    timed_platforms = {p for p in platforms.unique() if not midnight[platforms == p].all()}
    frame["timed"] = platforms.isin(timed_platforms)
    frame["hour"] = stamps.dt.hour.astype("Int64").where(frame["timed"])
    frame["interactions"] = frame[list(INTERACTIONS)].sum(axis=1, min_count=1)
    followers = [
        levels[p].on(d) if levels and p in levels else math.nan
        for p, d in zip(platforms, frame["day"], strict=True)
    ]
    frame["followers"] = pd.Series(followers, index=frame.index, dtype="float64")
    frame["er_reach"] = _ratio(frame["interactions"], frame["reach"])
    frame["er_impressions"] = _ratio(frame["interactions"], frame["impressions"])
    frame["er_followers"] = _ratio(frame["interactions"], frame["followers"])
    frame["er"] = (
        frame["er_reach"].combine_first(frame["er_impressions"]).combine_first(frame["er_followers"])
    )
    basis = pd.Series(pd.NA, index=frame.index, dtype="string")
    for name in reversed(BASES):
        basis = basis.mask(frame[f"er_{name}"].notna(), name)
    frame["basis"] = basis
    platform_median = frame.groupby("platform")["er"].transform("median")
    frame["index"] = _ratio(frame["er"], platform_median)
    for rate, column in KAUSHIK.items():
        frame[rate] = frame[column]
        frame[f"{rate}_pf"] = _ratio(frame[column] * PER_FOLLOWERS, frame["followers"])
    return frame


@dataclass(frozen=True)
class GroupStats:
    """Medians and Kaushik's rates of one group of posts (a platform, format or pillar)."""

    key: tuple[str, ...]
    posts: int
    median_impressions: float | None
    median_reach: float | None
    median_interactions: float | None
    median_er_reach: float | None
    median_er_impressions: float | None
    median_er_followers: float | None
    median_er: float | None
    bases: tuple[str, ...]
    median_index: float | None
    conversation: float | None
    amplification: float | None
    applause: float | None
    conversation_pf: float | None
    amplification_pf: float | None
    applause_pf: float | None
    rated: int


def _median(values: pd.Series) -> float | None:
    clean = values.dropna()
    return None if clean.empty else float(clean.median())


def _mean(values: pd.Series) -> float | None:
    clean = values.dropna()
    return None if clean.empty else float(clean.mean())


def group_stats(frame: pd.DataFrame, by: Sequence[str]) -> list[GroupStats]:
    """Medians and Kaushik's rates per group of ``by`` columns, largest group first.

    Kaushik's rates per post are the mean count per post (Σ comments ÷ posts with a comment
    figure); per follower, the mean of each post's count ÷ followers × 1,000.
    """
    if frame.empty:
        return []
    rows: list[GroupStats] = []
    keyed = frame.assign(**{c: frame[c].astype("string").fillna("") for c in by})
    for key, group in keyed.groupby(list(by), sort=True):
        keys = key if isinstance(key, tuple) else (key,)
        bases = tuple(b for b in BASES if (group["basis"] == b).any())
        rows.append(
            GroupStats(
                key=tuple(str(k) for k in keys),
                posts=len(group),
                median_impressions=_median(group["impressions"]),
                median_reach=_median(group["reach"]),
                median_interactions=_median(group["interactions"]),
                median_er_reach=_median(group["er_reach"]),
                median_er_impressions=_median(group["er_impressions"]),
                median_er_followers=_median(group["er_followers"]),
                median_er=_median(group["er"]),
                bases=bases,
                median_index=_median(group["index"]),
                conversation=_mean(group["conversation"]),
                amplification=_mean(group["amplification"]),
                applause=_mean(group["applause"]),
                conversation_pf=_mean(group["conversation_pf"]),
                amplification_pf=_mean(group["amplification_pf"]),
                applause_pf=_mean(group["applause_pf"]),
                rated=int(group["er"].notna().sum()),
            )
        )
    return sorted(rows, key=lambda r: (-r.posts, r.key))


@dataclass(frozen=True)
class Frequency:
    """How often one platform posted over the period of the data."""

    platform: str
    posts: int
    weeks: float
    last_post: dt.date
    days_since_last: int

    @property
    def per_week(self) -> float:
        """Posts per week: posts ÷ (days of the period ÷ 7)."""
        return self.posts / self.weeks if self.weeks else 0.0


def posting_frequency(frame: pd.DataFrame) -> tuple[list[Frequency], dt.date | None, dt.date | None]:
    """Posts per week of each platform over the whole period of the posts (all platforms).

    The period runs from the first to the last post day of all platforms, both included; a
    platform that stopped posting keeps the full period, so its frequency falls.
    """
    if frame.empty:
        return [], None, None
    start, end = min(frame["day"]), max(frame["day"])
    weeks = ((end - start).days + 1) / 7
    rows = []
    for platform, group in frame.groupby("platform", sort=True):
        last = max(group["day"])
        rows.append(Frequency(str(platform), len(group), weeks, last, (end - last).days))
    return sorted(rows, key=lambda r: -r.posts), start, end


@dataclass(frozen=True)
class Slot:
    """A weekday or an hour with the median performance index of its posts."""

    value: int
    median_index: float
    posts: int


def _rank(frame: pd.DataFrame, column: str, min_posts: int) -> list[Slot]:
    rated = frame.dropna(subset=["index"])
    if column == "hour":
        rated = rated[rated["timed"]]
    slots = []
    for value, group in rated.groupby(column):
        if len(group) >= min_posts:
            slots.append(Slot(int(str(value)), float(group["index"].median()), len(group)))
    return sorted(slots, key=lambda s: (-s.median_index, -s.posts, s.value))


def rank_weekdays(frame: pd.DataFrame, min_posts: int, platform: str | None = None) -> list[Slot]:
    """Weekdays (0 = Monday) with at least ``min_posts`` rated posts, best median index first."""
    part = frame if platform is None else frame[frame["platform"] == platform]
    return _rank(part, "weekday", min_posts)


def rank_hours(frame: pd.DataFrame, min_posts: int, platform: str | None = None) -> list[Slot]:
    """Local hours with at least ``min_posts`` rated posts with a time, best median index first."""
    part = frame if platform is None else frame[frame["platform"] == platform]
    return _rank(part, "hour", min_posts)


def slot_grid(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Median performance index and post count per weekday (rows 0-6) × hour (columns).

    Only posts with a time of day and a rate count. Hours without any post are left out.
    """
    timed = frame[frame["timed"]].dropna(subset=["index"])
    if timed.empty:
        empty = pd.DataFrame(index=range(7))
        return empty, empty
    timed = timed.assign(hour=timed["hour"].astype("int64"))
    medians = timed.pivot_table(index="weekday", columns="hour", values="index", aggfunc="median")
    counts = timed.pivot_table(index="weekday", columns="hour", values="index", aggfunc="count")
    medians = medians.reindex(range(7))
    counts = counts.reindex(range(7)).fillna(0).astype("int64")
    return medians, counts


def _match_count(text: str, keywords: Sequence[str]) -> int:
    folded = text.casefold()
    return sum(1 for k in keywords if k.casefold() in folded)


def classify_posts(texts: Sequence[Any], pillars: Sequence[tuple[str, Sequence[str]]]) -> list[str | None]:
    """The pillar of each post: the one whose keywords its text contains most; None if none.

    A keyword matches anywhere in the text, ignoring case (``ausbildung`` matches
    ``#Ausbildung``). The count is of distinct keywords found; on a tie the pillar listed
    first wins.
    """
    result: list[str | None] = []
    for text in texts:
        if not isinstance(text, str) or not text:
            result.append(None)
            continue
        best: str | None = None
        best_hits = 0
        for name, keywords in pillars:
            hits = _match_count(text, keywords)
            if hits > best_hits:
                best, best_hits = name, hits
        result.append(best)
    return result


def normalize_handle(handle: str) -> str:
    """A handle without ``@``, spaces, dots, hyphens, underscores and case: the comparable stem."""
    return re.sub(r"[^0-9a-z]+", "", handle.casefold())


@dataclass(frozen=True)
class HandleCheck:
    """One account's handle compared with the handle most accounts share.

    ``status``: ``same`` (identical once normalized), ``variant`` (one contains the other,
    e.g. ``hallbergpumpengmbh`` and ``hallbergpumpen``), ``different`` or ``missing``.
    """

    network: str
    handle: str
    normalized: str
    status: str


def handle_consistency(accounts: Sequence[Any]) -> tuple[str | None, list[HandleCheck]]:
    """Compare the handles of ``accounts`` (objects with ``network`` and ``handle``).

    The reference is the normalized handle most accounts share (on a tie, the first one
    listed).
    """
    normalized = [normalize_handle(getattr(a, "handle", "") or "") for a in accounts]
    present = [n for n in normalized if n]
    if not present:
        return None, [HandleCheck(a.network, a.handle, "", "missing") for a in accounts]
    counts: dict[str, int] = {}
    for n in present:
        counts[n] = counts.get(n, 0) + 1
    reference = max(counts, key=lambda n: (counts[n], -present.index(n)))
    checks = []
    for account, norm in zip(accounts, normalized, strict=True):
        if not norm:
            status = "missing"
        elif norm == reference:
            status = "same"
        elif reference in norm or norm in reference:
            status = "variant"
        else:
            status = "different"
        checks.append(HandleCheck(str(account.network), str(account.handle), norm, status))
    return reference, checks


def apportion(weights: Sequence[float], count: int) -> list[int]:
    """Pick ``count`` items one after the other in proportion to ``weights``.

    Each pick goes to the item furthest behind its due share: the largest
    ``weight × picks so far + weight − already picked`` (weights normalized; on a tie the
    first item). Weights 2 and 1 over six picks give 0, 1, 0, 0, 1, 0.
    """
    if not weights or count <= 0:
        return []
    total = sum(weights)
    shares = [w / total for w in weights] if total > 0 else [1 / len(weights)] * len(weights)
    picked = [0] * len(weights)
    order: list[int] = []
    for step in range(count):
        due = [share * (step + 1) - got for share, got in zip(shares, picked, strict=True)]
        best = max(range(len(due)), key=lambda i: (round(due[i], 12), -i))
        picked[best] += 1
        order.append(best)
    return order
