"""Check 08 crisis: detectors by hand and by reference behaviour, scale, readiness, demo backtest."""

from __future__ import annotations

import datetime as dt
import functools
import math
import statistics
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smtoolkit.checks.crisis import (
    AlertSettings,
    CrisisAnswers,
    alarm_runs,
    alerts,
    analyse,
    daily_levels,
    ears_c1,
    ears_c2,
    ears_c3,
    expected_counts,
    level_of,
    poisson_cusum,
    rolling_zscore,
)
from smtoolkit.checks.crisis.detectors import baseline_stats
from smtoolkit.checks.crisis.rule import FALSE_ALARM_WEEKS
from smtoolkit.checks.crisis.seasonal import nb_cusum, nb_llr, robust_z, seasonal_baseline
from smtoolkit.engagement import load_engagement
from smtoolkit.errors import ConfigError
from smtoolkit.i18n import render

ROOT = Path(__file__).parents[2]
# qnorm(1 - 0.001) and qnorm(1 - 0.025): the thresholds of R's surveillance::earsC
Z_0001 = statistics.NormalDist().inv_cdf(0.999)
Z_0025 = statistics.NormalDist().inv_cdf(0.975)


def z(value: float, window: list[float]) -> float:
    """(value − mean) ÷ sample SD of ``window``, worked out with the statistics module."""
    return (value - statistics.mean(window)) / statistics.stdev(window)


def test_c1_uses_the_seven_days_immediately_before() -> None:
    """Day 7 of 2,4,3,5,4,2,3,12: mean 23/7 = 3.2857, SD 1.1127, C1 = 7.8316 > 3."""
    x = [2, 4, 3, 5, 4, 2, 3, 12]
    result = ears_c1(x)
    assert np.isnan(result.statistic[:7]).all()
    assert result.statistic[7] == pytest.approx(z(12, x[:7])) == pytest.approx(7.8316, abs=1e-4)
    assert result.alarm.tolist() == [False] * 7 + [True]


def test_c2_keeps_a_two_day_guard_band() -> None:
    """Day 9 is compared with days 0-6, not with the two days just before it."""
    x = [2, 4, 3, 5, 4, 2, 3, 30, 30, 12]
    result = ears_c2(x)
    assert np.isnan(result.statistic[:9]).all()
    assert result.statistic[9] == pytest.approx(z(12, x[0:7]))
    c1 = ears_c1(x)  # C1's baseline holds the two large days: mean 11, so 12 is no alarm
    assert result.alarm[9] and c1.statistic[9] < 1 and not c1.alarm[9]


def test_c3_sums_the_excess_of_c2_over_three_days() -> None:
    """C2 on days 9, 10, 11 = 2.4394, 5.7090, 8.7831; C3 = 1.4394 + 4.7090 + 7.7831 = 13.9315."""
    x = [2, 4, 3, 5, 4, 2, 3, 3, 4, 6, 9, 12]
    c2 = [z(x[t], x[t - 9 : t - 2]) for t in (9, 10, 11)]
    assert c2 == pytest.approx([2.4394, 5.7090, 8.7831], abs=1e-4)
    result = ears_c3(x)
    assert np.isnan(result.statistic[:11]).all()
    assert result.statistic[11] == pytest.approx(sum(max(0.0, v - 1) for v in c2))
    assert result.statistic[11] == pytest.approx(13.9315, abs=1e-3) and result.alarm[11]


def test_c3_below_its_threshold_raises_no_alarm() -> None:
    """C2 of 1.5, 1.5 and 1.8 gives C3 = 0.5 + 0.5 + 0.8 = 1.8 ≤ 2: no alarm."""
    base = [2.0, 4.0, 3.0, 5.0, 4.0, 2.0, 3.0]
    mean, sd = statistics.mean(base), statistics.stdev(base)
    # constant baselines: repeat the same seven values so every C2 uses mean and SD above
    x = base + base[:2] + [mean + 1.5 * sd, mean + 1.5 * sd, mean + 1.8 * sd]
    c2 = ears_c2(x).statistic
    expected = sum(max(0.0, c2[t] - 1) for t in (9, 10, 11))
    result = ears_c3(x)
    assert result.statistic[11] == pytest.approx(expected)
    assert (expected <= 2) == (not result.alarm[11])


