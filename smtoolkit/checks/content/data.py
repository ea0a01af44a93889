"""Where checks 07 and 09 get the client's exports: one cached import per data folder.

Also the two calculations on the imported tables that both checks need:

- **follower levels**: exports of LinkedIn and Meta carry only the followers gained per
  day. With one follower count read on day ``a`` (``F``), the level on any day ``d`` is
  ``F + C(d) − C(a)``, where ``C(x)`` is the sum of the gains on all days up to and
  including ``x`` (days outside the export count 0). An export that carries totals is used
  as it is (the last total on or before the day; before the first total, the first one).
  Without gains in the data the count is used for every day.
- **engagements per month**: reactions + comments + shares + saves of the posts published
  in each calendar month that the posts cover completely (the same complete-month rule as
  check 02's history).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from smtoolkit.checks.datafiles import not_read
from smtoolkit.checks.goals.history import PLATFORM_KINDS
from smtoolkit.importers import FileError, FolderImport, Kind, cached_folder

__all__ = [
    "INTERACTIONS",
    "LOCAL_TZ",
    "FollowerLevels",
    "complete_months",
    "data_problems",
    "folder_import",
    "follower_levels",
    "local_days",
    "monthly_engagements",
    "relative_message",
]

#: The interactions counted as engagement (clicks are not: they are a separate KPI, CTR).
INTERACTIONS = ("reactions", "comments", "shares", "saves")
LOCAL_TZ = "Europe/Berlin"


def folder_import(engagement: Any) -> FolderImport | None:
    """The engagement's posts and followers read by the importers, or None without ``data/``."""
    folder = getattr(engagement, "folder", None)
    if folder is None:
        return None
    data = Path(folder) / "data"
    if not data.is_dir():
        return None
    return cached_folder(data, PLATFORM_KINDS)


def relative_message(error: FileError, engagement_folder: Path | None) -> str:
    """The file's name below ``data/`` and the first line of its import error (no path, no content)."""
    return str(not_read(Path(error.path), error.message, engagement_folder))


def data_problems(data: FolderImport | None, kind: Kind, engagement: Any) -> list[str]:
    """The import errors that concern ``kind``, one short line per file."""
    if data is None:
        return []
    folder = getattr(engagement, "folder", None)
    return [relative_message(e, Path(folder) if folder else None) for e in data.errors_for(kind)]


def local_days(stamps: pd.Series) -> pd.Series:
    """Local calendar days (naive midnight) of tz-aware or naive timestamps."""
    values = pd.to_datetime(stamps)
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_convert(LOCAL_TZ).dt.tz_localize(None)
    days: pd.Series = values.dt.normalize()
    return days


def complete_months(days: pd.Series) -> pd.PeriodIndex:
    """The calendar months lying completely between the first and the last of ``days``."""
    if days.empty:
        return pd.PeriodIndex([], freq="M")
    first, last = days.min(), days.max()
    months = pd.period_range(first.to_period("M"), last.to_period("M"), freq="M")
    keep = [m for m in months if m.start_time >= first and m.end_time.normalize() <= last]
    return pd.PeriodIndex(keep, freq="M")


def monthly_engagements(posts: pd.DataFrame) -> pd.Series:
    """Reactions + comments + shares + saves per complete month (index: monthly periods).

    Months in which no post has any interaction figure are left out.
    """
    if posts.empty:
        return pd.Series(dtype=float, index=pd.PeriodIndex([], freq="M"))
    days = local_days(posts["published_at"])
    months = complete_months(days)
    numbers = posts[list(INTERACTIONS)].apply(pd.to_numeric, errors="coerce").astype("float64")
    interactions = numbers.sum(axis=1, min_count=1)
    frame = pd.DataFrame({"month": days.dt.to_period("M"), "value": interactions})
    frame = frame[frame["month"].isin(months)]
    totals = frame.groupby("month")["value"].sum(min_count=1).dropna()
    totals.index = pd.PeriodIndex(totals.index, freq="M")
    return totals.astype(float)


@dataclass(frozen=True)
class FollowerLevels:
    """The follower level of one platform on any day, and how it was obtained.

    ``method`` is ``totals`` (the export carries totals), ``gains`` (a count plus daily
    gains) or ``count`` (a count without gains: the same level on every day).
    """

    platform: str
    method: str
    days: tuple[dt.date, ...]
    cumulative: tuple[float, ...]
    anchor: float
    anchor_offset: float
    anchor_day: dt.date | None

    def on(self, day: dt.date) -> float:
        """The level at the end of ``day``."""
        if self.method == "count" or not self.days:
            return self.anchor
        index = bisect.bisect_right(self.days, day)
        if self.method == "totals":
            return self.cumulative[max(index - 1, 0)]
        gained = self.cumulative[index - 1] if index > 0 else 0.0
        return self.anchor + gained - self.anchor_offset


def _cumulative_until(days: list[dt.date], cumulative: list[float], day: dt.date) -> float:
    total = 0.0
    for d, c in zip(days, cumulative, strict=True):
        if d <= day:
            total = c
        else:
            break
    return total


def follower_levels(
    followers: pd.DataFrame,
    counts: dict[str, tuple[float, dt.date | None]],
) -> dict[str, FollowerLevels]:
    """Follower levels per platform from the FOLLOWERS table and counts ``{platform: (F, day)}``.

    A count without a day is taken as the level at the end of that platform's data. Platforms
    whose export has totals need no count; platforms with neither totals nor a count are left
    out.
    """
    result: dict[str, FollowerLevels] = {}
    frame = followers.copy()
    if not frame.empty:
        frame["day"] = pd.to_datetime(frame["date"]).dt.normalize().dt.date
        frame["total"] = pd.to_numeric(frame["followers"], errors="coerce").astype("float64")
        frame["gain"] = pd.to_numeric(frame["new_followers"], errors="coerce").astype("float64")
    platforms = set(counts) | (set(frame["platform"].dropna().astype(str)) if not frame.empty else set())
    for platform in sorted(platforms):
        rows = frame[frame["platform"] == platform] if not frame.empty else frame
        totals = rows.dropna(subset=["total"]) if not rows.empty else rows
        if not totals.empty:
            daily = totals.groupby("day")["total"].last().sort_index()
            result[platform] = FollowerLevels(
                platform, "totals", tuple(daily.index), tuple(float(v) for v in daily), 0.0, 0.0, None
            )
            continue
        if platform not in counts:
            continue
        count, day = counts[platform]
        gains = rows.dropna(subset=["gain"]) if not rows.empty else rows
        if gains.empty:
            result[platform] = FollowerLevels(platform, "count", (), (), float(count), 0.0, day)
            continue
        daily = gains.groupby("day")["gain"].sum().sort_index()
        days = list(daily.index)
        cumulative = [float(v) for v in daily.cumsum()]
        anchor_day = day if day is not None else days[-1]
        offset = _cumulative_until(days, cumulative, anchor_day)
        result[platform] = FollowerLevels(
            platform, "gains", tuple(days), tuple(cumulative), float(count), offset, anchor_day
        )
    return result
