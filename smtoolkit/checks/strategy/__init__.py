"""Check 01 strategy (Strategie erarbeiten): priority matrix of business areas and account audit."""

from smtoolkit.checks.registry import CheckSpec, register
from smtoolkit.checks.strategy.analysis import (
    AccountStatus,
    AreaPriority,
    StrategyDetails,
    analyse,
    audit_accounts,
    is_dormant,
    prioritize,
    quadrant,
    reference_date,
)
from smtoolkit.checks.strategy.model import Account, AreaRating, StrategyAnswers
from smtoolkit.checks.strategy.view import render

__all__ = [
    "SPEC",
    "Account",
    "AccountStatus",
    "AreaPriority",
    "AreaRating",
    "StrategyAnswers",
    "StrategyDetails",
    "analyse",
    "audit_accounts",
    "is_dormant",
    "prioritize",
    "quadrant",
    "reference_date",
    "render",
]

SPEC = register(
    CheckSpec(
        number=1,
        slug="strategy",
        model=StrategyAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
    )
)
