"""Headless Chromium for browser tests (Debian's package; installed by `make test`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
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
