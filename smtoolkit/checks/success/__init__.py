"""Check 09 success (Erfolge messen): KPI catalogue, goal attainment, trend and scorecard."""

from smtoolkit.checks.registry import CheckSpec, register
from smtoolkit.checks.success.analysis import GoalScore, SuccessDetails, analyse, score_goal
from smtoolkit.checks.success.attainment import (
    Trend,
    attainment,
    direction,
    light_of,
    meets,
    slope_per_month,
    status_of,
    trend,
)
from smtoolkit.checks.success.measure import Actual, Measurements
from smtoolkit.checks.success.model import MeasuredValue, SuccessAnswers
from smtoolkit.checks.success.view import render

__all__ = [
    "SPEC",
    "Actual",
    "GoalScore",
    "MeasuredValue",
    "Measurements",
    "SuccessAnswers",
    "SuccessDetails",
    "Trend",
    "analyse",
    "attainment",
    "direction",
    "light_of",
    "meets",
    "render",
    "score_goal",
    "slope_per_month",
    "status_of",
    "trend",
]

SPEC = register(
    CheckSpec(
        number=9,
        slug="success",
        model=SuccessAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        reads=("goals", "content", "effort", "monitoring"),
        files=True,
    )
)
