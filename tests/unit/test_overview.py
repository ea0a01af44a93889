"""The overview's calculations, pinned to figures worked out by hand, and its page parts."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from smtoolkit import yamlio
from smtoolkit.checks.base import Criterion, Light, Recommendation, Result
from smtoolkit.checks.registry import CheckSpec, get
from smtoolkit.engagement import Engagement, Round
from smtoolkit.errors import ConfigError
from smtoolkit.messages import Message
from smtoolkit.models import Client, Settings
from smtoolkit.overview import (
    STAGES,
    CheckOutcome,
    action_plan,
    assess,
    due_date,
    executive_summary,
    priority_class,
    priority_key,
    stage_for,
    view,
    weighted_index,
)
from smtoolkit.overview.analysis import TOP_RECOMMENDATIONS, round_half_up


class NoAnswers(BaseModel):
    """A check model without fields, for stand-in checks."""


def fake_spec(slug: str, score: float, recs: Sequence[Recommendation] = (), findings: int = 2) -> CheckSpec:
    """A stand-in for a registered check (same slug and number) whose analyse returns ``score``."""
    real = get(slug)

    def analyse(_answers: Any, _engagement: Any) -> Result:
        return Result(
            check=slug,
            criteria=(Criterion(Message("common.points"), score, 100),),
            findings=tuple(f"{slug} finding {i}" for i in range(1, findings + 1)),  # type: ignore[misc]
            recommendations=tuple(recs),
        )

    return CheckSpec(real.number, slug, NoAnswers, analyse, lambda r, lang: [], {})


def failing_spec(slug: str) -> CheckSpec:
    """A stand-in check whose analyse raises, like a check with an unreadable data file."""

    def analyse(_answers: Any, _engagement: Any) -> Result:
        raise OSError("no such file")

    return CheckSpec(get(slug).number, slug, NoAnswers, analyse, lambda r, lang: [], {})


def rec(text: str, impact: int, effort: int, horizon: int, owner: str = "management") -> Recommendation:
    """A recommendation whose text is a plain string (rendered as is)."""
    return Recommendation(text, impact, effort, owner, horizon)  # type: ignore[arg-type]


SETTINGS_YAML = textwrap.dedent(
    """\
    client:
      name: "Nordwind Armaturen KG"
    settings:
      language: de
      weights: {weights}
      workshop_date: {workshop}
    """
)


@pytest.fixture
def fake_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[CheckSpec]]:
    """Make ``Engagement.included()`` see the stand-in checks the test puts in the list."""
    specs: list[CheckSpec] = []
    monkeypatch.setattr("smtoolkit.engagement.registry", lambda: sorted(specs, key=lambda s: s.number))
    yield specs


def engagement(
    specs: Sequence[CheckSpec],
    *,
    weights: str = "{}",
    workshop: str = "2026-12-17",
    rounds: Sequence[Round] = (),
    folder: Path = Path("/nowhere/nordwind"),
) -> Engagement:
    """An engagement with ``specs`` as its checks, built without touching the disk."""
    text = SETTINGS_YAML.format(weights=weights, workshop=workshop)
    document = yamlio.load(text, "engagement.yaml")
    plain = yamlio.to_plain(document)
    return Engagement(
        folder,
        document,
        Client.model_validate(plain["client"]),
        Settings.model_validate(plain["settings"]),
        {spec.slug: NoAnswers() for spec in specs},
        list(rounds),
    )


# --- pure rules --------------------------------------------------------------------------


def test_weighted_index_matches_the_hand_calculation() -> None:
    """(2·80 + 1·50 + 0.5·20) / (2 + 1 + 0.5) = 220 / 3.5 = 62.857…; a missing weight counts 1."""
    index = weighted_index({"a": 80, "b": 50, "c": 20}, {"a": 2, "c": 0.5})
    assert index == pytest.approx(62.857142857)
    assert round_half_up(index) == 62.9
    assert weighted_index({"a": 80, "b": 50}, {}) == 65.0
    assert weighted_index({"a": 80}, {"a": 0}) is None


@pytest.mark.parametrize(
    ("score", "stage"),
    [
        (0, "planning"),
        (19.9, "planning"),
        (20, "presence"),
        (39.9, "presence"),
        (40, "engagement"),
        (54.9, "engagement"),
        (55, "formalized"),
        (69.9, "formalized"),
        (70, "strategic"),
        (84.9, "strategic"),
        (85, "converged"),
        (100, "converged"),
    ],
)
def test_stage_bands_split_each_traffic_light_in_two(score: float, stage: str) -> None:
    """Red: Planning <20, Presence 20-39.9; amber: Engagement 40-54.9, Formalized 55-69.9; green: 70/85."""
    assert stage_for(score) == stage
    assert stage in STAGES


@pytest.mark.parametrize(
    ("impact", "effort", "kind"),
    [
        (3, 1, "quick_win"),
        (3, 2, "quick_win"),
        (2, 1, "quick_win"),
        (3, 3, "project"),
        (2, 2, "project"),
        (1, 1, "fill_in"),
        (2, 3, "reconsider"),
        (1, 2, "reconsider"),
        (1, 3, "reconsider"),
    ],
)
def test_priority_classes_of_the_impact_effort_matrix(impact: int, effort: int, kind: str) -> None:
    """Quick win = impact above effort; project = equal and at least medium; fill-in = both low."""
    assert priority_class(impact, effort) == kind


def outcome(slug: str, score: float, recs: Sequence[Recommendation] = (), **kw: Any) -> CheckOutcome:
    """An evaluated check for the pure functions."""
    spec = fake_spec(slug, score, recs)
    return CheckOutcome(spec, kw.get("weight", 1.0), spec.analyse(None, None), None, kw.get("previous"))


PLAN_OUTCOMES = [
    outcome("strategy", 80, [rec("A", 2, 2, 4), rec("B", 3, 1, 8), rec("H", 3, 3, 1)]),
    outcome("goals", 50, [rec("C", 2, 1, 2), rec("D", 1, 3, 2)]),
    outcome("effort", 20, [rec("E", 3, 2, 4), rec("F", 1, 1, 1), rec("G", 3, 1, 8)]),
]


def test_action_plan_puts_quick_wins_first_in_the_documented_order() -> None:
    """Keys (effort-impact, -impact, horizon, check, position) give B, G, E, C, H, A, F, D.

    B (3/1) and G (3/1, 8 weeks) tie up to the check number; E (3/2) beats C (2/1) on impact;
    the quick win C (2/1) comes before the project H (3/3), which "impact first" would not do.
    """
    plan = action_plan(PLAN_OUTCOMES, dt.date(2026, 12, 17))
    assert [item.recommendation.text for item in plan] == ["B", "G", "E", "C", "H", "A", "F", "D"]
    assert [item.rank for item in plan] == list(range(1, 9))
    assert [item.priority for item in plan] == ["quick_win"] * 4 + [
        "project",
        "project",
        "fill_in",
        "reconsider",
    ]
    assert priority_key(rec("C", 2, 1, 2), 2, 0) == (-1, -2, 2, 2, 0)


def test_due_dates_count_weeks_from_the_start_and_carry_the_iso_week() -> None:
    """17.12.2026 + 1 week = 24.12.2026 (KW 52); + 2 weeks = 31.12.2026 (KW 53/2026); + 8 = 11.02.2027 (KW 06)."""
    plan = {item.recommendation.text: item for item in action_plan(PLAN_OUTCOMES, dt.date(2026, 12, 17))}
    assert plan["F"].due == dt.date(2026, 12, 24) and plan["F"].iso_week == (2026, 52)
    assert plan["C"].due == dt.date(2026, 12, 31) and plan["C"].iso_week == (2026, 53)
    assert plan["B"].due == dt.date(2027, 2, 11) and plan["B"].iso_week == (2027, 6)
    assert view.due_week(plan["B"], "de") == "KW 06/2027"
    assert view.due_week(plan["C"], "en") == "Week 53/2026"


def test_an_iso_week_can_belong_to_the_previous_year() -> None:
    """Friday 1 January 2027 lies in ISO week 53 of 2026, so it is shown as KW 53/2026."""
    assert due_date(dt.date(2026, 12, 18), 2) == dt.date(2027, 1, 1)
    (item,) = action_plan([outcome("goals", 50, [rec("X", 2, 1, 2)])], dt.date(2026, 12, 18))
    assert view.due_week(item, "de") == "KW 53/2026"


def test_executive_summary_goes_from_weakest_to_strongest() -> None:
    """Effort (20, red) gives two findings, then goals (50) and strategy (80) one each."""
    items = executive_summary(PLAN_OUTCOMES)
    assert [(i.spec.slug, i.finding) for i in items] == [
        ("effort", "effort finding 1"),
        ("effort", "effort finding 2"),
        ("goals", "goals finding 1"),
        ("strategy", "strategy finding 1"),
    ]
    assert [i.light for i in items] == [Light.RED, Light.RED, Light.AMBER, Light.GREEN]


@pytest.mark.parametrize(
    ("delta", "de", "en"),
    [
        (7.6, "+7,6", "+7.6"),
        (-2.0, "−2,0", "−2.0"),
        (0.0, "±0,0", "±0.0"),
        (0.04, "±0,0", "±0.0"),
        (None, "–", "–"),
    ],
)
def test_changes_are_shown_with_sign_and_one_decimal(delta: float | None, de: str, en: str) -> None:
    """A change reads +7,6 / −2,0 / ±0,0 and a missing one –."""
    assert view.fmt_delta(delta, "de") == de
    assert view.fmt_delta(delta, "en") == en


# --- assess over an engagement -----------------------------------------------------------


def three_checks(fake_checks: list[CheckSpec]) -> list[CheckSpec]:
    """Strategy 80, goals 50 and effort 20 with the recommendations of the plan test."""
    fake_checks.extend(
        [
            fake_spec("strategy", 80, [rec("A", 2, 2, 4), rec("B", 3, 1, 8), rec("H", 3, 3, 1)]),
            fake_spec("goals", 50, [rec("C", 2, 1, 2), rec("D", 1, 3, 2)]),
            fake_spec("effort", 20, [rec("E", 3, 2, 4), rec("F", 1, 1, 1), rec("G", 3, 1, 8)]),
        ]
    )
    return fake_checks


def test_assess_weights_index_stage_and_plan(fake_checks: list[CheckSpec]) -> None:
    """Weights {strategy: 2, effort: 0.5}: index 62.9 (amber); weakest effort 20 gives Presence."""
    specs = three_checks(fake_checks)
    a = assess(engagement(specs, weights="{strategy: 2, effort: 0.5}"))
    assert a.index == 62.9 and a.light is Light.AMBER
    assert a.weakest is not None and a.weakest.spec.slug == "effort"
    assert a.stage == "presence"
    assert a.start == dt.date(2026, 12, 17) and a.start_is_workshop
    assert len(a.plan) == 8 and a.quick_wins == 4
    assert [i.recommendation.text for i in a.top] == ["B", "G", "E", "C", "H"][:TOP_RECOMMENDATIONS]
    assert a.previous_round is None and a.index_delta is None


def test_weight_zero_shows_a_check_but_leaves_it_out_of_index_and_stage(fake_checks: list[CheckSpec]) -> None:
    """Effort with weight 0: index (2·80 + 50) / 3 = 70.0 (green), stage from goals 50 = Engagement."""
    specs = three_checks(fake_checks)
    a = assess(engagement(specs, weights="{strategy: 2, effort: 0}"))
    assert a.index == 70.0 and a.light is Light.GREEN
    assert a.stage == "engagement"
    assert "effort" in [o.spec.slug for o in a.outcomes]
    assert {i.spec.slug for i in a.plan} == {"strategy", "goals", "effort"}


def test_change_since_the_previous_round(fake_checks: list[CheckSpec]) -> None:
    """Then 70/50/30: changes +10, ±0, −10; index then (140+50+15)/3.5 = 58.6, now 62.9, change +4.3."""
    specs = three_checks(fake_checks)
    earlier = Round(
        name="Workshop", date=dt.date(2026, 6, 1), scores={"strategy": 70, "goals": 50, "effort": 30}
    )
    first = Round(name="Kick-off", date=dt.date(2026, 1, 1), scores={"strategy": 10})
    a = assess(engagement(specs, weights="{strategy: 2, effort: 0.5}", rounds=[first, earlier]))
    assert a.previous_round == earlier
    assert [o.delta for o in a.outcomes] == [10.0, 0.0, -10.0]
    assert a.previous_index == 58.6 and a.comparable_index == 62.9 and a.index_delta == 4.3
    assert a.previous_stage == "presence" and a.compared_all


def test_change_over_the_checks_scored_in_both_rounds(fake_checks: list[CheckSpec]) -> None:
    """Only strategy was scored then (70): index then 70, now over strategy alone 80, change +10."""
    specs = three_checks(fake_checks)
    earlier = Round(name="Erstgespräch", date=dt.date(2026, 6, 1), scores={"strategy": 70})
    a = assess(engagement(specs, rounds=[earlier]))
    assert a.compared == 1 and not a.compared_all
    assert (a.previous_index, a.comparable_index, a.index_delta) == (70.0, 80.0, 10.0)
    assert [o.delta for o in a.outcomes] == [10.0, None, None]
    html = "".join(b for b in view.summary_blocks(a, "de") if isinstance(b, str))
    assert "der 1 Prüfpunkte, die in beiden Runden bewertet wurden, um +10,0 Punkte" in html


def test_only_some_checks_included_gives_an_overview_of_those(fake_checks: list[CheckSpec]) -> None:
    """With settings.checks [goals], index, stage, summary and plan come from goals alone."""
    specs = three_checks(fake_checks)
    e = engagement(specs)
    e.settings.checks = ["goals"]
    a = assess(e)
    assert [o.spec.slug for o in a.outcomes] == ["goals"]
    assert a.index == 50.0 and a.stage == "engagement"
    assert [i.recommendation.text for i in a.plan] == ["C", "D"]
    scores = view.scores_blocks(a, "de")
    assert any("02 Ziele setzen" in b for b in scores if isinstance(b, str))
    assert not any("01 Strategie" in b for b in scores if isinstance(b, str))


def test_without_workshop_date_due_dates_count_from_the_build_date(fake_checks: list[CheckSpec]) -> None:
    """No settings.workshop_date: the start is the build date and the page says so."""
    specs = three_checks(fake_checks)
    a = assess(engagement(specs, workshop=""), today=dt.date(2027, 3, 1))
    assert a.start == dt.date(2027, 3, 1) and not a.start_is_workshop
    assert next(i for i in a.plan if i.recommendation.text == "F").due == dt.date(2027, 3, 8)
    assert "weil kein Workshop-Datum eingetragen ist" in view.plan_blocks(a, "de")[0]


def test_a_check_that_cannot_be_evaluated_is_named_and_left_out(fake_checks: list[CheckSpec]) -> None:
    """A raising analyse: the check is listed as not evaluated and the others still give an index."""
    fake_checks.extend([fake_spec("strategy", 80, [rec("A", 2, 1, 2)]), failing_spec("goals")])
    a = assess(engagement(fake_checks))
    assert a.index == 80.0 and [o.spec.slug for o in a.failed] == ["goals"]
    assert a.failed[0].error == "OSError"
    assert [i.spec.slug for i in a.plan] == ["strategy"]
    html = "".join(b for b in view.summary_blocks(a, "en") if isinstance(b, str))
    assert "02 Set goals could not be evaluated (OSError)" in html


def test_all_weights_zero_is_a_clear_error(fake_checks: list[CheckSpec]) -> None:
    """When no included check counts, there is no index and the message says what to change."""
    specs = three_checks(fake_checks)
    with pytest.raises(ConfigError, match="give at least one check a weight above 0"):
        assess(engagement(specs, weights="{strategy: 0, goals: 0, effort: 0}"))


def test_client_text_on_the_overview_is_escaped(fake_checks: list[CheckSpec]) -> None:
    """A round name and a recommendation with markup appear as text, never as HTML."""
    fake_checks.append(fake_spec("goals", 50, [rec("<script>x()</script>", 2, 1, 2)]))
    earlier = Round(name="<b>Runde</b>", date=dt.date(2026, 6, 1), scores={"goals": 40})
    e = engagement(fake_checks, rounds=[earlier])
    e.client.name = "<i>Evil</i> AG"
    a = assess(e)
    blocks = [
        *view.header_blocks(e, "de"),
        *view.summary_blocks(a, "de"),
        *view.scores_blocks(a, "de"),
        *view.top_blocks(a, "de"),
        *view.plan_blocks(a, "de"),
    ]
    html = "".join(b for b in blocks if isinstance(b, str))
    assert "<script>x()" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<b>Runde" not in html and "&lt;b&gt;Runde&lt;/b&gt;" in html
    assert "<i>Evil" not in html and "&lt;i&gt;Evil&lt;/i&gt; AG" in html


def test_method_lists_every_stage_with_its_band() -> None:
    """The method section shows the six stages with their documented score bands."""
    html = "".join(view.method_blocks("de"))
    for stage, band in [
        ("Planung", "0 bis 19,9"),
        ("Präsenz", "20 bis 39,9"),
        ("Dialog", "40 bis 54,9"),
        ("Formalisiert", "55 bis 69,9"),
        ("Strategisch", "70 bis 84,9"),
        ("Konvergiert", "85 bis 100"),
    ]:
        assert f"<td>{stage}</td><td>{band}</td>" in html
