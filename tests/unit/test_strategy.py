"""Check 01 strategy against figures worked out by hand (see each test's arithmetic)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.checks.base import Light
from smtoolkit.checks.strategy import (
    StrategyAnswers,
    analyse,
    audit_accounts,
    is_dormant,
    prioritize,
    quadrant,
    reference_date,
    render,
)
from smtoolkit.engagement import load_engagement
from smtoolkit.errors import ValidationError
from smtoolkit.i18n import catalog, placeholders
from smtoolkit.i18n import render as render_message

REF = dt.date(2026, 11, 12)

# Areas: marketing_sales 5 x 4 = 20 quick win; hr_recruiting 4 x 2 = 8 strategic bet;
# pr 3 x 4 = 12 fill-in; customer_service 2 x 2 = 4 leave alone; 2 of 6 areas unrated.
# Accounts on 12 Nov 2026 with 90 dormant days:
#   linkedin  owner, purpose, KPI, 11 days        keep       -> active
#   instagram no owner, no purpose, 90 days       keep       -> active (exactly 90 is not dormant)
#   facebook  owner, purpose, KPI, 91 days        undecided  -> dormant
#   xing      owner, no purpose, 2021             close      -> dormant but closing
HAND = {
    "areas": [
        {"area": "pr", "value": 3, "feasibility": 4, "note": "Fachpresse"},
        {"area": "marketing_sales", "value": 5, "feasibility": 4},
        {"area": "hr_recruiting", "value": 4, "feasibility": 2},
        {"area": "customer_service", "value": 2, "feasibility": 2},
    ],
    "accounts": [
        {
            "network": "linkedin",
            "handle": "muster-gmbh",
            "owner": "marketing_lead",
            "verified": True,
            "purpose": "Leads",
            "kpis": ["leads"],
            "last_post": "2026-11-01",
            "keep": "keep",
        },
        {"network": "instagram", "handle": "@muster", "last_post": "2026-08-14", "keep": "keep"},
        {
            "network": "facebook",
            "handle": "Muster",
            "owner": "social_media_manager",
            "purpose": "Events",
            "kpis": ["reach"],
            "last_post": "2026-08-13",
            "keep": "undecided",
        },
        {
            "network": "xing",
            "handle": "Muster GmbH",
            "owner": "hr",
            "last_post": "2021-01-01",
            "keep": "close",
        },
    ],
    "dormant_days": 90,
    "reference_date": "2026-11-12",
}


def answers(**changes: object) -> StrategyAnswers:
    """The hand-worked answers with some fields changed."""
    return StrategyAnswers.model_validate({**HAND, **changes})


@pytest.mark.parametrize(
    "value,feasibility,expected",
    [
        (4, 4, "quick_win"),
        (5, 5, "quick_win"),
        (4, 3, "strategic_bet"),
        (5, 1, "strategic_bet"),
        (3, 4, "fill_in"),
        (1, 5, "fill_in"),
        (3, 3, "leave_alone"),
        (1, 1, "leave_alone"),
    ],
)
def test_quadrant_boundaries_lie_between_3_and_4(value: int, feasibility: int, expected: str) -> None:
    """A rating of 4 or 5 is high and 3 is not, on both axes."""
    assert quadrant(value, feasibility) == expected


def test_prioritized_list_orders_by_quadrant_then_priority() -> None:
    """Quick win (20), strategic bet (8), fill-in (12), leave alone (4): quadrant beats priority."""
    ordered = prioritize(answers().areas)
    assert [(p.area, p.quadrant, p.priority) for p in ordered] == [
        ("marketing_sales", "quick_win", 20),
        ("hr_recruiting", "strategic_bet", 8),
        ("pr", "fill_in", 12),
        ("customer_service", "leave_alone", 4),
    ]


def test_equal_priority_breaks_ties_by_value_then_vocabulary_order() -> None:
    """Two quick wins of priority 20 rank 5 x 4 before 4 x 5; equal ratings keep the vocabulary order."""
    ordered = prioritize(
        StrategyAnswers.model_validate(
            {
                "areas": [
                    {"area": "internal_communication", "value": 4, "feasibility": 4},
                    {"area": "hr_recruiting", "value": 4, "feasibility": 5},
                    {"area": "product_development", "value": 5, "feasibility": 4},
                    {"area": "pr", "value": 4, "feasibility": 4},
                ]
            }
        ).areas
    )
    assert [p.area for p in ordered] == [
        "product_development",
        "hr_recruiting",
        "pr",
        "internal_communication",
    ]


@pytest.mark.parametrize("days,dormant", [(89, False), (90, False), (91, True), (400, True)])
def test_dormant_means_more_than_the_threshold(days: int, dormant: bool) -> None:
    """A last post exactly 90 days ago is not dormant; 91 days ago is."""
    assert is_dormant(REF - dt.timedelta(days=days), REF, 90) is dormant


def test_missing_last_post_is_not_dormant_but_not_active_either() -> None:
    """An account without a date is flagged "date missing" instead of dormant."""
    (status,) = audit_accounts(
        StrategyAnswers.model_validate(
            {"accounts": [{"network": "blog", "owner": "communications"}]}
        ).accounts,
        REF,
        90,
    )
    assert not status.dormant and not status.active
    assert "date_missing" in status.flags


def test_account_flags_match_hand_audit() -> None:
    """The four hand-made accounts get 11/90/91/2141 days and the listed flags."""
    statuses = audit_accounts(answers().accounts, REF, 90)
    assert [s.days_since_post for s in statuses] == [11, 90, 91, (REF - dt.date(2021, 1, 1)).days]
    assert [s.flags for s in statuses] == [
        (),
        ("no_owner", "no_purpose", "no_kpis", "unverified"),
        ("dormant", "unverified", "undecided"),
        ("dormant", "no_purpose"),
    ]


def test_score_criteria_match_hand_figures() -> None:
    """4/6 areas 13.3 + 15 + 15, owners 3/4 11.25, purposes 2/4 5, active 3/4 11.25, decided 3/4 3.75, KPIs 2/3 3.3: 77.9."""
    result = analyse(answers())
    points = [c.points for c in result.criteria]
    assert points == pytest.approx(
        [20 * 4 / 6, 15, 15, 15 * 3 / 4, 10 * 2 / 4, 15 * 3 / 4, 5 * 3 / 4, 5 * 2 / 3]
    )
    assert [c.max_points for c in result.criteria] == [20, 15, 15, 15, 10, 15, 5, 5]
    assert result.score == 77.9
    assert result.light is Light.GREEN


def test_recommendations_name_each_gap_with_its_count_and_owner() -> None:
    """Unrated areas, the quick win, the bet and every inventory gap become actions with counts."""
    recs = {r.text.key: r for r in analyse(answers()).recommendations}
    assert recs["strategy.rec.rate_areas"].text.params["count"] == 2
    assert recs["strategy.rec.quick_win"].owner == "marketing_lead"
    assert recs["strategy.rec.quick_win"].text.params["area"].key == "area.marketing_sales"
    assert recs["strategy.rec.strategic_bet"].text.params["area"].key == "area.hr_recruiting"
    assert (recs["strategy.rec.strategic_bet"].impact, recs["strategy.rec.strategic_bet"].effort) == (3, 3)
    counts = {key: r.text.params.get("count") for key, r in recs.items()}
    assert counts["strategy.rec.dormant"] == 1  # facebook; xing is closing already
    assert counts["strategy.rec.close"] == 1
    assert counts["strategy.rec.owner"] == 1
    assert counts["strategy.rec.purpose"] == 2
    assert counts["strategy.rec.decide"] == 1
    assert counts["strategy.rec.kpis"] == 1
    assert counts["strategy.rec.verify"] == 2  # instagram and facebook; linkedin is verified
    assert "strategy.rec.beyond" not in recs and "strategy.rec.dates" not in recs


def test_dormant_finding_names_the_longest_silent_account() -> None:
    """Two of four accounts are dormant; XING has been silent longest."""
    finding = next(f for f in analyse(answers()).findings if f.key == "strategy.finding.dormant")
    assert finding.params["count"] == 2 and finding.params["total"] == 4
    assert finding.params["network"].key == "platform.xing"
    de = render_message(finding, "de")
    assert "2 von 4" in de and "12.11.2026" in de and "„Muster GmbH“" in de


def test_only_marketing_of_high_value_loses_the_beyond_points() -> None:
    """With high value only in PR and marketing, the 15 "beyond" points are 0 and an action asks for more."""
    result = analyse(
        answers(
            areas=[
                {"area": "pr", "value": 5, "feasibility": 5},
                {"area": "marketing_sales", "value": 4, "feasibility": 4},
                {"area": "hr_recruiting", "value": 2, "feasibility": 4},
            ]
        )
    )
    assert result.criteria[2].points == 0
    assert "strategy.finding.only_marketing" in {f.key for f in result.findings}
    assert "strategy.rec.beyond" in {r.text.key for r in result.recommendations}


def test_every_area_of_high_value_sets_no_priority() -> None:
    """When every rated area is of high value the 15 priority points are 0 and an action asks to focus."""
    result = analyse(
        answers(
            areas=[
                {"area": "pr", "value": 4, "feasibility": 2},
                {"area": "hr_recruiting", "value": 5, "feasibility": 4},
            ]
        )
    )
    assert result.criteria[1].points == 0
    assert (
        result.criteria[1].detail is not None
        and result.criteria[1].detail.key == "strategy.criterion.all_high"
    )
    assert "strategy.rec.focus" in {r.text.key for r in result.recommendations}


def test_empty_section_scores_zero_and_says_what_is_missing() -> None:
    """No areas and no accounts score 0, red, with findings asking for both."""
    result = analyse(StrategyAnswers())
    assert result.score == 0 and result.light is Light.RED
    assert [f.key for f in result.findings] == ["strategy.finding.no_areas", "strategy.finding.no_accounts"]
    assert {r.text.key for r in result.recommendations} == {
        "strategy.rec.rate_areas",
        "strategy.rec.inventory",
    }


def test_only_closing_accounts_get_the_kpi_points() -> None:
    """Accounts that are all to be closed need no KPI: the 5 KPI points are full."""
    result = analyse(answers(accounts=[HAND["accounts"][3]]))  # type: ignore[index]
    assert result.criteria[7].points == 5


ENGAGEMENT = textwrap.dedent(
    """\
    client:
      name: "Muster GmbH"
    settings:
      workshop_date: 2026-03-02
    strategy:
      areas:
        - {area: pr, value: 4, feasibility: 4}
      accounts:
        - {network: linkedin, owner: marketing_lead, purpose: "Leads", last_post: 2025-12-02}
    """
)


def test_reference_date_defaults_to_the_workshop_date(make_engagement: Callable[..., Path]) -> None:
    """Without a reference date the engagement's workshop date (2 Mar 2026) is used: 90 days, not dormant."""
    engagement = load_engagement(make_engagement(text=ENGAGEMENT))
    section = engagement.section("strategy")
    assert isinstance(section, StrategyAnswers)
    assert reference_date(section, engagement) == dt.date(2026, 3, 2)
    result = analyse(section, engagement)
    assert result.details.accounts[0].days_since_post == 90
    assert not result.details.accounts[0].dormant


