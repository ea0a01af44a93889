"""Check 06 monitoring (Monitoring durchführen): mentions, share of voice, sentiment, topics.

The shared monitoring logic lives here too, for check 08 (crisis) and check 09 (success):
:func:`load_mentions` prepares an engagement's mention exports once (keyword sets,
sentiment, language; cached), :func:`daily` gives daily series, and
:func:`share_of_voice` and :func:`net_sentiment` are the two KPIs as pure functions.
"""

from smtoolkit.checks.monitoring.analysis import MonitoringDetails, analyse
from smtoolkit.checks.monitoring.data import CLIENT, Group, Mentions, groups_for, load_mentions, prepare
from smtoolkit.checks.monitoring.metrics import (
    EntityFigures,
    daily,
    entity_figures,
    net_sentiment,
    share_of_voice,
    top_authors,
    top_sources,
    weekly,
)
from smtoolkit.checks.monitoring.model import KeywordSet, MonitoringAnswers
from smtoolkit.checks.monitoring.review import review_widget
from smtoolkit.checks.monitoring.view import render
from smtoolkit.checks.registry import CheckSpec, register

__all__ = [
    "CLIENT",
    "SPEC",
    "EntityFigures",
    "Group",
    "KeywordSet",
    "Mentions",
    "MonitoringAnswers",
    "MonitoringDetails",
    "analyse",
    "daily",
    "entity_figures",
    "groups_for",
    "load_mentions",
    "net_sentiment",
    "prepare",
    "render",
    "share_of_voice",
    "top_authors",
    "top_sources",
    "weekly",
]

SPEC = register(
    CheckSpec(
        number=6,
        slug="monitoring",
        model=MonitoringAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        files=True,
        live_extra=review_widget,
    )
)
