"""Check 09's attainment, trend and on-track rule against figures worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from smtoolkit.checks.success import (
    MeasuredValue,
    SuccessAnswers,
    attainment,
    direction,
    light_of,
    meets,
    slope_per_month,
    status_of,
    trend,
)

D = dt.date


def test_attainment_of_a_rising_kpi() -> None:
    """Leads 4 -> 12, actual 6: (6 − 4) ÷ (12 − 4) = 25 %; 14 is 125 %; 3 is −12.5 %."""
    assert attainment(6, 4, 12) == pytest.approx(0.25)
    assert attainment(14, 4, 12) == pytest.approx(1.25)
    assert attainment(3, 4, 12) == pytest.approx(-0.125)


def test_attainment_of_a_falling_kpi() -> None:
    """Response time 20 h -> 4 h, actual 14 h: (14 − 20) ÷ (4 − 20) = −6 ÷ −16 = 37.5 %."""
    assert attainment(14, 20, 4, "first_response_time") == pytest.approx(0.375)
    assert direction(20, 4, "first_response_time") == -1


def test_attainment_when_baseline_equals_target() -> None:
    """A level to hold: met is 100 %, missed 0 %; the KPI decides the good way (down for response time)."""
    assert attainment(1300, 1200, 1200, "followers") == 1.0
    assert attainment(1100, 1200, 1200, "followers") == 0.0
    assert attainment(3, 4, 4, "first_response_time") == 1.0  # 3 h is better than 4 h
    assert attainment(5, 4, 4, "first_response_time") == 0.0
    assert attainment(4, 4, 4, "cost_per_engagement") == 1.0  # exactly the level counts as held


def test_slope_is_the_least_squares_line_per_month() -> None:
    """31.08., 30.09., 31.10. are 0, 1, 2 months apart; 19, 16, 14 h: Σ(x−1)(y−16⅓) ÷ 2 = −5 ÷ 2 = −2.5."""
    points = [(D(2026, 8, 31), 19.0), (D(2026, 9, 30), 16.0), (D(2026, 10, 31), 14.0)]
    assert slope_per_month(points) == pytest.approx(-2.5)
    assert slope_per_month(points[:1]) is None
    assert slope_per_month([(D(2026, 8, 31), 1.0), (D(2026, 8, 31), 2.0)]) is None  # one date only


def test_trend_projects_from_the_newest_value_to_the_deadline() -> None:
    """From 14 h on 31.10.2026, 5 months to 31.03.2027 at −2.5 h: 14 − 12.5 = 1.5 h."""
    points = [(D(2026, 8, 31), 19.0), (D(2026, 9, 30), 16.0), (D(2026, 10, 31), 14.0)]
    found = trend(points, D(2027, 3, 31))
    assert found is not None
    assert (found.slope, found.months_left, found.projection) == pytest.approx((-2.5, 5.0, 1.5))
    assert trend(points, D(2027, 3, 31), min_points=4) is None


def test_trend_uses_only_the_latest_window() -> None:
    """Eight month-end values, window 3: only 6, 8, 10 count, slope 2 per month (not the older drop)."""
    days = [D(2026, m, 28) for m in range(1, 9)]
    values = [50.0, 40.0, 30.0, 20.0, 10.0, 6.0, 8.0, 10.0]
    found = trend(list(zip(days, values, strict=True)), D(2026, 12, 28), window=3, min_points=3)
    assert found is not None and found.points == 3
    assert found.slope == pytest.approx(2.0)
    assert found.projection == pytest.approx(18.0)  # 10 + 2 × 4 months


def test_on_track_rule_at_the_boundary() -> None:
    """18, 16, 14 h fall 2 h a month; 5 months to the deadline give exactly 4 h = the target: on track."""
    points = [(D(2026, 8, 31), 18.0), (D(2026, 9, 30), 16.0), (D(2026, 10, 31), 14.0)]
    found = trend(points, D(2027, 3, 31))
    assert found is not None and found.projection == pytest.approx(4.0)
    ref = D(2026, 11, 12)
    assert status_of(14, 20, 4, "first_response_time", D(2027, 3, 31), ref, found) == "on_track"
    assert status_of(14, 20, 3.5, "first_response_time", D(2027, 3, 31), ref, found) == "off_track"


def test_status_attained_missed_and_no_trend() -> None:
    """Met before the deadline: attained; deadline not after the reference: missed; one value: no trend."""
    ref = D(2026, 11, 12)
    assert status_of(13, 4, 12, "leads", D(2027, 6, 30), ref, None) == "attained"
    assert status_of(1121, 1200, 5000, "video_views", D(2026, 10, 31), ref, None) == "missed"
    assert status_of(1121, 1200, 5000, "video_views", ref, ref, None) == "missed"  # due today
    assert status_of(6, 4, 12, "leads", D(2027, 6, 30), ref, None) == "no_trend"
    assert meets(12, 4, 12, "leads") and not meets(11.99, 4, 12, "leads")


def test_lights_follow_status_and_projected_attainment() -> None:
    """Green on track; amber off track reaching 70 % of the way; red below or missed; grey unjudged."""
    assert light_of("on_track", 1.2, 0.7) == "green"
    assert light_of("attained", None, 0.7) == "green"
    assert light_of("off_track", 0.7, 0.7) == "amber"
    assert light_of("off_track", 0.69, 0.7) == "red"
    assert light_of("missed", 0.95, 0.7) == "red"
    assert light_of("no_trend", None, 0.7) == "grey"


def test_measured_values_outside_the_kpi_range_are_refused() -> None:
    """A response rate of 140 (%) is refused with the range; an empty section is valid."""
    with pytest.raises(ValidationError, match=r"140 is outside the range of the KPI 'response_rate'"):
        MeasuredValue(kpi="response_rate", value=140)
    with pytest.raises(ValidationError, match=r"enter a value between 0 and 100 in the KPI's unit"):
        MeasuredValue(kpi="response_rate", value=140)
    with pytest.raises(ValidationError, match=r"-5 is outside .* 'leads'; enter a value of at least 0"):
        MeasuredValue(kpi="leads", value=-5)
    assert SuccessAnswers().measured == [] and SuccessAnswers().amber_from == 0.7
