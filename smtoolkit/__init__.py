"""smtoolkit: workshop notebooks and branded reports for the Bitkom 10-point social media check.

The names below are imported on first use, so ``import smtoolkit`` (and the command line)
starts without loading pandas, matplotlib and the checks.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from smtoolkit._version import __version__
from smtoolkit.errors import (
    BuildError,
    ConfigError,
    ConflictError,
    DataImportError,
    EngagementNotFoundError,
    SmToolkitError,
    UnsafePathError,
    ValidationError,
)

if TYPE_CHECKING:
    from smtoolkit.checks import CheckSpec, Result, get, register, registry
    from smtoolkit.engagement import Engagement, load_engagement

__all__ = [
    "BuildError",
    "CheckSpec",
    "ConfigError",
    "ConflictError",
    "DataImportError",
    "Engagement",
    "EngagementNotFoundError",
    "Result",
    "SmToolkitError",
    "UnsafePathError",
    "ValidationError",
    "__version__",
    "get",
    "load_engagement",
    "register",
    "registry",
]

_LAZY = {
    "CheckSpec": "smtoolkit.checks",
    "Result": "smtoolkit.checks",
    "get": "smtoolkit.checks",
    "register": "smtoolkit.checks",
    "registry": "smtoolkit.checks",
    "Engagement": "smtoolkit.engagement",
    "load_engagement": "smtoolkit.engagement",
}


def __getattr__(name: str) -> Any:
    """Import the public names of the checks and engagements on first use."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'smtoolkit' has no attribute {name!r}")
