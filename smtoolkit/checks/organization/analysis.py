"""Check 03 (organization): RACI rules, load per person, capacity and coverage; pure functions.

RACI rules, per task of the grid: exactly one A and at least one R; an ``A/R`` entry counts
as both. Each broken rule is a violation: ``no_a`` (no A), ``several_a`` (more than one A),
``no_r`` (no R).

Hours needed per person come from check 04 (``compute_workload``). Its weekly hours are
split into pools and each pool goes to the RACI tasks that do that work:

- creating and publishing posts -> content creation and publishing together
- answering comments and direct messages -> community management
- monitoring -> monitoring; reporting -> reporting; coordination -> strategy

Every pool is scaled by check 04's internal share (internal weekly hours ÷ weekly hours),
so the agency's hours are not counted, and split evenly over the distinct people with an
R (or A/R) in the pool's tasks. A pool without such a person is unassigned. Crisis
response and guidelines/training have no regular weekly hours in check 04 and add none.

A person is **overloaded** when they are R (or A/R) for more tasks than
``max_responsibilities`` (default 4, half of the eight tasks), or when the hours they need
exceed the hours they have for social media.

Capacity: available hours = the sum of the people's hours per week; required hours =
check 04's internal weekly hours. Not judged while check 04 has no posting plan.

Coverage: the hour ``h`` of a weekday is staffed when a staffed block has
``start ≤ h < end``, and the audience is active in it when an audience block does. A gap
is an active hour that is not staffed. The default audience profile is Monday to Friday
7-19 h (see the docs for the source).

Score (100 points):

- RACI rules: 30 × tasks without violation ÷ 8
- no overload: 15 × people not overloaded ÷ people (0 without people)
- capacity: 25 × min(1, available ÷ required) (0 when not judged)
- coverage: 20 × staffed active hours ÷ active hours (0 without audience hours)
- working group: 10 when one exists and meets at least once a month, 5 when it meets
  less often, 0 without one
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.effort import EffortAnswers, compute_workload
from smtoolkit.checks.effort.analysis import Workload
from smtoolkit.checks.organization.model import (
    DAYS,
    TASKS,
    HourBlock,
    OrganizationAnswers,
    Person,
    typical_b2b_audience,
)
from smtoolkit.messages import Hours, Message, Number, Percent, Term

__all__ = [
    "POOLS",
    "Capacity",
    "Coverage",
    "OrganizationDetails",
    "PersonLoad",
    "TaskRaci",
    "analyse",
    "capacity",
    "coverage",
    "effort_workload",
    "gap_blocks",
    "hours_of",
    "person_label",
    "person_loads",
    "pool_hours",
    "raci_check",
]

#: Check 04 hour pools and the RACI tasks that do that work.
POOLS: dict[str, tuple[str, ...]] = {
    "creation": ("content_creation", "publishing"),
    "interaction": ("community_management",),
    "monitoring": ("monitoring",),
    "reporting": ("reporting",),
    "coordination": ("strategy",),
}
#: Tolerance when comparing hours (a tenth of a minute).
EPSILON = 1e-3


def _is_r(letter: str | None) -> bool:
    return letter in {"R", "A/R"}


def _is_a(letter: str | None) -> bool:
    return letter in {"A", "A/R"}


@dataclass(frozen=True)
class TaskRaci:
    """One task of the grid: who is accountable, who does it, and which rules it breaks."""

    task: str
    accountable: tuple[int, ...]
    responsible: tuple[int, ...]
    violations: tuple[str, ...]

    @property
    def valid(self) -> bool:
        """The task has exactly one A and at least one R."""
        return not self.violations


def raci_check(people: Sequence[Person]) -> tuple[TaskRaci, ...]:
    """Apply the RACI rules to every task; people are referred to by their position."""
    checks = []
    for task in TASKS:
        accountable = tuple(i for i, p in enumerate(people) if _is_a(p.letter(task)))
        responsible = tuple(i for i, p in enumerate(people) if _is_r(p.letter(task)))
        violations = []
        if not accountable:
            violations.append("no_a")
        elif len(accountable) > 1:
            violations.append("several_a")
        if not responsible:
            violations.append("no_r")
        checks.append(TaskRaci(task, accountable, responsible, tuple(violations)))
    return tuple(checks)


def pool_hours(workload: Workload) -> dict[str, float]:
    """Internal weekly hours of check 04 per pool (agency hours taken out proportionally)."""
    share = workload.internal_weekly_hours / workload.weekly_hours if workload.weekly_hours > 0 else 0.0
    return {
        "creation": workload.creation_hours * share,
        "interaction": workload.interaction_hours * share,
        "monitoring": workload.monitoring_hours * share,
        "reporting": workload.reporting_hours * share,
        "coordination": workload.coordination_hours * share,
    }


@dataclass(frozen=True)
class PersonLoad:
    """How much one person carries: R tasks and hours needed against hours available."""

    index: int
    person: Person
    responsibilities: int
    needed: float | None
    over_count: bool
    over_hours: bool

    @property
    def overloaded(self) -> bool:
        """Too many R tasks or more hours needed than available."""
        return self.over_count or self.over_hours


def person_loads(
    people: Sequence[Person], pools: dict[str, float] | None, max_responsibilities: int
) -> tuple[tuple[PersonLoad, ...], dict[str, float]]:
    """Load per person and the pool hours nobody is R for.

    Without ``pools`` (no check 04 plan) the hours needed are unknown (None) and only the
    count of R tasks can overload a person.
    """
    needed = [0.0] * len(people)
    unassigned: dict[str, float] = {}
    for pool, hours in (pools or {}).items():
        holders = sorted({i for i, p in enumerate(people) for task in POOLS[pool] if _is_r(p.letter(task))})
        if not holders:
            if hours > 0:
                unassigned[pool] = hours
            continue
        for i in holders:
            needed[i] += hours / len(holders)
    loads = []
    for i, person in enumerate(people):
        count = sum(1 for task in TASKS if _is_r(person.letter(task)))
        need = needed[i] if pools is not None else None
        loads.append(
            PersonLoad(
                index=i,
                person=person,
                responsibilities=count,
                needed=need,
                over_count=count > max_responsibilities,
                over_hours=need is not None and need > person.hours_per_week + EPSILON,
            )
        )
    return tuple(loads), unassigned


def hours_of(blocks: Iterable[HourBlock]) -> frozenset[tuple[str, int]]:
    """The (weekday, hour) pairs the blocks cover; hour h stands for h:00 to h+1:00."""
    return frozenset((b.day, h) for b in blocks for h in range(b.start, b.end))


def _order(slot: tuple[str, int]) -> tuple[int, int]:
    return DAYS.index(slot[0]), slot[1]


@dataclass(frozen=True)
class Coverage:
    """Staffed hours against the hours the audience is active, per weekday and hour."""

    staffed: frozenset[tuple[str, int]]
    active: frozenset[tuple[str, int]]

    @property
    def gaps(self) -> list[tuple[str, int]]:
        """Active hours nobody staffs, in week order."""
        return sorted(self.active - self.staffed, key=_order)

    @property
    def covered(self) -> int:
        """Active hours that are staffed."""
        return len(self.active & self.staffed)

    @property
    def share(self) -> float | None:
        """Staffed share of the active hours; None without active hours."""
        return self.covered / len(self.active) if self.active else None


def coverage(staffed: Iterable[HourBlock], audience: Iterable[HourBlock]) -> Coverage:
    """Compare the staffed hours with the audience's active hours."""
    return Coverage(hours_of(staffed), hours_of(audience))


