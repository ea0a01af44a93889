"""Check 02 goals against figures worked out by hand (see each test's arithmetic)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from smtoolkit.checks.base import Light
from smtoolkit.checks.goals import (
    Goal,
    GoalsAnswers,
    analyse,
    category_comparison,
    historical_monthly_change,
    judge_realism,
    months_between,
    render,
    required_monthly_growth,
    requirement,
    smart,
)
from smtoolkit.checks.goals.analysis import MEAN_MONTH_DAYS, Requirement, evaluate_goal
from smtoolkit.engagement import Engagement, load_engagement
from smtoolkit.errors import DataImportError, ValidationError
from smtoolkit.i18n import render as render_text

REFERENCE = dt.date(2026, 11, 12)


def monthly(start: str, values: list[float]) -> pd.Series:
    """A hand-made monthly history starting in month ``start`` (YYYY-MM)."""
    index = pd.period_range(start, periods=len(values), freq="M")
    return pd.Series(values, index=index, dtype=float)


def goal(**changes: object) -> Goal:
    """A fully SMART goal (followers 1,000 -> 1,500 within 12 months) with some fields changed."""
    base: dict[str, object] = {
        "name": "Mehr Follower",
        "category": "awareness",
        "area": "marketing_sales",
        "kpi": "followers",
        "platform": "linkedin",
        "baseline": 1000,
        "target": 1500,
        "deadline": "2027-11-12",
        "owner": "marketing_lead",
    }
    return Goal.model_validate({**base, **changes})


# ---------------------------------------------------------------- months and required growth


def test_whole_calendar_months_count_exactly() -> None:
    """12 Nov 2026 to 12 Nov 2027 is exactly 12 months, although the year has 365 days."""
    assert months_between(REFERENCE, dt.date(2027, 11, 12)) == 12.0


def test_leftover_days_are_divided_by_the_mean_month() -> None:
    """12 Nov 2026 to 31 May 2027 is 6 months (to 12 May) + 19 days / 30.436875 = 6.6242."""
    assert 365.2425 / 12 == MEAN_MONTH_DAYS == 30.436875
    assert months_between(REFERENCE, dt.date(2027, 5, 31)) == pytest.approx(6 + 19 / 30.436875)
    assert months_between(REFERENCE, dt.date(2027, 5, 31)) == pytest.approx(6.6242, abs=1e-4)


def test_a_month_ending_on_a_shorter_month_is_complete_on_its_last_day() -> None:
    """31 Jan to 28 Feb 2027 is one whole month; 31 Jan to 30 Mar is 1 month + 30 days."""
    assert months_between(dt.date(2027, 1, 31), dt.date(2027, 2, 28)) == 1.0
    assert months_between(dt.date(2027, 1, 31), dt.date(2027, 3, 30)) == pytest.approx(1 + 30 / 30.436875)


def test_a_deadline_before_the_reference_gives_negative_months() -> None:
    """A deadline 12 days before the reference lies -12 / 30.436875 months away."""
    assert months_between(REFERENCE, dt.date(2026, 10, 31)) == pytest.approx(-12 / 30.436875)


def test_required_growth_of_1000_to_1500_in_12_months() -> None:
    """1.5^(1/12) - 1 = 3.4366 % per month."""
    assert required_monthly_growth(1000, 1500, 12) == pytest.approx(0.034366, abs=1e-6)


def test_a_decreasing_target_needs_a_negative_rate() -> None:
    """First response time 8 h -> 4 h in 6 months: 0.5^(1/6) - 1 = -10.910 % per month."""
    needed = requirement(8, 4, 6)
    assert needed is not None and needed.mode == "rate" and needed.direction == -1
    assert needed.value == pytest.approx(-0.109101, abs=1e-6)


def test_a_baseline_of_zero_needs_a_linear_change() -> None:
    """0 -> 120 applications in 12 months has no growth rate; it needs +10 per month."""
    needed = requirement(0, 120, 12)
    assert needed == Requirement("change", 10.0, 12)
    with pytest.raises(ValueError):
        required_monthly_growth(0, 120, 12)


def test_negative_values_need_a_linear_change() -> None:
    """Net sentiment -20 -> +10 points in 6 months needs +5 points per month."""
    assert requirement(-20, 10, 6) == Requirement("change", 5.0, 6)


def test_no_change_missing_values_or_no_time_give_no_requirement() -> None:
    """Target = baseline, a missing value, or a deadline not in the future: nothing to compute."""
    assert requirement(100, 100, 12) is None
    assert requirement(None, 100, 12) is None
    assert requirement(100, 200, 0) is None
    assert requirement(100, 200, -1) is None


# ---------------------------------------------------------------- history and realism


def test_historical_rate_is_compound_over_calendar_months() -> None:
    """100, 110, 121, 133.1 over 3 months: (133.1 / 100)^(1/3) - 1 = 10 % per month."""
    assert historical_monthly_change(monthly("2026-01", [100, 110, 121, 133.1]), "rate") == pytest.approx(
        0.10
    )


def test_a_missing_month_still_counts_as_a_month() -> None:
    """Jan 100, (Feb missing), Mar 121, Apr 133.1 span 3 months: still 10 % per month."""
    series = pd.Series([100, 121, 133.1], index=pd.PeriodIndex(["2026-01", "2026-03", "2026-04"], freq="M"))
    assert historical_monthly_change(series, "rate") == pytest.approx(0.10)


def test_only_the_last_twelve_monthly_values_count() -> None:
    """14 values: the first two (a crash from 500) are ignored; 100 -> 111 over 11 months remains."""
    values = [500.0, 50.0] + [100.0 + i for i in range(12)]
    assert historical_monthly_change(monthly("2025-01", values), "rate") == pytest.approx(
        (111 / 100) ** (1 / 11) - 1
    )
    assert historical_monthly_change(monthly("2025-01", values), "change") == pytest.approx(1.0)


def test_a_datetime_index_is_read_by_month() -> None:
    """Day-level timestamps within each month are treated as monthly values (0, 5, 10: +5 per month)."""
    series = pd.Series([0.0, 5.0, 10.0], index=pd.to_datetime(["2026-01-31", "2026-02-28", "2026-03-31"]))
    assert historical_monthly_change(series, "change") == pytest.approx(5.0)


def test_realism_boundary_is_exactly_three_times_the_history() -> None:
    """History 0, 5, 10 is +5 per month; a goal 0 -> 180 in 12 months needs 15 = 3 x 5 (not flagged), 181 is."""
    history = monthly("2026-08", [0, 5, 10])
    at_limit = judge_realism(requirement(0, 180, 12), history, 3.0)
    assert at_limit.status == "realistic" and at_limit.ratio == pytest.approx(3.0)
    above = judge_realism(requirement(0, 181, 12), history, 3.0)
    assert above.status == "unrealistic" and above.reason == "pace"
    assert above.ratio == pytest.approx(181 / 12 / 5)


def test_realism_boundary_for_growth_rates() -> None:
    """History 100 -> 121 in 2 months is 10 % a month; 30 % needed is not flagged, 30.1 % is."""
    history = monthly("2026-08", [100, 110, 121])
    assert judge_realism(Requirement("rate", 0.30, 12), history, 3.0).status == "realistic"
    assert judge_realism(Requirement("rate", 0.301, 12), history, 3.0).status == "unrealistic"


def test_the_realism_factor_is_configurable() -> None:
    """With factor 2, needing 2.5 x the history (25 % vs 10 %) is flagged; with factor 3 it is not."""
    history = monthly("2026-08", [100, 110, 121])
    assert judge_realism(Requirement("rate", 0.25, 12), history, 2.0).status == "unrealistic"
    assert judge_realism(Requirement("rate", 0.25, 12), history, 3.0).status == "realistic"


def test_a_kpi_moving_the_other_way_flags_the_goal() -> None:
    """Followers fell 1,000 -> 900; a goal to grow them is flagged against the trend, without a ratio."""
    result = judge_realism(requirement(900, 1200, 12), monthly("2026-08", [1000, 950, 900]), 3.0)
    assert result.status == "unrealistic" and result.reason == "trend"
    assert result.ratio is None and result.historical == pytest.approx((0.9) ** 0.5 - 1)
    assert result.history_months == 2


def test_a_flat_history_flags_any_goal_needing_change() -> None:
    """Leads stayed at 10 for three months: a goal to double them is against the trend."""
    result = judge_realism(requirement(10, 20, 6), monthly("2026-08", [10, 10, 10]), 3.0)
    assert (result.status, result.reason) == ("unrealistic", "trend")


def test_a_decreasing_goal_is_compared_with_a_decreasing_history() -> None:
    """Response time 8 -> 7.2 -> 6.48 h falls 10 % a month; 8 -> 4 in 6 months needs 10.91 %: ratio 1.09."""
    result = judge_realism(requirement(8, 4, 6), monthly("2026-08", [8, 7.2, 6.48]), 3.0)
    assert result.status == "realistic"
    assert result.historical == pytest.approx(-0.10)
    assert result.ratio == pytest.approx((1 - 0.5 ** (1 / 6)) / 0.10)


def test_without_or_with_too_little_history_realism_is_not_judged() -> None:
    """No series, fewer than 3 values, two values in one month or a zero start are not judged."""
    needed = requirement(100, 200, 12)
    assert judge_realism(needed, None).reason == "no_history"
    assert judge_realism(needed, monthly("2026-09", [90, 100])).reason == "short_history"
    duplicated = pd.Series([1.0, 2.0, 3.0], index=pd.to_datetime(["2026-01-01", "2026-01-15", "2026-02-01"]))
    assert judge_realism(needed, duplicated).reason == "unusable_history"
    assert judge_realism(needed, monthly("2026-08", [0, 5, 10])).reason == "unusable_history"
    assert judge_realism(None, monthly("2026-08", [1, 2, 3])).reason == "no_requirement"
    assert {judge_realism(needed, None).status} == {"not_judged"}


# ---------------------------------------------------------------- SMART


def test_a_complete_goal_meets_all_five_letters() -> None:
    """Name, area, KPI with baseline and target, owner, improving direction and a future deadline."""
    result = smart(goal(), REFERENCE)
    assert result.letters == {"S": True, "M": True, "A": True, "R": True, "T": True}
    assert result.complete and result.problems == ()


def test_specific_needs_a_name_and_an_area() -> None:
    """Without name and area the goal fails S only."""
    result = smart(goal(name="", area=None), REFERENCE)
    assert result.letters == {"S": False, "M": True, "A": True, "R": True, "T": True}
    assert result.problems == ("no_name", "no_area")


def test_measurable_needs_kpi_values_in_range_and_a_change() -> None:
    """No KPI, a response rate of 120 % or target = baseline each fail M."""
    assert smart(goal(kpi=None), REFERENCE).letters["M"] is False
    out_of_range = smart(goal(kpi="response_rate", baseline=80, target=120), REFERENCE)
    assert out_of_range.letters["M"] is False and "out_of_range" in out_of_range.problems
    same = smart(goal(target=1000), REFERENCE)
    assert same.letters["M"] is False and same.letters["R"] is False and "no_change" in same.problems


def test_negative_net_sentiment_is_in_range() -> None:
    """Net sentiment -20 -> +10 points is measurable; negative follower counts are not."""
    assert smart(goal(kpi="net_sentiment", baseline=-20, target=10), REFERENCE).letters["M"] is True
    assert smart(goal(kpi="followers", baseline=-5, target=10), REFERENCE).letters["M"] is False


def test_assignable_needs_an_owner_role() -> None:
    """A goal without owner fails A."""
    result = smart(goal(owner=None), REFERENCE)
    assert result.letters["A"] is False and result.problems == ("no_owner",)


def test_realistic_in_direction_depends_on_the_kpi() -> None:
    """Response time 4 h -> 8 h makes the KPI worse (R fails); 8 h -> 4 h and more followers pass."""
    worse = smart(goal(kpi="first_response_time", baseline=4, target=8), REFERENCE)
    assert worse.letters["R"] is False and worse.problems == ("wrong_direction",)
    assert smart(goal(kpi="first_response_time", baseline=8, target=4), REFERENCE).letters["R"] is True
    assert smart(goal(target=800), REFERENCE).letters["R"] is False


def test_time_bound_needs_a_deadline_after_the_reference_date() -> None:
    """A deadline on the reference date itself or none fails T; the next day passes."""
    assert smart(goal(deadline="2026-11-12"), REFERENCE).problems == ("deadline_passed",)
    assert smart(goal(deadline=None), REFERENCE).problems == ("no_deadline",)
    assert smart(goal(deadline="2026-11-13"), REFERENCE).letters["T"] is True


def test_evaluation_says_why_realism_cannot_be_judged() -> None:
    """A passed deadline, an unchanged target and a missing KPI each give their own reason."""
    assert evaluate_goal(1, goal(deadline="2026-10-01"), REFERENCE, None).realism.reason == "deadline_passed"
    assert evaluate_goal(1, goal(target=1000), REFERENCE, None).realism.reason == "no_change"
    assert evaluate_goal(1, goal(kpi=None), REFERENCE, None).realism.reason == "no_kpi"
    assert evaluate_goal(1, goal(baseline=None), REFERENCE, None).realism.reason == "no_requirement"


def test_categories_are_counted_against_the_bitkom_survey() -> None:
    """Two awareness goals and one without category: awareness 82 % with 2 goals, 1 uncategorised."""
    rows, uncategorised = category_comparison([goal(), goal(), goal(category=None)])
    table = {r.category: (r.bitkom_share, r.goals) for r in rows}
    assert table == {
        "awareness": (0.82, 2),
        "new_customers": (0.72, 0),
        "customer_relations": (0.68, 0),
        "image": (0.42, 0),
        "recruiting": (0.23, 0),
        "product_development": (0.15, 0),
    }
    assert uncategorised == 1


# ---------------------------------------------------------------- the whole check on an engagement

GOALS_ENGAGEMENT = textwrap.dedent(
    """\
    client:
      name: "Muster GmbH"
    settings:
      workshop_date: 2026-11-12
    goals:
      goals:
        - {name: "Follower", category: awareness, area: marketing_sales, kpi: followers,
           platform: linkedin, baseline: 1000, target: 1500, deadline: 2027-11-12, owner: marketing_lead}
        - {name: "Leads", category: new_customers, area: marketing_sales, kpi: leads,
           platform: linkedin, baseline: 10, target: 20, deadline: 2027-05-12, owner: social_media_manager}
        - {name: "Arbeitgeberimage", category: recruiting, area: hr_recruiting, kpi: applications,
           target: 30, deadline: 2026-10-01}
    """
)

# Histories: followers grew 2 % a month (12 values), leads stayed flat at 10.
HISTORIES: dict[tuple[str, str | None], pd.Series] = {
    ("followers", "linkedin"): monthly("2025-11", [round(800 * 1.02**i, 6) for i in range(12)]),
    ("leads", "linkedin"): monthly("2026-08", [10, 10, 10]),
}


def answers_of(engagement: Engagement) -> GoalsAnswers:
    """The validated goals section of an engagement."""
    answers = engagement.section("goals")
    assert isinstance(answers, GoalsAnswers)
    return answers


def lookup(kpi: str, platform: str | None) -> pd.Series | None:
    """The hand-made histories by KPI and platform."""
    return HISTORIES.get((kpi, platform))


def test_score_matches_hand_figures(make_engagement: Callable[..., Path]) -> None:
    """Letters 11/15, 2 of 3 SMART, 1 of 3 realistic, a business goal, 2 of 3 areas: 66.0, amber."""
    engagement = load_engagement(make_engagement(text=GOALS_ENGAGEMENT))
    result = analyse(answers_of(engagement), engagement, histories=lookup)
    # Goal 1: 5 letters. Goal 2: 5 letters. Goal 3: S only (no baseline, owner, direction; deadline passed).
    # 40 x 11/15 = 29.333; 20 x 2/3 = 13.333; realism: goal 1 needs 3.4366 % vs 2 % (ratio 1.72, realistic),
    # goal 2 needs 2^(1/6) - 1 = 12.246 % against a flat history (flagged), goal 3 not judged: 20 x 1/3 = 6.667;
    # business goal (new customers): 10; areas marketing_sales + hr_recruiting: 10 x 2/3 = 6.667. Sum 66.0.
    points = [c.points for c in result.criteria]
    assert points == pytest.approx([40 * 11 / 15, 20 * 2 / 3, 20 / 3, 10, 10 * 2 / 3])
    assert result.score == 66.0
    assert result.light is Light.AMBER
    first, second, third = result.details.evaluations
    assert first.required.value == pytest.approx(0.034366, abs=1e-6)
    assert first.realism.historical == pytest.approx(0.02)
    assert first.realism.ratio == pytest.approx(0.034366 / 0.02, abs=1e-3)
    assert second.required.value == pytest.approx(2 ** (1 / 6) - 1)
    assert (second.realism.status, second.realism.reason) == ("unrealistic", "trend")
    assert [third.smart.letters[k] for k in "SMART"] == [True, False, False, False, False]


def test_without_history_each_goal_says_realism_was_not_judged(make_engagement: Callable[..., Path]) -> None:
    """With the importer hook unattached, realism earns 0 points and every goal gets a finding."""
    engagement = load_engagement(make_engagement(text=GOALS_ENGAGEMENT))
    result = analyse(answers_of(engagement), engagement)
    assert result.score == round(40 * 11 / 15 + 20 * 2 / 3 + 10 + 10 * 2 / 3, 1) == 59.3
    keys = [f.key for f in result.findings if f.key.startswith("goals.finding.not_judged")]
    assert keys == [
        "goals.finding.not_judged.no_history",
        "goals.finding.not_judged.no_history",
        "goals.finding.not_judged.no_requirement",
    ]
    assert render_text(result.findings[2], "de") == (
        "Ziel 1 „Follower“: Realismus nicht beurteilbar, weil keine Plattformdaten zu Follower auf LinkedIn vorliegen."
    )
    assert "goals.rec.history" in {r.text.key for r in result.recommendations}


def test_findings_and_recommendations_name_the_goals(make_engagement: Callable[..., Path]) -> None:
    """The incomplete goal, the flagged goal and the missing category appear in the findings."""
    engagement = load_engagement(make_engagement(text=GOALS_ENGAGEMENT))
    result = analyse(answers_of(engagement), engagement, histories=lookup)
    texts = [render_text(f, "en") for f in result.findings]
    assert texts[0] == "Goals recorded: 3, fully SMART: 2 (reference date 12 Nov 2026)."
    assert (
        "Goal 3 “Arbeitgeberimage” is not SMART: no baseline, no owner role, deadline not after the reference date."
        in texts
    )
    assert any(
        t.startswith("Goal 2 “Leads” needs 12.2% per month, but Leads on LinkedIn has not moved")
        for t in texts
    )
    assert texts[-1] == (
        'The goals cover 3 of six typical goal categories; missing is "Maintain customer relations", '
        "which 68% of companies pursue."
    )
    recs = {r.text.key: r for r in result.recommendations}
    assert set(recs) == {"goals.rec.complete_smart", "goals.rec.revise", "goals.rec.areas"}
    assert recs["goals.rec.revise"].owner == "social_media_manager"


def test_an_unreadable_data_file_leaves_realism_unjudged() -> None:
    """A DataImportError from the history hook marks the goal 'unusable history' instead of failing."""

    def broken(kpi: str, platform: str | None) -> pd.Series | None:
        raise DataImportError("data/linkedin.csv: unreadable")

    result = analyse(GoalsAnswers(goals=[goal()]), histories=broken)
    assert result.details.evaluations[0].realism.reason == "unusable_history"
    assert "goals.finding.not_judged.unusable_history" in [f.key for f in result.findings]


def test_reference_date_falls_back_to_today() -> None:
    """Without an engagement the reference date is today."""
    result = analyse(GoalsAnswers(goals=[goal()]))
    assert result.details.reference == dt.date.today()
    assert result.details.reference_is_workshop is False


def test_empty_register_scores_zero_and_asks_for_goals() -> None:
    """No goals: 0 points, one finding saying so, one action to record goals."""
    result = analyse(GoalsAnswers())
    assert result.score == 0 and result.light is Light.RED
    assert [f.key for f in result.findings] == ["goals.finding.no_goals"]
    assert [r.text.key for r in result.recommendations] == ["goals.rec.record_goals"]


def test_page_renders_in_both_languages_and_escapes_client_text(make_engagement: Callable[..., Path]) -> None:
    """Tables, two charts with history, and a goal named <script> shown as text, in de and en."""
    text = GOALS_ENGAGEMENT.replace('name: "Follower"', 'name: "<script>alert(1)</script> $x$"')
    engagement = load_engagement(make_engagement(text=text))
    result = analyse(answers_of(engagement), engagement, histories=lookup)
    for language in ("de", "en"):
        blocks = render(result, language)
        html = "".join(b for b in blocks if isinstance(b, str))
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert sum(str(b).count('<svg class="smt-chart"') for b in blocks) == 2
    empty = render(analyse(GoalsAnswers()), "de")
    assert sum(str(b).count('<svg class="smt-chart"') for b in empty) == 1


# ---------------------------------------------------------------- bad input through the engagement file


def problems_of(make_engagement: Callable[..., Path], text: str) -> list[str]:
    """The validation problems of an engagement file."""
    with pytest.raises(ValidationError) as caught:
        load_engagement(make_engagement(text=text))
    return caught.value.problems


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line containing ``fragment``."""
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_missing_or_empty_goals_section_is_valid(make_engagement: Callable[..., Path]) -> None:
    """No goals section, or an empty list, loads and gives the empty-register result."""
    head = GOALS_ENGAGEMENT.split("goals:")[0]
    for text in (head, head + "goals:\n  goals: []\n", head + "goals:\n"):
        folder = make_engagement(slug=f"g{len(text)}", text=text)
        engagement = load_engagement(folder)
        assert analyse(answers_of(engagement), engagement).score == 0


