"""Pydantic models of the engagement-wide sections: ``client`` and ``settings``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "COLOR_PATTERN",
    "DEFAULT_BANDS",
    "Bands",
    "Branding",
    "Client",
    "Color",
    "Contact",
    "Language",
    "Settings",
    "StrictModel",
    "Weight",
]

#: Lower bounds of amber and green: below 40 red, 40 to 69 amber, 70 and above green.
DEFAULT_BANDS: tuple[float, float] = (40.0, 70.0)

#: A report language.
Language = Literal["de", "en"]
#: How a colour is written: ``#rrggbb``.
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
#: A colour as ``#rrggbb``.
Color = Annotated[str, Field(pattern=COLOR_PATTERN)]
#: A check's weight in the overview's maturity index (0 = shown, not counted).
Weight = Annotated[float, Field(ge=0, le=100)]


class StrictModel(BaseModel):
    """Base of every engagement model: unknown keys are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Contact(StrictModel):
    """The client's contact person for the engagement."""

    name: str = ""
    role: str = ""
    email: str = Field("", pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Client(StrictModel):
    """Who the client is."""

    name: str = Field(min_length=1, max_length=200)
    industry: str = ""
    employees: int | None = Field(None, ge=1, le=1_000_000)
    market: Literal["B2B", "B2C", "B2B2C"] = "B2B"
    location: str = ""
    contact: Contact = Field(default_factory=Contact)


class _EmptyMeansDefault(StrictModel):
    """A settings model in which a key left empty (``null``) takes its default.

    ``engagement.yaml`` leaves a setting empty to take the firm's value from
    ``smtoolkit.toml``; without a firm file the toolkit's default applies.
    """

    @model_validator(mode="before")
    @classmethod
    def _drop_empty(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v is not None or k not in cls.model_fields}
        return data


class Branding(_EmptyMeansDefault):
    """The consultancy's look on every page."""

    firm_name: str = Field("", max_length=200)
    logo: str | None = Field(None, description="image file inside the engagement folder")
    primary_color: Color = "#1f4e79"


class Bands(_EmptyMeansDefault):
    """The traffic-light bands of every score: the lowest amber score and the lowest green score."""

    amber: float = Field(DEFAULT_BANDS[0], ge=0, le=100, description="scores from here are amber")
    green: float = Field(DEFAULT_BANDS[1], ge=0, le=100, description="scores from here are green")

    @model_validator(mode="after")
    def _ordered(self) -> Bands:
        if not self.amber < self.green:
            raise ValueError(
                f"amber ({self.amber:g}) must be below green ({self.green:g}); "
                "enter the lowest amber score first, e.g. amber 40 and green 70"
            )
        return self

    def as_tuple(self) -> tuple[float, float]:
        """The bands as ``(amber, green)``, the form :func:`smtoolkit.checks.base.light_for` takes."""
        return (self.amber, self.green)


class Settings(_EmptyMeansDefault):
    """How the engagement is built: language, included checks, weights, bands and branding."""

    language: Language = "de"
    checks: list[str] | None = Field(
        None, description="slugs of the checks to include; empty or missing means all"
    )
    weights: dict[str, Weight] = Field(default_factory=dict)
    bands: Bands = Field(default_factory=Bands)
    branding: Branding = Field(default_factory=Branding)
    workshop_date: dt.date | None = None
    pdf: bool = Field(False, description="also write report.pdf (as smtoolkit build --pdf does)")
