"""What every check returns: a score with its criteria, a traffic light, findings and actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import wraps
from typing import TYPE_CHECKING, Any

from smtoolkit.messages import Message
from smtoolkit.models import DEFAULT_BANDS

if TYPE_CHECKING:
    from smtoolkit.engagement import Engagement

__all__ = [
    "DEFAULT_BANDS",
    "Analyse",
    "Criterion",
    "Light",
    "Recommendation",
    "Result",
    "light_for",
    "settings_aware",
]


class Light(StrEnum):
    """The traffic light of a score."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


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


#: A check's analysis: its answers and the engagement in, the result out.
Analyse = Callable[[Any, "Engagement"], Result]


def settings_aware(analyse: Analyse) -> Analyse:
    """Wrap a check's ``analyse`` so its result carries the engagement's traffic-light bands.

    The bands are ``settings.bands`` (engagement, else firm file, else :data:`DEFAULT_BANDS`);
    the analysis itself stays unaware of them. An ``engagement`` without settings (a test
    double) leaves the result as it is. Wrapping twice has the effect of wrapping once.
    """
    if getattr(analyse, "__smtoolkit_settings_aware__", False):
        return analyse

    @wraps(analyse)
    def run(answers: Any, engagement: Engagement) -> Result:
        result = analyse(answers, engagement)
        bands = getattr(getattr(engagement, "settings", None), "bands", None)
        return result if bands is None else replace(result, bands=bands.as_tuple())

    run.__smtoolkit_settings_aware__ = True  # type: ignore[attr-defined]
    return run
