"""Check 04 effort against figures worked out by hand (see each test's arithmetic)."""

from __future__ import annotations

import pytest

from smtoolkit.checks.base import Light
from smtoolkit.checks.effort import EffortAnswers, analyse, compute_costs, compute_workload, sensitivity
from smtoolkit.i18n import render

# LinkedIn: 3 posts x 60 min = 3 h, 3 x 4 = 12 comments.
# Instagram: 2 posts x 90 min = 3 h, 2 x 10 = 20 comments.
# Interactions: (12 + 20 comments + 8 DMs) x 3 min = 120 min = 2 h (1.6 h comments, 0.4 h DMs).
# Weekly: 6 h creation + 2 h interaction + 2 monitoring + 1 reporting + 1 coordination = 12 h.
# Annual: 12 x 52 = 624 h; FTE = 624 / 1600 = 0.39.
# Hourly rate: 36,100 x 1.2 / 1600 = 27.075; internal cost 624 x 27.075 = 16,894.80.
# Other: 12 x 50 + 12 x 200 + 1000 = 4,000; annual 20,894.80; monthly 1,741.2333.
HAND = {
    "channels": [
        {
            "platform": "linkedin",
            "format": "image",
            "posts_per_week": 3,
            "minutes_per_post": 60,
            "comments_per_post": 4,
        },
        {
            "platform": "instagram",
            "format": "carousel",
            "posts_per_week": 2,
            "minutes_per_post": 90,
            "comments_per_post": 10,
        },
    ],
    "direct_messages_per_week": 8,
    "minutes_per_interaction": 3,
    "monitoring_hours_per_week": 2,
    "reporting_hours_per_week": 1,
    "coordination_hours_per_week": 1,
    "net_hours_per_fte": 1600,
    "gross_salary": 36100,
    "employer_overhead_factor": 1.2,
    "tools_per_month": 50,
    "ads_per_month": 200,
    "training_per_year": 1000,
    "available_hours_per_week": 10,
    "approved_budget_per_year": 15000,
}


def answers(**changes: object) -> EffortAnswers:
    """The hand-worked answers with some fields changed."""
    return EffortAnswers.model_validate({**HAND, **changes})


def test_weekly_hours_by_task_match_hand_figures() -> None:
    """Hours per task add up to the 12 hours per week worked out by hand."""
    w = compute_workload(answers())
    assert w.by_task() == pytest.approx(
        {
            "creation": 6.0,
            "comments": 1.6,
            "direct_messages": 0.4,
            "monitoring": 2.0,
            "reporting": 1.0,
            "coordination": 1.0,
        }
    )
    assert w.weekly_hours == pytest.approx(12.0)
    assert w.interactions == pytest.approx(32.0)


def test_hours_by_platform_are_sorted_largest_first() -> None:
    """Instagram (3 h + 1.0 h comments) ranks before LinkedIn (3 h + 0.6 h comments)."""
    platforms = compute_workload(answers()).by_platform()
    assert list(platforms) == ["instagram", "linkedin"]
    assert list(platforms.values()) == pytest.approx([4.0, 3.6])


def test_annual_hours_and_fte() -> None:
    """624 hours a year at 1,600 net hours are 0.39 FTE."""
    w = compute_workload(answers())
    assert w.annual_hours == pytest.approx(624.0)
    assert w.fte == pytest.approx(0.39)


def test_costs_match_hand_figures() -> None:
    """Internal cost 16,894.80, other 4,000, annual 20,894.80, monthly 1,741.23."""
    a = answers()
    c = compute_costs(a, compute_workload(a))
    assert c.hourly_rate == pytest.approx(27.075)
    assert c.internal == pytest.approx(16_894.80)
    assert c.external == 0
    assert c.other == pytest.approx(4_000.0)
    assert c.annual == pytest.approx(20_894.80)
    assert c.monthly == pytest.approx(1_741.2333, abs=1e-3)


def test_agency_days_reduce_internal_hours_and_add_external_cost() -> None:
    """10 agency days x 8 h take 80 of 624 hours: 544 internal hours, 0.34 FTE, 6,000 external."""
    a = answers(agency_days_per_year=10, agency_day_rate=600)
    w = compute_workload(a)
    c = compute_costs(a, w)
    assert w.internal_annual_hours == pytest.approx(544.0)
    assert w.fte == pytest.approx(0.34)
    assert c.internal == pytest.approx(544 * 27.075)
    assert c.external == pytest.approx(6_000.0)


def test_missing_comments_use_the_default_estimate() -> None:
    """A channel without comments per post uses default_comments_per_post (3 posts x 5 = 15)."""
    a = EffortAnswers.model_validate(
        {
            "channels": [
                {"platform": "facebook", "format": "image", "posts_per_week": 3, "minutes_per_post": 30}
            ],
            "default_comments_per_post": 5,
            "minutes_per_interaction": 4,
        }
    )
    w = compute_workload(a)
    assert w.interactions == pytest.approx(15.0)
    assert w.interaction_hours == pytest.approx(1.0)