def test_out_of_range_values_name_file_line_and_field(make_engagement: Callable[..., Path]) -> None:
    """A baseline below -100 and a realism factor of 1 are reported with line and field path."""
    text = GOALS_ENGAGEMENT.replace("baseline: 10,", "baseline: -500,") + "  realism_factor: 1\n"
    problems = problems_of(make_engagement, text)
    assert len(problems) == 2
    assert any(
        f"engagement.yaml:{line_of(text, 'baseline: -500')} goals.goals[1].baseline: -500 is not >= -100" in p
        for p in problems
    )
    assert any(
        f"engagement.yaml:{line_of(text, 'realism_factor')} goals.realism_factor: 1 is not > 1" in p
        for p in problems
    )


def test_unknown_kpi_and_bad_date_are_reported(make_engagement: Callable[..., Path]) -> None:
    """A KPI outside the catalogue and a German-style date name the goal's field and line."""
    text = GOALS_ENGAGEMENT.replace("kpi: leads", "kpi: likes").replace("2027-05-12", '"12.05.2027"')
    problems = problems_of(make_engagement, text)
    line = line_of(text, "kpi: likes")
    assert any(f"engagement.yaml:{line} goals.goals[1].kpi: 'likes' is not allowed" in p for p in problems)
    assert any(
        f"engagement.yaml:{line_of(text, '12.05.2027')} goals.goals[1].deadline: '12.05.2027'" in p
        for p in problems
    )


def test_unknown_goal_field_is_reported(make_engagement: Callable[..., Path]) -> None:
    """A typo in a goal's field name is caught instead of being ignored."""
    text = GOALS_ENGAGEMENT.replace("owner: marketing_lead", "ownr: marketing_lead")
    (problem,) = problems_of(make_engagement, text)
    assert problem.endswith(
        f"engagement.yaml:{line_of(text, 'ownr')} goals.goals[0].ownr: "
        "is not a known field; check the spelling or remove it"
    )
