"""Where check 02 gets the monthly history of a KPI: the client's imported platform exports.

The realism flag of check 02 compares the growth a goal needs with the growth its KPI had
in the engagement's ``data/`` files, read by :mod:`smtoolkit.importers`. This module is the
one place that turns those files into a monthly series of one KPI.

KPIs with a history, per platform (``None``: all platforms together):

- ``reach``, ``impressions``, ``clicks``, ``video_views``: the month's total over all posts.
- ``engagement_rate`` (percent): 100 × (reactions + comments + shares + saves) ÷ reach of the
  month's posts that have a reach; where no post of the month has a reach, ÷ impressions.
- ``ctr`` (percent): 100 × clicks ÷ impressions of the month's posts that have both.
- ``followers``: the level at the end of each month. Exports that carry a total use it.
  Meta and LinkedIn exports carry only the daily gains; then the levels are reconstructed
  backwards from the goal's baseline, taken as the level on the last day of the data:
  level(d) = baseline − Σ gains after d.

Only calendar months the data covers completely are used, so a half month at either end
does not look like a drop. Other KPIs (leads, applications, response times, sentiment, share
of voice, ROI) are not in platform exports and have no history here: the goal then says
that realism could not be judged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from smtoolkit.errors import DataImportError
from smtoolkit.importers import FolderImport, Kind, cached_folder

__all__ = ["SUPPORTED_KPIS", "historical_series"]

_TOTALS = ("reach", "impressions", "clicks", "video_views")
_INTERACTIONS = ("reactions", "comments", "shares", "saves")
SUPPORTED_KPIS: frozenset[str] = frozenset({*_TOTALS, "engagement_rate", "ctr", "followers"})
_LOCAL_TZ = "Europe/Berlin"


#: The kinds check 02 (and checks 07 and 09, which share this import) read.
PLATFORM_KINDS: frozenset[Kind] = frozenset({Kind.POSTS, Kind.FOLLOWERS})


def _folder_import(engagement: Any) -> FolderImport | None:
    folder = Path(engagement.folder) / "data"
    if not folder.is_dir():
        return None
    return cached_folder(folder, PLATFORM_KINDS)


def _complete_months(days: pd.Series) -> pd.PeriodIndex:
    """The calendar months fully inside the first and last day of ``days``."""
    first, last = days.min(), days.max()
    months = pd.period_range(first.to_period("M"), last.to_period("M"), freq="M")
    keep = [
        m
        for m in months
        if m.start_time.normalize() >= first.normalize() and m.end_time.normalize() <= last.normalize()
    ]
    return pd.PeriodIndex(keep, freq="M")


def _local_days(stamps: pd.Series) -> pd.Series:
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert(_LOCAL_TZ).dt.tz_localize(None)
    days: pd.Series = stamps.dt.normalize()
    return days


def _table(data: FolderImport, kind: Kind, platform: str | None) -> pd.DataFrame | None:
    tables = data.tables(kind)
    if not tables:
        errors = data.errors_for(kind)
        if errors:
            raise DataImportError(errors[0].message)
        return None
    frame = data.frame(kind, dated=True)
    if platform is not None:
        frame = frame[frame["platform"] == platform]
    return frame if len(frame) else None


def _post_series(posts: pd.DataFrame, kpi: str) -> pd.Series | None:
    days = _local_days(posts["published_at"])
    months = _complete_months(days)
    if not len(months):
        return None
    frame = posts.assign(month=days.dt.to_period("M"))
    frame = frame[frame["month"].isin(months)]
    numbers = frame[[*_TOTALS, *_INTERACTIONS, "month"]].copy()
    for column in (*_TOTALS, *_INTERACTIONS):
        numbers[column] = pd.to_numeric(numbers[column], errors="coerce").astype("float64")
    grouped = numbers.groupby("month")
    if kpi in _TOTALS:
        values = grouped[kpi].sum(min_count=1)
    elif kpi == "engagement_rate":
        numbers["interactions"] = numbers[list(_INTERACTIONS)].sum(axis=1, min_count=1)
        with_reach = numbers[numbers["reach"] > 0].groupby("month")
        with_impr = numbers[numbers["impressions"] > 0].groupby("month")
        # min_count=1: a month whose posts carry no interaction figures has no rate, not 0 %
        by_reach = 100 * with_reach["interactions"].sum(min_count=1) / with_reach["reach"].sum()
        by_impr = 100 * with_impr["interactions"].sum(min_count=1) / with_impr["impressions"].sum()
        values = by_reach.combine_first(by_impr)
    elif kpi == "ctr":
        both = numbers[(numbers["impressions"] > 0) & numbers["clicks"].notna()].groupby("month")
        values = 100 * both["clicks"].sum() / both["impressions"].sum()
    else:
        return None
    values = values.dropna()
    return values if len(values) else None


def _follower_series(followers: pd.DataFrame, baseline: float | None) -> pd.Series | None:
    days = pd.to_datetime(followers["date"]).dt.normalize()
    months = _complete_months(days)
    if not len(months):
        return None
    totals = pd.to_numeric(followers["followers"], errors="coerce").astype("float64")
    if totals.notna().any():
        level = pd.Series(totals.to_numpy(), index=days).dropna().groupby(level=0).last()
    else:
        gains = pd.to_numeric(followers["new_followers"], errors="coerce").astype("float64")
        if baseline is None or not gains.notna().any():
            return None
        daily = pd.Series(gains.fillna(0).to_numpy(), index=days).groupby(level=0).sum().sort_index()
        after = daily[::-1].cumsum()[::-1] - daily  # gains strictly after each day
        level = baseline - after
    month_end = level.groupby(pd.DatetimeIndex(level.index).to_period("M")).last()
    values = month_end[month_end.index.isin(months)]
    return values if len(values) else None


def historical_series(
    engagement: Any, kpi: str, platform: str | None, *, baseline: float | None = None
) -> pd.Series | None:
    """Return the monthly values of ``kpi`` on ``platform`` from the engagement's data, or None.

    The index is a monthly ``PeriodIndex``. Returns ``None`` when the KPI has no history in
    platform exports or the data holds nothing for it; raises
    :class:`~smtoolkit.errors.DataImportError` when the only file for it cannot be read.
    """
    if kpi not in SUPPORTED_KPIS:
        return None
    data = _folder_import(engagement)
    if data is None:
        return None
    if kpi == "followers":
        followers = _table(data, Kind.FOLLOWERS, platform)
        return None if followers is None else _follower_series(followers, baseline)
    posts = _table(data, Kind.POSTS, platform)
    return None if posts is None else _post_series(posts, kpi)
