"""The report build end to end: pages, index, failures, languages, isolation and safety."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import nbformat
import openpyxl
import pytest

from smtoolkit._version import __version__
from smtoolkit.build import ProcessExecutor, build
from smtoolkit.build.incremental import toolkit_fingerprint
from smtoolkit.checks.registry import get, registry
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render, translate
from smtoolkit.overview import OVERVIEW, assess
from tests.conftest import MINIMAL

pytestmark = pytest.mark.notebook

EFFORT = [get("effort")]
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""", re.I)


def page(out: Path, slug: str, name: str = "04-effort.html") -> str:
    """Read a built page."""
    return (out / slug / name).read_text(encoding="utf-8")


def test_demo_builds_every_registered_check_in_german(demo_copy: Path, tmp_path: Path) -> None:
    """The demo publishes index.html, the overview and one branded, code-free, offline page per check."""
    out = tmp_path / "reports"
    summary = build([str(demo_copy)], out)
    assert summary.exit_code == 0, [r.error for e in summary.engagements for r in e.results]
    index = page(out, "demo", "index.html")
    links = re.findall(r'<a href="([^"#]+)"', index)
    assert links[: len(registry()) + 3] == [
        "00-overview.html",
        *(s.page for s in registry()),
        "report.html",
        "action-plan.xlsx",
    ]
    for spec in [OVERVIEW, *registry()]:
        html = page(out, "demo", spec.page)
        assert '<html lang="de">' in html
        assert not EXTERNAL.search(html), spec.page
        assert "<script" not in html
        assert "open_check(" not in html and 'class="jp-InputArea' not in html
        assert "Hallberg Pumpen GmbH" in html and "Nordlicht Digitalberatung" in html
        assert "Vertraulich – nur für Hallberg Pumpen GmbH bestimmt." in html
        assert str(demo_copy) not in html and str(tmp_path) not in html
        assert f'content="smtoolkit {__version__}"' in html and 'name="generator"' in html, spec.page
    effort = page(out, "demo", "04-effort.html")
    assert "Stunden nach Aufgabe und Kanal" in effort and "Std." in effort
    assert 'href="#sec-effort-budget"' in effort and 'id="sec-effort-budget"' in effort
    assert "<svg " in effort and 'class="smt-chart"' in effort and "data:image/svg+xml;base64," in effort
    report = json.loads((out / "demo" / "build.json").read_text())
    assert report["status"] == "ok" and {p["status"] for p in report["pages"]} == {"ok"}
    assert report["toolkit_version"] == __version__ and report["toolkit_digest"] == toolkit_fingerprint()
    assert f'<meta name="generator" content="smtoolkit {__version__}">' in index
    assert report["files"][:3] == ["index.html", "report.html", "action-plan.xlsx"]
    assert (out / "_debug" / "demo" / "04_effort.ipynb").is_file()
    assert not (out / "demo" / "04_effort.ipynb").exists()


def test_demo_overview_shows_index_stage_change_and_plan(demo_copy: Path, tmp_path: Path) -> None:
    """The overview page shows the weighted index, the stage, the change since "Erstgespräch" and the plan."""
    out = tmp_path / "reports"
    assert build([str(demo_copy)], out, checks=[]).exit_code == 0
    html = page(out, "demo", OVERVIEW.page)
    a = assess(load_engagement(demo_copy))
    assert a.previous_round is not None and a.previous_round.name == "Erstgespräch"
    shown = f"{a.index:.1f}".replace(".", ",")
    assert f'<span class="value">{shown}</span>' in html
    assert "Reifestufe: " + translate(f"overview.stage.{a.stage}", "de") in html
    assert "Seit der Bewertungsrunde „Erstgespräch“ vom 12.05.2026" in html
    for spec in registry():
        assert spec.title("de") in html
    assert html.count('<td class="num"') >= len(a.plan)
    assert 'id="sec-overview-plan"' in html and 'href="#sec-overview-plan"' in html
    assert html.count('class="smt-chart"') == 1


