"""The overview's calculations over every included check: index, stage, summary, action plan.

Everything is computed from the engagement with the checks' own ``analyse`` functions; the
overview never reads another notebook's output. The rules, with their worked examples, are
documented in ``docs/overview.md``:

- **Weighted maturity index** = Σ wᵢ·scoreᵢ / Σ wᵢ over the included checks, where wᵢ is
  ``settings.weights[slug]`` (default 1). A weight of 0 shows a check but does not count it.
- **Stage** (Altimeter, "Evolution of Social Business"): the stage of the weakest counted
  check, from the score bands in :data:`STAGE_FLOORS`. Each traffic-light band holds two
  stages: red = Planning (0-19.9), Presence (20-39.9); amber = Engagement (40-54.9),
  Formalized (55-69.9); green = Strategic (70-84.9), Converged (85-100).
- **Executive summary**: checks from the weakest to the strongest score; the first finding
  of each (checks state their headline first), the first two for a check in the red band.
- **Action plan**: every recommendation of every included check, ordered by
  :func:`priority_key`: impact minus effort (descending, so quick wins come first), then
  impact (descending), horizon (ascending), check number and the check's own order.
- **Due date** = workshop date (``settings.workshop_date``, else the build date) + horizon
  weeks, shown with its ISO week.
- **Change**: every score minus its score in the previous round (the last of ``rounds``);
  the index changes by the index now minus the index then, both over the counted checks
  that have a score in both rounds, with the same weights.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from smtoolkit.checks.base import DEFAULT_BANDS, Light, Recommendation, Result, light_for
from smtoolkit.checks.registry import CheckSpec
from smtoolkit.engagement import Engagement, Round, display_path
from smtoolkit.errors import ConfigError
from smtoolkit.messages import Message
from smtoolkit.yamlio import line_of

__all__ = [
    "PRIORITY_CLASSES",
    "STAGES",
    "STAGE_FLOORS",
    "TOP_RECOMMENDATIONS",
    "ActionItem",
    "Assessment",
    "CheckOutcome",
    "SummaryItem",
    "action_plan",
    "assess",
    "due_date",
    "executive_summary",
    "priority_class",
    "priority_key",
    "round_half_up",
    "stage_for",
    "weighted_index",
]

#: Altimeter's stages of social business maturity, lowest first.
STAGES: tuple[str, ...] = ("planning", "presence", "engagement", "formalized", "strategic", "converged")
#: The lowest score of each stage in :data:`STAGES`: the red, amber and green bands halved.
STAGE_FLOORS: tuple[float, ...] = (0.0, 20.0, 40.0, 55.0, 70.0, 85.0)
#: How many of the action plan's first items the overview shows as the top recommendations.
TOP_RECOMMENDATIONS = 5
#: Priority classes in plan order (see :func:`priority_class`).
PRIORITY_CLASSES: tuple[str, ...] = ("quick_win", "project", "fill_in", "reconsider")


def round_half_up(value: float, digits: int = 1) -> float:
    """Round commercially (0.05 -> 0.1), as the pages show numbers."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def stage_for(score: float) -> str:
    """Return the Altimeter stage of ``score`` (0-100) from :data:`STAGE_FLOORS`."""
    stage = STAGES[0]
    for name, floor in zip(STAGES, STAGE_FLOORS, strict=True):
        if score >= floor:
            stage = name
    return stage


def weighted_index(scores: Mapping[str, float], weights: Mapping[str, float]) -> float | None:
    """Σ wᵢ·scoreᵢ / Σ wᵢ over ``scores`` (a check without a weight counts 1); None if Σ wᵢ = 0."""
    total = sum(weights.get(slug, 1.0) for slug in scores)
    if total <= 0:
        return None
    return sum(weights.get(slug, 1.0) * score for slug, score in scores.items()) / total


def priority_class(impact: int, effort: int) -> str:
    """The class of an action on the impact/effort matrix (each rated 1 to 3).

    Quick win: impact above effort; project: both equal and at least medium; fill-in: both
    low; reconsider: effort above impact.
    """
    if impact > effort:
        return "quick_win"
    if impact == effort:
        return "project" if impact >= 2 else "fill_in"
    return "reconsider"


