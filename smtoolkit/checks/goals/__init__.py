"""Check 02 goals (Ziele setzen): SMART goal register, required growth and its realism."""

from smtoolkit.checks.goals.analysis import (
    BITKOM_CATEGORIES,
    analyse,
    category_comparison,
    evaluate_goal,
    historical_monthly_change,
    judge_realism,
    months_between,
    required_monthly_growth,
    requirement,
    smart,
)
from smtoolkit.checks.goals.history import historical_series
from smtoolkit.checks.goals.model import Goal, GoalsAnswers
from smtoolkit.checks.goals.view import render
from smtoolkit.checks.registry import CheckSpec, register

__all__ = [
    "BITKOM_CATEGORIES",
    "SPEC",
    "Goal",
    "GoalsAnswers",
    "analyse",
    "category_comparison",
    "evaluate_goal",
    "historical_monthly_change",
    "historical_series",
    "judge_realism",
    "months_between",
    "render",
    "required_monthly_growth",
    "requirement",
    "smart",
]

SPEC = register(
    CheckSpec(
        number=2,
        slug="goals",
        model=GoalsAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        files=True,
    )
)
