"""smtoolkit: workshop notebooks and branded reports for the Bitkom 10-point social media check."""

from smtoolkit._version import __version__
from smtoolkit.checks import CheckSpec, Result, get, register, registry
from smtoolkit.engagement import Engagement, load_engagement
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
