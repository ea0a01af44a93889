"""The answers of check 05 (target groups): personas, LinkedIn audience, communities, reach data."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from smtoolkit.catalogues import Platform
from smtoolkit.models import StrictModel

__all__ = [
    "AGE_FIELDS",
    "AudienceShare",
    "Community",
    "Dimension",
    "Persona",
    "TargetGroupsAnswers",
]

#: Age band of the reach table -> the persona field holding the persona's share in it.
AGE_FIELDS: dict[str, str] = {
    "14-29": "age_14_29",
    "30-49": "age_30_49",
    "50-69": "age_50_69",
    "70+": "age_70_plus",
}

#: How far the age shares of a persona may miss 1 (rounding of hand-typed shares); the tiny
#: extra absorbs binary floating point (0.34 + 0.34 + 0.33 is 1.0100000000000002).
WEIGHT_TOLERANCE = 0.01 + 1e-9

#: The dimensions of LinkedIn's follower statistics.
Dimension = Literal["location", "function", "seniority", "industry", "company_size"]


class Persona(StrictModel):
    """One target group: B2B or B2C, its spread over the age bands, and its interests.

    The age shares must add up to 1 (±0.01) once any of them is entered; a persona with
    all shares 0 is valid but not rated yet (a new row in the workshop form starts so).
    """

    name: str = Field("", max_length=100)
    market: Literal["B2B", "B2C"] = "B2B"
    age_14_29: float = Field(0.0, ge=0, le=1, description="share of the persona aged 14-29")
    age_30_49: float = Field(0.0, ge=0, le=1, description="share aged 30-49")
    age_50_69: float = Field(0.0, ge=0, le=1, description="share aged 50-69")
    age_70_plus: float = Field(0.0, ge=0, le=1, description="share aged 70 and over")
    interests: list[str] = Field(default_factory=list)

    @field_validator("market", mode="before")
    @classmethod
    def _market_upper_case(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    def weights(self) -> dict[str, float]:
        """The persona's share per age band of the reach table."""
        return {band: float(getattr(self, name)) for band, name in AGE_FIELDS.items()}

    @property
    def has_ages(self) -> bool:
        """True once any age share is entered; a persona without shares is not rated yet."""
        return any(w > 0 for w in self.weights().values())

    @model_validator(mode="after")
    def _weights_add_up_to_one(self) -> Persona:
        total = sum(self.weights().values())
        if total > 0 and abs(total - 1) > WEIGHT_TOLERANCE:
            parts = " + ".join(f"{name} {getattr(self, name):g}" for name in AGE_FIELDS.values())
            raise ValueError(
                f"the age shares add up to {total:.2f} ({parts}); they must add up to 1, "
                "e.g. age_14_29 0.2, age_30_49 0.5, age_50_69 0.3, age_70_plus 0"
            )
        return self


class AudienceShare(StrictModel):
    """One line of LinkedIn's follower statistics: a segment and its share of the followers."""

    dimension: Dimension = "function"
    segment: str = Field("", max_length=100)
    share: float = Field(0.0, ge=0, le=1, description="share of the followers, 0-1")


class Community(StrictModel):
    """A forum or community outside the big networks."""

    name: str = Field("", max_length=150)
    reach: int = Field(0, ge=0, le=1_000_000_000, description="estimated members or visitors per month")
    relevance: int = Field(3, ge=1, le=5, description="1 = marginal, 5 = central for the personas")
    note: str = Field("", max_length=300)


def _default_exclusions() -> list[Platform]:
    return ["whatsapp"]


class TargetGroupsAnswers(StrictModel):
    """Check 05: who the target groups are and where they can be reached."""

    personas: list[Persona] = Field(default_factory=list)
    linkedin_followers: list[AudienceShare] = Field(default_factory=list)
    communities: list[Community] = Field(default_factory=list)
    excluded_platforms: list[Platform] = Field(
        default_factory=_default_exclusions,
        description="left out of the ranking; by default WhatsApp (a messenger with daily-use figures only)",
    )
    reach_file: str | None = Field(
        None,
        max_length=300,
        json_schema_extra={"engagement_file": True},
        description="own reach table (CSV with the columns of platform_reach_de.csv) inside the engagement",
    )

    @field_validator("linkedin_followers")
    @classmethod
    def _shares_fit_in_one(cls, lines: list[AudienceShare]) -> list[AudienceShare]:
        totals: dict[str, float] = {}
        for line in lines:
            totals[line.dimension] = totals.get(line.dimension, 0.0) + line.share
        for dimension, total in totals.items():
            if total > 1 + WEIGHT_TOLERANCE:
                raise ValueError(
                    f"the shares of {dimension!r} add up to {total:.2f}; the followers of one "
                    "dimension cannot add up to more than 1 (enter shares such as 0.25 for 25 %)"
                )
        return lines
