"""The public API and the exception tree are pinned."""

from __future__ import annotations

import smtoolkit
from smtoolkit import errors


def test_public_api_is_pinned() -> None:
    """smtoolkit.__all__ lists exactly the supported names."""
    assert sorted(smtoolkit.__all__) == sorted(
        [
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
    )
    for name in smtoolkit.__all__:
        assert hasattr(smtoolkit, name)


def test_every_error_derives_from_the_root_and_a_builtin() -> None:
    """Each error class is a SmToolkitError and also the matching built-in exception."""
    builtins = (ValueError, FileNotFoundError, RuntimeError)
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.SmToolkitError)
        if cls is not errors.SmToolkitError:
            assert issubclass(cls, builtins), name


def test_validation_error_lists_every_problem() -> None:
    """The message of ValidationError holds one indented line per problem."""
    error = errors.ValidationError("x/engagement.yaml", ["a: wrong", "b: wrong"])
    assert str(error) == "x/engagement.yaml is not valid (2 problem(s)):\n  a: wrong\n  b: wrong"
    assert isinstance(error, ValueError)
