"""The one exception tree of smtoolkit.

Every error the toolkit raises on purpose derives from :class:`SmToolkitError` and from
the built-in exception it is closest to, so callers can catch either.  The message of
each error is written for a consultant: it names the file, the field or line, what was
expected and what to do.
"""

from __future__ import annotations

__all__ = [
    "BuildError",
    "ConfigError",
    "ConflictError",
    "DataImportError",
    "EngagementNotFoundError",
    "SmToolkitError",
    "UnsafePathError",
    "ValidationError",
]


class SmToolkitError(Exception):
    """Base class of every error smtoolkit raises on purpose."""

    exit_code: int = 2


class ConfigError(SmToolkitError, ValueError):
    """A setting, option or argument has a value the toolkit cannot use."""


class ValidationError(ConfigError):
    """An engagement file does not match its schema; carries one line per problem."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{path} is not valid ({len(problems)} problem(s)):\n{lines}")


class UnsafePathError(SmToolkitError, ValueError):
    """A slug or file reference would leave the folder it must stay in."""


class EngagementNotFoundError(SmToolkitError, FileNotFoundError):
    """The engagement folder or its ``engagement.yaml`` does not exist."""


class ConflictError(SmToolkitError, RuntimeError):
    """A section changed on disk since it was loaded; saving would overwrite that change."""


class DataImportError(SmToolkitError, ValueError):
    """A data file (platform, monitoring or survey export) cannot be read."""


class BuildError(SmToolkitError, RuntimeError):
    """The report build cannot run at all (not: one notebook failed)."""
