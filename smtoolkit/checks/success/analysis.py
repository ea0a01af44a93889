"""Check 09 (success): the KPI catalogue, goal attainment, trends and the scorecard.

Reference date: the engagement's ``settings.workshop_date``, else today. Goals: the goal
register of check 02 (baseline and target in the KPI's unit). Actual values: see
:mod:`smtoolkit.checks.success.measure`; attainment, trend, status and light: see
:mod:`smtoolkit.checks.success.attainment`.

KPI catalogue (the shared ``Kpi`` vocabulary; formulas as the page shows them):

- followers: the level at the end of the latest complete month;
- follower growth ``(F_end − F_start) ÷ F_start`` over one month;
- reach, impressions, clicks, video views: the month's total over all posts;
- engagement rate (reactions + comments + shares + saves) ÷ reach (else ÷ impressions);
- CTR = clicks ÷ impressions;
- cost per engagement = spend ÷ engagements, spend = check 04's monthly budget;
- response rate = responded ÷ received; median first response time (measured values);
- mentions, leads, applications (measured values);
- share of voice = own ÷ (own + competitors) and net sentiment = % positive − % negative
  (check 06);
- ROI = (value − cost) ÷ cost, cost = check 04's annual budget.

Sources: Bitkom guide "Social Media" (2012), point 9; the formulas as listed in the
reference of the 10-point check; Kaushik (2011) for rates per post.

Score (100 points):

- measurable goals, 30: 30 × goals with an attainment ÷ goals (needs KPI, baseline, target
  and an actual value);
- goals on track, 30: 30 × goals attained or on track ÷ goals;
- KPI catalogue covered, 20: 20 × KPIs with an actual value (all platforms or any
  platform) ÷ 17;
- up to date, 10: 10 × goals whose actual value is at most ``max_age_days`` days older
  than the reference date ÷ goals;
- trend measurable, 10: 10 × goals with a trend (at least ``min_trend_points`` dated
  values) ÷ goals.

Without goals the four goal criteria score 0 and the findings say that check 02 holds
none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smtoolkit.catalogues import KPIS
from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.goals.analysis import Requirement, kpi_value, reference_date, required_param
from smtoolkit.checks.success.attainment import (
    GREY,
    Trend,
    attainment,
    light_of,
    status_of,
    trend,
)
from smtoolkit.checks.success.measure import MEASURED_ONLY, MONITORING_KPIS, Actual, Measurements
from smtoolkit.checks.success.model import SuccessAnswers
from smtoolkit.checks.success.monitoring import monitoring_source
from smtoolkit.messages import Date, Message, Percent, Term

__all__ = ["GoalScore", "SuccessDetails", "analyse", "score_goal"]


@dataclass(frozen=True)
class GoalScore:
    """One goal of check 02 measured: actual, attainment, trend, status and light.

    ``reason`` says why a goal has no attainment: ``no_kpi``, ``no_baseline``,
    ``no_target`` or ``no_actual`` (then ``actual.missing`` says which input is missing).
    """

    number: int
    goal: Any
    actual: Actual | None
    attainment: float | None
    trend: Trend | None
    projected: float | None
    status: str
    light: str
    reason: str | None
    fresh: bool | None

    @property
    def label(self) -> Message:
        """``Ziel 2 „Name“`` (or ``Ziel 2`` without a name)."""
        if self.goal.name:
            return Message("goals.goal", {"number": self.number, "name": self.goal.name})
        return Message("goals.goal_unnamed", {"number": self.number})


def score_goal(
    number: int,
    goal: Any,
    measurements: Measurements,
    reference: dt.date,
    answers: SuccessAnswers,
) -> GoalScore:
    """Measure one goal of check 02 against its actual value and trend."""
    if goal.kpi is None:
        return GoalScore(number, goal, None, None, None, None, "not_measurable", GREY, "no_kpi", None)
    actual = measurements.actual(goal.kpi, goal.platform)
    fresh = None
    if actual.ok and actual.as_of is not None:
        fresh = (reference - actual.as_of).days <= answers.max_age_days
    reason = None
    if goal.baseline is None:
        reason = "no_baseline"
    elif goal.target is None:
        reason = "no_target"
    elif not actual.ok:
        reason = "no_actual"
    if reason is not None:
        return GoalScore(number, goal, actual, None, None, None, "not_measurable", GREY, reason, fresh)
    assert actual.value is not None and goal.baseline is not None and goal.target is not None
    share = attainment(actual.value, goal.baseline, goal.target, goal.kpi)
    found = (
        trend(actual.series, goal.deadline, window=answers.trend_window, min_points=answers.min_trend_points)
        if goal.deadline is not None
        else None
    )
    projected = (
        attainment(found.projection, goal.baseline, goal.target, goal.kpi) if found is not None else None
    )
    status = status_of(actual.value, goal.baseline, goal.target, goal.kpi, goal.deadline, reference, found)
    return GoalScore(
        number,
        goal,
        actual,
        share,
        found,
        projected,
        status,
        light_of(status, projected, answers.amber_from),
        None,
        fresh,
    )


@dataclass(frozen=True)
class SuccessDetails:
    """Everything the success page shows besides the score."""

    answers: SuccessAnswers
    reference: dt.date
    goals_available: bool
    goals: tuple[GoalScore, ...]
    catalogue: tuple[Actual, ...]
    by_platform: dict[str, dict[str, Actual]]
    platforms: tuple[str, ...]
    covered: frozenset[str]
    monitoring_available: bool

    def count(self, *statuses: str) -> int:
        """Goals with one of ``statuses``."""
        return sum(1 for g in self.goals if g.status in statuses)


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _criteria(d: SuccessDetails) -> tuple[Criterion, ...]:
    n = len(d.goals)
    measurable = sum(1 for g in d.goals if g.attainment is not None)
    on_track = d.count("attained", "on_track")
    fresh = sum(1 for g in d.goals if g.fresh)
    trended = sum(1 for g in d.goals if g.trend is not None)
    covered = len(d.covered)
    return (
        Criterion(
            Message("success.criterion.measurable"),
            30 * _share(measurable, n),
            30,
            Message("success.criterion.of", {"part": measurable, "whole": n}),
        ),
        Criterion(
            Message("success.criterion.on_track"),
            30 * _share(on_track, n),
            30,
            Message("success.criterion.of", {"part": on_track, "whole": n}),
        ),
        Criterion(
            Message("success.criterion.coverage"),
            20 * _share(covered, len(KPIS)),
            20,
            Message("success.criterion.of", {"part": covered, "whole": len(KPIS)}),
        ),
        Criterion(
            Message("success.criterion.fresh"),
            10 * _share(fresh, n),
            10,
            Message("success.criterion.of", {"part": fresh, "whole": n}),
        ),
        Criterion(
            Message("success.criterion.trend"),
            10 * _share(trended, n),
            10,
            Message("success.criterion.of", {"part": trended, "whole": n}),
        ),
    )


def _value(kpi: str | None, value: float) -> Any:
    return kpi_value(kpi, value)


def _goal_finding(g: GoalScore, min_points: int) -> Message:
    goal = g.goal
    if g.reason == "no_kpi":
        return Message("success.finding.goal.no_kpi", {"goal": g.label})
    if g.reason in {"no_baseline", "no_target"}:
        params: dict[str, Any] = {"goal": g.label}
        if g.actual is not None and g.actual.ok and g.actual.value is not None:
            params["actual"] = _value(goal.kpi, g.actual.value)
            return Message(f"success.finding.goal.{g.reason}_with_actual", params)
        return Message(f"success.finding.goal.{g.reason}", params)
    if g.reason == "no_actual":
        assert g.actual is not None
        return Message(
            "success.finding.goal.no_actual",
            {"goal": g.label, "missing": g.actual.missing or Message("success.missing.unknown")},
        )
    assert g.actual is not None and g.actual.value is not None and g.attainment is not None
    params = {
        "goal": g.label,
        "actual": _value(goal.kpi, g.actual.value),
        "date": Date(g.actual.as_of) if g.actual.as_of else "–",
        "source": Term(f"success.source.{g.actual.source}"),
        "attainment": Percent(g.attainment),
        "points": min_points,
    }
    if g.trend is not None:
        params.update(
            slope=required_param(goal, Requirement("change", g.trend.slope, g.trend.months_left)),
            projection=_value(goal.kpi, g.trend.projection),
            deadline=Date(goal.deadline),
            target=_value(goal.kpi, goal.target),
        )
    elif goal.deadline is not None:
        params.update(deadline=Date(goal.deadline), target=_value(goal.kpi, goal.target))
    key = "no_deadline" if g.status == "no_trend" and goal.deadline is None else g.status
    return Message(f"success.finding.goal.{key}", params)


def _findings(d: SuccessDetails) -> list[Message]:
    found: list[Message] = []
    if not d.goals_available:
        found.append(Message("success.finding.no_goals_check"))
    elif not d.goals:
        found.append(Message("success.finding.no_goals"))
    else:
        found.append(
            Message(
                "success.finding.summary",
                {
                    "goals": len(d.goals),
                    "green": sum(1 for g in d.goals if g.light == "green"),
                    "amber": sum(1 for g in d.goals if g.light == "amber"),
                    "red": sum(1 for g in d.goals if g.light == "red"),
                    "grey": sum(1 for g in d.goals if g.light == GREY),
                    "date": Date(d.reference),
                },
            )
        )
    found += [_goal_finding(g, d.answers.min_trend_points) for g in d.goals]
    stale = [g.label for g in d.goals if g.fresh is False]
    if stale:
        found.append(
            Message(
                "success.finding.stale",
                {"goals": _join(stale), "days": d.answers.max_age_days},
            )
        )
    missing = [k for k in KPIS if k not in d.covered]
    found.append(
        Message(
            "success.finding.coverage",
            {"covered": len(d.covered), "whole": len(KPIS)},
        )
    )
    if missing:
        found.append(
            Message("success.finding.uncovered", {"kpis": _join([Term(f"kpi.{k}") for k in missing])})
        )
    if not d.monitoring_available:
        found.append(Message("success.finding.needs_check06"))
    roi = next((a for a in d.catalogue if a.kpi == "roi"), None)
    if roi is not None and roi.ok and roi.source == "check04" and roi.detail is not None:
        found.append(
            Message("success.finding.roi", {"roi": Percent((roi.value or 0.0) / 100), "detail": roi.detail})
        )
    return found


def _join(items: list[Any]) -> Any:
    joined = items[0]
    for item in items[1:]:
        joined = Message("success.join", {"head": joined, "tail": item})
    return joined


def _recommendations(d: SuccessDetails) -> list[Recommendation]:
    recs: list[Recommendation] = []
    if not d.goals:
        recs.append(Recommendation(Message("success.rec.goals"), 3, 1, "marketing_lead", 2))
        return recs
    incomplete = [g.label for g in d.goals if g.reason in {"no_kpi", "no_baseline", "no_target"}]
    if incomplete:
        recs.append(
            Recommendation(
                Message("success.rec.complete", {"goals": _join(incomplete)}), 3, 1, "marketing_lead", 2
            )
        )
    unmeasured = [g for g in d.goals if g.reason == "no_actual"]
    if unmeasured:
        recs.append(
            Recommendation(
                Message("success.rec.measure", {"goals": _join([g.label for g in unmeasured])}),
                3,
                2,
                "social_media_manager",
                4,
            )
        )
    for g in d.goals:
        if g.status == "off_track":
            recs.append(
                Recommendation(
                    Message("success.rec.off_track", {"goal": g.label}),
                    3,
                    2,
                    g.goal.owner or "marketing_lead",
                    4,
                )
            )
        elif g.status == "missed":
            recs.append(
                Recommendation(
                    Message("success.rec.missed", {"goal": g.label}),
                    2,
                    1,
                    g.goal.owner or "marketing_lead",
                    2,
                )
            )
    no_trend = [g.label for g in d.goals if g.status == "no_trend"]
    if no_trend:
        recs.append(
            Recommendation(
                Message("success.rec.trend", {"goals": _join(no_trend)}), 2, 1, "social_media_manager", 8
            )
        )
    if any(g.fresh is False for g in d.goals):
        recs.append(Recommendation(Message("success.rec.update"), 2, 1, "social_media_manager", 2))
    if d.answers.attributed_value_per_year is None:
        recs.append(Recommendation(Message("success.rec.value"), 2, 2, "management", 8))
    if not d.monitoring_available:
        recs.append(Recommendation(Message("success.rec.monitoring"), 2, 2, "communications", 4))
    measured_missing = [k for k in MEASURED_ONLY if k not in d.covered]
    if measured_missing:
        recs.append(
            Recommendation(
                Message(
                    "success.rec.routine",
                    {"kpis": _join([Term(f"kpi.{k}") for k in sorted(measured_missing)])},
                ),
                2,
                2,
                "marketing_lead",
                8,
            )
        )
    return recs


def _goals(engagement: Any) -> tuple[list[Any], bool]:
    try:
        section = engagement.section("goals") if engagement is not None else None
    except (KeyError, AttributeError):
        return [], False
    if section is None:
        return [], False
    return list(getattr(section, "goals", [])), True


def _platforms(measurements: Measurements, goals: list[Any]) -> tuple[str, ...]:
    data = measurements._data()
    names: set[str] = set()
    if data is not None:
        for kind in ("posts", "followers"):
            frame = data.frame(kind)
            if not frame.empty:
                names |= set(frame["platform"].dropna().astype(str))
    names |= {g.platform for g in goals if g.platform}
    names |= {m.platform for m in measurements.answers.measured if m.platform}
    return tuple(sorted(names))


def analyse(
    answers: SuccessAnswers,
    engagement: Any = None,
    *,
    monitoring: Callable[[str], Any] | None = None,
    goals: list[Any] | None = None,
) -> Result:
    """Score check 09: measure each goal of check 02 and cover the KPI catalogue.

    ``monitoring`` replaces check 06 as the source of share of voice and net sentiment and
    ``goals`` replaces check 02's register (both for tests).
    """
    reference = reference_date(engagement)
    if goals is None:
        goal_list, available = _goals(engagement)
    else:
        goal_list, available = list(goals), True
    source = monitoring if monitoring is not None else monitoring_source(engagement)
    measurements = Measurements(answers, engagement, reference, source)
    scores = tuple(
        score_goal(number, goal, measurements, reference, answers)
        for number, goal in enumerate(goal_list, start=1)
    )
    catalogue = tuple(measurements.actual(k, None) for k in KPIS)
    platforms = _platforms(measurements, goal_list)
    by_platform: dict[str, dict[str, Actual]] = {}
    for kpi in KPIS:
        if kpi in MONITORING_KPIS or kpi in {"cost_per_engagement", "roi"}:
            continue
        found = {p: measurements.actual(kpi, p) for p in platforms}
        by_platform[kpi] = {p: a for p, a in found.items() if a.ok}
    covered = frozenset(k for k, a in zip(KPIS, catalogue, strict=True) if a.ok or by_platform.get(k))
    details = SuccessDetails(
        answers=answers,
        reference=reference,
        goals_available=available,
        goals=scores,
        catalogue=catalogue,
        by_platform=by_platform,
        platforms=platforms,
        covered=covered,
        monitoring_available=source is not None,
    )
    return Result(
        check="success",
        criteria=_criteria(details),
        findings=tuple(_findings(details)),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
