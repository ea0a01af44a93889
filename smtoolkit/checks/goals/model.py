"""The answers of check 02 (goals): the goal register, one row per goal."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from smtoolkit.catalogues import Area, Kpi, Platform, Role
from smtoolkit.models import StrictModel

__all__ = ["CATEGORIES", "Category", "Goal", "GoalsAnswers"]

#: The goal categories of the Bitkom survey (guide "Social Media", 2nd edition 2012).
Category = Literal[
    "awareness",
    "new_customers",
    "customer_relations",
    "image",
    "recruiting",
    "product_development",
]
CATEGORIES: tuple[str, ...] = get_args(Category)


class Goal(StrictModel):
    """One goal of the register.

    ``owner`` is a role from the shared vocabulary, not a person's name: it is the function
    that answers for the goal, matches the owner of recommendations and the roles of the
    RACI grid in check 03, and keeps names of employees out of the goal register.
    ``baseline`` and ``target`` are in the unit of the KPI: counts for followers or reach,
    percent for rates (4.5 means 4.5 %), percentage points for net sentiment, euro for
    cost per engagement and hours for the first response time. ``platform`` is optional:
    empty means the KPI over all platforms together.
    """

    name: str = Field("", max_length=120, description="a short title of the goal")
    category: Category | None = None
    area: Area | None = None
    kpi: Kpi | None = None
    platform: Platform | None = None
    baseline: float | None = Field(None, ge=-100, le=1e12)
    target: float | None = Field(None, ge=-100, le=1e12)
    deadline: dt.date | None = None
    owner: Role | None = None


class GoalsAnswers(StrictModel):
    """Check 02: the goal register and how strictly goals are held against their history."""

    goals: list[Goal] = Field(default_factory=list)
    realism_factor: float = Field(
        3.0, gt=1, le=20, description="flag a goal needing more than this multiple of the historical rate"
    )