def test_reference_date_in_the_answers_wins_over_the_workshop_date(
    make_engagement: Callable[..., Path],
) -> None:
    """An explicit reference date one day later makes the same account dormant (91 days)."""
    engagement = load_engagement(make_engagement(text=ENGAGEMENT + "  reference_date: 2026-03-03\n"))
    result = analyse(engagement.section("strategy"), engagement)
    assert result.details.reference_date == dt.date(2026, 3, 3)
    assert result.details.accounts[0].dormant


def test_reference_date_without_engagement_or_answer_is_today() -> None:
    """With neither an answer nor an engagement the reference date is today."""
    assert reference_date(StrategyAnswers()) == dt.date.today()


def test_missing_and_empty_sections_load_with_defaults(make_engagement: Callable[..., Path]) -> None:
    """An engagement without the section, or with empty lists, loads with the 90-day default."""
    base = 'client:\n  name: "Muster GmbH"\n'
    missing = load_engagement(make_engagement("ohne", base)).section("strategy")
    empty = load_engagement(
        make_engagement("leer", base + "strategy:\n  areas: []\n  accounts: []\n")
    ).section("strategy")
    assert missing == empty == StrategyAnswers()
    assert isinstance(missing, StrategyAnswers) and missing.dormant_days == 90


BAD = textwrap.dedent(
    """\
    client:
      name: "Muster GmbH"
    strategy:
      areas:
        - {area: pr, value: 6, feasibility: 3}
        - {area: hr_recruiting, value: 3, feasibility: 0}
      accounts:
        - {network: myspace, handle: a}
        - network: linkedin
          owner: intern
          last_post: "gestern"
      dormant_days: 0
    """
)


