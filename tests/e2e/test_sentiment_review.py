"""Check 06's sentiment review in real JupyterLab: one click saves a label that survives a reload."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.labdriver import Lab, make_workspace, open_notebook, start_lab

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

#: Check 06 trains the engagement classifier on the demo's labels: give the kernel time.
SLOW = 600_000
CONFIRMED = re.compile(r"([\d.]+) von der Beratung bestätigt")
MONITORING = "engagements/demo/workshop/06_monitoring.ipynb"


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab, started as `smtoolkit lab` starts it, on a workspace holding the demo client."""
    workspace = make_workspace(tmp_path_factory.mktemp("workspace"), {"demo": "Hallberg Pumpen GmbH"})
    # attach every cell to the page (JupyterLab leaves cells out of view detached otherwise)
    settings = workspace / ".lab-settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    running = start_lab(workspace)
    yield running
    running.stop()


def open_monitoring(browser: Any, lab: Lab, shots: list[Any]) -> Any:
    """Open the client's workshop notebook 06, run all cells and wait until the review shows."""
    page = open_notebook(browser, lab, MONITORING, width=1400, height=1000)
    shots.append(page)
    page.wait_for_selector(".smt-review-item", timeout=SLOW)
    # the details' note counts mentions per method ("0 von der Beratung bestätigt"); the
    # summary's finding gives shares ("0 % von der ...")
    page.wait_for_selector("text=/\\d von der Beratung bestätigt/", timeout=SLOW)
    return page


def confirmed_count(page: Any) -> int:
    """The page's count of mentions whose sentiment the consultant confirmed."""
    text = page.locator(".jp-Notebook").inner_text()
    match = CONFIRMED.search(text)
    assert match is not None, text[-2000:]
    return int(match.group(1).replace(".", ""))


def test_a_corrected_label_is_saved_kept_and_counted(
    browser: Any,
    lab: Lab,
    shots: list[Any],
) -> None:
    """Correcting the first (least certain) mention saves it, the page counts it, and a reload keeps it."""
    yaml_path = lab.workspace / "engagements" / "demo" / "engagement.yaml"
    page = open_monitoring(browser, lab, shots)
    before = confirmed_count(page)
    first = page.locator(".smt-review-item").first
    # the predicted label's button is highlighted; click another one (a correction)
    first.scroll_into_view_if_needed()
    target = first.locator("button:not(.mod-success)").first
    chosen = target.inner_text().strip()
    target.click()
    deadline = time.monotonic() + SLOW / 1000
    while "sentiment_labels" not in yaml_path.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.5)
    saved = yaml_path.read_text(encoding="utf-8")
    assert "sentiment_labels" in saved and "# Demo engagement: Hallberg Pumpen GmbH" in saved
    label = {"positiv": "positive", "neutral": "neutral", "negativ": "negative"}[chosen]
    assert f"label: {label}" in saved
    # the page is recalculated: the mention (in one export or in several) now counts as confirmed
    deadline = time.monotonic() + SLOW / 1000
    after = confirmed_count(page)
    while after <= before and time.monotonic() < deadline:
        time.sleep(1)
        after = confirmed_count(page)
    assert after > before
    page.close()
    # reload: a fresh kernel reads the engagement again; the label is kept and counted
    again = open_monitoring(browser, lab, shots)
    assert confirmed_count(again) == after
    assert (yaml_path.parent / ".history").is_dir()
    again.close()
