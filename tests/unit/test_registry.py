"""The check registry is the one list of checks; everything else iterates it."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtoolkit.checks.registry import CheckSpec, get, register, registry, select
from smtoolkit.errors import ConfigError


def test_registry_is_ordered_by_number_and_unique() -> None:
    """Checks come out in number order with unique numbers and slugs."""
    specs = registry()
    numbers = [s.number for s in specs]
    assert numbers == sorted(numbers)
    assert len(set(numbers)) == len(numbers) == len({s.slug for s in specs})
    assert "effort" in [s.slug for s in specs]


def test_every_registered_check_has_its_notebook(root: Path) -> None:
    """notebooks/NN_<slug>.ipynb exists for every registered check."""
    for spec in registry():
        assert (root / "notebooks" / spec.notebook).is_file(), spec.notebook


def test_no_notebook_without_a_registered_check(root: Path) -> None:
    """Every numbered notebook in notebooks/ belongs to a registered check (or the overview)."""
    names = {s.notebook for s in registry()} | {"00_overview.ipynb"}
    assert {p.name for p in (root / "notebooks").glob("[0-9][0-9]_*.ipynb")} <= names


def test_get_accepts_slug_and_number() -> None:
    """A check is found by slug, by number and by zero-padded number."""
    assert get("effort") is get(4) is get("04")


def test_unknown_check_lists_the_known_ones() -> None:
    """An unknown key raises ConfigError naming the available checks."""
    with pytest.raises(ConfigError, match="04 effort"):
        get("99")


def test_select_keeps_registry_order() -> None:
    """select() returns the named checks in registry order, all when empty."""
    assert select(None) == registry()
    assert [s.slug for s in select([" 4 "])] == ["effort"]


def test_duplicate_number_is_refused() -> None:
    """Registering a second check under a taken number fails."""
    taken = registry()[0]
    clash = CheckSpec(taken.number, "other", taken.model, taken.analyse, taken.render, {})
    with pytest.raises(ConfigError, match="is taken"):
        register(clash)
