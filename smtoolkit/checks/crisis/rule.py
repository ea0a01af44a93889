"""The page's alert rule on a timestamped series of mention counts: :func:`alerts`.

The page, the benchmark and any outside evaluation call :func:`alerts` and nothing else,
so what the client reads is what was measured. The rule (chosen on labelled real series,
see docs/checks/08-crisis.md): a period alerts when the robust z of its count against
the same weekday (days) or the same hour of the day (hours) passes ``threshold``; days
also alert on a jump (z against the 7 days before above ``expert.jump``), hours also
when the negative binomial CUSUM passes ``expert.cusum_h_hourly``. In every case the
count must exceed the expected count by ``min_excess`` mentions.

Any sensible input works: a DatetimeIndex, tz-aware or naive, unsorted, with gaps or
repeated timestamps; NaN, negative or missing counts are unknown periods; a short history
falls back to a baseline without rhythm, and with fewer than three known periods before
it a period raises no alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from smtoolkit.checks.crisis.detectors import Detection, baseline_stats
from smtoolkit.checks.crisis.model import AlertSettings
from smtoolkit.checks.crisis.seasonal import nb_cusum, robust_z
from smtoolkit.errors import ConfigError

__all__ = [
    "FALSE_ALARM_WEEKS",
    "RESOLUTIONS",
    "Grid",
    "Resolution",
    "alerts",
    "combine",
    "detections",
    "grid",
    "rule_name",
]

Resolution = Literal["daily", "hourly"]
RESOLUTIONS: dict[str, str] = {"daily": "D", "hourly": "h"}
#: The false-alarm rate the page states: about one false alarm every this many weeks on
#: a normal month (daily rule with the default settings). Measured: one every 20 weeks on
#: the test series and one every 33 weeks on the tuning series of
#: ``python benchmarks/crisis_eval.py`` (0.71 and 0.43 per 100 days), one every 15 weeks in
#: the quiet months of the demo's low-volume series; the page states the least favourable.
FALSE_ALARM_WEEKS = 15
#: Periods per day at each resolution: the windows of the settings are in days.
PER_DAY = {"daily": 1, "hourly": 24}


@dataclass(frozen=True)
class Grid:
    """The counts on a regular grid of periods, and where each input row falls on it."""

    periods: pd.DatetimeIndex
    counts: npt.NDArray[np.float64]
    position: npt.NDArray[np.intp]  # grid position of each input row


def _index(counts: pd.Series) -> pd.DatetimeIndex:
    index = counts.index
    if isinstance(index, pd.DatetimeIndex):
        return index
    try:
        return pd.DatetimeIndex(pd.to_datetime(index))
    except (TypeError, ValueError) as err:
        raise ConfigError(
            "crisis alerts: the counts need timestamps as their index (one per day or per hour); "
            f"got {type(index).__name__}. Index the series by date, e.g. series.index = pd.to_datetime(...)."
        ) from err


def grid(counts: pd.Series, resolution: Resolution = "daily") -> Grid:
    """Put ``counts`` on a regular grid of days or hours (sums per period, NaN where nothing is known)."""
    if resolution not in RESOLUTIONS:
        raise ConfigError(f"crisis alerts: resolution {resolution!r} is not known; use 'daily' or 'hourly'.")
    if not isinstance(counts, pd.Series):
        raise ConfigError(
            "crisis alerts: the counts must be a pandas Series indexed by timestamp, "
            f"got {type(counts).__name__}."
        )
    index = _index(counts)
    freq = RESOLUTIONS[resolution]
    values = pd.to_numeric(counts, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    values = np.where(values < 0, np.nan, values)
    stamps = (
        index.floor(freq, ambiguous="NaT", nonexistent="NaT") if index.tz is not None else index.floor(freq)
    )
    known = ~pd.isna(stamps)
    if not known.any():
        empty = pd.DatetimeIndex([], tz=index.tz)
        return Grid(empty, np.array([]), np.full(len(index), -1, dtype=np.intp))
    frame = pd.DataFrame({"stamp": stamps[known], "value": values[known]})
    per_period = frame.groupby("stamp")["value"].sum(min_count=1)
    periods = pd.date_range(per_period.index.min(), per_period.index.max(), freq=freq)
    regular = per_period.reindex(periods).to_numpy(dtype=np.float64)
    position = np.full(len(index), -1, dtype=np.intp)
    position[known] = periods.get_indexer(stamps[known])
    return Grid(periods, regular, position)


def _jump(counts: npt.NDArray[np.float64], threshold: float, min_excess: float) -> Detection:
    """The z-score against the 7 periods before (SD at least √mean and 1); alert above ``threshold``."""
    mean, sd = baseline_stats(counts, 7)
    sigma = np.maximum(np.maximum(sd, np.sqrt(np.maximum(mean, 0.0))), 1.0)
    with np.errstate(invalid="ignore"):
        z = (counts - mean) / sigma
    alarm = (np.nan_to_num(z, nan=-np.inf) > threshold) & (
        np.nan_to_num(counts - mean, nan=-np.inf) >= min_excess
    )
    return Detection("jump", z, alarm, threshold)


def detections(
    counts: pd.Series, resolution: Resolution = "daily", settings: AlertSettings | None = None
) -> tuple[Grid, dict[str, Detection]]:
    """The grid and the detectors of the rule at ``resolution`` on it (those switched off are left out)."""
    s = settings or AlertSettings()
    e = s.expert
    g = grid(counts, resolution)
    daily = resolution == "daily"
    if daily:
        phases = [(g.periods.day_of_week.to_numpy(), e.cycles)]
    else:
        phases = [(g.periods.hour.to_numpy(), e.cycles_hourly)]
    fallback = e.fallback if daily else e.fallback_hourly
    window = e.window_days * PER_DAY[resolution]
    jump = e.jump if daily else e.jump_hourly
    cusum_h = e.cusum_h if daily else e.cusum_h_hourly
    found = {
        "robust_z": robust_z(
            g.counts,
            phases,
            threshold=s.threshold,
            min_excess=s.min_excess,
            fallback=fallback,
            window=window,
            min_scale=e.min_scale,
        )
    }
    if jump is not None:
        found["jump"] = _jump(g.counts, jump, s.min_excess)
    if cusum_h is not None:
        found["nb_cusum"] = nb_cusum(
            g.counts,
            phases,
            shift=e.cusum_shift,
            h=cusum_h,
            min_excess=s.min_excess,
            fallback=fallback,
            window=window,
            min_scale=e.min_scale,
        )
    return g, found


def rule_name(resolution: Resolution, settings: AlertSettings | None = None) -> str:
    """The detectors the rule combines at ``resolution``, e.g. ``robust_z|jump``."""
    s = settings or AlertSettings()
    e = s.expert
    parts = ["robust_z"]
    if (e.jump if resolution == "daily" else e.jump_hourly) is not None:
        parts.append("jump")
    if (e.cusum_h if resolution == "daily" else e.cusum_h_hourly) is not None:
        parts.append("nb_cusum")
    return "|".join(parts)


def combine(found: dict[str, Detection]) -> npt.NDArray[np.bool_]:
    """The rule: a period alerts when any of its detectors alerts."""
    flags = np.zeros(len(next(iter(found.values())).alarm), dtype=bool)
    for detection in found.values():
        flags |= detection.alarm
    return flags


def alerts(
    counts: pd.Series, resolution: Resolution = "daily", settings: AlertSettings | None = None
) -> pd.Series:
    """True where the page's alert rule raises an alert, on the index of ``counts``.

    ``counts``: mention counts indexed by timestamp, one per day or per hour
    (``resolution`` "daily" or "hourly"). ``settings``: the engagement's tuning
    (:class:`~smtoolkit.checks.crisis.model.AlertSettings`; None gives the defaults).
    Returns a boolean Series with the index of ``counts``; a row alerts when the period it
    falls in alerts.
    """
    s = settings or AlertSettings()
    g, found = detections(counts, resolution, s)
    flags = combine(found)
    result = np.zeros(len(counts), dtype=bool)
    placed = g.position >= 0
    result[placed] = flags[g.position[placed]]
    return pd.Series(result, index=counts.index, name="alert", dtype=bool)
