"""The answers of check 03 (organization): RACI grid, people, staffed hours, working group."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import Field, ValidationInfo, field_validator

from smtoolkit.catalogues import Role
from smtoolkit.models import StrictModel

__all__ = [
    "DAYS",
    "RACI_LETTERS",
    "TASKS",
    "HourBlock",
    "OrganizationAnswers",
    "Person",
    "Raci",
    "Task",
    "Weekday",
    "typical_b2b_audience",
]

#: The social media tasks of the RACI grid.
Task = Literal[
    "strategy",
    "content_creation",
    "publishing",
    "community_management",
    "monitoring",
    "crisis_response",
    "reporting",
    "guidelines_training",
]
TASKS: tuple[str, ...] = get_args(Task)

#: Responsible, Accountable, Consulted, Informed; ``A/R`` is accountable and doing the work.
Raci = Literal["R", "A", "C", "I", "A/R"]
RACI_LETTERS: tuple[str, ...] = get_args(Raci)
_RACI_SPELLINGS = {"AR": "A/R", "RA": "A/R", "R/A": "A/R", "A/R": "A/R"}

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAYS: tuple[str, ...] = get_args(Weekday)


class Person(StrictModel):
    """One person of the social media team: role, hours for social media, RACI letter per task."""

    name: str = Field("", max_length=120)
    role: Role | None = None
    hours_per_week: float = Field(0.0, ge=0, le=60, description="hours per week available for social media")
    strategy: Raci | None = None
    content_creation: Raci | None = None
    publishing: Raci | None = None
    community_management: Raci | None = None
    monitoring: Raci | None = None
    crisis_response: Raci | None = None
    reporting: Raci | None = None
    guidelines_training: Raci | None = None

    @field_validator(*TASKS, mode="before")
    @classmethod
    def _letter(cls, value: Any) -> Any:
        """Accept lower case, ``AR``/``RA``/``R/A`` for ``A/R``, and empty text for no entry."""
        if isinstance(value, str):
            text = value.strip().upper().replace(" ", "")
            if text == "":
                return None
            return _RACI_SPELLINGS.get(text, text)
        return value

    def letter(self, task: str) -> str | None:
        """The RACI entry of this person for ``task``."""
        value: str | None = getattr(self, task)
        return value


class HourBlock(StrictModel):
    """Whole hours of one weekday from ``start`` to ``end`` (``8``-``18`` covers 8:00 to 18:00)."""

    day: Weekday = "mon"
    start: int = Field(8, ge=0, le=23)
    end: int = Field(17, ge=1, le=24)

    @field_validator("end")
    @classmethod
    def _after_start(cls, value: int, info: ValidationInfo) -> int:
        start = info.data.get("start")
        if isinstance(start, int) and value <= start:
            raise ValueError(f"the end hour must be after the start hour {start}")
        return value


def typical_b2b_audience() -> list[HourBlock]:
    """The default audience profile: Monday to Friday, 7 to 19 h (see the module docs)."""
    return [HourBlock(day=day, start=7, end=19) for day in DAYS[:5]]


class OrganizationAnswers(StrictModel):
    """Check 03: who does what (RACI), how many hours they have, when the team is reachable."""

    people: list[Person] = Field(default_factory=list)
    staffed_hours: list[HourBlock] = Field(default_factory=list)
    audience_hours: list[HourBlock] = Field(default_factory=typical_b2b_audience)
    working_group: bool = False
    meetings_per_month: float = Field(0.0, ge=0, le=31)
    working_group_members: list[str] = Field(default_factory=list)
    max_responsibilities: int = Field(
        4, ge=1, le=8, description="a person responsible (R) for more tasks than this is overloaded"
    )
