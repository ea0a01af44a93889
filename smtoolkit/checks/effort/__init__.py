"""Check 04 effort (Aufwand kalkulieren): hours, FTE, budget and their sensitivity."""

from smtoolkit.checks.effort.analysis import analyse, compute_costs, compute_workload, sensitivity
from smtoolkit.checks.effort.model import ChannelPlan, EffortAnswers
from smtoolkit.checks.effort.view import render
from smtoolkit.checks.registry import CheckSpec, register

__all__ = [
    "SPEC",
    "ChannelPlan",
    "EffortAnswers",
    "analyse",
    "compute_costs",
    "compute_workload",
    "render",
    "sensitivity",
]

SPEC = register(
    CheckSpec(
        number=4,
        slug="effort",
        model=EffortAnswers,
        analyse=analyse,
        render=render,
        form_hints={
            "channels": {
                "columns": ["platform", "format", "posts_per_week", "minutes_per_post", "comments_per_post"]
            }
        },
    )
)
