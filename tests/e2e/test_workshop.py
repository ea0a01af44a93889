"""The workshop in real JupyterLab: the form recalculates, saves safely and explains bad input."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

ROOT = Path(__file__).resolve().parents[2]
SAVED = re.compile(r"gespeichert \d\d:\d\d:\d\d")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """JupyterLab on 127.0.0.1 with a random port and token, serving a copy of the workspace."""
    workspace = tmp_path_factory.mktemp("workspace")
    shutil.copytree(ROOT / "notebooks", workspace / "notebooks")
    shutil.copytree(
        ROOT / "engagements" / "demo",
        workspace / "engagements" / "demo",
        ignore=shutil.ignore_patterns(".history", "*.lock"),
    )
    settings = workspace / ".lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}'
    )
    port, token = free_port(), secrets.token_hex(16)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={workspace}",
        f"--LabApp.user_settings_dir={workspace / '.lab-settings'}",
        "--ServerApp.open_browser=False",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(workspace / ".jupyter"),
        "JUPYTER_RUNTIME_DIR": str(workspace / ".runtime"),
    }
    env.pop("SMTOOLKIT_MODE", None)
    log = open(workspace / "lab.log", "w")  # noqa: SIM115
    server = subprocess.Popen(command, cwd=workspace, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.terminate()
                pytest.fail("JupyterLab did not start:\n" + (workspace / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield {"base": base, "token": token, "workspace": workspace}
    server.terminate()
    server.wait(30)
    log.close()


def run_notebook(browser: Any, lab: dict[str, Any], name: str, shots: list[Any]) -> Any:
    """Open a notebook in JupyterLab, run all cells and wait until the form shows."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    shots.append(page)
    workspace = f"w{secrets.token_hex(4)}"  # a window of its own: no tabs restored from another window
    page.goto(f"{lab['base']}/lab/workspaces/{workspace}/tree/notebooks/{name}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    page.wait_for_selector("text=/ipykernel\\) \\| Idle/", timeout=60_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    page.wait_for_selector("text=geladen", timeout=90_000)
    return page


def field(page: Any, label: str) -> Any:
    """The text input of the form field with ``label``."""
    return page.locator(".widget-text", has=page.locator("label", has_text=label)).locator("input")


def type_value(page: Any, label: str, value: str) -> None:
    """Type ``value`` into the field and commit it as a person would (Enter)."""
    box = field(page, label)
    box.fill(value)
    box.press("Enter")


def test_changes_recalculate_and_save_with_history(
    browser: Any, lab: dict[str, Any], shots: list[Any]
) -> None:
    """Two changed answers update the result live and land in engagement.yaml with the old version kept."""
    yaml_path = lab["workspace"] / "engagements" / "demo" / "engagement.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    page = run_notebook(browser, lab, "04_effort.ipynb", shots)
    assert page.locator("text=29,0\u00a0Std. pro Woche").count() >= 1
    type_value(page, "Monitoring (Std. pro Woche)", "5")
    type_value(page, "Direktnachrichten pro Woche", "20")
    page.wait_for_selector(f"text=/{SAVED.pattern}/", timeout=30_000)
    # 29.0 h + 2 h monitoring + 5 messages x 4 min = 31.33 h
    page.wait_for_selector("text=31,3\u00a0Std. pro Woche", timeout=30_000)
    deadline = time.monotonic() + 10
    while (
        "direct_messages_per_week: 20" not in yaml_path.read_text(encoding="utf-8")
        and time.monotonic() < deadline
    ):
        time.sleep(0.2)
    after = yaml_path.read_text(encoding="utf-8")
    assert "monitoring_hours_per_week: 5" in after and "direct_messages_per_week: 20" in after
    assert "# Demo engagement: Hallberg Pumpen GmbH" in after
    history = sorted((yaml_path.parent / ".history").iterdir())
    assert history and history[0].read_text(encoding="utf-8") == before
    page.close()


def test_invalid_value_is_explained_and_not_saved(
    browser: Any, lab: dict[str, Any], shots: list[Any]
) -> None:
    """A negative number shows 'mindestens 0' next to the field and the file keeps the valid value."""
    yaml_path = lab["workspace"] / "engagements" / "demo" / "engagement.yaml"
    page = run_notebook(browser, lab, "04_effort.ipynb", shots)
    before = yaml_path.read_text(encoding="utf-8")
    type_value(page, "Reporting (Std. pro Woche)", "-3")
    page.wait_for_selector("text=mindestens 0", timeout=30_000)
    time.sleep(2.5)
    assert yaml_path.read_text(encoding="utf-8") == before
    type_value(page, "Reporting (Std. pro Woche)", "2,5")
    page.wait_for_selector("text=mindestens 0", state="detached", timeout=30_000)
    deadline = time.monotonic() + 10
    while (
        "reporting_hours_per_week: 2.5" not in yaml_path.read_text(encoding="utf-8")
        and time.monotonic() < deadline
    ):
        time.sleep(0.2)
    assert "reporting_hours_per_week: 2.5" in yaml_path.read_text(encoding="utf-8")
    page.close()


def wait_for_text(path: Path, needle: str, seconds: float = 15) -> str:
    """Wait until ``needle`` appears in the file (the autosave is debounced) and return the text."""
    deadline = time.monotonic() + seconds
    text = path.read_text(encoding="utf-8")
    while needle not in text and time.monotonic() < deadline:
        time.sleep(0.2)
        text = path.read_text(encoding="utf-8")
    return text


def test_two_notebooks_of_one_engagement_keep_both_changes(
    browser: Any, lab: dict[str, Any], shots: list[Any]
) -> None:
    """Saving check 01 and check 04 from two open notebooks keeps both sections' changes."""
    yaml_path = lab["workspace"] / "engagements" / "demo" / "engagement.yaml"
    strategy = run_notebook(browser, lab, "01_strategy.ipynb", shots)
    effort = run_notebook(browser, lab, "04_effort.ipynb", shots)
    type_value(strategy, "Ruhend ab (Tage ohne Beitrag)", "120")
    type_value(effort, "Abstimmung (Std. pro Woche)", "3,5")
    text = wait_for_text(yaml_path, "coordination_hours_per_week: 3.5")
    text = wait_for_text(yaml_path, "dormant_days: 120")
    assert "dormant_days: 120" in text and "coordination_hours_per_week: 3.5" in text
    assert "# Demo engagement: Hallberg Pumpen GmbH" in text
    strategy.close()
    effort.close()
