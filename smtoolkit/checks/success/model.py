"""The answers of check 09 (success): measured values, the value for ROI, scorecard settings."""

from __future__ import annotations

import datetime as dt
import math

from pydantic import Field, model_validator

from smtoolkit.catalogues import Kpi, Platform
from smtoolkit.checks.goals.analysis import kpi_range
from smtoolkit.models import StrictModel

__all__ = ["MeasuredValue", "SuccessAnswers"]


class MeasuredValue(StrictModel):
    """One KPI value the consultant recorded because no export holds it (CRM, ticket system).

    ``value`` is in the KPI's unit of check 02: counts (leads, applications), percent for
    rates (78 means 78 %), hours for the first response time, euro for cost per engagement.
    ``platform`` empty means all platforms together. ``as_of`` empty means the reference
    date (the workshop). Several rows of the same KPI and platform with different dates
    form its trend.
    """

    kpi: Kpi = "leads"
    platform: Platform | None = None
    value: float = Field(0.0, ge=-100, le=1e12)
    as_of: dt.date | None = None
    source: str = Field("", max_length=120, description="where the value comes from, e.g. CRM")

    @model_validator(mode="after")
    def _value_in_range(self) -> MeasuredValue:
        low, high = kpi_range(self.kpi)
        if not low <= self.value <= high:
            allowed = f"of at least {low:g}" if math.isinf(high) else f"between {low:g} and {high:g}"
            raise ValueError(
                f"{self.value:g} is outside the range of the KPI {self.kpi!r}; enter a value "
                f"{allowed} in the KPI's unit (percent for rates: 78 means 78 %)"
            )
        return self


class SuccessAnswers(StrictModel):
    """Check 09: values not in the exports, the value behind ROI, and how strictly to judge."""

    measured: list[MeasuredValue] = Field(default_factory=list)
    attributed_value_per_year: float | None = Field(
        None, ge=0, le=1e10, description="euro per year the company credits to social media (for ROI)"
    )
    value_basis: str = Field("", max_length=300, description="how that value was estimated")
    trend_window: int = Field(6, ge=2, le=24, description="the latest values a trend is fitted to")
    min_trend_points: int = Field(3, ge=2, le=24, description="values a trend needs at least")
    amber_from: float = Field(
        0.7, gt=0, lt=1, description="off track, but the trend reaches this share of the way: amber"
    )
    max_age_days: int = Field(62, ge=1, le=730, description="an actual value older than this is out of date")
