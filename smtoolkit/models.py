"""Pydantic models of the engagement-wide sections: ``client`` and ``settings``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Branding", "Client", "Contact", "Settings", "StrictModel"]


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


class Branding(StrictModel):
    """The consultancy's look on every page."""

    firm_name: str = Field("", max_length=200)
    logo: str | None = Field(None, description="image file inside the engagement folder")
    primary_color: str = Field("#1f4e79", pattern=r"^#[0-9a-fA-F]{6}$")


class Settings(StrictModel):
    """How the engagement is built: language, included checks, weights and branding."""

    language: Literal["de", "en"] = "de"
    checks: list[str] | None = Field(
        None, description="slugs of the checks to include; empty or missing means all"
    )
    weights: dict[str, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)
    branding: Branding = Field(default_factory=Branding)
    workshop_date: dt.date | None = None
