"""The answers of check 04 (effort): the posting plan, interaction load, staff and money."""

from __future__ import annotations

from pydantic import Field

from smtoolkit.catalogues import Format, Platform
from smtoolkit.models import StrictModel

__all__ = ["ChannelPlan", "EffortAnswers"]


class ChannelPlan(StrictModel):
    """One line of the posting plan: a format on a platform and what it costs in time."""

    platform: Platform = "linkedin"
    format: Format = "image"
    posts_per_week: float = Field(1.0, ge=0, le=100)
    minutes_per_post: float = Field(60.0, ge=0, le=2400)
    comments_per_post: float | None = Field(
        None, ge=0, le=10_000, description="from the imported data or estimated; empty: default"
    )


class EffortAnswers(StrictModel):
    """Check 04: everything needed to estimate hours, FTE and budget."""

    channels: list[ChannelPlan] = Field(default_factory=list)
    default_comments_per_post: float = Field(3.0, ge=0, le=10_000)
    direct_messages_per_week: float = Field(0.0, ge=0, le=100_000)
    minutes_per_interaction: float = Field(3.0, ge=0, le=240)
    monitoring_hours_per_week: float = Field(0.0, ge=0, le=168)
    reporting_hours_per_week: float = Field(0.0, ge=0, le=168)
    coordination_hours_per_week: float = Field(0.0, ge=0, le=168)
    weeks_per_year: int = Field(52, ge=1, le=52)
    net_hours_per_fte: float = Field(1650.0, ge=800, le=2200)
    gross_salary: float = Field(36_100.0, ge=0, le=1_000_000)
    employer_overhead_factor: float = Field(1.21, ge=1.0, le=3.0)
    agency_days_per_year: float = Field(0.0, ge=0, le=365)
    agency_day_rate: float = Field(500.0, ge=0, le=10_000)
    hours_per_agency_day: float = Field(8.0, gt=0, le=24)
    tools_per_month: float = Field(0.0, ge=0, le=1_000_000)
    ads_per_month: float = Field(0.0, ge=0, le=10_000_000)
    training_per_year: float = Field(0.0, ge=0, le=1_000_000)
    available_hours_per_week: float | None = Field(None, ge=0, le=1000)
    approved_budget_per_year: float | None = Field(None, ge=0, le=100_000_000)
    sensitivity: float = Field(0.25, gt=0, lt=1)
