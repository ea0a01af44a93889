"""Built pages open from disk in a real browser with no network and render completely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smtoolkit.build import build
from smtoolkit.checks.registry import registry
from smtoolkit.overview import OVERVIEW

pytestmark = [pytest.mark.browser, pytest.mark.e2e]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo report, built once for this module."""
    import shutil

    root = Path(__file__).resolve().parents[2]
    work = tmp_path_factory.mktemp("e2e")
    shutil.copytree(
        root / "engagements" / "demo", work / "demo", ignore=shutil.ignore_patterns(".history", "*.lock")
    )
    summary = build([str(work / "demo")], work / "reports")
    assert summary.exit_code == 0
    return work / "reports" / "demo"


def open_offline(browser: Any, path: Path, console: list[str] | None = None) -> tuple[Any, list[str]]:
    """Open a page from disk, aborting and recording every request that is not file: or data:.

    Console errors and uncaught page errors are appended to ``console``.
    """
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    if console is not None:
        page.on("console", lambda msg: console.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda error: console.append(str(error)))

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            requested.append(url)
            route.abort()

    page.route("**/*", guard)
    page.goto(path.as_uri(), wait_until="load")
    return page, requested


@pytest.mark.parametrize("name", ["index.html", OVERVIEW.page, *[s.page for s in registry()], "report.html"])
def test_page_renders_offline_without_any_network_request(browser: Any, built: Path, name: str) -> None:
    """No request leaves the machine, no console error, every image decodes, the client's name is visible."""
    console: list[str] = []
    page, requested = open_offline(browser, built / name, console)
    assert requested == []
    assert console == []
    images = page.eval_on_selector_all("img", "els => els.map(e => [e.complete, e.naturalWidth])")
    assert images and all(done and width > 0 for done, width in images)
    assert page.is_visible("text=Hallberg Pumpen GmbH")
    page.context.close()


def test_contents_links_jump_to_their_sections(browser: Any, built: Path) -> None:
    """Every table-of-contents link points at a heading that exists on the page."""
    page, _ = open_offline(browser, built / "04-effort.html")
    targets = page.eval_on_selector_all(".smt-toc a", "els => els.map(e => e.getAttribute('href'))")
    assert len(targets) >= 5
    for target in targets:
        assert page.locator(target).count() == 1
    page.context.close()


def test_combined_report_contents_jump_to_unique_sections(browser: Any, built: Path) -> None:
    """In report.html every contents link, of each page and each section, finds exactly one target."""
    page, requested = open_offline(browser, built / "report.html")
    targets = page.eval_on_selector_all(".smt-toc a", "els => els.map(e => e.getAttribute('href'))")
    assert len(targets) >= 6 * (len(registry()) + 1)
    for target in targets:
        assert page.locator(target).count() == 1, target
    page.click(".smt-toc a[href='#sec-04-effort-budget']")
    assert page.evaluate("location.hash") == "#sec-04-effort-budget"
    assert requested == []
    page.context.close()


def test_index_opens_the_overview_first(browser: Any, built: Path) -> None:
    """The first link of the index is the overview, and it opens from disk."""
    page, requested = open_offline(browser, built / "index.html")
    assert page.eval_on_selector(".smt-index a", "e => e.getAttribute('href')") == OVERVIEW.page
    page.click(".smt-index a >> nth=0")
    page.wait_for_load_state("load")
    assert page.url.endswith(OVERVIEW.page) and page.is_visible("text=Management-Zusammenfassung")
    assert requested == []
    page.context.close()


def test_index_links_open_the_pages(browser: Any, built: Path) -> None:
    """Clicking a check on the index opens its page from disk."""
    page, requested = open_offline(browser, built / "index.html")
    page.click("text=04 Aufwand kalkulieren")
    page.wait_for_load_state("load")
    assert page.url.endswith("04-effort.html")
    assert requested == []
    page.context.close()
