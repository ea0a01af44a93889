"""What every check returns: a score with its criteria, a traffic light, findings and actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from smtoolkit.messages import Message

__all__ = [
    "DEFAULT_BANDS",
    "Criterion",
    "Light",
    "Recommendation",
    "Result",
    "light_for",
]


class Light(StrEnum):
    """The traffic light of a score."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


#: Lower bounds of amber and green: below 40 red, 40 to 69 amber, 70 and above green.
DEFAULT_BANDS: tuple[float, float] = (40.0, 70.0)


def light_for(score: float, bands: tuple[float, float] = DEFAULT_BANDS) -> Light:
    """Return the traffic light for ``score`` given the amber and green lower bounds."""
    amber, green = bands
    if score >= green:
        return Light.GREEN
    if score >= amber:
        return Light.AMBER
    return Light.RED


@dataclass(frozen=True)
class Criterion:
    """One documented scoring criterion: what it checks and the points it earned."""

    label: Message
    points: float
    max_points: float
    detail: Message | None = None


@dataclass(frozen=True)
class Recommendation:
    """An action for the client, with impact and effort from 1 (low) to 3 (high)."""

    text: Message
    impact: int
    effort: int
    owner: str
    horizon_weeks: int

    def __post_init__(self) -> None:
        if not (1 <= self.impact <= 3 and 1 <= self.effort <= 3):
            raise ValueError("impact and effort must be between 1 and 3")
        if self.horizon_weeks < 0:
            raise ValueError("horizon_weeks must not be negative")


@dataclass(frozen=True)
class Result:
    """The outcome of one check: score 0-100, criteria, findings, recommendations, details."""

    check: str
    criteria: tuple[Criterion, ...]
    findings: tuple[Message, ...]
    recommendations: tuple[Recommendation, ...]
    details: Any = None
    bands: tuple[float, float] = field(default=DEFAULT_BANDS)

    @property
    def score(self) -> float:
        """The sum of the criteria's points, rounded to one decimal, between 0 and 100."""
        total = sum(c.points for c in self.criteria)
        return round(max(0.0, min(100.0, total)), 1)

    @property
    def light(self) -> Light:
        """The traffic light of :attr:`score`."""
        return light_for(self.score, self.bands)
