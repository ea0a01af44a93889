"""Where check 09 gets the actual value of each KPI, and why one is missing.

Every KPI of the shared catalogue (:data:`smtoolkit.catalogues.KPIS`) is looked up for a
platform (``None``: all platforms together) and returns an :class:`Actual`: the newest
value with its date and source, the series behind it (for the trend) or the reason it is
missing. Sources, in this order:

1. **exports** (via :func:`smtoolkit.checks.goals.history.historical_series`, the one place
   that turns exports into monthly KPI series): reach, impressions, clicks, video views,
   engagement rate, CTR and followers. The actual is the value of the latest complete
   month, dated on the month's last day. Followers need one count as anchor because the
   exports carry only daily gains: the newest ``followers`` row of the measured values,
   else check 07's follower count of that platform; the level on the last day of the data
   is ``F + C(last) − C(as of)`` (see :mod:`smtoolkit.checks.content.data`). For all
   platforms together every platform with follower data needs such a count.
   Follower growth is the month-on-month change of that series, ``(F_m − F_m−1) ÷ F_m−1``.
2. **check 04** for cost per engagement (all platforms only): the monthly budget of check
   04 ÷ the engagements (reactions + comments + shares + saves) of each complete month; and
   for ROI ``(value − annual budget) ÷ annual budget`` with the value credited to social
   media per year from this section. Check 04 plans costs for all platforms together, so
   these KPIs have no value per platform.
3. **check 06** for mentions, share of voice and net sentiment (see
   :mod:`smtoolkit.checks.success.monitoring`).
4. **measured values** of this section for everything no export holds (leads,
   applications, response rate, first response time), and as a fallback for the KPIs
   above when their source has nothing, except share of voice and net sentiment, which only
   check 06 supplies.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from smtoolkit.checks.content import data as content_data
from smtoolkit.checks.goals.history import historical_series
from smtoolkit.checks.success.model import MeasuredValue, SuccessAnswers
from smtoolkit.errors import DataImportError
from smtoolkit.importers import Kind
from smtoolkit.messages import Message, Money, Number, Term

__all__ = [
    "EXPORT_KPIS",
    "MEASURED_ONLY",
    "MONITORING_KPIS",
    "Actual",
    "Measurements",
    "month_end",
]

#: KPIs read from the platform exports through check 02's history.
EXPORT_KPIS = frozenset(
    {"reach", "impressions", "clicks", "video_views", "engagement_rate", "ctr", "followers"}
)
#: KPIs computed with the costs of check 04 (all platforms only).
COST_KPIS = frozenset({"cost_per_engagement", "roi"})
#: KPIs that come from check 06 (monitoring); mentions may fall back to a measured value.
MONITORING_KPIS = frozenset({"share_of_voice", "net_sentiment", "mentions"})
#: KPIs that no export or other check holds: only the measured values table has them.
MEASURED_ONLY = frozenset({"response_rate", "first_response_time", "leads", "applications"})

Point = tuple[dt.date, float]


def month_end(period: Any) -> dt.date:
    """The last day of a monthly period."""
    return dt.date(period.year, period.month, calendar.monthrange(period.year, period.month)[1])


@dataclass(frozen=True)
class Actual:
    """The actual value of one KPI on one platform (None: all platforms).

    ``source``: ``exports``, ``check04``, ``check06`` or ``measured``; ``series`` is every
    dated value behind it, oldest first (the trend is fitted to it). Without a value,
    ``missing`` says which input is missing.
    """

    kpi: str
    platform: str | None
    value: float | None = None
    as_of: dt.date | None = None
    source: str | None = None
    series: tuple[Point, ...] = ()
    missing: Message | None = None
    detail: Message | None = None

    @property
    def ok(self) -> bool:
        """True when there is a value."""
        return self.value is not None


def _series_points(series: pd.Series | None) -> tuple[Point, ...]:
    if series is None:
        return ()
    points = []
    for period, value in series.items():
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            points.append((month_end(period), float(value)))
    return tuple(sorted(points))


def _where(kpi: str, platform: str | None) -> dict[str, Any]:
    return {
        "kpi": Term(f"kpi.{kpi}"),
        "platform": Term(f"platform.{platform}") if platform else Term("success.all_platforms"),
    }


@dataclass
class Measurements:
    """Looks up actual values for one engagement; results are cached per KPI and platform.

    ``monitoring`` returns the monthly points and a detail, or a missing-message, for share
    of voice and net sentiment (injected for tests; by default backed by check 06).
    """

    answers: SuccessAnswers
    engagement: Any = None
    reference: dt.date = field(default_factory=dt.date.today)
    monitoring: Callable[[str], tuple[list[Point], Message | None] | Message] | None = None
    _cache: dict[tuple[str, str | None], Actual] = field(default_factory=dict)

    def actual(self, kpi: str, platform: str | None) -> Actual:
        """The actual value of ``kpi`` on ``platform``, or why there is none."""
        key = (kpi, platform)
        if key not in self._cache:
            self._cache[key] = self._lookup(kpi, platform)
        return self._cache[key]

    # -- measured values -------------------------------------------------------------

    def measured_rows(self, kpi: str, platform: str | None) -> list[MeasuredValue]:
        """The measured values of ``kpi`` on ``platform``, oldest first."""
        rows = [m for m in self.answers.measured if m.kpi == kpi and m.platform == platform]
        return sorted(rows, key=lambda m: m.as_of or self.reference)

    def _measured(self, kpi: str, platform: str | None, missing: Message | None) -> Actual:
        rows = self.measured_rows(kpi, platform)
        if not rows:
            return Actual(kpi, platform, missing=missing)
        newest = rows[-1]
        series = tuple((m.as_of or self.reference, float(m.value)) for m in rows)
        detail = Message("success.detail.measured", {"source": newest.source}) if newest.source else None
        return Actual(
            kpi,
            platform,
            float(newest.value),
            newest.as_of or self.reference,
            "measured",
            series,
            None,
            detail,
        )

    # -- the lookup ------------------------------------------------------------------

    def _lookup(self, kpi: str, platform: str | None) -> Actual:
        if kpi in MONITORING_KPIS - {"mentions"}:
            return self._monitoring(kpi, platform)
        if kpi in MEASURED_ONLY:
            return self._measured(kpi, platform, Message("success.missing.measured", _where(kpi, platform)))
        if kpi == "mentions":
            found = self._monitoring(kpi, platform)
        elif kpi == "follower_growth":
            found = self._growth(platform)
        elif kpi == "followers":
            found = self._followers(platform)
        elif kpi in EXPORT_KPIS:
            found = self._export(kpi, platform)
        elif kpi == "cost_per_engagement":
            found = self._cost_per_engagement(platform)
        elif kpi == "roi":
            found = self._roi(platform)
        else:
            found = Actual(kpi, platform, missing=Message("success.missing.measured", _where(kpi, platform)))
        if found.ok:
            return found
        fallback = self._measured(kpi, platform, found.missing)
        return fallback if fallback.ok else found

    def _data(self) -> Any:
        return content_data.folder_import(self.engagement) if self.engagement is not None else None

    def _export(self, kpi: str, platform: str | None, baseline: float | None = None) -> Actual:
        if self.engagement is None:
            return Actual(kpi, platform, missing=Message("success.missing.no_data", _where(kpi, platform)))
        try:
            series = historical_series(self.engagement, kpi, platform, baseline=baseline)
        except DataImportError:
            problems = content_data.data_problems(
                self._data(), Kind.FOLLOWERS if kpi == "followers" else Kind.POSTS, self.engagement
            )
            return Actual(
                kpi,
                platform,
                missing=Message(
                    "success.missing.unreadable",
                    {**_where(kpi, platform), "problem": problems[0] if problems else ""},
                ),
            )
        points = _series_points(series)
        if not points:
            return Actual(kpi, platform, missing=Message("success.missing.export", _where(kpi, platform)))
        if kpi == "engagement_rate" and not self._has_interactions(platform):
            return Actual(
                kpi, platform, missing=Message("success.missing.no_interactions", _where(kpi, platform))
            )
        last_day, value = points[-1]
        return Actual(kpi, platform, value, last_day, "exports", points)

    def _has_interactions(self, platform: str | None) -> bool:
        """True when some post (of ``platform``) has a reaction, comment, share or save figure.

        YouTube's table export has none; a rate computed from it would read 0 %.
        """
        data = self._data()
        posts = data.frame(Kind.POSTS, dated=True) if data is not None else None
        if posts is None or posts.empty:
            return False
        if platform is not None:
            posts = posts[posts["platform"] == platform]
        numbers = posts[list(content_data.INTERACTIONS)].apply(pd.to_numeric, errors="coerce")
        return bool(numbers.notna().to_numpy().any())

    # -- followers -------------------------------------------------------------------

    def _anchor(self, platform: str) -> tuple[float, dt.date | None] | None:
        rows = self.measured_rows("followers", platform)
        if rows:
            return float(rows[-1].value), rows[-1].as_of or self.reference
        try:
            content = self.engagement.section("content") if self.engagement is not None else None
        except (KeyError, AttributeError):
            content = None
        if content is not None:
            from smtoolkit.checks.content.analysis import follower_counts

            counts = follower_counts(content)
            if platform in counts:
                return counts[platform]
        return None

    def _followers(self, platform: str | None) -> Actual:
        data = self._data()
        frame = data.frame(Kind.FOLLOWERS) if data is not None else None
        if frame is None or frame.empty:
            return Actual(
                "followers",
                platform,
                missing=Message("success.missing.export", _where("followers", platform)),
            )
        platforms = [platform] if platform else sorted(set(frame["platform"].dropna().astype(str)))
        frame = frame[frame["platform"].isin(platforms)]
        if frame.empty:
            return Actual(
                "followers",
                platform,
                missing=Message("success.missing.export", _where("followers", platform)),
            )
        has_totals = pd.to_numeric(frame["followers"], errors="coerce").notna().any()
        if has_totals:
            return self._export("followers", platform)
        anchors = {p: self._anchor(p) for p in platforms}
        lacking = [p for p, a in anchors.items() if a is None]
        if lacking:
            return Actual(
                "followers",
                platform,
                missing=Message(
                    "success.missing.follower_count",
                    {"platforms": ", ".join(lacking), **_where("followers", platform)},
                ),
            )
        counts = {p: a for p, a in anchors.items() if a is not None}
        levels = content_data.follower_levels(frame, counts)
        last_day = pd.to_datetime(frame["date"]).max().date()
        baseline = sum(levels[p].on(last_day) for p in platforms)
        return self._export("followers", platform, baseline=baseline)

    def _growth(self, platform: str | None) -> Actual:
        followers = self.actual("followers", platform)
        if not followers.ok or followers.source != "exports" or len(followers.series) < 2:
            reason = followers.missing or Message(
                "success.missing.growth", _where("follower_growth", platform)
            )
            return Actual("follower_growth", platform, missing=reason)
        points = []
        for (_, before), (day, after) in zip(followers.series, followers.series[1:], strict=False):
            if before > 0:
                points.append((day, 100 * (after - before) / before))
        if not points:
            return Actual(
                "follower_growth",
                platform,
                missing=Message("success.missing.growth", _where("follower_growth", platform)),
            )
        return Actual("follower_growth", platform, points[-1][1], points[-1][0], "exports", tuple(points))

    # -- costs -----------------------------------------------------------------------

    def _costs(self) -> Any:
        try:
            effort = self.engagement.section("effort") if self.engagement is not None else None
        except (KeyError, AttributeError):
            effort = None
        if effort is None or not getattr(effort, "channels", None):
            return None
        from smtoolkit.checks.effort import compute_costs, compute_workload

        costs = compute_costs(effort, compute_workload(effort))
        return costs if costs.annual > 0 else None

    def _cost_per_engagement(self, platform: str | None) -> Actual:
        kpi = "cost_per_engagement"
        if platform is not None:
            return Actual(
                kpi, platform, missing=Message("success.missing.cost_platform", _where(kpi, platform))
            )
        costs = self._costs()
        if costs is None:
            return Actual(kpi, platform, missing=Message("success.missing.costs", _where(kpi, platform)))
        data = self._data()
        posts = data.frame(Kind.POSTS, dated=True) if data is not None else None
        totals = content_data.monthly_engagements(posts) if posts is not None else pd.Series(dtype=float)
        totals = totals[totals > 0]
        if totals.empty:
            return Actual(
                kpi, platform, missing=Message("success.missing.engagements", _where(kpi, platform))
            )
        points = tuple((month_end(m), costs.monthly / float(v)) for m, v in totals.items())
        detail = Message(
            "success.detail.cpe",
            {"monthly": Money(costs.monthly), "engagements": Number(float(totals.iloc[-1]))},
        )
        return Actual(kpi, platform, points[-1][1], points[-1][0], "check04", points, None, detail)

    def _roi(self, platform: str | None) -> Actual:
        kpi = "roi"
        if platform is not None:
            return Actual(
                kpi, platform, missing=Message("success.missing.cost_platform", _where(kpi, platform))
            )
        costs = self._costs()
        if costs is None:
            return Actual(kpi, platform, missing=Message("success.missing.costs", _where(kpi, platform)))
        value = self.answers.attributed_value_per_year
        if value is None:
            return Actual(kpi, platform, missing=Message("success.missing.value", _where(kpi, platform)))
        roi = 100 * (value - costs.annual) / costs.annual
        detail = Message("success.detail.roi", {"value": Money(value), "cost": Money(costs.annual)})
        return Actual(kpi, platform, roi, self.reference, "check04", ((self.reference, roi),), None, detail)

    # -- check 06 --------------------------------------------------------------------

    def _monitoring(self, kpi: str, platform: str | None) -> Actual:
        if platform is not None:
            return Actual(
                kpi, platform, missing=Message("success.missing.monitoring_platform", _where(kpi, platform))
            )
        if self.monitoring is None:
            return Actual(kpi, platform, missing=Message("success.missing.check06", _where(kpi, platform)))
        found = self.monitoring(kpi)
        if isinstance(found, Message):
            return Actual(kpi, platform, missing=found)
        points, detail = found
        if not points:
            return Actual(
                kpi, platform, missing=Message("success.missing.no_mentions", _where(kpi, platform))
            )
        series = tuple(sorted(points))
        return Actual(kpi, platform, series[-1][1], series[-1][0], "check06", series, None, detail)