def priority_key(recommendation: Recommendation, check_number: int, position: int) -> tuple[int, ...]:
    """The sort key of the action plan: quick wins first, then bigger impact, then sooner due.

    (effort - impact, -impact, horizon weeks, check number, position within the check).
    """
    r = recommendation
    return (r.effort - r.impact, -r.impact, r.horizon_weeks, check_number, position)


def due_date(start: dt.date, horizon_weeks: int) -> dt.date:
    """The day an action is due: ``start`` plus ``horizon_weeks`` weeks."""
    return start + dt.timedelta(weeks=horizon_weeks)


@dataclass(frozen=True)
class CheckOutcome:
    """One included check in the overview: its result (or why it has none) and weight."""

    spec: CheckSpec
    weight: float
    result: Result | None = None
    error: str | None = None
    previous: float | None = None

    @property
    def score(self) -> float | None:
        """The check's score, or None when it could not be evaluated."""
        return self.result.score if self.result is not None else None

    @property
    def counted(self) -> bool:
        """True when the check enters the index and the stage (evaluated, weight above 0)."""
        return self.result is not None and self.weight > 0

    @property
    def stage(self) -> str | None:
        """The Altimeter stage of the check's score."""
        return stage_for(self.result.score) if self.result is not None else None

    @property
    def delta(self) -> float | None:
        """Score now minus score in the previous round; None without both."""
        if self.result is None or self.previous is None:
            return None
        return round_half_up(self.result.score - self.previous)


@dataclass(frozen=True)
class SummaryItem:
    """One line of the executive summary: a finding of a check, with the check's light."""

    spec: CheckSpec
    light: Light
    finding: Message


@dataclass(frozen=True)
class ActionItem:
    """One line of the action plan."""

    rank: int
    spec: CheckSpec
    recommendation: Recommendation
    due: dt.date

    @property
    def priority(self) -> str:
        """The priority class (see :func:`priority_class`)."""
        return priority_class(self.recommendation.impact, self.recommendation.effort)

    @property
    def iso_week(self) -> tuple[int, int]:
        """The ISO year and week of the due date (the year can differ around New Year)."""
        year, week, _ = self.due.isocalendar()
        return year, week


def executive_summary(outcomes: Sequence[CheckOutcome]) -> tuple[SummaryItem, ...]:
    """Findings from the weakest to the strongest check: one each, two for a red check."""
    evaluated = [o for o in outcomes if o.result is not None]
    items: list[SummaryItem] = []
    for outcome in sorted(evaluated, key=lambda o: (o.score, o.spec.number)):
        result = outcome.result
        assert result is not None
        take = 2 if result.light is Light.RED else 1
        items.extend(SummaryItem(outcome.spec, result.light, f) for f in result.findings[:take])
    return tuple(items)


def action_plan(outcomes: Sequence[CheckOutcome], start: dt.date) -> tuple[ActionItem, ...]:
    """Every recommendation of the evaluated checks in priority order, with its due date."""
    keyed = [
        (priority_key(rec, outcome.spec.number, position), outcome.spec, rec)
        for outcome in outcomes
        if outcome.result is not None
        for position, rec in enumerate(outcome.result.recommendations)
    ]
    keyed.sort(key=lambda item: item[0])
    return tuple(
        ActionItem(rank, spec, rec, due_date(start, rec.horizon_weeks))
        for rank, (_, spec, rec) in enumerate(keyed, start=1)
    )