@pytest.mark.parametrize(
    "where",
    [
        "engagement.yaml:5 strategy.areas[0].value: 6 is not <= 5",
        "engagement.yaml:6 strategy.areas[1].feasibility: 0 is not >= 1",
        "engagement.yaml:8 strategy.accounts[0].network: 'myspace' is not allowed",
        "engagement.yaml:10 strategy.accounts[1].owner: 'intern' is not allowed",
        "engagement.yaml:11 strategy.accounts[1].last_post:",
        "engagement.yaml:12 strategy.dormant_days: 0 is not >= 1",
    ],
)
def test_bad_values_are_reported_with_file_line_and_field(
    make_engagement: Callable[..., Path], where: str
) -> None:
    """Each out-of-range or unknown value names engagement.yaml, its line and its field path."""
    with pytest.raises(ValidationError) as info:
        load_engagement(make_engagement(text=BAD))
    assert any(where in problem for problem in info.value.problems), info.value.problems


def test_an_area_rated_twice_is_refused(make_engagement: Callable[..., Path]) -> None:
    """Two rows for the same area are one problem on strategy.areas that names the area."""
    text = 'client:\n  name: "M"\nstrategy:\n  areas:\n    - {area: pr}\n    - {area: pr}\n'
    with pytest.raises(ValidationError) as info:
        load_engagement(make_engagement(text=text))
    (problem,) = info.value.problems
    assert "engagement.yaml:4 strategy.areas:" in problem and "'pr' is rated twice" in problem


