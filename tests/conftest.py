"""Shared fixtures: small hand-made engagements in temporary folders."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

MINIMAL = textwrap.dedent(
    """\
    # A small engagement for tests.
    client:
      name: "Muster GmbH"   # the client
      market: B2B
    settings:
      language: de
      branding:
        firm_name: "Test Consulting"
    effort:
      channels:
        - {platform: linkedin, format: image, posts_per_week: 3, minutes_per_post: 60, comments_per_post: 4}
        - {platform: instagram, format: carousel, posts_per_week: 2, minutes_per_post: 90, comments_per_post: 10}
      direct_messages_per_week: 8
      minutes_per_interaction: 3
      monitoring_hours_per_week: 2
      reporting_hours_per_week: 1
      coordination_hours_per_week: 1
      net_hours_per_fte: 1600
      gross_salary: 36100
      employer_overhead_factor: 1.2
      tools_per_month: 50
      ads_per_month: 200
      training_per_year: 1000
      available_hours_per_week: 10
      approved_budget_per_year: 15000
    """
)


@pytest.fixture
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture
def make_engagement(tmp_path: Path) -> Callable[..., Path]:
    """Return a factory writing ``engagements/<slug>/engagement.yaml`` under a temp folder."""

    def make(slug: str = "muster", text: str = MINIMAL) -> Path:
        folder = tmp_path / "engagements" / slug
        folder.mkdir(parents=True)
        (folder / "engagement.yaml").write_text(text, encoding="utf-8")
        return folder

    return make


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A copy of the demo engagement that tests may change."""
    target = tmp_path / "engagements" / "demo"
    shutil.copytree(
        ROOT / "engagements" / "demo", target, ignore=shutil.ignore_patterns(".history", ".engagement.lock")
    )
    return target


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A folder on sys.path for plugin packages; every check and module they add is removed after."""
    import sys

    from smtoolkit.checks.registry import registry, unregister
    from tests.plugins.expose import EXAMPLE

    before = {spec.slug: spec for spec in registry()}
    modules = set(sys.modules)
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    monkeypatch.syspath_prepend(str(plugins))
    monkeypatch.syspath_prepend(str(EXAMPLE))
    yield plugins
    for spec in registry():
        if before.get(spec.slug) is not spec:
            unregister(spec.slug)
    for name in set(sys.modules) - modules:
        if name.startswith("smt_"):
            del sys.modules[name]
    assert {spec.slug: spec for spec in registry()} == before
