"""The answers of check 07 (content): content pillars, platform roles, follower counts, calendar."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field, field_validator

from smtoolkit.catalogues import Platform
from smtoolkit.models import StrictModel

__all__ = [
    "PLATFORM_ROLES",
    "ContentAnswers",
    "FollowerCount",
    "Pillar",
    "PlatformRole",
    "RoleName",
]

#: The role a platform plays in the communication mix.
RoleName = Literal[
    "reach",
    "expertise",
    "dialogue",
    "service",
    "employer_brand",
    "lead_generation",
    "library",
]
PLATFORM_ROLES: tuple[str, ...] = get_args(RoleName)


class Pillar(StrictModel):
    """One content pillar: a theme for one target group, the platforms that carry it.

    Platform exports carry no pillar, so posts are assigned by ``keywords``: a post belongs
    to the pillar whose keywords (words or hashtags, case does not matter) its text contains
    most often; a post that contains none is "unassigned".
    """

    name: str = Field("", max_length=80)
    target_group: str = Field("", max_length=100, description="a persona of check 05 or a free name")
    platforms: list[Platform] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list, description="one word or hashtag per line")
    share: float | None = Field(None, ge=0, le=1, description="planned share of all posts, e.g. 0.3")

    @field_validator("keywords")
    @classmethod
    def _no_empty_keywords(cls, keywords: list[str]) -> list[str]:
        return [k.strip() for k in keywords if k and k.strip()]


class PlatformRole(StrictModel):
    """The role one platform plays in the mix (one row per platform)."""

    platform: Platform = "linkedin"
    role: RoleName = "reach"
    note: str = Field("", max_length=200)


class FollowerCount(StrictModel):
    """A follower count read from a platform on a day; exports give only daily gains."""

    platform: Platform = "linkedin"
    followers: int = Field(0, ge=0, le=1_000_000_000)
    as_of: dt.date | None = Field(None, description="the day the count was read; empty: the end of the data")


class ContentAnswers(StrictModel):
    """Check 07: the pillar plan, platform roles, follower counts and calendar settings."""

    pillars: list[Pillar] = Field(default_factory=list)
    platform_roles: list[PlatformRole] = Field(default_factory=list)
    follower_counts: list[FollowerCount] = Field(default_factory=list)
    calendar_start: dt.date | None = Field(
        None, description="first day of the calendar; empty: the Monday after the workshop date"
    )
    calendar_weeks: int = Field(4, ge=1, le=12)
    min_posts_per_slot: int = Field(
        5, ge=1, le=50, description="posts a weekday or hour needs before it can be a best slot"
    )
    active_days: int = Field(
        28,
        ge=7,
        le=365,
        description="a platform without a post in this many days before the data end is idle",
    )

    @field_validator("platform_roles")
    @classmethod
    def _one_role_per_platform(cls, roles: list[PlatformRole]) -> list[PlatformRole]:
        seen: set[str] = set()
        for row in roles:
            if row.platform in seen:
                raise ValueError(
                    f"the platform {row.platform!r} has two roles; keep one row per platform "
                    "(name the second role in the note)"
                )
            seen.add(row.platform)
        return roles

    @field_validator("follower_counts")
    @classmethod
    def _one_count_per_platform_and_day(cls, counts: list[FollowerCount]) -> list[FollowerCount]:
        seen: set[tuple[str, dt.date | None]] = set()
        for row in counts:
            key = (row.platform, row.as_of)
            if key in seen:
                day = row.as_of.isoformat() if row.as_of else "(no date)"
                raise ValueError(
                    f"the platform {row.platform!r} has two follower counts for {day}; keep one per day"
                )
            seen.add(key)
        return counts
