"""The release build: a zip bundle when the report is ready, a refusal per reason when not."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from smtoolkit.build import build
from smtoolkit.build.orchestrate import BuildSummary
from smtoolkit.build.release import write_bundle
from smtoolkit.checks.registry import registry
from tests.conftest import MINIMAL, ROOT

pytestmark = pytest.mark.notebook

#: Effort only, a real client name and a workshop date: ready to send.
READY = MINIMAL.replace('name: "Muster GmbH"', 'name: "Nordwind Armaturen KG"').replace(
    "  language: de\n", "  language: de\n  checks: [effort]\n  workshop_date: 2026-11-12\n"
)


def release(folder: Path, out: Path) -> tuple[BuildSummary, list[str]]:
    """Run a release build of ``folder`` and return the summary and the refusal messages."""
    summary = build([str(folder)], out, release=True)
    (entry,) = summary.engagements
    assert entry.release is not None, entry.error
    return summary, entry.release.problems


def override_effort(folder: Path, source: str) -> None:
    """Copy the effort notebook into the engagement with one extra cell running ``source``."""
    target = folder / "notebooks"
    target.mkdir()
    nb = nbformat.read(str(ROOT / "notebooks" / "04_effort.ipynb"), as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(source))
    nbformat.write(nb, str(target / "04_effort.ipynb"))


def test_a_ready_engagement_is_released_as_a_zip(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """Exit 0 and reports/<slug>.zip with index, overview, pages, report.html, action-plan.xlsx and deck.pptx."""
    folder = make_engagement("nordwind", READY)
    out = tmp_path / "reports"
    summary, problems = release(folder, out)
    assert problems == [] and summary.exit_code == 0
    with zipfile.ZipFile(out / "nordwind.zip") as bundle:
        assert bundle.namelist() == [
            "nordwind/index.html",
            "nordwind/00-overview.html",
            "nordwind/04-effort.html",
            "nordwind/report.html",
            "nordwind/action-plan.xlsx",
            "nordwind/deck.pptx",
        ]
        assert b"Nordwind Armaturen KG" in bundle.read("nordwind/report.html")


def test_the_demo_release_publishes_overview_plan_report_and_zip(demo_copy: Path, tmp_path: Path) -> None:
    """The demo passes the delivery check: the zip holds every page, report.html and action-plan.xlsx."""
    out = tmp_path / "reports"
    summary, problems = release(demo_copy, out)
    assert problems == [] and summary.exit_code == 0
    with zipfile.ZipFile(out / "demo.zip") as bundle:
        names = bundle.namelist()
    pages = [f"demo/{s.page}" for s in registry()]
    assert names[: len(pages) + 4] == [
        "demo/index.html",
        "demo/00-overview.html",
        *pages,
        "demo/report.html",
        "demo/action-plan.xlsx",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda f: override_effort(f, "raise ValueError('Kanalplan kaputt')"),
            "nordwind: 04 Aufwand kalkulieren (04-effort.html) failed in cell 7 of",
            id="failed-check",
        ),
        pytest.param(
            lambda f: rewrite(f, "  workshop_date: 2026-11-12\n", ""),
            "settings.workshop_date: is empty; the action plan counts its due weeks from the workshop date",
            id="missing-input",
        ),
        pytest.param(
            lambda f: rewrite(f, "checks: [effort]", "checks: [effort, goals]"),
            "goals: check 02 Ziele setzen has no answers (the section is missing)",
            id="missing-section",
        ),
        pytest.param(
            lambda f: append(f, "goals: {}\n").rewrite("checks: [effort]", "checks: [effort, goals]"),
            "goals: every answer of check 02 Ziele setzen is still the default",
            id="default-answers",
        ),
        pytest.param(
            lambda f: rewrite(f, "Nordwind Armaturen KG", "Client GmbH"),
            "client.name: 'Client GmbH' is an example name, not the client's; enter the client's name",
            id="example-name",
        ),
        pytest.param(
            lambda f: rewrite(f, "  market: B2B\n", '  market: B2B\n  industry: "TBD"\n'),
            "client.industry: 'TBD' still holds a placeholder ('TBD'); replace it with the real answer",
            id="placeholder",
        ),
        pytest.param(
            lambda f: override_effort(
                f,
                "from IPython.display import HTML, display\n"
                "display(HTML('<img src=\"https://cdn.example.com/logo.png\">'))",
            ),
            "nordwind: 04-effort.html cannot be sent: the page refers to an external resource",
            id="external-url",
        ),
        pytest.param(
            lambda f: override_effort(f, "print('Traceback (most recent call last):')"),
            "nordwind: 04-effort.html cannot be sent: the page contains a Python traceback; a cell printed an error",
            id="traceback",
        ),
        pytest.param(
            lambda f: override_effort(f, "print(page.engagement.folder)"),
            "nordwind: 04-effort.html cannot be sent: the page contains a local file path",
            id="local-path",
        ),
    ],
)
def test_release_is_refused_for_each_reason(
    make_engagement: Callable[..., Path], tmp_path: Path, change: Callable[[Path], object], expected: str
) -> None:
    """Each reason gives its own message naming engagement, page or field; exit 2; no zip, a stale one removed."""
    folder = make_engagement("nordwind", READY)
    out = tmp_path / "reports"
    out.mkdir()
    earlier = out / "earlier" / "nordwind"
    earlier.mkdir(parents=True)
    (earlier / "index.html").write_text("an earlier release", encoding="utf-8")
    write_bundle(out / "nordwind.zip", earlier, ["index.html"])
    change(folder)
    summary, problems = release(folder, out)
    assert summary.exit_code == 2
    assert any(expected in p for p in problems), problems
    assert not (out / "nordwind.zip").exists()
    (entry,) = summary.engagements
    assert entry.release is not None and entry.release.removed == out / "nordwind.zip"


def test_a_refused_release_keeps_a_zip_smtoolkit_did_not_write(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """A file at <out>/<slug>.zip that no release wrote is kept byte for byte and named as a problem."""
    folder = make_engagement("nordwind", READY.replace("Nordwind Armaturen KG", "ACME GmbH"))
    out = tmp_path / "reports"
    out.mkdir()
    (out / "nordwind.zip").write_bytes(b"the client's own archive")
    summary, problems = release(folder, out)
    assert summary.exit_code == 2
    assert (out / "nordwind.zip").read_bytes() == b"the client's own archive"
    assert any("nordwind.zip" in p and "was not written by smtoolkit" in p for p in problems), problems
    (entry,) = summary.engagements
    assert entry.release is not None and entry.release.removed is None


class _Edit:
    """Chainable edits of an engagement file."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "engagement.yaml"

    def rewrite(self, old: str, new: str) -> _Edit:
        text = self.path.read_text(encoding="utf-8")
        assert old in text
        self.path.write_text(text.replace(old, new), encoding="utf-8")
        return self


def rewrite(folder: Path, old: str, new: str) -> _Edit:
    """Replace ``old`` by ``new`` in the engagement file."""
    return _Edit(folder).rewrite(old, new)


def append(folder: Path, text: str) -> _Edit:
    """Append ``text`` to the engagement file."""
    edit = _Edit(folder)
    edit.path.write_text(edit.path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return edit


def test_release_command_prints_what_to_fix_and_exits_2(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """`smtoolkit build --release` lists every problem, exits 2, prints no traceback; --only is refused."""
    folder = make_engagement("nordwind", READY.replace("Nordwind Armaturen KG", "ACME GmbH"))
    out = tmp_path / "reports"
    command = [sys.executable, "-m", "smtoolkit", "build", str(folder), "--out", str(out), "--release"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    text = " ".join(result.stderr.split())
    assert "not released: nordwind: 1 problem(s) to fix" in text
    assert "client.name: 'ACME GmbH' is an example name" in text
    assert "Traceback" not in result.stdout + result.stderr
    assert not (out / "nordwind.zip").exists()
    only = subprocess.run([*command, "--only", "4"], capture_output=True, text=True, timeout=300)
    assert only.returncode == 2 and "--release builds every included check; drop --only" in only.stderr