def test_alarm_is_strictly_above_the_upper_bound_as_in_surveillance() -> None:
    """With zα = qnorm(0.999) = 3.0902 an alarm needs x > mean + zα·SD (earsC's alarm rule)."""
    base = [10, 12, 11, 13, 9, 10, 12]
    bound = statistics.mean(base) + Z_0001 * statistics.stdev(base)
    above = ears_c1([*base, bound + 1e-6], threshold=Z_0001)
    at = ears_c1([*base, bound], threshold=Z_0001)
    assert above.alarm[7] and not at.alarm[7]
    assert pytest.approx(3.0902, abs=1e-4) == Z_0001 and pytest.approx(1.96, abs=1e-2) == Z_0025


def test_zero_sd_baseline_alarms_on_any_increase_unless_floored() -> None:
    """With minSigma 0 a flat baseline of 5 alarms at 6 (upper bound = mean); with a floor of 1 it does not."""
    x = [5] * 7 + [6]
    assert ears_c1(x).alarm[7] and ears_c1(x).statistic[7] == np.inf
    assert not ears_c1([5] * 8).alarm[7]
    floored = ears_c1(x, min_sigma=1.0)
    assert floored.statistic[7] == pytest.approx(1.0) and not floored.alarm[7]


def test_rolling_zscore_uses_its_window_and_skips_missing_days() -> None:
    """A 5-day window over 1..5 then 20: z = (20 − 3) ÷ 1.5811 = 10.75; NaN days are left out."""
    result = rolling_zscore([1, 2, 3, 4, 5, 20], window=5)
    assert result.statistic[5] == pytest.approx(z(20, [1, 2, 3, 4, 5])) == pytest.approx(10.7517, abs=1e-4)
    with_gap = rolling_zscore([1, np.nan, 3, 4, 5, 20], window=5)
    assert with_gap.statistic[5] == pytest.approx(z(20, [1, 3, 4, 5]))
    mean, _ = baseline_stats([np.nan, np.nan, np.nan, 1, 2], 4)
    assert np.isnan(mean).all()  # fewer than 3 values in the window


def test_poisson_cusum_by_hand() -> None:
    """With m = 4, x = 8, 8, 8 gives z = 2 and S = 0.96, 1.92, 2.88; the alarm comes on day 3 (S ≥ 2.26)."""
    result = poisson_cusum([4, 6, 8, 8, 8], 4.0)
    # z = 0, 1, 2, 2, 2 -> S = 0, 0 (1 − 1.04 < 0), 0.96, 1.92, 2.88
    assert result.statistic.tolist() == pytest.approx([0.0, 0.0, 0.96, 1.92, 2.88])
    assert result.alarm.tolist() == [False, False, False, False, True]
    assert result.threshold == 2.26


def test_poisson_cusum_keeps_summing_like_the_reference_unless_reset() -> None:
    """Without reset S stays above h after an outbreak (surveillance::algo.cusum); with reset it restarts."""
    x = [4, 20, 4, 4]
    # z = 0, 8, 0, 0 -> S = 0, 6.96, 5.92, 4.88: alarms on days 1, 2, 3
    plain = poisson_cusum(x, 4.0)
    assert plain.statistic.tolist() == pytest.approx([0.0, 6.96, 5.92, 4.88])
    assert plain.alarm.tolist() == [False, True, True, True]
    restarted = poisson_cusum(x, 4.0, reset=True)
    assert restarted.alarm.tolist() == [False, True, False, False]
    with pytest.raises(ValueError, match="above 0"):
        poisson_cusum([1, 2], 0.0)


