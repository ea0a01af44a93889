"""Headless Chromium for browser tests (Debian's package; installed by `make test`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Where the system Chromium is, if installed."""
    return shutil.which("chromium") or (os.path.exists("/usr/bin/chromium") and "/usr/bin/chromium") or None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A Playwright browser on the system Chromium; skipped locally without it, fatal in CI."""
    executable = chromium_path()
    if executable is None:
        if os.environ.get("SMTOOLKIT_REQUIRE_BROWSER"):
            pytest.fail("chromium is not installed but SMTOOLKIT_REQUIRE_BROWSER is set")
        pytest.skip("chromium is not installed (make test installs it with apt-get)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Remember each phase's report on the test item, so fixtures know whether the test failed."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Iterator[list[Any]]:
    """Pages registered here are screenshotted into test-artifacts/ when the test fails."""
    pages: list[Any] = []
    yield pages
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    for index, page in enumerate(pages):
        target = ARTIFACTS / f"{request.node.name}-{index}.png"
        try:
            page.screenshot(path=str(target), full_page=True)
            print(f"screenshot: {target}")
        except Exception as err:  # a closed page cannot be captured; say so and go on
            print(f"no screenshot of page {index}: {err}")
