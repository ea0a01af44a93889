"""Check 07 content and media mix (Inhalte und Medien-Mix festlegen): posts, pillars, calendar."""

from smtoolkit.checks.content.analysis import analyse, compare_profiles, follower_counts, planned_frequency
from smtoolkit.checks.content.calendar import CALENDAR_FILE, CSV_COLUMNS, plan_calendar, posts_in_week
from smtoolkit.checks.content.export import attachments, calendar_csv
from smtoolkit.checks.content.metrics import (
    apportion,
    classify_posts,
    enrich_posts,
    group_stats,
    handle_consistency,
    posting_frequency,
    rank_hours,
    rank_weekdays,
    slot_grid,
)
from smtoolkit.checks.content.model import ContentAnswers, FollowerCount, Pillar, PlatformRole
from smtoolkit.checks.content.view import render
from smtoolkit.checks.registry import CheckSpec, register

__all__ = [
    "CALENDAR_FILE",
    "CSV_COLUMNS",
    "SPEC",
    "ContentAnswers",
    "FollowerCount",
    "Pillar",
    "PlatformRole",
    "analyse",
    "apportion",
    "attachments",
    "calendar_csv",
    "classify_posts",
    "compare_profiles",
    "enrich_posts",
    "follower_counts",
    "group_stats",
    "handle_consistency",
    "plan_calendar",
    "planned_frequency",
    "posting_frequency",
    "posts_in_week",
    "rank_hours",
    "rank_weekdays",
    "render",
    "slot_grid",
]

SPEC = register(
    CheckSpec(
        number=7,
        slug="content",
        model=ContentAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        reads=("effort", "strategy"),
        files=True,
        attachments=attachments,
    )
)
