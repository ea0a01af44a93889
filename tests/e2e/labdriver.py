"""Drive a workshop in real JupyterLab: a workspace with clients, the server, and page helpers.

Shared by the browser tests (tests/e2e/test_workshop.py) and the benchmark
(benchmarks/workshop.py). The server is started with the same command `smtoolkit lab`
builds (:func:`smtoolkit.workshop.lab_launch`), rooted at a temporary workspace.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAVED = re.compile(r"(?<!nicht )gespeichert \d\d:\d\d:\d\d")


@dataclass
class Lab:
    """A running JupyterLab on a workspace."""

    base: str
    token: str
    workspace: Path
    server: subprocess.Popen[bytes]
    log: Any

    def stop(self) -> None:
        """Terminate the server and close its log."""
        self.server.terminate()
        try:
            self.server.wait(30)
        except subprocess.TimeoutExpired:
            self.server.kill()
        self.log.close()


def make_workspace(target: Path, clients: dict[str, str]) -> Path:
    """A workspace with the demo engagement copied once per ``slug -> client name``."""
    from smtoolkit.workshop import ensure_workshop

    (target / "smtoolkit.toml").write_text("")
    for slug, name in clients.items():
        folder = target / "engagements" / slug
        shutil.copytree(
            ROOT / "engagements" / "demo",
            folder,
            ignore=shutil.ignore_patterns(".history", "*.lock", "workshop", ".cache"),
        )
        path = folder / "engagement.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("Hallberg Pumpen GmbH", name), encoding="utf-8"
        )
        ensure_workshop(folder, target)
    settings = target / ".lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}'
    )
    return target


def start_lab(workspace: Path, engagement: str | None = None) -> Lab:
    """Start JupyterLab as `smtoolkit lab` would, on a free port with a random token."""
    from smtoolkit.workshop import lab_launch

    token = secrets.token_hex(16)
    here = Path.cwd()
    os.chdir(workspace)
    try:
        launch = lab_launch(engagement, token=token, open_browser=False)
    finally:
        os.chdir(here)
    command = [*launch.command, f"--LabApp.user_settings_dir={workspace / '.lab-settings'}"]
    env = {
        **launch.env,
        "JUPYTER_CONFIG_DIR": str(workspace / ".jupyter"),
        "JUPYTER_RUNTIME_DIR": str(workspace / ".runtime"),
    }
    log = open(workspace / "lab.log", "w")  # noqa: SIM115
    server = subprocess.Popen(command, cwd=workspace, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = launch.url.split("/lab")[0]
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.terminate()
                log.close()
                raise RuntimeError(
                    "JupyterLab did not start:\n" + (workspace / "lab.log").read_text()[-3000:]
                ) from None
            time.sleep(0.5)
    return Lab(base, token, workspace, server, log)


def open_notebook(browser: Any, lab: Lab, path: str, *, width: int = 1366, height: int = 900) -> Any:
    """Open ``path`` (relative to the workspace) in a window of its own, run all cells, wait for the form."""
    page = browser.new_page(viewport={"width": width, "height": height})
    window = f"w{secrets.token_hex(4)}"  # no tabs restored from another window
    page.goto(f"{lab.base}/lab/workspaces/{window}/tree/{path}?reset&token={lab.token}")
    page.wait_for_selector(".jp-Notebook", timeout=90_000)
    page.wait_for_selector("text=/ipykernel\\) \\| Idle/", timeout=90_000)
    run_all(page)
    return page


def run_all(page: Any) -> None:
    """Run all cells from the Run menu and wait until the form says it is loaded."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    page.wait_for_selector(
        ".smt-status:not(.jupyter-widgets-disconnected) >> text=/geladen|loaded/", timeout=120_000
    )


def field(page: Any, label: str) -> Any:
    """The input of the form field with ``label``."""
    row = page.locator(".smt-field", has=page.locator(".smt-label", has_text=label))
    return row.locator("input, textarea").first


def type_value(page: Any, label: str, value: str) -> None:
    """Type ``value`` into the field and commit it as a person would (Enter)."""
    box = field(page, label)
    box.fill(value)
    box.press("Enter")


def status(page: Any) -> str:
    """The text of the form's status line."""
    return str(page.locator(".smt-status").first.inner_text())


def wait_for_file(path: Path, needle: str, seconds: float = 15, *, absent: bool = False) -> str:
    """Wait until ``needle`` appears in (or, ``absent``, disappears from) the file; return its text."""
    deadline = time.monotonic() + seconds
    text = path.read_text(encoding="utf-8")
    while (needle in text) == absent and time.monotonic() < deadline:
        time.sleep(0.02)
        text = path.read_text(encoding="utf-8")
    return text
