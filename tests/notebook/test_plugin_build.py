"""A plugin check is built like a standard one: its own page, a row in the overview and the index."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.plugins.expose import environment, expose_example
from tests.unit.test_plugins_discovery import WITH_DEALERS

pytestmark = pytest.mark.notebook


def test_plugin_page_overview_and_index_are_built(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """`smtoolkit build --only 11` runs the plugin's notebook and lists check 11 in the overview and index."""
    folder = make_engagement("acme", WITH_DEALERS)
    out = tmp_path / "reports"
    result = subprocess.run(
        [sys.executable, "-m", "smtoolkit", "build", str(folder), "--only", "11", "--out", str(out)],
        capture_output=True,
        text=True,
        env=environment(expose_example(tmp_path / "site")),
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = (out / "acme" / "11-dealer-network.html").read_text(encoding="utf-8")
    assert "11 Händlernetz" in page and "Händler nach Social-Media-Auftritt" in page
    assert "Ohne eigenen Auftritt: Süd-Service (Ulm)." in page
    assert '<span class="value">68</span>' in page and "37,5 / 50" in page and "20,0 / 30" in page
    assert 'class="smt-chart"' in page  # the plug-in's chart, inline SVG
    assert "open_check(" not in page and str(tmp_path) not in page
    overview = (out / "acme" / "00-overview.html").read_text(encoding="utf-8")
    assert "11 Händlernetz" in overview
    assert "Die Social-Media-Richtlinien an jeden Händler schicken" in overview
    index = (out / "acme" / "index.html").read_text(encoding="utf-8")
    assert 'href="11-dealer-network.html"' in index
    report = json.loads((out / "acme" / "build.json").read_text(encoding="utf-8"))
    pages = {p["page"]: p["status"] for p in report["pages"]}
    assert pages == {"00-overview.html": "ok", "11-dealer-network.html": "ok"}
