"""Shared vocabularies: platforms, content formats and owner roles (labels live in i18n)."""

from __future__ import annotations

from typing import Literal

__all__ = ["FORMATS", "PLATFORMS", "ROLES", "Format", "Platform", "Role"]

Platform = Literal[
    "linkedin",
    "xing",
    "instagram",
    "facebook",
    "youtube",
    "tiktok",
    "x_twitter",
    "pinterest",
    "whatsapp",
    "blog",
    "forum",
    "other",
]
Format = Literal[
    "text",
    "image",
    "carousel",
    "video_short",
    "video_long",
    "story",
    "article",
    "live",
]
Role = Literal[
    "management",
    "marketing_lead",
    "social_media_manager",
    "communications",
    "hr",
    "customer_service",
    "product",
    "works_council",
    "legal",
    "agency",
]

PLATFORMS: tuple[str, ...] = Platform.__args__  # type: ignore[attr-defined]
FORMATS: tuple[str, ...] = Format.__args__  # type: ignore[attr-defined]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
