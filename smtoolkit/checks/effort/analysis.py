"""Check 04 (effort): weekly hours, FTE, budget and sensitivity; pure functions.

Model (reference: Bitkom 10-point check, point 4):

- weekly hours = Σ channels (posts/week × minutes/post) / 60
  + interactions/week × minutes/interaction / 60 + monitoring + reporting + coordination
- interactions/week = Σ channels (posts/week × comments/post) + direct messages/week
- annual hours = weekly hours × active weeks; agency hours = agency days × hours/day
- internal hours = annual hours − agency hours (not below 0); FTE = internal hours ÷ net hours
- internal cost = internal hours × gross salary × overhead factor ÷ net hours
- external cost = agency days × day rate; other = 12 × (tools + ads) + training

Score (100 points): capacity coverage 40, budget coverage 30, interaction time planned 10,
monitoring time planned 10, reporting and coordination time planned 10.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.effort.model import ChannelPlan, EffortAnswers
from smtoolkit.messages import Hours, Message, Money, Number, Percent, Term

__all__ = [
    "ChannelHours",
    "Costs",
    "SensitivityRow",
    "Workload",
    "analyse",
    "compute_costs",
    "compute_workload",
    "sensitivity",
]


@dataclass(frozen=True)
class ChannelHours:
    """Weekly effort of one posting-plan line."""

    platform: str
    format: str
    creation_hours: float
    interactions: float
    interaction_hours: float

    @property
    def hours(self) -> float:
        """Creation plus interaction hours per week."""
        return self.creation_hours + self.interaction_hours


@dataclass(frozen=True)
class Workload:
    """Hours per week by task and channel, and the yearly totals derived from them."""

    channels: tuple[ChannelHours, ...]
    direct_message_hours: float
    monitoring_hours: float
    reporting_hours: float
    coordination_hours: float
    weeks_per_year: int
    agency_hours: float
    net_hours_per_fte: float

    @property
    def creation_hours(self) -> float:
        """Hours per week spent creating and publishing posts."""
        return sum(c.creation_hours for c in self.channels)

    @property
    def interactions(self) -> float:
        """Comments on posts per week (direct messages are counted separately)."""
        return sum(c.interactions for c in self.channels)

    @property
    def interaction_hours(self) -> float:
        """Hours per week spent answering comments and direct messages."""
        return sum(c.interaction_hours for c in self.channels) + self.direct_message_hours

    @property
    def weekly_hours(self) -> float:
        """All hours per week."""
        return (
            self.creation_hours
            + self.interaction_hours
            + self.monitoring_hours
            + self.reporting_hours
            + self.coordination_hours
        )

    @property
    def annual_hours(self) -> float:
        """All hours per year."""
        return self.weekly_hours * self.weeks_per_year

    @property
    def internal_annual_hours(self) -> float:
        """Hours per year left for the client's own staff after the agency's share."""
        return max(0.0, self.annual_hours - self.agency_hours)

    @property
    def internal_weekly_hours(self) -> float:
        """Internal hours per active week."""
        return self.internal_annual_hours / self.weeks_per_year

    @property
    def fte(self) -> float:
        """Full-time equivalents of internal staff needed."""
        return self.internal_annual_hours / self.net_hours_per_fte

    def by_task(self) -> dict[str, float]:
        """Weekly hours per task, keyed by task id."""
        return {
            "creation": self.creation_hours,
            "comments": sum(c.interaction_hours for c in self.channels),
            "direct_messages": self.direct_message_hours,
            "monitoring": self.monitoring_hours,
            "reporting": self.reporting_hours,
            "coordination": self.coordination_hours,
        }

    def by_platform(self) -> dict[str, float]:
        """Weekly creation and comment hours per platform, largest first."""
        totals: dict[str, float] = {}
        for line in self.channels:
            totals[line.platform] = totals.get(line.platform, 0.0) + line.hours
        return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


@dataclass(frozen=True)
class Costs:
    """Yearly money in euro."""

    hourly_rate: float
    internal: float
    external: float
    tools: float
    ads: float
    training: float

    @property
    def other(self) -> float:
        """Tools, ads and training: the separate line item."""
        return self.tools + self.ads + self.training

    @property
    def annual(self) -> float:
        """The whole yearly budget."""
        return self.internal + self.external + self.other

    @property
    def monthly(self) -> float:
        """The yearly budget spread over twelve months."""
        return self.annual / 12


@dataclass(frozen=True)
class SensitivityRow:
    """Yearly budget when one driver is lowered and raised by the sensitivity share."""

    driver: str
    low: float
    high: float
    base: float

    @property
    def swing(self) -> float:
        """Distance between the high and the low budget."""
        return abs(self.high - self.low)


def _comments(line: ChannelPlan, answers: EffortAnswers) -> float:
    if line.comments_per_post is None:
        return answers.default_comments_per_post
    return line.comments_per_post


def compute_workload(answers: EffortAnswers) -> Workload:
    """Compute weekly hours by channel and task from the answers."""
    minutes = answers.minutes_per_interaction
    lines = []
    for line in answers.channels:
        interactions = line.posts_per_week * _comments(line, answers)
        lines.append(
            ChannelHours(
                platform=line.platform,
                format=line.format,
                creation_hours=line.posts_per_week * line.minutes_per_post / 60,
                interactions=interactions,
                interaction_hours=interactions * minutes / 60,
            )
        )
    return Workload(
        channels=tuple(lines),
        direct_message_hours=answers.direct_messages_per_week * minutes / 60,
        monitoring_hours=answers.monitoring_hours_per_week,
        reporting_hours=answers.reporting_hours_per_week,
        coordination_hours=answers.coordination_hours_per_week,
        weeks_per_year=answers.weeks_per_year,
        agency_hours=answers.agency_days_per_year * answers.hours_per_agency_day,
        net_hours_per_fte=answers.net_hours_per_fte,
    )


def compute_costs(answers: EffortAnswers, workload: Workload) -> Costs:
    """Compute the yearly budget from the workload and the money answers."""
    rate = answers.gross_salary * answers.employer_overhead_factor / answers.net_hours_per_fte
    return Costs(
        hourly_rate=rate,
        internal=workload.internal_annual_hours * rate,
        external=answers.agency_days_per_year * answers.agency_day_rate,
        tools=answers.tools_per_month * 12,
        ads=answers.ads_per_month * 12,
        training=answers.training_per_year,
    )


def _annual_budget(answers: EffortAnswers) -> float:
    return compute_costs(answers, compute_workload(answers)).annual


def _scale_volume(answers: EffortAnswers, factor: float) -> EffortAnswers:
    lines = [
        line.model_copy(update={"comments_per_post": _comments(line, answers) * factor})
        for line in answers.channels
    ]
    return answers.model_copy(
        update={
            "channels": lines,
            "direct_messages_per_week": answers.direct_messages_per_week * factor,
        }
    )


def _scale_frequency(answers: EffortAnswers, factor: float) -> EffortAnswers:
    lines = [
        line.model_copy(update={"posts_per_week": line.posts_per_week * factor}) for line in answers.channels
    ]
    return answers.model_copy(update={"channels": lines})


def _scale_salary(answers: EffortAnswers, factor: float) -> EffortAnswers:
    return answers.model_copy(update={"gross_salary": answers.gross_salary * factor})


SENSITIVITY_DRIVERS = {
    "interaction_volume": _scale_volume,
    "posting_frequency": _scale_frequency,
    "salary": _scale_salary,
}


def sensitivity(answers: EffortAnswers) -> list[SensitivityRow]:
    """Yearly budget with each driver at (1 − s) and (1 + s), widest swing first."""
    share = answers.sensitivity
    base = _annual_budget(answers)
    rows = [
        SensitivityRow(
            driver=name,
            low=_annual_budget(scale(answers, 1 - share)),
            high=_annual_budget(scale(answers, 1 + share)),
            base=base,
        )
        for name, scale in SENSITIVITY_DRIVERS.items()
    ]
    return sorted(rows, key=lambda r: -r.swing)


@dataclass(frozen=True)
class EffortDetails:
    """Everything the effort page shows besides the score."""

    answers: EffortAnswers
    workload: Workload
    costs: Costs
    sensitivity: tuple[SensitivityRow, ...]
    capacity_coverage: float | None
    budget_coverage: float | None


def _coverage(available: float | None, required: float) -> float | None:
    if available is None:
        return None
    if required <= 0:
        return 1.0
    return available / required


def _criteria(details: EffortDetails) -> tuple[Criterion, ...]:
    a, w = details.answers, details.workload
    cap, bud = details.capacity_coverage, details.budget_coverage
    interaction_planned = a.minutes_per_interaction > 0 and (
        w.interactions > 0 or a.direct_messages_per_week > 0
    )
    cap_detail = (
        Message("effort.criterion.not_recorded")
        if cap is None
        else Message("effort.criterion.coverage", {"share": Percent(cap)})
    )
    bud_detail = (
        Message("effort.criterion.not_recorded")
        if bud is None
        else Message("effort.criterion.coverage", {"share": Percent(bud)})
    )
    return (
        Criterion(Message("effort.criterion.capacity"), 40 * min(1.0, cap or 0.0), 40, cap_detail),
        Criterion(Message("effort.criterion.budget"), 30 * min(1.0, bud or 0.0), 30, bud_detail),
        Criterion(Message("effort.criterion.interaction"), 10.0 if interaction_planned else 0.0, 10),
        Criterion(Message("effort.criterion.monitoring"), 10.0 if a.monitoring_hours_per_week else 0.0, 10),
        Criterion(
            Message("effort.criterion.steering"),
            10.0 if a.reporting_hours_per_week + a.coordination_hours_per_week > 0 else 0.0,
            10,
        ),
    )


def _findings(d: EffortDetails) -> list[Message]:
    w, c = d.workload, d.costs
    found = [
        Message(
            "effort.finding.summary",
            {
                "hours": Hours(w.weekly_hours),
                "fte": Number(w.fte, 2),
                "annual": Money(c.annual),
                "monthly": Money(c.monthly),
            },
        )
    ]
    platforms = w.by_platform()
    if platforms and w.weekly_hours > 0:
        top, hours = next(iter(platforms.items()))
        found.append(
            Message(
                "effort.finding.top_platform",
                {
                    "platform": Term(f"platform.{top}"),
                    "hours": Hours(hours),
                    "share": Percent(hours / w.weekly_hours),
                },
            )
        )
    if w.weekly_hours > 0:
        found.append(
            Message(
                "effort.finding.interaction_share",
                {
                    "share": Percent(w.interaction_hours / w.weekly_hours),
                    "interactions": Number(w.interactions + d.answers.direct_messages_per_week),
                },
            )
        )
    if d.capacity_coverage is None:
        found.append(Message("effort.finding.capacity_unknown"))
    else:
        found.append(
            Message(
                "effort.finding.capacity",
                {
                    "available": Hours(d.answers.available_hours_per_week or 0.0),
                    "required": Hours(w.internal_weekly_hours),
                    "share": Percent(d.capacity_coverage),
                },
            )
        )
    if d.budget_coverage is None:
        found.append(Message("effort.finding.budget_unknown"))
    else:
        found.append(
            Message(
                "effort.finding.budget",
                {
                    "approved": Money(d.answers.approved_budget_per_year or 0.0),
                    "required": Money(c.annual),
                    "share": Percent(d.budget_coverage),
                },
            )
        )
    if d.sensitivity and d.sensitivity[0].swing > 0:
        top_driver = d.sensitivity[0]
        found.append(
            Message(
                "effort.finding.sensitivity",
                {
                    "driver": Term(f"effort.driver.{top_driver.driver}"),
                    "share": Percent(d.answers.sensitivity),
                    "swing": Money(top_driver.swing),
                },
            )
        )
    return found


def _recommendations(d: EffortDetails) -> list[Recommendation]:
    a, w, c = d.answers, d.workload, d.costs
    recs: list[Recommendation] = []
    if d.capacity_coverage is not None and d.capacity_coverage < 1:
        gap = w.internal_weekly_hours - (a.available_hours_per_week or 0.0)
        recs.append(
            Recommendation(Message("effort.rec.capacity", {"gap": Hours(gap)}), 3, 2, "management", 4)
        )
    if d.capacity_coverage is None:
        recs.append(Recommendation(Message("effort.rec.record_capacity"), 2, 1, "management", 2))
    if d.budget_coverage is not None and d.budget_coverage < 1:
        gap_money = c.annual - (a.approved_budget_per_year or 0.0)
        recs.append(
            Recommendation(Message("effort.rec.budget", {"gap": Money(gap_money)}), 3, 2, "management", 8)
        )
    if d.budget_coverage is None:
        recs.append(Recommendation(Message("effort.rec.record_budget"), 2, 1, "management", 4))
    if a.minutes_per_interaction == 0 or (w.interactions == 0 and a.direct_messages_per_week == 0):
        recs.append(Recommendation(Message("effort.rec.interaction"), 2, 1, "social_media_manager", 2))
    if a.monitoring_hours_per_week == 0:
        recs.append(Recommendation(Message("effort.rec.monitoring"), 2, 1, "communications", 4))
    if a.reporting_hours_per_week + a.coordination_hours_per_week == 0:
        recs.append(Recommendation(Message("effort.rec.steering"), 2, 1, "marketing_lead", 4))
    platforms = w.by_platform()
    if len(platforms) >= 4 and w.fte < 0.5:
        recs.append(
            Recommendation(
                Message("effort.rec.focus", {"count": len(platforms), "fte": Number(w.fte, 2)}),
                2,
                1,
                "marketing_lead",
                6,
            )
        )
    return recs


def analyse(answers: EffortAnswers, engagement: Any = None) -> Result:
    """Score check 04 and derive its findings and recommendations from the answers."""
    workload = compute_workload(answers)
    costs = compute_costs(answers, workload)
    details = EffortDetails(
        answers=answers,
        workload=workload,
        costs=costs,
        sensitivity=tuple(sensitivity(answers)),
        capacity_coverage=_coverage(answers.available_hours_per_week, workload.internal_weekly_hours),
        budget_coverage=_coverage(answers.approved_budget_per_year, costs.annual),
    )
    if not answers.channels:
        criteria = tuple(replace(c, points=0.0) for c in _criteria(details))
        return Result(
            check="effort",
            criteria=criteria,
            findings=(Message("effort.finding.no_channels"),),
            recommendations=(Recommendation(Message("effort.rec.plan_channels"), 3, 1, "marketing_lead", 2),),
            details=details,
        )
    return Result(
        check="effort",
        criteria=_criteria(details),
        findings=tuple(_findings(details)),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