def test_expected_counts_lag_and_floor() -> None:
    """m_t is the mean of the window ending two days before t, at least 0.5."""
    m = expected_counts([0, 0, 0, 0, 9, 9], window=3, lag=2)
    assert np.isnan(m[:5]).all() and m[5] == pytest.approx(0.5)
    assert expected_counts([3, 3, 3, 0, 0, 0], window=3, lag=2)[5] == pytest.approx(3.0)


def test_alarm_runs_group_consecutive_days() -> None:
    """Alarms on days 1, 2 and 5 are two episodes."""
    assert alarm_runs([False, True, True, False, False, True]) == [(1, 2), (5, 5)]
    assert alarm_runs([False, False]) == []


def test_levels_of_the_scale_by_hand() -> None:
    """Each level needs its own rule and those below it."""
    assert level_of(0, 1, 0, 0, 0, 0) == 0
    assert level_of(2, 1, 0.5, 1, 0, 0) == 1
    assert level_of(4, 1, 0.5, 1, 0, 0) == 2
    assert level_of(6, 2.5, 0.5, 2, 1, 1) == 3
    assert level_of(12, 6, 0.45, 2, 3, 3) == 4
    assert level_of(30, 12, 0.6, 3, 8, 6) == 5
    assert level_of(30, 12, 0.6, 2, 8, 6) == 4  # negatives in two source types only
    assert level_of(300, 60, 0.8, 3, 40, 20) == 6


def test_daily_levels_use_the_median_of_the_28_days_before() -> None:
    """30 quiet days of 4 mentions, then 60 mentions (45 negative, 3 types, 6 outlets): level 5."""
    days = pd.date_range("2026-01-01", periods=31)
    frame = pd.DataFrame(
        {
            "mentions": [4] * 30 + [60],
            "negative": [0] * 30 + [45],
            "scored": [4] * 30 + [60],
            "negative_types": [0] * 30 + [3],
            "news": [0] * 30 + [10],
            "news_outlets": [0] * 30 + [6],
        },
        index=days,
    )
    levels = daily_levels(frame)
    # ratio 60 / 4 = 15 ≥ 10, share 0.75 ≥ 0.5, 45 ≥ 25, 3 types, 6 outlets -> 5
    assert levels.iloc[-1] == 5 and levels.iloc[:-1].max() == 0


@functools.cache
def demo_result():  # type: ignore[no-untyped-def]
    """Check 08 on the demo engagement (computed once for the module)."""
    engagement = load_engagement(ROOT / "engagements" / "demo")
    return analyse(engagement.section("crisis"), engagement)


def test_demo_readiness_score_by_hand() -> None:
    """Informal chain 8, partial contacts 6, 1 of 3 statements 5, 6 h approval 5, informal cover 7, no drill, no alerts: 31."""
    result = demo_result()
    assert [c.points for c in result.criteria] == [8.0, 6.0, 5.0, 5.0, 7.0, 0.0, 0.0]
    assert result.score == 31.0 and result.light.value == "red"


def test_demo_crisis_is_found_and_quiet_months_stay_within_the_stated_rate() -> None:
    """The recall (10-14 March 2026) alerts; the quiet months alert at most once every FALSE_ALARM_WEEKS weeks."""
    details = demo_result().details
    index = details.signals.index
    rule = details.runs[-1]
    assert rule.detection.name == "alert"
    crisis = (index >= "2026-03-10") & (index <= "2026-03-14")
    assert rule.detection.alarm[crisis].all()
    quiet = index.month.isin([11, 12, 1, 2, 6, 7, 8])  # no planted event in these months
    allowed = int(quiet.sum()) / 7 / FALSE_ALARM_WEEKS  # 212 days: 2.02 false alarms
    assert int((rule.detection.alarm & quiet).sum()) <= allowed
    series = details.signals["mentions"].astype(float)
    assert (alerts(series).to_numpy() == rule.detection.alarm).all()  # the page shows alerts()