def test_page_renders_chart_and_escapes_client_text() -> None:
    """Both languages render the matrix PNG and tables; a <script> handle or note appears escaped."""
    hostile = answers(
        areas=[{"area": "pr", "value": 4, "feasibility": 4, "note": "<script>alert(1)</script>"}],
        accounts=[{"network": "linkedin", "handle": "<b>x</b>", "last_post": "2026-11-01"}],
    )
    for language in ("de", "en"):
        blocks = render(analyse(hostile), language)
        html = "".join(b for b in blocks if isinstance(b, str))
        assert any(isinstance(b, str) and b.startswith('<svg class="smt-chart"') for b in blocks)
        assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html
    empty = render(analyse(StrategyAnswers()), "de")
    assert not any("<svg" in str(b) for b in empty)


def test_catalogs_have_the_same_keys_and_placeholders() -> None:
    """The de and en texts of check 01 define the same keys with the same placeholders."""
    de = {k: v for k, v in catalog("de").items() if k.startswith(("strategy.", "check.strategy."))}
    en = {k: v for k, v in catalog("en").items() if k.startswith(("strategy.", "check.strategy."))}
    assert set(de) == set(en)
    assert {k: placeholders(v) for k, v in de.items()} == {k: placeholders(v) for k, v in en.items()}
