"""The answers of check 01 (strategy): business areas rated, and the inventory of accounts."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from smtoolkit.catalogues import Area, Kpi, Platform, Role
from smtoolkit.models import StrictModel

__all__ = ["Account", "AreaRating", "Decision", "StrategyAnswers"]

#: What the client decided for an existing account.
Decision = Literal["keep", "close", "undecided"]


class AreaRating(StrictModel):
    """One business area: how much social media could add there and how feasible it is."""

    area: Area = "pr"
    value: int = Field(3, ge=1, le=5, description="1 = little value, 5 = very high value")
    feasibility: int = Field(3, ge=1, le=5, description="1 = hardly feasible, 5 = easy to do")
    note: str = Field("", max_length=500)


class Account(StrictModel):
    """One existing account, with the fields of the common social media audit templates."""

    network: Platform = "linkedin"
    handle: str = Field("", max_length=200)
    owner: Role | None = None
    verified: bool = False
    purpose: str = Field("", max_length=300)
    kpis: list[Kpi] = Field(default_factory=list)
    last_post: dt.date | None = None
    keep: Decision = "undecided"


class StrategyAnswers(StrictModel):
    """Check 01: the value x feasibility rating per area and the account inventory."""

    areas: list[AreaRating] = Field(default_factory=list)
    accounts: list[Account] = Field(default_factory=list)
    dormant_days: int = Field(90, ge=1, le=3650, description="no post in more than this many days")
    reference_date: dt.date | None = Field(
        None, description="the day the inventory is judged on; empty: the workshop date, else today"
    )

    @field_validator("areas")
    @classmethod
    def _one_rating_per_area(cls, areas: list[AreaRating]) -> list[AreaRating]:
        seen: set[str] = set()
        for rating in areas:
            if rating.area in seen:
                raise ValueError(f"the area {rating.area!r} is rated twice; keep one row per business area")
            seen.add(rating.area)
        return areas
