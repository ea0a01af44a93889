"""Slugs and file references cannot escape their folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smtoolkit.errors import UnsafePathError
from smtoolkit.paths import check_slug, inside


@pytest.mark.parametrize("slug", ["acme", "acme-gmbh", "a", "client-2026", "x" * 64])
def test_valid_slugs_pass(slug: str) -> None:
    """Lower-case letters, digits and inner hyphens are accepted."""
    assert check_slug(slug) == slug


@pytest.mark.parametrize(
    "slug", ["", "..", "../x", "a/b", "/abs", "ACME", "acme-", "-acme", "a b", "x" * 65, "ä"]
)
def test_unsafe_slugs_are_rejected(slug: str) -> None:
    """Traversal, separators, upper case and blanks are refused with guidance."""
    with pytest.raises(UnsafePathError, match="lower-case letters"):
        check_slug(slug)


@pytest.mark.parametrize("reference", ["../x.csv", "data/../../x.csv", "/etc/passwd", "~/x.csv", ""])
def test_references_outside_the_folder_are_rejected(tmp_path: Path, reference: str) -> None:
    """Climbing out, absolute and home paths are refused."""
    with pytest.raises(UnsafePathError):
        inside(tmp_path, reference)


def test_symlink_pointing_outside_is_rejected(tmp_path: Path) -> None:
    """A link inside the folder that points elsewhere does not smuggle a file in."""
    base = tmp_path / "engagement"
    base.mkdir()
    (tmp_path / "secret.csv").write_text("x")
    os.symlink(tmp_path / "secret.csv", base / "link.csv")
    with pytest.raises(UnsafePathError):
        inside(base, "link.csv")


def test_inner_references_resolve(tmp_path: Path) -> None:
    """A relative name inside the folder resolves to that file."""
    assert inside(tmp_path, "data/posts.csv") == (tmp_path / "data" / "posts.csv").resolve()
