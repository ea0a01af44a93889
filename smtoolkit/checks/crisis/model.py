"""The answers of check 08 (crisis): the readiness questionnaire, the playbook, detector settings."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field, model_validator

from smtoolkit.models import StrictModel

__all__ = [
    "PLAYBOOK",
    "SCENARIOS",
    "AlertExpert",
    "AlertSettings",
    "CrisisAnswers",
    "PlaybookItem",
    "Scenario",
]

Scenario = Literal[
    "product_defect",
    "service_outage",
    "data_breach",
    "accident",
    "layoffs",
    "misconduct",
    "executive_statement",
    "online_criticism",
]
SCENARIOS: tuple[str, ...] = get_args(Scenario)

PlaybookItem = Literal[
    "crisis_team",
    "escalation_matrix",
    "contact_list",
    "monitoring_alerts",
    "holding_statements",
    "approval_process",
    "qa_document",
    "dark_site",
    "legal_review",
    "employee_briefing",
    "response_guidelines",
    "after_hours",
    "drill",
    "debrief",
]
PLAYBOOK: tuple[str, ...] = get_args(PlaybookItem)


#: Settings of the detectors the alert rule replaced; old engagement files still validate.
RETIRED = frozenset(
    {
        "zscore_window",
        "zscore_threshold",
        "ears_threshold",
        "c3_threshold",
        "cusum_k",
        "cusum_h",
        "min_sigma",
        "min_sigma_share",
    }
)


class AlertExpert(StrictModel):
    """Expert settings of the alert rule: baselines, jump test, CUSUM (docs/checks/08-crisis.md)."""

    cycles: int = Field(4, ge=2, le=12, description="weeks of same-weekday days in a daily baseline")
    cycles_hourly: int = Field(7, ge=2, le=60, description="days of same-hour hours in an hourly baseline")
    fallback: int = Field(7, ge=3, le=60, description="days of the daily baseline without rhythm")
    fallback_hourly: int = Field(24, ge=3, le=720, description="hours of the hourly baseline without rhythm")
    window_days: int = Field(28, ge=7, le=180, description="days of residuals for the spread")
    min_scale: float = Field(0.1, ge=0.0, le=2.0, description="least spread on the log scale")
    jump: float | None = Field(
        4.0, gt=0.0, le=20.0, description="daily: z against the 7 days before (None: off)"
    )
    jump_hourly: float | None = Field(
        None, gt=0.0, le=20.0, description="hourly: z against the 7 hours before"
    )
    cusum_h: float | None = Field(None, gt=0.0, le=100.0, description="daily: decision limit of the NB CUSUM")
    cusum_h_hourly: float | None = Field(12.0, gt=0.0, le=100.0, description="hourly: limit of the NB CUSUM")
    cusum_shift: float = Field(2.0, gt=1.0, le=20.0, description="rise the CUSUM looks for (factor)")


class AlertSettings(StrictModel):
    """The engagement's tuning of the alert rule; the defaults are what a new engagement gets."""

    threshold: float = Field(3.5, gt=0.0, le=20.0, description="robust z above which a period alerts")
    min_excess: float = Field(10.0, ge=0.0, le=1e6, description="fewest mentions above the expected count")
    expert: AlertExpert = Field(default_factory=lambda: AlertExpert())


class CrisisAnswers(StrictModel):
    """Check 08: how ready the client is for a crisis, and how the detectors are tuned."""

    escalation_chain: Literal["none", "informal", "documented"] = "none"
    contacts: Literal["none", "partial", "complete"] = "none"
    contacts_updated: dt.date | None = None
    holding_statements: list[Scenario] = Field(default_factory=list)
    approval_hours: float | None = Field(None, ge=0, le=720)
    after_hours: Literal["none", "informal", "rota"] = "none"
    last_drill: dt.date | None = None
    playbook: list[PlaybookItem] = Field(default_factory=list)
    min_share_mentions: int = Field(3, ge=1, le=100, description="fewest mentions for a negative share")
    # the alert rule: flat fields (one form control each; a firm file can set them too)
    alert_threshold: float = Field(3.5, gt=0.0, le=20.0, description="robust z above which a period alerts")
    alert_min_excess: float = Field(10.0, ge=0.0, le=1e6, description="fewest mentions above the expected")
    # expert settings of the alert rule (AlertExpert without the prefix)
    expert_cycles: int = Field(4, ge=2, le=12)
    expert_cycles_hourly: int = Field(7, ge=2, le=60)
    expert_fallback: int = Field(7, ge=3, le=60)
    expert_fallback_hourly: int = Field(24, ge=3, le=720)
    expert_window_days: int = Field(28, ge=7, le=180)
    expert_min_scale: float = Field(0.1, ge=0.0, le=2.0)
    expert_jump: float | None = Field(4.0, gt=0.0, le=20.0)
    expert_jump_hourly: float | None = Field(None, gt=0.0, le=20.0)
    expert_cusum_h: float | None = Field(None, gt=0.0, le=100.0)
    expert_cusum_h_hourly: float | None = Field(12.0, gt=0.0, le=100.0)
    expert_cusum_shift: float = Field(2.0, gt=1.0, le=20.0)

    @property
    def alert(self) -> AlertSettings:
        """The alert rule's settings of this engagement, as ``alerts()`` takes them."""
        expert = {name: getattr(self, f"expert_{name}") for name in AlertExpert.model_fields}
        return AlertSettings(
            threshold=self.alert_threshold, min_excess=self.alert_min_excess, expert=AlertExpert(**expert)
        )

    @model_validator(mode="before")
    @classmethod
    def _drop_retired_settings(cls, data: object) -> object:
        """Settings of the retired detectors (z-score, EARS, Poisson CUSUM) are accepted and ignored."""
        if isinstance(data, dict) and RETIRED & data.keys():
            return {k: v for k, v in data.items() if k not in RETIRED}
        return data
