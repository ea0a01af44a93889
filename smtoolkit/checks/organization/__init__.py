"""Check 03 organization (Organisation anpassen): RACI, load, capacity, coverage, working group."""

from smtoolkit.checks.organization.analysis import (
    analyse,
    capacity,
    coverage,
    gap_blocks,
    person_loads,
    pool_hours,
    raci_check,
)
from smtoolkit.checks.organization.model import HourBlock, OrganizationAnswers, Person
from smtoolkit.checks.organization.view import render
from smtoolkit.checks.registry import CheckSpec, register

__all__ = [
    "SPEC",
    "HourBlock",
    "OrganizationAnswers",
    "Person",
    "analyse",
    "capacity",
    "coverage",
    "gap_blocks",
    "person_loads",
    "pool_hours",
    "raci_check",
    "render",
]

SPEC = register(
    CheckSpec(
        number=3,
        slug="organization",
        model=OrganizationAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        reads=("effort",),
    )
)