def test_demo_levels_peak_during_the_recall_and_are_calm_now() -> None:
    """The recall reaches level 5 on 10 March 2026; other days stay below 4, the last week at most 2."""
    details = demo_result().details
    assert details.peak == (dt.date(2026, 3, 10), 5)
    assert details.current_level is not None and details.current_level <= 2
    recall = details.levels.loc["2026-03-10":"2026-03-14"]
    assert recall.min() >= 4
    assert details.levels.drop(recall.index).max() <= 3  # an ordinary bad day can reach 3


def test_findings_name_the_level_and_the_detectors() -> None:
    """The findings give the current level, the peak and how many detectors saw it."""
    texts = [render(f, "en") for f in demo_result().findings]
    assert texts[0].startswith("Current situation (last 7 days up to 31 Oct 2026): level")
    assert (
        texts[1] == "Highest level in the period: 5 – campaign, critics become the majority on 10 Mar 2026."
    )
    assert texts[2].endswith("detectors raise an alarm around this peak.")


def test_without_monitoring_data_the_readiness_is_still_scored(tmp_path: Path) -> None:
    """No data: the readiness criteria still count and a finding says the data is missing."""
    folder = tmp_path / "engagements" / "leer"
    folder.mkdir(parents=True)
    (folder / "engagement.yaml").write_text(
        'client: {name: "Leer GmbH"}\nsettings: {language: de}\ncrisis: {escalation_chain: documented}\n',
        encoding="utf-8",
    )
    engagement = load_engagement(folder)
    result = analyse(engagement.section("crisis"), engagement)
    assert result.score == 20.0
    assert render(result.findings[0], "de").startswith("Für den Kunden liegen keine Monitoring-Daten vor")


def test_answers_reject_impossible_values() -> None:
    """Thresholds must be positive and the approval time within a month."""
    with pytest.raises(ValueError):
        CrisisAnswers.model_validate({"alert_threshold": 0})
    assert CrisisAnswers.model_validate({"cusum_h": 2.26}).alert == AlertSettings()  # retired: ignored
    tuned = CrisisAnswers.model_validate({"alert_threshold": 4, "expert_jump": None}).alert
    assert tuned.threshold == 4.0 and tuned.expert.jump is None and tuned.expert.cusum_h_hourly == 12.0
    with pytest.raises(ValueError):
        CrisisAnswers.model_validate({"approval_hours": -1})


def test_seasonal_baseline_takes_the_median_of_the_same_weekday() -> None:
    """Three Mondays of 2, 4, 9 give the fourth Monday the baseline 4; other days fall back to the last 7."""
    y = np.array([2, 1, 1, 1, 1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 9, 1, 1, 1, 1, 1, 1, 5], dtype=float)
    phase = np.arange(len(y)) % 7
    base = seasonal_baseline(y, [(phase, 4)], fallback=7)
    assert base[21] == 4.0  # median(2, 4, 9)
    assert np.isnan(base[:3]).all()  # fewer than 3 values before
    assert base[3] == 1.0  # median(2, 1, 1): the fallback without rhythm
    assert base[8] == 1.0  # median of the last 7 days, only 1 Monday before


def test_robust_z_by_hand() -> None:
    """Ten days of 20 then 100: baseline log 21, MAD 0 floored by the Poisson spread 1/√21; z = log(101/21)·√21."""
    x = [20.0] * 10 + [100.0]
    result = robust_z(x, (), threshold=3.5, min_excess=10, fallback=7, window=28, min_scale=0.1)
    expected = math.log(101 / 21) * math.sqrt(21)  # 7.198
    assert result.statistic[10] == pytest.approx(expected) == pytest.approx(7.198, abs=1e-3)
    assert result.alarm.tolist() == [False] * 10 + [True]
    small = robust_z([2.0] * 10 + [9.0], (), threshold=3.5, min_excess=10)
    assert not small.alarm[10]  # z = log(10/3)·√3 = 2.09, and 9 − 2 < 10 mentions anyway


