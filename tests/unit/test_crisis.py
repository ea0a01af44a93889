"""Check 08 crisis: detectors by hand and by reference behaviour, scale, readiness, demo backtest."""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smtoolkit.checks.crisis import (
    CrisisAnswers,
    alarm_runs,
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
from smtoolkit.engagement import load_engagement
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


def demo_result():  # type: ignore[no-untyped-def]
    """Check 08 on the demo engagement."""
    engagement = load_engagement(ROOT / "engagements" / "demo")
    return analyse(engagement.section("crisis"), engagement)


def test_demo_readiness_score_by_hand() -> None:
    """Informal chain 8, partial contacts 6, 1 of 3 statements 5, 6 h approval 5, informal cover 7, no drill, no alerts: 31."""
    result = demo_result()
    assert [c.points for c in result.criteria] == [8.0, 6.0, 5.0, 5.0, 7.0, 0.0, 0.0]
    assert result.score == 31.0 and result.light.value == "red"


def test_demo_crisis_is_found_and_quiet_months_stay_quiet() -> None:
    """The recall (10-14 March 2026) alarms at least 2 detectors; quiet months give few alarm episodes."""
    result = demo_result()
    details = result.details
    index = details.signals.index
    crisis = (index >= "2026-03-10") & (index <= "2026-03-14")
    quiet = index.month.isin([11, 12, 1, 2, 6, 7, 8])  # no planted event in these months
    found = [run.key for run in details.runs if run.detection.alarm[crisis].any()]
    assert len(found) >= 2 and {"volume.c1", "volume.c2", "volume.cusum", "negative.cusum"} <= set(found)
    for run in details.runs:
        episodes = alarm_runs(run.detection.alarm & quiet)
        assert len(episodes) <= 5, (run.key, episodes)  # 7 quiet months: at most 5 episodes
        assert int((run.detection.alarm & quiet).sum()) <= 15, run.key
    volume_cusum = next(r for r in details.runs if r.key == "volume.cusum")
    assert int((volume_cusum.detection.alarm & quiet).sum()) <= 2


def test_demo_levels_peak_during_the_recall_and_are_calm_now() -> None:
    """The recall reaches level 5 on 10 March 2026; the last week of the data is at most level 2."""
    details = demo_result().details
    assert details.peak == (dt.date(2026, 3, 10), 5)
    assert details.current_level is not None and details.current_level <= 2
    recall = details.levels.loc["2026-03-10":"2026-03-14"]
    assert recall.min() >= 4
    assert details.levels.drop(recall.index).max() <= 2


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
        CrisisAnswers.model_validate({"cusum_h": 0})
    with pytest.raises(ValueError):
        CrisisAnswers.model_validate({"approval_hours": -1})
