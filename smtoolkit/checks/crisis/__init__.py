"""Check 08 crisis (Krisenmanagement vorbereiten): readiness, detectors on check 06's data, level."""

from smtoolkit.checks.crisis.analysis import CrisisDetails, DetectorRun, analyse, backtest, signals
from smtoolkit.checks.crisis.detectors import (
    Detection,
    alarm_runs,
    ears_c1,
    ears_c2,
    ears_c3,
    expected_counts,
    poisson_cusum,
    rolling_zscore,
)
from smtoolkit.checks.crisis.model import AlertExpert, AlertSettings, CrisisAnswers
from smtoolkit.checks.crisis.rule import alerts
from smtoolkit.checks.crisis.scale import daily_levels, level_of
from smtoolkit.checks.crisis.view import render
from smtoolkit.checks.registry import CheckSpec, register

__all__ = [
    "SPEC",
    "AlertExpert",
    "AlertSettings",
    "CrisisAnswers",
    "CrisisDetails",
    "Detection",
    "DetectorRun",
    "alarm_runs",
    "alerts",
    "analyse",
    "backtest",
    "daily_levels",
    "ears_c1",
    "ears_c2",
    "ears_c3",
    "expected_counts",
    "level_of",
    "poisson_cusum",
    "render",
    "rolling_zscore",
    "signals",
]

SPEC = register(
    CheckSpec(
        number=8,
        slug="crisis",
        model=CrisisAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        reads=("monitoring",),
        files=True,
    )
)