def test_demo_action_plan_workbook_rows(demo_copy: Path, tmp_path: Path) -> None:
    """action-plan.xlsx holds every recommendation of every check, ranked, due from the workshop (12.11.2026)."""
    out = tmp_path / "reports"
    assert build([str(demo_copy)], out, checks=[]).exit_code == 0
    sheet = openpyxl.load_workbook(out / "demo" / "action-plan.xlsx").worksheets[0]
    header, *body = list(sheet.iter_rows(values_only=True))
    assert header[:3] == ("Nr.", "Priorität", "Maßnahme") and sheet.freeze_panes == "A2"
    engagement = load_engagement(demo_copy)
    expected = Counter(
        (
            spec.title("de"),
            render(r.text, "de"),
            dt.datetime(2026, 11, 12) + dt.timedelta(weeks=r.horizon_weeks),
        )
        for spec in registry()
        for r in spec.analyse(engagement.section(spec.slug), engagement).recommendations
    )
    assert Counter((row[3], row[2], row[8]) for row in body) == expected
    assert [row[0] for row in body] == list(range(1, len(body) + 1))
    order = ["Quick Win", "Vorhaben", "Nebenbei", "Aufwand prüfen"]
    assert [order.index(row[1]) for row in body] == sorted(order.index(row[1]) for row in body)


def test_combined_report_holds_every_page_with_unique_ids(demo_copy: Path, tmp_path: Path) -> None:
    """report.html: the overview then every page, one two-level contents, ids unique, no link to index."""
    out = tmp_path / "reports"
    assert build([str(demo_copy)], out).exit_code == 0
    html = page(out, "demo", "report.html")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert [k for k, n in Counter(ids).items() if n > 1] == []
    targets = re.findall(r'href="#([^"]+)"', html)
    assert targets and set(targets) <= set(ids)
    parts = re.findall(r'<li><a href="#(part-[^"]+)">([^<]+)</a>', html)
    assert [text for _, text in parts] == [s.title("de") for s in [OVERVIEW, *registry()]]
    assert 'id="sec-04-effort-budget"' in html and 'href="#sec-04-effort-budget"' in html
    assert 'href="index.html"' not in html and "<script" not in html and not EXTERNAL.search(html)
    assert str(demo_copy) not in html and str(tmp_path) not in html
    assert html.count("Hallberg Pumpen GmbH") >= len(registry())


def test_an_engagement_with_some_checks_gets_an_overview_of_those(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """settings.checks [effort]: overview, index, report and action plan speak of check 04 only."""
    folder = make_engagement(
        "nur-aufwand", MINIMAL.replace("  language: de\n", "  language: de\n  checks: [effort]\n")
    )
    out = tmp_path / "reports"
    assert build([str(folder)], out).exit_code == 0
    html = page(out, "nur-aufwand", OVERVIEW.page)
    others = [s for s in registry() if s.slug != "effort"]
    assert "04 Aufwand kalkulieren" in html and not any(s.title("de") in html for s in others)
    index = page(out, "nur-aufwand", "index.html")
    assert re.findall(r'<a href="([^"#]+)\.html"', index) == ["00-overview", "04-effort", "report"]
    sheet = openpyxl.load_workbook(out / "nur-aufwand" / "action-plan.xlsx").worksheets[0]
    assert {row[3] for row in list(sheet.iter_rows(values_only=True))[1:]} == {"04 Aufwand kalkulieren"}
    parts = re.findall(r'<li><a href="#(part-[^"]+)">', page(out, "nur-aufwand", "report.html"))
    assert parts == ["part-00-overview", "part-04-effort"]


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
    for name in ("04-effort.html", "index.html", OVERVIEW.page, "report.html"):
        html = page(out, "evil", name)
        assert "<script>evilmarker" not in html and "&lt;script&gt;evilmarker()&lt;/script&gt; AG" in html
        assert "Zweitkunde Einzigartig" not in html
        assert "evilmarker" not in page(out, "other", name)


def test_parallel_and_serial_builds_give_the_same_pages(demo_copy: Path, tmp_path: Path) -> None:
    """Two worker processes produce byte-identical pages and combined report to the serial build."""
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert build([str(demo_copy)], serial).exit_code == 0
    assert build([str(demo_copy)], parallel, executor=ProcessExecutor(2)).exit_code == 0
    for name in [OVERVIEW.page, *(s.page for s in registry()), "report.html", "index.html"]:
        assert page(serial, "demo", name) == page(parallel, "demo", name)


@pytest.mark.parametrize("spec", [OVERVIEW, *registry()], ids=lambda s: s.slug)
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
