"""The answers of check 11 (dealer network): the dealers and what the manufacturer provides."""

from __future__ import annotations

from pydantic import Field, field_validator

from smtoolkit.catalogues import Platform
from smtoolkit.models import StrictModel

__all__ = ["Dealer", "DealerNetworkAnswers"]


class Dealer(StrictModel):
    """One dealer or sales partner and its own social media presence."""

    name: str = Field("", max_length=200)
    city: str = Field("", max_length=100)
    has_profile: bool = False
    platforms: list[Platform] = Field(default_factory=list)
    active: bool = Field(False, description="posted in the last 30 days")


class DealerNetworkAnswers(StrictModel):
    """Check 11: the dealer list, the content kit and the guidelines given to dealers."""

    dealers: list[Dealer] = Field(default_factory=list)
    content_kit: bool = Field(False, description="the manufacturer supplies posts and images for dealers")
    guidelines_shared: bool = Field(False, description="every dealer has the social media guidelines")

    @field_validator("dealers")
    @classmethod
    def _unique_names(cls, dealers: list[Dealer]) -> list[Dealer]:
        seen: set[str] = set()
        for dealer in dealers:
            key = dealer.name.casefold()
            if key and key in seen:
                raise ValueError(f"the dealer {dealer.name!r} is listed twice; keep one row per dealer")
            seen.add(key)
        return dealers
