"""Goal attainment, the trend toward the deadline and the scorecard light; pure functions.

- **Attainment** ``(actual − baseline) ÷ (target − baseline)``: 0 at the baseline, 1 (100 %)
  at the target, above 1 beyond it, negative when the KPI moved the wrong way. It works for
  KPIs that improve downwards too (response time 20 h → 4 h, actual 14 h: −6 ÷ −16 =
  37.5 %). When target equals baseline (a level to hold), attainment is 1 when the actual
  meets the target in the KPI's good direction (up, or down for cost per engagement and
  first response time) and 0 otherwise.
- **Trend**: the least-squares slope per month through the latest ``window`` dated values
  (at least ``min_points``), x in months from the first of them (calendar months plus days
  ÷ 30.436875, as in check 02). The **projection** at the deadline is the newest value plus
  slope × months from its date to the deadline.
- **Status**: *attained* when the actual already meets the target (in the goal's
  direction: sign(target − baseline), for target = baseline the KPI's good direction);
  else *missed* when the deadline is not after the reference date; else *on track* when
  the projection meets the target, *off track* when it does not, *no trend* with too few
  values.
- **Light**: green when attained or on track; amber when off track but the projection
  reaches at least ``amber_from`` of the way (projected attainment); red when off track
  below that, or missed; grey (not judged) without a trend or without an attainment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from smtoolkit.checks.goals.analysis import LOWER_IS_BETTER, months_between

__all__ = [
    "GREY",
    "Trend",
    "attainment",
    "direction",
    "light_of",
    "meets",
    "slope_per_month",
    "status_of",
    "trend",
]

#: The scorecard light of a goal that cannot be judged.
GREY = "grey"


def direction(baseline: float, target: float, kpi: str | None) -> int:
    """+1 when the goal raises the KPI, −1 when it lowers it; for target = baseline the KPI's good way."""
    if target > baseline:
        return 1
    if target < baseline:
        return -1
    return -1 if kpi in LOWER_IS_BETTER else 1


def meets(value: float, baseline: float, target: float, kpi: str | None) -> bool:
    """True when ``value`` reaches ``target`` in the goal's direction."""
    return direction(baseline, target, kpi) * (value - target) >= 0


def attainment(actual: float, baseline: float, target: float, kpi: str | None = None) -> float:
    """``(actual − baseline) ÷ (target − baseline)``; for target = baseline 1 if met, else 0."""
    if target == baseline:
        return 1.0 if meets(actual, baseline, target, kpi) else 0.0
    return (actual - baseline) / (target - baseline)


def slope_per_month(points: Sequence[tuple[dt.date, float]]) -> float | None:
    """The least-squares slope of ``points`` per month, or None when all share one date."""
    if len(points) < 2:
        return None
    first = points[0][0]
    xs = [months_between(first, day) for day, _ in points]
    ys = [value for _, value in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


@dataclass(frozen=True)
class Trend:
    """The trend of a KPI toward a goal's deadline."""

    slope: float
    points: int
    last_day: dt.date
    last_value: float
    months_left: float
    projection: float


def trend(
    points: Sequence[tuple[dt.date, float]],
    deadline: dt.date,
    *,
    window: int = 6,
    min_points: int = 3,
) -> Trend | None:
    """The slope through the latest ``window`` points and the projection at ``deadline``."""
    used = sorted(points)[-window:]
    if len(used) < max(2, min_points):
        return None
    slope = slope_per_month(used)
    if slope is None:
        return None
    last_day, last_value = used[-1]
    months = months_between(last_day, deadline)
    return Trend(slope, len(used), last_day, last_value, months, last_value + slope * months)


def status_of(
    actual: float,
    baseline: float,
    target: float,
    kpi: str | None,
    deadline: dt.date | None,
    reference: dt.date,
    found: Trend | None,
) -> str:
    """``attained``, ``missed``, ``on_track``, ``off_track`` or ``no_trend``."""
    if meets(actual, baseline, target, kpi):
        return "attained"
    if deadline is not None and deadline <= reference:
        return "missed"
    if found is None or deadline is None:
        return "no_trend"
    return "on_track" if meets(found.projection, baseline, target, kpi) else "off_track"


def light_of(status: str, projected: float | None, amber_from: float) -> str:
    """``green``, ``amber``, ``red`` or ``grey`` for a goal's status and projected attainment."""
    if status in {"attained", "on_track"}:
        return "green"
    if status == "off_track":
        return "amber" if projected is not None and projected >= amber_from else "red"
    if status == "missed":
        return "red"
    return GREY