def gap_blocks(slots: Iterable[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """Merge hours into runs per weekday: ``[("mon", 7, 8), ("mon", 17, 19)]``."""
    runs: list[tuple[str, int, int]] = []
    for day, hour in sorted(set(slots), key=_order):
        if runs and runs[-1][0] == day and runs[-1][2] == hour:
            runs[-1] = (day, runs[-1][1], hour + 1)
        else:
            runs.append((day, hour, hour + 1))
    return runs


@dataclass(frozen=True)
class Capacity:
    """Hours per week the people have against the internal hours check 04 requires."""

    available: float
    required: float | None
    effort_available: float | None

    @property
    def share(self) -> float | None:
        """Available ÷ required (1 when nothing is required); None when not judged."""
        if self.required is None:
            return None
        if self.required <= 0:
            return 1.0
        return self.available / self.required


def effort_workload(engagement: Any) -> tuple[Workload, EffortAnswers] | None:
    """Check 04's workload of the engagement, or None without a posting plan."""
    try:
        answers = engagement.section("effort")
    except (AttributeError, KeyError):
        return None
    if not isinstance(answers, EffortAnswers) or not answers.channels:
        return None
    return compute_workload(answers), answers


def capacity(people: Sequence[Person], engagement: Any) -> Capacity:
    """Available hours of the people against check 04's internal weekly hours."""
    available = sum(p.hours_per_week for p in people)
    effort = effort_workload(engagement)
    if effort is None:
        return Capacity(available, None, None)
    workload, answers = effort
    return Capacity(available, workload.internal_weekly_hours, answers.available_hours_per_week)


def person_label(people: Sequence[Person], index: int) -> Any:
    """The person's name, or ``Person 3`` when the row has none."""
    name = people[index].name
    return name if name else Message("organization.person_unnamed", {"number": index + 1})


@dataclass(frozen=True)
class OrganizationDetails:
    """Everything the organization page shows besides the score."""

    answers: OrganizationAnswers
    raci: tuple[TaskRaci, ...]
    loads: tuple[PersonLoad, ...]
    pools: dict[str, float] | None
    unassigned: dict[str, float]
    capacity: Capacity
    coverage: Coverage

    @property
    def default_audience(self) -> bool:
        """The audience hours are the untouched default profile."""
        return self.answers.audience_hours == typical_b2b_audience()


def _join(items: Sequence[Any]) -> Any:
    joined = items[0]
    for item in items[1:]:
        joined = Message("organization.join", {"head": joined, "tail": item})
    return joined


def _meetings(a: OrganizationAnswers) -> Number:
    return Number(a.meetings_per_month, 0 if a.meetings_per_month.is_integer() else 1)


def _working_group_points(a: OrganizationAnswers) -> float:
    if not a.working_group:
        return 0.0
    return 10.0 if a.meetings_per_month >= 1 else 5.0


def _criteria(d: OrganizationDetails) -> tuple[Criterion, ...]:
    a, cap, cov = d.answers, d.capacity, d.coverage
    valid = sum(1 for t in d.raci if t.valid)
    people = len(d.loads)
    fine = sum(1 for load in d.loads if not load.overloaded)
    cap_share = cap.share
    cov_share = cov.share
    return (
        Criterion(
            Message("organization.criterion.raci"),
            30 * valid / len(TASKS),
            30,
            Message("organization.criterion.of", {"part": valid, "whole": len(TASKS)}),
        ),
        Criterion(
            Message("organization.criterion.load"),
            15 * fine / people if people else 0.0,
            15,
            Message("organization.criterion.of", {"part": fine, "whole": people}),
        ),
        Criterion(
            Message("organization.criterion.capacity"),
            25 * min(1.0, cap_share) if cap_share is not None else 0.0,
            25,
            Message("organization.criterion.not_judged")
            if cap_share is None
            else Message("organization.criterion.covered", {"share": Percent(cap_share)}),
        ),
        Criterion(
            Message("organization.criterion.coverage"),
            20 * cov_share if cov_share is not None else 0.0,
            20,
            Message("organization.criterion.not_recorded")
            if cov_share is None
            else Message("organization.criterion.covered", {"share": Percent(cov_share)}),
        ),
        Criterion(
            Message("organization.criterion.working_group"),
            _working_group_points(a),
            10,
            Message("organization.criterion.meetings", {"meetings": _meetings(a)})
            if a.working_group
            else Message("organization.criterion.none"),
        ),
    )


def _raci_findings(d: OrganizationDetails) -> list[Message]:
    people = d.answers.people
    found: list[Message] = []
    for t in d.raci:
        task = Term(f"organization.task.{t.task}")
        for violation in t.violations:
            params: dict[str, Any] = {"task": task}
            if violation == "several_a":
                params["people"] = _join([person_label(people, i) for i in t.accountable])
            found.append(Message(f"organization.finding.{violation}", params))
    if not found:
        found.append(Message("organization.finding.raci_ok"))
    return found


def _load_findings(d: OrganizationDetails) -> list[Message]:
    people = d.answers.people
    found: list[Message] = []
    for load in d.loads:
        who = person_label(people, load.index)
        if load.over_count:
            found.append(
                Message(
                    "organization.finding.over_count",
                    {"person": who, "count": load.responsibilities, "limit": d.answers.max_responsibilities},
                )
            )
        if load.over_hours and load.needed is not None:
            found.append(
                Message(
                    "organization.finding.over_hours",
                    {
                        "person": who,
                        "needed": Hours(load.needed),
                        "available": Hours(load.person.hours_per_week),
                    },
                )
            )
    if d.unassigned:
        found.append(
            Message(
                "organization.finding.unassigned",
                {
                    "hours": Hours(sum(d.unassigned.values())),
                    "pools": _join([Term(f"organization.pool.{p}") for p in d.unassigned]),
                },
            )
        )
    return found


def _capacity_findings(d: OrganizationDetails) -> list[Message]:
    cap = d.capacity
    if cap.required is None or cap.share is None:
        return [Message("organization.finding.capacity_unknown", {"available": Hours(cap.available)})]
    found = [
        Message(
            "organization.finding.capacity",
            {"available": Hours(cap.available), "required": Hours(cap.required), "share": Percent(cap.share)},
        )
    ]
    if cap.effort_available is not None and abs(cap.effort_available - cap.available) > EPSILON:
        found.append(
            Message(
                "organization.finding.effort_mismatch",
                {"effort": Hours(cap.effort_available), "people": Hours(cap.available)},
            )
        )
    return found


def _coverage_findings(d: OrganizationDetails) -> list[Message]:
    cov = d.coverage
    if cov.share is None:
        return [Message("organization.finding.no_audience")]
    gaps = cov.gaps
    if not gaps:
        return [Message("organization.finding.coverage_full", {"active": len(cov.active)})]
    # the longest run; among equally long runs the first in the week
    day, start, end = max(gap_blocks(gaps), key=lambda run: run[2] - run[1])
    return [
        Message(
            "organization.finding.coverage",
            {
                "gaps": len(gaps),
                "active": len(cov.active),
                "share": Percent(len(gaps) / len(cov.active)),
                "day": Term(f"organization.choice.day.{day}"),
                "start": start,
                "end": end,
            },
        )
    ]


def _working_group_findings(a: OrganizationAnswers) -> list[Message]:
    if not a.working_group:
        return [Message("organization.finding.no_working_group")]
    meetings = _meetings(a)
    members = len(a.working_group_members)
    if a.meetings_per_month < 1:
        return [
            Message("organization.finding.working_group_rare", {"meetings": meetings, "members": members})
        ]
    return [Message("organization.finding.working_group", {"meetings": meetings, "members": members})]


def _recommendations(d: OrganizationDetails) -> list[Recommendation]:
    a, cap, people = d.answers, d.capacity, d.answers.people
    recs: list[Recommendation] = []
    broken = [Term(f"organization.task.{t.task}") for t in d.raci if not t.valid]
    if broken:
        recs.append(
            Recommendation(Message("organization.rec.raci", {"tasks": _join(broken)}), 3, 1, "management", 2)
        )
    for load in d.loads:
        if load.overloaded:
            recs.append(
                Recommendation(
                    Message("organization.rec.relieve", {"person": person_label(people, load.index)}),
                    3,
                    2,
                    "management",
                    4,
                )
            )
    if cap.required is not None and cap.share is not None and cap.share < 1:
        recs.append(
            Recommendation(
                Message("organization.rec.capacity", {"gap": Hours(cap.required - cap.available)}),
                3,
                2,
                "management",
                8,
            )
        )
    if cap.required is None:
        recs.append(Recommendation(Message("organization.rec.effort"), 2, 1, "marketing_lead", 2))
    if cap.effort_available is not None and abs(cap.effort_available - cap.available) > EPSILON:
        recs.append(Recommendation(Message("organization.rec.align_hours"), 1, 1, "marketing_lead", 2))
    cov = d.coverage
    if cov.share is None:
        recs.append(Recommendation(Message("organization.rec.audience"), 2, 1, "social_media_manager", 4))
    elif cov.gaps:
        recs.append(
            Recommendation(
                Message("organization.rec.coverage", {"gaps": len(cov.gaps)}), 2, 2, "marketing_lead", 6
            )
        )
    if not a.working_group:
        recs.append(Recommendation(Message("organization.rec.working_group"), 2, 1, "marketing_lead", 4))
    elif a.meetings_per_month < 1:
        recs.append(Recommendation(Message("organization.rec.meet_monthly"), 1, 1, "marketing_lead", 4))
    return recs


def analyse(answers: OrganizationAnswers, engagement: Any = None) -> Result:
    """Score check 03 and derive its findings and recommendations from the answers."""
    effort = effort_workload(engagement)
    pools = pool_hours(effort[0]) if effort is not None else None
    loads, unassigned = person_loads(answers.people, pools, answers.max_responsibilities)
    details = OrganizationDetails(
        answers=answers,
        raci=raci_check(answers.people),
        loads=loads,
        pools=pools,
        unassigned=unassigned,
        capacity=capacity(answers.people, engagement),
        coverage=coverage(answers.staffed_hours, answers.audience_hours),
    )
    if not answers.people:
        findings = [Message("organization.finding.no_people")]
        findings += _capacity_findings(details) + _coverage_findings(details)
        findings += _working_group_findings(answers)
        return Result(
            check="organization",
            criteria=_criteria(details),
            findings=tuple(findings),
            recommendations=(
                Recommendation(Message("organization.rec.record_people"), 3, 1, "marketing_lead", 2),
                *[r for r in _recommendations(details) if r.text.key != "organization.rec.raci"],
            ),
            details=details,
        )
    findings = (
        _raci_findings(details)
        + _load_findings(details)
        + _capacity_findings(details)
        + _coverage_findings(details)
        + _working_group_findings(answers)
    )
    return Result(
        check="organization",
        criteria=_criteria(details),
        findings=tuple(findings),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