def test_sensitivity_matches_hand_figures() -> None:
    """±25 % of salary, posting frequency and interaction volume give the hand-worked budgets."""
    rows = {r.driver: r for r in sensitivity(answers())}
    # Salary: rate 20.30625 / 33.84375 -> 624 h x rate + 4,000.
    assert rows["salary"].low == pytest.approx(16_671.10)
    assert rows["salary"].high == pytest.approx(25_118.50)
    # Posting frequency: 10.1 h / 13.9 h a week -> 525.2 h / 722.8 h a year.
    assert rows["posting_frequency"].low == pytest.approx(18_219.79, abs=0.01)
    assert rows["posting_frequency"].high == pytest.approx(23_569.81, abs=0.01)
    # Interaction volume: 11.5 h / 12.5 h a week -> 598 h / 650 h a year.
    assert rows["interaction_volume"].low == pytest.approx(20_190.85)
    assert rows["interaction_volume"].high == pytest.approx(21_598.75)
    assert [r.driver for r in sensitivity(answers())] == ["salary", "posting_frequency", "interaction_volume"]


def test_score_criteria_match_hand_figures() -> None:
    """Capacity 10/12 -> 33.3 of 40, budget 15,000/20,894.80 -> 21.5 of 30, plus 3 x 10: 84.9, green."""
    result = analyse(answers())
    points = [c.points for c in result.criteria]
    assert points == pytest.approx([40 * 10 / 12, 30 * 15_000 / 20_894.80, 10, 10, 10])
    assert result.score == 84.9
    assert result.light is Light.GREEN


def test_recommendations_name_the_gaps() -> None:
    """Missing 2 hours a week and 5,894.80 a year become high-impact recommendations."""
    result = analyse(answers())
    keys = {r.text.key: r for r in result.recommendations}
    assert set(keys) == {"effort.rec.capacity", "effort.rec.budget"}
    assert keys["effort.rec.capacity"].text.params["gap"].value == pytest.approx(2.0)
    assert keys["effort.rec.budget"].text.params["gap"].value == pytest.approx(5_894.80)
    assert render(keys["effort.rec.budget"].text, "de") == (
        "Das Jahresbudget um 5.895\xa0€ erhöhen oder den Plan auf das genehmigte Budget kürzen."
    )


def test_unrecorded_capacity_and_budget_score_zero_and_ask_for_them() -> None:
    """Without available hours and budget, those 70 points are 0 and two actions ask for them."""
    result = analyse(answers(available_hours_per_week=None, approved_budget_per_year=None))
    assert result.score == 30.0
    assert result.light is Light.RED
    keys = {r.text.key for r in result.recommendations}
    assert {"effort.rec.record_capacity", "effort.rec.record_budget"} <= keys


def test_no_channels_gives_zero_and_asks_for_the_plan() -> None:
    """An empty posting plan scores 0 and says the effort cannot be calculated."""
    result = analyse(EffortAnswers())
    assert result.score == 0
    assert [f.key for f in result.findings] == ["effort.finding.no_channels"]
    assert [r.text.key for r in result.recommendations] == ["effort.rec.plan_channels"]


def test_unplanned_tasks_lose_points_and_get_recommendations() -> None:
    """No interaction minutes, monitoring or steering time lose 30 points and add three actions."""
    result = analyse(
        answers(
            minutes_per_interaction=0,
            monitoring_hours_per_week=0,
            reporting_hours_per_week=0,
            coordination_hours_per_week=0,
        )
    )
    assert [c.points for c in result.criteria][2:] == [0, 0, 0]
    keys = {r.text.key for r in result.recommendations}
    assert {"effort.rec.interaction", "effort.rec.monitoring", "effort.rec.steering"} <= keys


def test_many_platforms_with_little_staff_suggest_focus() -> None:
    """Four platforms with under 0.5 FTE suggest focusing on fewer channels."""
    lines = [
        {"platform": p, "format": "image", "posts_per_week": 1, "minutes_per_post": 30}
        for p in ("linkedin", "instagram", "facebook", "youtube")
    ]
    result = analyse(answers(channels=lines))
    assert "effort.rec.focus" in {r.text.key for r in result.recommendations}


def test_findings_render_in_both_languages_with_local_number_formats() -> None:
    """The summary finding shows 12,0 Std. / 20.895 € in German and 12.0 h / €20,895 in English."""
    summary = analyse(answers()).findings[0]
    de = render(summary, "de")
    en = render(summary, "en")
    assert "12,0\xa0Std." in de and "20.895\xa0€" in de and "(1.741\xa0€ im Monat)" in de and "0,39" in de
    assert "12.0\xa0h" in en and "€20,895" in en and "(€1,741 a month)" in en and "0.39" in en


@pytest.mark.parametrize("field,value", [("posts_per_week", -1), ("minutes_per_post", 5000)])
def test_out_of_range_channel_values_are_rejected(field: str, value: float) -> None:
    """Negative or absurd channel figures fail validation instead of producing a budget."""
    line = {**HAND["channels"][0], field: value}  # type: ignore[index]
    with pytest.raises(ValueError):
        EffortAnswers.model_validate({**HAND, "channels": [line]})
