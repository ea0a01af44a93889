"""Outbreak detectors for daily series: rolling z-score, EARS C1/C2/C3, Poisson CUSUM; pure functions.

Every detector takes a daily series ``x`` (counts, or shares with NaN for days that carry
no value) and returns a :class:`Detection`: the statistic per day and the alarm per day.
Days without a full baseline have the statistic NaN and no alarm. Baselines skip NaN
days and need at least :data:`MIN_BASELINE` values.

Let μ_t and σ_t be the mean and the sample standard deviation (n − 1) of a baseline
window, and σ*_t = max(σ_t, ``min_sigma``).

- **Rolling z-score** (window w, default 28): baseline x_{t−w} … x_{t−1};
  z_t = (x_t − μ_t) ÷ σ*_t; alarm when z_t > threshold (default 3).
- **EARS C1** (Hutwagner et al. 2003; R ``surveillance::earsC``, method "C1"): baseline
  the 7 days immediately before, x_{t−7} … x_{t−1}; C1_t = (x_t − μ_t) ÷ σ*_t; alarm when
  C1_t > 3.
- **EARS C2** ("C2"): the same with a guard band of 2 days, baseline x_{t−9} … x_{t−3};
  alarm when C2_t > 3.
- **EARS C3** ("C3"): C3_t = Σ_{i=0..2} max(0, C2_{t−i} − 1), the positive parts of
  C2 − 1 over the current and the two previous days; alarm when C3_t > 2.
- **Poisson CUSUM** (Lucas 1985; R ``surveillance::algo.cusum`` with ``trans =
  "standard"``): z_t = (x_t − m_t) ÷ √m_t, S_t = max(0, S_{t−1} + z_t − k), S_0 = 0;
  alarm when S_t ≥ h, with k = 1.04 and h = 2.26 as the reference's defaults. m_t is the
  expected count: a number (the reference: the mean of the days before the range) or
  one value per day (see :func:`expected_counts`). Like the reference, S is not reset
  after an alarm unless ``reset`` is set.

A zero standard deviation with ``min_sigma`` 0 behaves as in ``surveillance``: the upper
bound is the baseline mean, so any day above it alarms (the statistic is +inf).

Differences to ``surveillance``: its default thresholds are quantiles, qnorm(1 − 0.001)
= 3.09 for C1/C2 and qnorm(1 − 0.025) = 1.96 for C3; the CDC's published thresholds 3 and
2 are the defaults here (pass ``threshold`` to get the quantiles). ``surveillance``
expresses C3 as an upper bound for x_t built from the two previous C2 values only; here
C3 is the sum over the current and the two previous days as CDC defines it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

__all__ = [
    "MIN_BASELINE",
    "Detection",
    "alarm_runs",
    "baseline_stats",
    "ears_c1",
    "ears_c2",
    "ears_c3",
    "expected_counts",
    "poisson_cusum",
    "rolling_zscore",
]

Array = npt.NDArray[np.float64]
MIN_BASELINE = 3


@dataclass(frozen=True)
class Detection:
    """The statistic and the alarms of one detector over a daily series."""

    name: str
    statistic: Array
    alarm: npt.NDArray[np.bool_]
    threshold: float

    @property
    def alarm_days(self) -> npt.NDArray[np.intp]:
        """Positions of the days with an alarm."""
        return np.flatnonzero(self.alarm)


def _as_array(x: npt.ArrayLike) -> Array:
    array = np.asarray(x, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError("a detector needs a one-dimensional daily series")
    return array


def baseline_stats(x: npt.ArrayLike, width: int, lag: int = 0) -> tuple[Array, Array]:
    """Mean and sample SD of x_{t−lag−width} … x_{t−lag−1} for every t (NaN without a baseline).

    NaN values are skipped; fewer than :data:`MIN_BASELINE` values give NaN.
    """
    if width < 2 or lag < 0:
        raise ValueError("a baseline needs a width of at least 2 and a lag of at least 0")
    values = _as_array(x)
    n = len(values)
    mean = np.full(n, np.nan)
    sd = np.full(n, np.nan)
    start = width + lag
    if n <= start:
        return mean, sd
    windows = sliding_window_view(values, width)  # windows[j] = x[j : j + width]
    valid = ~np.isnan(windows)
    count = valid.sum(axis=1)
    filled = np.where(valid, windows, 0.0)
    total = filled.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mu = total / count
        squares = np.where(valid, (windows - mu[:, None]) ** 2, 0.0).sum(axis=1)
        sigma = np.sqrt(squares / (count - 1))
    enough = count >= min(MIN_BASELINE, width)
    mu = np.where(enough, mu, np.nan)
    sigma = np.where(enough, sigma, np.nan)
    # the baseline of day t is windows[t - lag - width]
    targets = np.arange(start, n)
    mean[targets] = mu[targets - start]
    sd[targets] = sigma[targets - start]
    return mean, sd


def _standardize(values: Array, mean: Array, sd: Array, min_sigma: float) -> Array:
    sigma = np.maximum(sd, min_sigma)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (values - mean) / sigma
    flat = sigma == 0
    z[flat & (values > mean)] = np.inf
    z[flat & (values == mean)] = 0.0
    z[flat & (values < mean)] = -np.inf
    return z


def _alarm(statistic: Array, threshold: float) -> npt.NDArray[np.bool_]:
    alarm: npt.NDArray[np.bool_] = np.nan_to_num(statistic, nan=-np.inf) > threshold
    return alarm


def rolling_zscore(
    x: npt.ArrayLike, window: int = 28, threshold: float = 3.0, min_sigma: float = 0.0
) -> Detection:
    """z_t = (x_t − mean) ÷ SD of the ``window`` days before t; alarm when z_t > ``threshold``."""
    values = _as_array(x)
    mean, sd = baseline_stats(values, window)
    z = _standardize(values, mean, sd, min_sigma)
    return Detection("zscore", z, _alarm(z, threshold), threshold)


def ears_c1(x: npt.ArrayLike, threshold: float = 3.0, min_sigma: float = 0.0, baseline: int = 7) -> Detection:
    """EARS C1: z-score against the 7 days immediately before; alarm when C1 > ``threshold``."""
    values = _as_array(x)
    mean, sd = baseline_stats(values, baseline)
    c1 = _standardize(values, mean, sd, min_sigma)
    return Detection("c1", c1, _alarm(c1, threshold), threshold)


def _c2(values: Array, min_sigma: float, baseline: int, lag: int) -> Array:
    mean, sd = baseline_stats(values, baseline, lag)
    return _standardize(values, mean, sd, min_sigma)


def ears_c2(
    x: npt.ArrayLike, threshold: float = 3.0, min_sigma: float = 0.0, baseline: int = 7, lag: int = 2
) -> Detection:
    """EARS C2: z-score against days t−9 … t−3 (a 2-day guard band); alarm when C2 > ``threshold``."""
    values = _as_array(x)
    c2 = _c2(values, min_sigma, baseline, lag)
    return Detection("c2", c2, _alarm(c2, threshold), threshold)


def ears_c3(
    x: npt.ArrayLike, threshold: float = 2.0, min_sigma: float = 0.0, baseline: int = 7, lag: int = 2
) -> Detection:
    """EARS C3: Σ over t, t−1, t−2 of max(0, C2 − 1); alarm when C3 > ``threshold``."""
    values = _as_array(x)
    excess = np.maximum(_c2(values, min_sigma, baseline, lag) - 1.0, 0.0)  # NaN stays NaN
    c3 = np.full(len(values), np.nan)
    if len(values) >= 3:
        c3[2:] = excess[2:] + excess[1:-1] + excess[:-2]
    return Detection("c3", c3, _alarm(c3, threshold), threshold)


def expected_counts(x: npt.ArrayLike, window: int = 28, lag: int = 2, floor: float = 0.5) -> Array:
    """The expected count m_t for the CUSUM: the mean of x_{t−lag−window} … x_{t−lag−1}.

    At least ``floor`` (a day with an expected 0 would make any mention infinitely
    surprising); NaN where there is no baseline yet.
    """
    mean, _ = baseline_stats(x, window, lag)
    return np.where(np.isnan(mean), np.nan, np.maximum(mean, floor))


def poisson_cusum(
    x: npt.ArrayLike, m: float | npt.ArrayLike, k: float = 1.04, h: float = 2.26, *, reset: bool = False
) -> Detection:
    """Poisson CUSUM on standardized counts: S_t = max(0, S_{t−1} + (x_t − m_t)/√m_t − k); alarm S_t ≥ h.

    Days where x or m is NaN leave S unchanged and raise no alarm. With ``reset`` the sum
    restarts at 0 after each alarm (the usual practice once a signal is acted on; the
    reference does not reset, so one large outbreak keeps S above h for weeks).
    """
    values = _as_array(x)
    expected = np.broadcast_to(np.asarray(m, dtype=np.float64), values.shape)
    if np.any(expected[~np.isnan(expected)] <= 0):
        raise ValueError("the expected count m must be above 0")
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (values - expected) / np.sqrt(expected)
    statistic = np.full(len(values), np.nan)
    alarm = np.zeros(len(values), dtype=bool)
    s = 0.0
    started = False
    for t, step in enumerate(z.tolist()):  # a recursion: one pass over the days, not the mentions
        if math.isnan(step):
            if started:
                statistic[t] = s
            continue
        started = True
        s = max(0.0, s + step - k)
        statistic[t] = s
        alarm[t] = s >= h
        if reset and alarm[t]:
            s = 0.0
    return Detection("cusum", statistic, alarm, h)


def alarm_runs(alarm: npt.ArrayLike) -> list[tuple[int, int]]:
    """Consecutive alarm days as (first, last) positions, both included."""
    flags = np.asarray(alarm, dtype=bool)
    if not flags.any():
        return []
    padded = np.concatenate([[False], flags, [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [(int(a), int(b) - 1) for a, b in zip(edges[0::2], edges[1::2], strict=True)]
