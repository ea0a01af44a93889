"""The report build end to end: pages, index, failures, languages, isolation and safety."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from smtoolkit.build import ProcessExecutor, build
from smtoolkit.checks.registry import get, registry
from tests.conftest import MINIMAL

pytestmark = pytest.mark.notebook

EFFORT = [get("effort")]
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""", re.I)


def page(out: Path, slug: str, name: str = "04-effort.html") -> str:
    """Read a built page."""
    return (out / slug / name).read_text(encoding="utf-8")


def test_demo_builds_every_registered_check_in_german(demo_copy: Path, tmp_path: Path) -> None:
    """The demo publishes index.html and one branded, code-free, offline page per check."""
    out = tmp_path / "reports"
    summary = build([str(demo_copy)], out)
    assert summary.exit_code == 0, [r.error for e in summary.engagements for r in e.results]
    index = page(out, "demo", "index.html")
    for spec in registry():
        html = page(out, "demo", spec.page)
        assert f'href="{spec.page}"' in index
        assert '<html lang="de">' in html
        assert not EXTERNAL.search(html), spec.page
        assert "<script" not in html
        assert "open_check(" not in html and 'class="jp-InputArea' not in html
        assert "Hallberg Pumpen GmbH" in html and "Nordlicht Digitalberatung" in html
        assert "Vertraulich – nur für Hallberg Pumpen GmbH bestimmt." in html
        assert str(demo_copy) not in html and str(tmp_path) not in html
    effort = page(out, "demo", "04-effort.html")
    assert "Stunden nach Aufgabe und Kanal" in effort and "Std." in effort
    assert 'href="#sec-effort-budget"' in effort and 'id="sec-effort-budget"' in effort
    assert "data:image/png;base64," in effort and "data:image/svg+xml;base64," in effort
    report = json.loads((out / "demo" / "build.json").read_text())
    assert report["status"] == "ok" and {p["status"] for p in report["pages"]} == {"ok"}
    assert (out / "_debug" / "demo" / "04_effort.ipynb").is_file()
    assert not (out / "demo" / "04_effort.ipynb").exists()


def test_english_build_uses_english_text_and_number_formats(demo_copy: Path, tmp_path: Path) -> None:
    """--lang en gives <html lang="en">, English headings and €1,234 style amounts."""
    out = tmp_path / "reports"
    assert build([str(demo_copy)], out, language="en", checks=EFFORT).exit_code == 0
    html = page(out, "demo", "04-effort.html")
    assert '<html lang="en">' in html
    assert "Hours by task and channel" in html and "Confidential – for Hallberg Pumpen GmbH only." in html
    assert re.search(r"€\d{1,3},\d{3}", html)
    assert "Stunden nach Aufgabe" not in html
    assert '<html lang="en">' in page(out, "demo", "index.html")


def test_a_failing_notebook_is_marked_and_the_rest_is_built(demo_copy: Path, tmp_path: Path) -> None:
    """A notebook that raises: no page, index and build.json name the cell, exit code 1, no local path."""
    override = demo_copy / "notebooks"
    override.mkdir()
    nb = nbformat.read(str(Path(__file__).parents[2] / "notebooks" / "04_effort.ipynb"), as_version=4)
    nb.cells[3].source = f"raise ValueError('broken data in {demo_copy}/data/x.csv')"
    nbformat.write(nb, str(override / "04_effort.ipynb"))
    out = tmp_path / "reports"
    summary = build([str(demo_copy)], out)
    assert summary.exit_code == 1
    assert not (out / "demo" / "04-effort.html").exists()
    others = [s for s in registry() if s.slug != "effort"]
    for spec in others:
        assert (out / "demo" / spec.page).is_file()
    index = page(out, "demo", "index.html")
    assert "fehlgeschlagen" in index and "Zelle 4: ValueError: broken data in" in index
    assert str(demo_copy) not in index and "x.csv" in index
    report = json.loads((out / "demo" / "build.json").read_text())
    (effort,) = [p for p in report["pages"] if p["check"] == "effort"]
    assert effort["status"] == "failed" and effort["cell"] == 4 and effort["notebook_source"] == "override"
    assert effort["page"] is None


def test_invalid_engagement_is_skipped_and_the_others_are_built(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """An engagement with a schema error gets no pages; a valid one in the same build does; exit code 2."""
    bad = make_engagement("bad", MINIMAL.replace("posts_per_week: 2,", "posts_per_week: -3,"))
    good = make_engagement("good")
    out = tmp_path / "reports"
    summary = build([str(bad), str(good)], out, checks=EFFORT)
    assert summary.exit_code == 2
    assert not (out / "bad").exists()
    assert (out / "good" / "04-effort.html").is_file()
    (failed,) = [e for e in summary.engagements if e.error]
    assert "posts_per_week: -3 is not >= 0" in failed.error  # type: ignore[operator]


def test_client_text_is_escaped_and_clients_stay_apart(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """A client name with markup shows as text, and one client's name never reaches another's pages."""
    evil = make_engagement(
        "evil", MINIMAL.replace('name: "Muster GmbH"', 'name: "<script>evilmarker()</script> AG"')
    )
    other = make_engagement("other", MINIMAL.replace("Muster GmbH", "Zweitkunde Einzigartig KG"))
    out = tmp_path / "reports"
    assert build([str(evil), str(other)], out, checks=EFFORT).exit_code == 0
    for name in ("04-effort.html", "index.html"):
        html = page(out, "evil", name)
        assert "<script>evilmarker" not in html and "&lt;script&gt;evilmarker()&lt;/script&gt; AG" in html
        assert "Zweitkunde Einzigartig" not in html
        assert "evilmarker" not in page(out, "other", name)


def test_parallel_and_serial_builds_give_the_same_pages(demo_copy: Path, tmp_path: Path) -> None:
    """Two worker processes produce byte-identical pages to the serial build."""
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert build([str(demo_copy)], serial).exit_code == 0
    assert build([str(demo_copy)], parallel, executor=ProcessExecutor(2)).exit_code == 0
    for spec in registry():
        assert page(serial, "demo", spec.page) == page(parallel, "demo", spec.page)


@pytest.mark.parametrize("spec", registry(), ids=lambda s: s.slug)
def test_notebook_runs_under_the_plain_papermill_cli(spec: object, root: Path, tmp_path: Path) -> None:
    """`papermill notebooks/NN_x.ipynb out.ipynb -p engagement engagements/demo` works from the repo root."""
    demo = tmp_path / "engagements" / "demo"
    shutil.copytree(root / "engagements" / "demo", demo, ignore=shutil.ignore_patterns(".history", "*.lock"))
    notebook = root / "notebooks" / spec.notebook  # type: ignore[attr-defined]
    papermill = Path(sys.executable).parent / "papermill"
    result = subprocess.run(
        [
            str(papermill),
            str(notebook),
            str(tmp_path / "out.ipynb"),
            "-p",
            "engagement",
            "engagements/demo",
            "--no-progress-bar",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    executed = nbformat.read(str(tmp_path / "out.ipynb"), as_version=4)
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
