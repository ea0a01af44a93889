"""Check 02 (goals): SMART completeness, required monthly growth and realism; pure functions.

Reference date: ``settings.workshop_date`` of the engagement, else today.

SMART, after Doran (1981): each letter is a yes/no check of one goal.

- **S specific**: the goal has a name (what) and a business area (where).
- **M measurable**: a KPI from the catalogue of check 09, a baseline and a target are
  recorded; both values lie within the KPI's range (rates such as engagement rate, CTR,
  response rate and share of voice 0-100 %, net sentiment -100 to 100 points, follower
  growth and ROI from -100 %, all other KPIs from 0), and the target differs from the
  baseline.
- **A assignable**: an owner role is recorded.
- **R realistic in direction**: baseline and target are recorded and the target moves the
  KPI the way it improves: up, except cost per engagement and first response time, which
  improve downwards. Whether the *pace* is realistic is the separate realism flag.
- **T time-related**: a deadline is recorded and lies after the reference date.

Months from the reference date to the deadline: the whole calendar months (a month is
complete on the same day of the month, or on its last day when that month is shorter)
plus the remaining days ÷ 30.436875 (the mean Gregorian month, 365.2425 ÷ 12). So
2026-11-12 to 2027-11-12 is 12 months and to 2027-05-31 is 6 + 19 ÷ 30.436875 months.

Required monthly change:

- the compound rate ``(target / baseline)^(1 / months) − 1`` when the baseline is above 0
  and the target is not negative; a decreasing target (response time 8 h → 4 h) gives a
  negative rate;
- otherwise (baseline 0, or negative net sentiment) the linear change
  ``(target − baseline) / months`` in KPI units, because a growth rate from 0 is undefined.

Historical monthly change of the same KPI (and platform), from the last 12 monthly values
of the series (at least 3 needed), with k the calendar months between the first and the
last of them: compound ``(last / first)^(1 / k) − 1`` (first value above 0, last not
negative) or linear ``(last − first) / k``, the same kind as the requirement.

Realism: with the required pace ``p = |required|`` and the historical pace in the goal's
direction ``h = sign(target − baseline) × historical``, a goal is flagged when
``p > factor × h`` (factor 3 by default; a relative tolerance of 1e-9 absorbs rounding,
so exactly ``factor × h`` is not flagged). A KPI that stood still or moved the other way
(``h ≤ 0``) flags every goal that needs it to move. Without a history the realism is not
judged, and the findings say so per goal.

Score (100 points):

- SMART letters met: 40 × letters met ÷ (5 × goals)
- fully SMART goals: 20 × share of goals meeting all five letters
- realistic goals: 20 × share of goals judged realistic (flagged or unjudged goals: 0)
- business impact: 10 when a goal is in the category new customers, customer relations,
  recruiting or product development
- business areas: 10 × min(1, distinct areas ÷ 3)
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import pandas as pd

from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.goals import history
from smtoolkit.checks.goals.model import CATEGORIES, Goal, GoalsAnswers
from smtoolkit.errors import DataImportError
from smtoolkit.messages import Date, Hours, Message, Money, Number, Percent, Term

__all__ = [
    "BITKOM_CATEGORIES",
    "BUSINESS_CATEGORIES",
    "HISTORY_WINDOW",
    "LETTERS",
    "LOWER_IS_BETTER",
    "MEAN_MONTH_DAYS",
    "MIN_HISTORY_POINTS",
    "CategoryRow",
    "GoalEvaluation",
    "GoalsDetails",
    "Realism",
    "Requirement",
    "Smart",
    "analyse",
    "category_comparison",
    "evaluate_goal",
    "historical_monthly_change",
    "historical_param",
    "join_params",
    "judge_realism",
    "kpi_label",
    "kpi_range",
    "kpi_unit",
    "kpi_value",
    "monthly_series",
    "months_between",
    "reference_date",
    "required_monthly_growth",
    "required_param",
    "requirement",
    "share",
    "smart",
]

#: The mean Gregorian month in days (365.2425 / 12).
MEAN_MONTH_DAYS = 365.2425 / 12
#: The monthly values of the history the realism flag looks at, and the fewest it needs.
HISTORY_WINDOW = 12
MIN_HISTORY_POINTS = 3
#: KPIs that improve downwards.
LOWER_IS_BETTER = frozenset({"cost_per_engagement", "first_response_time"})
#: Relative tolerance of the realism comparison (absorbs floating-point rounding).
TOLERANCE = 1e-9

_SHARE_KPIS = frozenset({"engagement_rate", "ctr", "response_rate", "share_of_voice"})
_FROM_MINUS_100 = frozenset({"follower_growth", "roi"})

#: Share of companies pursuing each goal category: Bitkom guide "Social Media", 2nd ed. 2012.
BITKOM_CATEGORIES: dict[str, float] = {
    "awareness": 0.82,
    "new_customers": 0.72,
    "customer_relations": 0.68,
    "image": 0.42,
    "recruiting": 0.23,
    "product_development": 0.15,
}
#: Categories aiming at business results rather than at being seen.
BUSINESS_CATEGORIES = frozenset({"new_customers", "customer_relations", "recruiting", "product_development"})
#: Distinct business areas a goal register should span for full points.
AREA_TARGET = 3

Unit = Literal["count", "percent", "points", "euro", "hours"]
History = Callable[[str, str | None], "pd.Series[float] | None"]


def kpi_unit(kpi: str) -> Unit:
    """The unit baseline and target of ``kpi`` are given in."""
    if kpi in _SHARE_KPIS or kpi in _FROM_MINUS_100:
        return "percent"
    if kpi == "net_sentiment":
        return "points"
    if kpi == "cost_per_engagement":
        return "euro"
    if kpi == "first_response_time":
        return "hours"
    return "count"


def kpi_range(kpi: str) -> tuple[float, float]:
    """The lowest and highest meaningful value of ``kpi`` in its unit."""
    if kpi in _SHARE_KPIS:
        return (0.0, 100.0)
    if kpi == "net_sentiment":
        return (-100.0, 100.0)
    if kpi in _FROM_MINUS_100:
        return (-100.0, math.inf)
    return (0.0, math.inf)


def kpi_value(kpi: str | None, value: float) -> Any:
    """A message parameter showing ``value`` in the unit of ``kpi``."""
    unit = kpi_unit(kpi) if kpi else "count"
    if unit == "percent":
        return Percent(value / 100, 1)
    if unit == "points":
        return Message("goals.unit.points", {"value": Number(value, 1)})
    if unit == "euro":
        return Money(value, cents=True)
    if unit == "hours":
        return Hours(value)
    return Number(value, 0 if float(value).is_integer() else 1)


def reference_date(engagement: Any) -> dt.date:
    """The workshop date of the engagement, or today when none is recorded."""
    settings = getattr(engagement, "settings", None)
    workshop = getattr(settings, "workshop_date", None)
    return workshop if isinstance(workshop, dt.date) else dt.date.today()


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> float:
    """Whole calendar months from ``start`` to ``end`` plus leftover days ÷ 30.436875.

    Negative when ``end`` lies before ``start``.
    """
    if end < start:
        return -months_between(end, start)
    whole = (end.year - start.year) * 12 + end.month - start.month
    if _add_months(start, whole) > end:
        whole -= 1
    rest = (end - _add_months(start, whole)).days
    return whole + rest / MEAN_MONTH_DAYS


def required_monthly_growth(baseline: float, target: float, months: float) -> float:
    """The compound monthly rate ``(target / baseline)^(1 / months) − 1`` (0.034 = 3.4 %)."""
    if baseline <= 0 or target < 0 or months <= 0:
        raise ValueError("a growth rate needs a baseline above 0, a target of at least 0 and months above 0")
    rate: float = (target / baseline) ** (1 / months) - 1
    return rate


@dataclass(frozen=True)
class Requirement:
    """The monthly change a goal needs: a compound rate (share) or a linear change (KPI units)."""

    mode: Literal["rate", "change"]
    value: float
    months: float

    @property
    def direction(self) -> int:
        """+1 when the goal raises the KPI, -1 when it lowers it."""
        return 1 if self.value > 0 else -1


def requirement(baseline: float | None, target: float | None, months: float | None) -> Requirement | None:
    """The monthly change needed, or None without values, without change or without time left."""
    if baseline is None or target is None or months is None or months <= 0 or target == baseline:
        return None
    if baseline > 0 and target >= 0:
        return Requirement("rate", required_monthly_growth(baseline, target, months), months)
    return Requirement("change", (target - baseline) / months, months)


def monthly_series(series: pd.Series[float]) -> pd.Series[float]:
    """``series`` with a monthly ``PeriodIndex``, sorted, without empty values.

    Accepts a monthly ``PeriodIndex`` or a ``DatetimeIndex``; raises ValueError for any
    other index or for two values in the same month.
    """
    index = series.index
    if isinstance(index, pd.DatetimeIndex):
        periods = index.to_period("M")
    elif isinstance(index, pd.PeriodIndex) and index.freqstr in {"M", "ME"}:
        periods = index
    else:
        raise ValueError("the history needs a monthly PeriodIndex or a DatetimeIndex")
    if periods.has_duplicates:
        raise ValueError("the history has two values for the same month")
    values = pd.Series(pd.to_numeric(series.to_numpy(), errors="coerce"), index=periods, dtype=float)
    return values.dropna().sort_index()


def _months_apart(first: Any, last: Any) -> int:
    return (last.year - first.year) * 12 + last.month - first.month  # type: ignore[no-any-return]


def historical_monthly_change(
    series: pd.Series[float],
    mode: Literal["rate", "change"],
    *,
    window: int = HISTORY_WINDOW,
    min_points: int = MIN_HISTORY_POINTS,
) -> float | None:
    """The monthly change over the last ``window`` values, or None when it cannot be computed.

    ``rate``: ``(last / first)^(1 / k) − 1``; ``change``: ``(last − first) / k``; k is the
    number of calendar months between the first and the last value used. None with fewer
    than ``min_points`` values, or for a rate whose first value is not above 0.
    """
    values = monthly_series(series).iloc[-window:]
    if len(values) < max(2, min_points):
        return None
    first, last = float(values.iloc[0]), float(values.iloc[-1])
    months = _months_apart(values.index[0], values.index[-1])
    if mode == "change":
        return (last - first) / months
    if first <= 0 or last < 0:
        return None
    rate: float = (last / first) ** (1 / months) - 1
    return rate


@dataclass(frozen=True)
class Realism:
    """The realism flag of one goal.

    ``status`` is ``realistic``, ``unrealistic`` or ``not_judged``; ``reason`` says why a
    goal was not judged (``no_requirement``: baseline, target or deadline missing;
    ``no_change``: target equals baseline; ``deadline_passed``; ``no_kpi``; ``no_history``;
    ``short_history``: fewer than the minimum monthly values; ``unusable_history``: the
    series cannot be read or gives no rate) or why it was flagged (``pace``: more than
    factor × history; ``trend``: the history did not move in the goal's direction).
    """

    status: Literal["realistic", "unrealistic", "not_judged"]
    reason: str | None
    required: Requirement | None
    historical: float | None = None
    ratio: float | None = None
    history_months: int = 0


def judge_realism(
    required: Requirement | None,
    series: pd.Series[float] | None,
    factor: float = 3.0,
    *,
    window: int = HISTORY_WINDOW,
    min_points: int = MIN_HISTORY_POINTS,
) -> Realism:
    """Compare the required monthly change with the historical one of the same KPI."""
    if required is None:
        return Realism("not_judged", "no_requirement", None)
    if series is None:
        return Realism("not_judged", "no_history", required)
    try:
        values = monthly_series(series).iloc[-window:]
    except ValueError:
        return Realism("not_judged", "unusable_history", required)
    if len(values) < max(2, min_points):
        return Realism("not_judged", "short_history", required)
    span = _months_apart(values.index[0], values.index[-1])
    past = historical_monthly_change(values, required.mode, window=window, min_points=min_points)
    if past is None:
        return Realism("not_judged", "unusable_history", required, history_months=span)
    pace = abs(required.value)
    along = required.direction * past
    if along <= 0:
        return Realism("unrealistic", "trend", required, past, None, span)
    ratio = pace / along
    if pace > factor * along * (1 + TOLERANCE):
        return Realism("unrealistic", "pace", required, past, ratio, span)
    return Realism("realistic", None, required, past, ratio, span)


LETTERS = ("S", "M", "A", "R", "T")


@dataclass(frozen=True)
class Smart:
    """The five SMART letters of one goal and the problems that failed them."""

    specific: bool
    measurable: bool
    assignable: bool
    realistic: bool
    time_bound: bool
    problems: tuple[str, ...]

    @property
    def letters(self) -> dict[str, bool]:
        """Letter -> met."""
        flags = (self.specific, self.measurable, self.assignable, self.realistic, self.time_bound)
        return dict(zip(LETTERS, flags, strict=True))

    @property
    def met(self) -> int:
        """How many of the five letters are met."""
        return sum(self.letters.values())

    @property
    def complete(self) -> bool:
        """All five letters are met."""
        return self.met == 5


def smart(goal: Goal, reference: dt.date) -> Smart:
    """Check the SMART letters of ``goal`` against the reference date (see the module doc)."""
    problems: list[str] = []
    if not goal.name:
        problems.append("no_name")
    if goal.area is None:
        problems.append("no_area")
    specific = goal.name != "" and goal.area is not None

    measurable = True
    if goal.kpi is None:
        problems.append("no_kpi")
        measurable = False
    if goal.baseline is None:
        problems.append("no_baseline")
        measurable = False
    if goal.target is None:
        problems.append("no_target")
        measurable = False
    if goal.kpi is not None and goal.baseline is not None and goal.target is not None:
        low, high = kpi_range(goal.kpi)
        if not all(low <= v <= high for v in (goal.baseline, goal.target)):
            problems.append("out_of_range")
            measurable = False
    if goal.baseline is not None and goal.target is not None and goal.baseline == goal.target:
        problems.append("no_change")
        measurable = False

    assignable = goal.owner is not None
    if not assignable:
        problems.append("no_owner")

    realistic = False
    if goal.baseline is not None and goal.target is not None and goal.target != goal.baseline:
        rising = goal.target > goal.baseline
        realistic = rising != (goal.kpi in LOWER_IS_BETTER)
        if not realistic:
            problems.append("wrong_direction")

    time_bound = goal.deadline is not None and goal.deadline > reference
    if goal.deadline is None:
        problems.append("no_deadline")
    elif not time_bound:
        problems.append("deadline_passed")
    return Smart(specific, measurable, assignable, realistic, time_bound, tuple(problems))


@dataclass(frozen=True)
class GoalEvaluation:
    """Everything computed for one goal of the register."""

    number: int
    goal: Goal
    smart: Smart
    months: float | None
    realism: Realism

    @property
    def required(self) -> Requirement | None:
        """The monthly change the goal needs, if computable."""
        return self.realism.required

    @property
    def label(self) -> Message:
        """``Ziel 2 „Name“`` (or ``Ziel 2`` without a name) as a message."""
        if self.goal.name:
            return Message("goals.goal", {"number": self.number, "name": self.goal.name})
        return Message("goals.goal_unnamed", {"number": self.number})


def _why_no_requirement(goal: Goal, months: float | None) -> str:
    if goal.baseline is None or goal.target is None or months is None:
        return "no_requirement"
    if goal.target == goal.baseline:
        return "no_change"
    return "deadline_passed"


def evaluate_goal(
    number: int,
    goal: Goal,
    reference: dt.date,
    series: pd.Series[float] | None,
    factor: float = 3.0,
) -> GoalEvaluation:
    """SMART letters, months left, required change and realism flag of one goal."""
    months = months_between(reference, goal.deadline) if goal.deadline else None
    needed = requirement(goal.baseline, goal.target, months)
    if needed is None:
        realism = Realism("not_judged", _why_no_requirement(goal, months), None)
    elif goal.kpi is None:
        realism = Realism("not_judged", "no_kpi", needed)
    else:
        realism = judge_realism(needed, series, factor)
    return GoalEvaluation(number, goal, smart(goal, reference), months, realism)


@dataclass(frozen=True)
class CategoryRow:
    """One Bitkom goal category: how many firms pursue it and how many goals the client has in it."""

    category: str
    bitkom_share: float
    goals: int


def category_comparison(goals: Sequence[Goal]) -> tuple[list[CategoryRow], int]:
    """The six Bitkom categories with the client's goal counts, and the goals without category."""
    rows = [
        CategoryRow(c, BITKOM_CATEGORIES[c], sum(1 for g in goals if g.category == c)) for c in CATEGORIES
    ]
    return rows, sum(1 for g in goals if g.category is None)


@dataclass(frozen=True)
class GoalsDetails:
    """Everything the goals page shows besides the score."""

    answers: GoalsAnswers
    reference: dt.date
    reference_is_workshop: bool
    evaluations: tuple[GoalEvaluation, ...]
    categories: tuple[CategoryRow, ...]
    uncategorised: int

    @property
    def areas(self) -> set[str]:
        """The distinct business areas the goals name."""
        return {e.goal.area for e in self.evaluations if e.goal.area is not None}

    @property
    def business_goals(self) -> int:
        """Goals in a category aiming at business results."""
        return sum(1 for e in self.evaluations if e.goal.category in BUSINESS_CATEGORIES)

    def count(self, status: str) -> int:
        """Goals whose realism flag has ``status``."""
        return sum(1 for e in self.evaluations if e.realism.status == status)


def join_params(items: Sequence[Any]) -> Any:
    """Message parameters joined with commas, language-neutral."""
    joined = items[0]
    for item in items[1:]:
        joined = Message("goals.join", {"head": joined, "tail": item})
    return joined


def share(part: float, whole: float) -> float:
    """``part / whole``, or 0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def _criteria(d: GoalsDetails) -> tuple[Criterion, ...]:
    evals = d.evaluations
    n = len(evals)
    letters = sum(e.smart.met for e in evals)
    complete = sum(1 for e in evals if e.smart.complete)
    realistic = d.count("realistic")
    areas = len(d.areas)
    return (
        Criterion(
            Message("goals.criterion.letters"),
            40 * share(letters, 5 * n),
            40,
            Message("goals.criterion.of", {"part": letters, "whole": 5 * n}),
        ),
        Criterion(
            Message("goals.criterion.complete"),
            20 * share(complete, n),
            20,
            Message("goals.criterion.of", {"part": complete, "whole": n}),
        ),
        Criterion(
            Message("goals.criterion.realism"),
            20 * share(realistic, n),
            20,
            Message(
                "goals.criterion.realism_detail",
                {"realistic": realistic, "whole": n, "unjudged": d.count("not_judged")},
            ),
        ),
        Criterion(
            Message("goals.criterion.business"),
            10.0 if d.business_goals else 0.0,
            10,
            Message("goals.criterion.count", {"count": d.business_goals}),
        ),
        Criterion(
            Message("goals.criterion.areas"),
            10 * min(1.0, areas / AREA_TARGET),
            10,
            Message("goals.criterion.count", {"count": areas}),
        ),
    )


def required_param(goal: Goal, needed: Requirement) -> Any:
    """A message parameter for a monthly change: a percentage, or KPI units (points) per month."""
    if needed.mode == "rate":
        return Percent(needed.value, 1)
    unit = kpi_unit(goal.kpi) if goal.kpi else "count"
    if unit in {"percent", "points"}:
        return Message("goals.unit.points", {"value": Number(needed.value, 1)})
    return kpi_value(goal.kpi, needed.value)


def historical_param(goal: Goal, realism: Realism) -> Any:
    """The historical monthly change of a judged goal, shown like its required change."""
    assert realism.required is not None and realism.historical is not None
    return required_param(goal, replace(realism.required, value=realism.historical))


def kpi_label(goal: Goal) -> Any:
    """The goal's KPI, with its platform when one is named."""
    if goal.kpi is None:
        return Message("goals.no_kpi")
    if goal.platform is None:
        return Term(f"kpi.{goal.kpi}")
    return Message(
        "goals.kpi_on_platform",
        {"kpi": Term(f"kpi.{goal.kpi}"), "platform": Term(f"platform.{goal.platform}")},
    )


def _factor(value: float) -> Number:
    return Number(value, 0 if float(value).is_integer() else 1)


def _findings(d: GoalsDetails) -> list[Message]:
    evals = d.evaluations
    found = [
        Message(
            "goals.finding.summary",
            {
                "count": len(evals),
                "complete": sum(1 for e in evals if e.smart.complete),
                "date": Date(d.reference),
            },
        )
    ]
    for e in evals:
        if not e.smart.complete:
            problems = [Term(f"goals.problem.{p}") for p in e.smart.problems]
            found.append(
                Message("goals.finding.not_smart", {"goal": e.label, "problems": join_params(problems)})
            )
    for e in evals:
        r, g = e.realism, e.goal
        if r.status == "unrealistic" and r.reason == "pace":
            assert r.ratio is not None and r.required is not None
            found.append(
                Message(
                    "goals.finding.unrealistic_pace",
                    {
                        "goal": e.label,
                        "required": required_param(g, r.required),
                        "historical": historical_param(g, r),
                        "ratio": Number(r.ratio, 1),
                        "factor": _factor(d.answers.realism_factor),
                    },
                )
            )
        elif r.status == "unrealistic":
            assert r.required is not None
            found.append(
                Message(
                    "goals.finding.unrealistic_trend",
                    {
                        "goal": e.label,
                        "required": required_param(g, r.required),
                        "historical": historical_param(g, r),
                        "kpi": kpi_label(g),
                        "months": r.history_months,
                    },
                )
            )
        elif r.status == "not_judged":
            found.append(
                Message(
                    f"goals.finding.not_judged.{r.reason}",
                    {"goal": e.label, "kpi": kpi_label(g), "points": MIN_HISTORY_POINTS},
                )
            )
    found.append(
        Message(
            "goals.finding.realism_summary",
            {
                "realistic": d.count("realistic"),
                "flagged": d.count("unrealistic"),
                "unjudged": d.count("not_judged"),
                "factor": _factor(d.answers.realism_factor),
            },
        )
    )
    pursued = sum(1 for row in d.categories if row.goals)
    missing = [row for row in d.categories if not row.goals]
    if missing:
        top = max(missing, key=lambda row: row.bitkom_share)
        found.append(
            Message(
                "goals.finding.categories",
                {
                    "count": pursued,
                    "category": Term(f"goals.choice.category.{top.category}"),
                    "share": Percent(top.bitkom_share),
                },
            )
        )
    else:
        found.append(Message("goals.finding.all_categories"))
    uncategorised = [e.label for e in evals if e.goal.category is None]
    if uncategorised:
        found.append(Message("goals.finding.uncategorised", {"goals": join_params(uncategorised)}))
    return found


def _recommendations(d: GoalsDetails) -> list[Recommendation]:
    recs: list[Recommendation] = []
    incomplete = [e.label for e in d.evaluations if not e.smart.complete]
    if incomplete:
        recs.append(
            Recommendation(
                Message("goals.rec.complete_smart", {"goals": join_params(incomplete)}),
                3,
                1,
                "marketing_lead",
                2,
            )
        )
    for e in d.evaluations:
        if e.realism.status == "unrealistic":
            owner = e.goal.owner or "marketing_lead"
            recs.append(Recommendation(Message("goals.rec.revise", {"goal": e.label}), 2, 1, owner, 4))
    if any(e.realism.reason in {"no_history", "short_history", "unusable_history"} for e in d.evaluations):
        recs.append(Recommendation(Message("goals.rec.history"), 2, 1, "social_media_manager", 4))
    if not d.business_goals:
        recs.append(Recommendation(Message("goals.rec.business"), 2, 1, "management", 4))
    if len(d.areas) < AREA_TARGET:
        recs.append(
            Recommendation(Message("goals.rec.areas", {"count": len(d.areas)}), 2, 2, "management", 8)
        )
    return recs


def _series_for(goal: Goal, engagement: Any, histories: History | None) -> pd.Series[float] | None:
    """The monthly history of the goal's KPI: injected, or from the engagement's data files."""
    if not goal.kpi:
        return None
    if histories is not None:
        return histories(goal.kpi, goal.platform)
    if engagement is None:
        return None
    return history.historical_series(engagement, goal.kpi, goal.platform, baseline=goal.baseline)


def analyse(answers: GoalsAnswers, engagement: Any = None, *, histories: History | None = None) -> Result:
    """Score check 02 and derive its findings and recommendations from the goal register.

    ``histories`` returns the monthly series of a KPI on a platform (None: all platforms);
    by default :func:`smtoolkit.checks.goals.history.historical_series` of the engagement.
    A :class:`~smtoolkit.errors.DataImportError` from it marks that goal's realism as not
    judged (unusable history) instead of failing the page.
    """
    reference = reference_date(engagement)
    evaluations = []
    for number, goal in enumerate(answers.goals, start=1):
        try:
            series = _series_for(goal, engagement, histories)
        except DataImportError:
            # an unreadable data file makes this goal's realism unjudgeable, not the page fail
            evaluation = evaluate_goal(number, goal, reference, None, answers.realism_factor)
            if evaluation.realism.reason == "no_history":
                unusable = replace(evaluation.realism, reason="unusable_history")
                evaluation = replace(evaluation, realism=unusable)
            evaluations.append(evaluation)
            continue
        evaluations.append(evaluate_goal(number, goal, reference, series, answers.realism_factor))
    categories, uncategorised = category_comparison(answers.goals)
    workshop = getattr(getattr(engagement, "settings", None), "workshop_date", None)
    details = GoalsDetails(
        answers=answers,
        reference=reference,
        reference_is_workshop=isinstance(workshop, dt.date),
        evaluations=tuple(evaluations),
        categories=tuple(categories),
        uncategorised=uncategorised,
    )
    if not answers.goals:
        return Result(
            check="goals",
            criteria=_criteria(details),
            findings=(Message("goals.finding.no_goals"),),
            recommendations=(Recommendation(Message("goals.rec.record_goals"), 3, 1, "marketing_lead", 2),),
            details=details,
        )
    return Result(
        check="goals",
        criteria=_criteria(details),
        findings=tuple(_findings(details)),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