def test_nb_llr_matches_the_negative_binomial_densities() -> None:
    """The log-likelihood ratio equals the difference of scipy-free log densities worked out with lgamma."""

    def log_nb(x: int, mean: float, size: float) -> float:
        p = size / (size + mean)
        return (
            math.lgamma(x + size)
            - math.lgamma(size)
            - math.lgamma(x + 1)
            + size * math.log(p)
            + x * math.log(1 - p)
        )

    for x, mu, r, k in ((12, 5.0, 3.0, 2.0), (0, 5.0, 3.0, 2.0), (40, 20.0, 8.0, 1.5)):
        assert nb_llr(x, mu, r, k) == pytest.approx(log_nb(x, k * mu, r) - log_nb(x, mu, r))


def test_nb_cusum_accumulates_and_restarts() -> None:
    """Flat 50s give S = 0; a day of 100 (μ 50, r 100 from the floored spread) adds 11.7783 ≥ h; S restarts."""
    flat = nb_cusum([50.0] * 30, (), h=5.0)
    assert np.nanmax(flat.statistic) == 0.0 and not flat.alarm.any()
    x = [50.0] * 30 + [100.0] * 3
    result = nb_cusum(x, (), h=5.0, min_excess=10)
    # spread floored at 1/√51, so 1/r = max(1/51 − 1/50, 0.01) = 0.01: r = 100
    # ℓ = 100·log(2·150/200) + 100·log(150/200) = 40.5465 − 28.7682 = 11.7783
    assert result.statistic[30] == pytest.approx(11.7783, abs=1e-4) and result.alarm[30]
    assert not result.alarm[:30].any()
    assert result.statistic[31] == pytest.approx(11.7783, abs=1e-4)  # restarted at 0, not 23.56
    with pytest.raises(ValueError, match="above 1"):
        nb_cusum(x, (), shift=1.0)


def test_alerts_keep_the_index_and_accept_awkward_input() -> None:
    """Gaps, tz-aware stamps, NaN, zeros, short and unsorted series: a boolean Series on the same index."""
    days = pd.date_range("2026-01-01", periods=60, freq="D", tz="Europe/Berlin")
    counts = pd.Series(20.0, index=days)
    counts.iloc[50] = 200.0
    counts.iloc[10] = np.nan
    gappy = counts.drop(days[20:25])
    result = alerts(gappy)
    assert result.dtype == bool and result.index.equals(gappy.index)
    assert result.loc[days[50]] and int(result.sum()) == 1
    shuffled = gappy.sample(frac=1.0, random_state=1)
    assert alerts(shuffled).loc[days[50]]
    assert not alerts(pd.Series(0.0, index=days)).any()
    assert not alerts(counts.iloc[:2]).any()  # too short: no alert, no error
    assert alerts(pd.Series([], dtype=float, index=pd.DatetimeIndex([]))).empty
    hours = pd.date_range("2026-01-01", periods=24 * 14, freq="h")
    rhythm = pd.Series(np.where(hours.hour.isin(range(8, 20)), 40.0, 5.0), index=hours)
    hourly = alerts(rhythm, "hourly")
    # from day 4 each hour has 3 same hours before it: the morning rise is the usual rhythm
    assert not hourly.loc["2026-01-04":].any()
    with pytest.raises(ConfigError, match="timestamps"):
        alerts(pd.Series([1.0, 2.0], index=["a", "b"]))
    with pytest.raises(ConfigError, match="resolution"):
        alerts(counts, "weekly")  # type: ignore[arg-type]


def test_demo_live_incident_shows_the_last_72_hours() -> None:
    """The viral video on 29 October alerts, so the page holds 72 hours whose sum is the last 3 days' mentions."""
    details = demo_result().details
    hourly = details.hourly
    assert hourly is not None and len(hourly) == 72
    assert hourly.index[0] == pd.Timestamp("2026-10-29 00:00") and hourly.index[-1] == pd.Timestamp(
        "2026-10-31 23:00"
    )
    assert hourly["mentions"].sum() == details.signals["mentions"].loc["2026-10-29":"2026-10-31"].sum()
    assert hourly["mentions"].loc[:"2026-10-29 09:00"].sum() == 0  # the video went out at 10:00
