"""The answers of check 08 (crisis): the readiness questionnaire, the playbook, detector settings."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from smtoolkit.models import StrictModel

__all__ = ["PLAYBOOK", "SCENARIOS", "CrisisAnswers", "PlaybookItem", "Scenario"]

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
    zscore_window: int = Field(28, ge=7, le=180)
    zscore_threshold: float = Field(3.0, gt=0, le=10)
    ears_threshold: float = Field(3.0, gt=0, le=10)
    c3_threshold: float = Field(2.0, gt=0, le=10)
    cusum_k: float = Field(1.04, gt=0, le=5)
    cusum_h: float = Field(2.26, gt=0, le=20)
    min_sigma: float = Field(
        1.0, ge=0, le=100, description="floor of the baseline SD of the volume (mentions)"
    )
    min_sigma_share: float = Field(
        0.1, ge=0, le=1, description="floor of the baseline SD of the negative share"
    )
    min_share_mentions: int = Field(3, ge=1, le=100, description="fewest mentions for a negative share")
