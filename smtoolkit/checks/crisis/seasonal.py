"""Detectors for overdispersed, seasonal mention counts on a regular grid; pure functions.

Mention counts of a brand are not Poisson: their variance is tens to thousands of times
their mean, and they follow a weekly rhythm (and, hour by hour, a daily one). The
detectors here work on ``y = log(1 + x)``, where a multiplicative rhythm becomes additive
and the spread of overdispersed counts becomes roughly constant, and they measure
surprise with medians and the median absolute deviation (MAD), so one past peak does not
blind them.

Input: the counts ``x`` of consecutive periods (days or hours, NaN where nothing is
known) and ``phases``, the rhythms of the series, most specific first: for each, the
position of every period in its cycle and how many cycles to use (days: weekday 0-6 over
4 weeks; hours: hour of the day 0-23 over 7 days).

- **Seasonal baseline** (:func:`seasonal_baseline`): b_t = median of y over the last
  same-phase periods before t, by the most specific rhythm that has at least
  :data:`MIN_VALUES` of them (a short history falls back to a coarser rhythm); without
  any, the median of the last ``fallback`` periods of any phase; with fewer than
  :data:`MIN_VALUES` values there either, NaN (no alert).
- **Robust scale** (:func:`robust_scale`): s_t = 1.4826 × MAD of the residuals
  y − b over the last ``window`` periods before t (at least :data:`MIN_VALUES`), at
  least the Poisson spread on the log scale 1 ÷ √(e^{b_t}) (Var log(1 + X) ≈ 1 ÷ (1 + μ)) and at least
  ``min_scale``.
- **Robust z** (:func:`robust_z`): z_t = (y_t − b_t) ÷ s_t; alert when z_t > ``threshold``
  and the count exceeds the expected count e^{b_t} − 1 by at least ``min_excess``.
- **Negative binomial CUSUM** (:func:`nb_cusum`; Höhle and Paul 2008, the CUSUM behind
  R ``surveillance::glrnb`` with a fixed shift): in-control mean μ_t = e^{b_t} − 1 (at
  least 0.5), out-of-control mean κ·μ_t, size r_t from the robust scale (for a negative
  binomial, Var log X ≈ 1/μ + 1/r, so 1/r = max(s_t² − 1/μ_t, 0.01)); the log-likelihood
  ratio of one count is
  ℓ_t = x_t·log(κ(μ_t + r_t) ÷ (κμ_t + r_t)) + r_t·log((μ_t + r_t) ÷ (κμ_t + r_t)),
  S_t = max(0, S_{t−1} + ℓ_t), alert when S_t ≥ h; S restarts at 0 after an alert.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from smtoolkit.checks.crisis.detectors import Detection

__all__ = [
    "MAD_TO_SD",
    "MIN_VALUES",
    "nb_cusum",
    "robust_scale",
    "robust_z",
    "seasonal_baseline",
]

Array = npt.NDArray[np.float64]
MIN_VALUES = 3
MAD_TO_SD = 1.4826  # 1 ÷ Φ⁻¹(3/4): the MAD of a normal sample times this estimates its SD


def _median_of_previous(values: Array, positions: npt.NDArray[np.intp], count: int) -> Array:
    """For each i: the median of the last ``count`` non-NaN values[positions[j]], j < i."""
    result = np.full(len(positions), np.nan)
    history: list[float] = []
    for i, position in enumerate(positions.tolist()):
        if len(history) >= MIN_VALUES:
            result[i] = float(np.median(history[-count:]))
        value = values[position]
        if not math.isnan(value):
            history.append(float(value))
    return result


Phases = Sequence[tuple[npt.ArrayLike, int]]


def seasonal_baseline(y: npt.ArrayLike, phases: Phases = (), fallback: int = 7) -> Array:
    """b_t: the median of y over the last same-phase periods, by the first rhythm of ``phases`` that has them.

    ``phases`` lists rhythms, most specific first, each as (phase per period, periods of
    that phase to use), e.g. ((hour of week, 4), (hour of day, 7)). A rhythm serves a
    period when it has at least :data:`MIN_VALUES` earlier same-phase values; when none
    does, b_t is the median of the last ``fallback`` periods.
    """
    values = np.asarray(y, dtype=np.float64)
    n = len(values)
    result = _median_of_previous(values, np.arange(n), fallback)
    for phase, cycles in reversed(phases):  # the most specific rhythm is applied last and wins
        labels = np.asarray(phase)
        seasonal = np.full(n, np.nan)
        for p in np.unique(labels):
            positions = np.flatnonzero(labels == p)
            seasonal[positions] = _median_of_previous(values, positions, cycles)
        result = np.where(np.isnan(seasonal), result, seasonal)
    return result


def robust_scale(
    y: npt.ArrayLike, baseline: npt.ArrayLike, window: int = 28, min_scale: float = 0.1
) -> Array:
    """s_t: 1.4826 × MAD of y − b over the last ``window`` periods, floored (see the module docstring)."""
    values = np.asarray(y, dtype=np.float64)
    base = np.asarray(baseline, dtype=np.float64)
    residual = values - base
    n = len(values)
    scale = np.full(n, np.nan)
    for t in range(n):
        past = residual[max(0, t - window) : t]
        past = past[~np.isnan(past)]
        if len(past) >= MIN_VALUES:
            scale[t] = MAD_TO_SD * float(np.median(np.abs(past - np.median(past))))
    with np.errstate(invalid="ignore", over="ignore"):
        poisson = 1.0 / np.sqrt(np.exp(base))  # Var log(1 + X) ≈ 1 ÷ (1 + μ) for a Poisson X
    floor = np.maximum(poisson, min_scale)
    return np.where(np.isnan(scale), np.nan, np.maximum(scale, floor))


def robust_z(
    x: npt.ArrayLike,
    phases: Phases = (),
    *,
    threshold: float = 3.5,
    min_excess: float = 5.0,
    fallback: int = 7,
    window: int = 28,
    min_scale: float = 0.1,
) -> Detection:
    """Robust z of log(1 + x) against the seasonal baseline; alert above ``threshold`` by ``min_excess``."""
    counts = np.asarray(x, dtype=np.float64)
    y = np.log1p(np.where(counts < 0, np.nan, counts))
    base = seasonal_baseline(y, phases, fallback)
    scale = robust_scale(y, base, window, min_scale)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (y - base) / scale
    excess = counts - np.expm1(base)
    alarm = np.nan_to_num(z, nan=-np.inf) > threshold
    alarm &= np.nan_to_num(excess, nan=-np.inf) >= min_excess
    return Detection("robust_z", z, alarm, threshold)


def nb_cusum(
    x: npt.ArrayLike,
    phases: Phases = (),
    *,
    shift: float = 2.0,
    h: float = 5.0,
    min_excess: float = 5.0,
    fallback: int = 7,
    window: int = 28,
    min_scale: float = 0.1,
) -> Detection:
    """Negative binomial CUSUM for a ``shift``-fold rise over the seasonal baseline; alert when S ≥ ``h``."""
    if shift <= 1:
        raise ValueError("the CUSUM looks for a rise: the shift must be above 1")
    counts = np.asarray(x, dtype=np.float64)
    y = np.log1p(np.where(counts < 0, np.nan, counts))
    base = seasonal_baseline(y, phases, fallback)
    scale = robust_scale(y, base, window, min_scale)
    mu = np.maximum(np.expm1(base), 0.5)
    statistic = np.full(len(counts), np.nan)
    alarm = np.zeros(len(counts), dtype=bool)
    s = 0.0
    for t in range(len(counts)):  # a recursion: one pass over the periods
        if math.isnan(counts[t]) or math.isnan(base[t]) or math.isnan(scale[t]):
            continue
        llr = nb_llr(float(counts[t]), float(mu[t]), nb_size(float(mu[t]), float(scale[t])), shift)
        s = max(0.0, s + llr)
        statistic[t] = s
        if s >= h and counts[t] - mu[t] >= min_excess:
            alarm[t] = True
            s = 0.0
    return Detection("nb_cusum", statistic, alarm, h)


def nb_size(mu: float, scale: float) -> float:
    """The negative binomial size r with Var log X ≈ 1/μ + 1/r = ``scale``² (1/r at least 0.01)."""
    return 1.0 / max(scale * scale - 1.0 / max(mu, 0.5), 0.01)


def nb_llr(x: float, mu: float, r: float, shift: float) -> float:
    """The log-likelihood ratio of a negative binomial count: mean shift·μ against mean μ, size r."""
    return x * math.log(shift * (mu + r) / (shift * mu + r)) + r * math.log((mu + r) / (shift * mu + r))
