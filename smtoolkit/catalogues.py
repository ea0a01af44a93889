"""Shared vocabularies used by several checks; their labels live in the i18n catalogs.

Each vocabulary is a ``Literal`` type plus the catalog prefix of its labels
(``platform.linkedin``). A form or table shows a choice through :func:`label_prefix`, so a
field can be named freely (``owner``, ``kpi``) and still find its labels.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "AREAS",
    "FORMATS",
    "KPIS",
    "PLATFORMS",
    "ROLES",
    "VOCABULARIES",
    "Area",
    "Format",
    "Kpi",
    "Platform",
    "Role",
    "label_prefix",
]

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
Format = Literal["text", "image", "carousel", "video_short", "video_long", "story", "article", "live"]
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
#: The business areas of check 01, used again by the goals of check 02.
Area = Literal[
    "pr",
    "marketing_sales",
    "hr_recruiting",
    "customer_service",
    "product_development",
    "internal_communication",
]
#: The KPI catalogue of check 09; goals (check 02) choose their KPI from it.
Kpi = Literal[
    "followers",
    "follower_growth",
    "reach",
    "impressions",
    "engagement_rate",
    "clicks",
    "ctr",
    "video_views",
    "cost_per_engagement",
    "response_rate",
    "first_response_time",
    "mentions",
    "share_of_voice",
    "net_sentiment",
    "leads",
    "applications",
    "roi",
]

PLATFORMS: tuple[str, ...] = get_args(Platform)
FORMATS: tuple[str, ...] = get_args(Format)
ROLES: tuple[str, ...] = get_args(Role)
AREAS: tuple[str, ...] = get_args(Area)
KPIS: tuple[str, ...] = get_args(Kpi)

#: Catalog prefix -> the values of that vocabulary.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "platform": PLATFORMS,
    "format": FORMATS,
    "role": ROLES,
    "area": AREAS,
    "kpi": KPIS,
}


def label_prefix(choices: tuple[object, ...]) -> str | None:
    """The catalog prefix of the shared vocabulary ``choices`` belong to, if any."""
    values = set(choices) - {None}
    for prefix, vocabulary in VOCABULARIES.items():
        if values and values <= set(vocabulary):
            return prefix
    return None
