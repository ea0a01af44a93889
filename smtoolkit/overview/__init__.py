"""The overview of an engagement: maturity index, stage, summary, action plan and rounds.

The overview is computed from the engagement with each included check's ``analyse``; it is
not a check itself and has no answers. The build puts its page (``00-overview.html``) in
front of the check pages of every report. The notebook opens it with
:func:`smtoolkit.overview.page.open_overview`.
"""

from smtoolkit.overview.analysis import (
    PRIORITY_CLASSES,
    STAGE_FLOORS,
    STAGES,
    ActionItem,
    Assessment,
    CheckOutcome,
    action_plan,
    assess,
    due_date,
    executive_summary,
    priority_class,
    priority_key,
    stage_for,
    weighted_index,
)
from smtoolkit.overview.spec import OVERVIEW, OverviewSpec

__all__ = [
    "OVERVIEW",
    "PRIORITY_CLASSES",
    "STAGES",
    "STAGE_FLOORS",
    "ActionItem",
    "Assessment",
    "CheckOutcome",
    "OverviewSpec",
    "action_plan",
    "assess",
    "due_date",
    "executive_summary",
    "priority_class",
    "priority_key",
    "stage_for",
    "weighted_index",
]