@dataclass(frozen=True)
class Assessment:
    """Everything the overview shows, computed from one engagement."""

    outcomes: tuple[CheckOutcome, ...]
    index: float | None
    stage: str | None
    weakest: CheckOutcome | None
    summary: tuple[SummaryItem, ...]
    plan: tuple[ActionItem, ...]
    start: dt.date
    start_is_workshop: bool
    previous_round: Round | None = None
    previous_index: float | None = None
    previous_stage: str | None = None
    comparable_index: float | None = None
    compared: int = 0
    #: The traffic-light bands (amber, green) of the engagement: ``settings.bands``.
    bands: tuple[float, float] = DEFAULT_BANDS

    @property
    def light(self) -> Light | None:
        """The traffic light of the index, in the engagement's bands."""
        return light_for(self.index, self.bands) if self.index is not None else None

    @property
    def index_delta(self) -> float | None:
        """The index now minus the index then, over the checks scored in both rounds."""
        if self.comparable_index is None or self.previous_index is None:
            return None
        return round_half_up(self.comparable_index - self.previous_index)

    @property
    def compared_all(self) -> bool:
        """True when every counted check has a score in the previous round."""
        return self.compared > 0 and self.compared == sum(o.counted for o in self.outcomes)

    @property
    def top(self) -> tuple[ActionItem, ...]:
        """The first :data:`TOP_RECOMMENDATIONS` items of the action plan."""
        return self.plan[:TOP_RECOMMENDATIONS]

    @property
    def quick_wins(self) -> int:
        """How many actions of the plan are quick wins."""
        return sum(item.priority == "quick_win" for item in self.plan)

    @property
    def failed(self) -> tuple[CheckOutcome, ...]:
        """The included checks that could not be evaluated."""
        return tuple(o for o in self.outcomes if o.result is None)


def _weights(engagement: Engagement) -> dict[str, float]:
    source = display_path(engagement.file)
    weights = dict(engagement.settings.weights)
    for slug, weight in weights.items():
        if not math.isfinite(weight) or weight < 0:
            line = line_of(engagement.document, ("settings", "weights", slug))
            raise ConfigError(
                f"{source}:{line} settings.weights.{slug}: {weight} is not a weight; enter 0 "
                "(shown, not counted) or a positive number such as 1.5"
            )
    return weights


def assess(engagement: Engagement, today: dt.date | None = None) -> Assessment:
    """Evaluate every included check of ``engagement`` and combine the results.

    ``today`` is the build date, used for due dates when no workshop date is recorded. A
    check whose ``analyse`` raises is shown as not evaluated (its own page reports why) and
    is left out of the index, stage, summary and plan.
    """
    weights = _weights(engagement)
    previous_round = engagement.rounds[-1] if engagement.rounds else None
    outcomes: list[CheckOutcome] = []
    for spec in engagement.included():
        weight = weights.get(spec.slug, 1.0)
        previous = previous_round.scores.get(spec.slug) if previous_round else None
        try:
            result = spec.analyse(engagement.section(spec.slug), engagement)
        except Exception as err:  # the check's own page shows the error in full
            outcomes.append(CheckOutcome(spec, weight, None, type(err).__name__, previous))
            continue
        outcomes.append(CheckOutcome(spec, weight, result, None, previous))
    counted = [o for o in outcomes if o.counted]
    evaluated = [o for o in outcomes if o.result is not None]
    if evaluated and not counted:
        line = line_of(engagement.document, ("settings", "weights"))
        raise ConfigError(
            f"{display_path(engagement.file)}:{line} settings.weights: every included check has "
            "the weight 0, so there is no maturity index; give at least one check a weight above 0"
        )
    scores = {o.spec.slug: o.score for o in counted if o.score is not None}
    raw_index = weighted_index(scores, weights)
    index = round_half_up(raw_index) if raw_index is not None else None
    weakest = min(counted, key=lambda o: (o.score, o.spec.number)) if counted else None
    both = [o for o in counted if o.previous is not None and o.score is not None]
    previous_index = previous_stage = comparable_index = None
    if both:
        before = {o.spec.slug: o.previous for o in both if o.previous is not None}
        now = {o.spec.slug: o.score for o in both if o.score is not None}
        raw_before, raw_now = weighted_index(before, weights), weighted_index(now, weights)
        previous_index = round_half_up(raw_before) if raw_before is not None else None
        comparable_index = round_half_up(raw_now) if raw_now is not None else None
        previous_stage = stage_for(min(before.values()))
    workshop = engagement.settings.workshop_date
    start = workshop or today or dt.date.today()
    return Assessment(
        outcomes=tuple(outcomes),
        index=index,
        stage=weakest.stage if weakest else None,
        weakest=weakest,
        summary=executive_summary(outcomes),
        plan=action_plan(outcomes, start),
        start=start,
        start_is_workshop=workshop is not None,
        previous_round=previous_round,
        previous_index=previous_index,
        previous_stage=previous_stage,
        comparable_index=comparable_index,
        compared=len(both),
        bands=engagement.settings.bands.as_tuple(),
    )
