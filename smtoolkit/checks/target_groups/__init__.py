"""Check 05 target groups (Zielgruppen identifizieren): platform fit per persona, communities."""

from smtoolkit.checks.registry import CheckSpec, register
from smtoolkit.checks.target_groups.analysis import (
    Fit,
    PlatformRank,
    TargetGroupsDetails,
    analyse,
    fallback_share,
    fit,
    rank_communities,
    rank_platforms,
    reach_table,
)
from smtoolkit.checks.target_groups.model import AudienceShare, Community, Persona, TargetGroupsAnswers
from smtoolkit.checks.target_groups.reach import ReachRow, ReachTable, builtin_table, parse_reach_csv
from smtoolkit.checks.target_groups.view import render

__all__ = [
    "SPEC",
    "AudienceShare",
    "Community",
    "Fit",
    "Persona",
    "PlatformRank",
    "ReachRow",
    "ReachTable",
    "TargetGroupsAnswers",
    "TargetGroupsDetails",
    "analyse",
    "builtin_table",
    "fallback_share",
    "fit",
    "parse_reach_csv",
    "rank_communities",
    "rank_platforms",
    "reach_table",
    "render",
]

SPEC = register(
    CheckSpec(
        number=5,
        slug="target_groups",
        model=TargetGroupsAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        reads=("strategy",),
        files=True,
    )
)
